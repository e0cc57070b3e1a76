from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from icalendar import Calendar

from nastavnik.meetings import office_hours
from nastavnik.meetings.models import Booking, MeetingStatus

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2030, 3, 19, 10, 0, tzinfo=BERLIN)
pytestmark = pytest.mark.django_db


@pytest.fixture
def slot(mentor):
    return office_hours.slot_publish(mentor=mentor, start=START, duration_minutes=30)


def test_only_a_mentor_publishes_office_hours(outsider):
    with pytest.raises(PermissionDenied):
        office_hours.slot_publish(mentor=outsider, start=START)


def test_booking_invites_both_people_and_the_slot_is_no_longer_offered(
    slot, mentor, mentee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = office_hours.slot_book(slot=slot, mentee=mentee, topic="CV review")
    assert sorted(m.to[0] for m in mail.outbox) == ["mentee@example.org", "mentor@example.org"]
    (event,) = Calendar.from_ical(mail.outbox[0].attachments[0][1]).walk("VEVENT")
    assert str(event["UID"]) == booking.meeting.uid
    assert event["DTSTART"].dt == START
    window = {"after": START - timedelta(days=1), "before": START + timedelta(days=1)}
    assert list(office_hours.open_slots(mentor_id=mentor.pk, **window)) == []


def test_a_second_booking_of_a_slot_is_refused(slot, mentee, outsider):
    office_hours.slot_book(slot=slot, mentee=mentee, topic="CV review")
    with pytest.raises(office_hours.SlotTakenError):
        office_hours.slot_book(slot=slot, mentee=outsider, topic="Me too")
    assert Booking.objects.count() == 1


def test_a_cancelled_booking_frees_the_slot_and_cancels_the_meeting(slot, mentor, mentee, outsider):
    booking = office_hours.slot_book(slot=slot, mentee=mentee, topic="CV review")
    office_hours.booking_cancel(booking=booking, by=mentee)
    booking.meeting.refresh_from_db()
    assert booking.meeting.status == MeetingStatus.CANCELLED
    again = office_hours.slot_book(slot=slot, mentee=outsider, topic="Interviews")
    assert again.cancelled_at is None


def test_api_publish_list_book_conflict_and_cancel(api_client_for, mentor, mentee, outsider):
    mentor_api, mentee_api, outsider_api = (api_client_for(u) for u in (mentor, mentee, outsider))
    created = mentor_api.post(
        "/api/v1/me/office-hours/",
        {"start": "2030-03-19T10:00:00+01:00", "duration_minutes": 30},
        format="json",
    )
    assert created.status_code == 201, created.json()
    slot_id = created.json()["id"]
    assert [s["id"] for s in mentor_api.get("/api/v1/me/office-hours/").json()] == [slot_id]
    free = mentee_api.get(
        f"/api/v1/mentors/{mentor.pk}/slots/",
        {"from": "2030-03-18T00:00:00+01:00", "to": "2030-03-20T00:00:00+01:00"},
    )
    assert [s["id"] for s in free.json()] == [slot_id]
    booked = mentee_api.post(
        "/api/v1/bookings/", {"slot": slot_id, "topic": "CV review"}, format="json"
    )
    assert booked.status_code == 201
    taken = outsider_api.post("/api/v1/bookings/", {"slot": slot_id, "topic": "x"}, format="json")
    assert taken.status_code == 409
    assert "slot" in taken.json()
    booking_id = booked.json()["id"]
    assert outsider_api.post(f"/api/v1/bookings/{booking_id}/cancel/").status_code == 404
    cancelled = mentor_api.post(f"/api/v1/bookings/{booking_id}/cancel/")
    assert cancelled.status_code == 200
    assert cancelled.json()["cancelled_at"] is not None


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"slot": 999999, "topic": "x"}, "slot"),
        ({"slot": "abc", "topic": "x"}, "slot"),
        ({}, "topic"),
    ],
)
def test_api_bad_booking_is_a_400_naming_the_field(api_client_for, mentee, payload, field):
    response = api_client_for(mentee).post("/api/v1/bookings/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_api_a_non_mentor_cannot_publish_slots(api_client_for, outsider):
    response = api_client_for(outsider).post(
        "/api/v1/me/office-hours/", {"start": "2030-03-19T10:00:00+01:00"}, format="json"
    )
    assert response.status_code == 403
