"""Fuzz target for the result invariants (issue 15): N generated cells through normalise() and extract().

    python -m tests.fuzz.run -n 1000000 -j 2        # a million inputs on 2 processes
    python -m tests.fuzz.run -n 20000 --seed 7      # a short run

Inputs are ``tests.strategies.phrase`` (the grammar's own words, impossible numbers among them) with a ref and
plan year drawn from ``tests.strategies.REFS`` / ``PLAN_YEARS``. Every input is read by normalise(); every
``--extract-every``-th also by extract() and through the JSON round trip (they share normalise's code and
result types, and cost as much again). Prints the figures, then each broken invariant with its count and a
minimal input (shrunk by deleting characters while the same invariant stays broken). Breaks whose minimal
input matches ``KNOWN`` are listed apart as known grammar issues. Exit code 1 when any other invariant broke.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import re
import sys
import time
from collections import Counter
from datetime import date

from tests import strategies as S
from tests.fuzz.checks import broken, shrink

Example = tuple[str, date | None, int | None]
EXAMPLES_KEPT = 3  # inputs kept per invariant for shrinking

# Minimal inputs of breaks that only the grammar can fix (deadline_cn/_grammar, owned elsewhere): the pattern
# and why. tests/test_invariants.py holds a strict xfail for each.
ZERO_AFTER_EVERY = re.compile(r"每[^,;。\n、]{0,10}?(?<!\d)0+(?:月|日|号|季度)")
# Known grammar issues, listed apart by the report: (pattern of the minimal input, why). The zero after
# 每<period> (ZERO_AFTER_EVERY) that was here is fixed: it is now invalid:<what>.
KNOWN: tuple[tuple[re.Pattern[str], str], ...] = ()


def _work(job: tuple[int, int, int]) -> tuple[Counter[str], dict[str, list[Example]]]:
    seed, count, every = job
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    examples: dict[str, list[Example]] = {}
    for i in range(count):
        text, ref, plan_year = S.phrase(rng.choice), rng.choice(S.REFS), rng.choice(S.PLAN_YEARS)
        full = i % every == 0
        for name in broken(text, ref, plan_year, with_extract=full, round_trip=full):
            counts[name] += 1
            kept = examples.setdefault(name, [])
            if len(kept) < EXAMPLES_KEPT:
                kept.append((text, ref, plan_year))
    return counts, examples


def known_reason(minimal: str) -> str | None:
    return next((why for pattern, why in KNOWN if pattern.search(minimal)), None)


def run(n: int, jobs: int = 1, seed: int = 0, every: int = 8, out=sys.stdout) -> int:  # type: ignore[no-untyped-def]
    """Fuzz ``n`` inputs; print the report; return the number of invariants broken outside ``KNOWN``."""
    chunk = max(1, min(20_000, n // (jobs * 4) or 1))
    work = [(seed * 1_000_003 + k, min(chunk, n - start), every) for k, start in enumerate(range(0, n, chunk))]
    began = time.perf_counter()
    counts: Counter[str] = Counter()
    examples: dict[str, list[Example]] = {}
    if jobs > 1:
        with multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn").Pool(jobs) as pool:
            results = pool.imap_unordered(_work, work)
            for c, ex in results:
                _merge(counts, examples, c, ex)
    else:
        for job in work:
            _merge(counts, examples, *_work(job))
    took = time.perf_counter() - began
    print(f"fuzz: {n} inputs in {took:.1f} s ({n / took:,.0f}/s, {jobs} process(es), seed {seed}, extract and "
          f"round trip on every {every}th)", file=out)
    unknown = 0
    for name, count in counts.most_common():
        minimal, ref, plan_year = min(((shrink(t, r, p, name), r, p) for t, r, p in examples[name]),
                                      key=lambda found: len(found[0]))
        why = known_reason(minimal)
        unknown += why is None
        label = f"known, {why}" if why else "BROKEN"
        print(f"  {count:>7}  {name}  [{label}]\n           minimal: {minimal!r} ref={ref} plan_year={plan_year}",
              file=out)
    print(f"invariants broken: {len(counts)} ({unknown} not known)", file=out)
    return unknown


def _merge(counts: Counter[str], examples: dict[str, list[Example]], c: Counter[str],
           ex: dict[str, list[Example]]) -> None:
    counts.update(c)
    for name, kept in ex.items():
        examples.setdefault(name, []).extend(kept[: EXAMPLES_KEPT - len(examples.get(name, []))])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=100_000, help="inputs (default 100000)")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="processes (default 1)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--extract-every", type=int, default=8, help="extract() and round trip on every k-th input")
    args = parser.parse_args(argv)
    return 1 if run(args.n, args.jobs, args.seed, args.extract_every) else 0


if __name__ == "__main__":
    sys.exit(main())
