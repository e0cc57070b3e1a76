"""Profiles as rows of numpy arrays, so that factors are computed for many pairs at once.

Sets are bitsets (``uint64`` words, popcount of AND): skills offered and related, wanted skills,
hashed text stems and taxonomy concepts, role stems, languages, formats, durations, and the 336
half-hour slots of a reference week in UTC. A ``Vocabulary`` gives ids to skills, languages and
attribute values; tables of mentors (growable, for the recommendation index) and mentees share it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from itertools import islice
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

from matchmaker.taxonomy import SkillEntry, load_taxonomy
from matchmaker.text import content_of, normalise, stable_hash, stems

STYLE_KEYS = ("structure", "directness", "pace", "autonomy", "async", "balance")
FORMATS = ("one_to_one", "group", "async")
DURATIONS = ("short", "medium", "long", "episodic", "ongoing")
TEXT_BITS = 512
ROLE_BITS = 128
SLOTS = 7 * 48  # half-hours of a week
SLOT_WORDS = (SLOTS + 63) // 64
LANGUAGE_SLOTS = 64
# Attribute keys with their own representation; every other scalar field can be required/preferred.
_NOT_ATTRIBUTES = {
    *("language", "languages", "format", "formats", "duration", "durations"),
    *("id", "bio", "goals", "role", "current_role", "target_role", "timezone"),
    *("years_experience", "capacity", "accepting", "reverse", "ranking"),
}


def _is_attribute_value(value: object) -> bool:
    if isinstance(value, str):
        return 0 < len(value) <= 80
    return isinstance(value, int | float | bool)


def reference_monday(today: date | None = None) -> date:
    """Monday of the week availability is computed for (the current week by default)."""
    today = today or datetime.now(UTC).date()
    return today - timedelta(days=today.weekday())


def _words_needed(bits: int) -> int:
    return max(1, (bits + 63) // 64)


def popcount(words: np.ndarray) -> np.ndarray:
    """Set bits per row of a (rows, n_words) uint64 array (int32)."""
    total = np.bitwise_count(words[..., 0]).astype(np.int32)
    for word in range(1, words.shape[-1]):
        total += np.bitwise_count(words[..., word])
    return total


def popcount_and(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Set bits of ``a & b`` per row, over the words both have."""
    width = min(a.shape[-1], b.shape[-1])
    total = np.bitwise_count(a[..., 0] & b[..., 0]).astype(np.int32)
    for word in range(1, width):
        total += np.bitwise_count(a[..., word] & b[..., word])
    return total


def _as_list(value: object) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Sequence):
        return list(value)
    return [value]


def _number(value: object) -> float:
    """A finite non-negative number, or NaN when missing or unusable."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return math.nan
    return float(value) if math.isfinite(value) and value >= 0 else math.nan


@lru_cache(maxsize=4096)
def _utc_slot(timezone: str, weekday: int, clock: str, monday: date) -> int | None:
    """The half-hour slot of the reference week (UTC, Monday 00:00 = 0) of a local time."""
    try:
        zone = ZoneInfo(timezone) if timezone else UTC
        hours, minutes = (int(part) for part in clock.split(":"))
        local = datetime.combine(monday + timedelta(days=weekday), time(hours % 24, minutes), zone)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return None
    start = datetime.combine(monday, time(0), UTC)
    offset = (local - start).total_seconds() / 1800
    return math.floor(offset) % SLOTS


def availability_mask(profile: Mapping, monday: date) -> int:
    """Half-hour slots (UTC, reference week) of the profile's weekly availability, as an int mask."""
    timezone = profile.get("timezone") or "UTC"
    windows = profile.get("availability")
    if not isinstance(timezone, str) or not isinstance(windows, list):
        return 0
    mask = 0
    for window in windows:
        if not isinstance(window, Mapping):
            continue
        weekday, start, end = window.get("weekday"), window.get("start"), window.get("end")
        if not isinstance(weekday, int) or isinstance(weekday, bool) or not 0 <= weekday <= 6:
            continue
        if not isinstance(start, str) or not isinstance(end, str):
            continue
        first = _utc_slot(timezone, weekday, start, monday)
        length = (_minutes(end) - _minutes(start)) // 30
        if first is None or length <= 0:
            continue
        run = (1 << min(length, SLOTS)) - 1
        shifted = run << first
        mask |= (shifted | (shifted >> SLOTS)) & _ALL_SLOTS  # a window can wrap past Sunday
    return mask


