"""Period headings of a sheet's columns: "Jan", "Realisasi Maret", "Target TW I".

Monthly and quarterly columns are found by the period they name, read by
:func:`~kinerja.period_key` (with the Indonesian abbreviations exports use:
"Agt", "Nop", "Peb").  Docs page *Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

from typing import Any

from kinerja.exceptions import KinerjaError
from kinerja.indicators._periods import period_key
from kinerja.sheets._workbook import Grid, is_blank, normalise

__all__ = ["Periods", "period_columns", "period_heading"]

#: Period columns: (figure, period key) → 0-based column.
Periods = dict[tuple[str, str], int]

_ALIASES = {"agt": "agustus", "ags": "agustus", "nop": "november", "nopember": "november",
            "peb": "februari", "pebruari": "februari", "okt": "oktober", "des": "desember"}
_TARGET = ("target",)
_REALIZATION = ("realisasi", "real", "realization", "rr")


def period_heading(value: Any) -> tuple[str, str] | None:
    """``(figure, period)`` of a period column's heading, or ``None`` for another heading.

    *figure* is ``"target"`` or ``"realization"`` (a bare period is a
    realization); *period* the canonical key (``"M1"``, ``"TW1"``, ``"S2"``).

    >>> period_heading("Jan"), period_heading("Target TW I"), period_heading("Realisasi Agt")
    (('realization', 'M1'), ('target', 'TW1'), ('realization', 'M8'))
    >>> period_heading("Capaian TW I") is None, period_heading("Pagu") is None
    (True, True)
    """
    words = normalise(value).replace(".", " ").split()
    if not words:
        return None
    figure = "realization"
    if words[0] in _TARGET:
        figure, words = "target", words[1:]
    elif words[0] in _REALIZATION:
        words = words[1:]
    if not words:
        return None
    text = " ".join(_ALIASES.get(word, word) for word in words)
    try:
        return figure, period_key(text)
    except KinerjaError:
        return None


def period_columns(grid: Grid, header: int, columns: dict[str, int], *, months_only: bool
                   ) -> tuple[Periods, list[str], int]:
    """The period columns of a header, the headings nothing reads, and the first data row.

    Periods are named on the header row itself ("Jan", "TW I"), or on the row
    beneath it under a group heading merged over them ("Realisasi" over "Jan" …
    "Des", "Target" over "TW I" … "TW IV"): a two-row header.  A field whose
    heading is such a group (*columns* is changed in place) is dropped: its
    figures are the periods'.  With *months_only*, only realizations per month
    count (a budget export).
    """

    def wanted(found: tuple[str, str] | None) -> bool:
        return found is not None and (not months_only or (
            found[0] == "realization" and found[1].startswith("M")))

    periods: Periods = {}
    unread: dict[int, str] = {}
    for column, heading in enumerate(grid.rows[header - 1]):
        if column in columns.values() or is_blank(heading):
            continue
        found = period_heading(heading)
        if found is not None and wanted(found) and found not in periods:
            periods[found] = column
        else:
            unread[column] = str(heading).strip()
    start = header + 1
    if not periods and header < len(grid.rows):
        group = ""
        for column, heading in enumerate(grid.rows[header]):
            above = grid.cell(header, column)
            group = normalise(above) if not is_blank(above) else group
            found = period_heading(heading)
            if found is not None and group.startswith("target") and \
                    not normalise(heading).startswith("realisasi"):
                found = ("target", found[1])
            if found is not None and wanted(found) and found not in periods:
                periods[found] = column
        if periods:
            start = header + 2
            used = set(periods.values())
            for field in [f for f, c in columns.items() if c in used]:
                del columns[field]
            unread = {c: h for c, h in unread.items() if c not in used}
    ignored = [f"{grid.where(header, c)} {h}" for c, h in sorted(unread.items())]
    return periods, ignored, start
