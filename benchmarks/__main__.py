"""Run every benchmark and print its figures: ``python -m benchmarks [name ...]`` (``make bench``)."""

from __future__ import annotations

import importlib
import sys
import time

BENCHMARKS = ["bench_parsers", "bench_structure", "bench_skills", "bench_tailor", "bench_http"]


def main(argv: list[str]) -> int:
    chosen = [f"bench_{name.removeprefix('bench_')}" for name in argv] or BENCHMARKS
    for name in chosen:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            print(f"== {name}: not available ({exc})")
            continue
        print(f"== {name}")
        began = time.perf_counter()
        module.run()
        print(f"   ({time.perf_counter() - began:.1f} s)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
