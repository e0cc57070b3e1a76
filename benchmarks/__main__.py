"""Run every benchmark and print their tables: `python -m benchmarks` (`make bench`).

Each benchmark is also a module of its own (`python -m benchmarks.optimal --help`); the numbers
and the commands behind them are kept in docs/benchmarks.md.
"""

from __future__ import annotations

import importlib
import sys

MODULES = ["benchmarks.optimal", "benchmarks.stable", "benchmarks.recommend"]


def main(argv: list[str] | None = None) -> int:
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            print(f"\n## {name}: not written yet, skipped")
            continue
        print(f"\n## {name}")
        sys.stdout.flush()
        status = module.main([])
        if status:
            return status
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
