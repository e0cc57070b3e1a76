"""The mentee-optimal stable matching (hospitals/residents with mentees proposing).

Deferred acceptance gives the same matching whatever order the proposals come in, so the engine
lets every free mentee propose at once, round after round, with numpy doing each round over arrays;
when few mentees are left free the rounds would cost more than they do, and the rest of the
proposals are made one at a time in plain Python on the same state.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np

from matchmaker.instance import Instance

_NO_RANK = np.iinfo(np.int32).max  # "not full": every acceptable rank is below it
VECTOR_THRESHOLD = 256  # free mentees below which proposing one at a time is cheaper
DERIVED_PER_MENTEE = 50  # ranking length derived from the scoring model when a mentee has none


@dataclass(frozen=True)
class Rankings:
    """Both sides' acceptable partners, most preferred first, as CSR rows."""

    mentee_indptr: np.ndarray
    mentee_indices: np.ndarray
    mentor_indptr: np.ndarray
    mentor_indices: np.ndarray


def stable_matching(
    *, rankings: Rankings, capacity: np.ndarray, vector_threshold: int = VECTOR_THRESHOLD
) -> np.ndarray:
    """The mentee-optimal stable matching: the mentor index of each mentee, -1 if unmatched.

    A pair is acceptable only if each side ranks the other; a mentor holds at most
    `capacity[j]` mentees.
    """
    n_mentees = len(rankings.mentee_indptr) - 1
    n_mentors = len(capacity)
    start, end, proposed_to, mentor_rank = _acceptable_lists(rankings, n_mentees, n_mentors)
    capacity = np.asarray(capacity, dtype=np.int64)
    match = np.full(n_mentees, -1, dtype=np.int64)
    held_rank = np.zeros(n_mentees, dtype=np.int64)
    threshold = np.where(capacity > 0, _NO_RANK, -1).astype(np.int64)
    pointer = start.copy()
    free = np.flatnonzero(end > start)
    while len(free) >= max(vector_threshold, 1):
        free = _propose_round(
            free, pointer, end, proposed_to, mentor_rank, match, held_rank, threshold, capacity
        )
    if len(free):
        _propose_one_by_one(
            free, pointer, end, proposed_to, mentor_rank, match, held_rank, threshold, capacity
        )
    return match


