"""People with profiles made through the profile services, as the web app makes them."""

from datetime import time

from nastavnik.accounts.models import User
from nastavnik.accounts.tests.factories import UserFactory
from nastavnik.profiles.services import (
    availability_window_add,
    mentee_profile_update,
    mentor_profile_update,
)


def mentor_with(
    *, name: str, skills: list[str], zone: str = "Europe/Moscow", **fields: object
) -> User:
    """A published mentor accepting requests, with skills by name and a Tuesday evening window."""
    user = UserFactory(name=name, timezone=zone)
    data = {
        "headline": f"{name}, mentor",
        "bio": "I help people grow.",
        "current_role": "Senior engineer",
        "years_experience": 10,
        "languages": ["ru", "en"],
        "formats": ["one_to_one"],
        "capacity": 2,
        "skills": skills,
        **fields,
    }
    mentor_profile_update(user=user, data=data)
    availability_window_add(user=user, weekday=1, start=time(18), end=time(21), zone=zone)
    return user


def mentee_with(*, skills: list[str], user: User | None = None, **fields: object) -> User:
    """A mentee wanting the given skills, free on Tuesday evenings in Moscow."""
    user = user or UserFactory(timezone="Europe/Moscow")
    data = {
        "current_role": "Marketing manager",
        "target_role": "Data analyst",
        "goals": "Get a first job as a data analyst.",
        "languages": ["ru"],
        "formats": ["one_to_one"],
        "skills_wanted": skills,
        **fields,
    }
    mentee_profile_update(user=user, data=data)
    availability_window_add(
        user=user, weekday=1, start=time(18), end=time(20), zone="Europe/Moscow"
    )
    return user
