#!/usr/bin/env python3
"""kinerja's benchmarks: ratios measured in one run (absolute times on shared machines are noise).

    python3 dev.py bench            all benchmarks at full size (a minute or two)
    python3 dev.py bench --quick    the same at a tenth of the size (a smoke test)

Each timing is the best of several repeats (time.perf_counter).  What is compared:

1. batch achievement on 10 million rows vs a per-row loop over the scalar API
   (timed on a sample of rows and scaled): at least 100x faster;
2. the same vs the shortest hand-written numpy expression of the same formulas:
   at most 1.5x slower; peak memory (tracemalloc) at most 3x the input arrays' bytes;
3. exact int64 absorption vs plain float division on the same columns;
4. the national synthetic set (25,000 satkers, 5 years) scored and audited end to end:
   figures/s (the audit timed on a sample of satker-year reports and scaled);
5. ``import kinerja`` vs ``import numpy`` in fresh interpreters: at most 1.3x.

Never part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np
from _timing import best  # benchmarks/_timing.py, beside this script

import kinerja
from kinerja import batch

RESULTS: list[tuple[str, str, str]] = []



def peak_bytes(function: Callable[[], Any]) -> int:
    """The peak of memory allocated (tracemalloc) while *function* runs."""
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def report(name: str, value: str, verdict: str = "") -> None:
    RESULTS.append((name, value, verdict))
    print(f"  {name:<58} {value:>14}  {verdict}", flush=True)


def check(ok: bool, target: str) -> str:
    return f"{'ok' if ok else 'MISSED'} (target {target})"


def point_rows(rows: int, seed: int) -> dict[str, Any]:
    """Point targets, a quarter lower-is-better (figures as reports print them)."""
    rng = np.random.default_rng(seed)
    target = rng.uniform(5, 100, rows).round(2)
    realization = (target * rng.lognormal(0, 0.25, rows)).round(2)
    polarity = np.where(rng.random(rows) < 0.25, -1, 1).astype(np.int8)
    return {"realization": realization, "target": target, "polarity": polarity}


def hand_point(realization: Any, target: Any, polarity: Any) -> Any:
    """The shortest numpy: R/T × 100 or (2 − R/T) × 100 by polarity, capped at 120."""
    ratio = realization * 100 / target
    return np.minimum(np.where(polarity > 0, ratio, 200 - ratio), 120)


def hand_national(realization: Any, target: Any, target_high: Any, polarity: Any,
                  cap: Any) -> Any:
    """The shortest numpy for the national mix: ranges, per-row caps, NaN = missing."""
    high = np.where(np.isnan(target_high), target, target_high)
    ratio = realization * 100 / np.where(realization < target, target, high)
    value = np.where(polarity > 0, ratio, 200 - ratio)
    value = np.where((realization >= target) & (realization <= high), 100, value)
    return np.ma.MaskedArray(np.fmin(value, cap), mask=np.isnan(realization))


def bench_achievement(rows: int, sample: int, repeat: int) -> None:
    print(f"\nbatch achievement, {rows:,} rows (point targets, per-row polarity, 120 % cap)")
    data = point_rows(rows, seed=1)
    inputs = sum(a.nbytes for a in data.values())

    def run() -> Any:
        return batch.achievements(data["realization"], data["target"],
                                  polarity=data["polarity"], cap=kinerja.CAP_120)

    def hand() -> Any:
        return hand_point(data["realization"], data["target"], data["polarity"])

    result = run()
    np.testing.assert_allclose(result, hand(), rtol=1e-12)  # same figures
    t_batch = best(run, repeat)
    t_hand = best(hand, repeat)
    picks = np.random.default_rng(2).choice(rows, size=sample, replace=False)
    triples = [(float(data["realization"][i]), float(data["target"][i]),
                kinerja.Polarity.from_code(int(data["polarity"][i]))) for i in picks]

    def loop() -> None:
        for r, t, p in triples:
            kinerja.achievement(r, t, polarity=p, cap=kinerja.CAP_120)

    t_loop = best(loop, max(1, repeat // 2)) * rows / sample
    cap, hundred = Decimal(120), Decimal(100)
    exact = [(Decimal(repr(r)), Decimal(repr(t)), p.code) for r, t, p in triples]
    plain = [(r, t, p.code) for r, t, p in triples]

    def python_loop() -> None:  # the formula in plain Python floats, no checks
        for r, t, p in plain:
            ratio = r * 100 / t
            min(ratio if p > 0 else 200 - ratio, 120.0)

    def decimal_loop() -> None:  # the same in Decimals, no checks
        for r, t, p in exact:
            ratio = r * hundred / t
            min(ratio if p > 0 else 2 * hundred - ratio, cap)

    t_python = best(python_loop, repeat) * rows / sample
    t_decimal = best(decimal_loop, repeat) * rows / sample
    report("scalar API called per row (scaled from a sample) / batch",
           f"{t_loop / t_batch:,.0f}x", check(t_loop / t_batch >= 100, ">= 100x"))
    report("plain Python float loop, no checks (scaled) / batch", f"{t_python / t_batch:,.0f}x")
    report("plain Decimal loop, no checks (scaled) / batch", f"{t_decimal / t_batch:,.0f}x")
    report("batch / hand-written numpy", f"{t_batch / t_hand:.2f}x",
           check(t_batch / t_hand <= 1.5, "<= 1.5x"))
    peak = peak_bytes(run)
    report("batch peak memory / input bytes", f"{peak / inputs:.2f}x",
           check(peak / inputs <= 3, "<= 3x"))
    report("hand-written numpy peak memory / input bytes", f"{peak_bytes(hand) / inputs:.2f}x")
    print(f"    (batch {t_batch * 1e3:.0f} ms, hand-written {t_hand * 1e3:.0f} ms, scalar loop "
          f"{t_loop / rows * 1e6:.1f} us per row; sample of {sample:,} rows)")


def bench_national_mix(rows: int, repeat: int) -> None:
    print(f"\nbatch achievement, {rows:,} rows of the national mix (ranges, missing, caps)")
    satkers = max(1, rows // 12)
    ind = batch.synthetic_national(seed=3, satkers=satkers).indicators
    inputs = sum(getattr(ind, name).nbytes
                 for name in ("realization", "target", "target_high", "polarity", "cap"))

    def run() -> Any:
        return batch.achievements(ind.realization, ind.target, target_high=ind.target_high,
                                  polarity=ind.polarity, cap=ind.cap, nan="missing")

    def hand() -> Any:
        return hand_national(ind.realization, ind.target, ind.target_high, ind.polarity,
                             ind.cap)

    result, floor = run(), hand()
    assert np.array_equal(np.ma.getmaskarray(result), np.ma.getmaskarray(floor))
    np.testing.assert_allclose(result.compressed(), floor.compressed(), rtol=1e-12)
    t_batch, t_hand = best(run, repeat), best(hand, repeat)
    report("batch / hand-written numpy (national mix)", f"{t_batch / t_hand:.2f}x",
           check(t_batch / t_hand <= 1.5, "<= 1.5x"))
    peak = peak_bytes(run)
    report("batch peak memory / input bytes (national mix)", f"{peak / inputs:.2f}x",
           check(peak / inputs <= 3, "<= 3x"))


def bench_absorption(rows: int, repeat: int) -> None:
    print(f"\nabsorption, {rows:,} budget lines (int64 pagu up to 10^13)")
    rng = np.random.default_rng(4)
    pagu = (10.0 ** rng.uniform(8, 13, rows) // 1000).astype(np.int64) * 1000
    spent = (pagu * rng.uniform(0.5, 1.02, rows)).astype(np.int64)

    def floats() -> Any:
        return spent / pagu * 100

    t_float = best(floats, repeat)
    for places in (None, 2):
        t_exact = best(lambda p=places: batch.absorptions(spent, pagu, places=p), repeat)
        label = "unrounded" if places is None else f"rounded to {places} places"
        report(f"exact int64 ({label}) / float division", f"{t_exact / t_float:.2f}x")


def bench_national(satkers: int, years: tuple[int, ...], repeat: int,
                   audit_sample: int) -> None:
    print(f"\nnational synthetic set, {satkers:,} satkers x {len(years)} years, end to end")
    data = batch.synthetic_national(seed=0, satkers=satkers, years=years)
    ind, budget = data.indicators, data.budget
    figures = 0

    def run() -> int:
        count = 0
        capaian = batch.achievements(ind.realization, ind.target, target_high=ind.target_high,
                                     polarity=ind.polarity, cap=ind.cap, nan="missing")
        count += int(capaian.count())
        count += batch.absorptions(budget.realization, budget.pagu, places=2).size
        for year in data.years:
            ikpa = data.ikpa[year]
            count += batch.ikpa_scores(year, ikpa.columns, not_applicable=ikpa.not_applicable,
                                       nan="not_applicable").final.size
            if year in data.nka:
                count += batch.nka_scores(year, data.nka[year].columns).final.size
        return count

    figures = run()
    seconds = best(run, repeat)
    report("figures per second (achievement, absorption, IKPA, NKA)",
           f"{figures / seconds:,.0f}/s")
    print(f"    ({figures:,} figures in {seconds * 1e3:.0f} ms, {data.satker_years:,} "
          "satker-years)")
    # The audit: one report per satker-year (kinerja.audit on each, through
    # batch.audit_many), timed on a sample of satker-years and scaled.
    sample = np.random.default_rng(7).choice(data.satker_years, size=audit_sample,
                                             replace=False)
    reports = batch.synthetic_reports(data, sample.tolist())
    printed = sum(len(r.printed) for r in reports)
    t_audit = best(lambda: batch.audit_many(reports), 1)
    per_report = t_audit / len(reports)
    report("audit: printed figures checked per second", f"{printed / t_audit:,.0f}/s")
    national = per_report * data.satker_years
    total = figures + printed / len(reports) * data.satker_years
    report("national set scored and audited end to end: figures per second",
           f"{total / (seconds + national):,.0f}/s")
    print(f"    (audit {per_report * 1e3:.1f} ms per report of {printed / len(reports):.0f} "
          f"printed figures; all {data.satker_years:,} reports: {national:.0f} s on one core, "
          f"sample of {len(reports):,})")


def bench_import(runs: int) -> None:
    print(f"\nimport time, fresh interpreters ({runs} runs each, interleaved, medians)")
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as installed: bytecode cached
        env["PYTHONPYCACHEPREFIX"] = cache

        def seconds(code: str) -> float:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], env=env, check=True)
            return time.perf_counter() - start

        statements = {"bare": "pass", "numpy": "import numpy", "kinerja": "import kinerja",
                      "first use": "import kinerja; kinerja.achievement",
                      "kinerja.batch": "import kinerja.batch"}
        for code in statements.values():
            seconds(code)  # warm the bytecode cache and the file system
        times: dict[str, list[float]] = {name: [] for name in statements}
        for _ in range(runs):
            for name, code in statements.items():
                times[name].append(seconds(code))
        median = {name: statistics.median(values) for name, values in times.items()}
        heavy = subprocess.run(
            [sys.executable, "-c", "import sys, kinerja.batch; print(' '.join(m for m in "
             "('pandas', 'matplotlib', 'babel') if m in sys.modules))"],
            env=env, check=True, capture_output=True, text=True).stdout.strip()
    ratio = median["kinerja"] / median["numpy"]
    report("import kinerja / import numpy", f"{ratio:.2f}x", check(ratio <= 1.3, "<= 1.3x"))
    report("import kinerja + first use of kinerja.achievement / numpy",
           f"{median['first use'] / median['numpy']:.2f}x")
    report("import kinerja.batch / import numpy",
           f"{median['kinerja.batch'] / median['numpy']:.2f}x")
    report("pandas, matplotlib, Babel imported by kinerja.batch", heavy or "none")
    print("    (medians: " + ", ".join(f"{name} {value * 1e3:.0f} ms"
                                        for name, value in median.items()) + ")")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    args = parser.parse_args(argv)
    scale = 10 if args.quick else 1
    print(f"kinerja {kinerja.__version__}, numpy {np.__version__}, Python "
          f"{sys.version.split()[0]}, {os.cpu_count()} CPUs")
    bench_achievement(10_000_000 // scale, sample=5_000 // scale, repeat=5)
    bench_national_mix(3_000_000 // scale, repeat=5)
    bench_absorption(10_000_000 // scale, repeat=5)
    bench_national(25_000 // scale, (2020, 2021, 2022, 2023, 2024), repeat=3,
                   audit_sample=1_000 // scale)
    bench_import(runs=5 if args.quick else 21)
    missed = [name for name, _, verdict in RESULTS if verdict.startswith("MISSED")]
    print("\nall targets met" if not missed else f"\ntargets missed: {', '.join(missed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
