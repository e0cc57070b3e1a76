from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from nastavnik.meetings.models import MeetingException, MeetingStatus
from nastavnik.meetings.occurrences import meeting_occurrences
from nastavnik.meetings.tests.factories import MeetingFactory

BERLIN = ZoneInfo("Europe/Berlin")
pytestmark = pytest.mark.django_db


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


def test_weekly_series_keeps_its_wall_clock_time_across_the_spring_dst_change():
    # Mondays 18:00 in Berlin; clocks go forward on Sunday 2030-03-31.
    meeting = MeetingFactory(start=berlin(2030, 3, 18, 18, 0), rrule="FREQ=WEEKLY")
    occurrences = meeting_occurrences(
        meeting=meeting, after=berlin(2030, 3, 1), before=berlin(2030, 4, 9)
    )
    assert [o.start.astimezone(BERLIN).hour for o in occurrences] == [18, 18, 18, 18]
    assert [o.start.astimezone(UTC).hour for o in occurrences] == [17, 17, 16, 16]


def test_biweekly_and_monthly_rules_give_every_other_week_and_the_same_day_each_month():
    biweekly = MeetingFactory(start=berlin(2030, 1, 7, 10, 0), rrule="FREQ=WEEKLY;INTERVAL=2")
    monthly = MeetingFactory(start=berlin(2030, 1, 15, 10, 0), rrule="FREQ=MONTHLY")
    window = {"after": berlin(2030, 1, 1), "before": berlin(2030, 2, 20)}
    assert [o.start.day for o in meeting_occurrences(meeting=biweekly, **window)] == [7, 21, 4, 18]
    assert [o.start.day for o in meeting_occurrences(meeting=monthly, **window)] == [15, 15]


def test_a_moved_occurrence_shows_at_its_new_time_and_a_cancelled_one_not_at_all():
    meeting = MeetingFactory(start=berlin(2030, 3, 18, 18, 0), rrule="FREQ=WEEKLY")
    MeetingException.objects.create(
        meeting=meeting, original_start=berlin(2030, 3, 25, 18, 0), cancelled=True
    )
    MeetingException.objects.create(
        meeting=meeting,
        original_start=berlin(2030, 4, 1, 18, 0),
        new_start=berlin(2030, 4, 3, 9, 30),
    )
    occurrences = meeting_occurrences(
        meeting=meeting, after=berlin(2030, 3, 1), before=berlin(2030, 4, 9)
    )
    assert [o.start for o in occurrences] == [
        berlin(2030, 3, 18, 18, 0),
        berlin(2030, 4, 3, 9, 30),
        berlin(2030, 4, 8, 18, 0),
    ]
    assert [o.moved for o in occurrences] == [False, True, False]


def test_an_occurrence_moved_into_the_range_appears_even_if_its_original_time_is_outside():
    meeting = MeetingFactory(start=berlin(2030, 3, 18, 18, 0), rrule="FREQ=WEEKLY")
    MeetingException.objects.create(
        meeting=meeting,
        original_start=berlin(2030, 3, 25, 18, 0),
        new_start=berlin(2030, 3, 22, 12, 0),
    )
    occurrences = meeting_occurrences(
        meeting=meeting, after=berlin(2030, 3, 20), before=berlin(2030, 3, 24)
    )
    assert [o.start for o in occurrences] == [berlin(2030, 3, 22, 12, 0)]


def test_a_one_off_meeting_has_one_occurrence_and_a_cancelled_meeting_none():
    meeting = MeetingFactory(start=berlin(2030, 3, 18, 18, 0))
    window = {"after": berlin(2030, 3, 1), "before": berlin(2030, 4, 1)}
    assert len(meeting_occurrences(meeting=meeting, **window)) == 1
    meeting.status = MeetingStatus.CANCELLED
    assert meeting_occurrences(meeting=meeting, **window) == []
