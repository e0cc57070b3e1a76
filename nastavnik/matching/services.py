"""The one adapter between the web app and the matching engine (``matchmaker``).

Django profiles become the engine's profile dicts (docs/matching.md, "Profile fields"); a
process-wide ``RecommendIndex`` over published mentors is kept fresh by comparing each mentor's
version (a cheap query) with the one it was indexed at, so a request never rebuilds it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.db.models import Count, Max, Min, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import ExtractHour, ExtractMinute
from django.utils import timezone
from django.utils.translation import get_language

from matchmaker.recommend import RecommendIndex
from nastavnik.profiles.models import AvailabilityWindow, MenteeProfile, MentorProfile
from nastavnik.relationships.models import MentorshipRequest, Relationship, RequestStatus
from nastavnik.relationships.selectors import mentor_profiles_with_capacity_left
from nastavnik.skills.models import Skill

if TYPE_CHECKING:
    from nastavnik.accounts.models import User

MAX_TOP = 50


@dataclass(frozen=True)
class Reason:
    """One factor of a score: its share of the score and a short detail in the user's language."""

    factor: str
    contribution: float
    detail: str

    @property
    def percent(self) -> int:
        return round(self.contribution * 100)


@dataclass(frozen=True)
class Recommendation:
    """A recommended mentor (a directory ``MentorProfile`` with ``capacity_left``), the model's
    score in [0, 1] and its reasons, largest first, adding up to the score."""

    mentor: MentorProfile
    score: float
    reasons: list[Reason]

    @property
    def percent(self) -> int:
        return round(self.score * 100)

    @property
    def top_reasons(self) -> list[Reason]:
        """The reasons that add something, for a short "why" (at most three)."""
        return [reason for reason in self.reasons if reason.contribution > 0][:3]


# -- profiles -> engine dicts -----------------------------------------------------------------


def _skill_names(skills: Iterable[Skill]) -> list[str]:
    # Taxonomy skills by slug (the engine resolves it and names it in either language); a skill
    # users added is unknown to the engine, so it goes by its English name, matched as is.
    return [skill.name_en if skill.is_custom else skill.slug for skill in skills]


