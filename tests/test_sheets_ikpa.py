"""The OM-SPAN IKPA table reader: component scores in, the scheme's figures recomputed."""

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import kinerja
from kinerja import sheets

IKPA = Path(__file__).parent / "fixtures" / "sheets" / "ikpa.xlsx"
ROWS = [
    ["Komponen", "Nilai", "Bobot", "Nilai Akhir"],
    ["Revisi DIPA", 100, 10, 10],
    ["Deviasi Halaman III DIPA", "94,18", 15, "14,12"],     # 14,127 truncated
    ["Penyerapan Anggaran", "96,50", 20, "19,30"],
    ["Belanja Kontraktual", "N/A", 10, None],
    ["Penyelesaian Tagihan", 100, 10, 10],
    ["Pengelolaan UP dan TUP", 100, 10, 10],
    ["Capaian Output", 98, 25, "24,50"],
    ["Dispensasi SPM", 0, None, None],
    ["Nilai Total", "87,93"],
    ["Konversi Bobot", 100],                                # the N/A weight left in
]


def _workbook(path, rows):
    """Write *rows* to a one-sheet workbook ("IKPA") at *path*."""
    book = openpyxl.Workbook()
    book.active.title = "IKPA"
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_fixture_scores_and_totals():
    """Total 10 + 14,127 + 19,3 + 10 + 10 + 24,5 = 87,927; base 90; final 97,70; no warning."""
    ikpa = sheets.read_ikpa_sheet(IKPA, {"notation": "id"}, year=2024)
    assert ikpa.values["belanja_kontraktual"] is kinerja.NOT_APPLICABLE
    assert ikpa.values["deviasi_halaman_iii"] == Decimal("94.18")
    assert ikpa.result.total == Decimal("87.927")
    assert ikpa.result.weight_base == Decimal(90)
    assert kinerja.round_half_up(ikpa.result.final) == Decimal("97.70")
    assert ikpa.warnings == ()
    assert ikpa.skipped_rows == ("IKPA!5 aspect", "IKPA!8 aspect", "IKPA!13 aspect")


def test_printed_figures_that_differ_are_warnings(tmp_path):
    """A truncated 14,12 and a Konversi Bobot of 100 (should be 90) are two warnings."""
    ikpa = sheets.read_ikpa_sheet(_workbook(tmp_path / "i.xlsx", ROWS), {"notation": "id"},
                                  year=2024)
    assert [(w.cell, w.printed, w.expected) for w in ikpa.warnings] == [
        ("IKPA!D3", Decimal("14.12"), Decimal("14.127")),
        ("IKPA!B11", Decimal(100), Decimal(90)),
    ]


def test_unknown_component_and_bad_score_are_located(tmp_path):
    """A row that is no IKPA 2024 component, and a score 'sembilan', each at its cell."""
    rows = [ROWS[0], ["Revisi Anggaran", 100, 10, 10], ["Capaian Output", "sembilan", 25, None]]
    with pytest.raises(kinerja.ValidationError) as caught:
        sheets.read_ikpa_sheet(_workbook(tmp_path / "i.xlsx", rows), year=2024)
    assert [e.field for e in caught.value.exceptions] == ["IKPA!A2", "IKPA!B3"]
    assert "Revisi DIPA" in caught.value.exceptions[0].fix


def _audit(ikpa):
    """Audit a report holding only the sheet's scores and printed figures."""
    report = kinerja.Report(satker=kinerja.Satker(name="Satker Uji"), year=2024, goals=(),
                            indicators=(), ikpa=ikpa.values, printed=ikpa.printed)
    return kinerja.audit(report)


def test_printed_figures_go_to_the_audit():
    """The fixture's 16 printed figures (13 weights/weighted, 3 totals) all agree: no finding."""
    ikpa = sheets.read_ikpa_sheet(IKPA, {"notation": "id"}, year=2024)
    assert len(ikpa.printed) == 16
    assert {(p.figure, p.text, p.where) for p in ikpa.printed} >= {
        ("ikpa.weighted", "14,13", "IKPA!D7"), ("ikpa.final", "97,70", "IKPA!B18")}
    assert {p.component for p in ikpa.printed if p.figure == "ikpa.weighted"} == {
        "revisi_dipa", "deviasi_halaman_iii", "penyerapan_anggaran", "penyelesaian_tagihan",
        "pengelolaan_up_tup", "capaian_output"}
    assert list(_audit(ikpa)) == []


def test_wrong_printed_figures_are_audit_findings(tmp_path):
    """14,12 (14,127 truncated) and a Konversi Bobot of 100: the audit finds both cells."""
    ikpa = sheets.read_ikpa_sheet(_workbook(tmp_path / "i.xlsx", ROWS), {"notation": "id"},
                                  year=2024)
    found = {(finding.location, finding.rule) for finding in _audit(ikpa)}
    assert found == {("IKPA!D3", "rounding-truncated"), ("IKPA!B11", "ikpa-weight-base")}


def _computed(tmp_path, weighted_deviasi):
    """The fixture's rows with number cells as a spreadsheet computes them (floats)."""
    rows = [list(r) for r in ROWS]
    rows[2] = ["Deviasi Halaman III DIPA", 94.18, 15, weighted_deviasi]
    rows[3] = ["Penyerapan Anggaran", 90.02, 20, 90.02 * 20 / 100]
    rows[7] = ["Capaian Output", 98, 25, 98 * 25 / 100]
    rows[9] = ["Nilai Total", "86,63"]  # 10 + 14,127 + 18,004 + 10 + 10 + 24,5 = 86,631
    rows[10] = ["Konversi Bobot", 90]
    return _workbook(tmp_path / "computed.xlsx", rows)


def test_number_cells_are_their_stored_values_not_float_noise(tmp_path):
    """90,02 × 20 / 100 is 18.003999999999998 as a float: read as 18,004 and judged right."""
    assert repr(90.02 * 20 / 100) == "18.003999999999998"  # the noise not to print
    ikpa = sheets.read_ikpa_sheet(_computed(tmp_path, 15 * 94.18 / 100),
                                  {"notation": "id"}, year=2024)
    weighted = {f.component: f.text for f in ikpa.printed if f.figure == "ikpa.weighted"}
    # three decimals written as four: the same value, never read as thousands
    assert weighted["penyerapan_anggaran"] == "18,0040"
    assert weighted["deviasi_halaman_iii"] == "14,1270"  # 15 × 94,18 / 100 = 14,127
    assert weighted["capaian_output"] == "24,5"
    assert ikpa.warnings == ()  # every printed figure agrees: no false alarm from the noise