_ALL_SLOTS = (1 << SLOTS) - 1
_CHUNK = 65_536


@lru_cache(maxsize=4096)
def _minutes(clock: str) -> int:
    try:
        hours, minutes = (int(part) for part in clock.split(":"))
    except ValueError:
        return 0
    return hours * 60 + minutes


class Vocabulary:
    """Ids for skills (taxonomy first, then unknown names), languages and attribute values."""

    def __init__(self) -> None:
        self.taxonomy = load_taxonomy()
        self.skill_ids = {skill.slug: n for n, skill in enumerate(self.taxonomy.skills)}
        self.custom_names: list[str] = []
        self.custom_ids: dict[str, int] = {}
        self._skill_cache: dict[str, int | None] = {}
        self.languages: dict[str, int] = {}
        self.attributes: dict[str, dict[str, int]] = {}
        # Relatedness is symmetric: a mentor of SQL gets partial credit for data analysis and back.
        related: list[set[int]] = [set() for _ in self.taxonomy.skills]
        for n, skill in enumerate(self.taxonomy.skills):
            for slug in skill.related:
                related[n].add(self.skill_ids[slug])
                related[self.skill_ids[slug]].add(n)
        self.related_ids = [sorted(ids) for ids in related]

    @property
    def n_skills(self) -> int:
        return len(self.skill_ids) + len(self.custom_names)

    def skill_id(self, name: object) -> int | None:
        """The id of a skill name (taxonomy, any language) or of an unknown normalised name."""
        if isinstance(name, str) and name in self._skill_cache:
            return self._skill_cache[name]
        found = self._skill_id(name)
        if isinstance(name, str):
            self._skill_cache[name] = found
        return found

    def _skill_id(self, name: object) -> int | None:
        if not isinstance(name, str) or not normalise(name):
            return None
        entry = self.taxonomy.resolve(name)
        if entry is not None:
            return self.skill_ids[entry.slug]
        key = normalise(name)
        if key not in self.custom_ids:
            self.custom_ids[key] = len(self.skill_ids) + len(self.custom_names)
            self.custom_names.append(name.strip())
        return self.custom_ids[key]

    def skill_name(self, skill_id: int, language: str) -> str:
        if skill_id < len(self.skill_ids):
            return self.taxonomy.skills[skill_id].name(language)
        return self.custom_names[skill_id - len(self.skill_ids)]

    def skill_entry(self, skill_id: int) -> SkillEntry | None:
        return self.taxonomy.skills[skill_id] if skill_id < len(self.skill_ids) else None

    def language_id(self, code: object) -> int | None:
        if not isinstance(code, str) or not code.strip():
            return None
        key = code.strip().lower()
        if key not in self.languages:
            if len(self.languages) >= LANGUAGE_SLOTS:
                return None
            self.languages[key] = len(self.languages)
        return self.languages[key]

    def attribute_id(self, key: str, value: object) -> int:
        values = self.attributes.setdefault(key, {})
        text = normalise(str(value))
        return values.setdefault(text, len(values))


def text_tokens(vocabulary: Vocabulary, *texts: object) -> set[str]:
    """Stems of the texts plus ``@slug`` for every taxonomy skill they mention (any language)."""
    joined = " ".join(text for text in texts if isinstance(text, str) and text)
    return set(_text_tokens(joined)) if joined else set()


@lru_cache(maxsize=1 << 17)  # every profile's text of a large cohort, for scoring and reasons
def _text_tokens(joined: str) -> frozenset[str]:
    all_stems = stems(joined)
    tokens = set(content_of(all_stems))
    tokens.update(f"@{skill.slug}" for skill in load_taxonomy().find_in_stems(all_stems))
    return frozenset(tokens)


@lru_cache(maxsize=1 << 18)
def _token_bit(token: str, bits: int) -> int:
    return 1 << (stable_hash(token) % bits)


def hashed_mask(tokens: Iterable[str], bits: int) -> int:
    """A Python int with one (hashed) bit per token."""
    mask = 0
    for token in tokens:
        mask |= _token_bit(token, bits)
    return mask


def _int_mask(positions: Iterable[int]) -> int:
    mask = 0
    for position in positions:
        mask |= 1 << position
    return mask


