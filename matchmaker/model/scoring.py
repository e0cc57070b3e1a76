"""The scoring model: a weighted sum of factors for every allowed mentee-mentor pair."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date

import numpy as np

from matchmaker.model.explain import details
from matchmaker.model.factors import FACTORS, Pairs, allowed, factor_matrix, weighted_sum
from matchmaker.model.features import MenteeTable, MentorTable, Vocabulary, reference_monday
from matchmaker.model.weights import normalise_weights

EXACT_PAIRS = 20_000_000  # up to this many pairs, candidates() scores every pair
BLOCK_PAIRS = 65_536  # pairs scored per numpy batch: small enough to stay in the CPU cache
POOL_FACTOR = 4  # pre-selected mentors per mentee, as a multiple of the candidates wanted
OFFERED_SHARE, RELATED_SHARE = (
    8,
    0,
)  # eighths of the pool from mentors offering a wanted skill, a related one (measured best: all offering)


class ScoringModel:
    """Scores mentee-mentor pairs of one instance (FORMAT.md profiles) and explains the scores.

    Indices are positions in the given lists. ``weights`` override the defaults per factor and are
    normalised to sum to 1 (ValueError names a bad weight). ``monday`` fixes the reference week
    for availability across time zones (the current week by default).
    """

    def __init__(
        self,
        mentors: Sequence[Mapping],
        mentees: Sequence[Mapping],
        weights: Mapping[str, float] | None = None,
        *,
        monday: date | None = None,
    ) -> None:
        self.weights = normalise_weights(weights)
        self._w = np.array([self.weights[name] for name in FACTORS])
        self.vocabulary = Vocabulary()
        monday = reference_monday(monday)
        self.mentors = MentorTable(self.vocabulary, monday)
        self.mentors.extend(mentors)
        self.mentees = MenteeTable(self.vocabulary, monday)
        self.mentees.extend(mentees)
        self.n_mentors, self.n_mentees = len(mentors), len(mentees)

    # -- one pair -----------------------------------------------------------------------------

    def _pairs(self, mentee_rows: np.ndarray, mentor_rows: np.ndarray | None) -> Pairs:
        return Pairs(self.mentees, mentee_rows, self.mentors, mentor_rows)

    def allowed(self, mentee: int, mentor: int) -> bool:
        """Whether the pair passes the hard filters (languages, requirements; not capacity)."""
        return bool(allowed(self._pairs(np.array([mentee]), np.array([mentor])))[0])

    def factors(self, mentee: int, mentor: int) -> dict[str, float]:
        """Every factor's value in [0, 1] for one pair."""
        values = factor_matrix(self._pairs(np.array([mentee]), np.array([mentor])))[:, 0]
        return dict(zip(FACTORS, values.tolist(), strict=True))

    def score(self, mentee: int, mentor: int) -> float:
        """The pair's score in [0, 1]: the weighted sum of its factors."""
        return float(
            sum(self.weights[name] * value for name, value in self.factors(mentee, mentor).items())
        )

    def explain(self, mentee: int, mentor: int) -> list[dict]:
        """The factors behind the score, largest contribution first; contributions sum to it."""
        text = details(self.mentees, mentee, self.mentors, mentor)
        reasons = []
        for name, value in self.factors(mentee, mentor).items():
            detail_en, detail_ru = text[name]
            reasons.append(
                {
                    "factor": name,
                    "contribution": self.weights[name] * value,
                    "detail": detail_en,
                    "detail_en": detail_en,
                    "detail_ru": detail_ru,
                }
            )
        reasons.sort(key=lambda reason: -reason["contribution"])
        return reasons

    # -- many pairs ---------------------------------------------------------------------------

    def pair_scores(
        self, mentee_rows: np.ndarray, mentor_rows: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Scores (float64) and hard-filter results (bool) for pairs given as two index arrays."""
        scores = np.empty(len(mentee_rows))
        ok = np.empty(len(mentee_rows), dtype=bool)
        for start in range(0, len(mentee_rows), BLOCK_PAIRS):
            stop = start + BLOCK_PAIRS
            pairs = self._pairs(mentee_rows[start:stop], mentor_rows[start:stop])
            scores[start:stop] = weighted_sum(pairs, self._w)
            ok[start:stop] = allowed(pairs)
        return scores, ok

    def grid_scores(
        self, mentee_rows: np.ndarray, mentor_grid: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Scores and hard-filter results of mentee ``mentee_rows[b]`` with every mentor of
        ``mentor_grid[b]`` (shape (B, W), or (1, W): the same mentors for all); -1 = no mentor.

        Each mentee's features are gathered once and broadcast over its row of the grid.
        """
        ie = mentee_rows[:, None]
        jm = np.maximum(mentor_grid, 0)
        pairs = self._pairs(ie, jm)
        scores = weighted_sum(pairs, self._w)
        ok = allowed(pairs) & (mentor_grid >= 0)
        return np.broadcast_to(scores, ok.shape), ok

    def open_mentors(self) -> np.ndarray:
        """Mentors that can take a mentee: capacity > 0 and accepting."""
        return np.flatnonzero(
            (self.mentors.array("capacity") > 0) & (self.mentors.array("flags") & 1 == 1)
        )

    def recommend(
        self, mentee: int, top: int, exclude: Collection[int] = ()
    ) -> list[tuple[int, float]]:
        """The ``top`` best allowed open mentors for a mentee, best first (exact, every mentor)."""
        mentors = self.open_mentors()
        if len(exclude):
            mentors = mentors[~np.isin(mentors, np.fromiter(exclude, dtype=np.int64))]
        if top <= 0 or len(mentors) == 0:
            return []
        scores, ok = self.pair_scores(np.full(len(mentors), mentee), mentors)
        mentors, scores = mentors[ok], scores[ok]
        order = np.lexsort((mentors, -scores))[:top]
        return [(int(mentors[k]), float(scores[k])) for k in order]

    def candidates(self, per_mentee: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For every mentee its best ``per_mentee`` allowed open mentors by exact model score.

        Returns (mentee int32, mentor int32, score float64). Every pair is scored when there are
        at most EXACT_PAIRS; larger instances pre-select a pool per mentee (see pool()).
        """
        mentors = self.open_mentors()
        empty = (np.empty(0, np.int32), np.empty(0, np.int32), np.empty(0, np.float64))
        if per_mentee <= 0 or len(mentors) == 0 or self.n_mentees == 0:
            return empty
        if self.n_mentees * len(mentors) <= EXACT_PAIRS:
            return self._exact_candidates(np.arange(self.n_mentees), mentors, per_mentee)
        return self._pooled_candidates(mentors, per_mentee)

    def _exact_candidates(
        self, mentees: np.ndarray, mentors: np.ndarray, per_mentee: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        block = max(1, BLOCK_PAIRS // len(mentors))
        keep = min(per_mentee, len(mentors))
        parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        for start in range(0, len(mentees), block):
            rows = mentees[start : start + block]
            scores, ok = self.grid_scores(rows, mentors[None, :])
            scores = np.where(ok, scores, -np.inf)
            best = (
                np.argpartition(-scores, keep - 1, axis=1)[:, :keep]
                if keep < len(mentors)
                else np.tile(np.arange(len(mentors)), (len(rows), 1))
            )
            chosen = np.take_along_axis(scores, best, axis=1)
            mask = np.isfinite(chosen)
            parts.append(
                (
                    np.repeat(rows, keep).reshape(len(rows), keep)[mask],
                    mentors[best][mask],
                    chosen[mask],
                )
            )
        return _concatenate(parts)

    def pool(self, mentors: np.ndarray, width: int, seed: int = 0) -> np.ndarray:
        """Pre-selected open mentors per mentee: a (n_mentees, width) int64 array, -1 = empty.

        Up to half of the columns hold mentors offering two or more of the mentee's wanted
        skills (``_put_multi_skill_mentors``). The others go round the mentee's wanted skills; each takes the next mentor offering that
        skill from a random starting point in the skill's list of open mentors (so distinct
        mentors until the list runs out; a mentor offering several wanted skills can come up
        for each). Columns left over (``OFFERED_SHARE``/``RELATED_SHARE``, no wanted skills, a
        skill nobody offers) are random open mentors. Duplicates become -1.
        """
        rng = np.random.default_rng(seed)
        open_mask = np.zeros(self.n_mentors, dtype=bool)
        open_mask[mentors] = True
        want_rows, want_skills = _bit_positions(self.mentees.array("skills"))
        wanted = np.bincount(want_rows, minlength=self.n_mentees)
        first = np.concatenate(([0], np.cumsum(wanted)[:-1]))
        pool = mentors[rng.integers(0, len(mentors), (self.n_mentees, width))]
        offered_columns, related_columns = OFFERED_SHARE * width // 8, RELATED_SHARE * width // 8
        for name, columns, start in (
            ("skills", offered_columns, 0),
            ("related", related_columns, offered_columns),
        ):
            rows, skills = _bit_positions(self.mentors.array(name))
            keep = open_mask[rows]
            rows, skills = rows[keep], skills[keep]
            order = np.argsort(skills, kind="stable")
            rows, skills = rows[order], skills[order]
            size = max(int(skills.max(initial=-1)), int(want_skills.max(initial=-1))) + 1
            counts = np.bincount(skills, minlength=size)
            offsets = np.concatenate(([0], np.cumsum(counts)[:-1]))
            column = np.arange(columns)
            has = wanted > 0
            # Column c of a mentee takes its (c mod n_wanted)-th wanted skill.
            pick = first[has, None] + column[None, :] % wanted[has, None]
            skill = want_skills[pick]
            n = counts[skill]
            # Consecutive entries from a random start: distinct mentors until a list runs out.
            start_at = (rng.random(skill.shape[0])[:, None] * n).astype(np.int64)
            step = column[None, :] // wanted[has, None]
            draw = offsets[skill] + (start_at + step) % np.maximum(n, 1)
            chosen = np.where(n > 0, rows[np.minimum(draw, len(rows) - 1)] if len(rows) else -1, -1)
            block = pool[has, start : start + columns]
            pool[has, start : start + columns] = np.where(chosen >= 0, chosen, block)
        self._put_multi_skill_mentors(pool, open_mask, want_rows, want_skills)
        pool.sort(axis=1)
        duplicate = np.zeros_like(pool, dtype=bool)
        duplicate[:, 1:] = pool[:, 1:] == pool[:, :-1]
        pool[duplicate] = -1
        return pool

    def _put_multi_skill_mentors(
        self,
        pool: np.ndarray,
        open_mask: np.ndarray,
        want_rows: np.ndarray,
        want_skills: np.ndarray,
    ) -> None:
        """Put mentors offering two or more of a mentee's wanted skills (the best skills matches,
        rare and easily missed by sampling) into the last half of the mentee's pool."""
        rows, skills = _bit_positions(self.mentors.array("skills"))
        keep = open_mask[rows]
        mentor_keys, mentor_rows = _skill_pairs(rows[keep], skills[keep])
        mentee_keys, mentee_rows = _skill_pairs(want_rows, want_skills)
        if not len(mentor_keys) or not len(mentee_keys):
            return
        order = np.argsort(mentor_keys, kind="stable")
        mentor_keys, mentor_rows = mentor_keys[order], mentor_rows[order]
        low = np.searchsorted(mentor_keys, mentee_keys, "left")
        count = np.searchsorted(mentor_keys, mentee_keys, "right") - low
        room = pool.shape[1] // 2
        count = np.minimum(count, room)
        total = int(count.sum())
        if total == 0:
            return
        starts = np.repeat(low - np.cumsum(count) + count, count)
        found = mentor_rows[starts + np.arange(total)]
        owner = np.repeat(mentee_rows, count)
        order = np.argsort(owner, kind="stable")
        owner, found = owner[order], found[order]
        rank = np.arange(total) - np.searchsorted(owner, owner, "left")
        fits = rank < room
        pool[owner[fits], pool.shape[1] - 1 - rank[fits]] = found[fits]

    def _pooled_candidates(
        self, mentors: np.ndarray, per_mentee: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        width = POOL_FACTOR * per_mentee
        pool = self.pool(mentors, width)
        scores = np.empty(pool.shape)
        block = max(1, BLOCK_PAIRS // width)
        for start in range(0, self.n_mentees, block):
            rows = np.arange(start, min(start + block, self.n_mentees))
            computed, ok = self.grid_scores(rows, pool[rows])
            scores[rows] = np.where(ok, computed, -np.inf)
        keep = min(per_mentee, width)
        best = np.argpartition(-scores, keep - 1, axis=1)[:, :keep]
        chosen = np.take_along_axis(scores, best, axis=1)
        found = np.isfinite(chosen)
        rows = np.repeat(np.arange(self.n_mentees), keep).reshape(-1, keep)
        short = np.flatnonzero(found.sum(axis=1) < min(per_mentee, len(mentors)))
        found[short] = False
        parts = [(rows[found], np.take_along_axis(pool, best, axis=1)[found], chosen[found])]
        if len(short):
            # Mentees whose pool ran short (rare languages, strict requirements): score them fully.
            parts.append(self._exact_candidates(short, mentors, per_mentee))
        return _concatenate(parts)


def _skill_pairs(rows: np.ndarray, skills: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of skills of the same row, as (s1 * 2**20 + s2, row); input sorted by row."""
    keys, owners = [], []
    for shift in range(1, 16):
        if shift >= len(rows):
            break
        same = rows[shift:] == rows[:-shift]
        if not same.any():
            break
        keys.append(skills[:-shift][same].astype(np.int64) * 2**20 + skills[shift:][same])
        owners.append(rows[:-shift][same])
    if not keys:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    return np.concatenate(keys), np.concatenate(owners)


def _bit_positions(words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(row, bit) of every set bit of a (rows, n_words) uint64 array."""
    bits = np.unpackbits(words.view(np.uint8), axis=1, bitorder="little")
    rows, positions = np.nonzero(bits)
    return rows, positions


def _concatenate(
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if not parts:
        return np.empty(0, np.int32), np.empty(0, np.int32), np.empty(0, np.float64)
    mentees = np.concatenate([part[0] for part in parts]).astype(np.int32)
    mentors = np.concatenate([part[1] for part in parts]).astype(np.int32)
    scores = np.concatenate([part[2] for part in parts]).astype(np.float64)
    order = np.lexsort((-scores, mentees))
    return mentees[order], mentors[order], scores[order]
