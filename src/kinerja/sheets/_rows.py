"""The rows of a budget export: how each is read, checked against its parts, and kept.

One pass over the data rows below the header (:class:`Reader`): each row's
level from the shape of its code, its amounts in whole Rupiah, one
:class:`ExportRow` per row and one :class:`~kinerja.BudgetLine` per akun row;
each subtotal row is compared with the sum of the akun rows beneath it when
its span closes, and a disagreement is a :class:`SheetWarning`, not an error.
:func:`~kinerja.sheets.read_budget_export` runs it.  Docs page
*Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import attrs

from kinerja.budget._lines import BudgetLine
from kinerja.core._frozen import FrozenMap
from kinerja.core._validators import checked, trusted
from kinerja.exceptions import InvalidValueError, KinerjaError, MissingValueError
from kinerja.sheets._layout import SheetLayout
from kinerja.sheets._levels import LEVELS, code_level
from kinerja.sheets._workbook import PROGRESS_STEP, Grid, Progress, is_blank, normalise, read_amount

__all__ = ["ExportRow", "Reader", "SheetWarning"]

#: The first text of the total row: "Jumlah", "TOTAL", "Jumlah Seluruhnya", "Grand Total"
#: (a detail row "Jumlah peserta rapat" is not one).
_TOTAL = re.compile(r"^(?:jumlah|total|grand total)(?: (?:seluruhnya|keseluruhan|total|"
                    r"satker|pagu|belanja|akhir))?$")
_AKUN = LEVELS.index("akun")
#: Whole numbers below this are read without the strict parser (a cell's int is exact).
_QUICK = 10**18


@checked
@attrs.frozen(kw_only=True)
class SheetWarning:
    """A figure of the sheet that disagrees with its own lines (a finding, not an error).

    ``printed`` is the sheet's figure, ``expected`` the sum of the rows beneath it.

    Examples
    --------
    >>> import kinerja.sheets as sheets
    >>> export = sheets.read_budget_export("tests/fixtures/sheets/sakti_wrong_total.xlsx",
    ...                                    "sakti")
    >>> warning = export.warnings[-1]                 # the JUMLAH row's pagu, 1.000 thousand high
    >>> warning.cell, warning.printed - warning.expected
    ('POK!C29', 1000000)
    >>> warning.message
    'the pagu of the total row differs from the sum of the rows beneath it'
    """

    cell: str
    message: str
    printed: int | Decimal
    expected: int | Decimal


@checked
@attrs.frozen(kw_only=True)
class ExportRow:
    """One row of an export as read: its level, code, description and amounts (whole Rupiah).

    *level* is one of the code levels (``"program"`` … ``"akun"``), ``"detail"``
    (a line without a code, under an akun) or ``"total"``; *months* holds the
    realization of each month given (``"M1"`` … ``"M12"``).

    Examples
    --------
    >>> import kinerja.sheets as sheets
    >>> export = sheets.read_budget_export("tests/fixtures/sheets/sakti_export.xlsx", "sakti")
    >>> akun = export.rows[5]
    >>> akun.row, akun.level, akun.code, akun.pagu, akun.months["M12"]
    (14, 'akun', '511111', 1250000000, 104000000)
    >>> total = export.rows[-1]
    >>> total.level, total.description, total.realization
    ('total', 'JUMLAH', 2197852500)
    """

    row: int
    level: str
    code: str | None
    description: str | None
    pagu: int | None
    realization: int | None
    blokir: int | None = None
    months: FrozenMap[str, int] = attrs.field(factory=FrozenMap)


class _Open:
    """A coded row whose span is still being read, and the sums of the akun rows in it."""

    __slots__ = ("pagu", "path", "rank", "realization", "row")

    def __init__(self, row: ExportRow, rank: int, path: tuple[str, ...]) -> None:
        self.row, self.rank, self.path = row, rank, path
        self.pagu: int | None = None
        self.realization: int | None = None

    def add(self, pagu: int | None, realization: int | None) -> None:
        """Add a row beneath to the sums (an amount not given is not added: missing is not 0)."""
        if pagu is not None:
            self.pagu = (self.pagu or 0) + pagu
        if realization is not None:
            self.realization = (self.realization or 0) + realization


class Reader:
    """The state of one pass over an export's data rows."""

    def __init__(self, grid: Grid, layout: SheetLayout, year: int, columns: dict[str, int],
                 months: dict[str, int]) -> None:
        self.grid, self.layout, self.year = grid, layout, year
        self.columns, self.months = columns, months
        self.problems: list[KinerjaError] = []
        self.rows: list[ExportRow] = []
        self.lines: list[BudgetLine] = []
        self.warnings: list[SheetWarning] = []
        self.skipped: list[str] = []
        self.stack: list[_Open] = []
        self.paths: dict[tuple[str, ...], int] = {}
        self.failed: set[tuple[int, int]] = set()
        self.levels: dict[str, str] = {}
        self.scale = layout.scale
        self.parents: tuple[_Open | None, dict[str, str | None]] = (None, {})
        self.akun_pagu = self.akun_realization = 0

    def read(self, header: int, start: int, progress: Progress | None = None) -> None:
        ended = False
        if start > header + 1:
            self.skipped.append(f"{self.grid.sheet}!{header + 1} period headings")
        last = len(self.grid.rows)
        for number in range(start, last + 1):
            if progress is not None and number % PROGRESS_STEP == 0:
                progress("read", number, last)
            values = self.grid.rows[number - 1]
            if is_blank(values[0]) and all(is_blank(v) for v in values):
                continue
            where = f"{self.grid.sheet}!{number}"
            if ended:
                self.skipped.append(f"{where} footer")
            elif number == start and _numbering(values):
                self.skipped.append(f"{where} column numbers")
            else:
                ended = self._row(number)
        self._close(0)
        if progress is not None:
            progress("read", last, last)

    def _text(self, number: int, field: str) -> str | None:
        value = self.grid.cell(number, self.columns[field])
        return None if is_blank(value) else str(value).strip()

    def _amount(self, values: tuple[Any, ...], number: int, column: int | None) -> int | None:
        if column is None or column >= len(values):
            return None
        value = values[column]
        if value is None:
            return None
        if type(value) is int and -_QUICK < value < _QUICK:
            return value * self.scale  # a whole number: what read_amount gives, quickly
        try:
            return read_amount(value, self.grid.where(number, column), self.layout.notation,
                               self.scale)
        except KinerjaError as error:
            self.problems.append(error)
            self.failed.add((number, column))
            return None

    def _level(self, code: str, number: int) -> str:
        """The level of a code (each distinct code's shape is matched once)."""
        level = self.levels.get(code)
        if level is None:
            level = self.levels[code] = code_level(
                code, field=self.grid.where(number, self.columns["code"]))
        return level

    def _row(self, number: int) -> bool:
        """Read one data row; return whether it is the total row (the data's end)."""
        code, description = self._text(number, "code"), self._text(number, "description")
        first = code if code is not None else description
        is_total = first is not None and not first[:1].isdigit() and \
            _TOTAL.match(normalise(first)) is not None
        values = self.grid.rows[number - 1]
        pagu = self._amount(values, number, self.columns["pagu"])
        months = {}
        for key, column in self.months.items():
            amount = self._amount(values, number, column)
            if amount is not None:
                months[key] = amount
        realization = self._amount(values, number, self.columns.get("realization"))
        blokir = self._amount(values, number, self.columns.get("blokir"))
        if realization is None and months and "realization" not in self.columns:
            realization = sum(months.values())
        elif realization is not None and months and sum(months.values()) != realization:
            where = self.grid.where(number, self.columns.get("realization",
                                                             self.columns["pagu"]))
            self.warnings.append(SheetWarning(
                cell=where, message="the months' realizations do not add up to the row's "
                "realization", printed=realization, expected=sum(months.values())))
        level = "total" if is_total else "detail"
        if code is not None and not is_total:
            try:
                level = self._level(code, number)
            except KinerjaError as error:
                self.problems.append(error)
                return False
        # Every value was read here, cell by cell, by the strict parser: the row is built
        # without re-checking its annotations (the checks cost more than the row).
        row = trusted(ExportRow, row=number, level=level, code=None if is_total else code,
                      description=description, pagu=pagu, realization=realization,
                      blokir=blokir, months=FrozenMap(months))
        self.rows.append(row)
        if is_total:
            self._close(0)
            if self.lines:
                self._compare(row, self.akun_pagu, self.akun_realization, "the total row")
            return True
        if level == "detail":
            if self.stack and self.stack[-1].rank == _AKUN:
                self.stack[-1].add(pagu, realization)
            return False
        rank = LEVELS.index(level)
        self._close(rank)
        path = (*(self.stack[-1].path if self.stack else ()), code or "")
        if path in self.paths:
            self.problems.append(InvalidValueError(
                f"the code is given twice under the same parents (first on row "
                f"{self.paths[path]})", field=self.grid.where(number, self.columns["code"]),
                value=code, fix="remove the repeated row, or correct its code"))
        self.paths.setdefault(path, number)
        if level == "akun":
            self._akun(row, number)
        self.stack.append(_Open(row, rank, path))
        return False

    def _akun(self, row: ExportRow, number: int) -> None:
        if row.pagu is None or row.realization is None:
            missing = "pagu" if row.pagu is None else "realization"
            column = self.columns.get(missing, self.columns["pagu"])
            if (number, column) in self.failed:
                return  # the cell's own error says it all
            self.problems.append(MissingValueError(
                f"an akun row needs its {missing}", field=self.grid.where(number, column),
                value=None, fix="fill the cell (0 if nothing was spent)"))
            return
        if self.stack:  # the parent's sums reach the levels above when it closes
            self.stack[-1].add(row.pagu, row.realization)
        self.akun_pagu += row.pagu
        self.akun_realization += row.realization
        top = self.stack[-1] if self.stack else None
        if self.parents[0] is not top or top is None:  # the akun rows of one parent share it
            self.parents = (top, {entry.row.level: entry.row.description or entry.row.code
                                  for entry in self.stack})
        parents = self.parents[1]
        try:
            self.lines.append(trusted(  # BudgetLine's own converters and validators run
                BudgetLine, year=self.year, pagu=row.pagu, realization=row.realization,
                blokir=row.blokir,
                program=parents.get("program"), activity=parents.get("kegiatan"),
                output=parents.get("ro"), account=row.code,
                name=f"{row.code} {row.description or ''}".strip()))
        except KinerjaError as error:
            attribute = (error.field or "").rsplit(".", 1)[-1]
            column = self.columns.get(attribute, self.columns["code"])
            self.problems.append(error.at(self.grid.where(number, column)))

    def _close(self, rank: int) -> None:
        while self.stack and self.stack[-1].rank >= rank:
            entry = self.stack.pop()
            if entry.rank != _AKUN and self.stack:  # an akun's sums are its detail rows'
                self.stack[-1].add(entry.pagu, entry.realization)
            self._compare(entry.row, entry.pagu, entry.realization, None)

    def _compare(self, row: ExportRow, pagu: int | None, realization: int | None,
                 what: str | None) -> None:
        """Warn where the row's pagu or realization is not the sum beneath (*what*: its name)."""
        for field, printed, expected in (("pagu", row.pagu, pagu),
                                         ("realization", row.realization, realization)):
            if printed is not None and expected is not None and printed != expected:
                column = self.columns.get(field, self.columns["pagu"])
                name = what or f"the {row.level} {row.code}"
                self.warnings.append(SheetWarning(
                    cell=self.grid.where(row.row, column),
                    message=f"the {field} of {name} differs from the sum of the rows beneath it",
                    printed=printed, expected=expected))


def _numbering(values: tuple[Any, ...]) -> bool:
    """Whether a row holds only the column numbers 1, 2, 3, … (printed under headers)."""
    numbers = [v for v in values if not is_blank(v)]
    return len(numbers) > 2 and [str(v).strip() for v in numbers] == [
        str(i) for i in range(1, len(numbers) + 1)]
