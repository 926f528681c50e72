"""A report's budget from an export: the breakdowns an LKjIP prints, merged into a report.

The akun lines of a :class:`~kinerja.sheets.BudgetExport` are summed per
breakdown (per spending type, per activity, ...) into the lines a report
file's ``[budget]`` holds (docs page *The report file format*).  Merged into
an existing report, they never silently replace its lines: lines of the same
breakdown and year are a conflict unless ``replace=True``.  Docs page
*Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from kinerja.budget._lines import BudgetLine
from kinerja.core._options import check_choice
from kinerja.core._sentinels import NOT_STATED, NotStated
from kinerja.exceptions import InvalidTypeError, InvalidValueError, MissingValueError
from kinerja.report._model import Report, Satker
from kinerja.sheets._budget import BudgetExport

__all__ = ["BREAKDOWNS", "DEFAULT_BREAKDOWNS", "budget_breakdown", "budget_report",
           "merge_budget"]

#: The breakdowns an export's lines can be summed into (every line carries them).
BREAKDOWNS = ("spending_type", "program", "activity", "output", "account")
#: The breakdowns of the chapter III budget tables: per spending type and per activity.
DEFAULT_BREAKDOWNS = ("spending_type", "activity")
#: The classifications a line of each breakdown keeps when all its akun lines share them.
_KEEP = {"spending_type": (), "program": (), "activity": ("program",),
         "output": ("program", "activity"), "account": ("program", "activity", "output")}


def budget_breakdown(lines: Sequence[BudgetLine], breakdown: str) -> tuple[BudgetLine, ...]:
    """Sum akun lines into one line per value of *breakdown*, in order of first appearance.

    A sum of blokir is given only when every line of its group has one
    (missing is not zero); a line without the classification is an error.

    >>> from kinerja import BudgetLine
    >>> lines = [BudgetLine(year=2024, account="521211", activity="5976", pagu=100,
    ...                     realization=90),
    ...          BudgetLine(year=2024, account="524111", activity="5976", pagu=50,
    ...                     realization=50),
    ...          BudgetLine(year=2024, account="511111", activity="5976", pagu=30,
    ...                     realization=29)]
    >>> [(line.spending_type.value, line.pagu, line.realization)
    ...  for line in budget_breakdown(lines, "spending_type")]
    [('52', 150, 140), ('51', 30, 29)]
    """
    check_choice(breakdown, BREAKDOWNS, "breakdown")
    groups: dict[Any, list[BudgetLine]] = {}
    for line in lines:
        key = getattr(line, breakdown)
        if key is None:
            raise MissingValueError(
                f"the line has no {breakdown}: the export has no row of that level above it",
                field=line.describe(), value=None,
                fix=f"leave {breakdown} out of the breakdowns, or add its row to the export")
        groups.setdefault(key, []).append(line)
    out = []
    for key, group in groups.items():
        kept = {}
        for field in _KEEP[breakdown]:
            values = {getattr(line, field) for line in group}
            if len(values) == 1:
                kept[field] = values.pop()
        blokir = [line.blokir for line in group]
        out.append(BudgetLine(
            year=group[0].year, pagu=_sum([line.pagu for line in group]),
            realization=_sum([line.realization for line in group]),
            blokir=None if None in blokir else sum(b for b in blokir if b is not None),
            **{breakdown: key.value if breakdown == "spending_type" else key}, **kept))
    return tuple(out)


def _sum(amounts: Sequence[Any]) -> Any:
    """The sum of whole-Rupiah amounts; NOT_STATED when any of them is not stated."""
    if any(isinstance(amount, NotStated) for amount in amounts):
        return NOT_STATED
    return sum(amounts)


def _breakdowns(breakdowns: Sequence[str]) -> tuple[str, ...]:
    if isinstance(breakdowns, str) or not breakdowns:
        raise InvalidTypeError("give the breakdowns as a list of names", field="breakdowns",
                               value=breakdowns, fix=f"e.g. {list(DEFAULT_BREAKDOWNS)}")
    return tuple(check_choice(name, BREAKDOWNS, "breakdowns") for name in breakdowns)


def merge_budget(report: Report, export: BudgetExport, *,
                 breakdowns: Sequence[str] = DEFAULT_BREAKDOWNS, replace: bool = False
                 ) -> Report:
    """The report with the export's budget in its breakdowns; everything else kept.

    Parameters
    ----------
    report : Report
        The report to merge into (unchanged: a new report is returned).
    export : BudgetExport
        :func:`~kinerja.sheets.read_budget_export`'s result.
    breakdowns : sequence of str, default ("spending_type", "activity")
        The breakdowns to fill, among :data:`BREAKDOWNS`: the chapter III
        budget tables read ``spending_type`` and ``activity``.
    replace : bool, default False
        Whether the export replaces the report's lines of the same breakdown
        and year.  Without it, such lines are a conflict: an error names them
        and nothing is changed.  Lines of other years are always kept.

    Returns
    -------
    Report
        A new report (checked as a whole, like any report).

    Raises
    ------
    InvalidValueError
        The report already has lines of the export's year in a breakdown.

    Examples
    --------
    >>> import kinerja, kinerja.sheets as sheets
    >>> export = sheets.read_budget_export("tests/fixtures/sheets/sakti_export.xlsx", "sakti")
    >>> report = kinerja.example_report()                    # budget of 2022 and 2023
    >>> merged = sheets.merge_budget(report, export)
    >>> merged.budget_years(), merged.budget_total("spending_type", 2024).pagu
    ([2022, 2023, 2024], 2206250000)
    >>> sheets.merge_budget(merged, export)
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: budget: the report already has budget lines of 2024 \
in spending_type (3 lines), activity (2 lines) (got 2024). Fix: pass replace=True (kinerja \
import budget --replace) to replace them, or merge into another report file.
    """
    if not isinstance(report, Report):
        raise InvalidTypeError("merge into a Report", field="report",
                               value=type(report).__name__, fix="pass kinerja.load_report(path)")
    if not isinstance(export, BudgetExport):
        raise InvalidTypeError("merge a BudgetExport", field="export",
                               value=type(export).__name__,
                               fix="pass kinerja.sheets.read_budget_export(path, layout)")
    names = _breakdowns(breakdowns)
    if not export.lines:
        raise InvalidValueError(
            "the export has no akun line to import", field=f"{export.source} [{export.sheet}]",
            value=len(export.rows), fix="check the layout (its sheet and headings): akun rows "
            "have six-digit codes such as 521211")
    year = export.year
    conflicts = [(name, sum(1 for line in report.budget.get(name, ()) if line.year == year))
                 for name in names]
    conflicts = [(name, count) for name, count in conflicts if count]
    if conflicts and not replace:
        listed = ", ".join(f"{name} ({count} line{'s' if count != 1 else ''})"
                           for name, count in conflicts)
        raise InvalidValueError(
            f"the report already has budget lines of {year} in {listed}", field="budget",
            value=year, fix="pass replace=True (kinerja import budget --replace) to replace "
            "them, or merge into another report file")
    budget = {name: list(lines) for name, lines in report.budget.items()}
    for name in names:
        kept = [line for line in budget.get(name, ()) if line.year != year]
        budget[name] = kept + list(budget_breakdown(export.lines, name))
    return attrs.evolve(report, budget=budget)


def budget_report(export: BudgetExport, *, satker: Satker | str | None = None,
                  year: int | None = None, breakdowns: Sequence[str] = DEFAULT_BREAKDOWNS
                  ) -> Report:
    """A minimal report holding the export's budget: the satker, the year, the breakdowns.

    Parameters
    ----------
    export : BudgetExport
        :func:`~kinerja.sheets.read_budget_export`'s result.
    satker : Satker or str, optional
        The work unit, or its name (the export's satker code is kept).
        Default: the name the export's title rows state; a report needs one.
    year : int, optional
        The report's year (default: the export's).
    breakdowns : sequence of str, default ("spending_type", "activity")
        As for :func:`merge_budget`.

    Examples
    --------
    >>> import kinerja, kinerja.sheets as sheets
    >>> export = sheets.read_budget_export("tests/fixtures/sheets/sakti_export.xlsx", "sakti")
    >>> report = sheets.budget_report(export, satker="Bapas Contoh")
    >>> report.satker.code, report.year, sorted(report.budget)
    ('693222', 2024, ['activity', 'spending_type'])
    >>> kinerja.loads_report(kinerja.dump_report(report)) == report
    True
    """
    if not isinstance(export, BudgetExport):
        raise InvalidTypeError("give a BudgetExport", field="export",
                               value=type(export).__name__,
                               fix="pass kinerja.sheets.read_budget_export(path, layout)")
    if satker is None:
        satker = export.satker_name
    if satker is None:
        raise MissingValueError(
            "the satker's name is not known: the export's title rows do not state it",
            field="satker", value=None, fix="pass satker='Balai ...' (kinerja import budget: "
            "--satker 'Balai ...'), or merge into an existing report file with -o")
    unit = satker if isinstance(satker, Satker) else Satker(name=satker,
                                                            code=export.satker_code)
    base = Report(satker=unit, year=year if year is not None else export.year, goals=(),
                  indicators=())
    return merge_budget(base, export, breakdowns=breakdowns)
