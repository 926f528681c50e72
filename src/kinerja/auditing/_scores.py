"""Checking printed IKPA and NKA figures, with or without the component scores.

A printed score figure is judged under the scheme in force in *its* year
(the figure's ``year``, else the report's): a 2020 weight against the 2020
rules.  Summaries (a news item, a circular letter) print a total and its
category, or a table of weights, without the component scores: the weights
are checked against the year's scheme, the category against the printed
final score of that year, and figures that need the components are "cannot
be checked" (severity info), never errors.  A year with no known scheme is
"cannot be checked" too.  A report that names its own scheme file (``[ikpa]
scheme_file``) is judged under that scheme in the years it applies to.
Docs page *The audit* (``docs/audit.md``).
"""

from __future__ import annotations

from decimal import Decimal

from kinerja.auditing._amounts import check_ikpa, check_nka
from kinerja.auditing._compare import Outcome, compare, part
from kinerja.auditing._findings import Severity
from kinerja.auditing._messages import OWN_FIGURES
from kinerja.core._notation import Numeral, format_plain
from kinerja.core._rounding import significant_places
from kinerja.exceptions import KinerjaError
from kinerja.report._model import Report
from kinerja.report._printed import PrintedFigure
from kinerja.schemes._scheme import Scheme
from kinerja.schemes._scoring import ScoreResult

__all__ = ["ScoreChecks"]


def _cannot(template: str, **params: object) -> Outcome:
    return Outcome("cannot-check", Severity.INFO, "n/a", (part(template, **params),), OWN_FIGURES)


class ScoreChecks:
    """Checks the printed IKPA and NKA figures of one report (schemes and scores made once)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self._schemes: dict[tuple[str, int], Scheme | None] = {}
        self._results: dict[str, ScoreResult | None] = {}

    def scheme(self, family: str, year: int) -> Scheme | None:
        """The scheme of *family* ("ikpa" or "nka") in force in *year*, or None if unknown."""
        key = (family, year)
        if key not in self._schemes:
            try:  # the report's own scheme file where it applies, else the year's preset
                self._schemes[key] = self.report.scheme(family, year)
            except KinerjaError:
                self._schemes[key] = None
        return self._schemes[key]

    def result(self, family: str) -> ScoreResult | None:
        """The score of the report's own components (its year), or None without them."""
        if family not in self._results:
            self._results[family] = (self.report.ikpa_score() if family == "ikpa"
                                     else self.report.nka_score())
        return self._results[family]

    def check(self, figure: PrintedFigure) -> Outcome | None:
        """The outcome of one printed IKPA or NKA figure (``None``: it is right)."""
        family, kind = figure.figure.split(".", 1)
        year = figure.year or self.report.year
        scheme = self.scheme(family, year)
        if scheme is None:
            return _cannot("no_scheme", what=family.upper(), year=year)
        result = self.result(family) if year == self.report.year else None
        if result is not None:
            if family == "ikpa":
                return check_ikpa(result, figure, year)
            if kind == "final":
                return check_nka(self.report, figure)
        if kind == "weight":
            return self._weight(figure, scheme, year)
        if kind == "category":
            return self._category(figure, family, scheme, year)
        return _cannot("no_components", what=family.upper(), year=year,
                       figure=figure.figure)

    def _weight(self, figure: PrintedFigure, scheme: Scheme, year: int) -> Outcome | None:
        assert figure.component is not None
        if figure.component not in (c.key for c in scheme.components):
            return Outcome(figure.figure.replace(".", "-"), Severity.ERROR, "n/a",
                           (part("no_figure", what=f"{figure.component!r} ({scheme.label})",
                                 year=year),), scheme.regulation)
        component = scheme.component(figure.component)
        number, places = figure.numbers()[0], significant_places(component.weight)
        if number.places < places and number.value != component.weight:
            # A weight is a defined constant: printed with fewer decimals it is another weight.
            return Outcome(figure.figure.replace(".", "-"), Severity.ERROR,
                           format_plain(component.weight, places),
                           (part("scheme_weight", regulation=scheme.regulation,
                                 name=component.name,
                                 expected=Numeral(component.weight, places)),),
                           scheme.regulation)
        return compare(number, component.weight,
                       rule=figure.figure.replace(".", "-"), source=scheme.regulation,
                       template="scheme_weight", places=significant_places(component.weight),
                       params={"regulation": scheme.regulation, "name": component.name})

    def _category(self, figure: PrintedFigure, family: str, scheme: Scheme,
                  year: int) -> Outcome | None:
        """The category of the final score printed for the same year."""
        finals = [f for f in self.report.printed
                  if f.figure == f"{family}.final" and (f.year or self.report.year) == year]
        if not finals:
            return _cannot("no_printed_score", year=year)
        score: Decimal = finals[0].numbers()[0].value
        band = scheme.band_for(score)
        expected = band.category if band is not None else "n/a"
        if " ".join(figure.text.split()).casefold() == expected.casefold():
            return None
        return Outcome(f"{family}-category", Severity.ERROR, expected,
                       (part("printed_category", regulation=scheme.regulation,
                             score=finals[0].text, expected=expected),), scheme.regulation)
