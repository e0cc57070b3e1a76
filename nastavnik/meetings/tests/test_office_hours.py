from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from nastavnik.meetings import office_hours
from nastavnik.meetings.models import Booking, MeetingStatus, OfficeHourSlot

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
        f"/api/v1/mentors/{mentor.mentor_profile.pk}/slots/",
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


# --- a weekly pattern ----------------------------------------------------------------------------

TUESDAY = 2


@pytest.fixture
def berlin_mentor(mentor):
    mentor.timezone = "Europe/Berlin"
    mentor.save(update_fields=["timezone"])
    return mentor


def publish_weekly(mentor, **overrides):
    pattern = {
        "weekday": TUESDAY,
        "start": time(18, 0),
        "duration_minutes": 30,
        "count": 2,
        "weeks": 3,
        "starting": date(2030, 3, 19),
    }
    return office_hours.slot_publish_weekly(mentor=mentor, **pattern | overrides)


def test_a_weekly_pattern_keeps_18_00_in_berlin_across_the_dst_change(berlin_mentor):
    # Clocks in Berlin go forward on Sunday 31 March 2030, between the second and third Tuesday.
    published = publish_weekly(berlin_mentor)
    local = [slot.start.astimezone(BERLIN) for slot in published.created]
    assert [(t.date().isoformat(), t.strftime("%H:%M")) for t in local] == [
        ("2030-03-19", "18:00"),
        ("2030-03-19", "18:30"),
        ("2030-03-26", "18:00"),
        ("2030-03-26", "18:30"),
        ("2030-04-02", "18:00"),
        ("2030-04-02", "18:30"),
    ]
    utc_hours = [slot.start.astimezone(UTC).hour for slot in published.created[::2]]
    assert utc_hours == [17, 17, 16]
    assert published.skipped == 0
    assert {slot.timezone for slot in OfficeHourSlot.objects.all()} == {"Europe/Berlin"}


def test_a_weekly_pattern_skips_slots_overlapping_existing_ones_and_counts_them(berlin_mentor):
    existing = datetime(2030, 3, 26, 18, 30, tzinfo=BERLIN)
    office_hours.slot_publish(mentor=berlin_mentor, start=existing, duration_minutes=20)
    published = publish_weekly(berlin_mentor)
    assert published.skipped == 1
    starts = [slot.start for slot in published.created]
    assert existing not in starts
    # Touching is not overlapping: 18:00-18:30 ends as the existing slot begins.
    assert datetime(2030, 3, 26, 18, 0, tzinfo=BERLIN) in starts
    assert OfficeHourSlot.objects.count() == 6

    again = publish_weekly(berlin_mentor)
    assert (again.created, again.skipped) == ([], 6)
    assert OfficeHourSlot.objects.count() == 6


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"weekday": 0}, "weekday"),
        ({"weekday": 8}, "weekday"),
        ({"duration_minutes": 5}, "duration_minutes"),
        ({"count": 0}, "count"),
        ({"count": 13}, "count"),
        ({"start": time(23, 30), "count": 2}, "count"),
        ({"weeks": 0}, "weeks"),
        ({"weeks": 13}, "weeks"),
        ({"starting": date(2020, 3, 17)}, "start"),
    ],
)
def test_a_bad_weekly_pattern_names_the_field_and_publishes_nothing(
    berlin_mentor, overrides, field
):
    with pytest.raises(ValidationError) as raised:
        publish_weekly(berlin_mentor, **overrides)
    assert field in raised.value.message_dict
    assert not OfficeHourSlot.objects.exists()


def test_a_weekly_pattern_whose_time_passed_today_begins_next_week(berlin_mentor):
    today = timezone.now().astimezone(BERLIN).date()
    published = publish_weekly(
        berlin_mentor, weekday=today.isoweekday(), start=time(0, 0), count=1, weeks=2, starting=None
    )
    days = [slot.start.astimezone(BERLIN).date() for slot in published.created]
    assert days == [today + timedelta(weeks=1), today + timedelta(weeks=2)]


def test_only_a_mentor_publishes_a_weekly_pattern(outsider):
    with pytest.raises(PermissionDenied):
        publish_weekly(outsider)
    assert not OfficeHourSlot.objects.exists()


WEEKLY_URL = "/api/v1/me/office-hours/weekly/"


def test_api_publishes_a_weekly_pattern_and_reports_skipped_slots(api_client_for, berlin_mentor):
    api = api_client_for(berlin_mentor)
    body = {"weekday": TUESDAY, "start": "18:00", "duration_minutes": 30, "count": 2, "weeks": 2}
    created = api.post(WEEKLY_URL, body, format="json")
    assert created.status_code == 201, created.json()
    slots = created.json()["created"]
    assert created.json()["skipped"] == 0
    assert len(slots) == 4
    for slot in slots:
        local = datetime.fromisoformat(slot["start"]).astimezone(BERLIN)
        assert local.isoweekday() == TUESDAY
        assert local.strftime("%H:%M") in ("18:00", "18:30")
        assert slot["booked"] is False
    listed = api.get("/api/v1/me/office-hours/").json()
    assert sorted(s["id"] for s in listed) == sorted(s["id"] for s in slots)

    again = api.post(WEEKLY_URL, body, format="json")
    assert again.status_code == 201
    assert again.json() == {"created": [], "skipped": 4}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"weekday": 0}, "weekday"),
        ({"start": "25:00"}, "start"),
        ({"duration_minutes": 300}, "duration_minutes"),
        ({"count": 0}, "count"),
        ({"start": "23:30", "count": 2}, "count"),
        ({"weeks": 13}, "weeks"),
        ({"weeks": None}, "weeks"),
    ],
)
def test_api_bad_weekly_pattern_is_a_400_naming_the_field(
    api_client_for, berlin_mentor, change, field
):
    body = {"weekday": TUESDAY, "start": "18:00", "count": 1, "weeks": 2} | change
    body = {key: value for key, value in body.items() if value is not None}
    response = api_client_for(berlin_mentor).post(WEEKLY_URL, body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not OfficeHourSlot.objects.exists()


def test_api_a_non_mentor_cannot_publish_a_weekly_pattern(api_client_for, outsider):
    body = {"weekday": TUESDAY, "start": "18:00", "weeks": 2}
    assert api_client_for(outsider).post(WEEKLY_URL, body, format="json").status_code == 403


def test_the_schema_documents_the_weekly_endpoint_and_its_400(api_client, tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yaml"))
    schema = api_client.get("/api/v1/schema/", {"format": "json"}).json()
    post = schema["paths"][WEEKLY_URL]["post"]
    assert set(post["responses"]) >= {"201", "400", "403"}
    error = post["responses"]["400"]["content"]["application/json"]["schema"]["$ref"]
    fields = schema["components"]["schemas"][error.rsplit("/", 1)[1]]["properties"]
    assert set(fields) == {"weekday", "start", "duration_minutes", "count", "weeks"}


def test_slots_are_listed_under_the_mentors_directory_id_and_not_for_non_mentors(
    api_client_for, mentor, mentee, outsider
):
    api = api_client_for(mentee)
    directory_id = mentor.mentor_profile.pk
    listed = api.get("/api/v1/mentors/").json()["results"]

    assert directory_id in [card["id"] for card in listed]
    assert api.get(f"/api/v1/mentors/{directory_id}/slots/").status_code == 200
    assert api.get(f"/api/v1/mentors/{outsider.pk + 10_000}/slots/").status_code == 404
