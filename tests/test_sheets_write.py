"""The xlsx writer: chapter III tables as real numbers, findings coloured, read back unchanged."""

import re
from decimal import Decimal

import openpyxl
import pytest

import kinerja
from kinerja import sheets

_FORMAT = re.compile(r'^(?:"(?P<prefix>[^"]*)")?#,##0(?:\.(?P<places>0+))?'
                     r'(?:"(?P<suffix>[^"]*)")?$')


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The reference report's chapter III and its audit, written once, opened with openpyxl."""
    report = kinerja.example_report()
    tables = kinerja.chapter_three(report)
    result = kinerja.audit(report)
    path = tmp_path_factory.mktemp("xlsx") / "bab3.xlsx"
    sheets.write_xlsx(path, tables, findings=result)
    return tables, result, openpyxl.load_workbook(path)


def _shown(cell):
    """The text a spreadsheet shows for a cell, rebuilt from its value and number format."""
    match = _FORMAT.match(cell.number_format)
    if match is None:
        return str(cell.value)
    places = len(match["places"] or "")
    number = kinerja.format_number(Decimal(repr(cell.value)) if isinstance(cell.value, float)
                                   else cell.value, places, notation="id")
    return (match["prefix"] or "") + number + (match["suffix"] or "")


def test_one_sheet_per_table_and_a_findings_sheet(written):
    """34 tables and "Temuan": each sheet titled, headings on row 2, frozen under them."""
    tables, _, book = written
    assert len(book.sheetnames) == len(tables) + 1 == 35
    assert book.sheetnames[-1] == "Temuan"
    sheet = book["budget.activity"]
    assert sheet["A1"].value == tables[-1].title("id")
    assert [c.value for c in sheet[2]] == tables[-1].headings("id")
    assert sheet.freeze_panes == "A3"


def test_figures_are_numbers_with_number_formats(written):
    """Tabel 3.23's first row: Rupiah as ints (#,##0), the absorption 99,98 as a number."""
    _, _, book = written
    row = list(book["budget.activity"][3])
    assert [c.value for c in row[1:]] == [570_750_000, 570_644_250, 105_750, 99.98]
    assert [c.number_format for c in row[1:]] == ["#,##0", "#,##0", "#,##0", "#,##0.00"]


def test_round_trip_every_table_reads_back_the_same_figures(written):
    """Every cell of every table, read back and shown in Indonesian notation, is its text."""
    tables, _, book = written
    for table, name in zip(tables, book.sheetnames, strict=False):
        sheet = book[name]
        shown = [[_shown(c) for c in row] for row in
                 sheet.iter_rows(min_row=3, max_row=2 + len(table.rows))]
        assert shown == table.text_rows("id"), table.key


def test_quantities_keep_their_unit_in_the_format(written):
    """A 60 % target is the number 60 shown with "%"; a count keeps its unit word."""
    _, _, book = written
    formats = {c.number_format for name in book.sheetnames[:-1]
               for row in book[name].iter_rows(min_row=3) for c in row
               if isinstance(c.value, int | float)}
    assert '#,##0"%"' in formats
    assert any(f.endswith(' Layanan"') for f in formats)


def test_findings_rows_are_coloured_by_severity(written):
    """35 errors red, 9 warnings yellow, 4 notes blue; the header is row 2, frozen."""
    _, result, book = written
    sheet = book["Temuan"]
    assert sheet["A1"].value == result.summary("id")
    assert sheet.freeze_panes == "A3"
    colours = [sheet.cell(row=r, column=1).fill.start_color.rgb[-6:]
               for r in range(3, 3 + len(result))]
    assert colours.count("FFC7CE") == 35
    assert colours.count("FFEB9C") == 9
    assert colours.count("DDEBF7") == 4
    assert sheet.cell(row=3, column=1).value == result.findings[0].rule


def test_english_and_sheet_names(tmp_path):
    """In English the findings sheet is "Findings"; names are cut to 31 characters, unique."""
    table = kinerja.budget_activity_table(kinerja.example_report())
    path = sheets.write_xlsx(tmp_path / "t.xlsx", [table, table], lang="en",
                             findings=kinerja.audit(kinerja.example_report()))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["budget.activity", "budget.activity (2)", "Findings"]
    assert book["budget.activity"]["A2"].value == table.headings("en")[0]


def test_bad_arguments_are_named(tmp_path):
    """A single table (not a list) and a directory as the path are refused with their field."""
    table = kinerja.budget_activity_table(kinerja.example_report())
    with pytest.raises(kinerja.InvalidTypeError, match="list of Table"):
        sheets.write_xlsx(tmp_path / "t.xlsx", table)
    with pytest.raises(kinerja.ReportFileError, match="cannot write"):
        sheets.write_xlsx(tmp_path, [table])
