"""An oracle for the budget export reader: the plain row-by-row reading, kept for the tests.

kinerja reads an export column by column (``kinerja.sheets._reader``: amounts a
column at a time with numpy, the tree of the rows from their ranks).  This is the
first reader it had, which walks the rows one at a time with a stack of the coded
rows whose spans are open, reads every cell with the per-cell reader and builds
every budget line through ``BudgetLine``'s own converters and validators.
``tests/test_sheets_reader.py`` checks that both give the same errors, in the
same order, on any generated sheet, and on a sheet without errors the same rows,
lines, warnings and skipped rows.

One deliberate change is made here too: a code or description stored as a whole
float (``521211.0``, as some tools write numbers) is read as its digits in
openpyxl's cells as well, as it always was in python-calamine's (the first reader
refused the code ``'521211.0'`` from openpyxl only).
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from kinerja import BudgetLine
from kinerja.core._validators import trusted
from kinerja.exceptions import InvalidValueError, KinerjaError, MissingValueError
from kinerja.sheets._layout import SheetLayout
from kinerja.sheets._levels import LEVELS, code_level
from kinerja.sheets._workbook import Grid, as_openpyxl, is_blank, normalise, read_amount

_TOTAL = re.compile(r"^(?:jumlah|total|grand total)(?: (?:seluruhnya|keseluruhan|total|"
                    r"satker|pagu|belanja|akhir))?$")
_AKUN = LEVELS.index("akun")
_QUICK = 10**18
PROGRESS_STEP = 5000


class _Row(NamedTuple):
    """A data row as read (the fields of ExportRow, months as a dict)."""

    row: int
    level: str
    code: str | None
    description: str | None
    pagu: int | None
    realization: int | None
    blokir: int | None
    months: dict[str, int]


class _Open:
    """A coded row whose span is still being read, and the sums of the akun rows in it."""

    __slots__ = ("pagu", "path", "rank", "realization", "row")

    def __init__(self, row: _Row, rank: int, path: tuple[str, ...]) -> None:
        self.row, self.rank, self.path = row, rank, path
        self.pagu: int | None = None
        self.realization: int | None = None

    def add(self, pagu: int | None, realization: int | None) -> None:
        """Add a row beneath to the sums (an amount not given is not added: missing is not 0)."""
        if pagu is not None:
            self.pagu = (self.pagu or 0) + pagu
        if realization is not None:
            self.realization = (self.realization or 0) + realization


class OracleReader:
    """The row-by-row reader: one pass, a stack of the coded rows whose spans are open."""

    def __init__(self, grid: Grid, layout: SheetLayout, year: int, columns: dict[str, int],
                 months: dict[str, int]) -> None:
        self.grid, self.layout, self.year = grid, layout, year
        self.columns, self.months = columns, months
        self.problems: list[KinerjaError] = []
        self.rows: list[tuple[Any, ...]] = []
        self.lines: list[BudgetLine] = []
        self.warnings: list[tuple[Any, ...]] = []
        self.skipped: list[str] = []
        self.stack: list[_Open] = []
        self.paths: dict[tuple[str, ...], int] = {}
        self.failed: set[tuple[int, int]] = set()
        self.levels: dict[str, str] = {}
        self.scale = layout.scale
        self.parents: tuple[_Open | None, dict[str, str | None]] = (None, {})
        self.akun_pagu = self.akun_realization = 0

    def read(self, header: int, start: int, progress: Any = None) -> None:
        """Read the rows from *start* to the sheet's end, one at a time."""
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
        """A code or description; a whole float is its digits (the one deliberate change)."""
        value = as_openpyxl(self.grid.cell(number, self.columns[field]))
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
            self.warnings.append((where, "the months' realizations do not add up to the row's "
                                  "realization", realization, sum(months.values())))
        level = "total" if is_total else "detail"
        if code is not None and not is_total:
            try:
                level = self._level(code, number)
            except KinerjaError as error:
                self.problems.append(error)
                return False
        # Every value was read here, cell by cell, by the strict parser: the row is built
        # without re-checking its annotations (the checks cost more than the row).
        row = _Row(number, level, None if is_total else code, description, pagu, realization,
                   blokir, dict(months))
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

    def _akun(self, row: _Row, number: int) -> None:
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
            self.lines.append(trusted(  # BudgetLine's converters and validators run
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

    def _compare(self, row: _Row, pagu: int | None, realization: int | None,
                 what: str | None) -> None:
        """Warn where the row's pagu or realization is not the sum beneath (*what*: its name)."""
        for field, printed, expected in (("pagu", row.pagu, pagu),
                                         ("realization", row.realization, realization)):
            if printed is not None and expected is not None and printed != expected:
                column = self.columns.get(field, self.columns["pagu"])
                name = what or f"the {row.level} {row.code}"
                self.warnings.append((
                    self.grid.where(row.row, column),
                    f"the {field} of {name} differs from the sum of the rows beneath it",
                    printed, expected))


def _numbering(values: tuple[Any, ...]) -> bool:
    """Whether a row holds only the column numbers 1, 2, 3, … (printed under headers)."""
    numbers = [v for v in values if not is_blank(v)]
    return len(numbers) > 2 and [str(v).strip() for v in numbers] == [
        str(i) for i in range(1, len(numbers) + 1)]
