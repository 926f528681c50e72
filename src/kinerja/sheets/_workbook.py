"""Opening a workbook, naming its cells, reading their numbers and finding a header row.

The one place the spreadsheet readers touch a workbook library (the optional
extra ``kinerja[xlsx]``, imported when a workbook is opened): python-calamine
where it is installed (fast), else openpyxl in read-only mode; both give the
same :class:`Grid` (the same addresses and values).  Every cell that cannot
be read is named by its sheet and A1 address (``POK!D12``); numbers stored as
text are read by the strict parser of :mod:`kinerja.core._parse`.  Docs page
*Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

import datetime
import os
import re
import warnings
import zipfile
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeAlias, overload

from kinerja.core._extras import optional_import
from kinerja.core._input import to_decimal
from kinerja.core._options import check_choice
from kinerja.core._parse import Notation, parse_number
from kinerja.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    KinerjaError,
    MissingDependencyError,
    ReportFileError,
)
from kinerja.sheets._csv import load_csv

__all__ = ["ENGINES", "PROGRESS_STEP", "Grid", "Progress", "address", "as_openpyxl", "as_path",
           "column_letter", "find_header", "is_blank", "normalise", "read_amount", "read_figure",
           "read_grid"]

#: ``progress(stage, done, total)``: a long read's rows loaded (``"load"``) or read
#: (``"read"``) so far; *total* is 0 while not known.
Progress: TypeAlias = Callable[[str, int, int], None]
#: Rows between two calls of a progress callback.
PROGRESS_STEP = 5000
#: The libraries a workbook is loaded with: the fastest installed (``None``), or one named.
ENGINES = ("calamine", "openpyxl")

#: The first bytes of an OLE2 compound file: an encrypted .xlsx or an old .xls.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DASHES = {"-", "–", "—"}
#: Whole floats below this are exact integers (2**53).
_EXACT = 2.0**53


def column_letter(index: int) -> str:
    """The letters of a 0-based column index: ``0`` is ``A``, ``27`` is ``AB``.

    >>> column_letter(0), column_letter(25), column_letter(27)
    ('A', 'Z', 'AB')
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def address(sheet: str, row: int, column: int) -> str:
    """A cell's place for messages: sheet and A1 address (row 1-based, column 0-based).

    >>> address("POK", 12, 3)
    'POK!D12'
    """
    return f"{sheet}!{column_letter(column)}{row}"


def normalise(value: Any) -> str:
    r"""A heading as compared with layout words: lower case, single spaces, no parentheses.

    >>> normalise("  PAGU\n(Rp ribu) ")
    'pagu'
    """
    if value is None:
        return ""
    text = re.sub(r"\([^)]*\)", " ", str(value))
    return " ".join(text.lower().replace("\u00a0", " ").split()).strip(" .:")


class Grid:
    """The cell values of one sheet, row by row (values only), and its name.

    ``rows[i]`` is the sheet's row ``i + 1``; cells are ``None``, ``int``,
    ``float``, ``str``, ``bool`` or a date, as openpyxl gives them.  ``cells``
    holds the rows as the loader gave them (python-calamine: ``""`` for an
    empty cell, ``3.0`` for 3): the budget reader reads whole columns of them
    at once (:mod:`kinerja.sheets._columns`); ``rows`` converts a row when it
    is first read.
    """

    def __init__(self, sheet: str, rows: Sequence[Sequence[Any]], source: str, *,
                 convert: Callable[[Any], Any] | None = None) -> None:
        self.sheet = sheet
        self.cells = rows
        self.rows: Sequence[tuple[Any, ...]] = (
            rows if convert is None else _Converted(rows, convert))  # type: ignore[assignment]
        self.source = source

    def cell(self, row: int, column: int) -> Any:
        """The value at 1-based *row* and 0-based *column* (``None`` past the row's end)."""
        values = self.rows[row - 1]
        return values[column] if column < len(values) else None

    def where(self, row: int, column: int) -> str:
        """The A1 address of a cell, with the sheet name."""
        return address(self.sheet, row, column)


