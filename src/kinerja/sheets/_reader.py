"""Reading a budget export's data rows: their levels, amounts, budget lines and subtotals.

The rows below the header are read column by column rather than row by row:

1. the code and description of every row as text (:func:`read_texts`); each
   distinct code's level from its shape (:func:`code_level`, once per code);
   the total row (its first text "Jumlah", "TOTAL", ...) ends the data, the
   rows after it are a footer, a first row of column numbers is skipped;
2. every amount column in whole Rupiah at once (:func:`read_amounts`; a cell
   that cannot be read is an error naming it); without a realization column
   the months give it, and a row whose months do not add up to its
   realization is a :class:`SheetWarning`;
3. the tree of the rows (:mod:`kinerja.sheets._spans`): the program, kegiatan
   and RO of each akun row, codes repeated under the same parents (an error),
   and the sums beneath each subtotal, compared with the sheet's (a warning);
4. one :class:`~kinerja.BudgetLine` per akun row, its spending type from the
   account.

Every problem is kept, in sheet order (by row, then as the row reads), and
:func:`~kinerja.sheets.read_budget_export` raises them together.  Docs page
*Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from kinerja.budget._lines import BudgetLine
from kinerja.budget._plain import plain_line, plain_rows
from kinerja.core._frozen import FrozenMap
from kinerja.core._numpy import np
from kinerja.core._ondemand import OnDemand
from kinerja.core._validators import trusted
from kinerja.exceptions import InvalidValueError, KinerjaError, MissingValueError
from kinerja.sheets._columns import AmountColumn, column_cells, read_amounts, read_texts
from kinerja.sheets._layout import SheetLayout
from kinerja.sheets._levels import LEVELS, code_level
from kinerja.sheets._rows import ExportRow, SheetWarning, export_rows
from kinerja.sheets._spans import (
    AKUN,
    DETAIL,
    TOTAL,
    exact_sum,
    first_of_path,
    open_at,
    span_sums,
)
from kinerja.sheets._workbook import Grid, Progress, is_blank, normalise

__all__ = ["Reader"]

#: The first text of the total row: "Jumlah", "TOTAL", "Jumlah Seluruhnya", "Grand Total"
#: (a detail row "Jumlah peserta rapat" is not one).
_TOTAL = re.compile(r"^(?:jumlah|total|grand total)(?: (?:seluruhnya|keseluruhan|total|"
                    r"satker|pagu|belanja|akhir))?$")
#: The letters a total row's text can begin with (a text beginning with another letter or
#: digit is not normalised to be compared).
_TOTAL_FIRST = frozenset("JjTtGg")
_RANKS = {level: rank for rank, level in enumerate(LEVELS)}
_NAMES = (*LEVELS, "detail", "total")
#: Ranks of rows that are not read as data: a code of no known shape, a blank row, a
#: row of column numbers, a footer row after the total.
_BAD, _BLANK, _NUMBERS, _FOOTER = 9, 10, 11, 12
#: The order in which one row's problems arise: its cells, its code, its path, its line.
_CELLS, _CODE, _PATH, _LINE = range(4)
#: The fields of a budget line an export gives, in BudgetLine's order.
_LINE_FIELDS = ("year", "pagu", "realization", "blokir", "program", "activity", "output",
                "account", "name")


def is_total(text: str | None) -> bool:
    """Whether a row whose first text is *text* is the total row.

    >>> is_total("JUMLAH"), is_total("Grand Total"), is_total("Jumlah peserta rapat")
    (True, True, False)
    >>> is_total("(a) Jumlah"), is_total("521211")
    (True, False)
    """
    if text is None or (text[:1].isalnum() and text[:1] not in _TOTAL_FIRST):
        return False  # at once: no total's text begins so ("(1) Jumlah" is normalised)
    return _TOTAL.match(normalise(text)) is not None


class Reader:
    """One read of an export's data rows: the problems, rows, lines and warnings found.

    The sheet's subtotals are compared (``warnings``) only when it reads without a
    problem: :func:`~kinerja.sheets.read_budget_export` raises the problems, and a
    sum over rows that could not be read would say nothing.
    """

    def __init__(self, grid: Grid, layout: SheetLayout, year: int, columns: dict[str, int],
                 months: dict[str, int]) -> None:
        self.grid, self.layout, self.year = grid, layout, year
        self.columns, self.months = columns, months
        self.problems: list[KinerjaError] = []
        self.lines: Sequence[BudgetLine] = ()
        self.warnings: list[SheetWarning] = []
        self.skipped: list[str] = []
        self.rows: Sequence[ExportRow] = ()
        self.month_totals: FrozenMap[str, int] = FrozenMap()
        self.failed: dict[tuple[int, int], KinerjaError] = {}
        self._problems: list[tuple[int, int, int, KinerjaError]] = []
        self._warnings: list[tuple[tuple[int, int, int, int], SheetWarning]] = []

    def read(self, header: int, start: int, progress: Progress | None = None) -> None:
        """Read the rows from *start* (1-based) to the sheet's end; *header* is the header row."""
        if start > header + 1:
            self.skipped.append(f"{self.grid.sheet}!{header + 1} period headings")
        data = self.grid.cells[start - 1:]
        codes = read_texts(column_cells(data, self.columns["code"]))
        descriptions = read_texts(column_cells(data, self.columns["description"]))
        ranks = self._ranks(data, codes, descriptions, start)
        total = np.flatnonzero(ranks == TOTAL)
        end = int(total[0]) + 1 if total.size else len(data)  # the footer is not read
        failed = self.failed
        pagu, realization, blokir, *months_read = read_amounts(
            data[:end], [self.columns["pagu"], self.columns.get("realization"),
                         self.columns.get("blokir"), *self.months.values()],
            sheet=self.grid.sheet, first=start, notation=self.layout.notation,
            scale=self.layout.scale, problems=failed)
        months = dict(zip(self.months, months_read, strict=True))
        ranks = ranks[:end]
        data_rows = ranks <= _BAD
        self._cell_problems(failed, data_rows, start)
        if months:
            realization = self._months(months, realization, data_rows, start)
        for i in np.flatnonzero(ranks == _BAD).tolist():
            self._code_problem(start + i, codes[i])
        kept = np.flatnonzero(ranks < _BAD)
        self._keep(kept, start, ranks, codes, descriptions, (pagu, realization, blokir),
                   months)
        self._tree(kept, start, ranks, codes, descriptions, (pagu, realization, blokir))
        self._problems.sort(key=lambda item: item[:3])
        self.problems = [problem for *_, problem in self._problems]
        self._warnings.sort(key=lambda item: item[0])
        self.warnings = [warning for _, warning in self._warnings]
        if progress is not None:
            progress("read", len(self.grid.cells), len(self.grid.cells))

    def _ranks(self, data: Sequence[Sequence[Any]], codes: list[str | None],
               descriptions: list[str | None], start: int) -> Any:
        """Each row's rank: its code's level, detail, total, or a kind of row that is not data."""
        level_of: dict[str, int] = {}
        for code in set(codes):
            if code is None:
                continue
            if not code[:1].isdigit() and is_total(code):
                level_of[code] = TOTAL
                continue
            try:
                level_of[code] = _RANKS[code_level(code)]
            except KinerjaError:
                level_of[code] = _BAD  # the row says why (each row its own error)
        ranks = np.fromiter(
            (level_of[code] if code is not None else TOTAL if is_total(text) else DETAIL
             for code, text in zip(codes, descriptions, strict=True)),
            dtype=np.int64, count=len(codes))
        for i in np.flatnonzero(ranks == DETAIL).tolist():
            if codes[i] is None and descriptions[i] is None and all(map(is_blank, data[i])):
                ranks[i] = _BLANK
        present = np.flatnonzero(ranks != _BLANK)
        if present.size and present[0] == 0 and _numbering(self.grid.rows[start - 1]):
            ranks[0] = _NUMBERS
            self.skipped.append(f"{self.grid.sheet}!{start} column numbers")
        totals_at = np.flatnonzero(ranks == TOTAL)
        if totals_at.size:
            after = np.arange(len(ranks)) > totals_at[0]
            ranks[after & (ranks != _BLANK)] = _FOOTER
            self.skipped.extend(f"{self.grid.sheet}!{start + i} footer"
                                for i in np.flatnonzero(ranks == _FOOTER).tolist())
        return ranks

    def _cell_problems(self, failed: dict[tuple[int, int], KinerjaError], data_rows: Any,
                       start: int) -> None:
        """Keep the errors of the cells of data rows, in the order a row reads its cells."""
        order = {column: n for n, column in enumerate(
            [self.columns["pagu"], *self.months.values(), self.columns.get("realization"),
             self.columns.get("blokir")]) if column is not None}
        for (row, column), error in failed.items():
            if data_rows[row - start]:
                self._problems.append((row, _CELLS, order[column], error))

    def _months(self, months: dict[str, AmountColumn], realization: AmountColumn,
                data_rows: Any, start: int) -> AmountColumn:
        """The realization with the months' sums where there is no realization column.

        Where there is one, a row whose months do not add up to it is a warning.
        """
        columns = list(months.values())
        some = np.logical_or.reduce([column.given for column in columns])
        large = any(column.ints.dtype == object for column in columns) or max(
            int(np.abs(column.ints).max(initial=0)) for column in columns
        ) * len(columns) >= 2**62  # sums beyond int64: in Python ints
        total = sum((column.ints.astype(object) if large else column.ints
                     for column in columns[1:]),
                    columns[0].ints.astype(object) if large else columns[0].ints)
        if "realization" not in self.columns:
            return AmountColumn(np.where(some, total, realization.ints), some)
        differ = data_rows & some & realization.given & np.not_equal(total, realization.ints)
        column = self.columns.get("realization", self.columns["pagu"])
        for i in np.flatnonzero(differ).tolist():
            self._warn((start + i, 0, 0, 0), SheetWarning(
                cell=self.grid.where(start + i, column), message="the months' realizations "
                "do not add up to the row's realization", printed=int(realization.ints[i]),
                expected=int(total[i])))
        return realization

    def _code_problem(self, number: int, code: str | None) -> None:
        """The error of a code of no known shape, at its row."""
        try:
            code_level(code, field=self.grid.where(number, self.columns["code"]))
        except KinerjaError as error:
            self._problems.append((number, _CODE, 0, error))

    def _keep(self, kept: Any, start: int, ranks: Any, codes: list[str | None],
              descriptions: list[str | None], amounts: tuple[AmountColumn, ...],
              months: dict[str, AmountColumn]) -> None:
        """Keep the data rows, as columns, for :func:`export_rows`."""
        levels = [_NAMES[rank] for rank in np.minimum(ranks, TOTAL).tolist()]  # kept: <= TOTAL
        self.rows = export_rows(start, levels, codes, descriptions, amounts, months,
                                kept.tolist())
        akun = kept[ranks[kept] == AKUN]
        self.month_totals = FrozenMap(
            (key, exact_sum(column.ints[akun][given]))
            for key, column in sorted(months.items(), key=lambda item: int(item[0][1:]))
            if (given := column.given[akun]).any())  # the months some akun row gives

    def _tree(self, kept: Any, start: int, ranks: Any, codes: list[str | None],
              descriptions: list[str | None], amounts: tuple[AmountColumn, ...]) -> None:
        """Paths, budget lines and subtotals of the kept rows (see :mod:`._spans`)."""
        ranks = ranks[kept]
        numbers = (kept + start).tolist()
        kept_codes = [codes[i] for i in kept.tolist()]
        first = first_of_path(ranks, kept_codes)
        for k in np.flatnonzero(first != np.arange(len(kept))).tolist():
            self._problems.append((numbers[k], _PATH, 0, InvalidValueError(
                f"the code is given twice under the same parents (first on row "
                f"{numbers[first[k]]})", field=self.grid.where(numbers[k], self.columns["code"]),
                value=kept_codes[k], fix="remove the repeated row, or correct its code")))
        self._lines(kept, ranks, kept_codes, [descriptions[i] for i in kept.tolist()],
                    numbers, amounts)
        if not self._problems:  # subtotals only matter in a sheet that reads
            pagu, realization = amounts[0].take(kept), amounts[1].take(kept)
            self._subtotals(ranks, numbers, kept_codes, pagu, realization, amounts, kept)

    def _lines(self, kept: Any, ranks: Any, codes: list[str | None],
               descriptions: list[str | None], numbers: list[int],
               amounts: tuple[AmountColumn, ...]) -> None:
        """One budget line per akun row, under its program, kegiatan and RO.

        Every line is checked here; a line whose fields are plainly valid
        (:func:`~kinerja.budget._plain.plain_rows`) is made when first read,
        any other now, through :class:`~kinerja.BudgetLine` itself, which
        raises the error this reader locates at its cell.
        """
        akun = np.flatnonzero(ranks == AKUN)
        rows = kept[akun]
        pagu, realization, blokir = amounts
        given = pagu.given[rows] & realization.given[rows]
        indices = akun.tolist()
        for n in np.flatnonzero(~given).tolist():
            field = "pagu" if not pagu.given[rows[n]] else "realization"
            self._missing(numbers[indices[n]], field)
        akun, rows = akun[given], rows[given]
        indices, cells = akun.tolist(), rows.tolist()
        labels = [*(text or code for text, code in zip(descriptions, codes, strict=True)),
                  None]  # [-1]: no row of that level above
        program, activity, output = (open_at(ranks, _RANKS[level])[akun].tolist()
                                     for level in ("program", "kegiatan", "ro"))
        accounts = [codes[k] for k in indices]
        year = self.year

        def fields(n: int) -> tuple[Any, ...]:
            """Akun row *n*'s line, field by field in BudgetLine's order (made when read)."""
            cell, account, text = cells[n], accounts[n], descriptions[indices[n]]
            return (year, pagu.values[cell], realization.values[cell], blokir.values[cell],
                    labels[program[n]], labels[activity[n]], labels[output[n]], account,
                    f"{account} {text}" if text else account)

        plain = plain_rows(year, pagu.ints[rows], realization.ints[rows], blokir.ints[rows],
                           blokir.given[rows], accounts)
        made: dict[int, BudgetLine] = {}
        refused = []
        for n in np.flatnonzero(~plain).tolist():
            line = self._line(numbers[indices[n]], **dict(zip(_LINE_FIELDS, fields(n),
                                                              strict=True)))
            if line is not None:
                made[n] = line
            else:
                refused.append(n)  # its error is kept: the line is not one of the lines
        order = None  # the lines are the akun rows, but for those refused
        if refused:
            kept_lines = set(range(len(indices))) - set(refused)
            order = sorted(kept_lines)

        def make(j: int) -> BudgetLine:
            n = j if order is None else order[j]
            line = made.get(n) or plain_line(*fields(n))
            if line is None:  # plain_rows and plain_line agree (a test): not reached
                raise AssertionError(f"akun row {numbers[indices[n]]}: no plain line")
            return line

        self.lines = OnDemand(len(indices) - len(refused), make, name="lines")

    def _missing(self, number: int, field: str) -> None:
        """An akun row without its pagu or realization (unless its cell's error says so)."""
        column = self.columns.get(field, self.columns["pagu"])
        if (number, column) not in self.failed:
            self._problems.append((number, _LINE, 0, MissingValueError(
                f"an akun row needs its {field}", field=self.grid.where(number, column),
                value=None, fix="fill the cell (0 if nothing was spent)")))

    def _line(self, number: int, **fields: Any) -> BudgetLine | None:
        """A line its converters and validators check; None, with the error located, if bad."""
        try:
            return trusted(BudgetLine, **fields)
        except KinerjaError as error:
            attribute = (error.field or "").rsplit(".", 1)[-1]
            column = self.columns.get(attribute, self.columns["code"])
            self._problems.append((number, _LINE, 0,
                                   error.at(self.grid.where(number, column))))
            return None

    def _subtotals(self, ranks: Any, numbers: list[int], codes: list[str | None],
                   pagu: list[int | None], realization: list[int | None],
                   amounts: tuple[AmountColumn, ...], kept: Any) -> None:
        """Warn where a subtotal or the total is not the sum of the rows beneath it."""
        given = (amounts[0].given[kept], amounts[1].given[kept])
        ints = (amounts[0].ints[kept], amounts[1].ints[kept])
        sums = span_sums(ranks, ints[0], given[0], ints[1], given[1])
        ends = len(numbers)
        closes = sums.closes.tolist()
        expected = (sums.pagu.tolist(), sums.realization.tolist())
        for k in np.flatnonzero(ranks <= AKUN).tolist():
            when = numbers[closes[k]] if closes[k] < ends else numbers[-1] + 1
            for n, (printed, wanted) in enumerate(((pagu[k], expected[0][k]),
                                                   (realization[k], expected[1][k]))):
                if printed is not None and wanted is not None and printed != wanted:
                    self._compare(numbers[k], (when, 1, -int(ranks[k]), n), n, printed,
                                  wanted, f"the {_NAMES[ranks[k]]} {codes[k]}")
        totals = np.flatnonzero(ranks == TOTAL).tolist()
        if totals and self.lines:
            k = totals[0]
            akun = np.flatnonzero(ranks == AKUN).tolist()
            for n, amount in enumerate((pagu, realization)):
                wanted = sum(amount[i] or 0 for i in akun)  # each akun row gives both
                if (printed := amount[k]) is not None and printed != wanted:
                    self._compare(numbers[k], (numbers[k], 2, 0, n), n, printed, wanted,
                                  "the total row")

    def _compare(self, number: int, when: tuple[int, int, int, int], field: int,
                 printed: int, expected: int, name: str) -> None:
        """A warning that row *number*'s pagu (*field* 0) or realization (1) is not the sum."""
        which = ("pagu", "realization")[field]
        self._warn(when, SheetWarning(
            cell=self.grid.where(number, self.columns.get(which, self.columns["pagu"])),
            message=f"the {which} of {name} differs from the sum of the rows beneath it",
            printed=printed, expected=expected))

    def _warn(self, when: tuple[int, int, int, int], warning: SheetWarning) -> None:
        """Keep *warning*, to be listed in the order the rows raise it (*when*)."""
        self._warnings.append((when, warning))


def _numbering(values: tuple[Any, ...]) -> bool:
    """Whether a row holds only the column numbers 1, 2, 3, … (printed under headers)."""
    numbers = [v for v in values if not is_blank(v)]
    return len(numbers) > 2 and [str(v).strip() for v in numbers] == [
        str(i) for i in range(1, len(numbers) + 1)]
