"""Checking printed budget figures and scores: amounts, totals, absorption, IKPA and NKA.

Budget figures are recomputed from the report's budget lines (PMK 214/PMK.02/
2017: sisa = pagu − realisasi, penyerapan = realisasi / pagu × 100); scores
from the scheme of the report's year (docs pages *Budget*, *IKPA*, *SMART DJA
NKA*).  The indicator figures are checked in :mod:`kinerja.auditing._checks`.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from kinerja.auditing._compare import Outcome, Part, compare, exact_text, matches, part
from kinerja.auditing._findings import Severity
from kinerja.auditing._messages import BUDGET, BUDGET_LINES, OWN_FIGURES
from kinerja.budget._lines import BudgetLine, SpendingType
from kinerja.budget._regional import ApbdSpendingGroup, ApbdSpendingType
from kinerja.budget._totals import total
from kinerja.core._notation import Numeral, format_plain
from kinerja.core._rounding import significant_places
from kinerja.core._sentinels import NotApplicable, NotStated
from kinerja.exceptions import KinerjaError
from kinerja.report._model import Report
from kinerja.report._printed import PrintedFigure, PrintedNumber
from kinerja.schemes._scoring import ScoreResult

__all__ = ["check_budget", "check_ikpa", "check_nka", "no_figure"]


def no_figure(what: str, year: int) -> Outcome:
    """The outcome for a printed figure the report gives nothing to check against."""
    return Outcome("unverifiable", Severity.WARNING, "n/a",
                   (part("no_figure", what=what, year=year),), OWN_FIGURES)


def _is_total(figure: PrintedFigure) -> bool:
    return figure.line is not None and (figure.line.strip().lower() == "total"
                                        or " + " in figure.line)


def _named(report: Report, name: str) -> Callable[[BudgetLine], bool] | None:
    """Which lines of the spending-type breakdown a printed line's name means, if any.

    Under the report's chart of accounts: APBN spending types (``"52"``), or
    APBD groups (``"5.1"``, "Belanja Operasi": every kind of the group) and
    kinds (``"5.1.02"``, "Belanja Barang dan Jasa"; Permendagri 90/2019).
    """
    try:
        if report.classification == "apbn":
            kind = SpendingType.parse(name)
            return lambda line: line.spending_type is kind
        try:
            group = ApbdSpendingGroup.parse(name)
            return lambda line: line.spending_group is group
        except KinerjaError:
            regional = ApbdSpendingType.parse(
                name, provisional=report.classification == "apbd-provisional")
            return lambda line: line.spending_type is regional
    except KinerjaError:
        return None


def _lines(report: Report, figure: PrintedFigure, year: int) -> list[BudgetLine] | None:
    """The lines a printed budget figure is about.

    ``"total"`` is all of the year's lines; ``"51 + 52"`` the sum of the lines
    named (a total a report prints for only some lines); any other name one line
    (or, under APBD, a whole group: "Belanja Operasi").
    """
    assert figure.breakdown is not None and figure.line is not None
    lines = [x for x in report.budget[figure.breakdown] if x.year == year]
    if figure.line.strip().lower() == "total":
        return lines
    chosen: list[BudgetLine] = []
    for name in figure.line.split(" + "):
        if figure.breakdown == "spending_type":
            wanted = _named(report, name.strip())
            if wanted is None:
                return None
            named = [x for x in lines if wanted(x)]
        else:
            named = [x for x in lines if getattr(x, figure.breakdown) == name.strip()]
        if not named:
            return None
        chosen += named
    return chosen


def _amount(report: Report, figure: PrintedFigure, kind: str, year: int
            ) -> int | NotStated | None:
    """The pagu or spending of the figure's line (or total) in another year."""
    lines = _lines(report, figure, year)
    if not lines:
        return None
    amounts = total(lines)
    return amounts.pagu if kind == "pagu" else amounts.realization


def _unstated(lines: list[BudgetLine], kind: str, year: int) -> Outcome | None:
    """"Cannot be checked" when an amount the figure needs is not stated on some line."""
    needed = {"pagu": ("pagu",), "spending": ("realization",)}.get(
        kind, ("pagu", "realization"))
    for name in needed:
        if any(isinstance(getattr(line, name), NotStated) for line in lines):
            what = "pagu" if name == "pagu" else "spending"
            return Outcome("cannot-check", Severity.INFO, "n/a",
                           (part("not_stated", what=what, what_id=what, year=year),),
                           OWN_FIGURES)
    return None


