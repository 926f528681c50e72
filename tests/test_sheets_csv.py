"""CSV exports through the standard library: the same lines as the xlsx, every field text."""

from pathlib import Path

import pytest

import kinerja
from kinerja import sheets

FIXTURES = Path(__file__).parent / "fixtures" / "sheets"


def test_csv_export_reads_the_same_lines_as_the_workbook():
    """sakti_export.csv (';', Indonesian notation) gives the xlsx's seven akun lines."""
    from_csv = sheets.read_budget_export(FIXTURES / "sakti_export.csv", "sakti")
    from_xlsx = sheets.read_budget_export(FIXTURES / "sakti_export.xlsx", "sakti")
    assert from_csv.lines == from_xlsx.lines
    assert (from_csv.sheet, from_csv.header_row, from_csv.satker_code, from_csv.year) == \
        ("sakti_export", 6, "693222", 2024)
    assert from_csv.lines[3].realization == 55_062_500     # "10.062,5" thousand in December
    assert from_csv.warnings == ()


def test_comma_separated_csv_with_english_notation(tmp_path):
    """A comma-separated file: codes keep their leading zeros, numbers in English notation."""
    path = tmp_path / "realisasi.csv"
    path.write_text('Kode,Uraian,Pagu,Realisasi\n051,Komponen,,\n521211,Belanja Bahan,'
                    '"1,250.5",1000\n', encoding="utf-8")
    export = sheets.read_budget_export(path, {"notation": "en", "scale": "ribu"}, year=2024)
    assert [row.level for row in export.rows] == ["komponen", "akun"]
    assert (export.lines[0].pagu, export.lines[0].realization) == (1_250_500, 1_000_000)


def test_csv_cells_are_named_and_binary_is_refused(tmp_path):
    """A bad amount is named by its cell (sheet = the file's stem); binary data is refused."""
    path = tmp_path / "pok.csv"
    path.write_text("Kode;Uraian;Pagu;Realisasi\n521211;Bahan;sepuluh;5\n", encoding="utf-8")
    with pytest.raises(kinerja.ValidationError) as caught:
        sheets.read_budget_export(path, year=2024)
    assert caught.value.exceptions[0].field == "pok!C2"
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(kinerja.ReportFileError, match="binary"):
        sheets.read_budget_export(binary, year=2024)


def test_a_quoted_field_keeps_its_line_break(tmp_path):
    """A description written on two lines in a quoted field stays one field, its break kept."""
    path = tmp_path / "realisasi.csv"
    path.write_text('Kode;Uraian;Pagu;Realisasi\n521211;"Belanja\nBahan";1000;900\n',
                    encoding="utf-8")
    export = sheets.read_budget_export(path, year=2024)
    assert [row.description for row in export.rows] == ["Belanja\nBahan"]
    assert (export.lines[0].pagu, export.lines[0].realization) == (1000, 900)
