"""Functions that change profiles."""

from nastavnik.profiles.models import MenteeProfile, MentorProfile
from nastavnik.profiles.search import search_document


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
    )
    MenteeProfile.objects.filter(pk=profile.pk).update(search_text=profile.search_text)
