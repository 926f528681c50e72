#!/usr/bin/env python3
"""The national achievement workload in kinerja's batch path, vectorised pandas and polars.

    python3 dev.py bench frames            3 million rows of the national mix
    python3 dev.py bench frames --rows N   another size

The workload is the national synthetic set's indicator rows (``batch.synthetic_national``):
point and range targets, per-row polarity, per-row caps (NaN: none), not-reported
realizations (NaN: missing).  Each contender computes the same figures, which are checked
equal before timing:

1. ``kinerja.batch.achievements`` on the numpy columns;
2. pandas, the vectorised expression an analyst would write on a DataFrame's columns
   (``Series.where``, no row loop);
3. polars, the same as one ``select`` of expressions (polars runs them on all cores).

Timed, best of --repeat runs (time.perf_counter).  The ratios contender / kinerja are
printed.  Needs ``pip install "kinerja[pandas,bench]"``.  Never part of the test suite.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
from _timing import best  # benchmarks/_timing.py, beside this script

from kinerja import batch


def with_pandas(frame: pd.DataFrame) -> pd.Series:
    """Achievement with the 120/cap rules as vectorised pandas: NaN where not reported."""
    low, high = frame["target"], frame["target_high"].fillna(frame["target"])
    r = frame["realization"]
    bound = low.where(r < low, high)
    ratio = r * 100 / bound
    value = ratio.where(frame["polarity"] > 0, 200 - ratio)
    value = value.where(~((r >= low) & (r <= high)), 100.0)
    value = value.where(frame["cap"].isna() | (value <= frame["cap"]), frame["cap"])
    return value.where(r.notna())  # not reported: no achievement


def with_polars(frame: pl.DataFrame) -> pl.Series:
    """The same as one polars select (NaN realizations give null)."""
    r, low = pl.col("realization"), pl.col("target")
    high = pl.col("target_high").fill_nan(None).fill_null(low)
    bound = pl.when(r < low).then(low).otherwise(high)
    ratio = r * 100 / bound
    value = pl.when(pl.col("polarity") > 0).then(ratio).otherwise(200 - ratio)
    value = pl.when((r >= low) & (r <= high)).then(100.0).otherwise(value)
    cap = pl.col("cap").fill_nan(None)
    value = pl.when(cap.is_not_null() & (value > cap)).then(cap).otherwise(value)
    value = pl.when(r.is_nan()).then(None).otherwise(value)  # not reported: no achievement
    return frame.select(value.alias("capaian")).to_series()


def main(argv: list[str]) -> int:
    """Build the rows, check the three agree, time them and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    ind = batch.synthetic_national(seed=3, satkers=max(1, args.rows // 12)).indicators
    columns = {"realization": ind.realization, "target": ind.target,
               "target_high": ind.target_high, "polarity": ind.polarity, "cap": ind.cap}
    pandas_frame, polars_frame = pd.DataFrame(columns), pl.DataFrame(columns)

    def run() -> Any:
        return batch.achievements(ind.realization, ind.target, target_high=ind.target_high,
                                  polarity=ind.polarity, cap=ind.cap, nan="missing")

    ours = run()
    expected = np.ma.filled(ours.astype(np.float64), np.nan)
    np.testing.assert_allclose(with_pandas(pandas_frame).to_numpy(), expected, rtol=1e-12)
    np.testing.assert_allclose(with_polars(polars_frame).to_numpy(), expected, rtol=1e-12)
    t_ours = best(run, args.repeat)
    t_pandas = best(lambda: with_pandas(pandas_frame), args.repeat)
    t_polars = best(lambda: with_polars(polars_frame), args.repeat)
    print(f"national mix, {len(expected):,} rows (pandas {pd.__version__}, "
          f"polars {pl.__version__}; the three agree to 1e-12)")
    print(f"  kinerja.batch.achievements  {t_ours * 1e3:8.1f} ms")
    print(f"  vectorised pandas           {t_pandas * 1e3:8.1f} ms   "
          f"{t_pandas / t_ours:.2f}x kinerja's time")
    print(f"  polars expressions          {t_polars * 1e3:8.1f} ms   "
          f"{t_polars / t_ours:.2f}x kinerja's time")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
