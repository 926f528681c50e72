"""Bad documents through the command line: one clear message and exit 2, or a draft that says why.

Issue 14: an encrypted, empty, scanned, corrupt or non-report document gives one clear
message and exit status 2, for ``kinerja extract`` and for ``kinerja audit``; a report
without any recognisable table gives an empty draft and a review item saying so.
"""

from __future__ import annotations

import pytest

import kinerja
from kinerja.cli import main

from .test_extract import _locked_pdf, _pdf

docx = pytest.importorskip("docx")
pytest.importorskip("pdfplumber")


def _word(path, *paragraphs):
    """Write a Word document of *paragraphs* (none: a valid document without any text)."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))


def _make(path, kind):
    """Write the bad document *kind* at *path*."""
    if kind == "zero bytes":
        path.write_bytes(b"")
    elif kind == "no text":
        path.write_text("\n  \n", encoding="utf-8")
    elif kind == "word without text":
        _word(path)
    elif kind == "scan":
        _pdf(path, [])
    elif kind == "encrypted":
        _locked_pdf(path)
    elif kind == "corrupt":
        path.write_bytes(b"PK\x03\x04 cut short" if path.suffix == ".docx"
                         else b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    elif kind == "memo" and path.suffix == ".docx":
        _word(path, "Undangan rapat koordinasi", "Hari Senin pukul 09.00 di aula.")
    elif kind == "memo" and path.suffix == ".pdf":
        _pdf(path, ["Undangan rapat koordinasi", "Hari Senin pukul 09.00 di aula."])
    else:
        path.write_text("Undangan rapat koordinasi.\nHari Senin pukul 09.00.\n",
                        encoding="utf-8")


BAD = [
    ("kosong.pdf", "zero bytes", "the document is an empty file (0 bytes)"),
    ("kosong.docx", "zero bytes", "the document is an empty file (0 bytes)"),
    ("kosong.md", "no text", "the document has no text"),
    ("kosong2.docx", "word without text", "the document has no text: an empty Word document"),
    ("pindaian.pdf", "scan", "the document has no text: a scan without a text layer"),
    ("terkunci.pdf", "encrypted", "encrypted (a password is needed)"),
    ("rusak.pdf", "corrupt", "damaged or not a .pdf file"),
    ("rusak.docx", "corrupt", "damaged or not a .docx file"),
    ("undangan.md", "memo", "no reporting year found: this does not look like a report"),
    ("undangan.docx", "memo", "no reporting year found: this does not look like a report"),
    ("undangan.pdf", "memo", "no reporting year found: this does not look like a report"),
]


@pytest.mark.parametrize("command", ["extract", "audit"])
@pytest.mark.parametrize(("name", "kind", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_document_gives_one_message_and_exit_2(tmp_path, capsys, command, name, kind,
                                                   message):
    """The message names the file, says what is wrong and how to fix it; nothing is written."""
    path = tmp_path / name
    _make(path, kind)
    out = tmp_path / "out.txt"
    assert main([command, str(path), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(f"kinerja: {path}: ")
    assert message in lines[0]
    assert ". Fix: " in lines[0]
    assert not out.exists()


@pytest.mark.parametrize("suffix", [".md", ".docx", ".pdf"])
def test_report_without_tables_gives_an_empty_draft_that_says_so(tmp_path, capsys, suffix):
    """A titled report with no table: exit 0, an empty loadable draft, review items on stderr."""
    path = tmp_path / f"laporan{suffix}"
    lines = ["LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2023", "BALAI CONTOH KELAS II",
             "Seluruh kegiatan berjalan dengan baik."]
    if suffix == ".md":
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    elif suffix == ".docx":
        _word(path, *lines)
    else:
        _pdf(path, lines)
    out = tmp_path / "draft.toml"
    assert main(["extract", str(path), "-o", str(out)]) == 0
    draft = kinerja.load_report(out)
    assert (draft.year, draft.satker.name, draft.indicators) == (
        2023, "Balai Contoh Kelas II", ())
    err = capsys.readouterr().err
    assert "review: (document): no table was recognised: the draft is empty" in err
    assert "# REVIEW (document): no table was recognised" in out.read_text(encoding="utf-8")
    assert main(["audit", str(path)]) == 0
    captured = capsys.readouterr()
    assert "not yet reviewed (3 review items" in captured.err
    assert "Traceback" not in captured.err + captured.out
