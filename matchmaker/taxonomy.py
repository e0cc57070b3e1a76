"""The bilingual skills taxonomy shared by the engine and the web application.

The data lives in ``matchmaker/data/skills.json`` (see ``docs/matching.md``); the web app reads the
same file through ``Taxonomy.path``. Names resolve case-insensitively, with ё = е, in Russian or
English, through display names, synonyms, slugs and Snowball stems of all of them.
"""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from matchmaker.text import normalise, stem, stem_key, words

# Names too short or too common to mean the skill when they appear in free text ("go", "c", "rust").
_AMBIGUOUS_IN_TEXT = frozenset(
    {"go", "c", "r", "си", "го", "ява", "spring", "swift", "rust", "unity", "node", "ts", "ia"}
    | {"em", "po", "cs", "db", "crisis", "balance", "product", "design", "learning", "writing"}
)
_LONGEST_PHRASE = 4

CATEGORIES = ("it", "data", "design", "marketing", "management", "soft", "career")
DATA_PATH = Path(__file__).resolve().parent / "data" / "skills.json"


@dataclass(frozen=True, slots=True)
class SkillEntry:
    """One skill of the taxonomy."""

    slug: str
    category: str
    en: str
    ru: str
    synonyms_en: tuple[str, ...]
    synonyms_ru: tuple[str, ...]
    related: tuple[str, ...]

    def name(self, language: str) -> str:
        """The display name in ``language`` ("ru" or anything else for English)."""
        return self.ru if language == "ru" else self.en

    def all_names(self) -> tuple[str, ...]:
        """Display names first, then synonyms in both languages."""
        return (self.en, self.ru, *self.synonyms_en, *self.synonyms_ru)


@dataclass(slots=True)
class Taxonomy:
    """The loaded taxonomy with lookup tables for resolving free-form skill names."""

    path: Path
    skills: list[SkillEntry]
    by_slug: dict[str, SkillEntry] = field(init=False)
    _exact: dict[str, SkillEntry] = field(init=False, repr=False)
    _stemmed: dict[str, SkillEntry] = field(init=False, repr=False)
    _bags: dict[frozenset[str], SkillEntry] = field(init=False, repr=False)
    _longest_from: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.by_slug = {skill.slug: skill for skill in self.skills}
        self._exact = {}
        self._stemmed = {}
        self._bags = {}
        # Display names win over synonyms when two skills share a key: a name is the stronger claim.
        for pass_names in (True, False):
            for skill in self.skills:
                names = (skill.en, skill.ru) if pass_names else skill.all_names()[2:]
                for name in names:
                    self._exact.setdefault(normalise(name), skill)
                    key = stem_key(name)
                    if key:
                        self._stemmed.setdefault(key, skill)
                        self._bags.setdefault(_bag(key), skill)
        for skill in self.skills:
            self._exact.setdefault(skill.slug, skill)
        # For scanning text: the longest name (in words) that starts with each stem.
        self._longest_from = {}
        for key in self._stemmed:
            first, length = key.split()[0], len(key.split())
            self._longest_from[first] = max(self._longest_from.get(first, 0), length)

    def resolve(self, name: str) -> SkillEntry | None:
        """The skill called ``name`` in either language (any word form), or None if unknown."""
        exact = self._exact.get(normalise(name))
        if exact is not None:
            return exact
        key = stem_key(name)
        if not key:
            return None
        found = self._stemmed.get(key)
        # Word order differs between languages and people ("negotiating salary").
        return found if found is not None else self._bags.get(_bag(key))

    def find_in_text(self, text: str) -> list[SkillEntry]:
        """The skills a free text mentions by any name or word form, in order of appearance.

        This bridges languages: "анализом данных" and "data analysis" both mention data-analysis.
        """
        return self.find_in_stems([stem(word) for word in words(text)])

    def find_in_stems(self, stems: list[str]) -> list[SkillEntry]:
        """Like ``find_in_text`` for a text already split into stems."""
        found: dict[str, SkillEntry] = {}
        longest_from, stemmed = self._longest_from, self._stemmed
        size, taken_until = len(stems), 0
        # Only words that begin some skill name can start a match: find them in one pass.
        for start in [n for n, word in enumerate(stems) if word in longest_from]:
            if start < taken_until:
                continue
            longest = min(longest_from[stems[start]], _LONGEST_PHRASE, size - start)
            for length in range(longest, 0, -1):
                key = stems[start] if length == 1 else " ".join(stems[start : start + length])
                skill = stemmed.get(key)
                if skill is not None and (length > 1 or _meaningful(key)):
                    found.setdefault(skill.slug, skill)
                    taken_until = start + length
                    break
        return list(found.values())


# Linking words that do not change what a skill name means.
_LINKING = frozenset(
    {"and", "of", "for", "the", "a", "in", "to", "и", "в", "на", "о", "с", "для", "по"}
)


def _bag(key: str) -> frozenset[str]:
    return frozenset(key.split()) - _LINKING


def _entry(raw: dict) -> SkillEntry:
    return SkillEntry(
        slug=raw["slug"],
        category=raw["category"],
        en=raw["en"],
        ru=raw["ru"],
        synonyms_en=tuple(raw["synonyms"]["en"]),
        synonyms_ru=tuple(raw["synonyms"]["ru"]),
        related=tuple(raw["related"]),
    )


def read_taxonomy(path: Path) -> Taxonomy:
    """Load a taxonomy file (uncached; tests and tools use it for other files)."""
    document = json.loads(path.read_text(encoding="utf-8"))
    return Taxonomy(path=path, skills=[_entry(raw) for raw in document["skills"]])


@cache
def load_taxonomy() -> Taxonomy:
    """The shipped taxonomy, loaded once per process."""
    return read_taxonomy(DATA_PATH)


def _meaningful(key: str) -> bool:
    """Whether a one-word name, seen in free text, can be taken to mean its skill."""
    return len(key) >= 2 and key not in _AMBIGUOUS_IN_TEXT
