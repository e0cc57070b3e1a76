"""Timing a command with its peak memory, and printing result tables."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

# Run the command under a small Python parent: the parent's RUSAGE_CHILDREN peak is exactly the
# command's own peak resident memory, whatever else this benchmark process has allocated.
_WRAPPER = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"status": done.returncode, "seconds": seconds, "peak_kib": usage.ru_maxrss,
                  "cpu": usage.ru_utime + usage.ru_stime, "stderr": done.stderr[-2000:]}))
"""

CONSOLE_SCRIPT = str(Path(sys.executable).with_name("nastavnik-match"))


def run_measured(command: Sequence[str], *, timeout: float | None = None) -> dict:
    """Wall seconds, CPU seconds and peak RSS (bytes) of a command; raises if it fails.

    CPU seconds tell apart the command's own work from waiting for a core on a shared machine.
    """
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    report = json.loads(done.stdout)
    if report["status"] != 0:
        raise RuntimeError(f"{command[0]} failed: {report['stderr'].strip()}")
    return {
        "seconds": report["seconds"],
        "cpu_seconds": report["cpu"],
        "peak_bytes": report["peak_kib"] * 1024,
    }


def load_average() -> str:
    """The 1-minute load average: other work on the machine slows every number here."""
    with open("/proc/loadavg", encoding="ascii") as file:
        return file.read().split()[0]


def gib(size: float) -> str:
    return f"{size / 2**30:.2f} GiB"


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A Markdown table, ready to paste into docs/benchmarks.md."""
    print(f"\n### {title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(" --- " for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(_cell(value) for value in row) + " |")
    sys.stdout.flush()


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.3f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
