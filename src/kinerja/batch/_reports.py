"""Many reports at once: synthetic reports to audit, and the findings of many audits.

Docs page *A whole ministry (batch)*.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_DOWN, Decimal
from typing import Any

import numpy as np

from kinerja.auditing._findings import AuditResult
from kinerja.batch._synthetic import INDICATORS, LINE_TYPES, SyntheticNational
from kinerja.budget._lines import BudgetLine
from kinerja.budget._totals import total, totals
from kinerja.core._input import to_count
from kinerja.core._notation import format_number
from kinerja.core._options import Lang
from kinerja.core._polarity import Polarity
from kinerja.exceptions import InvalidTypeError
from kinerja.indicators._achievement import AchievementPolicy
from kinerja.indicators._figures import Realization, Target
from kinerja.indicators._formulas import CAP_120
from kinerja.indicators._indicator import Indicator
from kinerja.report._model import Goal, IndicatorRecord, Report, Satker
from kinerja.report._printed import PrintedFigure

__all__ = ["MISTAKE_SHARE", "build_reports", "findings_table", "synthetic_reports"]

#: Share of printed figures in synthetic reports that carry a mistake for the audit.
MISTAKE_SHARE = 0.05
#: Uniform draws per satker-year row for its mistakes: one per indicator, one per spending
#: type (at most four: 51, 52, 53, 57).
DRAWS = INDICATORS + len(set(LINE_TYPES))


def synthetic_reports(data: SyntheticNational, rows: Iterable[int], *, seed: int = 0
                      ) -> list[Report]:
    """Build reports, with printed figures to audit, for some rows of a synthetic set.

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
    list of Report
        One report per row: its 12 indicators, 8 budget lines and, printed, every
        achievement, every spending type's absorption and the total spending; 5 %
        of the achievements are off by 0.01 and 5 % of the absorptions truncated.

    Examples
    --------
    >>> from kinerja import batch
    >>> data = batch.synthetic_national(seed=1, satkers=3)
    >>> [len(r.indicators) for r in batch.synthetic_reports(data, range(3))]
    [12, 12, 12]
    """
    if not isinstance(data, SyntheticNational):
        raise InvalidTypeError("give the set made by synthetic_national()", field="data",
                               value=type(data).__name__,
                               fix="pass the result of batch.synthetic_national(...)")
    seed = to_count(seed, field="seed")
    if isinstance(rows, str | bytes) or not isinstance(rows, Iterable):
        raise InvalidTypeError("give the rows as a list of ints", field="rows", value=rows,
                               fix="write e.g. rows=range(100)")
    last = len(data.year) - 1
    rows = [to_count(row, field=f"rows[{i}]", maximum=last) for i, row in enumerate(rows)]
    return build_reports(data, rows, rows, seed)


def build_reports(data: SyntheticNational, rows: Sequence[int], numbers: Sequence[int],
                  seed: int) -> list[Report]:
    """The reports of *rows* of *data*, their mistakes drawn for the row *numbers*.

    *numbers* are the rows' numbers in the whole synthetic set (a worker
    process gets a slice of it, :func:`subset`): each row's mistakes come
    from its own place in the seeded stream, so a report is the same whether
    it is built alone, in a chunk or in the whole set.
    """
    mistakes = _Mistakes(seed)
    ind, budget = data.indicators, data.budget
    reports = []
    for row, number in zip(rows, numbers, strict=True):
        draws = mistakes.draws(number)
        year = int(data.year[row])
        capped = not np.isnan(ind.cap[row * INDICATORS])
        policy = AchievementPolicy(cap=CAP_120 if capped else None)
        records, printed = [], []
        for k in range(INDICATORS):
            i = row * INDICATORS + k
            # Floats enter the value types through their converters (shortest repr).
            low, high = float(ind.target[i]), float(ind.target_high[i])
            target = (Target(year=year, value=low) if np.isnan(high)
                      else Target(year=year, low=low, high=high))
            realization = (Realization.not_reported(year) if ind.missing[i]
                           else Realization(year=year, value=float(ind.realization[i])))
            indicator = Indicator(code=f"IKK-{k + 1}", name=f"Indikator {k + 1}",
                                  level="activity", unit="indeks",
                                  polarity=Polarity.from_code(int(ind.polarity[i])))
            records.append(IndicatorRecord(indicator=indicator, goal="SK-1",
                                           targets={year: target},
                                           realizations={year: realization}))
            if realization.value is None:
                continue
            value = policy.raw_and_capped(realization.value, target, indicator.polarity)[1]
            text = format_number(value, 2)
            if draws[k] < MISTAKE_SHARE:
                text = format_number(value + Decimal("0.01"), 2)
            printed.append(PrintedFigure(figure="achievement", indicator=indicator.code,
                                         text=text + "%", where=f"Tabel capaian, baris {k + 1}"))
        lines = [BudgetLine(year=year, spending_type=str(int(budget.spending_type[j])),
                            pagu=int(budget.pagu[j]), realization=int(budget.realization[j]))
                 for j in range(row * len(LINE_TYPES), (row + 1) * len(LINE_TYPES))]
        for n, ((kind,), group) in enumerate(totals(lines, "spending_type").items()):
            absorption = group.absorption
            assert isinstance(absorption, Decimal)
            text = format_number(absorption, 2)
            if draws[INDICATORS + n] < MISTAKE_SHARE:
                text = _truncate(absorption)
            printed.append(PrintedFigure(figure="absorption", breakdown="spending_type",
                                         line=kind.value, text=text,
                                         where=f"Tabel anggaran, {kind.indonesian}"))
        printed.append(PrintedFigure(figure="spending", breakdown="spending_type", line="total",
                                     text=format_number(total(lines).realization, 0),
                                     where="Ikhtisar Eksekutif"))
        reports.append(Report(
            satker=Satker(name=f"Satker sintetis {int(data.satker[row]) + 1}"), year=year,
            goals=[Goal(code="SK-1", level="activity", name="Sasaran kegiatan")],
            indicators=records, policy=policy, budget={"spending_type": lines},
            printed=printed,
        ))
    return reports


class _Mistakes:
    """Uniform draws for the mistakes of each row, at the row's own place in one seeded stream.

    Row *n* takes the draws ``n * DRAWS`` to ``(n + 1) * DRAWS - 1`` of numpy's
    PCG64 under the seed (``advance`` jumps there in a few steps), so any
    subset of rows, in any order and any chunks, gets the same mistakes.
    """

    def __init__(self, seed: int) -> None:
        self._bits = np.random.PCG64(seed)
        self._start = self._bits.state
        self._generator = np.random.Generator(self._bits)
        self._next = 0

    def draws(self, row: int) -> list[float]:
        """The draws of *row*: one per indicator, then one per spending type."""
        if row != self._next:
            self._bits.state = self._start
            self._bits.advance(row * DRAWS)
        self._next = row + 1
        draws: list[float] = self._generator.random(DRAWS).tolist()
        return draws


def _truncate(value: Any) -> str:
    """A figure truncated (not rounded) to 2 decimals, in Indonesian notation."""
    return format_number(value.quantize(Decimal("0.01"), rounding=ROUND_DOWN), 2)


def findings_table(results: Iterable[AuditResult], *, lang: Lang = "en") -> list[dict[str, Any]]:
    """Collect the findings of many audits as rows: satker, year, then the finding's fields.

    Feed the rows to ``pandas.DataFrame`` (or a CSV writer) to filter and count
    findings across a ministry.

    Examples
    --------
    >>> import kinerja
    >>> from kinerja import batch
    >>> rows = batch.findings_table([kinerja.audit(kinerja.example_report())])
    >>> rows[0]["satker"], rows[0]["year"], rows[0]["rule"]
    ('Balai Pemasyarakatan Kelas II Pangkalpinang', 2023, 'achievement-no-target')
    """
    return [{"satker": result.name, "year": result.year, **finding.as_dict(lang)}
            for result in results for finding in result]