class _Converted(Sequence[tuple[Any, ...]]):
    """A loader's rows, each converted to openpyxl's values when it is first read."""

    def __init__(self, rows: Sequence[Sequence[Any]], convert: Callable[[Any], Any]) -> None:
        self._rows, self._convert = rows, convert
        self._done: list[tuple[Any, ...] | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._rows)

    def _row(self, index: int) -> tuple[Any, ...]:
        """Row *index* (0-based), converted once."""
        row = self._done[index]
        if row is None:
            row = self._done[index] = tuple(map(self._convert, self._rows[index]))
        return row

    @overload
    def __getitem__(self, index: int) -> tuple[Any, ...]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[Any, ...]]: ...

    def __getitem__(self, index: int | slice) -> tuple[Any, ...] | list[tuple[Any, ...]]:
        if isinstance(index, slice):
            return [self._row(i) for i in range(*index.indices(len(self._rows)))]
        return self._row(range(len(self._rows))[index])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # a view of a list, like the list


def as_path(path: Any, what: str) -> Path:
    """*path* as a :class:`~pathlib.Path`, or an error naming what it should be.

    >>> as_path(5, "workbook")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidTypeError: path: the path of a workbook is a str or a \
pathlib.Path (got 5). Fix: give the file's path.
    """
    if not isinstance(path, str | os.PathLike):
        raise InvalidTypeError(f"the path of a {what} is a str or a pathlib.Path",
                               field="path", value=path, fix="give the file's path")
    return Path(path)


def read_grid(path: str | Path, sheet: str | None = None, *, progress: Progress | None = None,
              engine: str | None = None) -> Grid:
    """Read every cell value of one sheet of an ``.xlsx`` workbook (or of a ``.csv`` file).

    *engine* is ``"calamine"`` (python-calamine), ``"openpyxl"`` (read-only
    mode), or ``None``: calamine where it is installed, else openpyxl.  Both
    give the same grid: empty cells ``None``, whole numbers ``int``, dates
    ``datetime``.  A ``.csv`` file is read by the standard library (every
    field text, its sheet named by the file's stem).  Raises
    :class:`~kinerja.ReportFileError` for a missing, corrupt,
    password-protected (or old ``.xls``) file, and for a workbook without the
    sheet or without any cell.

    >>> grid = read_grid("tests/fixtures/sheets/sakti_export.xlsx", engine="openpyxl")
    >>> grid.sheet, grid.cell(7, 0), grid.cell(8, 2)
    ('POK', 'Kode', 3)
    >>> read_grid("tests/fixtures/sheets/sakti_export.xlsx").rows == grid.rows
    True
    """
    file = as_path(path, "workbook")
    chosen = None if engine is None else check_choice(engine, ENGINES, "engine")
    source = str(file)
    try:
        with file.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise ReportFileError(f"cannot open the workbook: {error.strerror or error}",
                              field=source, fix="check the path") from None
    if head == _OLE2:
        raise ReportFileError(
            "the file is password-protected (encrypted) or an old .xls workbook, not .xlsx",
            field=source, fix="open it in a spreadsheet program, remove the password and "
            "save it as .xlsx (Excel Workbook)")
    convert = None
    rows: list[Any]
    if file.suffix.lower() == ".csv":
        name, rows = load_csv(file, source)  # one sheet: a declared sheet name is not used
    elif (calamine := _calamine(chosen)) is not None:
        name, rows = _load_calamine(calamine, file, sheet, source)
        convert = as_openpyxl
    else:
        name, rows = _load_openpyxl(file, sheet, source, progress)
    while rows and all(is_blank(value) for value in rows[-1]):
        rows.pop()
    if not rows:
        raise ReportFileError("the sheet is empty: it has no cell with a value",
                              field=f"{source} [{name}]",
                              fix="export the data again, or name the sheet that holds it")
    if progress is not None:
        progress("load", len(rows), len(rows))
    return Grid(name, rows, source, convert=convert)


