from datetime import date, time

import pytest
from django.http import Http404

from nastavnik.profiles.models import AvailabilityWindow, Weekday
from nastavnik.profiles.selectors import (
    availability_in_zone,
    availability_window_get_for_user,
    mentor_profile_for_user,
)

WINTER_WEEK = date(2026, 1, 7)  # Berlin on CET (UTC+1)
SUMMER_WEEK = date(2026, 7, 8)  # Berlin on CEST (UTC+2)


def _window(user, weekday, start, end, zone):
    return AvailabilityWindow.objects.create(
        user=user, weekday=weekday, start=start, end=end, timezone=zone
    )


@pytest.mark.parametrize(
    ("week", "start", "end"),
    [(WINTER_WEEK, time(20), time(22)), (SUMMER_WEEK, time(19), time(21))],
)
def test_a_berlin_window_moves_for_a_moscow_viewer_with_daylight_saving(mentor, week, start, end):
    _window(mentor, Weekday.TUESDAY, time(18), time(20), "Europe/Berlin")

    [zoned] = availability_in_zone(user=mentor, zone="Europe/Moscow", week_of=week)

    assert (zoned.weekday, zoned.start, zoned.end) == (Weekday.TUESDAY, start, end)


def test_a_new_york_evening_is_the_next_day_in_utc(mentor):
    _window(mentor, Weekday.FRIDAY, time(19), time(23), "America/New_York")

    [zoned] = availability_in_zone(user=mentor, zone="UTC", week_of=WINTER_WEEK)

    assert (zoned.weekday, zoned.start) == (Weekday.SATURDAY, time(0))
    assert (zoned.end_weekday, zoned.end) == (Weekday.SATURDAY, time(4))


def test_a_window_can_cross_midnight_in_the_viewers_zone(mentor):
    _window(mentor, Weekday.MONDAY, time(22), time(23, 30), "Europe/Moscow")

    [zoned] = availability_in_zone(user=mentor, zone="Asia/Vladivostok", week_of=WINTER_WEEK)

    assert (zoned.weekday, zoned.start) == (Weekday.TUESDAY, time(5))
    assert zoned.end == time(6, 30)


def test_windows_come_in_weekly_order_of_the_viewers_zone(mentor):
    _window(mentor, Weekday.MONDAY, time(1), time(2), "Europe/Moscow")
    _window(mentor, Weekday.WEDNESDAY, time(12), time(13), "Europe/Moscow")

    zoned = availability_in_zone(user=mentor, zone="UTC", week_of=WINTER_WEEK)

    # Monday 01:00 in Moscow is Sunday 22:00 UTC: last in a Monday-first week.
    assert [z.weekday for z in zoned] == [Weekday.WEDNESDAY, Weekday.SUNDAY]


def test_availability_without_a_week_uses_the_current_one(mentor):
    _window(mentor, Weekday.MONDAY, time(10), time(11), "UTC")

    [zoned] = availability_in_zone(user=mentor, zone="UTC")

    assert (zoned.start, zoned.end) == (time(10), time(11))


def test_only_the_owner_gets_a_window(mentor, outsider):
    window = _window(mentor, Weekday.MONDAY, time(10), time(11), "UTC")

    assert availability_window_get_for_user(user=mentor, window_id=window.pk) == window
    with pytest.raises(Http404):
        availability_window_get_for_user(user=outsider, window_id=window.pk)


def test_profile_selectors_return_only_the_callers_profile(mentor, outsider):
    assert mentor_profile_for_user(user=mentor).user == mentor
    assert mentor_profile_for_user(user=outsider) is None
