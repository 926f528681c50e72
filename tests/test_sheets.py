"""Spreadsheet readers: a SAKTI-style budget export and a monitoring sheet, from the fixtures."""

from pathlib import Path

import attrs
import openpyxl
import pytest

import kinerja
from kinerja import sheets

FIXTURES = Path(__file__).parent / "fixtures" / "sheets"
EXPORT = FIXTURES / "sakti_export.xlsx"
THOUSANDS = {"scale": "ribu", "notation": "id"}


@pytest.fixture(scope="module")
def export():
    """The fixture export read in thousands of Rupiah, Indonesian notation, year 2024."""
    return sheets.read_budget_export(EXPORT, THOUSANDS, year=2024)


def _workbook(path, rows, title="Data"):
    """Write *rows* to a one-sheet workbook at *path*."""
    book = openpyxl.Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_header_found_by_its_words_below_the_title(export):
    """Header on row 7 (under a merged title); the numbering row and footer are skipped, named."""
    assert export.header_row == 7
    assert export.skipped_rows == ("POK!8 column numbers", "POK!31 footer", "POK!32 footer",
                                   "POK!34 footer", "POK!35 footer")
    assert export.ignored_columns == ("POK!Q7 Sisa",)


def test_levels_come_from_the_shape_of_the_codes(export):
    """Program, kegiatan, KRO, RO, komponen, akun, detail and total rows, in sheet order."""
    levels = [(row.row, row.level) for row in export.rows]
    assert levels[:6] == [(9, "program"), (10, "kegiatan"), (11, "kro"), (12, "ro"),
                          (13, "komponen"), (14, "akun")]
    assert [row.level for row in export.rows if row.row in (18, 19, 29)] == \
        ["detail", "detail", "total"]


def test_akun_rows_become_budget_lines_in_rupiah(export):
    """Seven akun lines; thousands × 1000, text '120.750' read as 120.750.000, types from akun."""
    assert [line.account for line in export.lines] == [
        "511111", "511121", "521111", "523111", "521211", "524111", "532111"]
    assert [line.pagu for line in export.lines] == [
        1_250_000_000, 95_000_000, 180_500_000, 60_000_000, 120_750_000, 450_000_000,
        50_000_000]
    assert [line.spending_type.value for line in export.lines] == \
        ["51", "51", "52", "52", "52", "52", "53"]
    # 10.000 + 20.000 + 15.000 + "10.062,5" thousand
    assert export.lines[3].realization == 55_062_500
    bahan = export.lines[4]
    assert (bahan.program, bahan.activity, bahan.output) == (
        "Program Pelayanan dan Penegakan Hukum", "Penyelenggaraan Pemasyarakatan di Wilayah",
        "Layanan Pembimbingan Kemasyarakatan")


def test_totals_and_months_agree_with_the_sheet(export):
    """The lines sum to the JUMLAH row (2.206.250 / 2.197.852,5 thousand): no warning."""
    assert export.warnings == ()
    assert (export.total.pagu, export.total.realization) == (2_206_250_000, 2_197_852_500)
    months = export.realization_by_month()
    assert months == attrs.evolve(export, months=None).realization_by_month()  # from the rows
    # January: 104.000 + 7.900 + 15.000 + 10.000 + 37.500 thousand
    assert months["M1"] == 174_400_000
    # December adds 10.062,5 (523111) and 49.990 (532111): 174.400 + 60.052,5 thousand
    assert months["M12"] == 234_452_500
    assert sum(months.values()) == export.total.realization


def test_lines_make_the_chapter_three_budget_tables(export):
    """Spending per type from the akun codes: pegawai 1.250.000 + 95.000 thousand, and so on."""
    report = kinerja.Report(year=2024, satker=kinerja.Satker(name="Bapas Contoh"), goals=(),
                            indicators=(), budget={"spending_type": export.lines})
    rows = kinerja.budget_type_table(report).text_rows()
    assert [row[1:4] for row in rows] == [
        ["Belanja Pegawai", "1.345.000.000", "1.342.800.000"],
        ["Belanja Barang", "811.250.000", "805.062.500"],     # 180.500 + 60.000 + 120.750 + 450.000
        ["Belanja Modal", "50.000.000", "49.990.000"],
        ["Total", "2.206.250.000", "2.197.852.500"],
    ]


