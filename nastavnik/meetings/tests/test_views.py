from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from nastavnik.goals.models import Task
from nastavnik.meetings import selectors, services
from nastavnik.meetings.models import Booking, Meeting, PrivateNote
from nastavnik.profiles.models import AvailabilityWindow

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2030, 3, 18, 18, 0, tzinfo=BERLIN)
pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(relationship):
    return services.meeting_schedule(
        relationship=relationship,
        by=relationship.mentor,
        start=START,
        recurrence="weekly",
        title="Weekly SQL session",
    )


def logged_in(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("who", "status"),
    [("mentor", 200), ("mentee", 200), ("outsider", 404), ("staff_user", 404)],
)
def test_who_can_open_the_meeting_page_and_schedule_form(request, client, meeting, who, status):
    client = logged_in(client, request.getfixturevalue(who))
    assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == status
    schedule_url = reverse("meetings:schedule", args=[meeting.relationship_id])
    assert client.get(schedule_url).status_code == status
    notes = client.post(reverse("meetings:notes", args=[meeting.pk]), {"notes": "mine"})
    assert notes.status_code == (302 if status == 200 else 404)


def test_pages_need_a_login(client, meeting):
    response = client.get(reverse("meetings:detail", args=[meeting.pk]))
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def test_the_private_note_shows_only_to_its_author(client, meeting, mentor, mentee):
    logged_in(client, mentor).post(
        reverse("meetings:private-note", args=[meeting.pk]), {"text": "Секрет: слишком быстро"}
    )
    assert PrivateNote.objects.get().author == mentor
    assert "Секрет" in client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    logged_in(client, mentee)
    assert (
        "Секрет" not in client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    )


