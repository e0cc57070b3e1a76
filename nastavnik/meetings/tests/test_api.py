from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from nastavnik.meetings import selectors, services
from nastavnik.meetings.models import Meeting

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2030, 3, 18, 18, 0, tzinfo=BERLIN)
pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(relationship):
    return services.meeting_schedule(
        relationship=relationship, by=relationship.mentor, start=START, recurrence="weekly"
    )


def test_the_mentee_schedules_a_weekly_meeting_for_the_pair(api_client_for, relationship, mentee):
    response = api_client_for(mentee).post(
        f"/api/v1/relationships/{relationship.pk}/meetings/",
        {
            "start": "2030-03-18T18:00:00+01:00",
            "duration_minutes": 45,
            "recurrence": "weekly",
            "agenda": "SQL joins",
            "location": "https://meet.example.org/abc",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["rrule"], body["duration_minutes"], body["timezone"]) == (
        "FREQ=WEEKLY",
        45,
        "Asia/Yekaterinburg",
    )
    assert body["participants"] == sorted([relationship.mentor_id, relationship.mentee_id])


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"start": "2030-03-18T18:00:00"}, "start"),
        ({"start": "next tuesday"}, "start"),
        ({"start": "2020-03-18T18:00:00+01:00"}, "start"),
        ({"start": "2030-03-18T18:00:00+01:00", "recurrence": "daily"}, "recurrence"),
        ({"start": "2030-03-18T18:00:00+01:00", "duration_minutes": 0}, "duration_minutes"),
        ({}, "start"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(api_client_for, relationship, mentor, payload, field):
    response = api_client_for(mentor).post(
        f"/api/v1/relationships/{relationship.pk}/meetings/", payload, format="json"
    )
    assert response.status_code == 400
    assert field in response.json()
    assert not Meeting.objects.exists()


def test_an_outsider_cannot_schedule_for_or_list_someone_elses_pair(
    api_client_for, relationship, outsider, meeting
):
    client = api_client_for(outsider)
    url = f"/api/v1/relationships/{relationship.pk}/meetings/"
    assert client.get(url).status_code == 404
    assert (
        client.post(url, {"start": "2030-03-18T18:00:00+01:00"}, format="json").status_code == 404
    )


@pytest.mark.parametrize(
    ("who", "status"),
    [("mentor", 200), ("mentee", 200), ("outsider", 404), ("staff_user", 404)],
)
def test_who_can_read_a_meeting_and_its_shared_notes(request, api_client_for, meeting, who, status):
    client = api_client_for(request.getfixturevalue(who))
    assert client.get(f"/api/v1/meetings/{meeting.pk}/").status_code == status
    assert client.get(f"/api/v1/meetings/{meeting.pk}/notes/").status_code == status
    assert client.get(f"/api/v1/meetings/{meeting.pk}/private-note/").status_code == status
    put = client.put(f"/api/v1/meetings/{meeting.pk}/notes/", {"notes": "x"}, format="json")
    assert put.status_code == status


def test_shared_notes_are_shared_and_private_notes_are_the_callers_own(
    api_client_for, meeting, mentor, mentee
):
    mentor_client, mentee_client = api_client_for(mentor), api_client_for(mentee)
    base = f"/api/v1/meetings/{meeting.pk}"
    mentor_client.put(f"{base}/notes/", {"notes": "Agreed: SQL course"}, format="json")
    assert mentee_client.get(f"{base}/notes/").json() == {"notes": "Agreed: SQL course"}
    written = mentor_client.put(f"{base}/private-note/", {"text": "Too fast?"}, format="json")
    assert written.json() == {"text": "Too fast?"}
    assert mentee_client.get(f"{base}/private-note/").json() == {"text": ""}
    assert mentor_client.get(f"{base}/private-note/").json() == {"text": "Too fast?"}
    assert "Too fast?" not in mentee_client.get(f"{base}/").content.decode()


def test_patch_changes_the_meeting_and_cancel_cancels_it(api_client_for, meeting, mentee):
    client = api_client_for(mentee)
    response = client.patch(
        f"/api/v1/meetings/{meeting.pk}/",
        {"location": "Room 4", "duration_minutes": 30},
        format="json",
    )
    assert response.status_code == 200
    assert (response.json()["location"], response.json()["sequence"]) == ("Room 4", 1)
    cancelled = client.post(f"/api/v1/meetings/{meeting.pk}/cancel/")
    assert cancelled.json()["status"] == "cancelled"
    assert client.patch(
        f"/api/v1/meetings/{meeting.pk}/", {"start": "tomorrow"}, format="json"
    ).json().keys() == {"start"}


def test_my_meetings_lists_expanded_occurrences_with_a_moved_one(api_client_for, meeting, mentee):
    client = api_client_for(mentee)
    moved = client.post(
        f"/api/v1/meetings/{meeting.pk}/occurrences/move/",
        {"original_start": "2030-03-25T18:00:00+01:00", "new_start": "2030-03-26T09:00:00+01:00"},
        format="json",
    )
    assert moved.status_code == 200
    response = client.get(
        "/api/v1/meetings/",
        {"from": "2030-03-18T00:00:00+01:00", "to": "2030-03-31T00:00:00+01:00"},
    )
    assert response.status_code == 200
    starts = [datetime.fromisoformat(o["start"]) for o in response.json()]
    assert starts == [START, datetime(2030, 3, 26, 9, 0, tzinfo=BERLIN)]
    assert [o["moved"] for o in response.json()] == [False, True]


def test_my_meetings_rejects_a_bad_range_naming_the_parameter(api_client_for, mentee):
    client = api_client_for(mentee)
    assert "from" in client.get("/api/v1/meetings/", {"from": "yesterday"}).json()
    backwards = client.get(
        "/api/v1/meetings/",
        {"from": "2030-03-18T00:00:00+01:00", "to": "2030-03-01T00:00:00+01:00"},
    )
    assert backwards.status_code == 400
    assert "to" in backwards.json()


def test_moving_a_time_outside_the_series_is_a_400(api_client_for, meeting, mentor):
    response = api_client_for(mentor).post(
        f"/api/v1/meetings/{meeting.pk}/occurrences/move/",
        {"original_start": "2030-03-19T18:00:00+01:00", "new_start": "2030-03-26T09:00:00+01:00"},
        format="json",
    )
    assert response.status_code == 400
    assert "original_start" in response.json()


def test_calendar_url_and_rotation(api_client_for, client, meeting, mentee):
    api = api_client_for(mentee)
    url = api.get("/api/v1/me/calendar/").json()["url"]
    path = url.split("://", 1)[1].split("/", 1)[1]
    assert client.get(f"/{path}").status_code == 200
    new_url = api.post("/api/v1/me/calendar/rotate/").json()["url"]
    assert new_url != url
    assert client.get(f"/{path}").status_code == 404
    assert selectors.calendar_feed_for_user(user=mentee).token in new_url


def test_the_meetings_endpoints_are_in_the_openapi_schema(api_client_for, mentee):
    schema = api_client_for(mentee).get("/api/v1/schema/", {"format": "json"}).json()
    for path in [
        "/api/v1/relationships/{relationship_id}/meetings/",
        "/api/v1/meetings/",
        "/api/v1/meetings/{id}/",
        "/api/v1/meetings/{id}/cancel/",
        "/api/v1/meetings/{id}/notes/",
        "/api/v1/meetings/{id}/private-note/",
        "/api/v1/me/calendar/",
        "/api/v1/me/calendar/rotate/",
    ]:
        assert path in schema["paths"], path


def test_cancelling_through_the_api_emails_both_people_a_cancellation(
    api_client_for, meeting, mentor, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        api_client_for(mentor).post(f"/api/v1/meetings/{meeting.pk}/cancel/")
    assert sorted(m.to[0] for m in mail.outbox) == ["mentee@example.org", "mentor@example.org"]
    assert all("method=CANCEL" in m.attachments[0][2] for m in mail.outbox)


def test_a_mentor_schedules_a_group_session_with_two_mentees_and_both_see_it(
    api_client_for, relationship, mentor, mentee, outsider
):
    from nastavnik.relationships.tests.factories import MenteeUserFactory, RelationshipFactory

    second = MenteeUserFactory()
    RelationshipFactory(mentor=mentor, mentee=second, seat=2)
    response = api_client_for(mentor).post(
        "/api/v1/group-sessions/",
        {
            "title": "Group Q&A",
            "participants": [mentee.pk, second.pk],
            "start": "2030-03-20T18:00:00+01:00",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    meeting_id = response.json()["id"]
    assert response.json()["participants"] == sorted([mentor.pk, mentee.pk, second.pk])
    assert api_client_for(second).get(f"/api/v1/meetings/{meeting_id}/").status_code == 200
    assert api_client_for(outsider).get(f"/api/v1/meetings/{meeting_id}/").status_code == 404


def test_a_group_session_only_takes_the_mentors_own_mentees(
    api_client_for, relationship, mentor, mentee, outsider
):
    response = api_client_for(mentor).post(
        "/api/v1/group-sessions/",
        {
            "title": "Group Q&A",
            "participants": [mentee.pk, outsider.pk],
            "start": "2030-03-20T18:00:00+01:00",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "participants" in response.json()
