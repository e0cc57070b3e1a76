"""The feed and the invitations parse with icalendar and expand (recurring_ical_events) to exactly
the occurrences the app shows, across the spring daylight-saving change in Berlin."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from django.urls import reverse
from icalendar import Calendar

from nastavnik.meetings import selectors, services
from nastavnik.meetings.ics import invitation_calendar
from nastavnik.meetings.occurrences import meeting_occurrences

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2030, 3, 11, 18, 0, tzinfo=BERLIN)  # Mondays; DST starts Sunday 2030-03-31
AFTER, BEFORE = datetime(2030, 3, 1, tzinfo=BERLIN), datetime(2030, 4, 30, tzinfo=BERLIN)


@pytest.fixture
def series(relationship):
    meeting = services.meeting_schedule(
        relationship=relationship,
        by=relationship.mentor,
        start=START,
        recurrence="weekly",
        agenda="What did I try since last time?",
    )
    services.occurrence_move(
        meeting=meeting,
        by=relationship.mentee,
        original_start=datetime(2030, 4, 1, 18, 0, tzinfo=BERLIN),
        new_start=datetime(2030, 4, 2, 19, 30, tzinfo=BERLIN),
    )
    services.occurrence_cancel(
        meeting=meeting,
        by=relationship.mentor,
        original_start=datetime(2030, 4, 15, 18, 0, tzinfo=BERLIN),
    )
    return meeting


def expanded_starts(ics: bytes) -> list[datetime]:
    calendar = Calendar.from_ical(ics)
    events = recurring_ical_events.of(calendar).between(AFTER, BEFORE)
    return sorted(event["DTSTART"].dt for event in events)


def app_starts(meeting) -> list[datetime]:
    return [o.start for o in meeting_occurrences(meeting=meeting, after=AFTER, before=BEFORE)]


@pytest.mark.django_db
def test_the_feed_expands_to_exactly_the_occurrences_the_app_shows_across_dst(
    client, series, mentee
):
    token = selectors.calendar_feed_for_user(user=mentee).token
    response = client.get(reverse("meetings:calendar-feed", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    starts = expanded_starts(response.content)
    assert starts == app_starts(series)
    assert datetime(2030, 4, 2, 19, 30, tzinfo=BERLIN) in starts
    assert datetime(2030, 4, 15, 18, 0, tzinfo=BERLIN) not in starts
    # Wall-clock 18:00 in Berlin before and after the change (17:00 UTC, then 16:00 UTC).
    regular = [s for s in starts if s.day != 2]
    assert {s.astimezone(BERLIN).hour for s in regular} == {18}
    assert {s.astimezone(ZoneInfo("UTC")).hour for s in regular} == {16, 17}


@pytest.mark.django_db
def test_the_feed_carries_tzid_vtimezone_rrule_exdate_and_recurrence_id(client, series, mentor):
    token = selectors.calendar_feed_for_user(user=mentor).token
    calendar = Calendar.from_ical(client.get(f"/calendar/{token}.ics").content)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    master, override = calendar.walk("VEVENT")
    assert str(master["UID"]) == str(override["UID"]) == series.uid
    assert master["SEQUENCE"] == series.sequence == 2
    assert master["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert master["RRULE"]["FREQ"] == ["WEEKLY"]
    assert master["EXDATE"].dts[0].dt == datetime(2030, 4, 15, 18, 0, tzinfo=BERLIN)
    assert override["RECURRENCE-ID"].dt == datetime(2030, 4, 1, 18, 0, tzinfo=BERLIN)


@pytest.mark.django_db
def test_the_invitation_attachment_expands_like_the_feed(series):
    assert expanded_starts(invitation_calendar(meeting=series, method="REQUEST")) == app_starts(
        series
    )


@pytest.mark.django_db
def test_an_outsiders_feed_holds_none_of_the_pairs_meetings(client, series, outsider):
    token = selectors.calendar_feed_for_user(user=outsider).token
    calendar = Calendar.from_ical(client.get(f"/calendar/{token}.ics").content)
    assert calendar.walk("VEVENT") == []


@pytest.mark.django_db
def test_a_rotated_token_no_longer_opens_the_feed(client, series, mentee):
    old = selectors.calendar_feed_for_user(user=mentee).token
    new = services.calendar_feed_rotate(user=mentee).token
    assert client.get(f"/calendar/{old}.ics").status_code == 404
    assert client.get(f"/calendar/{new}.ics").status_code == 200


@pytest.mark.django_db
def test_a_cancelled_series_stays_in_the_feed_as_cancelled_so_clients_remove_it(
    client, series, mentee
):
    services.meeting_cancel(meeting=series, by=mentee)
    token = selectors.calendar_feed_for_user(user=mentee).token
    calendar = Calendar.from_ical(client.get(f"/calendar/{token}.ics").content)
    assert {str(event["STATUS"]) for event in calendar.walk("VEVENT")} == {"CANCELLED"}
    assert series.sequence == 3
