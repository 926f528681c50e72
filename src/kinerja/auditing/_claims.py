"""Printed indicator figures beyond one number: units, claimed changes, period tables.

A figure printed in a unit the indicator does not have ("0,7 %" for a rate per
1.000) is a unit mismatch; a claim in words that an indicator rose or improved
("naik", "meningkat") is checked against the realizations of two years; a
period table's printed total and average against its finest periods.  Docs
page *The audit* (``docs/audit.md``).
"""

from __future__ import annotations

import re

from kinerja.auditing._amounts import no_figure
from kinerja.auditing._compare import Outcome, compare, part
from kinerja.auditing._findings import Severity
from kinerja.auditing._messages import ACHIEVEMENT, CKK, COUNTS, PERIODS
from kinerja.budget._efficiency import output_achievement_ckk
from kinerja.core._input import exact
from kinerja.core._l10n import text
from kinerja.core._notation import Numeral
from kinerja.core._rounding import significant_places
from kinerja.core._units import Unit, UnitKind
from kinerja.indicators._assessment import Status
from kinerja.indicators._periods import Aggregation, aggregate_periods, finest_periods
from kinerja.indicators._renstra import direction
from kinerja.report._model import IndicatorRecord, Report
from kinerja.report._printed import PrintedFigure, claimed_change

__all__ = ["achievement_mean", "change", "ckk", "period_summary", "share", "unit_mismatch"]

_PER = re.compile(r"(?:per|/)\s*(\d{1,3}(?:\.\d{3})+|\d+)", re.IGNORECASE)


def unit_mismatch(figure: PrintedFigure, unit: Unit) -> Outcome | None:
    """An error when the printed text states a unit (%, per N) the indicator does not have."""
    if figure.whole:
        return None
    per = _PER.search(figure.text)
    printed: str | None = None
    if "%" in figure.text and unit.kind is not UnitKind.PERCENT:
        printed = "%"
    elif per is not None and (unit.kind is not UnitKind.RATE
                              or int(per.group(1).replace(".", "")) != unit.scale):
        printed = f"per {per.group(1)}"
    if printed is None:
        return None
    return Outcome("unit-mismatch", Severity.ERROR, "n/a",
                   (part("unit_mismatch", printed_unit=printed, unit=str(unit)),), COUNTS)


def change(figure: PrintedFigure, record: IndicatorRecord, year: int) -> Outcome | None:
    """A claim in words that a realization rose, fell, improved or worsened since a year before."""
    earlier = [y for y, r in record.realizations.items() if y < year and r.value is not None]
    now = record.realizations.get(year)
    if not earlier or now is None or now.value is None:
        return no_figure("realizations of two years", year)
    before = record.realizations[max(earlier)].value
    assert before is not None
    moved = direction(before, now.value, record.indicator.polarity)
    value = ("unchanged" if now.value == before
             else "value_up" if now.value > before else "value_down")
    claim = claimed_change(figure.text)
    if claim in (value, moved.value):
        return None
    truth = value if value == "unchanged" else f"{value}_{moved.value}"
    # The truth is in the message, in words of the output's language; no figure to expect.
    return Outcome("change-claim", Severity.ERROR, "n/a",
                   (part("change_claim",
                         before=Numeral(before, min(2, significant_places(before))),
                         after=Numeral(now.value, min(2, significant_places(now.value))),
                         before_year=max(earlier), which=text(f"term.{truth}", "en")),),
                   ACHIEVEMENT)


def period_summary(figure: PrintedFigure, record: IndicatorRecord, year: int
                    ) -> Outcome | None:
    """A period table's printed total ("Jumlah") or mean ("Rata-rata") of its realizations."""
    periods = record.periods.get(year)
    values = finest_periods({key: f.realization.value for key, f in (periods or {}).items()
                             if f.realization is not None and f.realization.value is not None})
    if not values:
        return no_figure("period realizations", year)
    how: Aggregation = "sum" if figure.figure == "period_total" else "mean"
    value = aggregate_periods(values, how)
    return compare(figure.numbers()[0], value, rule=figure.figure.replace("_", "-"),
                   source=PERIODS, template="period_summary",
                   params={"which": how, "periods": ", ".join(values)},
                   places=max(significant_places(v) for v in values.values()))


def achievement_mean(report: Report, figure: PrintedFigure, year: int) -> Outcome | None:
    """A printed "rata-rata capaian": the mean of the reported (capped) achievements.

    The indicators of ``figure.goal`` (or all the report's), those with an
    achievement in *year*; indicators without one (not applicable, missing,
    not stated) are left out and named.
    """
    records = [r for r in report.indicators if figure.goal is None or r.goal == figure.goal]
    if not records:
        return no_figure(f"indicators of goal {figure.goal}", year)
    results = [report.assess(r.code, year) for r in records]
    values = [r.capped for r in results if r.status in (Status.MET, Status.NOT_MET)
              and r.capped is not None]
    if not values:
        return no_figure("achievements", year)
    mean = aggregate_periods(values, "mean")
    return compare(figure.numbers()[0], mean, rule="achievement-mean", source=ACHIEVEMENT,
                   template="achievement_mean",
                   params={"count": len(values),
                           "codes": ", ".join(r.indicator.code for r in results
                                              if r.capped is not None)})


def ckk(report: Report, figure: PrintedFigure, year: int) -> Outcome | None:
    """A printed output achievement CKK (PMK 214/PMK.02/2017): the geometric mean of the CKs.

    The CKs are the raw (uncapped: the regulation's worked example has a CK of
    142 %) achievements of ``figure.goal``'s indicators (or all the report's)
    in *year*, through :func:`kinerja.output_achievement_ckk`; indicators
    without one are left out.
    """
    records = [r for r in report.indicators if figure.goal is None or r.goal == figure.goal]
    if not records:
        return no_figure(f"indicators of goal {figure.goal}", year)
    results = [report.assess(r.code, year) for r in records]
    reported = [r for r in results if r.status in (Status.MET, Status.NOT_MET)
                and r.raw is not None]
    if not reported:
        return no_figure("achievements", year)
    negative = [r.indicator.code for r in reported if r.raw is not None and r.raw < 0]
    if negative:  # a lower-is-better R above 2T: no CK of PMK 214/2017 is negative
        return Outcome("cannot-check", Severity.INFO, "n/a",
                       (part("ckk_negative", codes=", ".join(negative)),), CKK)
    raws = [r.raw for r in reported if r.raw is not None]
    # The CKs are percent; all at most 2 % would read as fractions to the CKK's guard
    # against mixed-up units, so they go as fractions then (the same figures).
    value = (output_achievement_ckk(raws) if max(raws) > 2 else
             output_achievement_ckk([v / 100 for v in raws], ck_unit="fraction"))
    return compare(figure.numbers()[0], value, rule="ckk", source=CKK, template="ckk",
                   params={"count": len(reported),
                           "codes": ", ".join(r.indicator.code for r in reported)})


def share(figure: PrintedFigure) -> Outcome | None:
    """A share printed with its counts ("17 dari 98 satker (17,35 %)"): part / whole × 100."""
    part_count, whole, printed = figure.share_numbers()
    if whole.value == 0 or part_count.value > whole.value:
        return Outcome("share", Severity.ERROR, "n/a",
                       (part("counts", which=f"{part_count.value} / {whole.value}",
                             expected="n/a"),), COUNTS)
    with exact():
        value = part_count.value * 100 / whole.value
    return compare(printed, value, rule="share", source=COUNTS, template="share",
                   params={"part": Numeral(part_count.value, 0),
                           "whole": Numeral(whole.value, 0)})
