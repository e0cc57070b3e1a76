"""Functions that read skills: lookup by name and autocomplete search in both languages."""

from __future__ import annotations

from functools import reduce
from operator import and_
from typing import TYPE_CHECKING

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import get_language

from nastavnik.skills.models import Skill
from nastavnik.skills.wordforms import normalize, stems

if TYPE_CHECKING:
    from matchmaker.taxonomy import Taxonomy


def taxonomy_get() -> Taxonomy:
    """The shipped bilingual taxonomy (loaded once per process by the engine's loader)."""
    # Imported here so the web app starts even while the engine package is being installed.
    from matchmaker.taxonomy import load_taxonomy

    return load_taxonomy()


def skill_find_by_name(*, name: str) -> Skill | None:
    """The skill with exactly this name or synonym (case, ё/е and spacing ignored), if any."""
    needle = normalize(name)
    if not needle:
        return None
    matches = Skill.objects.filter(search_text__contains=f"|{needle}|")
    return matches.order_by("is_custom", "pk").first()


def skills_search(*, query: str) -> QuerySet[Skill]:
    """Skills matching a query typed in either language: a name or synonym containing it, every
    query word as a word form of a name, or the taxonomy's own resolution of the query.
    Taxonomy skills come before ones users added; within each, exact names, then names that
    start with the query, then by name.
    """
    name_field = "name_ru" if (get_language() or "").startswith("ru") else "name_en"
    needle = normalize(query)
    skills = Skill.objects.all()
    if needle:
        condition = Q(search_text__contains=needle)
        query_stems = stems(needle)
        if query_stems:
            condition |= reduce(and_, (Q(search_text__contains=f" {s}") for s in query_stems))
        entry = taxonomy_get().resolve(query)
        if entry is not None:
            condition |= Q(slug=entry.slug)
        skills = skills.filter(condition).annotate(
            rank=Case(
                When(search_text__contains=f"|{needle}|", then=Value(0)),
                When(search_text__contains=f"|{needle}", then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        return skills.order_by("is_custom", "rank", name_field, "pk")
    return skills.order_by("is_custom", name_field, "pk")
