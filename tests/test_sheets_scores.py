"""write_scores_xlsx: batch scores as real numbers, two places, frozen headings, one sheet each."""

import numpy as np
import openpyxl
import pytest

import kinerja
from kinerja import batch, sheets

# Two satkers under IKPA 2024 (weights 10, 15, 20, 10, 10, 10, 25).  The first is the
# fixture ikpa.xlsx: Belanja Kontraktual not applicable, so
# Nilai Total = (100·10 + 94,18·15 + 96,5·20 + 100·10 + 100·10 + 98·25) / 100 = 87,927,
# Konversi Bobot = 90, Nilai Akhir = 87,927 / 90 × 100 = 97,6966… → 97,70.
# Perencanaan (100·10 + 94,18·15) / 25 = 96,508 → 96,51.  The second scores 100 everywhere.
COLUMNS = {
    "revisi_dipa": [100.0, 100.0], "deviasi_halaman_iii": [94.18, 100.0],
    "penyerapan_anggaran": [96.5, 100.0], "belanja_kontraktual": [np.nan, 100.0],
    "penyelesaian_tagihan": [100.0, 100.0], "pengelolaan_up_tup": [100.0, 100.0],
    "capaian_output": [98.0, 100.0], "dispensasi_spm": [0.0, 0.0]}


@pytest.fixture(scope="module")
def scores():
    """The two satkers scored as a batch."""
    return batch.ikpa_scores(2024, {k: np.array(v) for k, v in COLUMNS.items()},
                             nan="not_applicable")


def test_rows_are_real_rounded_numbers(scores, tmp_path):
    """Labels, aspects, totals as numbers rounded half up, the category as text."""
    path = sheets.write_scores_xlsx(tmp_path / "s.xlsx", {"IKPA 2024": scores},
                                    labels=["693222", "693223"])
    sheet = openpyxl.load_workbook(path)["IKPA 2024"]
    assert [c.value for c in sheet[1]] == [
        "Satker", "Aspek Kualitas Perencanaan Anggaran", "Aspek Kualitas Pelaksanaan Anggaran",
        "Aspek Kualitas Hasil Pelaksanaan Anggaran", "Nilai Total", "Konversi Bobot",
        "Nilai Akhir", "Kategori"]
    assert [c.value for c in sheet[2]] == ["693222", 96.51, 98.25, 98, 87.93, 90, 97.7,
                                           "Sangat Baik"]
    assert [c.value for c in sheet[3]][4:] == [100, 100, 100, "Sangat Baik"]
    assert {sheet.cell(2, n).number_format for n in range(2, 8)} == {"#,##0.00"}
    assert sheet.freeze_panes == "B2"


def test_english_headings_and_default_labels(scores, tmp_path):
    """In English the headings change; without labels the rows are numbered 1, 2."""
    path = sheets.write_scores_xlsx(tmp_path / "s.xlsx", scores, lang="en")
    book = openpyxl.load_workbook(path)
    sheet = book[book.sheetnames[0]]
    assert [c.value for c in sheet[1]][-1] == "Category"
    assert [sheet.cell(r, 1).value for r in (2, 3)] == [1, 2]


def test_bad_arguments_are_named(scores, tmp_path):
    """Not scores, a label count that differs, sheets of different lengths: each refused."""
    with pytest.raises(kinerja.InvalidTypeError, match="BatchScore"):
        sheets.write_scores_xlsx(tmp_path / "s.xlsx", [scores])
    with pytest.raises(kinerja.InvalidValueError, match="2 rows of scores but 1 labels"):
        sheets.write_scores_xlsx(tmp_path / "s.xlsx", scores, labels=["A"])
    one = batch.ikpa_scores(2024, {k: np.array(v[:1]) for k, v in COLUMNS.items()},
                            nan="not_applicable")
    with pytest.raises(kinerja.InvalidValueError, match="same rows"):
        sheets.write_scores_xlsx(tmp_path / "s.xlsx", {"a": scores, "b": one})
