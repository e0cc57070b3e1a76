"""Benchmark of `optimal`: the full command on 100,000 x 20,000 profiles, a baseline, pruning.

    python -m benchmarks.optimal [--mentees 100000] [--mentors 20000]

1. End to end: `nastavnik-match optimal` on a synthetic profile instance
   (`benchmarks.generate.generate_instance`, capacities 1-5), reading the file, scoring,
   solving and writing the result, with its peak memory.
2. Baseline: the engine's solver against networkx's `max_flow_min_cost` on the same candidate
   graph and the same integer costs, on a size networkx can do.
3. Pruning: the total score with K candidates per mentee against the exact optimum over every
   allowed pair, on instances small enough to solve exactly.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import networkx as nx
import numpy as np
import orjson

from benchmarks.generate import generate_instance
from benchmarks.measure import CONSOLE_SCRIPT, gib, load_average, print_table, run_measured
from matchmaker.instance import Instance, parse_instance
from matchmaker.optimal import CANDIDATES_PER_MENTEE, candidate_pairs, max_score_matching

TARGET_SECONDS = 30.0
TARGET_BYTES = 8 * 2**30
TARGET_GAP = 0.01


def end_to_end(*, mentees: int, mentors: int, seed: int) -> list[object]:
    started = time.perf_counter()
    data = generate_instance(mentors, mentees, seed)
    generated = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="bench-optimal-") as directory:
        source = Path(directory) / "instance.json"
        target = Path(directory) / "result.json"
        source.write_bytes(orjson.dumps(data))
        del data
        size = source.stat().st_size
        measured = run_measured(
            [CONSOLE_SCRIPT, "optimal", "--input", str(source), "--output", str(target)]
        )
        result = orjson.loads(target.read_bytes())
    return [
        f"{mentees:,} x {mentors:,}",
        f"{size / 2**20:.0f} MiB",
        generated,
        measured["seconds"],
        measured["cpu_seconds"],
        result["stats"]["seconds"],
        gib(measured["peak_bytes"]),
        len(result["assignments"]),
        result["objective"],
    ]


def _networkx_seconds(
    instance: Instance, mentee: np.ndarray, mentor: np.ndarray, score: np.ndarray
) -> tuple[float, int, float]:
    """networkx min-cost max-flow on the candidate graph; (seconds, matched, total)."""
    started = time.perf_counter()
    graph = nx.DiGraph()
    scale = 10**6 / max(float(np.abs(score).max()), 1e-300)
    for i in np.unique(mentee).tolist():
        graph.add_edge("source", ("e", i), capacity=1, weight=0)
    for j in np.unique(mentor).tolist():
        graph.add_edge(("m", j), "sink", capacity=int(instance.capacity[j]), weight=0)
    for i, j, s in zip(mentee.tolist(), mentor.tolist(), score.tolist(), strict=True):
        graph.add_edge(("e", i), ("m", j), capacity=1, weight=-round(s * scale))
    flow = nx.max_flow_min_cost(graph, "source", "sink")
    seconds = time.perf_counter() - started
    total, matched = 0.0, 0
    lookup = dict(
        zip(zip(mentee.tolist(), mentor.tolist(), strict=True), score.tolist(), strict=True)
    )
    for i in np.unique(mentee).tolist():
        for head, amount in flow[("e", i)].items():
            if amount:
                matched += 1
                total += lookup[(i, head[1])]
    return seconds, matched, total


def baseline(*, mentees: int, mentors: int, seed: int, per_mentee: int) -> list[object]:
    instance = parse_instance(generate_instance(mentors, mentees, seed))
    mentee, mentor, score = candidate_pairs(instance, per_mentee=per_mentee)
    started = time.perf_counter()
    chosen = max_score_matching(
        n_mentees=len(instance.mentees),
        capacity=instance.capacity,
        mentee=mentee,
        mentor=mentor,
        score=score,
    )
    ours = time.perf_counter() - started
    theirs, matched, total = _networkx_seconds(instance, mentee, mentor, score)
    same = bool(matched == int(chosen.sum())) and bool(
        abs(total - score[chosen].sum()) < 1e-6 * max(1, total)
    )
    return [
        f"{mentees:,} x {mentors:,}, K={per_mentee} ({len(mentee):,} pairs)",
        ours,
        theirs,
        theirs / ours,
        same,
    ]


def pruning(*, mentees: int, mentors: int, seed: int, ks: list[int]) -> list[list[object]]:
    """Rows of K vs the exact optimum over every allowed pair."""
    instance = parse_instance(generate_instance(mentors, mentees, seed))

    def solve(per_mentee: int) -> tuple[int, float, float, int]:
        started = time.perf_counter()
        mentee, mentor, score = candidate_pairs(instance, per_mentee=per_mentee)
        chosen = max_score_matching(
            n_mentees=len(instance.mentees),
            capacity=instance.capacity,
            mentee=mentee,
            mentor=mentor,
            score=score,
        )
        seconds = time.perf_counter() - started
        return int(chosen.sum()), float(score[chosen].sum()), seconds, len(mentee)

    exact_matched, exact_total, exact_seconds, exact_pairs = solve(mentors)
    rows: list[list[object]] = [
        [
            f"{mentees:,} x {mentors:,}",
            "all",
            exact_pairs,
            exact_matched,
            exact_total,
            "0.000%",
            exact_seconds,
        ]
    ]
    for k in ks:
        matched, total, seconds, pairs = solve(k)
        gap = (exact_total - total) / exact_total if exact_total else 0.0
        rows.append([f"{mentees:,} x {mentors:,}", k, pairs, matched, total, f"{gap:.3%}", seconds])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark of the optimal matching.")
    parser.add_argument("--mentees", type=int, default=100_000)
    parser.add_argument("--mentors", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--baseline-mentees", type=int, default=5_000)
    parser.add_argument(
        "--pruning-sizes", default="2000,5000", help="mentee counts (mentors = mentees / 5)"
    )
    parser.add_argument("--ks", default="3,5,10,20,30,50")
    args = parser.parse_args(argv)

    row = end_to_end(mentees=args.mentees, mentors=args.mentors, seed=args.seed)
    print_table(
        f"optimal: end to end (targets: under {TARGET_SECONDS:.0f} s, under {gib(TARGET_BYTES)}; "
        f"load average {load_average()})",
        [
            "size",
            "file",
            "generate s",
            "command s",
            "command CPU s",
            "engine's own s",
            "peak RSS",
            "matched",
            "objective",
        ],
        [row],
    )
    raced = baseline(
        mentees=args.baseline_mentees,
        mentors=max(args.baseline_mentees // 5, 1),
        seed=args.seed,
        per_mentee=CANDIDATES_PER_MENTEE,
    )
    print_table(
        "optimal: engine solver vs networkx max_flow_min_cost (same candidate graph)",
        ["graph", "engine s", "networkx s", "ratio", "same optimum"],
        [raced],
    )
    rows: list[list[object]] = []
    ks = [int(k) for k in args.ks.split(",")]
    for mentees in (int(x) for x in args.pruning_sizes.split(",")):
        rows += pruning(mentees=mentees, mentors=max(mentees // 5, 1), seed=args.seed, ks=ks)
    print_table(
        "optimal: K candidates per mentee vs the exact optimum over every allowed pair",
        ["size", "K", "pairs", "matched", "total score", "gap", "seconds"],
        rows,
    )
    worst = max(
        (float(r[5].rstrip("%")) / 100 for r in rows if r[1] == CANDIDATES_PER_MENTEE),
        default=0.0,
    )
    print(
        f"\noptimal: end to end {row[3]:.2f} s, peak {row[6]} (targets < {TARGET_SECONDS:.0f} s, "
        f"< {gib(TARGET_BYTES)}); networkx ratio {raced[3]:.1f}x; "
        f"worst gap at K={CANDIDATES_PER_MENTEE}: {worst:.2%} (target < {TARGET_GAP:.0%})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
