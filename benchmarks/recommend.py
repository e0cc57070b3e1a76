"""Benchmark: top-10 recommendations out of a million mentors (issue 3, docs/benchmarks.md).

    python -m benchmarks.recommend [--mentors 1000000] [--queries 50] [--seed 1]
    python -m benchmarks.recommend --candidates-only

Builds a ``RecommendIndex`` from synthetic mentor profiles, then times ``recommend(top=10)`` for
random mentees (median and 90th percentile, after loading) and reports the index's numpy memory
and the process's resident memory. The baseline in the same run is the straightforward dense
scorer: a Python loop scoring every mentor one pair at a time with the same model, timed on a
sample of mentors and extrapolated linearly to all of them. It also measures what the index's
pre-selection costs: for some queries it scores every mentor exactly and compares the top 10.
``--candidates-only`` instead measures the pre-selection of ``ScoringModel.candidates()`` (used
by the optimal and stable modes) against scoring every pair, for a sample of mentees.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time

import numpy as np

from benchmarks.generate import generate_instance, iter_mentees, iter_mentors
from matchmaker.model import ScoringModel
from matchmaker.model.factors import FACTORS, Pairs, allowed, factor_matrix
from matchmaker.model.features import MenteeTable
from matchmaker.recommend import BLOCK, RecommendIndex


def rss_gib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20


def baseline_seconds(index: RecommendIndex, mentee: dict, sample: int) -> float:
    """Seconds for a Python loop scoring ``sample`` mentors one by one, extrapolated to all."""
    table = MenteeTable(index.vocabulary, index.monday)
    table.extend([mentee])
    weights = [index.weights[name] for name in FACTORS]
    one = np.zeros(1, np.int64)
    best: list[tuple[float, int]] = []
    start = time.perf_counter()
    for row in range(sample):
        pair = Pairs(table, one, index.mentors, np.array([row]))
        if not allowed(pair)[0]:
            continue
        values = factor_matrix(pair)[:, 0]
        best.append((sum(w * v for w, v in zip(weights, values.tolist(), strict=True)), row))
    best.sort(reverse=True)
    elapsed = time.perf_counter() - start
    return elapsed * len(index) / sample


def exact_top(index: RecommendIndex, mentee: dict, top: int) -> list[tuple[str, float]]:
    """The true top: every open mentor scored (what the pre-selection approximates)."""
    table = MenteeTable(index.vocabulary, index.monday)
    table.extend([mentee])
    size = len(index.mentors)
    rows = np.flatnonzero(
        index._live[:size]
        & (index._capacity_left[:size] > 0)
        & ((index.mentors.array("flags") & 1) == 1)
    )
    scores, ok = np.empty(len(rows)), np.empty(len(rows), bool)
    one = np.zeros(1, np.int64)
    for start in range(0, len(rows), BLOCK):
        pairs = Pairs(table, one, index.mentors, rows[start : start + BLOCK])
        scores[start : start + BLOCK] = index._w @ factor_matrix(pairs)
        ok[start : start + BLOCK] = allowed(pairs)
    rows, scores = rows[ok], scores[ok]
    order = np.lexsort((rows, -scores))[:top]
    return [(index._ids[int(rows[k])], float(scores[k])) for k in order]


def candidates_check(
    n_mentees: int, n_mentors: int, per_mentee: int, sample: int, seed: int
) -> None:
    """What ScoringModel.candidates() loses by pre-selecting pools instead of scoring every pair."""
    instance = generate_instance(n_mentors, n_mentees, seed)
    model = ScoringModel(instance["mentors"], instance["mentees"])
    mentors = model.open_mentors()
    started = time.perf_counter()
    pooled = model._pooled_candidates(mentors, per_mentee)
    pooled_seconds = time.perf_counter() - started
    rows = np.random.default_rng(seed).choice(n_mentees, min(sample, n_mentees), replace=False)
    started = time.perf_counter()
    exact = model._exact_candidates(np.sort(rows), mentors, per_mentee)
    exact_seconds = (time.perf_counter() - started) * n_mentees / len(rows)
    overlaps, losses, best_losses = [], [], []
    for row in rows.tolist():
        got = pooled[2][pooled[0] == row]
        want = exact[2][exact[0] == row]
        if not len(want):
            continue
        got_set = set(pooled[1][pooled[0] == row].tolist())
        overlaps.append(len(got_set & set(exact[1][exact[0] == row].tolist())) / len(want))
        losses.append(1 - got.sum() / want.sum())
        best_losses.append(want.max() - got.max())
    print(
        f"| {n_mentees:,} x {n_mentors:,}, K = {per_mentee} | {pooled_seconds:.1f} "
        f"| {exact_seconds:.0f} (extrapolated from {len(rows):,} mentees) "
        f"| {statistics.mean(overlaps):.1%} | {statistics.mean(losses):.2%} "
        f"| {statistics.mean(best_losses):.4f} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentors", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--exact-checks", type=int, default=10)
    parser.add_argument("--baseline-sample", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--candidates-only",
        action="store_true",
        help="only measure what candidates() pre-selection costs against scoring every pair",
    )
    args = parser.parse_args(argv)
    if args.candidates_only:
        print(
            "| mentees x mentors | pooled s | every pair s | top-K overlap | top-K score loss "
            "| best-score loss |"
        )
        print("|---|---:|---:|---:|---:|---:|")
        candidates_check(20_000, 4_000, 30, 1_000, args.seed)
        candidates_check(100_000, 20_000, 30, 300, args.seed)
        return 0

    rss_before = rss_gib()
    started = time.perf_counter()
    index = RecommendIndex(iter_mentors(args.mentors, args.seed))  # generated while loading
    built = time.perf_counter() - started
    rss_index = rss_gib()
    mentees = list(iter_mentees(args.queries, args.seed + 1))

    index.recommend(mentees[0], top=10)  # warm caches (stemmer, taxonomy)
    times, cpu_times = [], []
    for mentee in mentees:
        started, cpu_started = time.perf_counter(), time.process_time()
        index.recommend(mentee, top=10)
        times.append(time.perf_counter() - started)
        cpu_times.append(time.process_time() - cpu_started)
    cpu_ms = statistics.median(cpu_times) * 1000
    median_ms = statistics.median(times) * 1000
    p90_ms = sorted(times)[int(0.9 * (len(times) - 1))] * 1000

    baseline = statistics.median(
        baseline_seconds(index, mentee, min(args.baseline_sample, len(index)))
        for mentee in mentees[:3]
    )

    overlaps, losses = [], []
    for mentee in mentees[: args.exact_checks]:
        got = [(r.mentor_id, r.score) for r in index.recommend(mentee, top=10)]
        want = exact_top(index, mentee, 10)
        overlaps.append(len({g[0] for g in got} & {w[0] for w in want}) / max(len(want), 1))
        losses.append(1 - sum(g[1] for g in got) / max(sum(w[1] for w in want), 1e-12))

    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"mentors: {len(index):,}; generated and loaded in {built:.0f} s; load average {load}")
    print(
        f"index numpy arrays: {index.memory_bytes() / 2**30:.2f} GiB; process peak RSS "
        f"{rss_index:.2f} GiB after loading ({rss_before:.2f} GiB before)"
    )
    print()
    print("| method | median ms/query | p90 ms/query | median CPU ms/query |")
    print("|---|---:|---:|---:|")
    print(f"| RecommendIndex.recommend(top=10) | {median_ms:.1f} | {p90_ms:.1f} | {cpu_ms:.1f} |")
    print(
        f"| baseline: Python loop over every mentor (extrapolated from {args.baseline_sample:,}) "
        f"| {baseline * 1000:.0f} | | |"
    )
    print()
    print(f"speed-up: {baseline * 1000 / median_ms:.0f}x")
    print(
        f"pre-selection vs scoring every mentor ({len(overlaps)} queries): mean top-10 overlap "
        f"{statistics.mean(overlaps):.1%}, mean loss of top-10 total score "
        f"{statistics.mean(losses):.2%}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
