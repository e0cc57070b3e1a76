"""Selectors of the public mentor directory: search, filters, capacity left and the public page.

The web page and the JSON API both go through ``mentor_directory_search`` so they always agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from nastavnik.profiles.models import AvailabilityWindow, MentorProfile
from nastavnik.profiles.search import search_terms
from nastavnik.relationships.selectors import mentor_profiles_with_capacity_left
from nastavnik.skills.models import Skill

if TYPE_CHECKING:
    from nastavnik.accounts.models import User

MINUTES_PER_DAY = 24 * 60
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY
# Longest query we stem: a longer one is a paste accident, not a search.
MAX_QUERY_TERMS = 12

# Parts of the day in the viewer's wall-clock time, as [start, end) minutes after midnight.
PARTS_OF_DAY: dict[str, tuple[int, int]] = {
    "morning": (6 * 60, 12 * 60),
    "afternoon": (12 * 60, 18 * 60),
    "evening": (18 * 60, 24 * 60),
}
PART_OF_DAY_CHOICES = [
    ("morning", _("Morning (6:00-12:00)")),
    ("afternoon", _("Afternoon (12:00-18:00)")),
    ("evening", _("Evening (18:00-24:00)")),
]


@dataclass(frozen=True)
class MentorFilters:
    """What a directory visitor asked for; empty values mean "any"."""

    query: str = ""
    skill: Skill | None = None
    language: str = ""
    format: str = ""
    specialisation: str = ""
    accepting_only: bool = False
    weekday: int | None = None
    part_of_day: str = ""
    viewer_zone: str = "UTC"
    # A signed-in viewer whose own weekly windows a mentor must overlap.
    overlaps_with: User | None = None


@dataclass(frozen=True)
class DirectoryWindow:
    """A mentor's weekly window as the viewer sees it in their own time zone."""

    weekday: int
    start: time
    end_weekday: int
    end: time


def skill_find_for_filter(*, value: str) -> Skill | None:
    """The skill a filter names: its slug, or its name or synonym in either language."""
    value = " ".join(value.split())
    if not value:
        return None
    needle = value.lower().replace("ё", "е")
    return (
        Skill.objects.filter(
            Q(slug=value)
            | Q(name_en__iexact=value)
            | Q(name_ru__iexact=value)
            # Skills keep their lower-cased names and synonyms between bars.
            | Q(search_text__contains=f"|{needle}|")
        )
        .order_by("is_custom", "pk")
        .first()
    )


def _text_condition(query: str) -> Q:
    """Every stemmed query word must start a word of the mentor's stored search document."""
    condition = Q()
    for term in search_terms(query)[:MAX_QUERY_TERMS]:
        # The document is " stem1 stem2 ... ": a leading space anchors the term to a word start.
        condition &= Q(search_text__contains=f" {term}")
    return condition


def mentor_directory_search(*, filters: MentorFilters) -> QuerySet[MentorProfile]:
    """Published mentors of active accounts matching the filters, accepting ones first."""
    mentors = mentor_profiles_with_capacity_left(queryset=MentorProfile.objects.published())
    if filters.query.strip():
        mentors = mentors.filter(_text_condition(filters.query))
    if filters.skill is not None:
        mentors = mentors.filter(skills=filters.skill)
    if filters.language:
        mentors = mentors.with_language(filters.language)
    if filters.format:
        mentors = mentors.with_format(filters.format)
    if filters.specialisation:
        mentors = mentors.filter(specialisations__icontains=f'"{filters.specialisation}"')
    if filters.accepting_only:
        mentors = mentors.filter(accepting_requests=True, capacity_left__gt=0)
    user_ids = _available_user_ids(filters=filters)
    if user_ids is not None:
        mentors = mentors.filter(user_id__in=user_ids)
    return (
        mentors.select_related("user")
        .prefetch_related("skills")
        .order_by("-accepting_requests", "-capacity_left", "user__name", "pk")
    )


def mentor_directory_get(*, mentor_id: int) -> MentorProfile:
    """A published mentor of an active account, for the public page; anything else is a 404."""
    mentor = (
        mentor_profiles_with_capacity_left(queryset=MentorProfile.objects.published())
        .select_related("user")
        .prefetch_related("skills")
        .filter(pk=mentor_id)
        .first()
    )
    if mentor is None:
        raise Http404("No such mentor")
    return mentor


