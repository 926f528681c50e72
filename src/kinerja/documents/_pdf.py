"""A PDF's text layer as the text a Word converter writes: paragraphs as lines, tables as rows.

pdfplumber gives lines of text and ruled tables page by page.  Three things make
that text like the one a converter writes from the Word original, which the
readers of ``_layout.py`` expect:

- **paragraphs**: the lines a paragraph wraps into are joined again (a line that
  reaches the right edge, followed closely by the next, continues on it), so a
  sentence such as ``Dari 1327 klien ... sebanyak 994`` is one line;
- **tables continued on the next page**: a table that ends its page and one that
  starts the next with as many columns are one table; the header rows Word
  repeats on the new page are dropped;
- **page furniture**: running heads and page numbers (lines in the top or bottom
  margin that repeat from page to page, or are a bare number) are left out;
- **merged cells**: a cell merged over columns or rows is printed once, in its
  first column and row, and the others are empty, as converters write them.
"""

from __future__ import annotations

import re
from typing import Any

from kinerja.core._extras import optional_import

__all__ = ["pdf_document", "pdf_text"]

#: the share of the page's height at its top and bottom where running heads and page numbers sit
MARGIN = 0.085
_PAGE_NUMBER = re.compile(r"(?:hal(?:aman)?\.?\s*)?[-–]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–]?",
                          re.IGNORECASE)
_STARTS = re.compile(r"^(?:\d{1,2}[.)]\s|[-•]\s|(?:Tabel|Table|Gambar)\s+\d)", re.IGNORECASE)


#: A number written whole: digits, grouped by threes, a decimal part (4.100.832.000; 99,98).
_WHOLE_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
                           r"|\d+(?:[.,]\d+)?")


def _cell(text: str | None) -> str:
    r"""A cell's text on one line; a number its narrow column wrapped is joined again.

    Two lines are one number when the break falls at a separator (``4.100.832.`` /
    ``000``) or inside a group (``4.100.83`` / ``2.000``: the first part is no number
    as written); two whole numbers stacked in a cell (``75`` / ``80``) stay two.

    >>> _cell("4.100.832.\n000"), _cell("4.100.83\n2.000"), _cell("75\n80")
    ('4.100.832.000', '4.100.832.000', '75 80')
    """
    lines = (text or "").split("\n")
    joined = lines[:1]
    for line in lines[1:]:
        before = re.search(r"[\d.,]+$", joined[-1])
        after = re.match(r"[\d.,]+", line)
        if before and after and (before[0][-1] in ".," or after[0][0] in ".,"
                                 or not _WHOLE_NUMBER.fullmatch(before[0])):
            joined[-1] += line
        else:
            joined.append(line)
    return " ".join(" ".join(joined).replace("\t", " ").split())


def _paragraphs(lines: list[dict[str, Any]]) -> list[tuple[float, str]]:
    """The lines of a page's prose, the wrapped lines of a paragraph joined (top, text)."""
    if not lines:
        return []
    left = min(line["x0"] for line in lines)
    right = max(line["x1"] for line in lines)
    out: list[tuple[float, str]] = []
    previous: dict[str, Any] | None = None
    for line in lines:
        text = line["text"].strip()
        if previous is not None and out:
            height = previous["bottom"] - previous["top"]
            gap = line["top"] - previous["bottom"]
            full = previous["x1"] >= right - 0.25 * (right - left)
            if 0 <= gap < 0.45 * height and full and not _STARTS.match(text) \
                    and abs(line["x0"] - left) < 0.05 * (right - left):
                out[-1] = (out[-1][0], out[-1][1] + " " + text)
                previous = line
                continue
        out.append((line["top"], text))
        previous = line
    return out


def _page_items(page: Any) -> list[tuple[str, float, Any]]:
    """A page's items from top to bottom: ("margin"|"text", top, str) or ("table", top, rows)."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]

    def outside(obj: dict[str, Any]) -> bool:  # by its middle: a letter may touch a rule
        x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
        y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    lines = page.filter(outside).extract_text_lines() if boxes else page.extract_text_lines()
    top, bottom = page.height * MARGIN, page.height * (1 - MARGIN)
    items: list[tuple[str, float, Any]] = [
        ("margin", line["top"], line["text"]) for line in lines
        if line["bottom"] <= top or line["top"] >= bottom]
    body = [line for line in lines if top < line["bottom"] and line["top"] < bottom]
    items += [("text", at, text) for at, text in _paragraphs(body)]
    for table in tables:
        rows = [[_cell(cell) for cell in row] for row in table.extract()]
        if rows:
            items.append(("table", table.bbox[1], rows))
    return sorted(items, key=lambda item: item[1])


def _furniture(pages: list[list[tuple[str, float, Any]]]) -> None:
    """Lines in the margins that are page numbers or repeat on pages: running heads.

    Other lines in the margins (a title set high on its page) become text again.
    """
    def shape(text: str) -> str:
        return re.sub(r"\d+", "#", " ".join(text.split()).lower())

    counts: dict[str, int] = {}
    for items in pages:
        for key in {shape(text) for kind, _, text in items if kind == "margin"}:
            counts[key] = counts.get(key, 0) + 1
    often = min(3, len(pages)) if len(pages) > 1 else 2
    for items in pages:
        for index, (kind, top, text) in enumerate(items):
            if kind == "margin" and counts[shape(text)] < often \
                    and not _PAGE_NUMBER.fullmatch(text.strip()):
                items[index] = ("text", top, text)


def _join(pages: list[list[tuple[str, float, Any]]]) -> list[tuple[int, Any]]:
    """The pages' items in order, each with its page; a table continued on the next page joined.

    A table is a list of (row, page).  Running heads and page numbers are left out:
    they are no part of the text.
    """
    out: list[tuple[int, Any]] = []
    last_table: list[tuple[list[str], int]] | None = None
    for number, items in enumerate(pages, start=1):
        first = True
        for kind, _, payload in items:
            if kind == "margin":
                continue
            if kind == "table":
                rows = [(row, number) for row in payload]
                if first and last_table is not None and len(payload[0]) == len(last_table[0][0]):
                    repeated = 0  # the header rows Word repeats on the new page
                    while repeated < min(len(payload), len(last_table)) - 1 \
                            and payload[repeated] == last_table[repeated][0]:
                        repeated += 1
                    last_table.extend(rows[repeated:])
                else:
                    out.append((number, rows))
                    last_table = rows
            else:
                out.append((number, payload))
                last_table = None
            first = False
    return out


#: characters that str.splitlines takes for line ends, besides "\n"
_BREAKS = re.compile(r"[\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def pdf_document(path: str) -> tuple[str, tuple[int, ...]]:
    """The text of a PDF's text layer, and the page of each of its lines (1-based)."""
    pdfplumber = optional_import("pdfplumber", extra="pdf", feature="extract (PDF)")
    with pdfplumber.open(path) as pdf:
        pages = [_page_items(page) for page in pdf.pages]
    _furniture(pages)
    lines: list[str] = []
    where: list[int] = []
    for number, item in _join(pages):
        if isinstance(item, str):
            lines.append(_BREAKS.sub(" ", item))
            where.append(number)
            continue
        lines.append("")
        where.append(number)
        for row, page in item:
            line = "\t".join(row) if len(row) > 1 else row[0] + "\t"
            lines.append(_BREAKS.sub(" ", line))
            where.append(page)
        lines.append("")
        where.append(item[-1][1])
    return "\n".join(lines), tuple(where)


def pdf_text(path: str) -> str:
    """The text of a PDF's text layer: paragraphs as lines, tables as tab-separated rows."""
    return pdf_document(path)[0]
