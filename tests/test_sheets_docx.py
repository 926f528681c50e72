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