def check_budget(report: Report, figure: PrintedFigure, year: int) -> Outcome | None:
    """Check a printed pagu, spending, remainder or absorption of a line or a total.

    A figure over lines whose pagu or realization the report does not state
    (a line with a pagu and no realization yet) cannot be checked: an *info*,
    never an error; a total the report prints for its stated lines only is
    written with the lines it names (``line = "51 + 52"``).
    """
    lines = _lines(report, figure, year)
    if lines is None:
        return Outcome("unknown-line", Severity.ERROR, "n/a",
                       (part("unknown_line", year=year),), BUDGET_LINES)
    kind = figure.figure
    number = figure.numbers()[0]
    if kind == "pagu_awal":
        return _pagu_awal(lines, figure, number)
    unstated = _unstated(lines, kind, year)
    if unstated is not None:
        return unstated
    amounts = total(lines)
    # What the figure needs is stated (checked above); the other amount may not be.
    pagu, spending = (Decimal(x) if isinstance(x, int) else Decimal(0)
                      for x in (amounts.pagu, amounts.realization))
    if kind in ("pagu", "spending"):
        value = pagu if kind == "pagu" else spending
        rule = "budget-total" if _is_total(figure) else "budget-amount"
        template = "budget_total" if _is_total(figure) else "budget_line"
        stated = part(template, expected=Numeral(value, 0), what=kind)

        def diagnose(printed: PrintedNumber) -> Outcome | None:
            """Name another year's figure, or spending above pagu, when they explain it.

            In full Rupiah, at the printed precision: "Rp45,7 miliar" is another
            year's 45.712.345.678.
            """
            extra: list[Part] = [
                part("other_year", year=other) for other in report.budget_years()
                if other != year and isinstance(amount := _amount(report, figure, kind, other),
                                                 int) and matches(printed, Decimal(amount))]
            full = printed.value.scaleb(printed.scale) if printed.scale else printed.value
            over = kind == "spending" and isinstance(amounts.pagu, int) and full > pagu
            if over:
                extra.append(part("over_pagu", pagu=Numeral(pagu, 0)))
            if not extra:
                return None
            chosen = "budget-over-pagu" if over and len(extra) == 1 else rule
            shown = value.scaleb(-printed.scale) if printed.scale else value
            return Outcome(chosen, Severity.ERROR, format_plain(shown, printed.places),
                           (stated, *extra), BUDGET, exact_text(shown))

        return compare(number, value, rule=rule, source=BUDGET, template=template,
                       params={"what": kind}, places=0, diagnose=diagnose)
    amounts_shown = {"pagu": Numeral(pagu, 0), "spending": Numeral(spending, 0)}
    if kind == "remainder":
        return compare(number, pagu - spending, rule="budget-remainder", source=BUDGET,
                       template="remainder", places=0, params=amounts_shown)
    absorption = amounts.absorption
    if isinstance(absorption, NotApplicable | NotStated):
        severity = Severity.WARNING if number.value == 0 else Severity.ERROR
        return Outcome("budget-absorption-not-applicable", severity, "n/a",
                       (part("na_as_zero"),), BUDGET)
    return compare(number, absorption, rule="budget-absorption", source=BUDGET,
                   template="absorption", params=amounts_shown)


def _pagu_awal(lines: list[BudgetLine], figure: PrintedFigure, number: PrintedNumber
               ) -> Outcome | None:
    """A printed pagu awal (before the year's revisions): the lines' pagu awal, all given."""
    if any(line.pagu_awal is None for line in lines):
        return Outcome("cannot-check", Severity.INFO, "n/a",
                       (part("not_stated", what="pagu awal", what_id="pagu awal",
                             year=lines[0].year),), OWN_FIGURES)
    value = Decimal(sum(line.pagu_awal or 0 for line in lines))
    rule = "budget-total" if _is_total(figure) else "budget-amount"
    template = "budget_total" if _is_total(figure) else "budget_line"
    return compare(number, value, rule=rule, source=BUDGET, template=template,
                   params={"what": "pagu awal"}, places=0)


def check_ikpa(result: ScoreResult, figure: PrintedFigure, year: int) -> Outcome | None:
    """Check a printed IKPA figure against the score of the report's components."""
    regulation = result.scheme.regulation
    kind = figure.figure.removeprefix("ikpa.")
    if kind == "category":
        expected = result.category or "n/a"
        if " ".join(figure.text.split()).casefold() == expected.casefold():
            return None
        return Outcome("ikpa-category", Severity.ERROR, expected,
                       (part("ikpa", regulation=regulation, what="category",
                             expected=expected),), regulation)
    value: Decimal | None
    if kind == "aspect":
        assert figure.aspect is not None
        value = result.aspects[figure.aspect]
        what = figure.aspect
    elif kind in ("weighted", "weight"):
        assert figure.component is not None
        if figure.component not in result.components:
            return _deduction(result, figure.component, kind)
        component = result.components[figure.component]
        value = component.weighted if kind == "weighted" else component.weight
        what = f"{component.name} ({'nilai × bobot' if kind == 'weighted' else 'bobot'})"
    else:
        value = {"total": result.total, "final": result.final,
                 "weight_base": result.weight_base}[kind]
        what = {"total": "Nilai Total", "final": "Nilai Akhir",
                "weight_base": "Konversi Bobot"}[kind]
    if value is None:
        return no_figure("IKPA " + kind, year)
    return compare(figure.numbers()[0], value, rule=f"ikpa-{kind.replace('_', '-')}",
                   source=regulation, template="ikpa",
                   params={"regulation": regulation, "what": what},
                   places=significant_places(value) if kind == "weight" else 2)


def _deduction(result: ScoreResult, key: str, kind: str) -> Outcome:
    """A printed weight or weighted value of what the year's scheme makes a deduction.

    The 2024 IKPA (PER-5/PB/2024) turned Dispensasi SPM from a weighted
    component into a deduction: it has no weight and no nilai × bobot.
    """
    regulation = result.scheme.regulation
    deduction = next(d for d in result.scheme.deductions if d.key == key)
    points = result.deductions[key]
    return Outcome(f"ikpa-{kind}", Severity.ERROR, "n/a",
                   (part("deduction", regulation=regulation, name=deduction.name,
                         points=Numeral(points, significant_places(points)),
                         base="Nilai Akhir" if deduction.order == "after_division"
                         else "Nilai Total",
                         what="nilai × bobot" if kind == "weighted" else "bobot"),),
                   deduction.source or regulation)


def check_nka(report: Report, figure: PrintedFigure) -> Outcome | None:
    """Check a printed Nilai Kinerja Anggaran against the report's SMART DJA variables."""
    result = report.nka_score()
    if result is None:
        return no_figure("SMART DJA variables", report.year)
    regulation = result.scheme.regulation
    return compare(figure.numbers()[0], result.final, rule="nka-final", source=regulation,
                   template="ikpa", params={"regulation": regulation,
                                            "what": "Nilai Kinerja Anggaran"})
