"""What an extraction gives: the draft report, where each value came from, and what to review."""

from __future__ import annotations

import attrs

from kinerja.core._frozen import FrozenMap
from kinerja.core._validators import checked
from kinerja.report import Report, dump_report

__all__ = ["Extraction", "Provenance", "ReviewItem"]


@checked
@attrs.frozen(kw_only=True)
class Provenance:
    """Where in the document a value was read.

    Parameters
    ----------
    line : int
        The line of the document's text (1-based; for Word and PDF, of the text
        kinerja made of it).
    text : str
        The text the value was read from, as printed (a cell, a sentence).
    table : str, optional
        The table's caption (``"Tabel 3.2"``), when the value is in a table.
    row : str, optional
        The row's label (the indicator, ``"Belanja Pegawai"``).
    column : str, optional
        The column's label (``"Tahun 2022 Target"``).
    page : int, optional
        The page of a PDF the value is printed on (1-based; a PDF's pages are
        fixed, a Word document's are not).

    >>> Provenance(line=599, text="60 %", table="Tabel 3.2", column="Target").describe()
    "line 599, Tabel 3.2, column 'Target': '60 %'"
    >>> Provenance(line=412, text="60 %", table="Tabel 3.2", page=21).describe()
    "page 21, line 412, Tabel 3.2: '60 %'"
    """

    line: int
    text: str
    table: str | None = None
    row: str | None = None
    column: str | None = None
    page: int | None = None

    def describe(self) -> str:
        """The place, for people: page, line, table, row, column and the text."""
        parts = [f"line {self.line}"] if self.page is None else [f"page {self.page}",
                                                                 f"line {self.line}"]
        if self.table:
            parts.append(self.table)
        if self.row:
            parts.append(f"row {self.row[:60]!r}")
        if self.column:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts) + f": {self.text[:80]!r}"


@checked
@attrs.frozen(kw_only=True)
class ReviewItem:
    """Something in the draft a person must check: a guess, a choice, a gap.

    Parameters
    ----------
    path : str
        The key path in the draft (``"indicators.IKK-1.2.polarity"``), or ``""``
        for the document as a whole.
    reason : str
        Why it needs review, in one sentence.
    candidates : tuple of str
        The values the document offers, each with where it was read; the first
        is the one the draft took, when it took one.

    >>> item = ReviewItem(path="conventions.cap", reason="the cap was read from the text",
    ...                   candidates=("120 (line 631)",))
    >>> item.describe()
    'conventions.cap: the cap was read from the text [120 (line 631)]'
    """

    path: str
    reason: str
    candidates: tuple[str, ...] = ()

    def describe(self) -> str:
        """One line: the path, the reason and the candidates."""
        tail = f" [{'; '.join(self.candidates)}]" if self.candidates else ""
        return f"{self.path or '(document)'}: {self.reason}{tail}"


@checked
@attrs.frozen(kw_only=True)
class Extraction:
    """A published report read into a draft report file.

    Parameters
    ----------
    source : str
        The document's name.
    report : Report
        The draft: a valid report (it loads, it audits), holding only numbers the
        document prints.
    review : tuple of ReviewItem
        What a person must check before trusting the draft.
    provenance : FrozenMap of str to Provenance
        Where each extracted value was read, by key path
        (``"indicators.IKK-1.1.targets.2023"``, ``"budget.spending_type.2023.51.pagu"``,
        ``"printed[12]"``).

    Examples
    --------
    >>> import kinerja
    >>> result = kinerja.documents.extract_text("Tidak ada tabel di sini.", source="memo.txt",
    ...                                          year=2023)
    >>> [item.reason for item in result.review][:1]
    ['no performance-agreement table was recognised: the draft has no indicators']
    """

    source: str
    report: Report
    review: tuple[ReviewItem, ...] = ()
    provenance: FrozenMap[str, Provenance] = attrs.field(factory=FrozenMap)

    def draft_toml(self) -> str:
        """The draft as a report file (TOML), with the review list as a header comment."""
        head = [f"# Draft read from {self.source} by kinerja.extract: review before use."]
        head += [f"# REVIEW {item.describe()}" for item in self.review]
        return "\n".join(head) + "\n\n" + dump_report(self.report)