def to_words(masks: Sequence[int], n_words: int) -> np.ndarray:
    """Python int bitmasks as a (len(masks), n_words) uint64 array."""
    size = 8 * n_words
    data = b"".join(mask.to_bytes(size, "little") for mask in masks)
    return np.frombuffer(data, dtype=np.uint64).reshape(len(masks), n_words).copy()


def _mask(values: object, choices: Sequence[str]) -> int:
    mask = 0
    for value in _as_list(values):
        if value in choices:
            mask |= 1 << choices.index(value)
    return mask


def _style(answers: object) -> list[int]:
    if not isinstance(answers, Mapping):
        return [0] * len(STYLE_KEYS)
    row = []
    for key in STYLE_KEYS:
        value = answers.get(key)
        ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5
        row.append(value if ok else 0)
    return row


def _style_code(answers: list[int]) -> int:
    """Answers in a thermometer code, 4 bits a question (answer v sets v - 1 bits), so that
    popcount(code_a ^ code_b) over the questions both answered is the sum of |a - b|."""
    code = 0
    for question, answer in enumerate(answers):
        if answer:
            code |= ((1 << (answer - 1)) - 1) << (4 * question)
    return code


def _style_mask(answers: list[int]) -> int:
    """Four bits for every answered question."""
    return sum(0b1111 << (4 * question) for question, answer in enumerate(answers) if answer)


def _capacity(profile: Mapping) -> int:
    value = profile.get("capacity", 1)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def canonical_key(key: str) -> str:
    """Singular and plural names of the list-valued fields mean the same wish."""
    return {"language": "languages", "format": "formats", "duration": "durations"}.get(key, key)


