"""The indicator monitoring sheet reader: figures per quarter or month into IndicatorRecords."""

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import kinerja
from kinerja import sheets

MONITORING = Path(__file__).parent / "fixtures" / "sheets" / "monitoring.xlsx"


def _workbook(path, rows):
    """Write *rows* to a one-sheet workbook ("Data") at *path*."""
    book = openpyxl.Workbook()
    book.active.title = "Data"
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.fixture(scope="module")
def monitoring():
    """The fixture sheet read for 2024 under goal SK-1."""
    return sheets.read_indicator_sheet(MONITORING, {"goal": "SK-1"}, year=2024)


def test_rows_become_records_with_quarters(monitoring):
    """Three indicators; the quarters are periods TW1–TW4; No and Keterangan are named unused."""
    assert [r.code for r in monitoring.records] == ["IKK-1", "IKK-2", "IKK-3"]
    assert list(monitoring.records[0].periods[2024]) == ["TW1", "TW2", "TW3", "TW4"]
    assert monitoring.ignored_columns == ("Monitoring!A3 No", "Monitoring!L3 Keterangan")
    assert monitoring.skipped_rows == ("Monitoring!8 no indicator",)


def test_year_realization_is_the_named_aggregation(monitoring):
    """Sum 11+12+9+15 = 47; last of '85,5' … '92,5' = 92,5; last of 6, 5, 4, 3 = 3."""
    values = [r.realizations[2024].value for r in monitoring.records]
    assert values == [Decimal(47), Decimal("92.5"), Decimal(3)]
    assert monitoring.records[1].periods[2024]["TW2"].realization.value == Decimal("88.25")


def test_polarity_and_achievement(monitoring):
    """IKK-3 is lower-is-better: (2 − 3/5) × 100 = 140; IKK-1: 47/40 × 100 = 117,5."""
    ikk3 = monitoring.records[2]
    assert ikk3.indicator.polarity is kinerja.Polarity.LOWER_IS_BETTER
    assert kinerja.achievement(ikk3.realizations[2024].value, ikk3.targets[2024].value,
                               polarity=ikk3.indicator.polarity) == Decimal(140)
    assert kinerja.achievement(47, 40) == Decimal("117.5")


def test_goal_is_required_per_row():
    """Without a goal column or a declared goal, each indicator cell is named."""
    with pytest.raises(kinerja.ValidationError) as caught:
        sheets.read_indicator_sheet(MONITORING, year=2024)
    assert [e.field for e in caught.value.exceptions] == [
        "Monitoring!C4", "Monitoring!C5", "Monitoring!C6"]


def test_months_with_period_targets(tmp_path):
    """Month columns and a 'Target Maret' column: M1–M3 realizations, M3's target."""
    path = _workbook(tmp_path / "bulan.xlsx", [
        ["Indikator", "Satuan", "Target", "Januari", "Februari", "Maret", "Target Maret"],
        ["Jumlah layanan", "Layanan", 12, 1, 2, "3", 3],
    ])
    sheet = sheets.read_indicator_sheet(path, {"goal": "S1", "aggregation": "sum"}, year=2024)
    record = sheet.records[0]
    assert record.code == "IK-1"
    assert list(record.periods[2024]) == ["M1", "M2", "M3"]
    assert record.periods[2024]["M3"].target.value == Decimal(3)
    assert record.realizations[2024].value == Decimal(6)


def test_missing_aggregation_and_bad_cells_are_located(tmp_path):
    """No aggregation named (at the indicator cell) and an unreadable figure (at its cell)."""
    path = _workbook(tmp_path / "bad.xlsx", [
        ["Indikator", "Satuan", "Target", "TW I", "TW II"],
        ["Jumlah layanan", "Layanan", 12, 1, 2],
        ["Persentase", "%", "sembilan puluh", 80, 85],
    ])
    with pytest.raises(kinerja.ValidationError) as caught:
        sheets.read_indicator_sheet(path, {"goal": "S1"}, year=2024)
    assert [(type(e).__name__, e.field) for e in caught.value.exceptions] == [
        ("MissingValueError", "Data!A2"), ("NumberFormatError", "Data!C3")]


def test_duplicate_indicator_codes_are_refused(tmp_path):
    """A second row with code IKK-1 is one error at its code cell, naming the first row."""
    path = _workbook(tmp_path / "dup.xlsx", [
        ["Kode", "Indikator", "Satuan", "Target", "Realisasi"],
        ["IKK-1", "A", "%", 90, 91],
        ["IKK-1", "B", "%", 80, 81],
    ])
    with pytest.raises(kinerja.ValidationError) as caught:
        sheets.read_indicator_sheet(path, {"goal": "S1"}, year=2024)
    assert [(e.field, e.value) for e in caught.value.exceptions] == [("Data!A3", "IKK-1")]
    assert "first on row 2" in caught.value.exceptions[0].message


def test_two_row_header_targets_and_realizations_per_quarter(tmp_path):
    """Groups 'Target Triwulan' and 'Realisasi' over TW I, TW II: each quarter's two figures."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["Indikator", "Satuan", "Target", "Target Triwulan", None, "Realisasi", None])
    sheet.merge_cells("D1:E1")
    sheet.merge_cells("F1:G1")
    sheet.append([None, None, None, "TW I", "TW II", "TW I", "TW II"])
    sheet.append(["Jumlah layanan", "Layanan", 20, 10, 10, 9, "12"])
    book.save(tmp_path / "two.xlsx")
    result = sheets.read_indicator_sheet(tmp_path / "two.xlsx",
                                         {"goal": "S1", "aggregation": "sum"}, year=2024)
    record = result.records[0]
    quarters = record.periods[2024]
    assert (quarters["TW1"].target.value, quarters["TW2"].target.value) == (10, 10)
    assert (quarters["TW1"].realization.value, quarters["TW2"].realization.value) == (9, 12)
    assert record.targets[2024].value == Decimal(20)
    assert record.realizations[2024].value == Decimal(21)    # 9 + 12
    assert result.skipped_rows == ("Data!2 period headings",)
