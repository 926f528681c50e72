"""The command line on published documents: kinerja extract, and kinerja audit of a .md file."""

from __future__ import annotations

from pathlib import Path

import pytest

import kinerja
from kinerja.cli import main

SEED = Path(__file__).parent / "fixtures" / "documents" / "lkjip_2023_bapas_pangkalpinang.md"


def test_extract_writes_a_draft_that_loads_and_lists_review_items(tmp_path, capsys):
    """Kinerja extract -o writes a loadable draft; each review item goes to stderr."""
    out = tmp_path / "draft.toml"
    assert main(["extract", str(SEED), "-o", str(out)]) == 0
    draft = kinerja.load_report(out)
    assert draft.year == 2023
    assert len(draft.indicators) == len(kinerja.example_report().indicators)
    err = capsys.readouterr().err
    assert err.count("review: ") == len(kinerja.extract(SEED).review) > 0


def test_audit_of_a_document_extracts_first_and_says_so(capsys):
    """Kinerja audit lkjip.md audits the draft and warns that it is not reviewed."""
    assert main(["audit", str(SEED), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "not yet reviewed" in captured.err
    assert '"rule": "achievement-polarity"' in captured.out


def test_a_document_that_is_no_report_exits_2(tmp_path, capsys):
    """A text without a reporting year is refused with one message and status 2."""
    path = tmp_path / "catatan.md"
    path.write_text("Rapat koordinasi.\n\nTidak ada tabel.\n", encoding="utf-8")
    assert main(["audit", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kinerja: ")
    assert "Traceback" not in err


def test_tables_as_a_workbook_one_sheet_per_table(tmp_path):
    """Kinerja tables --format xlsx writes every chapter III table, numbers stored as numbers."""
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "bab3.xlsx"
    assert main(["tables", "--format", "xlsx", "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert len(book.sheetnames) == len(kinerja.chapter_three(kinerja.example_report()))
    numbers = [c.value for ws in book for row in ws.iter_rows() for c in row
               if isinstance(c.value, int | float)]
    assert 4_100_202_041 in numbers  # the 2023 spending total of the reference report


def test_findings_as_a_word_document(tmp_path):
    """Kinerja audit --format docx writes the findings as a Word table, one row per finding."""
    docx = pytest.importorskip("docx")
    out = tmp_path / "temuan.docx"
    assert main(["audit", "--format", "docx", "-o", str(out)]) == 0
    document = docx.Document(str(out))
    rows = sum(len(table.rows) for table in document.tables)
    assert rows == len(kinerja.audit(kinerja.example_report()).findings) + 1


def test_a_workbook_needs_an_output_file(capsys):
    """--format xlsx without -o is refused with status 2 and one message."""
    assert main(["tables", "--format", "xlsx"]) == 2
    assert "-o FILE" in capsys.readouterr().err


def test_audit_of_a_document_lists_its_review_items_before_the_findings(capsys):
    """`kinerja audit DOC` names every review item on stderr, the findings on stdout."""
    assert main(["audit", str(SEED), "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert err.count("\nreview: ") == len(kinerja.extract(SEED).review) > 0
    assert "review: " not in out
    assert out.startswith("Audit of")
