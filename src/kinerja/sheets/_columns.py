"""A budget export's columns read at once: amounts in whole Rupiah, codes and descriptions.

A realization export holds a hundred thousand rows of a dozen amounts, nearly
all plain whole numbers (python-calamine gives them as floats, ``1200000.0``;
openpyxl as ints).  Those are read a column at a time with numpy: the cells
whose value is a whole number within the exact range, or text that is plainly
one (``"1.200.000"``: :func:`whole_text`), are taken at once (times the
layout's scale); every other cell (a fraction, a currency word, a dash, a
date, a number too large to be exact) goes through the
strict per-cell reader :func:`~kinerja.sheets._workbook.read_amount`, which
names the cell when it cannot be read.  Both give the same value for a cell
(``tests/test_sheets_reader.py`` compares them on any cell).  Docs page
*Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

from kinerja.core._numpy import np
from kinerja.core._parse import Notation
from kinerja.exceptions import KinerjaError
from kinerja.sheets._workbook import address, as_openpyxl, is_blank, read_amount

__all__ = ["AmountColumn", "column_cells", "read_amounts", "read_texts", "whole_text"]

#: Whole floats below this are exact (2**53).
_FLOAT_EXACT = 2.0**53
#: Amounts below this in magnitude are kept in int64 (beyond it, Python ints).
_INT64_KEPT = 2**62
#: The kinds of cell compared with an object array of types, element by element.
_FLOAT: Any = float
_INT: Any = int
_STR: Any = str
_NONE: Any = type(None)


class AmountColumn:
    """One amount column, read: whole Rupiah per row, and which rows give one.

    ``ints`` holds the amounts (0 where not given) as an int64 array, or as
    an object array of Python ints when one is beyond 2**62; ``given`` is a
    boolean array.  A cell that could not be read is not given.
    """

    __slots__ = ("_values", "given", "ints")

    def __init__(self, ints: Any, given: Any) -> None:
        self.ints, self.given = ints, given
        self._values: list[int | None] | None = None

    @property
    def values(self) -> list[int | None]:
        """Every row's amount as a Python int (``None`` if not given); made once, when asked."""
        if self._values is None:
            self._values = self.take(slice(None))
        return self._values

    def item(self, index: int) -> int | None:
        """The amount of row *index*, or ``None`` if not given."""
        return self.values[index]

    def take(self, indices: Any) -> list[int | None]:
        """The amounts of the rows at *indices*, as Python ints (``None`` if not given).

        >>> column, = read_amounts([[5.0], [""], [7.0]], [0], sheet="P", first=1,
        ...                        notation=None, scale=1, problems={})
        >>> column.take(np.array([2, 1, 0]))
        [7, None, 5]
        """
        values: list[int | None] = self.ints[indices].tolist()
        for i in np.flatnonzero(~self.given[indices]).tolist():
            values[i] = None
        return values


def column_cells(rows: Sequence[Sequence[Any]], column: int | None) -> list[Any]:
    """The cells of one column of *rows* (``None`` past a row's end; all ``None`` for none).

    >>> column_cells([(1, 2), (3,)], 1), column_cells([(1,)], None)
    ([2, None], [None])
    """
    if column is None:
        return [None] * len(rows)
    if all(len(row) > column for row in rows):
        return list(map(itemgetter(column), rows))
    return [row[column] if column < len(row) else None for row in rows]


def read_texts(cells: list[Any]) -> list[str | None]:
    """Each cell as text, stripped (``None`` when blank; a whole ``521111.0`` is ``'521111'``).

    >>> read_texts([" 5976 ", "", None, 521111.0])
    ['5976', None, None, '521111']
    """
    return [value.strip() or None if value.__class__ is str else _text(value)
            for value in cells]


def _text(value: Any) -> str | None:
    """A cell that is not text, as text (``None`` when blank)."""
    value = as_openpyxl(value)
    return None if is_blank(value) else str(value).strip()


#: Whole numbers as text that every notation reads alike (digits only), and those that
#: only some read as whole: thousands grouped by dots (Indonesian notation, or undeclared
#: with two dots or more) or by commas (English, or undeclared with two commas or more).
_DIGITS = re.compile(r"[0-9]{1,18}")
_DOTS = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3}){1,5}")
_COMMAS = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3}){1,5}")


def whole_text(text: str, notation: Notation | None) -> int | None:
    """A text cell that is plainly a whole number, read at once; None for any other text.

    What the strict parser (:func:`~kinerja.parse_number`) gives such a text
    under *notation*; every other text (a fraction, a currency word, spaces, an
    ambiguous ``"120.750"`` with no notation declared) is left to it.

    >>> whole_text("1.200.000", "id"), whole_text("1.200.000", None), whole_text("007", "en")
    (1200000, 1200000, 7)
    >>> whole_text("120.750", None), whole_text("1.200.000", "en"), whole_text("Rp 5", "id")
    (None, None, None)
    """
    if _DIGITS.fullmatch(text):
        return int(text)
    if notation != "en" and _DOTS.fullmatch(text) and (notation == "id" or text.count(".") > 1):
        return int(text.replace(".", ""))
    if notation != "id" and _COMMAS.fullmatch(text) and (
            notation == "en" or text.count(",") > 1):
        return int(text.replace(",", ""))
    return None