def _acceptable_lists(
    rankings: Rankings, n_mentees: int, n_mentors: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each mentee's list cut to mutually acceptable mentors, with the mentor's rank of them."""
    span = max(n_mentees, 1)
    mentor_lengths = np.diff(rankings.mentor_indptr)
    mentor_rows = np.repeat(np.arange(n_mentors, dtype=np.int64), mentor_lengths)
    mentor_positions = np.arange(len(rankings.mentor_indices), dtype=np.int64) - np.repeat(
        rankings.mentor_indptr[:-1], mentor_lengths
    )
    mentor_keys, mentor_positions = _sort_with(
        mentor_rows * span + rankings.mentor_indices, mentor_positions
    )
    mentee_rows = np.repeat(np.arange(n_mentees, dtype=np.int64), np.diff(rankings.mentee_indptr))
    wanted = rankings.mentee_indices.astype(np.int64) * span + mentee_rows
    if len(mentor_keys):
        # Sorted queries keep searchsorted in cache: 10x faster than random ones on 5M keys.
        sorted_wanted, query_order = _sort_with(wanted, np.arange(len(wanted), dtype=np.int64))
        at = np.empty(len(wanted), dtype=np.int64)
        at[query_order] = np.searchsorted(mentor_keys, sorted_wanted)
        np.minimum(at, len(mentor_keys) - 1, out=at)
        acceptable = mentor_keys[at] == wanted
    else:
        at = np.zeros(len(wanted), dtype=np.int64)
        acceptable = np.zeros(len(wanted), dtype=bool)
    proposed_to = rankings.mentee_indices[acceptable].astype(np.int64)
    mentor_rank = mentor_positions[at[acceptable]] if len(mentor_keys) else proposed_to
    lengths = np.bincount(mentee_rows[acceptable], minlength=n_mentees)
    end = np.cumsum(lengths)
    return end - lengths, end, proposed_to, mentor_rank


def _sort_with(keys: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`keys` sorted, and `values` (non-negative) in the same order.

    When both fit in one int64 they are packed and sorted together, which numpy's vectorised
    sort does several times faster than an argsort followed by two gathers.
    """
    if len(keys) == 0:
        return keys, values
    value_bits = max(int(values.max()), 1).bit_length()
    if (int(keys.max()) >> (62 - value_bits)) == 0 and int(keys.min()) >= 0:
        packed = np.sort((keys << value_bits) | values)
        return packed >> value_bits, packed & ((1 << value_bits) - 1)
    order = np.argsort(keys, kind="stable")
    return keys[order], values[order]


def _propose_round(
    free: np.ndarray,
    pointer: np.ndarray,
    end: np.ndarray,
    proposed_to: np.ndarray,
    mentor_rank: np.ndarray,
    match: np.ndarray,
    held_rank: np.ndarray,
    threshold: np.ndarray,
    capacity: np.ndarray,
) -> np.ndarray:
    """Every free mentee proposes to their next mentor; returns who is free afterwards."""
    at = pointer[free]
    mentors = proposed_to[at]
    ranks = mentor_rank[at]
    pointer[free] += 1
    better = ranks < threshold[mentors]
    rejected = free[~better]
    proposers, mentors, ranks = free[better], mentors[better], ranks[better]
    if len(proposers):
        touched = np.zeros(len(capacity), dtype=bool)
        touched[mentors] = True
        held = np.flatnonzero(match >= 0)
        held = held[touched[match[held]]]
        everyone = np.concatenate([held, proposers])
        their_mentor = np.concatenate([match[held], mentors])
        their_rank = np.concatenate([held_rank[held], ranks])
        order = np.argsort(their_mentor * (_NO_RANK + 1) + their_rank)
        everyone, their_mentor, their_rank = everyone[order], their_mentor[order], their_rank[order]
        first = np.flatnonzero(np.r_[True, their_mentor[1:] != their_mentor[:-1]])
        place = np.arange(len(everyone)) - np.repeat(first, np.diff(np.r_[first, len(everyone)]))
        keep = place < capacity[their_mentor]
        match[everyone[keep]] = their_mentor[keep]
        held_rank[everyone[keep]] = their_rank[keep]
        dropped = everyone[~keep]
        match[dropped] = -1
        last = keep & (place == capacity[their_mentor] - 1)
        threshold[their_mentor[last]] = their_rank[last]
        rejected = np.concatenate([rejected, dropped])
    return rejected[pointer[rejected] < end[rejected]]


def _propose_one_by_one(
    free: np.ndarray,
    pointer: np.ndarray,
    end: np.ndarray,
    proposed_to: np.ndarray,
    mentor_rank: np.ndarray,
    match: np.ndarray,
    held_rank: np.ndarray,
    threshold: np.ndarray,
    capacity: np.ndarray,
) -> None:
    """Deferred acceptance one proposal at a time, continuing from the rounds' state."""
    # Each mentor's held mentees as a max-heap on the mentor's rank (stored negated).
    heaps: dict[int, list[tuple[int, int]]] = {}
    held = np.flatnonzero(match >= 0)
    for mentee, mentor, rank in zip(
        held.tolist(), match[held].tolist(), held_rank[held].tolist(), strict=True
    ):
        heaps.setdefault(mentor, []).append((-rank, mentee))
    for heap in heaps.values():
        heapq.heapify(heap)
    limit = threshold.tolist()
    seats = capacity.tolist()
    stack = free.tolist()
    next_at = {}
    while stack:
        mentee = stack.pop()
        at = next_at.get(mentee)
        if at is None:
            at = int(pointer[mentee])
        stop = int(end[mentee])
        while at < stop:
            mentor = int(proposed_to[at])
            rank = int(mentor_rank[at])
            at += 1
            if rank >= limit[mentor]:
                continue
            heap = heaps.setdefault(mentor, [])
            if len(heap) < seats[mentor]:
                heapq.heappush(heap, (-rank, mentee))
            else:
                _, displaced = heapq.heapreplace(heap, (-rank, mentee))
                match[displaced] = -1
                stack.append(displaced)
            match[mentee] = mentor
            held_rank[mentee] = rank
            if len(heap) == seats[mentor]:
                limit[mentor] = -heap[0][0]
            break
        next_at[mentee] = at
    for mentee, at in next_at.items():
        pointer[mentee] = at
    threshold[:] = limit


def instance_rankings(instance: Instance) -> Rankings:
    """The rankings of an instance, deriving the missing ones from scores or the model.

    A person without a `ranking` ranks every partner `scores` names for them (or, without
    `scores`, the model's best candidates) by score, best first, ties in input order.
    Forbidden pairs (and, with `scores`, pairs it does not name) are never acceptable, and
    pinned mentees do not take part.
    """
    n_mentees = len(instance.mentees)
    if instance.mentees.has_ranking.all() and instance.mentors.has_ranking.all():
        derived = None
    elif instance.scores is not None:
        derived = instance.scores
    else:
        derived = instance.model().candidates(per_mentee=DERIVED_PER_MENTEE)
    mentee_indptr, mentee_indices = _rows_with_fallback(
        instance.mentees.has_ranking,
        instance.mentees.ranking_indptr,
        instance.mentees.ranking_indices,
        None if derived is None else (derived[0], derived[1], derived[2]),
    )
    mentor_indptr, mentor_indices = _rows_with_fallback(
        instance.mentors.has_ranking,
        instance.mentors.ranking_indptr,
        instance.mentors.ranking_indices,
        None if derived is None else (derived[1], derived[0], derived[2]),
    )
    # Forbidden pairs and pinned mentees leave the mentees' lists (both sides must rank a pair).
    rows = np.repeat(np.arange(n_mentees, dtype=np.int64), np.diff(mentee_indptr))
    pinned = np.zeros(n_mentees, dtype=bool)
    pinned[instance.pin[0]] = True
    keep = ~instance.forbidden(rows, mentee_indices) & ~pinned[rows]
    if instance.scores is not None:  # a pair that scores does not name is not allowed
        keep &= ~np.isnan(instance.given_scores(rows, mentee_indices))
    lengths = np.bincount(rows[keep], minlength=n_mentees)
    mentee_indptr = np.r_[0, np.cumsum(lengths)].astype(np.int64)
    mentee_indices = mentee_indices[keep]
    return Rankings(mentee_indptr, mentee_indices, mentor_indptr, mentor_indices)


def _rows_with_fallback(
    has_ranking: np.ndarray,
    indptr: np.ndarray,
    indices: np.ndarray,
    derived: tuple[np.ndarray, np.ndarray, np.ndarray] | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Given rows where a person has a ranking, rows derived from scored pairs elsewhere."""
    n = len(has_ranking)
    if derived is None or has_ranking.all():
        return indptr, indices
    owner, partner, score = (np.asarray(a) for a in derived)
    # Best score first, ties by the partner's input position.
    order = np.lexsort((partner, -np.asarray(score, dtype=np.float64), owner))
    owner, partner = owner[order].astype(np.int64), partner[order]
    given_rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(indptr))
    use_given = has_ranking[given_rows]
    use_derived = ~has_ranking[owner]
    rows = np.concatenate([given_rows[use_given], owner[use_derived]])
    partners = np.concatenate([indices[use_given], partner[use_derived]]).astype(np.int32)
    order = np.argsort(rows, kind="stable")
    lengths = np.bincount(rows, minlength=n)
    return np.r_[0, np.cumsum(lengths)].astype(np.int64), partners[order]


def solve_stable(instance: Instance) -> tuple[np.ndarray, np.ndarray]:
    """Matched (mentee, mentor) index pairs: pins plus the stable matching of the rest.

    Pins come first and use up their mentors' capacity; the stable matching is then the
    mentee-optimal one among the other mentees for the capacity left.
    """
    instance.check_pins_allowed()
    rankings = instance_rankings(instance)
    left = instance.capacity - instance.pinned_load()
    match = stable_matching(rankings=rankings, capacity=left)
    matched = np.flatnonzero(match >= 0)
    mentees = np.concatenate([instance.pin[0].astype(np.int64), matched])
    mentors = np.concatenate([instance.pin[1].astype(np.int64), match[matched]])
    order = np.argsort(mentees, kind="stable")
    return mentees[order], mentors[order]


__all__ = ["Rankings", "instance_rankings", "solve_stable", "stable_matching"]
