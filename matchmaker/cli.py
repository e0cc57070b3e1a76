"""The `nastavnik-match` command: optimal, stable and recommend over an instance file.

Bad input exits with status 2 and one line on standard error naming the field and the value;
the result file is written whole (a temporary file renamed into place) or not at all.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Sequence
from typing import Any, NoReturn

from matchmaker.instance import InstanceError, read_instance
from matchmaker.optimal import solve_optimal
from matchmaker.result import (
    matching_document,
    pair_scores,
    recommend_document,
    write_document,
)
from matchmaker.stable import solve_stable

PROG = "nastavnik-match"
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line (its own default prints the usage too)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{PROG}: error: {message} (see {PROG} --help)\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be an integer >= 1, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be an integer >= 1, got {text!r}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Match mentees with mentors (FORMAT.md).")
    modes = parser.add_subparsers(dest="mode", required=True, metavar="MODE", parser_class=_Parser)
    for mode, help_text in (
        ("optimal", "most mentees matched, then the largest total score"),
        ("stable", "the mentee-optimal stable matching for the rankings"),
        ("recommend", "the best mentors for one mentee"),
    ):
        sub = modes.add_parser(mode, help=help_text, description=help_text)
        sub.add_argument("--input", required=True, metavar="INSTANCE.json")
        sub.add_argument("--output", metavar="RESULT.json", help="default: standard output")
        if mode == "recommend":
            sub.add_argument("--mentee", required=True, metavar="ID")
            sub.add_argument("--top", type=_positive_int, default=10, metavar="K")
    return parser


def run(args: argparse.Namespace) -> dict[str, Any]:
    """The result document for parsed arguments; raises `InstanceError` on bad input."""
    started = time.perf_counter()
    instance = read_instance(args.input)
    if args.mode == "recommend":
        return recommend_document(instance=instance, mentee_id=args.mentee, top=args.top)
    stats: dict[str, Any] = {"read_seconds": time.perf_counter() - started}
    if instance.scores is None and (args.mode == "optimal" or instance.has_profiles):
        before = time.perf_counter()
        instance.model()  # built here only to time it apart from the solver
        stats["model_seconds"] = time.perf_counter() - before
    before = time.perf_counter()
    if args.mode == "optimal":
        mentee, mentor, score = solve_optimal(instance, timings=stats)
    else:
        mentee, mentor = solve_stable(instance)
        stats["solve_seconds"] = time.perf_counter() - before
        scored = instance.scores is not None or instance.has_profiles
        score = pair_scores(instance, mentee, mentor) if scored else None
    before = time.perf_counter()
    document = matching_document(
        mode=args.mode, instance=instance, mentee=mentee, mentor=mentor, score=score, stats=stats
    )
    stats = document["stats"]
    stats["reasons_seconds"] = time.perf_counter() - before
    stats["seconds"] = time.perf_counter() - started
    for key, value in stats.items():
        if key.endswith("seconds"):
            stats[key] = round(value, 3)
    return document


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0, or 2 for bad input)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error already reported in one line
        return stop.code if isinstance(stop.code, int) else EXIT_BAD_INPUT
    # A run builds a few hundred thousand containers and frees them at exit; the cyclic
    # collector would rescan them over and over (seconds on 100,000 mentees) for no garbage.
    gc.disable()
    try:
        write_document(run(args), args.output)
    except InstanceError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        gc.enable()
    return 0


if __name__ == "__main__":
    sys.exit(main())
