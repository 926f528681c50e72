"""Reading a budget realization export (SAKTI / OM-SPAN style) into budget lines.

The header row is found by its words (:class:`~kinerja.sheets.SheetLayout`),
each row's level by the shape of its code (:func:`~kinerja.sheets.code_level`),
amounts are read in Rupiah or in thousands as declared, and every akun row
becomes a :class:`~kinerja.BudgetLine` (its spending type from the akun's first
two digits).  The sheet's own subtotal and total rows are checked against the
akun rows beneath them: a disagreement is a :class:`SheetWarning` in the
result, not an error.  Docs page *Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from kinerja.budget._lines import BudgetLine
from kinerja.budget._totals import BudgetTotal, total
from kinerja.core._frozen import FrozenMap
from kinerja.core._input import to_year
from kinerja.core._validators import checked, trusted
from kinerja.exceptions import InvalidValueError, MissingValueError, ValidationError
from kinerja.sheets._headings import period_columns
from kinerja.sheets._layout import LAYOUTS, SheetLayout, layout_from_dict, load_layout
from kinerja.sheets._reader import Reader
from kinerja.sheets._rows import ExportRow, SheetWarning
from kinerja.sheets._title import title_facts
from kinerja.sheets._workbook import (
    Progress,
    find_header,
    is_blank,
    read_grid,
)

__all__ = ["BudgetExport", "as_layout", "read_budget_export"]

#: The scales' names in a layout and in messages.
_UNITS = {1: ("rupiah", "Rupiah"), 1000: ("ribu", "thousands of Rupiah"),
          1_000_000: ("juta", "millions of Rupiah")}


@checked
@attrs.frozen(kw_only=True)
class BudgetExport:
    """A budget export as read: its rows, the budget lines of its akun rows, and its findings.

    Attributes
    ----------
    lines : sequence of BudgetLine
        One per akun row, with its program, activity (kegiatan) and output
        (RO); every one checked when the export is read, each made when first
        read.
    rows : sequence of ExportRow
        Every data row, in sheet order (the total row included); each
        made when first read (the export keeps them as columns).
    warnings : tuple of SheetWarning
        Subtotals and totals of the sheet that disagree with its akun rows.
    ignored_columns : tuple of str
        Headings of the header row that no field reads ("POK!H7 Sisa").
    skipped_rows : tuple of str
        Rows that are not data, and why ("POK!8 column numbers", "POK!31 footer").
    satker_code, satker_name : str or None
        The satker as the title rows above the header state it
        (``KODE SATKER : 693222``, ``Satker : 693222 - BAPAS ...``), if they do.

    Examples
    --------
    >>> import kinerja.sheets as sheets
    >>> export = sheets.read_budget_export("tests/fixtures/sheets/sakti_export.xlsx", "sakti")
    >>> export.year, export.satker_code, export.header_row, len(export.rows)
    (2024, '693222', 7, 21)
    >>> export.total.pagu, export.warnings
    (2206250000, ())
    """

    source: str
    sheet: str
    year: int
    header_row: int
    rows: Sequence[ExportRow]
    lines: Sequence[BudgetLine]
    warnings: tuple[SheetWarning, ...]
    ignored_columns: tuple[str, ...]
    skipped_rows: tuple[str, ...]
    satker_code: str | None = None
    satker_name: str | None = None
    #: The reader's own sums of the months over the akun rows (None: summed from the rows).
    _months: FrozenMap[str, int] | None = attrs.field(default=None, alias="months",
                                                      eq=False, repr=False)

    def __repr__(self) -> str:
        return (f"BudgetExport({self.sheet!r}, {self.year}: {len(self.lines)} line(s), "
                f"{len(self.warnings)} warning(s))")

    @property
    def total(self) -> BudgetTotal:
        """Pagu and realization of all akun lines."""
        return total(self.lines)

    def realization_by_month(self) -> FrozenMap[str, int]:
        """The realization of each month over all akun rows (``"M1"`` … ``"M12"``).

        The reader sums the month columns as it reads them (``tests/test_sheets.py``
        checks that it gives what summing the rows gives).
        """
        if self._months is not None:
            return self._months
        sums: dict[str, int] = {}
        for row in self.rows:
            if row.level == "akun":
                for key, amount in row.months.items():
                    sums[key] = sums.get(key, 0) + amount
        return FrozenMap(sorted(sums.items(), key=lambda item: int(item[0][1:])))


def as_layout(layout: SheetLayout | Mapping[str, Any] | str | Path | None, kind: str
              ) -> SheetLayout:
    """A layout: a :class:`SheetLayout`, a dict, a built-in name, a TOML path, or the default."""
    if layout is None:
        return SheetLayout(kind=kind)
    if isinstance(layout, SheetLayout):
        result = layout
    elif isinstance(layout, str) and layout in LAYOUTS:
        result = layout_from_dict(LAYOUTS[layout], source=f"layout {layout!r}")
    elif isinstance(layout, Mapping):
        result = layout_from_dict({"kind": kind, **layout})
    else:
        result = load_layout(layout)
    if result.kind != kind:
        raise InvalidValueError(f"the layout is for a {result.kind} sheet", field="layout.kind",
                                value=result.kind, fix=f'use a layout with kind = "{kind}"')
    return result


def read_budget_export(path: str | Path, layout: SheetLayout | Mapping[str, Any] | str | Path
                       | None = None, *, year: int | None = None, sheet: str | None = None,
                       progress: Progress | None = None, engine: str | None = None
                       ) -> BudgetExport:
    """Read a budget realization export (SAKTI / OM-SPAN style) into budget lines.

    Parameters
    ----------
    path : str or Path
        The ``.xlsx`` workbook.
    layout : SheetLayout, dict, name or path of a TOML layout, optional
        The sheet, the heading words of each field, the scale (``"ribu"``
        for thousands of Rupiah) and the notation of numbers stored as text;
        or the name of a built-in layout (:data:`~kinerja.sheets.LAYOUTS`:
        ``"sakti"``, ``"omspan"``).  Default: the words of
        :data:`~kinerja.sheets.BUDGET_COLUMNS`, Rupiah.
    year : int, optional
        The fiscal year (else the layout's, else the one the title rows
        state: ``TA 2024``, ``Tahun Anggaran 2024``).
    sheet : str, optional
        The sheet (else the layout's, else the first).
    progress : callable, optional
        Called as ``progress(stage, done, total)`` while a long sheet is
        loaded (stage ``"load"``) and read (``"read"``); *done* and *total*
        count rows (*total* 0 when not known yet).
    engine : {"calamine", "openpyxl"}, optional
        The library that loads the workbook; default python-calamine where
        it is installed (fast), else openpyxl.  Both read the same cells.

    Returns
    -------
    BudgetExport
        The rows, one :class:`~kinerja.BudgetLine` per akun row, and the
        sheet's subtotals that disagree with its akun rows (warnings).

    Raises
    ------
    ReportFileError
        The file is missing, corrupt, password-protected or empty.
    InvalidValueError
        No header row names the required columns.
    ValidationError
        Cells that cannot be read, unknown code shapes, duplicate codes:
        every one, each named by sheet and A1 address.

    Examples
    --------
    >>> import kinerja.sheets as sheets
    >>> export = sheets.read_budget_export("tests/fixtures/sheets/sakti_export.xlsx",
    ...                                    {"scale": "ribu", "notation": "id"}, year=2024)
    >>> export.lines[0].account, export.lines[0].pagu, export.lines[0].spending_type.value
    ('511111', 1250000000, '51')
    """
    chosen = as_layout(layout, "budget")
    given = year if year is not None else chosen.year
    fiscal = to_year(given, field="year") if given is not None else None
    grid = read_grid(path, sheet or chosen.sheet, progress=progress, engine=engine)
    header, columns = find_header(grid, chosen.words, chosen.required,
                                  search=chosen.header_search)
    facts = title_facts(grid.rows[:header - 1], grid.sheet)
    if facts.scale is not None and facts.scale != chosen.scale:
        raise InvalidValueError(
            f"the title says the amounts are in {_UNITS[facts.scale][1]}, but the layout "
            f"reads them in {_UNITS[chosen.scale][1]}", field=facts.scale_cell,
            value=facts.scale_text,
            fix=f"declare scale = '{_UNITS[facts.scale][0]}' in the layout (the built-in "
            "layout 'sakti' reads thousands, 'omspan' Rupiah), or correct the title")
    if fiscal is None:
        if facts.year is None:
            raise MissingValueError(
                "the fiscal year is not known: the title rows state none", field="year",
                value=None, fix="pass year=2024 (kinerja import: --year 2024), or give year "
                "in the layout")
        fiscal = facts.year
    periods, ignored, start = period_columns(grid, header, columns, months_only=True)
    months = {key: column for (_, key), column in periods.items()}
    if "realization" not in columns and not months:
        raise InvalidValueError(
            "the header row names neither a realization column nor month columns",
            field=f"{grid.sheet}!{header}", value=[str(v) for v in grid.rows[header - 1]
                                                  if not is_blank(v)],
            fix="declare the realization heading (columns = { realization = ['Realisasi'] })")
    reader = Reader(grid, chosen, fiscal, columns, months)
    reader.read(header, start, progress)
    if reader.problems:
        count = len(reader.problems)
        raise ValidationError(f"{count} problem{'s' if count != 1 else ''} in {grid.source} "
                              f"[{grid.sheet}]", reader.problems)
    # Every field was read and checked here: the result is built without re-checking each
    # of its (many) lines against its annotations.
    return trusted(BudgetExport, source=grid.source, sheet=grid.sheet, year=fiscal,
                   header_row=header, rows=reader.rows, lines=reader.lines,
                   warnings=tuple(reader.warnings), ignored_columns=tuple(ignored),
                   skipped_rows=tuple(reader.skipped), satker_code=facts.satker_code,
                   satker_name=facts.satker_name, months=reader.month_totals)