class ProfileTable:
    """Rows of profile features of one side (mentors or mentees), growable and updatable in place.

    Columns: bitsets "skills", "related", "text", "role", "slots" (rows x uint64 words);
    "languages" (uint64 mask of language ids), "formats", "durations" (uint8 masks), "style"
    (int8 answers, 0 = not answered), "years" (float32, NaN = unknown), "flags" (bit 0: accepting
    for mentors, reverse for mentees), "capacity"; "attr:<key>" value ids of scalar fields (-1 =
    missing); mentees also "industries" (mask of industry ids), "min_years" and "pref:<key>" /
    "req:<key>" masks of acceptable values (0 = no wish).
    """

    mentor_side: bool
    reason_fields: tuple[str, ...]

    def __init__(self, vocabulary: Vocabulary, monday: date) -> None:
        self.vocabulary = vocabulary
        self.monday = monday
        self.skill_words = _words_needed(vocabulary.n_skills + 64)
        self.arrays: dict[str, np.ndarray] = {}
        self.size = 0
        self.profiles: list[Mapping] = []
        self._write(np.empty(0, np.int64), [])  # every column exists, even with no rows

    def __len__(self) -> int:
        return self.size

    @property
    def capacity(self) -> int:
        return next(iter(self.arrays.values())).shape[0] if self.arrays else 0

    def array(self, name: str) -> np.ndarray:
        return self.arrays[name][: self.size]

    def attribute(self, key: str) -> np.ndarray:
        """Attribute value ids (-1 when missing) of every row for ``key``."""
        return self._column(f"attr:{key}", np.int32, -1)[: self.size]

    def mask_column(self, name: str) -> np.ndarray:
        """A uint64 column of wanted-value masks (0 = no wish), created on first use."""
        return self._column(name, np.uint64, 0)[: self.size]

    def wishes(self, kind: str) -> list[str]:
        """Keys with a "pref:" or "req:" column."""
        prefix = f"{kind}:"
        return [name[len(prefix) :] for name in self.arrays if name.startswith(prefix)]

    def _column(self, name: str, dtype: type, fill: float) -> np.ndarray:
        if name not in self.arrays:
            self.arrays[name] = np.full(self.capacity, fill, dtype)
        return self.arrays[name]

    def _grow(self, rows: int) -> None:
        if rows <= self.capacity:
            return
        new_capacity = max(rows, self.capacity * 2, 16)
        for name, array in self.arrays.items():
            grown = np.empty((new_capacity, *array.shape[1:]), dtype=array.dtype)
            grown[: array.shape[0]] = array
            grown[array.shape[0] :] = _fill(name, array.dtype)
            self.arrays[name] = grown

    def _widen_skills(self) -> None:
        needed = _words_needed(self.vocabulary.n_skills)
        if needed <= self.skill_words:
            return
        words = max(needed, self.skill_words * 2)
        for name in ("skills", "related"):
            if name in self.arrays:
                old = self.arrays[name]
                new = np.zeros((old.shape[0], words), np.uint64)
                new[:, : old.shape[1]] = old
                self.arrays[name] = new
        self.skill_words = words

    def extend(self, profiles: Iterable[Mapping]) -> None:
        """Add profiles as new rows at the end."""
        iterator = iter(profiles)
        while chunk := list(islice(iterator, _CHUNK)):  # bounded temporaries for big inputs
            start = self.size
            self.profiles.extend(self._kept(profile) for profile in chunk)
            self.size += len(chunk)
            self._write(np.arange(start, self.size), chunk)

    def set_row(self, row: int, profile: Mapping) -> None:
        """Overwrite one row from a profile."""
        self.profiles[row] = self._kept(profile)
        self._write(np.array([row]), [profile])

    def _kept(self, profile: Mapping) -> dict:
        """The fields reasons quote, kept per row (not the whole profile: memory)."""
        return {key: profile[key] for key in self.reason_fields if key in profile}

    def _write(self, rows: np.ndarray, profiles: list[Mapping]) -> None:
        values = [self._values(profile) for profile in profiles]
        self._widen_skills()
        columns = {
            "skills": to_words([v["skills"] for v in values], self.skill_words),
            "related": to_words([v["related"] for v in values], self.skill_words),
            "text": to_words([v["text"] for v in values], TEXT_BITS // 64),
            "role": to_words([v["role"] for v in values], ROLE_BITS // 64),
            "slots": to_words([v["slots"] for v in values], SLOT_WORDS),
            "languages": np.array([v["languages"] for v in values], np.uint64),
            "formats": np.array([v["formats"] for v in values], np.uint8),
            "durations": np.array([v["durations"] for v in values], np.uint8),
            "style": np.array([v["style"] for v in values], np.int8).reshape(-1, len(STYLE_KEYS)),
            "style_code": np.array([_style_code(v["style"]) for v in values], np.uint64),
            "style_mask": np.array([_style_mask(v["style"]) for v in values], np.uint64),
            "years": np.array([v["years"] for v in values], np.float32),
            "flags": np.array([v["flags"] for v in values], np.uint8),
            "capacity": np.array([v["capacity"] for v in values], np.int32),
            "industries": np.array([v.get("industries", 0) for v in values], np.uint64),
            "min_years": np.array([v.get("min_years", math.nan) for v in values], np.float32),
        }
        for name in ("skills", "text", "role", "slots"):
            columns[f"n_{name}"] = popcount(columns[name]).astype(np.int16)
        if not self.arrays:
            self.arrays = {
                name: np.empty((0, *array.shape[1:]), array.dtype)
                for name, array in columns.items()
            }
        self._grow(self.size)
        for name, array in columns.items():
            self.arrays[name][rows] = array
        keyed: dict[str, tuple[type, int, dict[int, int]]] = {}
        for row, value in zip(rows.tolist(), values, strict=True):
            for key, value_id in value["attributes"].items():
                keyed.setdefault(f"attr:{key}", (np.int32, -1, {}))[2][row] = value_id
            for name, mask in value.get("wishes", {}).items():
                keyed.setdefault(name, (np.uint64, 0, {}))[2][row] = mask
        for name, array in self.arrays.items():
            if name.startswith(("attr:", "pref:", "req:")):
                array[rows] = _fill(name, array.dtype)
        for name, (dtype, fill, by_row) in keyed.items():
            column = self._column(name, dtype, fill)
            column[np.fromiter(by_row, np.int64)] = np.array(list(by_row.values()), dtype)

    def _values(self, profile: Mapping) -> dict:
        vocabulary = self.vocabulary
        own, related = self._skill_sets(profile)
        languages = {vocabulary.language_id(code) for code in _as_list(profile.get("languages"))}
        languages.discard(None)
        attributes = {
            key: vocabulary.attribute_id(key, value)
            for key, value in profile.items()
            if key not in _NOT_ATTRIBUTES and _is_attribute_value(value)
        }
        return {
            "skills": _int_mask(own),
            "related": _int_mask(related - own),
            "text": hashed_mask(self._text(profile), TEXT_BITS),
            "role": hashed_mask(text_tokens(vocabulary, self._role_text(profile)), ROLE_BITS),
            "slots": availability_mask(profile, self.monday),
            "languages": _int_mask(languages),
            "formats": _mask(profile.get("formats"), FORMATS),
            "durations": _mask(profile.get("durations"), DURATIONS),
            "style": _style(profile.get("working_style")),
            "years": _number(profile.get("years_experience")),
            "flags": self._flags(profile),
            "capacity": _capacity(profile),
            "attributes": attributes,
        }

    def _skill_sets(self, profile: Mapping) -> tuple[set[int], set[int]]:
        raise NotImplementedError

    def _text(self, profile: Mapping) -> set[str]:
        raise NotImplementedError

    def _role_text(self, profile: Mapping) -> str:
        raise NotImplementedError

    def _flags(self, profile: Mapping) -> int:
        raise NotImplementedError


def _fill(name: str, dtype: np.dtype) -> float:
    if name.startswith("attr:"):
        return -1
    return math.nan if np.dtype(dtype).kind == "f" else 0


def _skill_ids(vocabulary: Vocabulary, names: object) -> set[int]:
    ids = {vocabulary.skill_id(name) for name in _as_list(names)}
    ids.discard(None)
    return ids  # type: ignore[return-value]


class MentorTable(ProfileTable):
    """Mentor profiles: offered skills, with related skills for partial credit."""

    mentor_side = True
    reason_fields = ("id", "bio", "role", "industry", "years_experience")

    def _skill_sets(self, profile: Mapping) -> tuple[set[int], set[int]]:
        own = _skill_ids(self.vocabulary, profile.get("skills"))
        related_ids = self.vocabulary.related_ids
        related = {
            other for skill in own if skill < len(related_ids) for other in related_ids[skill]
        }
        return own, related

    def _text(self, profile: Mapping) -> set[str]:
        return text_tokens(self.vocabulary, profile.get("bio"))

    def _role_text(self, profile: Mapping) -> str:
        role = profile.get("role")
        return role if isinstance(role, str) else ""

    def _flags(self, profile: Mapping) -> int:
        return 0 if profile.get("accepting") is False else 1


class MenteeTable(ProfileTable):
    """Mentee profiles: wanted skills, goals, target role, preferences and requirements."""

    mentor_side = False
    reason_fields = ("id", "goals", "bio", "target_role", "industries", "years_experience")

    def _skill_sets(self, profile: Mapping) -> tuple[set[int], set[int]]:
        return _skill_ids(self.vocabulary, profile.get("skills_wanted")), set()

    def _text(self, profile: Mapping) -> set[str]:
        return text_tokens(self.vocabulary, profile.get("goals"), profile.get("bio"))

    def _role_text(self, profile: Mapping) -> str:
        role = profile.get("target_role")
        return role if isinstance(role, str) else ""

    def _flags(self, profile: Mapping) -> int:
        return 1 if profile.get("reverse") is True else 0

    def _values(self, profile: Mapping) -> dict:
        values = super()._values(profile)
        values["industries"] = self.wanted_mask("industry", profile.get("industries"))
        wishes: dict[str, int] = {}
        for kind, field_name in (("pref", "preferences"), ("req", "requirements")):
            given = profile.get(field_name)
            if not isinstance(given, Mapping):
                continue
            for key, value in given.items():
                if kind == "req" and key == "min_years_experience":
                    values["min_years"] = _number(value)
                    continue
                wishes[f"{kind}:{canonical_key(key)}"] = self.wanted_mask(canonical_key(key), value)
        values["wishes"] = wishes
        return values

    def wanted_mask(self, key: str, values: object) -> int:
        """Bits of the acceptable values of ``key`` (language, format, duration or attribute ids)."""
        mask = 0
        for value in _as_list(values):
            if key == "languages":
                position = self.vocabulary.language_id(value)
            elif key == "formats":
                position = FORMATS.index(value) if value in FORMATS else None
            elif key == "durations":
                position = DURATIONS.index(value) if value in DURATIONS else None
            elif isinstance(value, str | int | float | bool):
                position = self.vocabulary.attribute_id(key, value)
            else:
                position = None
            if position is not None and position < 63:
                mask |= 1 << position
        # A wish that no mentor value can meet still counts: it must not silently vanish.
        return mask if mask or not _as_list(values) else 1 << 63
