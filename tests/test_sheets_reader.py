"""The column-wise export reader gives what the plain row-by-row reading gives, on any sheet.

The oracle (tests/export_oracle.py) walks the rows one at a time with a stack of open
spans and reads every cell with the per-cell reader; kinerja reads whole columns with
numpy.  On generated sheets (every level, detail rows, unknown and repeated codes,
subtotals right and wrong, blank, text, fractional, negative, huge and boolean cells,
months with and without a realization column, a numbering row, a total row and a
footer, codes stored as numbers, floats beyond 2**53, scales 1, 1.000 and 1.000.000),
both must give the same errors, in the same order, and on a sheet without errors the
same rows, budget lines, warnings and skipped rows, whether the cells come as openpyxl
gives them or as python-calamine does ("" for an empty cell, every number a float).
Rows of different lengths (the oracle assumed a full row) are checked by hand below.
"""

import pickle
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja import BudgetLine
from kinerja.core._ondemand import OnDemand
from kinerja.exceptions import KinerjaError
from kinerja.sheets._columns import read_amounts, whole_text
from kinerja.sheets._layout import SheetLayout
from kinerja.sheets._reader import Reader
from kinerja.sheets._workbook import Grid, as_openpyxl, read_amount
from tests.export_oracle import OracleReader

CODES = {
    "program": ["013.05.WA", "013.06.WA"], "kegiatan": ["5976", "5977"],
    "kro": ["5976.EBA"], "ro": ["5976.EBA.001", "5976.EBA.002"],
    "komponen": ["051", "052"], "sub_komponen": ["A"],
    "akun": ["521211", "521219", "511111", "532111"],
}
#: Cells of an amount column: mostly whole numbers, sometimes anything a sheet holds.
cells = st.one_of(
    st.integers(min_value=0, max_value=2000), st.integers(min_value=0, max_value=2000),
    st.none(), st.sampled_from(["1.000", "2.500,5", "x", "-", "  ", 2.5, -5, True, 10**20,
                                2**62, 0.0, 1e23, 2.0**53, float("nan")]))
row_kinds = st.sampled_from([*CODES, "akun", "akun", "akun", "detail", "detail", "bad",
                             "blank", "total"])


