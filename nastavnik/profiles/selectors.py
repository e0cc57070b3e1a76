"""Functions that read profiles and availability, always scoped to the person asking."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.shortcuts import get_object_or_404

from nastavnik.profiles.models import AvailabilityWindow, MenteeProfile, MentorProfile, Weekday

if TYPE_CHECKING:
    from nastavnik.accounts.models import User

MINUTES_PER_WEEK = 7 * 24 * 60


def mentor_profile_for_user(*, user: User) -> MentorProfile | None:
    """The user's own mentor profile, if they have one."""
    return MentorProfile.objects.filter(user=user).prefetch_related("skills").first()


def mentee_profile_for_user(*, user: User) -> MenteeProfile | None:
    """The user's own mentee profile, if they have one."""
    return MenteeProfile.objects.filter(user=user).prefetch_related("skills_wanted").first()


def availability_windows_for_user(*, user: User) -> list[AvailabilityWindow]:
    """The user's own weekly windows, Monday first."""
    return list(AvailabilityWindow.objects.filter(user=user).order_by("weekday", "start", "pk"))


def availability_window_get_for_user(*, user: User, window_id: int) -> AvailabilityWindow:
    """One of the user's own windows; anybody else's (or a missing one) is a 404."""
    return get_object_or_404(AvailabilityWindow, pk=window_id, user=user)


@dataclass(frozen=True)
class ZonedWindow:
    """A weekly window as seen from another time zone; it may start and end on different days."""

    window: AvailabilityWindow
    starts_at: datetime
    ends_at: datetime

    @property
    def weekday(self) -> int:
        return self.starts_at.weekday()

    @property
    def start(self) -> time:
        return self.starts_at.time()

    @property
    def end_weekday(self) -> int:
        return self.ends_at.weekday()

    @property
    def end(self) -> time:
        return self.ends_at.time()

    @property
    def weekday_label(self) -> str:
        return str(Weekday(self.weekday).label)

    @property
    def end_weekday_label(self) -> str:
        return str(Weekday(self.end_weekday).label)

    @property
    def week_minutes(self) -> tuple[int, int]:
        """Start and end as minutes since Monday 00:00 (the end may pass into the next week)."""
        start = self.weekday * 1440 + self.start.hour * 60 + self.start.minute
        length = int((self.ends_at - self.starts_at).total_seconds() // 60)
        return start, start + length


def window_in_zone(*, window: AvailabilityWindow, zone: str, week_of: date) -> ZonedWindow:
    """The window's occurrence in the week of ``week_of`` (in its own zone), shown in ``zone``."""
    own_zone = ZoneInfo(window.timezone)
    day = week_of - timedelta(days=week_of.weekday()) + timedelta(days=window.weekday)
    starts_at = datetime.combine(day, window.start, tzinfo=own_zone)
    ends_at = datetime.combine(day, window.end, tzinfo=own_zone)
    target = ZoneInfo(zone)
    return ZonedWindow(window, starts_at.astimezone(target), ends_at.astimezone(target))


def availability_in_zone(
    *, user: User, zone: str, week_of: date | None = None
) -> list[ZonedWindow]:
    """The user's weekly windows converted for a viewer in ``zone``.

    Conversion uses the real dates of the current week (or the week of ``week_of``), so it is
    right across daylight-saving changes in either zone.
    """
    week = week_of or datetime.now(ZoneInfo(zone)).date()
    windows = availability_windows_for_user(user=user)
    zoned = [window_in_zone(window=w, zone=zone, week_of=week) for w in windows]
    return sorted(zoned, key=lambda z: z.week_minutes)
