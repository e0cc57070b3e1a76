"""The factors of the scoring model, computed for many mentee-mentor pairs at once.

Each factor is a number in [0, 1]; a factor with nothing to compare (a field missing on either side)
is 0.5, so that missing information neither rewards nor punishes a pair. See docs/matching.md.
"""

from __future__ import annotations

import numpy as np

from matchmaker.model.features import MenteeTable, MentorTable, popcount_and

FACTORS = (
    "skills",
    "text",
    "role",
    "seniority",
    "availability",
    "format",
    "style",
    "preferences",
)
DEFAULT_WEIGHTS = {
    "skills": 0.30,
    "text": 0.15,
    "role": 0.12,
    "seniority": 0.08,
    "availability": 0.10,
    "format": 0.07,
    "style": 0.10,
    "preferences": 0.08,
}
UNKNOWN = 0.5
RELATED_CREDIT = 0.5
TEXT_SCALE = 2.0  # texts of two different people rarely share more than half of their stems
SENIORITY_GAP_YEARS = 5.0  # "clearly more experienced"
EXPERIENCE_FULL_YEARS = 10.0
ENOUGH_HOURS = 2.0  # shared hours a week that make regular meetings easy


class Pairs:
    """Rows of mentee and mentor features for a batch of pairs (index arrays, broadcastable)."""

    def __init__(
        self,
        mentees: MenteeTable,
        mentee_rows: np.ndarray,
        mentors: MentorTable,
        mentor_rows: np.ndarray | None,
    ) -> None:
        self.mentees, self.mentors = mentees, mentors
        self.ie, self.jm = mentee_rows, mentor_rows
        self._gathered: dict[tuple[str, str], np.ndarray] = {}  # each column gathered once

    def e(self, name: str) -> np.ndarray:
        key = ("e", name)
        if key not in self._gathered:
            self._gathered[key] = self.mentees.array(name)[self.ie]
        return self._gathered[key]

    def m(self, name: str) -> np.ndarray:
        key = ("m", name)
        if key not in self._gathered:
            array = self.mentors.array(name)
            self._gathered[key] = array if self.jm is None else array[self.jm]
        return self._gathered[key]

    def m_attribute(self, key: str) -> np.ndarray:
        array = self.mentors.attribute(key)
        return array if self.jm is None else array[self.jm]


def _ratio(numerator: np.ndarray, denominator: np.ndarray, empty: float) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        value = numerator / denominator
    return np.where(denominator > 0, value, empty)


