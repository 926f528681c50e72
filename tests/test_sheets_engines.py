"""calamine and openpyxl load the same grid: the same addresses and the same cell values."""

import datetime
from pathlib import Path

import openpyxl
import pytest

import kinerja
from kinerja import sheets
from kinerja.sheets._workbook import read_grid

FIXTURES = Path(__file__).parent / "fixtures" / "sheets"
READABLE = ["sakti_export.xlsx", "sakti_wrong_total.xlsx", "monitoring.xlsx", "ikpa.xlsx"]

pytest.importorskip("python_calamine")


@pytest.mark.parametrize("name", READABLE)
def test_both_engines_give_the_same_grid(name):
    """Every fixture: same sheet, same rows, same values and types, cell by cell."""
    fast = read_grid(FIXTURES / name, engine="calamine")
    slow = read_grid(FIXTURES / name, engine="openpyxl")
    assert fast.sheet == slow.sheet
    assert fast.rows == slow.rows
    assert [[type(v) for v in row] for row in fast.rows] == \
        [[type(v) for v in row] for row in slow.rows]


def test_dates_text_numbers_and_gaps_agree(tmp_path):
    """A date, a number stored as text, empty cells and data starting at C3 load alike."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["C3"] = "Tanggal"
    sheet["D3"] = datetime.datetime(2024, 3, 1)
    sheet["C4"] = "1.234,5"
    sheet["E4"] = 0.1
    sheet["F4"] = 7
    path = tmp_path / "gaps.xlsx"
    book.save(path)
    fast = read_grid(path, engine="calamine")
    slow = read_grid(path, engine="openpyxl")
    assert fast.rows == slow.rows
    assert fast.cell(3, 3) == datetime.datetime(2024, 3, 1)
    assert (fast.where(4, 2), fast.cell(4, 2), fast.cell(4, 4), fast.cell(4, 5)) == \
        ("Sheet!C4", "1.234,5", 0.1, 7)
    assert fast.cell(1, 0) is None


@pytest.mark.parametrize(("name", "words"), [("empty.xlsx", "empty"), ("corrupt.xlsx", "readable"),
                                             ("encrypted.xlsx", "password")])
def test_both_engines_refuse_bad_workbooks_alike(name, words):
    """Empty, corrupt and password-protected workbooks: a ReportFileError naming the file."""
    for engine in ("calamine", "openpyxl"):
        with pytest.raises(kinerja.ReportFileError, match=words) as caught:
            read_grid(FIXTURES / name, engine=engine)
        assert name in caught.value.field


def test_missing_sheet_and_unknown_engine():
    """A sheet the workbook lacks lists the sheets; an unknown engine lists the engines."""
    for engine in ("calamine", "openpyxl"):
        with pytest.raises(kinerja.ReportFileError, match="no such sheet") as caught:
            read_grid(FIXTURES / "ikpa.xlsx", "Lembar9", engine=engine)
        assert caught.value.fix == "use one of IKPA"
    with pytest.raises(kinerja.InvalidValueError, match="engine"):
        read_grid(FIXTURES / "ikpa.xlsx", engine="xlrd")


def test_readers_read_the_same_figures_either_way():
    """The export read with engine='openpyxl' gives the same rows and lines as with calamine."""
    fast = sheets.read_budget_export(FIXTURES / "sakti_export.xlsx", "sakti", engine="calamine")
    slow = sheets.read_budget_export(FIXTURES / "sakti_export.xlsx", "sakti", engine="openpyxl")
    assert slow.lines == fast.lines
    assert slow.rows == fast.rows
    assert slow.total.pagu == 2_206_250_000
