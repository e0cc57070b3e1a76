"""An in-memory recommendation index over mentor profiles, updated incrementally.

The web app keeps one ``RecommendIndex`` per process and calls ``upsert_mentor``,
``remove_mentor`` and ``set_capacity_left`` as profiles change; ``recommend`` answers "the best
mentors for this mentee" with reasons. Scores are the scoring model's (``matchmaker.model``).
Up to ``EXACT_LIMIT`` open mentors every one is scored; above it a pre-selection by skills (see
docs/matching.md, "Recommendations and the index") keeps a query fast on a million mentors.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

import numpy as np

from matchmaker.model.explain import details
from matchmaker.model.factors import (
    FACTORS,
    RELATED_CREDIT,
    Pairs,
    allowed,
    factor_matrix,
    format_fit,
    seniority,
    weighted_sum,
)
from matchmaker.model.features import MenteeTable, MentorTable, Vocabulary, reference_monday
from matchmaker.model.weights import normalise_weights

EXACT_LIMIT = 30_000  # open mentors up to which every one is scored exactly
PRESELECT = 12_000  # mentors pre-selected by skills (and cheap factors) above the limit
RANDOM_EXTRA = 2_000  # plus this many random open mentors: a match need not share a skill
BLOCK = 65_536


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One recommended mentor: its id, the model score and the reasons (largest first)."""

    mentor_id: str
    score: float
    reasons: list[dict] = field(default_factory=list)


class _Postings:
    """Per skill, the rows that had the skill when added; updated rows make a list "dirty"
    (it may hold stale or repeated rows) until the next query compacts it."""

    def __init__(self) -> None:
        self.rows: dict[int, np.ndarray] = {}
        self.sizes: dict[int, int] = {}
        self.dirty: set[int] = set()

    def add(self, skill: int, row: int) -> None:
        rows = self.rows.get(skill)
        size = self.sizes.get(skill, 0)
        if rows is None or size == len(rows):
            grown = np.empty(max(16, 2 * size), np.int64)
            if rows is not None:
                grown[:size] = rows
            self.rows[skill] = rows = grown
        rows[size] = row
        self.sizes[skill] = size + 1

    def add_many(self, rows: np.ndarray, skills: np.ndarray) -> None:
        order = np.argsort(skills, kind="stable")
        rows, skills = rows[order], skills[order]
        bounds = np.flatnonzero(np.diff(skills)) + 1
        for chunk_rows, skill in zip(
            np.split(rows, bounds), skills[np.concatenate(([0], bounds))].tolist(), strict=True
        ):
            if not len(chunk_rows):
                continue
            size = self.sizes.get(skill, 0)
            old = self.rows.get(skill, np.empty(0, np.int64))[:size]
            self.rows[skill] = np.concatenate([old, chunk_rows.astype(np.int64)])
            self.sizes[skill] = len(self.rows[skill])

    def get(self, skill: int, bits: np.ndarray) -> np.ndarray:
        """The rows whose ``bits`` (rows x words) have the skill now, each once."""
        rows = self.rows.get(skill)
        if rows is None:
            return np.empty(0, np.int64)
        found = rows[: self.sizes[skill]]
        if skill in self.dirty:
            found = np.unique(found)
            word = bits[found, skill >> 6]
            found = found[(word >> np.uint64(skill & 63)) & np.uint64(1) == 1]
            self.rows[skill], self.sizes[skill] = found.copy(), len(found)
            self.dirty.discard(skill)
        return found