def read_amounts(rows: Sequence[Sequence[Any]], columns: Sequence[int | None], *, sheet: str,
                 first: int, notation: Notation | None, scale: int,
                 problems: dict[tuple[int, int], KinerjaError]) -> list[AmountColumn]:
    """Every amount of *columns* (0-based; ``None``: not in the sheet) of *rows*, in whole Rupiah.

    *rows* are consecutive sheet rows, the first at row *first*.  Returns one
    :class:`AmountColumn` per column.  A blank cell is not given; a cell that
    cannot be read is not given either, and its error (naming the cell, as
    :func:`~kinerja.sheets._workbook.read_amount` does) goes into *problems*
    under its (row, column).

    >>> problems = {}
    >>> pagu, = read_amounts([[1200000.0], [""], [None], ["1.234,5"], [12], ["x"]], [0],
    ...                      sheet="POK", first=9, notation="id", scale=1000,
    ...                      problems=problems)
    >>> pagu.take(np.arange(6))
    [1200000000, None, None, 1234500, 12000, None]
    >>> [str(error) for error in problems.values()]  # doctest: +ELLIPSIS
    ["POK!A14: not a number ..."]
    """
    count = len(rows)
    present = [column for column in columns if column is not None]
    width = len(present)
    if present and min(map(len, rows), default=0) <= max(present):
        rows = [(*row, *[None] * (max(present) + 1 - len(row))) for row in rows]
    if width == 1:
        flat = list(map(itemgetter(present[0]), rows))
    elif width:
        flat = list(chain.from_iterable(map(itemgetter(*present), rows)))
    else:
        flat = []
    cells: Any = np.array(flat, dtype=object) if flat else np.empty(0, dtype=object)
    ints: Any = np.zeros(len(flat), dtype=np.int64)
    given: Any = np.zeros(len(flat), dtype=bool)
    kinds: Any = np.fromiter(map(type, flat), dtype=object, count=len(flat))
    floats = np.equal(kinds, _FLOAT)
    others: Any = np.flatnonzero(~floats)  # few, from python-calamine: its numbers are floats
    kinds = kinds[others]
    done = np.zeros(len(flat), dtype=bool)
    done[others[np.equal(kinds, _NONE)]] = True
    if floats.any():
        numbers = np.where(floats, cells, 0.0).astype(np.float64)
        whole = floats & (np.abs(numbers) < min(_FLOAT_EXACT, _INT64_KEPT / scale)) & (
            numbers == np.trunc(numbers))  # NaN and infinities are not
        ints[whole] = numbers[whole].astype(np.int64) * scale
        given |= whole
    whole_ints = others[np.equal(kinds, _INT)]
    if whole_ints.size:  # openpyxl: whole numbers as ints
        numbers = cells[whole_ints]
        small = np.asarray((numbers > -_INT64_KEPT // scale) & (numbers < _INT64_KEPT // scale),
                           dtype=bool)
        taken = whole_ints[small]
        ints[taken] = numbers[small].astype(np.int64) * scale
        given[taken] = True
    texts = others[np.equal(kinds, _STR)]
    if texts.size:  # python-calamine: an empty cell is ""; a CSV's every cell is text
        empty = np.equal(cells[texts], "")
        done[texts[empty]] = True
        limit = _INT64_KEPT // scale
        for index in texts[~empty].tolist():
            amount = whole_text(flat[index], notation)
            if amount is not None and amount < limit:
                ints[index] = amount * scale
                given[index] = True
    large: dict[int, int] = {}
    for index in np.flatnonzero(~(done | given)).tolist():  # the strict reader, one by one
        row, column = divmod(index, width)
        row, column = first + row, present[column]
        try:
            amount = read_amount(as_openpyxl(flat[index]), address(sheet, row, column),
                                 notation, scale)
        except KinerjaError as error:
            problems[row, column] = error
            continue
        if amount is None:
            continue
        given[index] = True
        if -_INT64_KEPT < amount < _INT64_KEPT:
            ints[index] = amount
        else:
            large[index] = amount
    ints, given = ints.reshape(count, width), given.reshape(count, width)
    result = [AmountColumn(ints[:, j], given[:, j]) for j in range(width)]
    for index, amount in large.items():  # beyond int64: the column keeps Python ints
        row, j = divmod(index, width)
        if result[j].ints.dtype != object:
            result[j].ints = result[j].ints.astype(object)
        result[j].ints[row] = amount
    found = iter(result)
    return [next(found) if column is not None else
            AmountColumn(np.zeros(count, dtype=np.int64), np.zeros(count, dtype=bool))
            for column in columns]