def test_sheet_totals_that_disagree_are_warnings_not_errors():
    """A JUMLAH pagu 1.000 thousand too high and a program 1 thousand short are three warnings."""
    result = sheets.read_budget_export(FIXTURES / "sakti_wrong_total.xlsx", THOUSANDS,
                                       year=2024)
    assert [(w.cell, w.printed, w.expected) for w in result.warnings] == [
        ("POK!P9", 1_577_861_500, 1_577_862_500),    # months vs the row's realization
        ("POK!P9", 1_577_861_500, 1_577_862_500),    # the program vs its akun rows
        ("POK!C29", 2_207_250_000, 2_206_250_000),   # the JUMLAH row's pagu
    ]
    assert len(result.lines) == 7


def test_text_numbers_need_the_declared_notation():
    """'120.750' is ambiguous without the notation: one located error, the cell POK!C26."""
    with pytest.raises(kinerja.ValidationError) as caught:
        sheets.read_budget_export(EXPORT, {"scale": "ribu"}, year=2024)
    errors = caught.value.exceptions
    assert [(type(e).__name__, e.field, e.value) for e in errors] == [
        ("AmbiguousNumberError", "POK!C26", "120.750")]


def test_rupiah_scale_refuses_fractions_of_a_rupiah_by_cell(tmp_path):
    """Read as Rupiah, '10.062,5' (Data!C3) is a fraction of a Rupiah: located, not rounded."""
    rows = [["Kode", "Uraian", "Pagu", "Realisasi"], ["051", "Komponen", None, None],
            ["523111", "Pemeliharaan", "10.062,5", 10_000]]
    with pytest.raises(kinerja.ValidationError) as caught:
        sheets.read_budget_export(_workbook(tmp_path / "r.xlsx", rows), {"notation": "id"},
                                  year=2024)
    assert [e.field for e in caught.value.exceptions] == ["Data!C3"]
    assert "whole" in caught.value.exceptions[0].message


def test_a_scale_the_title_contradicts_is_refused():
    """'(dalam ribuan rupiah)' in POK!A4 read as Rupiah would be 1.000 times too small."""
    with pytest.raises(kinerja.InvalidValueError) as caught:
        sheets.read_budget_export(EXPORT, {"notation": "id"}, year=2024)
    assert caught.value.field == "POK!A4"
    assert caught.value.value == "(dalam ribuan rupiah)"
    assert "scale = 'ribu'" in caught.value.fix


@pytest.mark.parametrize(("title", "scale"), [("Dalam Jutaan Rupiah", "juta"),
                                               ("Nilai dalam Rupiah", "rupiah"),
                                               ("x Rp 1.000", "ribu")])
def test_scale_stated_in_the_title(tmp_path, title, scale):
    """Millions, Rupiah and 'x Rp 1.000' are recognised: the layout's scale must agree."""
    rows = [[title], ["Kode", "Uraian", "Pagu", "Realisasi"], ["521211", "Bahan", 10, 9]]
    path = _workbook(tmp_path / "s.xlsx", rows)
    export = sheets.read_budget_export(path, {"scale": scale}, year=2024)
    assert export.lines[0].pagu == 10 * {"juta": 1_000_000, "rupiah": 1, "ribu": 1000}[scale]
    wrong = "ribu" if scale != "ribu" else "rupiah"
    with pytest.raises(kinerja.InvalidValueError, match="the title says"):
        sheets.read_budget_export(path, {"scale": wrong}, year=2024)


def test_duplicate_and_unknown_codes_are_located(tmp_path):
    """An akun twice under one komponen, and a code '51', each named by its cell."""
    path = _workbook(tmp_path / "dup.xlsx", [
        ["Kode", "Uraian", "Pagu", "Realisasi"],
        ["5976", "Kegiatan", 300, 250],
        ["001", "Komponen", 300, 250],
        ["521211", "Belanja Bahan", 100, 50],
        ["521211", "Belanja Bahan", 200, 200],
        ["51", "Belanja Pegawai", 0, 0],
    ])
    with pytest.raises(kinerja.ValidationError) as caught:
        sheets.read_budget_export(path, year=2024)
    assert [(e.field, e.value) for e in caught.value.exceptions] == [
        ("Data!A5", "521211"), ("Data!A6", "51")]
    assert "first on row 4" in caught.value.exceptions[0].message