def mentor_availability_for_viewer(
    *, mentor: MentorProfile, viewer_zone: str, week_of: date | None = None
) -> list[DirectoryWindow]:
    """The mentor's weekly windows converted to the viewer's zone, Monday first."""
    week = week_of or datetime.now(ZoneInfo(viewer_zone)).date()
    windows = AvailabilityWindow.objects.filter(user_id=mentor.user_id)
    zoned = sorted(_zoned(window, viewer_zone, week) for window in windows)
    return [
        DirectoryWindow(
            weekday=start.weekday(), start=start.time(), end_weekday=end.weekday(), end=end.time()
        )
        for start, end in zoned
    ]


def _zoned(window: AvailabilityWindow, zone: str, week_of: date) -> tuple[datetime, datetime]:
    """This week's occurrence of a window (real dates, so daylight saving is right) in ``zone``."""
    day = week_of - timedelta(days=week_of.weekday()) + timedelta(days=window.weekday)
    own = ZoneInfo(window.timezone)
    target = ZoneInfo(zone)
    starts = datetime.combine(day, window.start, tzinfo=own).astimezone(target)
    ends = datetime.combine(day, window.end, tzinfo=own).astimezone(target)
    return starts, ends


def _week_interval(window: AvailabilityWindow, zone: str, week_of: date) -> tuple[int, int]:
    """A window as [start, end) minutes since Monday 00:00 in ``zone`` (end may pass a week)."""
    starts, ends = _zoned(window, zone, week_of)
    start = starts.weekday() * MINUTES_PER_DAY + starts.hour * 60 + starts.minute
    return start, start + int((ends - starts).total_seconds() // 60)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two weekly intervals overlap, allowing either to wrap past Sunday midnight."""
    return any(
        a[0] + shift < b[1] and b[0] < a[1] + shift
        for shift in (-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK)
    )


def _requested_intervals(filters: MentorFilters) -> list[tuple[int, int]]:
    """The weekly intervals the weekday / part-of-day filters ask for, in the viewer's zone."""
    days = [filters.weekday] if filters.weekday is not None else list(range(7))
    first, last = PARTS_OF_DAY.get(filters.part_of_day, (0, MINUTES_PER_DAY))
    return [(d * MINUTES_PER_DAY + first, d * MINUTES_PER_DAY + last) for d in days]


def _available_user_ids(*, filters: MentorFilters) -> set[int] | None:
    """Users with a window matching the availability filters, or None when none is asked for.

    Windows keep their own zone's wall-clock time, so they are compared in Python after
    conversion; the directory holds at most a few thousand windows.
    """
    wants_slot = filters.weekday is not None or bool(filters.part_of_day)
    wants_overlap = filters.overlaps_with is not None
    if not (wants_slot or wants_overlap):
        return None
    week = datetime.now(ZoneInfo(filters.viewer_zone)).date()
    wanted: list[tuple[int, int]] = (
        _requested_intervals(filters) if wants_slot else [(0, MINUTES_PER_WEEK)]
    )
    if wants_overlap:
        own = AvailabilityWindow.objects.filter(user=filters.overlaps_with)
        viewer_free = [_week_interval(w, filters.viewer_zone, week) for w in own]
        # Both conditions: inside the asked slot and inside one of the viewer's own windows.
        wanted = [
            (max(a[0], b[0]), min(a[1], b[1]))
            for a in wanted
            for b in _shifted(viewer_free)
            if max(a[0], b[0]) < min(a[1], b[1])
        ]
    candidates = AvailabilityWindow.objects.filter(
        user__mentor_profile__is_published=True, user__is_active=True
    )
    if wants_overlap:
        candidates = candidates.exclude(user=filters.overlaps_with)
    return _matching_users(candidates, wanted, filters.viewer_zone, week)


def _shifted(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Intervals plus their copies a week earlier, so ones wrapping past Sunday still intersect."""
    return [(s + shift, e + shift) for s, e in intervals for shift in (0, -MINUTES_PER_WEEK)]


def _matching_users(
    windows: QuerySet[AvailabilityWindow],
    wanted: list[tuple[int, int]],
    zone: str,
    week: date,
) -> set[int]:
    matched: set[int] = set()
    for window in windows.only("user_id", "weekday", "start", "end", "timezone"):
        if window.user_id in matched:
            continue
        interval = _week_interval(window, zone, week)
        if any(_overlaps(interval, slot) for slot in wanted):
            matched.add(window.user_id)
    return matched