class RecommendIndex:
    """Mentor profiles (FORMAT.md fields) ready to be ranked for any mentee profile."""

    def __init__(
        self,
        mentors: Iterable[Mapping] = (),
        *,
        weights: Mapping[str, float] | None = None,
        monday: date | None = None,
    ) -> None:
        self.weights = normalise_weights(weights)
        self._w = np.array([self.weights[name] for name in FACTORS])
        self.vocabulary = Vocabulary()
        self.monday = reference_monday(monday)
        self.mentors = MentorTable(self.vocabulary, self.monday)
        self._row_of: dict[str, int] = {}
        self._ids: list[str | None] = []
        self._free: list[int] = []
        self._live = np.zeros(0, bool)
        self._capacity_left = np.zeros(0, np.int64)
        self._offered, self._related = _Postings(), _Postings()
        self._open_cache: np.ndarray | None = None
        iterator = iter(mentors)
        while chunk := list(
            islice(iterator, 65_536)
        ):  # a generator of profiles is never listed whole
            self._add_many(chunk)

    def __len__(self) -> int:
        return len(self._row_of)

    def __contains__(self, mentor_id: object) -> bool:
        return mentor_id in self._row_of

    # -- updates ------------------------------------------------------------------------------

    def _add_many(self, profiles: list[Mapping]) -> None:
        for profile in profiles:
            _check_id(profile)
        fresh = [p for p in profiles if p["id"] not in self._row_of]
        if len(fresh) == len(profiles) and len({p["id"] for p in fresh}) == len(fresh):
            start = len(self.mentors)
            self.mentors.extend(fresh)
            self._grow(len(self.mentors))
            for offset, profile in enumerate(fresh):
                row = start + offset
                self._row_of[profile["id"]] = row
                self._ids[row] = profile["id"]
                self._capacity_left[row] = _capacity_left(profile)
            self._live[start : len(self.mentors)] = True
            self._open_cache = None
            for postings, column in ((self._offered, "skills"), (self._related, "related")):
                rows, skills = _bit_positions(self.mentors.array(column)[start:])
                if len(rows):
                    postings.add_many(rows + start, skills)
            return
        for profile in profiles:
            self.upsert_mentor(profile)

    def _grow(self, rows: int) -> None:
        if rows > len(self._live):
            size = max(rows, 2 * len(self._live), 16)
            self._live = np.concatenate([self._live, np.zeros(size - len(self._live), bool)])
            extra = np.zeros(size - len(self._capacity_left), np.int64)
            self._capacity_left = np.concatenate([self._capacity_left, extra])
        self._ids.extend([None] * (rows - len(self._ids)))

    def _register(self, row: int, profile: Mapping, *, updated: bool = False) -> None:
        mentor_id = profile["id"]
        self._row_of[mentor_id] = row
        self._ids[row] = mentor_id
        self._live[row] = True
        self._open_cache = None
        self._capacity_left[row] = _capacity_left(profile)
        for postings, column in ((self._offered, "skills"), (self._related, "related")):
            for skill in _bits(self.mentors.array(column)[row]):
                postings.add(skill, row)
                if updated:
                    postings.dirty.add(skill)

    def upsert_mentor(self, profile: Mapping) -> None:
        """Add a mentor or replace the profile of the mentor with the same ``id``.

        Capacity left is the profile's ``capacity_left`` if given, else its ``capacity``.
        """
        _check_id(profile)
        row = self._row_of.get(profile["id"])
        updated = True
        if row is None and self._free:
            row = self._free.pop()
            self._mark_dirty(row)
            self.mentors.set_row(row, profile)
        elif row is None:
            self.mentors.extend([profile])
            row = len(self.mentors) - 1
            self._grow(row + 1)
            updated = False
        else:
            self._mark_dirty(row)
            self.mentors.set_row(row, profile)
        self._register(row, profile, updated=updated)

    def _mark_dirty(self, row: int) -> None:
        """The row's old skills' lists may now hold it wrongly: check them on the next query."""
        for postings, column in ((self._offered, "skills"), (self._related, "related")):
            postings.dirty.update(_bits(self.mentors.array(column)[row]))

    def remove_mentor(self, mentor_id: str) -> None:
        """Forget a mentor (KeyError if unknown)."""
        row = self._row_of.pop(mentor_id)
        self._ids[row] = None
        self._live[row] = False
        self._open_cache = None
        self._free.append(row)

    def set_capacity_left(self, mentor_id: str, n: int) -> None:
        """How many more mentees the mentor can take (0 = full: never recommended)."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValueError(f"capacity left must be an integer >= 0, got {n!r}")
        self._capacity_left[self._row_of[mentor_id]] = n
        self._open_cache = None

    # -- queries ------------------------------------------------------------------------------

    def recommend(
        self, mentee_profile: Mapping, top: int = 10, exclude_ids: Collection[str] = ()
    ) -> list[Recommendation]:
        """The ``top`` best open, allowed mentors for a mentee, best first, with reasons."""
        if top <= 0 or not self._row_of:
            return []
        mentee = MenteeTable(self.vocabulary, self.monday)
        mentee.extend([mentee_profile])
        is_open = self._open_mask()
        if np.count_nonzero(is_open) > EXACT_LIMIT:
            rows = self._preselect(mentee, is_open)
        else:
            rows = np.flatnonzero(is_open)
        excluded = [self._row_of[i] for i in exclude_ids if i in self._row_of]
        if excluded:
            rows = rows[~np.isin(rows, excluded)]
        rows, scores = self._score(mentee, rows)
        order = np.lexsort((rows, -scores))[:top]
        return [self._recommendation(mentee, int(rows[k]), float(scores[k])) for k in order]

    def _score(self, mentee: MenteeTable, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        scores = np.empty(len(rows))
        ok = np.empty(len(rows), bool)
        one = np.zeros(1, np.int64)
        for start in range(0, len(rows), BLOCK):
            pairs = Pairs(mentee, one, self.mentors, rows[start : start + BLOCK])
            scores[start : start + BLOCK] = weighted_sum(pairs, self._w)
            ok[start : start + BLOCK] = allowed(pairs)
        return rows[ok], scores[ok]

    def _open_mask(self) -> np.ndarray:
        """Mentors that can take a mentee now: present, capacity left, accepting."""
        size = len(self.mentors)
        if self._open_cache is None or len(self._open_cache) != size:
            is_open = self._live[:size] & (self._capacity_left[:size] > 0)
            self._open_cache = is_open & ((self.mentors.array("flags") & 1) == 1)
        return self._open_cache

    def _preselect(self, mentee: MenteeTable, is_open: np.ndarray) -> np.ndarray:
        """Mentors offering (or related to) the wanted skills, best by the cheap factors first,
        plus random open mentors."""
        wanted = _bits(mentee.array("skills")[0])
        found, credit = [], []
        for postings, column, weight in (
            (self._offered, "skills", 1.0),
            (self._related, "related", RELATED_CREDIT),
        ):
            for skill in wanted:
                rows = postings.get(skill, self.mentors.array(column))
                found.append(rows)
                credit.append(np.full(len(rows), weight))
        chosen = np.empty(0, np.int64)
        if found:
            total = np.bincount(np.concatenate(found), np.concatenate(credit), len(is_open))
            chosen = np.flatnonzero(total)
            chosen = chosen[is_open[chosen]]
            if len(chosen) > PRESELECT:
                pairs = Pairs(mentee, np.zeros(1, np.int64), self.mentors, chosen)
                cheap = (
                    self.weights["skills"] * total[chosen] / len(wanted)
                    + self.weights["seniority"] * seniority(pairs)
                    + self.weights["format"] * format_fit(pairs)
                )
                chosen = chosen[np.argpartition(-cheap, PRESELECT - 1)[:PRESELECT]]
        rng = np.random.default_rng(len(is_open))
        extra = rng.integers(0, len(is_open), 2 * RANDOM_EXTRA)
        extra = extra[is_open[extra]][:RANDOM_EXTRA]
        mark = np.zeros(len(is_open), bool)
        mark[chosen] = True
        mark[extra] = True
        return np.flatnonzero(mark)

    def _recommendation(self, mentee: MenteeTable, row: int, score: float) -> Recommendation:
        pairs = Pairs(mentee, np.zeros(1, np.int64), self.mentors, np.array([row]))
        values = factor_matrix(pairs)[:, 0]
        text = details(mentee, 0, self.mentors, row)
        reasons = [
            {
                "factor": name,
                "contribution": float(self.weights[name] * value),
                "detail": text[name][0],
                "detail_en": text[name][0],
                "detail_ru": text[name][1],
            }
            for name, value in zip(FACTORS, values.tolist(), strict=True)
        ]
        reasons.sort(key=lambda reason: -reason["contribution"])
        return Recommendation(mentor_id=self._ids[row], score=score, reasons=reasons)

    def memory_bytes(self) -> int:
        """Bytes held by the index's numpy arrays (profiles kept for reasons not counted)."""
        arrays = [*self.mentors.arrays.values(), self._live, self._capacity_left]
        arrays += [*self._offered.rows.values(), *self._related.rows.values()]
        return sum(array.nbytes for array in arrays)


def _check_id(profile: Mapping) -> None:
    mentor_id = profile.get("id") if isinstance(profile, Mapping) else None
    if not isinstance(mentor_id, str) or not mentor_id:
        raise ValueError(f"a mentor profile needs a non-empty string id, got {mentor_id!r}")


def _capacity_left(profile: Mapping) -> int:
    for key in ("capacity_left", "capacity"):
        value = profile.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return max(value, 0)
    return 1


def _bit_positions(words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    bits = np.unpackbits(words.view(np.uint8), axis=1, bitorder="little")
    return np.nonzero(bits)


def _bits(words: np.ndarray) -> list[int]:
    positions = []
    for n, word in enumerate(words.tolist()):
        while word:
            low = word & -word
            positions.append(n * 64 + low.bit_length() - 1)
            word ^= low
    return positions
