"""The optimal matching: most mentees matched, then the largest total score.

The problem is a min-cost flow: source -> mentee (capacity 1) -> mentor (capacity 1 per candidate
pair) -> sink (the mentor's capacity left after pins). OR-Tools' `solve_max_flow_with_min_cost`
finds the maximum flow (the cardinality) and, among maximum flows, the least cost, so no big
per-edge constant is needed. Costs are integers: each score is scaled so the largest |score|
becomes `resolution` (at most 10**9) and rounded, which makes the total exact to within
matched x max|score| / resolution (10**-9 relative per pair) while keeping OR-Tools far from
int64 overflow.
"""

from __future__ import annotations

import time

import numpy as np
from ortools.graph.python import min_cost_flow

from matchmaker.instance import Instance

CANDIDATES_PER_MENTEE = 30  # see docs/matching.md, "Modes: optimal", for what fewer would cost
_MAX_RESOLUTION = 10**9
_COST_BUDGET = 2**53  # resolution x (nodes + 1) stays below this, far under OR-Tools' limit


def max_score_matching(
    *,
    n_mentees: int,
    capacity: np.ndarray,
    mentee: np.ndarray,
    mentor: np.ndarray,
    score: np.ndarray,
) -> np.ndarray:
    """Which candidate pairs to use: a bool per pair.

    Maximises the number of matched mentees, then the total score, with each mentee matched at
    most once and each mentor j at most `capacity[j]` times. Pairs must be distinct.
    """
    chosen = np.zeros(len(mentee), dtype=bool)
    capacity = np.asarray(capacity, dtype=np.int64)
    usable = capacity[mentor] > 0
    if not usable.any():
        return chosen
    edges = np.flatnonzero(usable)
    n_mentors = len(capacity)
    source, sink = n_mentees + n_mentors, n_mentees + n_mentors + 1
    num_nodes = n_mentees + n_mentors + 2
    score = np.asarray(score, dtype=np.float64)[edges]
    largest = float(np.abs(score).max())
    resolution = max(1, min(_MAX_RESOLUTION, _COST_BUDGET // (num_nodes + 1)))
    # Divide first: resolution / largest overflows to inf for a subnormal largest score.
    relative = score / largest if largest > 0 else np.zeros_like(score)
    cost = -np.rint(relative * resolution).astype(np.int64)

    flow = min_cost_flow.SimpleMinCostFlow()
    mentees_used = np.unique(mentee[edges])
    mentors_used = np.unique(mentor[edges])
    tails = np.concatenate(
        [
            mentee[edges].astype(np.int32),
            np.full(len(mentees_used), source, dtype=np.int32),
            (n_mentees + mentors_used).astype(np.int32),
        ]
    )
    heads = np.concatenate(
        [
            (n_mentees + mentor[edges]).astype(np.int32),
            mentees_used.astype(np.int32),
            np.full(len(mentors_used), sink, dtype=np.int32),
        ]
    )
    capacities = np.concatenate(
        [
            np.ones(len(edges), dtype=np.int64),
            np.ones(len(mentees_used), dtype=np.int64),
            capacity[mentors_used],
        ]
    )
    costs = np.concatenate([cost, np.zeros(len(mentees_used) + len(mentors_used), dtype=np.int64)])
    flow.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
    most = int(min(len(mentees_used), capacity[mentors_used].sum()))
    flow.set_nodes_supplies(
        np.array([source, sink], dtype=np.int32), np.array([most, -most], dtype=np.int64)
    )
    status = flow.solve_max_flow_with_min_cost()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed with status {status}")
    flows = np.asarray(flow.flows(np.arange(len(edges), dtype=np.int32)))
    chosen[edges[flows > 0]] = True
    return chosen


def candidate_pairs(
    instance: Instance, *, per_mentee: int = CANDIDATES_PER_MENTEE
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidate graph (mentee, mentor, score) without pins and forbids.

    With `scores`, exactly the pairs it names; otherwise each mentee's `per_mentee` best pairs
    by the scoring model.
    """
    if instance.scores is not None:
        mentee, mentor, score = instance.scores
    else:
        mentee, mentor, score = instance.model().candidates(per_mentee=per_mentee)
    mentee = np.asarray(mentee, dtype=np.int64)
    mentor = np.asarray(mentor, dtype=np.int64)
    score = np.asarray(score, dtype=np.float64)
    pinned = np.zeros(len(instance.mentees), dtype=bool)
    pinned[instance.pin[0]] = True
    keep = ~pinned[mentee] & ~instance.forbidden(mentee, mentor)
    return mentee[keep], mentor[keep], score[keep]


def solve_optimal(
    instance: Instance,
    *,
    per_mentee: int = CANDIDATES_PER_MENTEE,
    timings: dict[str, float] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Matched (mentee, mentor, score) arrays, sorted by mentee: pins plus the optimum.

    `timings`, when given, receives the seconds spent on the candidates and on the flow.
    """
    started = time.perf_counter()
    instance.check_pins_allowed()
    mentee, mentor, score = candidate_pairs(instance, per_mentee=per_mentee)
    candidates_done = time.perf_counter()
    chosen = max_score_matching(
        n_mentees=len(instance.mentees),
        capacity=instance.capacity - instance.pinned_load(),
        mentee=mentee,
        mentor=mentor,
        score=score,
    )
    pin_mentee = instance.pin[0].astype(np.int64)
    pin_mentor = instance.pin[1].astype(np.int64)
    if instance.scores is not None:
        pin_score = instance.given_scores(pin_mentee, pin_mentor)
    else:
        model = instance.model()
        pin_score = np.array(
            [
                model.score(i, j)
                for i, j in zip(pin_mentee.tolist(), pin_mentor.tolist(), strict=True)
            ],
            dtype=np.float64,
        )
    if timings is not None:
        timings["candidates_seconds"] = candidates_done - started
        timings["flow_seconds"] = time.perf_counter() - candidates_done
        timings["candidate_pairs"] = len(mentee)
    all_mentee = np.concatenate([pin_mentee, mentee[chosen]])
    all_mentor = np.concatenate([pin_mentor, mentor[chosen]])
    all_score = np.concatenate([pin_score, score[chosen]])
    order = np.argsort(all_mentee, kind="stable")
    return all_mentee[order], all_mentor[order], all_score[order]
