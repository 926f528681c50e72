"""The audit of many reports: here, in worker processes, or on a Dask cluster; streamed.

Workers receive paths of report files or rows of a synthetic set, in chunks,
and build their own reports (:mod:`kinerja.batch._chunks`); a pickled
:class:`~kinerja.Report` would cost as much to send as to audit.  Results come
back in input order through a window of a few chunks per worker, so memory
stays flat however many reports there are.  Docs page *A whole ministry
(batch)*, section *Many reports at once*.
"""

from __future__ import annotations

import collections
import math
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from kinerja.auditing._checks import audit
from kinerja.auditing._findings import AuditResult
from kinerja.batch._chunks import Audited, PathChunk, audit_chunk, audit_path
from kinerja.batch._rows import BLOCK, SyntheticRows
from kinerja.core._extras import optional_import
from kinerja.core._input import to_count
from kinerja.exceptions import InvalidTypeError, InvalidValueError, ValidationError
from kinerja.report._model import Report

__all__ = ["audit_many", "iter_audits"]

#: How worker processes start: a fork server where the platform has one (cheap, and safe
#: in a process that runs threads), else a fresh interpreter each ("spawn").
START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() \
    else "spawn"
#: Chunks in flight per worker: enough to keep each busy, few enough to keep memory flat.
WINDOW = 2
#: The largest default chunk (reports per task), and the chunk of an input of unknown length.
MAX_CHUNK = 64
STREAM_CHUNK = 16
#: The most worker processes.
MAX_WORKERS = 1024

_SOURCES_FIX = ("pass Report objects, paths of report files, or batch.synthetic_rows(data, "
                "rows)")


def iter_audits(reports: Iterable[Report | str | os.PathLike[str]] | SyntheticRows, *,
                workers: int = 1, client: Any = None, chunksize: int | None = None
                ) -> Iterator[Audited]:
    """Audit many reports, yielding each one's :class:`Audited` in input order, as they come.

    Memory stays flat: at most a few chunks per worker are in flight, and a
    result is let go as soon as the caller moves on.  A report that cannot be
    read (a bad file) gives an :class:`Audited` carrying its error, located
    at its path; the others are audited all the same.

    Parameters
    ----------
    reports : iterable of Report, str or path, or SyntheticRows
        :class:`~kinerja.Report` objects (audited in this process only), paths
        of report files (``.toml``; other suffixes are published documents,
        extracted first, as ``kinerja audit`` does), or the rows of a synthetic
        set named by :func:`synthetic_rows`.
    workers : int, default 1
        Worker processes.  1 audits here; with more, each worker reads (or
        builds) its own reports from the paths (or rows) it is sent.
    client : distributed.Client, optional
        A Dask client (``pip install "kinerja[dask]"``): the chunks run as tasks
        on its cluster instead (leave *workers* at 1).
    chunksize : int, optional
        Reports per task; by default about a quarter of the input per worker,
        at most 64 (16 for an input of unknown length).

    Yields
    ------
    Audited
        ``index``, ``source``, and ``result`` (an :class:`~kinerja.AuditResult`)
        or ``error``.

    Raises
    ------
    InvalidTypeError
        Something that is neither a report nor a path; Report objects with
        ``workers`` or ``client`` (pass paths or rows: pickling a report costs
        as much as auditing it); a *client* that is not a Dask client.
    InvalidValueError
        *workers* or *chunksize* below 1, or both *workers* and *client*.

    Examples
    --------
    >>> import kinerja
    >>> from kinerja import batch
    >>> for audited in batch.iter_audits([kinerja.example_path(), "hilang.toml"]):
    ...     print(audited.index, audited.ok, len(audited.result or ()), audited.error)
    0 True 48 None
    1 False 0 hilang.toml: cannot read the report file: no such file. Fix: give the path of \
a UTF-8 TOML report file.
    """
    workers = to_count(workers, field="workers", minimum=1, maximum=MAX_WORKERS)
    if chunksize is not None:
        chunksize = to_count(chunksize, field="chunksize", minimum=1)
    if client is not None and workers != 1:
        raise InvalidValueError("give workers or a Dask client, not both", field="workers",
                                value=workers, fix="leave workers=1 when you pass client=")
    items = _items(reports)
    if client is None and workers == 1:
        return _serial(items)
    if client is not None:
        submit, slots, cancel = _dask(client)
    else:
        submit, slots, cancel = None, workers, None
    size = chunksize or _chunk_size(items, slots)
    chunks = _chunks(items, size)
    return _ordered(chunks, workers, WINDOW * slots, submit, cancel)


