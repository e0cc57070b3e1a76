from io import StringIO

import pytest
from django.core.management import call_command

from nastavnik.skills.models import Skill


@pytest.mark.django_db
def test_sync_skills_command_is_idempotent():
    first, second = StringIO(), StringIO()

    call_command("sync_skills", stdout=first)
    count = Skill.objects.count()
    call_command("sync_skills", stdout=second)

    assert count >= 300
    assert Skill.objects.count() == count
    assert f"{count} created" in first.getvalue()
    assert "0 created, 0 updated" in second.getvalue()