def _overlap(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return popcount_and(a, b)


def _skill_overlap(p: Pairs, mentor_column: str) -> np.ndarray:
    # Only the words holding skills anyone named: the tables keep spare words for new names.
    used = max(1, (p.mentees.vocabulary.n_skills + 63) // 64)
    return popcount_and(p.e("skills")[..., :used], p.m(mentor_column)[..., :used])


def skills(p: Pairs) -> np.ndarray:
    shared = _skill_overlap(p, "skills")
    related = _skill_overlap(p, "related")
    wanted = p.e("n_skills").astype(np.float64)
    return _ratio(shared + RELATED_CREDIT * related, wanted, UNKNOWN)


def _ochiai(p: Pairs, column: str) -> np.ndarray:
    sizes = p.e(f"n_{column}").astype(np.float64) * p.m(f"n_{column}")
    return _ratio(_overlap(p.e(column), p.m(column)).astype(np.float64), np.sqrt(sizes), 0.0)


def text(p: Pairs) -> np.ndarray:
    return np.minimum(1.0, TEXT_SCALE * _ochiai(p, "text"))


def role(p: Pairs) -> np.ndarray:
    has_role = (p.e("n_role") > 0) & (p.m("n_role") > 0)
    role_fit = np.minimum(1.0, TEXT_SCALE * _ochiai(p, "role"))
    industries = p.e("industries")
    industry = p.m_attribute("industry")
    has_industry = (industries != 0) & (industry >= 0)
    in_list = (industries >> np.maximum(industry, 0).astype(np.uint64)) & np.uint64(1)
    years = p.m("years").astype(np.float64)
    has_years = ~np.isnan(years)
    experience = np.clip(np.nan_to_num(years) / EXPERIENCE_FULL_YEARS, 0.0, 1.0)
    total = has_role * role_fit + has_industry * in_list + has_years * experience
    count = has_role.astype(np.float64) + has_industry + has_years
    return _ratio(total, count, UNKNOWN)


def seniority(p: Pairs) -> np.ndarray:
    gap = p.m("years").astype(np.float64) - p.e("years")
    gap = np.where(p.e("flags") & 1, -gap, gap)  # reverse mentoring: the mentee knows more
    return np.where(np.isnan(gap), UNKNOWN, np.clip(gap / SENIORITY_GAP_YEARS, 0.0, 1.0))


def shared_hours(p: Pairs) -> np.ndarray:
    return _overlap(p.e("slots"), p.m("slots")) / 2.0


def availability(p: Pairs) -> np.ndarray:
    known = (p.e("n_slots") > 0) & (p.m("n_slots") > 0)
    return np.where(known, np.minimum(shared_hours(p), ENOUGH_HOURS) / ENOUGH_HOURS, UNKNOWN)


def format_fit(p: Pairs) -> np.ndarray:
    total = np.zeros(np.broadcast_shapes(p.e("formats").shape, p.m("formats").shape))
    count = np.zeros_like(total)
    for name in ("formats", "durations"):
        a, b = p.e(name), p.m(name)
        known = (a != 0) & (b != 0)
        total += known & ((a & b) != 0)
        count += known
    return _ratio(total, count, UNKNOWN)


def style(p: Pairs) -> np.ndarray:
    both = p.e("style_mask") & p.m("style_mask")
    distance = np.bitwise_count((p.e("style_code") ^ p.m("style_code")) & both)
    answered = np.bitwise_count(both).astype(np.float64)  # 4 per question both answered
    return _ratio(answered - distance, answered, UNKNOWN)


def wish_matches(p: Pairs, kind: str) -> tuple[np.ndarray, np.ndarray]:
    """How many wishes of ``kind`` ("pref" or "req") each pair has, and how many the mentor meets."""
    shape = np.broadcast_shapes(p.e("flags").shape, p.m("flags").shape)
    wished, met = np.zeros(shape, np.int32), np.zeros(shape, np.int32)
    for key in p.mentees.wishes(kind):
        wanted = p.mentees.mask_column(f"{kind}:{key}")[p.ie]
        if key in ("languages", "formats", "durations"):
            meets = (wanted & p.m(key).astype(np.uint64)) != 0
        else:
            ids = p.m_attribute(key)
            # Masks hold 63 values per field (bit 63 marks a wish nobody can meet): a mentor value
            # past them never meets a wish, rather than colliding with another value's bit.
            representable = (ids >= 0) & (ids < 63)
            bit = (wanted >> np.where(representable, ids, 0).astype(np.uint64)) & np.uint64(1)
            meets = representable & (bit != 0)
        active = wanted != 0
        wished += active
        met += active & meets
    return wished, met


def preferences(p: Pairs) -> np.ndarray:
    wished, met = wish_matches(p, "pref")
    return _ratio(met.astype(np.float64), wished.astype(np.float64), UNKNOWN)


def allowed(p: Pairs) -> np.ndarray:
    """Hard filters: a shared language (when both state any) and every explicit requirement."""
    a, b = p.e("languages"), p.m("languages")
    language_ok = (a == 0) | (b == 0) | ((a & b) != 0)
    wished, met = wish_matches(p, "req")
    minimum = p.e("min_years")
    years_ok = np.isnan(minimum) | (p.m("years") >= minimum)
    return language_ok & (wished == met) & years_ok


FUNCTIONS = {
    "skills": skills,
    "text": text,
    "role": role,
    "seniority": seniority,
    "availability": availability,
    "format": format_fit,
    "style": style,
    "preferences": preferences,
}


def factor_matrix(p: Pairs) -> np.ndarray:
    """(len(FACTORS), n_pairs) float64 factor values in [0, 1]."""
    values = [np.asarray(FUNCTIONS[name](p), dtype=np.float64) for name in FACTORS]
    shape = np.broadcast_shapes(*(value.shape for value in values))
    return np.stack([np.broadcast_to(value, shape) for value in values])


def weighted_sum(p: Pairs, weights: np.ndarray) -> np.ndarray:
    """The score of every pair: sum of weight x factor, without stacking the factors."""
    total = None
    for weight, name in zip(weights.tolist(), FACTORS, strict=True):
        if weight == 0:
            continue
        term = weight * np.asarray(FUNCTIONS[name](p), dtype=np.float64)
        total = term if total is None else total + term
    return total if total is not None else np.zeros(1)