def audit_many(reports: Iterable[Report | str | os.PathLike[str]] | SyntheticRows, *,
               workers: int = 1, client: Any = None, chunksize: int | None = None
               ) -> list[AuditResult]:
    """Audit many reports (one per satker-year) with :func:`kinerja.audit`, in input order.

    Each report is audited exactly as :func:`kinerja.audit` does it; collect the
    findings of all of them with :func:`findings_table`.  The parameters are
    those of :func:`iter_audits`, its streaming form (use that one for
    thousands of reports, or to go on past files that cannot be read).

    Raises
    ------
    ValidationError
        Some files could not be read: raised once every other report is
        audited, one member per file, each naming its file.
    InvalidTypeError, InvalidValueError
        As for :func:`iter_audits`.

    Examples
    --------
    >>> from kinerja import batch
    >>> data = batch.synthetic_national(seed=1, satkers=20)
    >>> results = batch.audit_many(batch.synthetic_reports(data, range(20)))
    >>> import collections
    >>> collections.Counter(f.rule for r in results for f in r).most_common(3)
    [('cap-applied', 15), ('achievement', 8), ('rounding-truncated', 5)]

    The same reports built and audited by two worker processes:

    >>> rows = batch.synthetic_rows(data, range(20))
    >>> batch.audit_many(rows, workers=2) == results
    True
    """
    results: list[AuditResult] = []
    failed = []
    for audited in iter_audits(reports, workers=workers, client=client, chunksize=chunksize):
        if audited.result is not None:
            results.append(audited.result)
        elif audited.error is not None:
            failed.append(audited.error)
    if failed:
        raise ValidationError(f"{len(failed)} of {len(results) + len(failed)} reports could "
                              "not be read", failed)
    return results


def _items(reports: Any) -> Iterable[Any]:
    """The input, checked as far as it can be without consuming an iterator."""
    if isinstance(reports, SyntheticRows):
        return reports
    if isinstance(reports, str | bytes | os.PathLike | Report) or not isinstance(
            reports, Iterable):
        raise InvalidTypeError("give a list of reports or of paths", field="reports",
                               value=type(reports).__name__,
                               fix=f"wrap a single one in a list; {_SOURCES_FIX}")
    if isinstance(reports, Sequence):
        for index, item in enumerate(reports):
            _check_item(index, item)
    return reports


def _check_item(index: int, item: Any) -> None:
    if not isinstance(item, Report | str | os.PathLike):
        raise InvalidTypeError(f"expected a Report or a path, not {type(item).__name__} "
                               f"(item {index})", field="report", value=item,
                               fix=_SOURCES_FIX)


def _serial(items: Iterable[Any]) -> Iterator[Audited]:
    """Audit here, one report (or one block of synthetic rows) at a time."""
    if isinstance(items, SyntheticRows):
        for start in range(0, len(items), BLOCK):
            yield from audit_chunk(items.chunk(start, start + BLOCK))
        return
    for index, item in enumerate(items):
        _check_item(index, item)
        if isinstance(item, Report):
            yield Audited(index=index, source=f"reports[{index}]", result=audit(item))
        else:
            yield audit_path(index, os.fspath(item))


def _chunk_size(items: Iterable[Any], slots: int) -> int:
    """About a quarter of the input per worker, at most :data:`MAX_CHUNK`."""
    if not isinstance(items, Sequence | SyntheticRows):
        return STREAM_CHUNK
    return max(1, min(MAX_CHUNK, math.ceil(len(items) / (4 * slots))))


def _chunks(items: Iterable[Any], size: int) -> Iterator[Any]:
    """Cut the input into chunks of *size* (paths, or rows of a synthetic set)."""
    if isinstance(items, SyntheticRows):
        for start in range(0, len(items), size):
            yield items.chunk(start, start + size)
        return
    paths: list[str] = []
    first = 0
    for index, item in enumerate(items):
        _check_item(index, item)
        if isinstance(item, Report):
            raise InvalidTypeError(
                "Report objects are audited in this process only", field="report",
                value=f"item {index}", fix="pass the paths of the report files (or "
                "batch.synthetic_rows) with workers= or client=: each worker reads its own; "
                "pickling a report costs as much as auditing it")
        paths.append(os.fspath(item))
        if len(paths) == size:
            yield PathChunk(first=first, paths=tuple(paths))
            first, paths = index + 1, []
    if paths:
        yield PathChunk(first=first, paths=tuple(paths))


def _ordered(chunks: Iterator[Any], workers: int, window: int,
             submit: Callable[[Any], Any] | None, cancel: Callable[[list[Any]], None] | None
             ) -> Iterator[Audited]:
    """Run the chunks with at most *window* in flight; yield their results in input order."""
    pool = None
    if submit is None:
        context = multiprocessing.get_context(START_METHOD)
        if START_METHOD == "forkserver":
            context.set_forkserver_preload(["kinerja.batch"])
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        submit = _submitter(pool)
    pending: collections.deque[Any] = collections.deque()
    try:
        for chunk in chunks:
            pending.append(submit(chunk))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        if pending and cancel is not None:
            cancel(list(pending))
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _submitter(pool: ProcessPoolExecutor) -> Callable[[Any], Any]:
    def submit(chunk: Any) -> Any:
        return pool.submit(audit_chunk, chunk)

    return submit


def _dask(client: Any) -> tuple[Callable[[Any], Any], int, Callable[[list[Any]], None]]:
    """Submit to a Dask cluster: its submit, its number of worker threads, its cancel."""
    distributed = optional_import("distributed", extra="dask", feature="audit_many(client=)")
    if not isinstance(client, distributed.Client):
        raise InvalidTypeError(f"expected a Dask client, not {type(client).__name__}",
                               field="client", value=client,
                               fix="pass distributed.Client(...) (or leave client out)")
    slots = max(1, sum(client.nthreads().values()))

    def submit(chunk: Any) -> Any:
        return client.submit(audit_chunk, chunk, pure=False)

    def cancel(futures: list[Any]) -> None:
        client.cancel(futures)

    return submit, slots, cancel
