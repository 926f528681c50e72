"""Reading an indicator monitoring sheet into indicator records with their periods.

A monitoring sheet lists indicators with their unit, polarity, yearly target
and a realization per quarter (TW) or month, often with a target per period.
Each row becomes an :class:`~kinerja.IndicatorRecord` whose ``periods`` hold
the figures per period; the year's realization is the named aggregation of
them (an ``Agregasi`` column, or the layout's ``aggregation``) unless the sheet
gives it.  Docs page *Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from kinerja.core._input import to_year
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidValueError, KinerjaError, MissingValueError, ValidationError
from kinerja.indicators._indicator import Indicator
from kinerja.indicators._periods import period_order
from kinerja.report._model import IndicatorRecord
from kinerja.sheets._budget import as_layout
from kinerja.sheets._headings import period_columns
from kinerja.sheets._layout import SheetLayout
from kinerja.sheets._workbook import Grid, find_header, is_blank, read_figure, read_grid

__all__ = ["IndicatorSheet", "read_indicator_sheet"]


@checked
@attrs.frozen(kw_only=True)
class IndicatorSheet:
    """An indicator monitoring sheet as read: one record per indicator row.

    ``ignored_columns`` are headings no field reads ("Monitoring!L4 Keterangan");
    ``skipped_rows`` rows without an indicator, and why.

    Examples
    --------
    >>> import kinerja.sheets as sheets
    >>> sheet = sheets.read_indicator_sheet("tests/fixtures/sheets/monitoring.xlsx",
    ...                                     {"goal": "SK-1"}, year=2024)
    >>> sheet
    IndicatorSheet('Monitoring', 2024: 3 indicator(s))
    >>> sheet.header_row, sheet.ignored_columns, sheet.skipped_rows
    (3, ('Monitoring!A3 No', 'Monitoring!L3 Keterangan'), ('Monitoring!8 no indicator',))
    >>> [record.code for record in sheet.records]
    ['IKK-1', 'IKK-2', 'IKK-3']
    """

    source: str
    sheet: str
    year: int
    header_row: int
    records: tuple[IndicatorRecord, ...]
    ignored_columns: tuple[str, ...]
    skipped_rows: tuple[str, ...]

    def __repr__(self) -> str:
        return f"IndicatorSheet({self.sheet!r}, {self.year}: {len(self.records)} indicator(s))"


def read_indicator_sheet(path: str | Path, layout: SheetLayout | Mapping[str, Any] | str | Path
                         | None = None, *, year: int | None = None,
                         sheet: str | None = None) -> IndicatorSheet:
    """Read an indicator monitoring sheet: indicator, unit, polarity, target, figures per period.

    Parameters
    ----------
    path : str or Path
        The ``.xlsx`` workbook.
    layout : SheetLayout, dict or path of a TOML layout, optional
        Heading words per field (:data:`~kinerja.sheets.INDICATOR_COLUMNS`),
        the notation of numbers stored as text, and the defaults of rows
        without a goal, level or aggregation column (``goal``, ``level``,
        ``aggregation``).
    year : int, optional
        The year of the figures (else the layout's).
    sheet : str, optional
        The sheet (else the layout's, else the first).

    Returns
    -------
    IndicatorSheet
        One :class:`~kinerja.IndicatorRecord` per indicator row.

    Raises
    ------
    ValidationError
        Every cell that cannot be read, named by sheet and A1 address.

    Examples
    --------
    >>> import kinerja.sheets as sheets
    >>> monitoring = sheets.read_indicator_sheet("tests/fixtures/sheets/monitoring.xlsx",
    ...                                          {"goal": "SK-1"}, year=2024)
    >>> record = monitoring.records[0]
    >>> record.code, record.realizations[2024].value          # 11 + 12 + 9 + 15
    ('IKK-1', Decimal('47'))
    """
    chosen = as_layout(layout, "indicators")
    if year is None and chosen.year is None:
        raise MissingValueError("the year of the figures is not known", field="year",
                                value=None, fix="pass year=2024, or give year in the layout")
    fiscal = to_year(year if year is not None else chosen.year, field="year")
    grid = read_grid(path, sheet or chosen.sheet)
    header, columns = find_header(grid, chosen.words, chosen.required,
                                  search=chosen.header_search)
    periods, ignored, start = period_columns(grid, header, columns, months_only=False)
    problems: list[KinerjaError] = []
    records: list[IndicatorRecord] = []
    skipped: list[str] = [f"{grid.sheet}!{header + 1} period headings"] if start > header + 1 \
        else []
    seen: dict[str, int] = {}
    for number in range(start, len(grid.rows) + 1):
        values = grid.rows[number - 1]
        if all(is_blank(v) for v in values):
            continue
        if is_blank(grid.cell(number, columns["indicator"])):
            skipped.append(f"{grid.sheet}!{number} no indicator")
            continue
        try:
            record = _record(grid, number, columns, periods, chosen, fiscal, len(records) + 1)
        except ValidationError as group:
            problems.extend(e for e in group.exceptions if isinstance(e, KinerjaError))
            continue
        except KinerjaError as error:
            problems.append(error)
            continue
        if record.code in seen:
            problems.append(InvalidValueError(
                f"the indicator code is given twice (first on row {seen[record.code]})",
                field=grid.where(number, columns.get("code", columns["indicator"])),
                value=record.code, fix="give each indicator its own code"))
        seen.setdefault(record.code, number)
        records.append(record)
    if problems:
        raise ValidationError(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} "
                              f"in {grid.source} [{grid.sheet}]", problems)
    return IndicatorSheet(source=grid.source, sheet=grid.sheet, year=fiscal, header_row=header,
                          records=tuple(records), ignored_columns=tuple(ignored),
                          skipped_rows=tuple(skipped))


def _record(grid: Grid, number: int, columns: dict[str, int],
            periods: dict[tuple[str, str], int], layout: SheetLayout, year: int,
            position: int) -> IndicatorRecord:
    """The record of one row; every unreadable cell is raised together, each located."""
    errors: list[KinerjaError] = []

    def text(field: str) -> str | None:
        column = columns.get(field)
        value = None if column is None else grid.cell(number, column)
        return None if is_blank(value) else str(value).strip()

    def figure(column: int) -> Decimal | None:
        try:
            return read_figure(grid.cell(number, column), grid.where(number, column),
                               layout.notation)
        except KinerjaError as error:
            errors.append(error)
            return None

    def located(field: str, build: Any) -> Any:
        try:
            return build()
        except KinerjaError as error:
            column = columns.get(field, columns["indicator"])
            errors.append(error.at(grid.where(number, column)))
            return None

    code = text("code") or f"IK-{position}"
    indicator = located("indicator", lambda: Indicator(
        code=code, name=text("indicator") or "", level=layout.level, unit=text("unit") or "",
        polarity=text("polarity") or "higher_is_better"))
    target = figure(columns["target"]) if "target" in columns else None
    realization = figure(columns["realization"]) if "realization" in columns else None
    by_period: dict[str, dict[str, Decimal]] = {}
    for (kind, key), column in sorted(periods.items(), key=lambda item: period_order(
            item[0][1])):
        value = figure(column)
        if value is not None:
            by_period.setdefault(key, {})[kind] = value
    goal = text("goal") or layout.goal
    if goal is None:
        errors.append(MissingValueError(
            "the indicator's goal (sasaran) is not known", field=grid.where(
                number, columns["indicator"]), value=None,
            fix="add a Sasaran column, or declare goal = 'SK-1' in the layout"))
    aggregation = text("aggregation") or layout.aggregation
    if errors or indicator is None or goal is None:
        raise ValidationError(f"row {number}", errors)
    record = located("aggregation" if "aggregation" in columns else "indicator",
                     lambda: IndicatorRecord(
                         indicator=indicator, goal=goal,
                         targets={year: target} if target is not None else {},
                         realizations={year: realization} if realization is not None else {},
                         periods={year: by_period} if by_period else {},
                         aggregation=aggregation))
    if record is None:
        raise ValidationError(f"row {number}", errors)
    assert isinstance(record, IndicatorRecord)
    return record
