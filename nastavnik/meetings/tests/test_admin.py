from datetime import UTC, datetime

import pytest

from nastavnik.meetings import services
from nastavnik.meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_staff_see_the_meeting_in_the_admin_but_not_its_notes(client, staff_user, mentor):
    meeting = MeetingFactory(start=datetime(2030, 3, 4, 17, 0, tzinfo=UTC))
    meeting.notes = "Shared between the pair"
    meeting.save()
    services.private_note_save(meeting=meeting, author=meeting.organizer, text="Only mine")
    client.force_login(staff_user)
    assert client.get("/admin/meetings/meeting/").status_code == 200
    page = client.get(f"/admin/meetings/meeting/{meeting.pk}/change/").content.decode()
    assert meeting.title in page
    assert "Shared between the pair" not in page
    assert "Only mine" not in page
    assert client.get("/admin/meetings/reminder/").status_code == 200
    assert client.get("/admin/meetings/booking/").status_code == 200
