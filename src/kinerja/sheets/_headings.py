"""Period headings of a sheet's columns: "Jan", "Realisasi Maret", "Target TW I".

Monthly and quarterly columns are found by the period they name, read by
:func:`~kinerja.period_key` (with the Indonesian abbreviations exports use:
"Agt", "Nop", "Peb").  Docs page *Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

from typing import Any

from kinerja.exceptions import KinerjaError
from kinerja.indicators._periods import period_key
from kinerja.sheets._workbook import normalise

__all__ = ["period_heading"]

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
