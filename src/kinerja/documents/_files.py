"""Word and PDF documents as text: paragraphs as lines, table rows as tab-separated cells.

The libraries are optional extras (``kinerja[docx]``: python-docx,
``kinerja[pdf]``: pdfplumber), imported when a document of their kind is read.
Whatever goes wrong inside them (a corrupt, encrypted or empty file) becomes one
:class:`~kinerja.ReportFileError` naming the file.
"""

from __future__ import annotations

import os
from typing import Any

from kinerja.core._extras import optional_import
from kinerja.documents._pdf import pdf_document
from kinerja.exceptions import ReportFileError

__all__ = ["document_text"]


def _cell_text(text: str | None) -> str:
    return " ".join((text or "").replace("\t", " ").split())


def docx_text(path: str) -> str:
    """The text of a Word document, its tables as tab-separated rows.

    A merged cell is written once, in its first column and row; the columns and
    rows it covers are empty cells, as Word's converters write them.
    """
    docx = optional_import("docx", extra="docx", feature="extract (Word)")
    document = docx.Document(path)
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(node.text or "" for node in child.iter()
                                 if node.tag.endswith("}t")))
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            seen: set[int] = set()
            alive: list[Any] = []  # the cells seen, kept so that their ids stay theirs
            lines.append("")
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    cells.append("" if id(cell._tc) in seen else _cell_text(cell.text))
                    seen.add(id(cell._tc))
                    alive.append(cell._tc)
                lines.append("\t".join(cells) if len(cells) > 1 else cells[0] + "\t")
            lines.append("")
    return "\n".join(lines)


def document_text(path: str, suffix: str, *, fix: str) -> tuple[str, tuple[int, ...] | None]:
    """The text of the Word or PDF document at *path*, and for a PDF the page of each line.

    One ReportFileError for any failure.
    """
    if not os.path.isfile(path):
        raise ReportFileError("cannot read the report document: no such file", field=path,
                              fix=fix)
    if os.path.getsize(path) == 0:
        raise ReportFileError("the document is an empty file (0 bytes)", field=path, fix=fix)
    pages: tuple[int, ...] | None = None
    try:
        if suffix == ".docx":
            text = docx_text(path)
        else:
            text, pages = pdf_document(path)
    except ReportFileError:
        raise
    except ImportError:
        raise
    except Exception as error:  # a damaged file fails anywhere in the library
        kind = type(error).__name__
        detail = f"{kind} {error!r}".lower()  # pdfplumber wraps pdfminer's error in its args
        reason = "encrypted (a password is needed)" if "password" in detail \
            or "encrypt" in detail else f"damaged or not a {suffix} file"
        raise ReportFileError(f"cannot read the document: {reason} ({kind})", field=path,
                              fix=fix) from None
    if not text.strip() and suffix == ".pdf":
        raise ReportFileError("the document has no text: a scan without a text layer",
                              field=path, fix="run OCR on the scan first (e.g. ocrmypdf), or "
                              + fix)
    if not text.strip():
        raise ReportFileError("the document has no text: an empty Word document", field=path,
                              fix=fix)
    return text, pages