#: Codes of each level that never repeat (a clean sheet's), from a running number.
UNIQUE = {
    "program": "{:03d}.05.WA", "kegiatan": "{:04d}", "kro": "5976.{}", "ro": "5976.EBA.{:03d}",
    "komponen": "{:03d}", "sub_komponen": "{}", "akun": "52{:04d}",
}
LETTERS = ["".join(pair) for pair in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 2,
                                         "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 2, strict=True)]


@st.composite
def sheets(draw):
    """A budget sheet: its rows under a header, the months and optional columns it has.

    Half the sheets are clean (codes that never repeat, whole amounts, every akun row
    with its amounts), so that rows, lines and warnings are compared often; the others
    hold anything.
    """
    clean = draw(st.booleans())
    months = draw(st.integers(min_value=0, max_value=3))
    realization = draw(st.booleans()) or not months
    blokir = draw(st.booleans())
    header = ["Kode", "Uraian", "Pagu", *["Jan", "Feb", "Mar"][:months]]
    header += ["Realisasi"] * realization + ["Blokir"] * blokir
    amounts = len(header) - 2
    rows = [tuple(header)]
    if draw(st.booleans()):
        rows.append(tuple(range(1, len(header) + 1)))
    kinds = st.sampled_from([*CODES, "akun", "akun", "akun", "detail", "detail"]) if clean \
        else row_kinds
    whole = st.one_of(st.none(), st.integers(min_value=0, max_value=2000))
    for n, kind in enumerate(draw(st.lists(kinds, max_size=40))):
        if kind == "blank":
            rows.append((None,) * len(header))
            continue
        code, text = None, draw(st.sampled_from(["Belanja", "Honor", None, "(a) Jumlah",
                                                 ": total", "Jumlah peserta rapat"]))
        if kind in CODES:
            code = (UNIQUE[kind].format(LETTERS[n] if kind in ("kro", "sub_komponen") else n)
                    if clean else draw(st.sampled_from(CODES[kind])))
            if kind == "akun" and draw(st.booleans()):
                code = draw(st.sampled_from([int, float]))(code)  # stored as a number
            if kind == "kro" and clean:
                code = f"5976.{LETTERS[n]}A"
        elif kind == "bad":
            code = "51"
        elif kind == "total":
            code, text = draw(st.sampled_from([(None, "JUMLAH"), ("TOTAL", None)]))
        values = [draw(whole if clean else cells) for _ in range(amounts)]
        if clean and kind == "akun":
            values[0] = draw(st.integers(min_value=0, max_value=2000))
            given_at = 1 + months if realization else 1   # the realization, or January
            values[given_at] = draw(st.integers(min_value=0, max_value=2000))
            if blokir and values[-1] is not None:
                values[-1] = min(values[-1], values[0])
        rows.append((code, text, *values))
    if clean and draw(st.booleans()):
        rows.append((None, "JUMLAH", *[draw(whole) for _ in range(amounts)]))
    if draw(st.booleans()):
        rows.append(("Mengetahui", None, "x", *[None] * (amounts - 1)))
    columns = {"code": 0, "description": 1, "pagu": 2}
    if realization:
        columns["realization"] = 3 + months
    if blokir:
        columns["blokir"] = 3 + months + realization
    return rows, columns, {f"M{i + 1}": 3 + i for i in range(months)}


def _calamine(value):
    """A cell as python-calamine gives it: "" for empty, a float for a number."""
    if value is None:
        return ""
    if type(value) is int and abs(value) < 2**53:
        return float(value)
    return value


def _read(reader_class, rows, columns, months, scale, calamine):
    cells_ = [tuple(map(_calamine, row)) for row in rows] if calamine else rows
    grid = Grid("POK", cells_, "sheet.xlsx", convert=as_openpyxl if calamine else None)
    reader = reader_class(grid, SheetLayout(kind="budget", scale=scale, notation="id"), 2024,
                          dict(columns), dict(months))
    reader.read(1, 2)
    return reader


def _warnings(reader):
    return [warning if isinstance(warning, tuple) else
            (warning.cell, warning.message, warning.printed, warning.expected)
            for warning in reader.warnings]


@settings(max_examples=300, deadline=None)
@given(sheets(), st.sampled_from([1, 1000, 1_000_000]), st.booleans())
def test_column_reader_equals_row_by_row_reading(sheet, scale, calamine):
    """Same errors; and without errors the same rows, lines, warnings and skipped rows."""
    rows, columns, months = sheet
    ours = _read(Reader, rows, columns, months, scale, calamine)
    oracle = _read(OracleReader, rows, columns, months, scale, calamine)
    assert [str(problem) for problem in ours.problems] == \
        [str(problem) for problem in oracle.problems]
    assert ours.skipped == oracle.skipped
    if oracle.problems:
        return
    assert [(row.row, row.level, row.code, row.description, row.pagu, row.realization,
             row.blokir, dict(row.months)) for row in ours.rows] == \
        [tuple(row) for row in oracle.rows]
    assert list(ours.lines) == oracle.lines
    assert _warnings(ours) == _warnings(oracle)
    months = {}
    for row in oracle.rows:
        if row.level == "akun":
            for key, amount in row.months.items():
                months[key] = months.get(key, 0) + amount
    assert list(ours.month_totals.items()) == sorted(months.items())


@given(st.lists(cells, min_size=1, max_size=12), st.sampled_from([1, 1000, 1_000_000]),
       st.booleans())
def test_amount_columns_read_each_cell_as_the_per_cell_reader(column, scale, calamine):
    """read_amounts gives each cell what read_amount gives it, or the same error at it."""
    values = [_calamine(value) for value in column] if calamine else column
    problems = {}
    read, = read_amounts([[value] for value in values], [0], sheet="POK", first=5,
                         notation="id", scale=scale, problems=problems)
    for i, value in enumerate(column):
        expected = _per_cell(value, f"POK!A{5 + i}", scale)
        if isinstance(expected, KinerjaError):
            assert str(problems[5 + i, 0]) == str(expected)
            assert read.item(i) is None
        else:
            assert (5 + i, 0) not in problems
            assert read.item(i) == expected


def _per_cell(value, where, scale):
    """What the per-cell reader gives a cell: its amount, or its error."""
    try:
        return read_amount(value, where, "id", scale)
    except KinerjaError as error:
        return error


def test_amounts_beyond_int64_are_kept_exactly():
    """A column with an amount beyond 2**62 keeps Python ints, and its sums stay exact."""
    rows = [("Kode", "Uraian", "Pagu", "Realisasi"),
            ("5976", "Kegiatan", 2**64 + 3, 2**64 + 1),
            ("521211", "ATK", 2**64, 2**64), ("521219", "Lain", 3, 1)]
    reader = _read(Reader, rows, {"code": 0, "description": 1, "pagu": 2, "realization": 3},
                   {}, 1, False)
    assert reader.problems == []
    assert reader.warnings == []
    assert [line.pagu for line in reader.lines] == [2**64, 3]       # 18446744073709551616, 3
    rows[1] = ("5976", "Kegiatan", 2**64 + 4, 2**64 + 1)            # one Rupiah high
    reader = _read(Reader, rows, {"code": 0, "description": 1, "pagu": 2, "realization": 3},
                   {}, 1, False)
    assert [(w.cell, w.printed - w.expected) for w in reader.warnings] == [("POK!C2", 1)]


def test_lines_and_rows_are_made_when_first_read():
    """The lines of an export are made when read, then kept; equal to a tuple of them."""
    rows = [("Kode", "Uraian", "Pagu", "Realisasi"), ("521211", "ATK", 10, 9),
            ("521219", None, 5, 5)]
    reader = _read(Reader, rows, {"code": 0, "description": 1, "pagu": 2, "realization": 3},
                   {}, 1, True)
    lines = reader.lines
    assert isinstance(lines, OnDemand)
    expected = (BudgetLine(year=2024, pagu=10, realization=9, account="521211",
                           name="521211 ATK"),
                BudgetLine(year=2024, pagu=5, realization=5, account="521219", name="521219"))
    assert lines == expected
    assert lines[1] is lines[1]
    assert lines[-2:] == expected
    assert pickle.loads(pickle.dumps(lines)) == expected
    with pytest.raises(IndexError):
        lines[2]


def test_short_rows_read_as_rows_with_empty_cells():
    """A row shorter than the header (openpyxl read-only may give one) has empty cells."""
    rows = [("Kode", "Uraian", "Pagu", "Realisasi", "Blokir"), ("5976", "Kegiatan"),
            ("521211", "ATK", 10, 9), ("521219", None, 5, 5, 1), ("JUMLAH",)]
    reader = _read(Reader, rows, {"code": 0, "description": 1, "pagu": 2, "realization": 3,
                                  "blokir": 4}, {}, 1, False)
    assert reader.problems == []
    assert [(row.level, row.pagu, row.blokir) for row in reader.rows] == [
        ("kegiatan", None, None), ("akun", 10, None), ("akun", 5, 1), ("total", None, None)]
    assert [(line.activity, line.pagu, line.blokir) for line in reader.lines] == [
        ("Kegiatan", 10, None), ("Kegiatan", 5, 1)]


def test_codes_stored_as_numbers_read_as_their_digits():
    """An akun 521211 stored as a number (int, or float 521211.0) is the code '521211'."""
    for code in (521211, 521211.0):
        rows = [("Kode", "Uraian", "Pagu", "Realisasi"), (code, "ATK", 10, 9)]
        reader = _read(Reader, rows, {"code": 0, "description": 1, "pagu": 2,
                                      "realization": 3}, {}, 1, False)
        assert [line.account for line in reader.lines] == ["521211"]
        assert reader.lines[0].name == "521211 ATK"


def test_each_item_is_one_object_whichever_thread_makes_it():
    """Two threads making item 0 at once get the same object (the first one kept)."""
    both_inside = threading.Barrier(2)

    def make(i):
        both_inside.wait(timeout=5)  # both threads are making the item now
        return object()

    items = OnDemand(1, make)
    got = []
    threads = [threading.Thread(target=lambda: got.append(items[0])) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 2
    assert got[0] is got[1] is items[0]


@given(st.text(alphabet="0123456789.,- Rp٣", max_size=14),
       st.sampled_from(["id", "en", None]))
def test_whole_texts_read_at_once_as_the_strict_parser_reads_them(text, notation):
    """Where whole_text reads a text at once, read_amount gives the same whole number."""
    amount = whole_text(text, notation)
    if amount is not None:
        assert read_amount(text, "POK!C9", notation, 1) == amount


@pytest.mark.parametrize(("text", "notation", "expected"), [
    ("1.200.000", "id", 1_200_000), ("1.200.000", None, 1_200_000),   # two dots: grouping
    ("1,200,000", "en", 1_200_000), ("007", None, 7),
    ("120.750", None, None),        # one dot, no notation: ambiguous, the parser refuses it
    ("120.750", "en", None),        # a fraction in English notation: the parser says so
    ("1.200.000,5", "id", None), ("Rp 1.200.000", "id", None), ("٣", "id", None),
])
def test_whole_texts_of_hand_checked_cells(text, notation, expected):
    """Hand-checked texts: grouped thousands read at once; anything else left to the parser."""
    assert whole_text(text, notation) == expected
