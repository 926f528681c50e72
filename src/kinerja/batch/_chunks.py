"""What a worker process does: build (or read) the reports of one chunk and audit them.

A chunk is a few paths of report files (:class:`PathChunk`) or a few rows of
a synthetic set (:class:`~kinerja.batch._rows.RowChunk`): cheap to send.  The
worker sends back one :class:`Audited` per report, the audit's result or the
error that kept the report from being audited (a file that cannot be read),
so one bad file never stops the others.  :func:`audit_chunk` is a module-level
function: it runs under every start method of :mod:`multiprocessing`
(``spawn`` included) and on Dask workers.  Docs page *A whole ministry (batch)*.
"""

from __future__ import annotations

import os

import attrs

from kinerja.auditing._checks import audit
from kinerja.auditing._findings import AuditResult
from kinerja.batch._rows import RowChunk
from kinerja.core._validators import checked
from kinerja.documents._extract import extract
from kinerja.exceptions import KinerjaError
from kinerja.report._read import load_report

__all__ = ["Audited", "PathChunk", "audit_chunk", "audit_path"]

#: Suffixes of report files; anything else is a published document, extracted first.
REPORT_FILES = (".toml",)
#: Where to report a bug.
ISSUES = "https://github.com/kinerja/kinerja/issues"


@checked
@attrs.frozen(kw_only=True)
class Audited:
    """One report's audit from :func:`kinerja.batch.iter_audits`: its result, or its error.

    Attributes
    ----------
    index : int
        The report's position in the input (0 for the first).
    source : str
        Where the report came from: the path as given, ``"row 17"`` for row 17
        of a synthetic set, ``"reports[3]"`` for a :class:`~kinerja.Report`.
    result : AuditResult or None
        The audit, as :func:`kinerja.audit` gives it; None when the report could
        not be read.
    error : KinerjaError or None
        Why the report could not be read (the message names the file); None
        when it was audited.
    review : int
        For a published document (PDF, Word, text) extracted first: the
        number of choices of the extractor to review (``kinerja extract``); 0
        for a report file.

    Examples
    --------
    >>> from kinerja import batch
    >>> import kinerja
    >>> first, missing = batch.iter_audits([kinerja.example_path(), "nowhere.toml"])
    >>> first.ok, first.result.name
    (True, 'Balai Pemasyarakatan Kelas II Pangkalpinang')
    >>> missing.ok, missing.source, type(missing.error).__name__
    (False, 'nowhere.toml', 'ReportFileError')
    """

    index: int
    source: str
    result: AuditResult | None = None
    error: KinerjaError | None = None
    review: int = 0

    @property
    def ok(self) -> bool:
        """True when the report was audited (its findings may still list errors)."""
        return self.error is None


@checked
@attrs.frozen(kw_only=True)
class PathChunk:
    """Some report files: ``first`` is the position of the first in the whole input."""

    first: int
    paths: tuple[str, ...]


def audit_path(index: int, path: str) -> Audited:
    """Read (or extract) one file and audit it; a file that cannot be used gives its error.

    A file that trips a bug in kinerja's readers gives an "internal error"
    located at the file, so that one file never stops the audit of the others.

    Examples
    --------
    >>> audit_path(0, "missing.toml").error.field
    'missing.toml'
    """
    try:
        if os.path.splitext(path)[1].lower() in REPORT_FILES:
            report, review = load_report(path), 0
        else:
            extraction = extract(path)
            report, review = extraction.report, len(extraction.review)
    except KinerjaError as error:
        return Audited(index=index, source=path, error=error)
    except Exception as error:  # a bug in kinerja: this file's error, the others go on
        return Audited(index=index, source=path, error=KinerjaError(
            f"internal error ({type(error).__name__}: {error}); this is a bug in kinerja",
            field=path, fix=f"please report it at {ISSUES} with the file"))
    return Audited(index=index, source=path, result=audit(report), review=review)


def audit_chunk(chunk: PathChunk | RowChunk) -> list[Audited]:
    """Audit every report of *chunk*, in order (run in a worker process, or here).

    Examples
    --------
    >>> from kinerja import batch
    >>> rows = batch.synthetic_rows(batch.synthetic_national(seed=1, satkers=9), range(9))
    >>> [(a.index, a.source) for a in audit_chunk(rows.chunk(4, 6))]
    [(4, 'row 4'), (5, 'row 5')]
    """
    if isinstance(chunk, PathChunk):
        return [audit_path(chunk.first + k, path) for k, path in enumerate(chunk.paths)]
    return [Audited(index=chunk.first + k, source=f"row {number}", result=audit(report))
            for k, (number, report) in enumerate(zip(chunk.numbers, chunk.reports(),
                                                     strict=True))]
