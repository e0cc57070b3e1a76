"""Functions that change skills: syncing the shipped taxonomy and adding users' own skills."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from nastavnik.skills.models import Skill, SkillCategory
from nastavnik.skills.selectors import skill_find_by_name, taxonomy_get
from nastavnik.skills.wordforms import search_text

if TYPE_CHECKING:
    from matchmaker.taxonomy import SkillEntry
    from nastavnik.accounts.models import User

SKILL_NAME_MAX_LENGTH = Skill._meta.get_field("name_en").max_length
_SYNCED_FIELDS = ("name_en", "name_ru", "category", "synonyms", "related", "search_text")


@dataclass(frozen=True)
class SyncResult:
    created: int
    updated: int
    unchanged: int


def _taxonomy_values(entry: SkillEntry) -> dict[str, object]:
    synonyms = [*entry.synonyms_en, *entry.synonyms_ru]
    category = entry.category if entry.category in SkillCategory.values else SkillCategory.OTHER
    return {
        "name_en": entry.en,
        "name_ru": entry.ru,
        "category": category,
        "synonyms": synonyms,
        "related": list(entry.related),
        "search_text": search_text([entry.en, entry.ru, *synonyms]),
    }


@transaction.atomic
def skills_sync(*, entries: Sequence[SkillEntry]) -> SyncResult:
    """Upserts taxonomy entries into ``Skill`` by slug; never touches skills users added."""
    existing = {skill.slug: skill for skill in Skill.objects.from_taxonomy()}
    to_create: list[Skill] = []
    to_update: list[Skill] = []
    for entry in entries:
        values = _taxonomy_values(entry)
        skill = existing.get(entry.slug)
        if skill is None:
            to_create.append(Skill(slug=entry.slug, is_custom=False, **values))
        elif any(getattr(skill, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(skill, field, value)
            to_update.append(skill)
    Skill.objects.bulk_create(to_create, batch_size=500)
    Skill.objects.bulk_update(to_update, [*_SYNCED_FIELDS, "updated_at"], batch_size=500)
    unchanged = len(entries) - len(to_create) - len(to_update)
    return SyncResult(created=len(to_create), updated=len(to_update), unchanged=unchanged)


def skill_refresh_search_text(*, skill: Skill) -> None:
    """Recomputes the stored search text after a skill's names or synonyms were edited."""
    synonyms = [str(s) for s in skill.synonyms] if isinstance(skill.synonyms, list) else []
    skill.search_text = search_text([skill.name_en, skill.name_ru, *synonyms])
    Skill.objects.filter(pk=skill.pk).update(search_text=skill.search_text)


def _clean_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise ValidationError(_("A skill name cannot be empty."), code="blank")
    if len(cleaned) > SKILL_NAME_MAX_LENGTH:
        raise ValidationError(
            _("A skill name can be at most %(limit)d characters: %(name)s…"),
            code="max_length",
            params={"limit": SKILL_NAME_MAX_LENGTH, "name": cleaned[:40]},
        )
    return cleaned


def _custom_slug(name: str) -> str:
    # Russian names slugify to nothing in ASCII; a short random tail keeps slugs unique anyway.
    base = slugify(name)[:60].strip("-") or "skill"
    return f"custom-{base}-{uuid.uuid4().hex[:8]}"


def skill_resolve_or_create(*, name: str, user: User | None) -> Skill:
    """The skill a name means: the taxonomy skill for any of its names, synonyms or word forms
    in either language, an existing skill of exactly that name, or else a new custom skill.
    """
    cleaned = _clean_name(name)
    entry = taxonomy_get().resolve(cleaned)
    if entry is not None:
        skill, _created = Skill.objects.get_or_create(
            slug=entry.slug, defaults={"is_custom": False, **_taxonomy_values(entry)}
        )
        return skill
    existing = skill_find_by_name(name=cleaned)
    if existing is not None:
        return existing
    skill = Skill(
        slug=_custom_slug(cleaned),
        name_en=cleaned,
        name_ru=cleaned,
        category=SkillCategory.OTHER,
        is_custom=True,
        created_by=user if user is not None and user.is_authenticated else None,
        search_text=search_text([cleaned]),
    )
    skill.full_clean()
    skill.save()
    return skill


def skills_resolve(*, names: Iterable[str | Skill], user: User | None) -> list[Skill]:
    """Skills for a list of names (or skills), without duplicates, in the order given."""
    resolved: dict[int, Skill] = {}
    for name in names:
        skill = name if isinstance(name, Skill) else skill_resolve_or_create(name=name, user=user)
        resolved.setdefault(skill.pk, skill)
    return list(resolved.values())
