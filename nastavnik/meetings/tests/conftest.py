import pytest

from nastavnik.relationships.tests.factories import RelationshipFactory


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """Run tasks (invitation emails) at once so that tests see the mail they cause."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def relationship(mentor, mentee):
    mentor.timezone = "Europe/Berlin"
    mentor.save(update_fields=["timezone"])
    mentee.timezone = "Asia/Yekaterinburg"
    mentee.save(update_fields=["timezone"])
    return RelationshipFactory(mentor=mentor, mentee=mentee)
