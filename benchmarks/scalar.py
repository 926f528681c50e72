#!/usr/bin/env python3
"""Where users wait: the scalar API, loading and auditing one report, and start-up.

    python3 dev.py bench scalar          (or .venv/bin/python benchmarks/scalar.py)
    python3 dev.py bench scalar --quick  fewer repeats

Each timing is the best of several repeats (``timeit``); the targets are issue 18's:

1. ``kinerja.achievement`` on two Decimals: at most 3 µs;
2. ``kinerja.absorption`` on two int Rupiah: at most 2 µs;
3. ``ikpa_scheme(2023).score(...)`` without its explanation: at most 50 µs (and with
   the explanation asked for, for comparison);
4. ``load_report`` of the bundled reference report: at most 2 ms (beside the TOML
   parser alone, the floor any reader pays);
5. ``kinerja.audit`` of the reference report and of synthetic national reports, per
   report (printed figures per second);
6. ``python -m kinerja audit`` of the reference file, whole process, fresh interpreter,
   median of several runs: at most 100 ms (beside a bare interpreter and ``import numpy``).

Never part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import timeit
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import kinerja
from kinerja import batch
from kinerja.core import _toml

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "src" / "kinerja" / "report" / "examples" / "reference_lkjip_2023.toml"


def per_call(function: Callable[[], Any], number: int, repeat: int) -> float:
    """The best time of one call of *function*, in seconds (best of *repeat* × *number*)."""
    return min(timeit.repeat(function, number=number, repeat=repeat)) / number


def line(name: str, seconds: float, unit: str, target: float | None = None) -> None:
    """Print one measurement in *unit* ("µs" or "ms"), with its target when it has one."""
    scale = 1e6 if unit == "µs" else 1e3
    value = seconds * scale
    verdict = ""
    if target is not None:
        verdict = f"target <= {target:g} {unit}: " + ("met" if value <= target else "MISSED")
    print(f"  {name:<58} {value:10.2f} {unit}   {verdict}")


def scalar(repeat: int) -> None:
    """The scalar API, call by call."""
    print("scalar API (one call)")
    r, t = Decimal("75.5"), Decimal("60")
    line("achievement(Decimal, Decimal)", per_call(lambda: kinerja.achievement(r, t),
                                                   20_000, repeat), "µs", 3)
    line("achievement(Decimal, Decimal, lower is better)",
         per_call(lambda: kinerja.achievement(r, t, polarity="lower_is_better"), 20_000,
                  repeat), "µs")
    line("absorption(int, int)", per_call(lambda: kinerja.absorption(734_881_464_333,
                                                                     855_830_897_000),
                                          20_000, repeat), "µs", 2)
    line("absorption(int, int, places=2)",
         per_call(lambda: kinerja.absorption(734_881_464_333, 855_830_897_000, places=2),
                  20_000, repeat), "µs")
    scheme = kinerja.ikpa_scheme(2023)
    values = {component.key: 95 for component in scheme.components}
    line("ikpa_scheme(2023).score(values)", per_call(lambda: scheme.score(values), 2_000,
                                                     repeat), "µs", 50)
    line("the same, with its explanation (.steps)",
         per_call(lambda: scheme.score(values).steps, 500, repeat), "µs")


def report_file(repeat: int) -> None:
    """Loading and auditing one report."""
    print("one report")
    text = REFERENCE.read_text(encoding="utf-8")
    line(f"TOML parser alone ({_toml.PARSER.__name__}), reference file",
         per_call(lambda: _toml.read_toml(text, origin="x"), 50, repeat), "ms")
    line("load_report(reference file)", per_call(lambda: kinerja.load_report(REFERENCE), 50,
                                                 repeat), "ms", 2)
    reference = kinerja.load_report(REFERENCE)
    seconds = per_call(lambda: kinerja.audit(reference), 50, repeat)
    line(f"audit(reference), {len(reference.printed)} printed figures", seconds, "ms")
    data = batch.synthetic_national(seed=1, satkers=400)
    reports = batch.synthetic_reports(data, range(400))
    printed = sum(len(r.printed) for r in reports)
    seconds = per_call(lambda: [kinerja.audit(r) for r in reports], 1, repeat)
    line(f"audit(synthetic report), mean of 400 ({printed / 400:.1f} printed each)",
         seconds / 400, "ms")
    print(f"  {'audit throughput, one core':<58} {printed / seconds:10,.0f} printed figures/s")


def startup(runs: int) -> None:
    """Whole-process times of fresh interpreters (medians)."""
    print(f"start-up (fresh interpreters, median of {runs})")
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as cache:
        env["PYTHONPYCACHEPREFIX"] = cache

        def median(arguments: list[str]) -> float:
            subprocess.run([sys.executable, *arguments], env=env, capture_output=True,
                           check=False)  # warm the bytecode cache
            times = []
            for _ in range(runs):
                start = timeit.default_timer()
                subprocess.run([sys.executable, *arguments], env=env, capture_output=True,
                               check=False)
                times.append(timeit.default_timer() - start)
            return statistics.median(times)

        bare = median(["-c", "pass"])
        numpy = median(["-c", "import numpy"])
        cli = median(["-m", "kinerja", "audit", str(REFERENCE)])
    line("python -c pass", bare, "ms")
    line("python -c 'import numpy'", numpy, "ms")
    line("python -m kinerja audit reference.toml", cli, "ms", 100)


def main(argv: list[str]) -> int:
    """Run the measurements; ``--quick`` repeats less."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args(argv)
    repeat = 2 if args.quick else 5
    scalar(repeat)
    report_file(repeat)
    startup(5 if args.quick else 21)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
