#!/usr/bin/env python3
"""Many reports at once: audit_many serial vs worker processes (and Dask), ratios in one run.

    python benchmarks/parallel.py              10,000 synthetic reports (a minute or two)
    python benchmarks/parallel.py --quick      1,000 (a smoke test)
    python benchmarks/parallel.py --dask       also on a local Dask cluster of 2 processes

What is compared, on the same reports in the same run:

1. the audit alone, one core: printed figures checked per second (reports built first);
2. what a worker sends back: pickling an AuditResult vs auditing its report, and pickling a
   Report (why workers get paths or rows, never reports);
3. rows of the synthetic set (each worker builds its own reports): serial vs workers=k,
   the speed-up and its ratio to k (the target: within 10 % of k on k free cores), and
   the CPU seconds of both runs (the share of the serial CPU time the parallel run needs
   in all: the speed-up k free cores would give, whatever the machine's other load);
4. report files (each worker reads its own): serial vs workers=k, likewise;
5. memory in this process while streaming every result with iter_audits (tracemalloc peak),
   against holding the list;
6. optionally the rows on a Dask LocalCluster (2 processes of 1 thread).

The results of every parallel run are checked equal to the serial run's.  The machine's
other load shows in the ratios: run it on an idle machine for the numbers of the docs.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import kinerja
import kinerja.batch._many as many
from kinerja import batch


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds taken by one call of *function*, and its result."""
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def best(function: Callable[[], Any], repeat: int = 5) -> float:
    """The shortest of *repeat* timings, the garbage collector off (a small measurement)."""
    gc.disable()
    try:
        return min(timed(function)[0] for _ in range(repeat))
    finally:
        gc.enable()


def cpu_seconds(function: Callable[[], Any]) -> float:
    """CPU seconds of this process and of its joined children while *function* runs."""
    def total() -> float:
        me = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime

    before = total()
    function()
    return total() - before


def cpu_cost(label: str, serial: Callable[[], Any], parallel: Callable[[], Any],
             workers: int) -> None:
    """The CPU seconds of a serial and a parallel run, which other load does not change.

    The workers are started by fork for this measurement, so that they are children of
    this process and their CPU time is counted when they are joined.
    """
    cpu_serial = cpu_seconds(serial)
    many.START_METHOD, method = "fork", many.START_METHOD
    try:
        cpu_parallel = cpu_seconds(parallel)
    finally:
        many.START_METHOD = method
    line(f"{label}: CPU seconds, serial / all processes of workers={workers}",
         f"{cpu_serial / cpu_parallel:.0%}")
    line(f"{label}: so the speed-up on {workers} free cores",
         f"{workers * cpu_serial / cpu_parallel:.2f}x")


def line(name: str, value: str) -> None:
    print(f"  {name:<62} {value:>14}", flush=True)


def same(a: list[kinerja.AuditResult], b: list[kinerja.AuditResult]) -> None:
    """The parallel results are the serial ones, in order."""
    assert [(r.name, r.findings) for r in a] == [(r.name, r.findings) for r in b]


def speedup(label: str, serial: float, parallel: float, workers: int, reports: int) -> None:
    ratio = serial / parallel
    line(f"{label}: serial", f"{serial:.2f} s")
    line(f"{label}: workers={workers}", f"{parallel:.2f} s")
    line(f"{label}: speed-up (target >= {0.9 * workers:.1f}x)", f"{ratio:.2f}x")
    line(f"{label}: speed-up / {workers} (parallel efficiency)", f"{ratio / workers:.0%}")
    line(f"{label}: reports per second, workers={workers}", f"{reports / parallel:,.0f}/s")


