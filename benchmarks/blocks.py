#!/usr/bin/env python3
"""The blocked batch path under allocator settings: with and without MALLOC_TRIM_THRESHOLD_.

    python benchmarks/blocks.py            both runs, then the ratios (about a minute)
    python benchmarks/blocks.py --quick    a tenth of the rows

glibc's malloc gives a large block (128 KiB and more) its own memory map and, by default,
learns to keep such blocks once they are freed.  Setting ``MALLOC_TRIM_THRESHOLD_`` (as
some containers and servers do) turns that learning off: every large temporary of a
formula is then mapped, faulted in page by page and unmapped again.  This script times
the batch path in two fresh interpreters, one with the variable set, and prints each
timing and the ratio between the runs: the blocked path should not care (target: the
ratio at most 1.3x).  Beside it, the floor: the shortest numpy of the point-target
formula run block by block, with temporaries allocated by each operation (large or small
blocks) or written into block-sized scratch buffers made once per call.  kinerja's blocked
path writes its temporaries into such buffers too (``kinerja/core/_scratch.py``): the
script prints how many it made and how often it lent them.  Targets: the ratio at most
1.3x for the three workloads, and no slower than before in the default run.  It also
times the one-time cost of a call (a column of 10 rows): target under ~20 us.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from typing import Any

import numpy as np
from _timing import best  # benchmarks/_timing.py, beside this script

#: The setting of the second run: trim the heap whenever 128 KiB are free at its top.
SETTING = {"MALLOC_TRIM_THRESHOLD_": "131072"}



def measure(rows: int) -> dict[str, Any]:
    """Seconds per call of each workload, in this interpreter (and the scratch buffers used)."""
    from kinerja import batch

    data = batch.synthetic_national(seed=3, satkers=max(1, rows // 12))
    ind = data.indicators
    rng = np.random.default_rng(4)
    pagu = (10.0 ** rng.uniform(8, 13, rows) // 1000).astype(np.int64) * 1000
    spent = (pagu * rng.uniform(0.5, 1.02, rows)).astype(np.int64)
    small = ind.realization[:10].copy(), ind.target[:10].copy()
    small_r, small_t = np.nan_to_num(small[0], nan=1.0), small[1]

    def national() -> Any:
        return batch.achievements(ind.realization, ind.target, target_high=ind.target_high,
                                  polarity=ind.polarity, cap=ind.cap, nan="missing")

    def point() -> Any:
        return batch.achievements(ind.target * 1.1, ind.target, polarity=ind.polarity)

    def absorb() -> Any:
        return batch.absorptions(spent, pagu, places=2)

    def one_call() -> Any:
        return batch.achievements(small_r, small_t)

    def thousand_calls() -> None:
        for _ in range(1000):
            one_call()

    # The floor: the shortest numpy of point targets (ratio, mirror, 120 % cap) run block by
    # block, its temporaries allocated by each operation or in scratch buffers made once.
    r, t, p = ind.target * 1.1, ind.target, ind.polarity
    out = np.empty(r.size)

    def floor(size: int) -> None:
        for start in range(0, r.size, size):
            rows = slice(start, start + size)
            ratio = r[rows] * 100 / t[rows]
            out[rows] = np.minimum(np.where(p[rows] > 0, ratio, 200 - ratio), 120)

    def floor_scratch(size: int) -> None:
        first, second, flags = np.empty(size), np.empty(size), np.empty(size, dtype=bool)
        for start in range(0, r.size, size):
            rows = slice(start, start + size)
            n = min(size, r.size - start)
            x, y, z = first[:n], second[:n], flags[:n]
            np.multiply(r[rows], 100, out=x)
            np.divide(x, t[rows], out=x)
            np.subtract(200, x, out=y)
            np.greater(p[rows], 0, out=z)
            np.copyto(y, x, where=z)
            np.minimum(y, 120, out=out[rows])

    from kinerja.core._scratch import watch

    with watch() as pools:
        national()
        absorb()
    buffers = [(pool.made, pool.lent) for pool in pools]

    return {
        "buffers": buffers,
        "floor: numpy, blocks of 65,536 rows": best(lambda: floor(65_536), 5),
        "floor: numpy, blocks of 4,096 rows": best(lambda: floor(4_096), 5),
        "floor: numpy, 65,536 rows, scratch buffers": best(lambda: floor_scratch(65_536), 5),
        "national mix, achievements": best(national, 5),
        "point targets, achievements": best(point, 5),
        "absorptions, rounded": best(absorb, 5),
        "one call on 10 rows (per call)": best(thousand_calls, 5) / 1000,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the rows")
    parser.add_argument("--block-rows", type=int, metavar="N",
                        help="rows per block instead of kinerja's (an experiment)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    rows = 1_000_000 if args.quick else 10_000_000
    if args.child:
        if args.block_rows:
            from kinerja.core import _ops

            _ops.BLOCK_ROWS = args.block_rows
        print(json.dumps(measure(rows)))
        return 0
    runs = {}
    for name, extra in (("default", {}), ("MALLOC_TRIM_THRESHOLD_", SETTING)):
        env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")} | extra
        options = ["--quick"] if args.quick else []
        if args.block_rows:
            options += ["--block-rows", str(args.block_rows)]
        out = subprocess.run([sys.executable, __file__, "--child", *options],
                             env=env, check=True, capture_output=True, text=True).stdout
        runs[name] = json.loads(out)
    from kinerja.core._ops import BLOCK_ROWS

    print(f"{rows:,} rows, blocks of {args.block_rows or BLOCK_ROWS:,} rows; second run with "
          f"{SETTING}; load average {os.getloadavg()[0]:.2f}")
    print(f"  {'workload':<44} {'default':>12} {'trim set':>12} {'ratio':>8}")
    buffers = runs["default"].pop("buffers")
    runs["MALLOC_TRIM_THRESHOLD_"].pop("buffers")
    for workload, seconds in runs["default"].items():
        other = runs["MALLOC_TRIM_THRESHOLD_"][workload]
        unit, scale = ("us", 1e6) if seconds < 1e-3 else ("ms", 1e3)
        print(f"  {workload:<44} {seconds * scale:>9.1f} {unit} {other * scale:>9.1f} {unit} "
              f"{other / seconds:>7.2f}x")
    print("  scratch buffers of one call (made, lent): national mix {}, absorptions {}".format(
        *(f"{made:,}, {lent:,}" for made, lent in buffers)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
