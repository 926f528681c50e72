"""Checking a printed SAKIP evaluation (LKE, PermenPAN-RB 88/2021): points, total and grade.

Reports and inspectorate letters print the evaluation's component points, its
total and its grade.  Without the answers, a component is checked against its
printed sub-components, the total against the printed components and the grade
against the total (``kinerja.lke_check_printed``, docs page *SAKIP evaluation
(LKE)*); a figure nothing printed determines is "cannot be checked".
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from kinerja import schemes  # its LKE names load when a report prints LKE figures
from kinerja.auditing._compare import Outcome, part
from kinerja.auditing._findings import Severity
from kinerja.auditing._messages import OWN_FIGURES
from kinerja.core._notation import Numeral, format_plain
from kinerja.exceptions import KinerjaError
from kinerja.report._model import Report
from kinerja.report._printed import PrintedFigure

if TYPE_CHECKING:
    from kinerja.schemes._lke_review import LkePrintedFigure

__all__ = ["LkeChecks"]

#: The regulation behind every LKE figure.
_SOURCE = "PermenPAN-RB 88/2021"


def _name(figure: PrintedFigure) -> str:
    """The figure's name for ``lke_check_printed``: total, grade, or the component."""
    names = {"lke.total": "total", "lke.grade": "grade"}
    return names.get(figure.figure, figure.component or "")


class LkeChecks:
    """The printed LKE figures of one report, checked together per year (once)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self._years: dict[int, dict[str, LkePrintedFigure] | Outcome] = {}

    def check(self, figure: PrintedFigure) -> Outcome | None:
        """The outcome of one printed LKE figure (``None``: it is right)."""
        year = figure.year or self.report.year
        if year not in self._years:
            self._years[year] = self._check_year(year)
        results = self._years[year]
        if isinstance(results, Outcome):
            return results
        result = results.get(_name(figure))
        if result is None or result.agrees is None:
            return Outcome("cannot-check", Severity.INFO, "n/a",
                           (part("lke_open", what=_name(figure)),), OWN_FIGURES)
        if result.agrees:
            return None
        presented = result.presented
        shown: Numeral | str
        if isinstance(presented, Decimal):
            places = result.places or 0
            expected, shown = format_plain(presented, places), Numeral(presented, places)
        else:
            expected = shown = str(presented)
        return Outcome(figure.figure.replace(".", "-"), Severity.ERROR, expected,
                       (part("lke", what=_name(figure), expected=shown),), _SOURCE)

    def _check_year(self, year: int) -> dict[str, LkePrintedFigure] | Outcome:
        printed = {_name(f): f.text for f in self.report.printed
                   if f.figure.startswith("lke.") and (f.year or self.report.year) == year}
        try:
            results = schemes.lke_check_printed(printed, scheme=schemes.lke_scheme(year))
        except KinerjaError as error:
            return Outcome("cannot-check", Severity.INFO, "n/a",
                           (part("undefined", error=str(error)),), OWN_FIGURES)
        return {r.figure: r for r in results}
