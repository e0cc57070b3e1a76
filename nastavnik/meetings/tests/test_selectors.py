from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.http import Http404

from nastavnik.meetings import selectors, services
from nastavnik.profiles.models import AvailabilityWindow

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2030, 3, 18, 18, 0, tzinfo=BERLIN)


@pytest.fixture
def meeting(relationship):
    return services.meeting_schedule(
        relationship=relationship, by=relationship.mentor, start=START, recurrence="weekly"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "sees"),
    [("mentor", True), ("mentee", True), ("outsider", False), ("staff_user", False)],
)
def test_only_participants_see_a_meeting(request, meeting, who, sees):
    user = request.getfixturevalue(who)
    assert (meeting in selectors.meetings_for_user(user=user)) is sees
    if sees:
        assert selectors.meeting_get_for_user(user=user, meeting_id=meeting.pk) == meeting
    else:
        with pytest.raises(Http404):
            selectors.meeting_get_for_user(user=user, meeting_id=meeting.pk)


@pytest.mark.django_db
def test_mentee_cannot_read_the_mentors_private_note(meeting, mentor, mentee):
    services.private_note_save(meeting=meeting, author=mentor, text="Seems tired; go slower.")
    assert selectors.private_note_for_user(user=mentee, meeting=meeting) is None
    assert selectors.private_note_for_user(user=mentor, meeting=meeting).text.startswith("Seems")
    services.private_note_save(meeting=meeting, author=mentee, text="Ask about SQL")
    assert selectors.private_note_for_user(user=mentee, meeting=meeting).text == "Ask about SQL"
    assert selectors.private_note_for_user(user=mentor, meeting=meeting).text.startswith("Seems")


@pytest.mark.django_db
def test_occurrences_for_user_lists_the_series_in_the_range(meeting, mentee, outsider):
    after, before = START - timedelta(days=1), START + timedelta(weeks=3)
    starts = [
        o.start for o in selectors.occurrences_for_user(user=mentee, after=after, before=before)
    ]
    assert starts == [START + timedelta(weeks=n) for n in range(3)]
    assert selectors.occurrences_for_user(user=outsider, after=after, before=before) == []


@pytest.mark.django_db
def test_proposed_slots_are_where_both_weekly_windows_overlap_shown_in_each_zone(
    relationship, mentor, mentee
):
    # Mentor: Tuesdays 16:00-19:00 Berlin (UTC+1 in winter) = 15:00-18:00 UTC.
    AvailabilityWindow.objects.create(
        user=mentor, weekday=1, start=time(16), end=time(19), timezone="Europe/Berlin"
    )
    # Mentee: Tuesdays 21:00-23:00 Yekaterinburg (UTC+5) = 16:00-18:00 UTC.
    AvailabilityWindow.objects.create(
        user=mentee, weekday=1, start=time(21), end=time(23), timezone="Asia/Yekaterinburg"
    )
    now = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)  # a Monday
    slots = selectors.meeting_slots_propose(relationship=relationship, now=now)
    assert [slot.start for slot in slots] == [
        datetime(2030, 1, 8, 16, 0, tzinfo=UTC),
        datetime(2030, 1, 8, 17, 0, tzinfo=UTC),
        datetime(2030, 1, 15, 16, 0, tzinfo=UTC),
        datetime(2030, 1, 15, 17, 0, tzinfo=UTC),
    ]
    assert slots[0].mentor_start.hour == 17
    assert slots[0].mentee_start.hour == 21


@pytest.mark.django_db
def test_no_slots_are_proposed_when_windows_do_not_overlap(relationship, mentor, mentee):
    AvailabilityWindow.objects.create(
        user=mentor, weekday=0, start=time(9), end=time(10), timezone="Europe/Berlin"
    )
    AvailabilityWindow.objects.create(
        user=mentee, weekday=0, start=time(9), end=time(10), timezone="Asia/Yekaterinburg"
    )
    now = datetime(2030, 1, 7, 0, 0, tzinfo=UTC)
    assert selectors.meeting_slots_propose(relationship=relationship, now=now) == []
