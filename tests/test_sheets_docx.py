"""The Word writer: chapter III tables as captioned Word tables, findings shaded by severity."""

import docx
import pytest

import kinerja
from kinerja import sheets


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    """The reference report's chapter III and its audit, written once and opened again."""
    report = kinerja.example_report()
    path = tmp_path_factory.mktemp("docx") / "bab3.docx"
    sheets.write_docx(path, kinerja.chapter_three(report), findings=kinerja.audit(report))
    return docx.Document(str(path))


def test_every_table_and_the_findings(document):
    """34 tables and the findings' table: 35, each after its caption."""
    assert len(document.tables) == 35
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions[-1].startswith("Audit Balai Pemasyarakatan Kelas II Pangkalpinang")


def test_cells_are_the_tables_text(document):
    """Tabel 3.23's first row in Indonesian notation, figures right-aligned."""
    table = kinerja.budget_activity_table(kinerja.example_report())
    word = document.tables[-2]
    assert [c.text for c in word.rows[0].cells] == table.headings("id")
    assert [c.text for c in word.rows[1].cells] == [
        "Penyelenggaraan Pemasyarakatan di Wilayah", "570.750.000", "570.644.250", "105.750",
        "99,98"]
    assert word.rows[1].cells[4].paragraphs[0].alignment == 2    # right


def test_findings_severity_cells_are_shaded(document):
    """The first finding is an error: its severity cell reads 'kesalahan', filled FFC7CE."""
    word = document.tables[-1]
    cell = word.rows[1].cells[0]
    assert cell.text == "kesalahan"
    assert 'w:fill="FFC7CE"' in cell._tc.xml
    assert len(word.rows) == 1 + 48                               # 35 + 9 + 4 findings


def test_bad_arguments_are_named(tmp_path):
    """A single table (not a list) is refused, naming the field."""
    table = kinerja.budget_activity_table(kinerja.example_report())
    with pytest.raises(kinerja.InvalidTypeError, match="list of Table"):
        sheets.write_docx(tmp_path / "t.docx", table)


def _spans(row):
    """(text, gridSpan, vMerge) of each real cell (w:tc) of a Word table row."""
    return [("".join(t.text or "" for t in tc.iter(tc.tag.replace("}tc", "}t"))), tc.grid_span,
             tc.vMerge) for tc in row._tr.tc_lst]


def test_captions_number_the_tables_of_chapter_three(document):
    """Captions 'Tabel 3.1' … 'Tabel 3.34' in order, each followed by the table's title."""
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"][:-1]
    assert [" ".join(c.split()[:2]) for c in captions] == [f"Tabel 3.{n}" for n in range(1, 35)]
    assert captions[0] == "Tabel 3.1 Capaian Kinerja Tahun 2023"


def test_years_header_is_merged_over_its_columns(document):
    """Tabel 3.3 (IKU-1 by year): 2022 and 2023 each span four columns; the others two rows."""
    word = document.tables[2]
    top, bottom = word.rows[0], word.rows[1]
    assert _spans(top) == [("Indikator", 1, "restart"), ("2022", 4, None), ("2023", 4, None),
                           ("Perubahan", 1, "restart")]
    assert _spans(bottom) == [("", 1, "continue"),
                              *[(t, 1, None) for t in ("Target", "Realisasi", "Capaian (%)",
                                                       "Konversi 120% (%)")] * 2,
                              ("", 1, "continue")]
    assert word.rows[2].cells[0].text.startswith("Persentase klien")
    for row in (top, bottom):
        assert "w:tblHeader" in row._tr.xml


def test_plan_header_puts_target_over_the_years(document):
    """The plan table: 'Target' over 2022 … 2025, then 2023 over Realisasi and Capaian."""
    keys = [table.key for table in kinerja.chapter_three(kinerja.example_report())]
    word = document.tables[keys.index("IKK-1.1.plan")]
    assert _spans(word.rows[0])[1:3] == [("Target", 4, None), ("2023", 2, None)]
    assert [text for text, _, _ in _spans(word.rows[1])][1:7] == [
        "2022", "2023", "2024", "2025", "Realisasi", "Capaian thd Target (%)"]


def test_english_captions(tmp_path):
    """In English the caption word is 'Table' and the merged year stays the year."""
    path = tmp_path / "en.docx"
    report = kinerja.example_report()
    sheets.write_docx(path, kinerja.chapter_three(report)[:3], lang="en")
    document = docx.Document(str(path))
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert [c.split()[:2] for c in captions] == [["Table", "3.1"], ["Table", "3.2"],
                                                  ["Table", "3.3"]]
    assert _spans(document.tables[2].rows[1])[1][0] == "Target"
