r"""The layout of a report's text: table blocks with their captions, headings, formulas.

Word converters write a table row as one line of tab-separated cells, a caption
as a line (often bold, ``**Tabel 3.2 ...**``) above the table, and formulas as
LaTeX (``$$\frac{31}{47} \\times 100\\% = 66\\%$$``).  This module cuts the text
into those pieces; the readers in ``_tables.py`` and ``_sentences.py`` give them
meaning.
"""

from __future__ import annotations

import difflib
import re
from decimal import Decimal

import attrs

from kinerja.core._parse import parse_number
from kinerja.exceptions import KinerjaError

__all__ = ["Block", "Layout", "Row", "caption_year", "clean", "layout", "number_in", "similarity"]

_NUMBER = re.compile(r"\d[\d.,]*")
#: a caption starts its line, follows bold marks, or is glued to the paragraph before it
#: (``...tahun sebelumnyaTabel 3.17``: Word's bold caption run after text, no break
#: between), capitalised then, so that "portabel 3 unit" is no caption
_CAPTION = re.compile(r"(?:(?:^|\*\*)\s*(?i:tabel|table)|(?<=[a-z])(?:Tabel|Table))"
                      r"\s+(\d+(?:\.\d+)*)\.?\s*(.*)")
_AGREEMENT_CAPTION = re.compile(r"^\W*PERJANJIAN KINERJA\s+TAHUN\s+(\d{4})", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:Tahun(?: Anggaran)?|TA\.?)\s+((?:19|20)\d{2})\b", re.IGNORECASE)


def clean(text: str) -> str:
    """*text* without Markdown emphasis and surrounding blanks.

    >>> clean("**Tabel 3.2 Indikator**  ")
    'Tabel 3.2 Indikator'
    """
    return re.sub(r"\*+|<[^>]+>", " ", text).replace("\u00a0", " ").strip().replace("  ", " ")


def similarity(left: str, right: str) -> float:
    """How alike two names are, 0 to 1, ignoring case, spaces, punctuation and numbering.

    >>> similarity("Persentase klien di luar lembaga", "1. Persentase Klien diluar lembaga")
    1.0
    """
    def norm(text: str) -> str:
        text = re.sub(r"^\s*\d+\s*[.)]\s*", "", text.lower())
        text = text.replace("/", " atau ").replace(" yg ", " yang ")
        return re.sub(r"[^a-z0-9]", "", text)

    a, b = norm(left), norm(right)
    if not a or not b:
        return 0.0
    whole = difflib.SequenceMatcher(None, a, b).ratio()
    short, long = sorted((a, b), key=len)
    if len(short) >= 25:  # a name cut short: compare with the same length of the other
        partial = difflib.SequenceMatcher(None, short, long[: len(short)]).ratio()
        if partial >= 0.85:
            return max(whole, partial)
    return whole


def number_in(cell: str) -> Decimal | None:
    """The first number printed in *cell* (``"60 %"`` → 60, ``"1Layanan"`` → 1), or None.

    >>> number_in("88,2 %"), number_in("1Layanan"), number_in("t/d")
    (Decimal('88.2'), Decimal('1'), None)
    """
    match = _NUMBER.search(cell)
    if match is None:
        return None
    token = match[0].rstrip(".,")
    try:
        return parse_number(token)
    except KinerjaError:
        return None


@attrs.frozen(kw_only=True)
class Row:
    """A table row: its line in the text and its cells."""

    line: int
    cells: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Block:
    """Consecutive table rows, with the caption that heads them (``None`` if none)."""

    caption: str | None
    caption_text: str
    rows: tuple[Row, ...]


@attrs.frozen(kw_only=True)
class Layout:
    """A report's text cut into lines, table blocks and the prose between them."""

    lines: tuple[str, ...]
    blocks: tuple[Block, ...]
    #: for every line (1-based index - 1): the index of the first block starting after it
    next_block: tuple[int, ...]


def caption_year(block: Block) -> int | None:
    """The year a caption names (``Perjanjian Kinerja Tahun 2023`` → 2023), if any.

    >>> caption_year(Block(caption="Tabel 2.1", caption_text="Perjanjian Kinerja Tahun 2023",
    ...                    rows=()))
    2023
    """
    match = _YEAR.search(block.caption_text)
    return int(match[1]) if match else None


def layout(text: str) -> Layout:
    r"""Cut *text* into table blocks, each under its caption.

    A caption heads the table blocks that follow it, across the blank lines
    between them, until a line of prose after a table or the next caption.

    >>> page = "Tabel 3.2 Capaian\n\nIndikator\tTarget\nKlien bekerja\t60 %\n"
    >>> block = layout(page).blocks[0]
    >>> block.caption, [row.cells for row in block.rows]
    ('Tabel 3.2', [('Indikator', 'Target'), ('Klien bekerja', '60 %')])
    """
    lines = tuple(text.splitlines())
    blocks: list[Block] = []
    caption: str | None = None
    caption_text = ""
    after_table = False
    current: list[Row] = []
    starts: list[int] = []

    def close() -> None:
        nonlocal current
        if current:
            blocks.append(Block(caption=caption, caption_text=caption_text, rows=tuple(current)))
            starts.append(current[0].line)
            current = []

    for number, line in enumerate(lines, start=1):
        if "\t" in line and line.strip():
            current.append(Row(line=number, cells=tuple(clean(c) for c in line.split("\t"))))
            after_table = True
            continue
        close()
        stripped = clean(line)
        if not stripped:
            continue
        found = list(_CAPTION.finditer(line))
        agreement = _AGREEMENT_CAPTION.match(stripped)
        if found:
            last = found[-1]
            caption = f"Tabel {last[1]}"
            caption_text = clean(last[2])
            after_table = False
        elif agreement:
            caption = f"Perjanjian Kinerja {agreement[1]}"
            caption_text = f"Perjanjian Kinerja Tahun {agreement[1]}"
            after_table = False
        elif after_table:
            caption, caption_text, after_table = None, "", False
        elif caption is not None:
            caption_text = (caption_text + " " + stripped)[:300]
    close()
    next_block = []
    index = 0
    for number in range(1, len(lines) + 1):
        while index < len(starts) and starts[index] <= number:
            index += 1
        next_block.append(index)
    return Layout(lines=lines, blocks=tuple(blocks), next_block=tuple(next_block))