def bench_audit_alone(data: batch.SyntheticNational, sample: int) -> None:
    print(f"\nthe audit alone, one core ({sample:,} reports built first)")
    reports = batch.synthetic_reports(data, range(sample))
    printed = sum(len(r.printed) for r in reports)
    seconds = min(timed(lambda: batch.audit_many(reports))[0] for _ in range(3))
    line("printed figures checked per second, one core", f"{printed / seconds:,.0f}/s")
    line("audit per report", f"{seconds / sample * 1e3:.3f} ms")
    build = timed(lambda: batch.synthetic_reports(data, range(sample)))[0]
    line("building a synthetic report (what a worker also does)",
         f"{build / sample * 1e3:.3f} ms")
    results = batch.audit_many(reports)
    sent = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
    dump = best(lambda: pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))
    load = best(lambda: pickle.loads(sent))
    line("pickling an AuditResult / auditing its report", f"{dump / seconds:.1%}")
    line("unpickling it (in this process) / auditing", f"{load / seconds:.1%}")
    line("bytes sent back per report", f"{len(sent) / sample:,.0f} B")
    report_dump = best(lambda: pickle.dumps(reports, protocol=pickle.HIGHEST_PROTOCOL), 2)
    line("pickling a Report / auditing it (why workers get paths or rows)",
         f"{report_dump / seconds:.2f}x")


def bench_rows(data: batch.SyntheticNational, count: int, workers: int) -> None:
    print(f"\n{count:,} synthetic reports as rows (each worker builds its own reports)")
    rows = batch.synthetic_rows(data, range(count))
    start = timed(lambda: batch.audit_many(batch.synthetic_rows(data, range(8)),
                                           workers=workers))[0]
    line("first call: the fork server started, 8 reports audited", f"{start:.2f} s")
    serial, expected = timed(lambda: batch.audit_many(rows))
    parallel, results = timed(lambda: batch.audit_many(rows, workers=workers))
    same(results, expected)
    speedup("rows", serial, parallel, workers, count)
    printed = sum(r.printed_count for r in expected)
    line(f"rows: printed figures per second per core, workers={workers}",
         f"{printed / parallel / workers:,.0f}/s")
    cpu_cost("rows", lambda: batch.audit_many(rows),
             lambda: batch.audit_many(rows, workers=workers), workers)


def bench_files(data: batch.SyntheticNational, count: int, workers: int) -> None:
    print(f"\n{count:,} report files (each worker reads its own)")
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for row, report in enumerate(batch.synthetic_reports(data, range(count))):
            path = os.path.join(folder, f"satker-{row}.toml")
            kinerja.save_report(report, path)
            paths.append(path)
        serial, expected = timed(lambda: batch.audit_many(paths))
        parallel, results = timed(lambda: batch.audit_many(paths, workers=workers))
        same(results, expected)
        speedup("files", serial, parallel, workers, count)
        cpu_cost("files", lambda: batch.audit_many(paths),
                 lambda: batch.audit_many(paths, workers=workers), workers)


def bench_memory(data: batch.SyntheticNational, count: int, workers: int) -> None:
    print(f"\nmemory of this process, {count:,} reports in {workers} workers (tracemalloc peak)")
    rows = batch.synthetic_rows(data, range(count))

    def streamed() -> int:
        return sum(len(audited.result or ()) for audited in
                   batch.iter_audits(rows, workers=workers))

    def listed() -> int:
        return len(batch.audit_many(rows, workers=workers))

    for name, function in (("streamed with iter_audits", streamed),
                           ("held as a list by audit_many", listed)):
        tracemalloc.start()
        try:
            function()
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        line(f"peak, {name}", f"{peak / 2**20:,.1f} MiB")


def bench_dask(data: batch.SyntheticNational, count: int) -> None:
    import distributed

    print(f"\n{count:,} synthetic reports on a local Dask cluster (2 processes x 1 thread)")
    rows = batch.synthetic_rows(data, range(count))
    serial, expected = timed(lambda: batch.audit_many(rows))
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        batch.audit_many(batch.synthetic_rows(data, range(20)), client=client)  # warm up
        parallel, results = timed(lambda: batch.audit_many(rows, client=client))
    same(results, expected)
    speedup("dask", serial, parallel, 2, count)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the reports")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (2)")
    parser.add_argument("--dask", action="store_true", help="also on a local Dask cluster")
    args = parser.parse_args(argv)
    count = 1_000 if args.quick else 10_000
    print(f"kinerja {kinerja.__version__}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at the start")
    data = batch.synthetic_national(seed=0, satkers=count)
    bench_audit_alone(data, min(count, 2_000))
    bench_rows(data, count, args.workers)
    bench_files(data, count, args.workers)
    bench_memory(data, count, args.workers)
    if args.dask:
        bench_dask(data, count)
    print(f"\nload average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