def test_missing_amount_of_an_akun_is_an_error_not_zero(tmp_path):
    """An akun row with an empty realization cell is refused at that cell (missing is not 0)."""
    path = _workbook(tmp_path / "gap.xlsx", [
        ["Kode", "Uraian", "Pagu", "Realisasi"],
        ["521211", "Belanja Bahan", 100, None],
    ])
    with pytest.raises(kinerja.ValidationError) as caught:
        sheets.read_budget_export(path, year=2024)
    assert [e.field for e in caught.value.exceptions] == ["Data!D2"]


def test_months_without_a_realization_column_give_the_realization(tmp_path):
    """Realization is the sum of the month columns when the sheet has no realization column."""
    path = _workbook(tmp_path / "months.xlsx", [
        ["Kode", "Uraian", "Pagu", "Januari", "Februari", "Maret"],
        ["524111", "Perjalanan Dinas", "1.500.000", 100_000, "250.000", 0],
    ])
    export = sheets.read_budget_export(path, {"notation": "id"}, year=2024)
    assert export.lines[0].realization == 350_000
    assert dict(export.rows[0].months) == {"M1": 100_000, "M2": 250_000, "M3": 0}


@pytest.mark.parametrize(("name", "words"), [
    ("encrypted.xlsx", "password-protected"),
    ("corrupt.xlsx", "not a readable .xlsx"),
    ("empty.xlsx", "empty"),
    ("no_such_file.xlsx", "cannot open"),
])
def test_unreadable_workbooks_are_report_file_errors(name, words):
    """Encrypted, corrupt, empty and missing workbooks: a ReportFileError naming the file."""
    with pytest.raises(kinerja.ReportFileError, match=words) as caught:
        sheets.read_budget_export(FIXTURES / name, year=2024)
    assert name in caught.value.field


def test_header_not_found_names_the_closest_row():
    """The monitoring sheet read as a budget export: no header; row 3 has Kode but no Pagu."""
    with pytest.raises(kinerja.InvalidValueError) as caught:
        sheets.read_budget_export(FIXTURES / "monitoring.xlsx", year=2024)
    assert caught.value.field == "Monitoring!A1:L8"
    assert "row 3 comes closest but lacks description, pagu" in caught.value.message


def test_year_is_required(tmp_path):
    """Without a year (argument, layout or title row) the reader refuses, saying how to give it."""
    path = _workbook(tmp_path / "x.xlsx", [["Kode", "Uraian", "Pagu", "Realisasi"],
                                          ["521211", "Belanja Bahan", 100, 90]])
    with pytest.raises(kinerja.MissingValueError, match="fiscal year") as caught:
        sheets.read_budget_export(path)
    assert "--year 2024" in caught.value.fix


def test_year_and_satker_from_the_title_rows():
    """The fixture's title rows state 'KODE SATKER : 693222' and 'TA 2024': both are read."""
    export = sheets.read_budget_export(EXPORT, THOUSANDS)
    assert (export.year, export.satker_code, export.satker_name) == (2024, "693222", None)
    assert {line.year for line in export.lines} == {2024}


def test_named_layout_sakti_reads_thousands():
    """The built-in layout 'sakti' is thousands of Rupiah in Indonesian notation."""
    export = sheets.read_budget_export(EXPORT, "sakti")
    assert export.lines[4].pagu == 120_750_000  # "120.750" thousand, stored as text
    assert export.total.pagu == 2_206_250_000


def test_layout_from_toml_file(tmp_path):
    """A TOML layout names the sheet, the scale, the notation, the year and heading words."""
    path = tmp_path / "layout.toml"
    path.write_text('kind = "budget"\nsheet = "POK"\nscale = "ribu"\nnotation = "id"\n'
                    'year = 2024\n[columns]\npagu = ["Pagu", "Pagu DIPA"]\n', encoding="utf-8")
    layout = sheets.load_layout(path)
    assert (layout.sheet, layout.scale, layout.year) == ("POK", 1000, 2024)
    assert layout.words["pagu"] == ("Pagu", "Pagu DIPA")
    assert sheets.read_budget_export(EXPORT, path).total.pagu == 2_206_250_000


