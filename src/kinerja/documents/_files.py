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
from kinerja.exceptions import ReportFileError

__all__ = ["document_text"]


def _cell_text(text: str | None) -> str:
    return " ".join((text or "").replace("\t", " ").split())


def docx_text(path: str) -> str:
    """The text of a Word document, its tables as tab-separated rows (merged cells once)."""
    docx = optional_import("docx", extra="docx", feature="extract (Word)")
    document = docx.Document(path)
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(node.text or "" for node in child.iter()
                                 if node.tag.endswith("}t")))
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            lines.append("")
            for row in table.rows:
                seen: list[Any] = []
                cells = []
                for cell in row.cells:
                    if any(cell._tc is other for other in seen):  # a merged cell, once
                        continue
                    seen.append(cell._tc)
                    cells.append(_cell_text(cell.text))
                lines.append("\t".join(cells) if len(cells) > 1 else cells[0] + "\t")
            lines.append("")
    return "\n".join(lines)


def pdf_text(path: str) -> str:
    """The text of a PDF's text layer, page by page, its tables as tab-separated rows."""
    pdfplumber = optional_import("pdfplumber", extra="pdf", feature="extract (PDF)")
    out: list[str] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            tables = page.find_tables()
            boxes = [table.bbox for table in tables]

            def outside(obj: dict[str, Any], boxes: list[Any] = boxes) -> bool:
                return not any(b[0] <= obj.get("x0", 0) <= b[2] and b[1] <= obj.get("top", 0)
                               <= b[3] for b in boxes)

            items: list[tuple[float, str]] = [
                (line["top"], line["text"])
                for line in page.filter(outside).extract_text_lines()]
            for table in tables:
                rows = ["\t".join(_cell_text(cell) for cell in row) for row in table.extract()]
                items.append((table.bbox[1], "\n" + "\n".join(rows) + "\n"))
            out.extend(text for _, text in sorted(items, key=lambda item: item[0]))
    return "\n".join(out)


def document_text(path: str, suffix: str, *, fix: str) -> str:
    """The text of the Word or PDF document at *path*; one ReportFileError for any failure."""
    if not os.path.isfile(path):
        raise ReportFileError("cannot read the report document: no such file", field=path,
                              fix=fix)
    reader = docx_text if suffix == ".docx" else pdf_text
    try:
        text = reader(path)
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
    if not text.strip():
        what = "a scan without a text layer" if suffix == ".pdf" else "an empty document"
        raise ReportFileError(f"the document has no text: {what}", field=path,
                              fix="run OCR on a scan first, or " + fix)
    return text