def test_the_schedule_form_proposes_overlapping_times_and_schedules_a_series(
    client, relationship, mentor, mentee
):
    for user in (mentor, mentee):
        for weekday in range(7):
            AvailabilityWindow.objects.create(
                user=user, weekday=weekday, start=time(0), end=time(23, 59), timezone="UTC"
            )
    client = logged_in(client, mentee)
    url = reverse("meetings:schedule", args=[relationship.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert len(page.context["slots"]) > 0
    response = client.post(
        url,
        {
            "title": "Career plan",
            "start": "2030-03-18T20:00",
            "duration_minutes": 60,
            "recurrence": "biweekly",
            "location": "https://meet.example.org/x",
            "agenda": "CV",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert (meeting.title, meeting.rrule) == ("Career plan", "FREQ=WEEKLY;INTERVAL=2")
    # The form reads the time in the mentee's zone (Yekaterinburg, UTC+5).
    assert meeting.start == datetime(2030, 3, 18, 15, 0, tzinfo=ZoneInfo("UTC"))


def test_a_past_start_is_shown_on_the_form_field(client, relationship, mentor):
    response = logged_in(client, mentor).post(
        reverse("meetings:schedule", args=[relationship.pk]),
        {"start": "2020-01-01T10:00", "duration_minutes": 60},
    )
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"start"}
    assert not Meeting.objects.exists()


def test_moving_one_occurrence_from_the_page_shows_it_in_upcoming(client, meeting, mentee):
    client = logged_in(client, mentee)
    response = client.post(
        reverse("meetings:occurrence-move", args=[meeting.pk]),
        {"original_start": "2030-03-25T18:00:00+01:00", "new_start": "2030-03-26T22:00"},
    )
    assert response.status_code == 302
    exception = meeting.exceptions.get()
    assert exception.new_start == datetime(2030, 3, 26, 17, 0, tzinfo=ZoneInfo("UTC"))
    occurrences = selectors.occurrences_for_user(
        user=mentee, after=START, before=datetime(2030, 3, 31, tzinfo=BERLIN)
    )
    assert [o.moved for o in occurrences] == [False, True]


def test_upcoming_lists_the_users_meetings(client, relationship, mentee, outsider):
    services.meeting_schedule(
        relationship=relationship,
        by=mentee,
        start=timezone.now() + timezone.timedelta(days=2),
        title="Soon",
    )
    assert "Soon" in logged_in(client, mentee).get(reverse("meetings:upcoming")).content.decode()
    assert (
        "Soon" not in logged_in(client, outsider).get(reverse("meetings:upcoming")).content.decode()
    )


def test_cancelling_one_occurrence_and_adding_an_action_item_from_the_page(client, meeting, mentor):
    client = logged_in(client, mentor)
    client.post(
        reverse("meetings:occurrence-cancel", args=[meeting.pk]),
        {"original_start": "2030-03-25T18:00:00+01:00"},
    )
    assert meeting.exceptions.get().cancelled
    client.post(
        reverse("meetings:action-item", args=[meeting.pk]),
        {"title": "Read SQL book", "owner": "mentee"},
    )
    assert Task.objects.get().title == "Read SQL book"


def test_calendar_page_shows_the_feed_link_and_rotates_it(client, mentee):
    client = logged_in(client, mentee)
    token = selectors.calendar_feed_for_user(user=mentee).token
    assert token in client.get(reverse("meetings:calendar")).content.decode()
    client.post(reverse("meetings:calendar"))
    assert selectors.calendar_feed_for_user(user=mentee).token != token


def test_office_hours_pages_publish_and_book(client, mentor, mentee):
    soon = (timezone.localtime() + timezone.timedelta(days=3)).strftime("%Y-%m-%dT10:00")
    logged_in(client, mentor).post(
        reverse("meetings:office-hours"), {"start": soon, "duration_minutes": 30}
    )
    page = logged_in(client, mentee).get(
        reverse("meetings:mentor-slots", args=[mentor.mentor_profile.pk])
    )
    (slot,) = page.context["slots"]
    response = client.post(
        reverse("meetings:mentor-slots", args=[mentor.mentor_profile.pk]),
        {"slot": slot.pk, "topic": "CV"},
    )
    assert response.status_code == 302
    assert Booking.objects.get().mentee == mentee
    again = client.post(
        reverse("meetings:mentor-slots", args=[mentor.mentor_profile.pk]),
        {"slot": slot.pk, "topic": "CV"},
    )
    assert again.status_code == 404  # no longer among the free slots


def test_a_mentor_repeats_office_hours_weekly_from_the_page(client, mentor):
    mentor.timezone = "Europe/Berlin"
    mentor.save(update_fields=["timezone"])
    weekly = {
        "weekly-weekday": "2",
        "weekly-start": "18:00",
        "weekly-duration_minutes": "30",
        "weekly-count": "2",
        "weekly-weeks": "3",
    }
    page = logged_in(client, mentor).get(reverse("meetings:office-hours"))
    assert "Repeat weekly" in page.content.decode()
    published = client.post(reverse("meetings:office-hours"), weekly, follow=True)
    assert "6 slots published." in published.content.decode()
    slots = list(published.context["slots"])
    berlin = ZoneInfo("Europe/Berlin")
    assert {slot.start.astimezone(berlin).strftime("%a %H:%M") for slot in slots} == {
        "Tue 18:00",
        "Tue 18:30",
    }
    again = client.post(reverse("meetings:office-hours"), weekly, follow=True)
    assert "0 slots published. 6 skipped: they overlap your slots." in again.content.decode()
    assert len(again.context["slots"]) == 6


def test_a_bad_weekly_pattern_shows_the_error_on_its_field(client, mentor):
    bad = {"weekly-weekday": "2", "weekly-start": "23:30", "weekly-duration_minutes": "30"}
    response = logged_in(client, mentor).post(
        reverse("meetings:office-hours"), bad | {"weekly-count": "2", "weekly-weeks": "13"}
    )
    assert response.status_code == 400
    weekly_form = response.context["weekly_form"]
    assert set(weekly_form.errors) == {"weeks"}
    response = client.post(
        reverse("meetings:office-hours"), bad | {"weekly-count": "2", "weekly-weeks": "2"}
    )
    assert set(response.context["weekly_form"].errors) == {"count"}
    assert not response.context["form"].errors  # the single-slot form was not submitted


def test_marking_a_meeting_done_from_its_page(client, meeting, mentee):
    logged_in(client, mentee).post(
        reverse("meetings:status", args=[meeting.pk]), {"status": "done"}
    )
    meeting.refresh_from_db()
    assert meeting.status == "done"


def test_a_mentor_schedules_a_group_session_from_the_page(client, relationship, mentor, mentee):
    from nastavnik.relationships.tests.factories import MenteeUserFactory, RelationshipFactory

    second = MenteeUserFactory()
    RelationshipFactory(mentor=mentor, mentee=second, seat=2)
    client = logged_in(client, mentor)
    url = reverse("meetings:group-session")
    refused = client.post(
        url,
        {
            "title": "Q&A",
            "mentee_ids": [mentee.pk],
            "start": "2030-03-20T18:00",
            "duration_minutes": 60,
        },
    )
    assert refused.context["form"].errors.keys() == {"mentee_ids"}
    response = client.post(
        url,
        {
            "title": "Q&A",
            "mentee_ids": [mentee.pk, second.pk],
            "start": "2030-03-20T18:00",
            "duration_minutes": 60,
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.relationship is None
    assert sorted(meeting.participants.values_list("user_id", flat=True)) == sorted(
        [mentor.pk, mentee.pk, second.pk]
    )


def test_the_public_mentor_page_links_to_their_office_hours(client, mentor, mentee):
    page = logged_in(client, mentee).get(
        reverse("directory:detail", args=[mentor.mentor_profile.pk])
    )

    assert (
        reverse("meetings:mentor-slots", args=[mentor.mentor_profile.pk]) in page.content.decode()
    )


def test_a_new_meetings_agenda_starts_from_the_preparation_questions(client, relationship, mentee):
    page = logged_in(client, mentee).get(reverse("meetings:schedule", args=[relationship.pk]))

    html = page.content.decode()
    assert "What do I want to discuss or get advice on this time?" in html
    assert "Where am I stuck, and what feedback do I need?" in html