def _clock(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _windows_in_zone(
    windows: Iterable[AvailabilityWindow], zone: str, week_of: date
) -> list[dict[str, Any]]:
    """Weekly windows as the engine's ``availability`` in one zone (windows keep their own zone;
    this week's dates make daylight saving right). A window crossing midnight is split."""
    monday = week_of - timedelta(days=week_of.weekday())
    target = ZoneInfo(zone)
    result: list[dict[str, Any]] = []
    for window in windows:
        day = monday + timedelta(days=window.weekday)
        own = ZoneInfo(window.timezone)
        start = datetime.combine(day, window.start, tzinfo=own).astimezone(target)
        end = datetime.combine(day, window.end, tzinfo=own).astimezone(target)
        while start < end:
            midnight = datetime.combine(start.date() + timedelta(days=1), datetime.min.time())
            midnight = midnight.replace(tzinfo=target)
            piece_end = min(end, midnight)
            clock_end = "24:00" if piece_end == midnight else _clock(piece_end)
            result.append({"weekday": start.weekday(), "start": _clock(start), "end": clock_end})
            start = piece_end
    return result


def _common(profile: MentorProfile | MenteeProfile) -> dict[str, Any]:
    user = profile.user
    zone = user.timezone or "UTC"
    windows = list(user.availability.all())
    return {
        "languages": list(profile.languages),
        "timezone": zone,
        "availability": _windows_in_zone(windows, zone, timezone.now().date()),
        "formats": list(profile.formats),
        "durations": list(profile.durations),
        "working_style": dict(profile.working_style),
        "years_experience": profile.years_experience,
    }


def mentor_engine_profile(profile: MentorProfile) -> dict[str, Any]:
    """A mentor profile as the engine's mentor dict; ``id`` is the directory id (profile pk)."""
    data = {
        "id": str(profile.pk),
        "capacity": profile.capacity,
        "accepting": profile.accepting_requests,
        "skills": _skill_names(profile.skills.all()),
        "role": profile.current_role,
        "industry": profile.industry,
        "bio": "\n".join(filter(None, [profile.headline, profile.bio, profile.approach])),
        **_common(profile),
    }
    if profile.gender:
        data["gender"] = profile.gender
    capacity_left = getattr(profile, "capacity_left", None)
    if capacity_left is not None:
        data["capacity_left"] = capacity_left
    return data


def mentee_engine_profile(profile: MenteeProfile) -> dict[str, Any]:
    """A mentee profile as the engine's mentee dict. A preferred mentor gender is a hard
    requirement when the mentee says so (``mentor_gender_required``), else a soft preference."""
    data: dict[str, Any] = {
        "id": f"mentee-{profile.pk}",
        "skills_wanted": _skill_names(profile.skills_wanted.all()),
        "current_role": profile.current_role,
        "target_role": profile.target_role,
        "industries": list(profile.industries),
        "goals": "\n".join(filter(None, [profile.goals, profile.preferences])),
        "bio": "\n".join(filter(None, [profile.headline, profile.bio])),
        "requirements": {},
        "preferences": {},
        **_common(profile),
    }
    if profile.mentor_gender:
        kind = "requirements" if profile.mentor_gender_required else "preferences"
        data[kind]["gender"] = profile.mentor_gender
    return data


# -- the fresh index --------------------------------------------------------------------------


def _per_row(queryset: QuerySet, key: str, outer: str, value: Any) -> Subquery:
    """A correlated aggregate of ``queryset`` rows whose ``key`` is the outer row's ``outer``
    (NULL when there are none)."""
    rows = queryset.filter(**{key: OuterRef(outer)}).order_by().values(key)
    return Subquery(rows.annotate(v=value).values("v")[:1])


def _mentor_versions() -> dict[int, tuple[tuple, int]]:
    """Every published mentor's version and capacity left, in one query.

    The version changes whenever anything the engine reads changes: the profile row
    (``updated_at``), the user's time zone, the skills (count, ids, renames) or the availability
    windows (count, newest id, times and zones), which live in other tables.
    """
    through = MentorProfile.skills.through.objects.all()
    windows = AvailabilityWindow.objects.all()
    minutes = ExtractHour("start") * 60 + ExtractMinute("start")
    end_minutes = ExtractHour("end") * 60 + ExtractMinute("end")
    mentors = mentor_profiles_with_capacity_left(
        queryset=MentorProfile.objects.published()
    ).annotate(
        v_skills=_per_row(through, "mentorprofile_id", "pk", Count("skill_id")),
        v_skill_ids=_per_row(through, "mentorprofile_id", "pk", Sum("skill_id")),
        v_skill_names=_per_row(through, "mentorprofile_id", "pk", Max("skill__updated_at")),
        v_windows=_per_row(windows, "user_id", "user_id", Count("id")),
        v_window_last=_per_row(windows, "user_id", "user_id", Max("id")),
        v_window_times=_per_row(windows, "user_id", "user_id", Sum(minutes + end_minutes * 7)),
        v_window_days=_per_row(windows, "user_id", "user_id", Sum("weekday")),
        v_zone_min=_per_row(windows, "user_id", "user_id", Min("timezone")),
        v_zone_max=_per_row(windows, "user_id", "user_id", Max("timezone")),
    )
    fields = [
        "pk",
        "capacity_left",
        "updated_at",
        "user__timezone",
        "v_skills",
        "v_skill_ids",
        "v_skill_names",
        "v_windows",
        "v_window_last",
        "v_window_times",
        "v_window_days",
        "v_zone_min",
        "v_zone_max",
    ]
    return {row[0]: (tuple(row[2:]), row[1]) for row in mentors.values_list(*fields)}


def _mentors_for_engine(ids: Iterable[int]) -> list[dict[str, Any]]:
    profiles = (
        mentor_profiles_with_capacity_left(queryset=MentorProfile.objects.filter(pk__in=ids))
        .select_related("user")
        .prefetch_related("skills", "user__availability")
    )
    return [mentor_engine_profile(profile) for profile in profiles]


class FreshIndex:
    """A ``RecommendIndex`` of published mentors, brought up to date on each use.

    Built once (lazily, and again when the reference week for availability changes); then each
    use runs one query of every published mentor's version and capacity left, upserts the
    mentors whose version changed, removes the ones no longer published (or deactivated, or
    deleted) and records capacity left. A lock makes it safe to share between threads.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._index: RecommendIndex | None = None
        self._week: date | None = None
        self._versions: dict[int, tuple] = {}
        self._capacity: dict[int, int] = {}
        self.rebuilds = 0
        self.upserts = 0
        self.removals = 0

    def reset(self) -> None:
        """Forget everything and zero the counters; the next use rebuilds."""
        with self._lock:
            self._index = None
            self.rebuilds = self.upserts = self.removals = 0

    def _refresh(self) -> RecommendIndex:
        current = _mentor_versions()
        today = timezone.now().date()
        week = today - timedelta(days=today.weekday())
        if self._index is None or self._week != week:
            profiles = _mentors_for_engine(current)
            self._index, self._week = RecommendIndex(profiles, monday=week), week
            self._versions, self._capacity = {}, {}
            self._remember(profiles, current)
            self.rebuilds += 1
            return self._index
        index = self._index
        for pk in set(self._versions) - set(current):
            index.remove_mentor(str(pk))
            del self._versions[pk], self._capacity[pk]
            self.removals += 1
        stale = [pk for pk, (version, _) in current.items() if self._versions.get(pk) != version]
        profiles = _mentors_for_engine(stale)
        for profile in profiles:
            index.upsert_mentor(profile)
            self.upserts += 1
        self._remember(profiles, current)
        for pk, (_version, left) in current.items():
            if pk in self._capacity and self._capacity[pk] != left:
                index.set_capacity_left(str(pk), left)
                self._capacity[pk] = left
        return index

    def _remember(self, profiles: list[dict[str, Any]], current: dict[int, tuple]) -> None:
        """Record the versions the given profiles were indexed at. A mentor deleted between the
        two queries was not loaded: it stays out, or keeps its old version and goes next time."""
        for profile in profiles:
            pk = int(profile["id"])
            self._versions[pk] = current[pk][0]
            self._capacity[pk] = profile["capacity_left"]

    def recommend(
        self, *, mentee: dict[str, Any], top: int, exclude: set[int], only: set[int] | None = None
    ) -> list[tuple[int, float, list[dict]]]:
        """(mentor profile id, score, engine reasons) of the best open mentors, best first."""
        with self._lock:
            index = self._refresh()
            if only is not None:
                exclude = exclude | (set(self._versions) - only)
            found = index.recommend(mentee, top=top, exclude_ids={str(pk) for pk in exclude})
        return [(int(r.mentor_id), r.score, r.reasons) for r in found]


recommend_index = FreshIndex()


# -- recommendations --------------------------------------------------------------------------


def _excluded_mentor_ids(*, user: User) -> set[int]:
    """Mentor profile ids never recommended to this mentee: those who declined them, those
    already mentoring them, those with an open request from them, and their own profile."""
    declined = MentorshipRequest.objects.filter(mentee=user, status=RequestStatus.DECLINED)
    open_requests = MentorshipRequest.objects.open().filter(mentee=user)
    current = Relationship.objects.active().filter(mentee=user)
    mentor_users = {
        *declined.values_list("mentor_id", flat=True),
        *open_requests.values_list("mentor_id", flat=True),
        *current.values_list("mentor_id", flat=True),
        user.pk,
    }
    return set(MentorProfile.objects.filter(user_id__in=mentor_users).values_list("pk", flat=True))


def _reasons(raw: list[dict]) -> list[Reason]:
    russian = (get_language() or "").startswith("ru")
    return [
        Reason(
            factor=item["factor"],
            contribution=item["contribution"],
            detail=item["detail_ru"] if russian else item["detail_en"],
        )
        for item in raw
    ]


def _mentee_profile(user: User) -> MenteeProfile | None:
    return (
        MenteeProfile.objects.filter(user=user)
        .select_related("user")
        .prefetch_related("skills_wanted", "user__availability")
        .first()
    )


def _with_profiles(found: list[tuple[int, float, list[dict]]]) -> list[Recommendation]:
    profiles = (
        mentor_profiles_with_capacity_left(
            queryset=MentorProfile.objects.filter(pk__in=[pk for pk, _s, _r in found])
        )
        .select_related("user")
        .prefetch_related("skills")
        .in_bulk()
    )
    return [
        Recommendation(mentor=profiles[pk], score=score, reasons=_reasons(reasons))
        for pk, score, reasons in found
        if pk in profiles
    ]


def recommendations_for_mentee(*, user: User, top: int = 10) -> list[Recommendation]:
    """The ``top`` best mentors for the user's mentee profile, best first, with reasons in the
    active language. Full, not accepting, declining and current mentors are left out.

    Raises ``MenteeProfile.DoesNotExist`` when the user has no mentee profile.
    """
    profile = _mentee_profile(user)
    if profile is None:
        raise MenteeProfile.DoesNotExist("The user has no mentee profile.")
    found = recommend_index.recommend(
        mentee=mentee_engine_profile(profile),
        top=top,
        exclude=_excluded_mentor_ids(user=user),
    )
    return _with_profiles(found)


def fit_scores_for_mentee(*, user: User, mentor_ids: Iterable[int]) -> dict[int, Recommendation]:
    """Fit of the given mentors (profile ids) for the user's mentee profile, by id, for sorting
    the directory. Mentors the engine would not recommend (full, not accepting, failing a hard
    requirement, their own profile) are absent. Empty without a mentee profile."""
    profile = _mentee_profile(user)
    wanted = set(mentor_ids)
    if profile is None or not wanted:
        return {}
    own = set(MentorProfile.objects.filter(user=user).values_list("pk", flat=True))
    found = recommend_index.recommend(
        mentee=mentee_engine_profile(profile), top=len(wanted), exclude=own, only=wanted
    )
    return {rec.mentor.pk: rec for rec in _with_profiles(found)}


def mentors_sorted_by_fit(*, user: User, mentors: QuerySet[MentorProfile]) -> list[MentorProfile]:
    """The directory's mentors, best fit first (then the directory's own order); each gets a
    ``fit`` attribute (a ``Recommendation`` or None)."""
    listed = list(mentors)
    fits = fit_scores_for_mentee(user=user, mentor_ids=[mentor.pk for mentor in listed])
    for mentor in listed:
        mentor.fit = fits.get(mentor.pk)
    # sorted() is stable: mentors without a fit keep the directory's order, after the others.
    return sorted(listed, key=lambda mentor: -mentor.fit.score if mentor.fit else 1.0)