def test_layout_errors_name_their_key():
    """An unknown key and an unknown scale are refused, each named."""
    with pytest.raises(kinerja.ValidationError) as caught:
        sheets.layout_from_dict({"kind": "budget", "skala": 1000})
    assert "skala" in str(caught.value.exceptions[0])
    with pytest.raises(kinerja.InvalidValueError, match="unknown scale"):
        sheets.SheetLayout(kind="budget", scale="miliar")
    with pytest.raises(kinerja.InvalidValueError, match="a budget sheet"):
        sheets.read_indicator_sheet(EXPORT, sheets.SheetLayout(kind="budget"), year=2024)


def test_code_levels_table():
    """Each documented shape gives its level."""
    codes = ["013.05.WA", "5976", "5976.EBA", "5976.EBA.962", "051", "A", "521211"]
    assert [sheets.code_level(c) for c in codes] == list(sheets.LEVELS)


def test_two_row_header_months_under_a_merged_realisasi(tmp_path):
    """'Realisasi' merged over Jan–Mar on the row below: the months give the realization."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["Kode", "Uraian", "Pagu", "Realisasi", None, None])
    sheet.merge_cells("D1:F1")
    sheet.append([None, None, None, "Jan", "Feb", "Mar"])
    sheet.append(["521211", "Belanja Bahan", 900, 100, 200, 300])
    book.save(tmp_path / "two.xlsx")
    export = sheets.read_budget_export(tmp_path / "two.xlsx", year=2024)
    assert export.lines[0].realization == 600    # 100 + 200 + 300
    assert dict(export.rows[0].months) == {"M1": 100, "M2": 200, "M3": 300}
    assert export.skipped_rows == ("Data!2 period headings",)
    assert export.ignored_columns == ()


def test_only_a_total_row_ends_the_data(tmp_path):
    """A detail 'Jumlah peserta rapat' is an item; 'Jumlah Seluruhnya' is the total, checked."""
    path = _workbook(tmp_path / "total.xlsx", [
        ["Kode", "Uraian", "Pagu", "Realisasi"],
        ["521211", "Belanja Bahan", 300, 250],
        [None, "Jumlah peserta rapat", 300, 250],
        [None, "JUMLAH SELURUHNYA", 300, 249],
        [None, "Mengetahui,", "Kepala Balai"],
    ])
    export = sheets.read_budget_export(path, year=2024)
    assert [row.level for row in export.rows] == ["akun", "detail", "total"]
    assert [(w.cell, w.printed, w.expected) for w in export.warnings] == [("Data!D4", 249, 250)]
    assert export.skipped_rows == ("Data!5 footer",)


def test_a_path_that_is_not_a_path_is_named():
    """None as the workbook, 3 as the file to write: InvalidTypeError on field 'path'."""
    with pytest.raises(kinerja.InvalidTypeError) as caught:
        sheets.read_budget_export(None, year=2024)
    assert (caught.value.field, caught.value.value) == ("path", None)
    with pytest.raises(kinerja.InvalidTypeError, match="path of a workbook"):
        sheets.write_xlsx(3, [])
    with pytest.raises(kinerja.InvalidTypeError, match="path of a document"):
        sheets.write_docx(3, [])


def test_subtotals_are_checked_at_every_level(tmp_path):
    """RO 5976.EBA.002 prints 250 over akun 120 + 80: one warning there; the levels above agree."""
    rows = [["Kode", "Uraian", "Pagu", "Realisasi"],
            ["013.05.WA", "Program", 300, 290], ["5976", "Kegiatan", 300, 290],
            ["5976.EBA", "KRO", 300, 290], ["5976.EBA.001", "RO satu", 100, 95],
            ["051", "Komponen", 100, 95], ["521211", "Bahan", 100, 95],
            ["5976.EBA.002", "RO dua", 250, 195], ["051", "Komponen", 120, 115],
            ["521211", "Bahan", 120, 115], ["052", "Komponen", 80, 80],
            ["524111", "Perjalanan", 80, 80], [None, "Jumlah", 300, 290]]
    export = sheets.read_budget_export(_workbook(tmp_path / "t.xlsx", rows), year=2024)
    assert [(w.cell, w.printed, w.expected) for w in export.warnings] == [("Data!C8", 250, 200)]
    assert [line.output for line in export.lines] == ["RO satu", "RO dua", "RO dua"]
