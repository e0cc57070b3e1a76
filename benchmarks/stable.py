"""Benchmark of `stable`: the full command on 100,000 x 20,000 and a race with `matching`.

    python -m benchmarks.stable [--mentees 100000] [--mentors 20000] [--length 50]

Mentees rank `length` distinct mentors drawn with a skewed popularity (a few mentors are in
demand); each mentor ranks every mentee who ranked them, by a shared mentee "strength" plus
personal noise; capacities are 1-5. First the end-to-end command (read the file, solve, write the
result) with its peak memory; then the same engine against the `matching` package on a ladder of
sizes (mentees : mentors = 5 : 1), both starting from the same Python lists, until `matching`
takes longer than the time limit.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.measure import CONSOLE_SCRIPT, gib, load_average, print_table, run_measured
from matchmaker.stable import Rankings, stable_matching

TARGET_SECONDS = 10.0
TARGET_RATIO = 20.0


def make_rankings(
    *, mentees: int, mentors: int, length: int, seed: int
) -> tuple[list[list[int]], list[list[int]], list[int]]:
    """Both sides' rankings as lists of indices, and the mentors' capacities."""
    rng = np.random.default_rng(seed)
    length = min(length, mentors)
    popularity = rng.lognormal(0.0, 1.0, mentors)
    draws = rng.choice(mentors, size=(mentees, 2 * length + 8), p=popularity / popularity.sum())
    # Keep each row's distinct mentors, in a random order, then the first `length` of them.
    draws.sort(axis=1)
    repeated = np.zeros(draws.shape, dtype=bool)
    repeated[:, 1:] = draws[:, 1:] == draws[:, :-1]
    priority = np.where(repeated, np.inf, rng.random(draws.shape))
    order = np.argsort(priority, axis=1)[:, :length]
    chosen = np.take_along_axis(draws, order, axis=1)
    valid = ~np.take_along_axis(repeated, order, axis=1)
    mentee_lists = [row[ok].tolist() for row, ok in zip(chosen, valid, strict=True)]

    strength = rng.normal(size=mentees)
    rows = np.repeat(np.arange(mentees), valid.sum(axis=1))
    cols = chosen[valid]
    taste = strength[rows] + rng.normal(scale=0.5, size=len(rows))
    order = np.lexsort((-taste, cols))
    ranked = rows[order]
    bounds = np.r_[0, np.cumsum(np.bincount(cols, minlength=mentors))]
    mentor_lists = [ranked[bounds[j] : bounds[j + 1]].tolist() for j in range(mentors)]
    capacity = rng.integers(1, 6, size=mentors).tolist()
    return mentee_lists, mentor_lists, capacity


def instance_document(
    mentee_lists: list[list[int]], mentor_lists: list[list[int]], capacity: list[int]
) -> dict:
    return {
        "mentors": [
            {"id": f"m{j}", "capacity": capacity[j], "ranking": [f"e{i}" for i in row]}
            for j, row in enumerate(mentor_lists)
        ],
        "mentees": [
            {"id": f"e{i}", "ranking": [f"m{j}" for j in row]} for i, row in enumerate(mentee_lists)
        ],
    }


def engine_seconds(
    mentee_lists: list[list[int]], mentor_lists: list[list[int]], capacity: list[int]
) -> tuple[float, np.ndarray]:
    """The engine from Python lists: building its arrays plus solving."""
    started = time.perf_counter()
    rankings = Rankings(*_csr(mentee_lists), *_csr(mentor_lists))
    match = stable_matching(rankings=rankings, capacity=np.asarray(capacity, dtype=np.int64))
    return time.perf_counter() - started, match


def _csr(lists: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    lengths = np.fromiter((len(row) for row in lists), dtype=np.int64, count=len(lists))
    flat = np.fromiter((x for row in lists for x in row), dtype=np.int32, count=int(lengths.sum()))
    return np.r_[0, np.cumsum(lengths)].astype(np.int64), flat


def baseline_seconds(
    mentee_lists: list[list[int]], mentor_lists: list[list[int]], capacity: list[int]
) -> tuple[float, np.ndarray]:
    """The `matching` package from the same lists: its players, then its algorithm.

    The algorithm is called directly: `HospitalResident` deep-copies the players recursively and
    overflows the stack at a few thousand people, and skipping that copy only helps the baseline.
    """
    from matching.algorithms import hospital_resident
    from matching.players import Hospital, Player

    started = time.perf_counter()
    residents = [Player(i) for i in range(len(mentee_lists))]
    hospitals = [Hospital(j, capacity[j]) for j in range(len(mentor_lists))]
    for i, row in enumerate(mentee_lists):
        residents[i].set_prefs([hospitals[j] for j in row])
    for j, row in enumerate(mentor_lists):
        hospitals[j].set_prefs([residents[i] for i in row])
    matched = hospital_resident(
        [r for r in residents if r.prefs], [h for h in hospitals if h.prefs], optimal="resident"
    )
    seconds = time.perf_counter() - started
    match = np.full(len(mentee_lists), -1)
    for hospital, group in matched.items():
        for resident in group:
            match[resident.name] = hospital.name
    return seconds, match


def end_to_end(*, mentees: int, mentors: int, length: int, seed: int) -> list[object]:
    lists = make_rankings(mentees=mentees, mentors=mentors, length=length, seed=seed)
    with tempfile.TemporaryDirectory(prefix="bench-stable-") as directory:
        source = Path(directory) / "instance.json"
        target = Path(directory) / "result.json"
        source.write_text(json.dumps(instance_document(*lists)), encoding="utf-8")
        size = source.stat().st_size
        measured = run_measured(
            [CONSOLE_SCRIPT, "stable", "--input", str(source), "--output", str(target)]
        )
        result = json.loads(target.read_text(encoding="utf-8"))
    solve, _ = engine_seconds(*lists)
    return [
        f"{mentees:,} x {mentors:,}",
        f"{size / 2**20:.0f} MiB",
        measured["seconds"],
        measured["cpu_seconds"],
        solve,
        gib(measured["peak_bytes"]),
        len(result["assignments"]),
    ]


def race(*, mentees: int, mentors: int, length: int, seed: int, limit: float) -> dict | None:
    """Engine vs `matching` on one size; None when `matching` takes longer than `limit`."""
    command = [
        sys.executable,
        "-m",
        "benchmarks.stable",
        "--baseline-only",
        f"--mentees={mentees}",
        f"--mentors={mentors}",
        f"--length={length}",
        f"--seed={seed}",
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return None
    theirs = json.loads(done.stdout.strip().splitlines()[-1])
    ours, match = engine_seconds(
        *make_rankings(mentees=mentees, mentors=mentors, length=length, seed=seed)
    )
    return {
        "ours": ours,
        "theirs": theirs["seconds"],
        "same": bool(
            theirs["matched"] == int((match >= 0).sum()) and theirs["hash"] == _hash(match)
        ),
    }


def _hash(match: np.ndarray) -> int:
    return int((np.asarray(match, dtype=np.int64) * np.arange(1, len(match) + 1)).sum() % 1_000_003)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark of the stable matching.")
    parser.add_argument("--mentees", type=int, default=100_000)
    parser.add_argument("--mentors", type=int, default=20_000)
    parser.add_argument("--length", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--ladder",
        default="1000,2000,5000,10000,20000,50000,100000,200000",
        help="mentee counts for the race with `matching` (mentors = mentees / 5)",
    )
    parser.add_argument("--limit", type=float, default=300.0, help="seconds `matching` may take")
    parser.add_argument("--baseline-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.baseline_only:
        lists = make_rankings(
            mentees=args.mentees, mentors=args.mentors, length=args.length, seed=args.seed
        )
        seconds, match = baseline_seconds(*lists)
        matched = int((match >= 0).sum())
        print(json.dumps({"seconds": seconds, "matched": matched, "hash": _hash(match)}))
        return 0

    row = end_to_end(mentees=args.mentees, mentors=args.mentors, length=args.length, seed=args.seed)
    print_table(
        f"stable: end to end (target under {TARGET_SECONDS:.0f} s; load average {load_average()})",
        ["size", "file", "command s", "command CPU s", "solve only s", "peak RSS", "matched"],
        [row],
    )
    rows, best = [], None
    for mentees in (int(x) for x in args.ladder.split(",") if x):
        mentors = max(mentees // 5, 1)
        raced = race(
            mentees=mentees, mentors=mentors, length=args.length, seed=args.seed, limit=args.limit
        )
        if raced is None:
            rows.append([f"{mentees:,} x {mentors:,}", "-", f"> {args.limit:.0f}", "-", "-"])
            break
        ratio = raced["theirs"] / raced["ours"]
        rows.append(
            [f"{mentees:,} x {mentors:,}", raced["ours"], raced["theirs"], ratio, raced["same"]]
        )
        best = ratio
    print_table(
        f"stable: engine vs the matching package (rankings of {args.length})",
        ["size", "engine s", "matching s", "ratio", "same matching"],
        rows,
    )
    print(
        f"\nstable: end to end {row[2]:.2f} s (target < {TARGET_SECONDS:.0f} s); "
        f"ratio on the largest size matching finished: {best and round(best, 1)}x "
        f"(target >= {TARGET_RATIO:.0f}x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
