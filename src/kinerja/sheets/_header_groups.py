"""Two-row table headers as LKjIPs print them: a year merged over its columns.

``Target 2022 | Realisasi 2022 | Capaian 2022 (%)`` is printed as ``2022``
spanning ``Target | Realisasi | Capaian (%)``; ``Target 2022 | Target 2023``
as ``Target`` spanning ``2022 | 2023``; any other heading spans both rows.
Docs page *Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

__all__ = ["HeaderCell", "header_rows"]

#: A year that stands alone in a heading (not "(2025)", not part of a longer number).
_YEAR = re.compile(r"(?<![\d(])((?:19|20)\d\d)(?![\d)])")


@attrs.frozen
class HeaderCell:
    """One cell of a two-row header: its text, its first and last column, its row (0 or 1).

    A cell of row 0 whose ``rows`` is 2 spans both header rows.
    """

    text: str
    first: int
    last: int
    row: int = 0
    rows: int = 1


def _split(heading: str) -> tuple[str, str] | None:
    """The one standalone year of a heading and the heading without it, or None."""
    masked = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group()), heading)
    years = list(_YEAR.finditer(masked))
    if len(years) != 1:
        return None
    found = years[0]
    rest = " ".join((heading[:found.start()] + heading[found.end():]).split())
    return found.group(1), rest


def _runs(keys: Sequence[str | None]) -> list[tuple[int, int]]:
    """Maximal runs (first, last) of two or more equal, non-None consecutive keys."""
    runs, start = [], 0
    for index in range(1, len(keys) + 1):
        if index == len(keys) or keys[index] != keys[start] or keys[start] is None:
            if keys[start] is not None and index - start >= 2:
                runs.append((start, index - 1))
            start = index
    return runs


def header_rows(headings: Sequence[str]) -> list[HeaderCell] | None:
    """The cells of a two-row header for *headings*, or None when no heading is grouped.

    >>> cells = header_rows(["Indikator", "Target 2022", "Capaian 2022 (%)", "Target 2023",
    ...                      "Capaian 2023 (%)"])
    >>> [(c.text, c.first, c.last, c.row, c.rows) for c in cells]  # doctest: +NORMALIZE_WHITESPACE
    [('Indikator', 0, 0, 0, 2), ('2022', 1, 2, 0, 1), ('Target', 1, 1, 1, 1),
     ('Capaian (%)', 2, 2, 1, 1), ('2023', 3, 4, 0, 1), ('Target', 3, 3, 1, 1),
     ('Capaian (%)', 4, 4, 1, 1)]
    >>> [c.text for c in header_rows(["Indikator", "Target 2024", "Target 2025"])]
    ['Indikator', 'Target', '2024', '2025']
    >>> header_rows(["Sasaran Kegiatan", "Pagu (Rp)", "Capaian (%)"]) is None
    True
    """
    split = [_split(heading) for heading in headings]
    years = [s[0] if s else None for s in split]
    tops: dict[int, tuple[str, int, int]] = {}
    for first, last in _runs(years):
        for column in range(first, last + 1):
            tops[column] = (str(years[first]), first, last)
    prefixes = [s[1] if s and i not in tops and headings[i].endswith(s[0]) else None
                for i, s in enumerate(split)]
    for first, last in _runs(prefixes):
        for column in range(first, last + 1):
            tops[column] = (str(prefixes[first]), first, last)
    if not tops:
        return None
    cells: list[HeaderCell] = []
    for column, heading in enumerate(headings):
        parts = split[column]
        if column not in tops or parts is None:
            cells.append(HeaderCell(heading, column, column, 0, 2))
            continue
        top, first, last = tops[column]
        if column == first:
            cells.append(HeaderCell(top, first, last))
        year, rest = parts
        cells.append(HeaderCell(year if top == rest else rest, column, column, 1))
    return cells
