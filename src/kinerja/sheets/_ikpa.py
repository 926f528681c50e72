"""Reading an OM-SPAN IKPA table: each component's Nilai, Bobot and Nilai Akhir, then the totals.

OM-SPAN's IKPA page lists, per component, its score (Nilai), its weight
(Bobot) and the weighted score (Nilai Akhir), then "Nilai Total", "Konversi
Bobot" and "Nilai Akhir (Nilai Total/Konversi Bobot)".  The component scores
are the inputs of :func:`~kinerja.ikpa_scheme`; the rest are printed results,
recomputed and compared: a difference is a :class:`~kinerja.sheets.SheetWarning`.
Docs page *Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from kinerja.core._frozen import FrozenMap
from kinerja.core._input import to_year
from kinerja.core._notation import format_number
from kinerja.core._rounding import decimal_places, round_half_up
from kinerja.core._sentinels import NOT_APPLICABLE, NotApplicable
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidValueError, KinerjaError, ValidationError
from kinerja.report._printed import PrintedFigure
from kinerja.schemes._presets import ikpa_scheme
from kinerja.schemes._scheme import Scheme
from kinerja.schemes._scoring import ScoreResult
from kinerja.sheets._budget import as_layout
from kinerja.sheets._layout import SheetLayout
from kinerja.sheets._rows import SheetWarning
from kinerja.sheets._workbook import find_header, is_blank, normalise, read_figure, read_grid

__all__ = ["IkpaSheet", "read_ikpa_sheet"]

_NOT_APPLICABLE = {"n/a", "na", "t/a", "tidak berlaku", "not applicable"}
_TOTALS = (("nilai total", "total"), ("konversi bobot", "weight_base"),
           ("koreksi bobot", "weight_base"), ("nilai akhir", "final"))


@checked
@attrs.frozen(kw_only=True)
class IkpaSheet:
    """An IKPA table as read: the component scores, the scheme's result, the differences.

    ``values`` are the scores by component key (``NOT_APPLICABLE`` where the
    table says so), ready for a report's ``[ikpa.components]``; ``result`` is
    :meth:`~kinerja.Scheme.score` of them under the year's IKPA scheme;
    ``warnings`` the printed weights, weighted scores and totals that differ;
    ``printed`` every weight, weighted score and total as the sheet prints it,
    for a report's ``[[printed]]``, so that :func:`~kinerja.audit` checks them.

    Examples
    --------
    >>> import kinerja, kinerja.sheets as sheets
    >>> ikpa = sheets.read_ikpa_sheet("tests/fixtures/sheets/ikpa.xlsx", {"notation": "id"},
    ...                               year=2024)
    >>> ikpa.warnings, ikpa.skipped_rows[0]
    ((), 'IKPA!5 aspect')
    >>> for figure in ikpa.printed[-3:]:
    ...     print(figure.figure, figure.text, figure.where)
    ikpa.total 87,93 IKPA!B16
    ikpa.weight_base 90 IKPA!B17
    ikpa.final 97,70 IKPA!B18
    """

    source: str
    sheet: str
    year: int
    values: FrozenMap[str, Decimal | NotApplicable]
    result: ScoreResult
    warnings: tuple[SheetWarning, ...]
    skipped_rows: tuple[str, ...]
    printed: tuple[PrintedFigure, ...] = ()

    def __repr__(self) -> str:
        return (f"IkpaSheet({self.sheet!r}, {self.year}: final {self.result.final}, "
                f"{len(self.warnings)} warning(s))")


def _parts(scheme: Scheme) -> list[tuple[str, str]]:
    """(name, key) of every component and deduction of *scheme*."""
    return [(c.name, c.key) for c in scheme.components] + \
        [(d.name, d.key) for d in scheme.deductions]


def _keys(scheme: Scheme) -> dict[str, str]:
    """Component and deduction names (and keys) → key."""
    keys: dict[str, str] = {}
    for name, key in _parts(scheme):
        keys[normalise(name)] = key
        keys[key.replace("_", " ")] = key
    return keys


def read_ikpa_sheet(path: str | Path, layout: SheetLayout | Mapping[str, Any] | str | Path
                    | None = None, *, year: int, sheet: str | None = None) -> IkpaSheet:
    """Read an OM-SPAN IKPA table and recompute it under the IKPA scheme of *year*.

    Rows are matched to the scheme's components by name ("Revisi DIPA",
    "Deviasi Halaman III DIPA", …, "Dispensasi SPM"); aspect rows ("Kualitas
    Perencanaan Anggaran") are skipped, and named; any other row is an error
    at its cell.  A score written "N/A" or "tidak berlaku" is not applicable.

    Examples
    --------
    >>> import kinerja, kinerja.sheets as sheets
    >>> ikpa = sheets.read_ikpa_sheet("tests/fixtures/sheets/ikpa.xlsx",
    ...                               {"notation": "id"}, year=2024)
    >>> ikpa.values["deviasi_halaman_iii"], kinerja.round_half_up(ikpa.result.final)
    (Decimal('94.18'), Decimal('97.70'))
    """
    chosen = as_layout(layout, "ikpa")
    fiscal = to_year(year, field="year")
    scheme = ikpa_scheme(fiscal)
    grid = read_grid(path, sheet or chosen.sheet)
    header, columns = find_header(grid, chosen.words, chosen.required,
                                  search=chosen.header_search)
    keys = _keys(scheme)
    weights = {component.key for component in scheme.components}
    aspects = {normalise(aspect.name) for aspect in scheme.aspects}
    problems: list[KinerjaError] = []
    values: dict[str, Decimal | NotApplicable] = {}
    printed: dict[str, tuple[str, Decimal]] = {}
    checks: list[tuple[str, str, Decimal | None, str]] = []
    skipped: list[str] = []
    shown_as: list[PrintedFigure] = []

    def keep(what: str, number: int, field: str, component: str | None = None) -> None:
        """The cell's figure for the audit: text as written, a number as stored.

        A number cell is taken to 15 significant digits, so that a computed
        9.001999999999999 is the 9.002 the spreadsheet holds, not a figure of 16
        decimals (its display format is not in the cell values), and written with
        its decimals; three decimals are written as four (14,1270), the same
        value, which no reader takes for a thousands group (14,127 could be 14127).
        """
        value = grid.cell(number, columns[field])
        where = grid.where(number, columns[field])
        if isinstance(value, str):
            text = value.strip()
        else:
            stored = Decimal(f"{value:.15g}") if isinstance(value, float) else Decimal(value)
            places = decimal_places(stored)
            text = format_number(stored, 4 if places == 3 else places, notation="id")
        try:
            shown_as.append(PrintedFigure(figure=f"ikpa.{what}", text=text, year=fiscal,
                                          where=where, component=component))
        except KinerjaError as error:  # e.g. 14,127: a decimal mark or thousands?
            problems.append(error.at(where))

    def figure(number: int, field: str) -> Decimal | NotApplicable | None:
        if field not in columns:
            return None
        value = grid.cell(number, columns[field])
        if isinstance(value, str) and normalise(value) in _NOT_APPLICABLE:
            return NOT_APPLICABLE
        try:
            return read_figure(value, grid.where(number, columns[field]), chosen.notation)
        except KinerjaError as error:
            problems.append(error)
            return None

    for number in range(header + 1, len(grid.rows) + 1):
        if all(is_blank(v) for v in grid.rows[number - 1]):
            continue
        name = normalise(grid.cell(number, columns["component"]))
        total = next((what for words, what in _TOTALS if name.startswith(words)), None)
        if total is not None:
            field = "value"
            shown = figure(number, field)
            if not isinstance(shown, Decimal) and "weighted" in columns:
                field = "weighted"
                shown = figure(number, field)
            if isinstance(shown, Decimal):
                printed[total] = (grid.where(number, columns[field]), shown)
                keep(total, number, field)
            continue
        if name in aspects or not name:
            skipped.append(f"{grid.sheet}!{number} {'aspect' if name else 'no component'}")
            continue
        key = keys.get(name)
        if key is None:
            problems.append(InvalidValueError(
                f"not a component of the IKPA scheme of {fiscal}",
                field=grid.where(number, columns["component"]),
                value=grid.cell(number, columns["component"]),
                fix="use the component's name: " + ", ".join(
                    name for name, _ in _parts(scheme))))
            continue
        value = figure(number, "value")
        if value is not None:
            values[key] = value
        for field in ("weight", "weighted"):
            shown = figure(number, field)
            if isinstance(shown, Decimal):
                checks.append((key, field, shown, grid.where(number, columns[field])))
                if key in weights:
                    keep(field, number, field, key)
    if problems:
        raise ValidationError(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} "
                              f"in {grid.source} [{grid.sheet}]", problems)
    try:
        result = scheme.score(values)
    except KinerjaError as error:
        raise error.at(f"{grid.source} [{grid.sheet}]: {error.field}") from None
    warnings = _compare(scheme, result, values, checks, printed)
    return IkpaSheet(source=grid.source, sheet=grid.sheet, year=fiscal,
                     values=FrozenMap(values), result=result, warnings=tuple(warnings),
                     skipped_rows=tuple(skipped), printed=tuple(shown_as))


def _agrees(printed: Decimal, exact: Decimal) -> bool:
    """Whether a printed figure is the exact one, or it rounded half up to the printed places."""
    return printed == exact or printed == round_half_up(exact, decimal_places(printed))


def _compare(scheme: Scheme, result: ScoreResult, values: Mapping[str, Any],
             checks: list[tuple[str, str, Decimal | None, str]],
             printed: Mapping[str, tuple[str, Decimal]]) -> list[SheetWarning]:
    warnings: list[SheetWarning] = []
    weights = {c.key: c.weight for c in scheme.components}
    for key, field, shown, cell in checks:
        if key not in weights or not isinstance(values.get(key), Decimal) or shown is None:
            continue
        exact = weights[key] if field == "weight" else values[key] * weights[key] / 100
        if not _agrees(shown, exact):
            warnings.append(SheetWarning(
                cell=cell, message=f"the {field} of {key} differs from the scheme's",
                printed=shown, expected=exact))
    for what, (cell, shown) in printed.items():
        exact = getattr(result, what)
        if not _agrees(shown, exact):
            warnings.append(SheetWarning(
                cell=cell, message=f"the printed {what.replace('_', ' ')} differs from the "
                "recomputed one", printed=shown, expected=exact))
    return warnings