def _calamine(chosen: str | None) -> Any:
    """python-calamine, unless openpyxl is chosen or calamine is not installed (then None)."""
    if chosen == "openpyxl":
        return None
    try:
        return optional_import("python_calamine", extra="xlsx", feature="reading spreadsheets")
    except MissingDependencyError:
        if chosen == "calamine":
            raise
        return None


def _unreadable(error: Exception, source: str, fix: str) -> ReportFileError:
    return ReportFileError(f"not a readable .xlsx workbook ({type(error).__name__}: {error})",
                           field=source, fix=fix)


def _pick(names: list[str], sheet: str | None, source: str) -> str:
    if sheet is None:
        return names[0]
    if sheet in names:
        return sheet
    raise ReportFileError("the workbook has no such sheet", field=source, value=sheet,
                          fix="use one of " + ", ".join(names))


def _load_openpyxl(file: Path, sheet: str | None, source: str, progress: Progress | None
                   ) -> tuple[str, list[tuple[Any, ...]]]:
    openpyxl = optional_import("openpyxl", extra="xlsx", feature="reading spreadsheets")
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it does not read; cell values
            # are unaffected, so these warnings are not the reader's business.
            warnings.simplefilter("ignore", UserWarning)
            book = openpyxl.load_workbook(file, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise _unreadable(error, source, "check that the file is a complete .xlsx export; "
                          "download or save it again") from None
    except Exception as error:  # openpyxl's own InvalidFileException and parse errors
        raise _unreadable(error, source, "save the file as .xlsx (Excel Workbook)") from None
    try:
        name = _pick(list(book.sheetnames), sheet, source)
        worksheet = book[name]
        if progress is None:
            rows = [tuple(row) for row in worksheet.iter_rows(values_only=True)]
        else:
            total = worksheet.max_row or 0
            rows = []
            for row in worksheet.iter_rows(values_only=True):
                rows.append(tuple(row))
                if len(rows) % PROGRESS_STEP == 0:
                    progress("load", len(rows), total)
    finally:
        book.close()
    return name, rows


def _load_calamine(calamine: Any, file: Path, sheet: str | None, source: str
                   ) -> tuple[str, list[list[Any]]]:
    """The sheet's rows as python-calamine gives them (converted when read: :class:`Grid`)."""
    try:
        book = calamine.CalamineWorkbook.from_path(str(file))
        name = _pick(list(book.sheet_names), sheet, source)
        values = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except ReportFileError:
        raise
    except OSError as error:
        raise ReportFileError(f"cannot open the workbook: {error.strerror or error}",
                              field=source, fix="check the path") from None
    except Exception as error:  # calamine's own errors: a damaged zip or XML
        raise _unreadable(error, source, "check that the file is a complete .xlsx export; "
                          "download or save it again") from None
    return name, values


def as_openpyxl(value: Any) -> Any:
    """A calamine cell as openpyxl gives it: "" is None, 3.0 is 3, a date a datetime.

    A whole float from 2**53 on stays a float, as openpyxl reads ``1E+23``: its
    int would be the float's binary value (99999999999999991611392), not the
    number the sheet shows.

    >>> as_openpyxl(""), as_openpyxl(3.0), as_openpyxl(2.5), as_openpyxl("Pagu")
    (None, 3, 2.5, 'Pagu')
    >>> as_openpyxl(1e23)
    1e+23
    """
    kind = type(value)
    if kind is float:
        return int(value) if value.is_integer() and -_EXACT < value < _EXACT else value
    if kind is str:
        return value or None
    if kind is datetime.date:
        return datetime.datetime(value.year, value.month, value.day)
    return value


def find_header(grid: Grid, words: Mapping[str, tuple[str, ...]], required: tuple[str, ...],
                *, search: int) -> tuple[int, dict[str, int]]:
    """Find the header row by its words: the first row where every required field is named.

    Returns the 1-based row and the column of every field found in it.  A
    heading matches a field when, normalised (:func:`normalise`), it equals
    one of the field's words.  No such row within the first *search* rows is
    an :class:`~kinerja.InvalidValueError` naming the closest row and what it
    lacks.
    """
    best: tuple[int, int, list[str]] = (0, 0, list(required))
    for number, values in enumerate(grid.rows[:search], start=1):
        found = _match(values, words)
        lacking = [field for field in required if field not in found]
        if not lacking:
            return number, found
        if len(required) - len(lacking) > best[1]:
            best = (number, len(required) - len(lacking), lacking)
    wanted = "; ".join(f"{field}: {' / '.join(words[field])}" for field in required)
    closest = (f"; row {best[0]} comes closest but lacks {', '.join(best[2])}"
               if best[0] else "")
    last = column_letter(max((len(r) for r in grid.rows[:search]), default=1) - 1)
    raise InvalidValueError(
        f"no header row names every required column in the first {search} rows{closest}",
        field=f"{grid.sheet}!A1:{last}{min(search, len(grid.rows))}", value=wanted,
        fix="declare the words of the sheet's headings in the layout's columns "
        "(e.g. columns = { pagu = ['Pagu DIPA'] }), or raise header_search")


def _match(values: tuple[Any, ...], words: Mapping[str, tuple[str, ...]]) -> dict[str, int]:
    found: dict[str, int] = {}
    lookup = {normalise(word): field for field, options in words.items() for word in options}
    for column, value in enumerate(values):
        field = lookup.get(normalise(value))
        if field is not None and field not in found:
            found[field] = column
    return found


def is_blank(value: Any) -> bool:
    """Whether a cell holds nothing (``None`` or only spaces)."""
    return value is None or (isinstance(value, str) and not value.strip())


def read_figure(value: Any, where: str, notation: Notation | None) -> Decimal | None:
    """A cell's number, exactly: numeric cells as they are, text by the strict parser.

    Blank cells are ``None``.  Text in Indonesian notation (``"1.234,5"``)
    is read by :func:`~kinerja.parse_number`; an unreadable cell raises a
    :class:`~kinerja.NumberFormatError` whose field is the cell's address.

    >>> read_figure("1.234,5", "POK!D9", None), read_figure(75, "POK!D9", None)
    (Decimal('1234.5'), Decimal('75'))
    """
    if is_blank(value):
        return None
    if isinstance(value, str):
        text = value.strip()
        if text in _DASHES:
            raise InvalidValueError(
                "a dash is not a number", field=where, value=value,
                fix="write 0 if the amount is nil, or leave the cell empty if it is unknown")
        return parse_number(text, notation=notation, field=where)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise InvalidValueError(f"expected a number, not {type(value).__name__}",
                                field=where, value=value, fix="write the figure as a number")
    try:
        return to_decimal(value, field=where)
    except KinerjaError as error:
        raise error.at(where) from None


def read_amount(value: Any, where: str, notation: Notation | None, scale: int) -> int | None:
    """A cell's amount in whole Rupiah: its number times *scale* (1, or 1000 for thousands).

    >>> read_amount("1.234,5", "POK!D9", "id", 1000)
    1234500
    >>> read_amount(12.5, "POK!D9", None, 1)
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: POK!D9: Rupiah amounts are whole numbers (got 12.5). \
Fix: check the layout's scale (1 for Rupiah, 1000 for thousands of Rupiah).
    """
    number = read_figure(value, where, notation)
    if number is None:
        return None
    amount = number * scale
    if amount != amount.to_integral_value():
        raise InvalidValueError("Rupiah amounts are whole numbers", field=where, value=value,
                                fix="check the layout's scale (1 for Rupiah, 1000 for "
                                "thousands of Rupiah)")
    return int(amount)
