"""Functions that change profiles and availability. Forms and the API both call these."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, time
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from nastavnik.accounts.models import validate_timezone
from nastavnik.accounts.services import user_update
from nastavnik.profiles.models import AvailabilityWindow, MenteeProfile, MentorProfile
from nastavnik.profiles.search import search_document
from nastavnik.profiles.selectors import (
    MINUTES_PER_WEEK,
    availability_window_get_for_user,
    availability_windows_for_user,
    window_in_zone,
)
from nastavnik.skills.services import skills_resolve

if TYPE_CHECKING:
    from nastavnik.accounts.models import User

MAX_AVAILABILITY_WINDOWS = 21

_SHARED_FIELDS = frozenset(
    {
        "headline",
        "bio",
        "current_role",
        "years_experience",
        "formats",
        "durations",
        "languages",
        "working_style",
    }
)
MENTOR_FIELDS = _SHARED_FIELDS | {
    "company",
    "industry",
    "gender",
    "specialisations",
    "capacity",
    "hours_per_month",
    "approach",
    "boundaries",
    "accepting_requests",
    "is_published",
    "readiness",
}
MENTEE_FIELDS = _SHARED_FIELDS | {
    "target_role",
    "industries",
    "goals",
    "offers_in_return",
    "mentor_gender",
    "mentor_gender_required",
    "preferences",
    "communities",
}


def mentor_profile_refresh_search(*, profile: MentorProfile) -> None:
    """Rebuilds the stored search document from the name, headline, role, bio and skills."""
    skills = profile.skills.all()
    profile.search_text = search_document(
        profile.user.name,
        profile.headline,
        profile.current_role,
        profile.company,
        profile.industry,
        profile.bio,
        profile.approach,
        *(f"{skill.name_ru} {skill.name_en}" for skill in skills),
    )
    MentorProfile.objects.filter(pk=profile.pk).update(search_text=profile.search_text)


def mentee_profile_refresh_search(*, profile: MenteeProfile) -> None:
    """Rebuilds the stored search document of a mentee profile (used by staff and matching)."""
    profile.search_text = search_document(
        profile.user.name,
        profile.headline,
        profile.current_role,
        profile.target_role,
        profile.goals,
        profile.bio,
        *(f"{skill.name_ru} {skill.name_en}" for skill in profile.skills_wanted.all()),
    )
    MenteeProfile.objects.filter(pk=profile.pk).update(search_text=profile.search_text)


def _profile_update(
    *,
    profile: MentorProfile | MenteeProfile,
    user: User,
    data: Mapping[str, Any],
    fields: frozenset[str],
    skills_field: str,
    refresh: Callable[..., None],
) -> Any:
    unknown = set(data) - fields - {skills_field, "timezone"}
    if unknown:
        raise TypeError(f"Not profile fields: {', '.join(sorted(unknown))}")
    values = dict(data)
    skill_names = values.pop(skills_field, None)
    zone = values.pop("timezone", None)
    for field, value in values.items():
        setattr(profile, field, value)

    errors: dict[str, list[ValidationError]] = {}
    try:
        profile.full_clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if zone is not None:
        try:
            validate_timezone(zone)
        except ValidationError as error:
            errors["timezone"] = error.error_list
    if errors:
        raise ValidationError(errors)

    profile.save()
    if zone is not None and zone != user.timezone:
        user_update(user=user, timezone=zone)
    if skill_names is not None:
        try:
            skills = skills_resolve(names=skill_names, user=user)
        except ValidationError as error:
            raise ValidationError({skills_field: error.error_list}) from error
        getattr(profile, skills_field).set(skills)
    refresh(profile=profile)
    return profile


@transaction.atomic
def mentor_profile_update(*, user: User, data: Mapping[str, Any]) -> MentorProfile:
    """Creates or updates the user's mentor profile from the given fields, all or nothing.

    ``data`` holds model field values; ``skills`` is a list of names in either language (or
    ``Skill`` objects) and ``timezone`` an IANA zone stored on the user. Raises
    ``ValidationError`` naming the fields when anything is wrong; nothing is saved then.
    """
    profile = MentorProfile.objects.select_for_update().filter(user=user).first()
    return _profile_update(
        profile=profile or MentorProfile(user=user),
        user=user,
        data=data,
        fields=MENTOR_FIELDS,
        skills_field="skills",
        refresh=mentor_profile_refresh_search,
    )


@transaction.atomic
def mentee_profile_update(*, user: User, data: Mapping[str, Any]) -> MenteeProfile:
    """Creates or updates the user's mentee profile, all or nothing (see the mentor version);
    ``skills_wanted`` takes names in either language.
    """
    profile = MenteeProfile.objects.select_for_update().filter(user=user).first()
    return _profile_update(
        profile=profile or MenteeProfile(user=user),
        user=user,
        data=data,
        fields=MENTEE_FIELDS,
        skills_field="skills_wanted",
        refresh=mentee_profile_refresh_search,
    )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    # Windows repeat weekly: compare against the other one shifted a week either way too.
    return any(
        a[0] < b[1] + shift and b[0] + shift < a[1]
        for shift in (-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK)
    )


@transaction.atomic
def availability_window_add(
    *, user: User, weekday: int, start: time, end: time, zone: str
) -> AvailabilityWindow:
    """Adds a weekly window in ``zone``'s wall-clock time. It must end after it starts, must not
    overlap the user's other windows (compared in real time this week, whatever their zones) and
    the user may have at most ``MAX_AVAILABILITY_WINDOWS``.
    """
    if end <= start:
        raise ValidationError({"end": _("The window must end after it starts.")})
    window = AvailabilityWindow(user=user, weekday=weekday, start=start, end=end, timezone=zone)
    window.full_clean()
    # Lock the user's row so two concurrent adds cannot both pass the checks below.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    existing = availability_windows_for_user(user=user)
    if len(existing) >= MAX_AVAILABILITY_WINDOWS:
        raise ValidationError(
            _("You can have at most %(limit)d availability windows."),
            code="too_many",
            params={"limit": MAX_AVAILABILITY_WINDOWS},
        )
    week = datetime.now(ZoneInfo(zone)).date()
    new_span = window_in_zone(window=window, zone=zone, week_of=week).week_minutes
    for other in existing:
        if _overlaps(new_span, window_in_zone(window=other, zone=zone, week_of=week).week_minutes):
            raise ValidationError(
                _("This window overlaps your window %(window)s."),
                code="overlap",
                params={"window": str(other)},
            )
    window.save()
    return window


def availability_window_remove(*, user: User, window_id: int) -> None:
    """Removes one of the user's own windows (404 for anybody else's)."""
    availability_window_get_for_user(user=user, window_id=window_id).delete()


def profiles_refresh_search_for_user(*, user: User) -> None:
    """Rebuilds the search documents of a person's profiles, e.g. after their name changed."""
    for profile in MentorProfile.objects.filter(user=user).select_related("user"):
        mentor_profile_refresh_search(profile=profile)
    for profile in MenteeProfile.objects.filter(user=user).select_related("user"):
        mentee_profile_refresh_search(profile=profile)
