"""The synthetic reports of some rows, built where they are audited (in a worker process).

A :class:`SyntheticRows` names rows of a synthetic set instead of holding
reports: :func:`kinerja.batch.audit_many` sends each worker a slice of the
columns (a few kilobytes per hundred rows), never a pickled
:class:`~kinerja.Report`, which costs as much to pickle as to audit.  Docs
page *A whole ministry (batch)*.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import attrs
import numpy as np

from kinerja.batch._reports import build_reports
from kinerja.batch._synthetic import (
    INDICATORS,
    LINE_TYPES,
    BudgetColumns,
    IndicatorColumns,
    SyntheticNational,
)
from kinerja.core._input import to_count
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidTypeError, InvalidValueError
from kinerja.report._model import Report

__all__ = ["RowChunk", "SyntheticRows", "synthetic_rows"]

#: Rows built at a time when the reports are iterated in this process.
BLOCK = 64


@checked
@attrs.frozen(kw_only=True, eq=False)
class SyntheticRows:
    """The synthetic reports of some rows of a synthetic set, built when they are needed.

    Make it with :func:`kinerja.batch.synthetic_rows`.  Iterating builds the
    reports a block at a time (the reports of :func:`synthetic_reports`, in
    the same order); :func:`kinerja.batch.audit_many` with ``workers=`` or
    ``client=`` sends each worker the columns of its rows only.

    Attributes
    ----------
    data : SyntheticNational
        The synthetic set.
    rows : tuple of int
        Its satker-year rows, in order.
    seed : int
        Seed of the mistakes planted in the printed figures.

    Examples
    --------
    >>> from kinerja import batch
    >>> data = batch.synthetic_national(seed=1, satkers=3)
    >>> rows = batch.synthetic_rows(data, range(3))
    >>> len(rows), [r.satker.name for r in rows][-1]
    (3, 'Satker sintetis 3')
    """

    data: SyntheticNational
    rows: tuple[int, ...]
    seed: int = 0

    def __attrs_post_init__(self) -> None:
        size = self.data.satker_years
        outside = [row for row in self.rows if not 0 <= row < size]
        if outside or self.seed < 0:
            raise InvalidValueError(
                f"rows must lie in 0..{size - 1} and the seed be 0 or more",
                field="rows" if outside else "seed", value=outside[:5] or self.seed,
                fix="make it with batch.synthetic_rows(data, rows, seed=...)")

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Report]:
        for start in range(0, len(self.rows), BLOCK):
            yield from self.chunk(start, start + BLOCK).reports()

    def chunk(self, start: int, stop: int) -> RowChunk:
        """The rows at positions *start* to *stop* (excluded), with their columns only.

        Examples
        --------
        >>> from kinerja import batch
        >>> rows = batch.synthetic_rows(batch.synthetic_national(seed=1, satkers=5), range(5))
        >>> part = rows.chunk(2, 4)
        >>> part.first, part.numbers, part.data.satker_years
        (2, (2, 3), 2)
        """
        numbers = self.rows[start:stop]
        return RowChunk(first=start, numbers=numbers, seed=self.seed,
                        data=subset(self.data, numbers))


@checked
@attrs.frozen(kw_only=True, eq=False)
class RowChunk:
    """Some rows of a :class:`SyntheticRows`, with the columns of those rows only.

    What a worker process receives: ``first`` is the position of the first row
    in the whole input, ``numbers`` the rows' numbers in the whole synthetic
    set (their mistakes are drawn at those numbers), ``data`` their columns.
    """

    first: int
    numbers: tuple[int, ...]
    seed: int
    data: SyntheticNational

    def reports(self) -> list[Report]:
        """Build the chunk's reports, as :func:`synthetic_reports` builds them."""
        return build_reports(self.data, range(len(self.numbers)), self.numbers, self.seed)


def subset(data: SyntheticNational, rows: Sequence[int]) -> SyntheticNational:
    """The columns of some satker-year *rows* of *data* (without the scheme columns).

    Examples
    --------
    >>> from kinerja import batch
    >>> data = batch.synthetic_national(seed=1, satkers=4)
    >>> part = subset(data, [3, 1])
    >>> part.satker.tolist(), part.indicators.target.size, part.budget.pagu.size
    ([3, 1], 24, 16)
    """
    picks = np.asarray(rows, dtype=np.int64)
    ind, budget = data.indicators, data.budget
    per_line = len(LINE_TYPES)
    i = (picks[:, None] * INDICATORS + np.arange(INDICATORS)).ravel()
    j = (picks[:, None] * per_line + np.arange(per_line)).ravel()
    local = np.arange(picks.size, dtype=np.int64)
    indicators = IndicatorColumns(
        unit=np.repeat(local, INDICATORS), realization=ind.realization[i],
        target=ind.target[i], target_high=ind.target_high[i], polarity=ind.polarity[i],
        cap=ind.cap[i], missing=ind.missing[i])
    lines = BudgetColumns(unit=np.repeat(local, per_line),
                          spending_type=budget.spending_type[j], pagu=budget.pagu[j],
                          realization=budget.realization[j])
    return SyntheticNational(seed=data.seed, years=data.years, satker=data.satker[picks],
                             year=data.year[picks], indicators=indicators, budget=lines,
                             ikpa={}, nka={})


def synthetic_rows(data: SyntheticNational, rows: Iterable[int], *, seed: int = 0
                   ) -> SyntheticRows:
    """Name the synthetic reports of some rows, to build them where they are audited.

    The reports are those of :func:`synthetic_reports` (same rows, same seed,
    same mistakes), built only when iterated or audited: pass the result to
    :func:`audit_many` (or :func:`iter_audits`) with ``workers=`` and each
    worker process builds its own reports from a slice of the columns.

    Parameters
    ----------
    data : SyntheticNational
        From :func:`synthetic_national`.
    rows : iterable of int
        Satker-year rows (``0 <= row < data.satker_years``).
    seed : int
        Seed of the mistakes planted in the printed figures.

    Returns
    -------
    SyntheticRows
        A sized iterable of :class:`~kinerja.Report`.

    Examples
    --------
    >>> from kinerja import batch
    >>> data = batch.synthetic_national(seed=1, satkers=30)
    >>> lazy = batch.synthetic_rows(data, range(10, 30))
    >>> list(lazy) == batch.synthetic_reports(data, range(10, 30))
    True
    """
    if not isinstance(data, SyntheticNational):
        raise InvalidTypeError("give the set made by synthetic_national()", field="data",
                               value=type(data).__name__,
                               fix="pass the result of batch.synthetic_national(...)")
    if isinstance(rows, str | bytes) or not isinstance(rows, Iterable):
        raise InvalidTypeError("give the rows as a list of ints", field="rows", value=rows,
                               fix="write e.g. rows=range(100)")
    last = data.satker_years - 1
    numbers = tuple(to_count(row, field=f"rows[{i}]", maximum=last)
                    for i, row in enumerate(rows))
    return SyntheticRows(data=data, rows=numbers, seed=to_count(seed, field="seed"))
