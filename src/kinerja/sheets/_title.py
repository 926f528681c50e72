"""What an export's title rows say about it: the satker, the fiscal year, the amounts' unit.

SAKTI and OM-SPAN exports print, above the header row, lines such as
``KODE SATKER : 693222``, ``Satker : 693222 - BAPAS PANGKALPINANG``,
``LAPORAN REALISASI ANGGARAN TA 2024`` and ``(dalam ribuan rupiah)``.  They are
read only where they are unmistakable; anything else is left to the caller
(``--satker``, ``--year``).
Docs page *Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from kinerja.sheets._workbook import address

__all__ = ["TitleFacts", "title_facts"]

#: "KODE SATKER : 693222", "Satker: 693222 - BAPAS PANGKALPINANG", "Kd. Satker 693222".
_CODE = re.compile(r"\b(?:kode|kd\.?)?\s*satker\s*[:.]?\s*(\d{6})\b(?:\s*[-–—]\s*(\S.*))?",
                   re.IGNORECASE)
#: "NAMA SATKER : Balai Pemasyarakatan Kelas II Pangkalpinang".
_NAME = re.compile(r"\bnama\s+satker\s*:\s*(\S.*)", re.IGNORECASE)
#: "TA 2024", "T.A. 2024", "TAHUN ANGGARAN 2024", "Tahun 2024".
_YEAR = re.compile(r"\b(?:t\.?\s?a\.?|tahun\s+anggaran|tahun)\s*:?\s*((?:19|20)\d\d)\b",
                   re.IGNORECASE)
#: "(dalam ribuan rupiah)", "Rp ribu", "dalam jutaan rupiah", "(dalam rupiah)".
_SCALES = ((re.compile(r"\bribu(?:an)?\s+rupiah\b|\brp\.?\s*ribu(?:an)?\b|\bx\s*rp\.?\s*1\.000\b",
                       re.IGNORECASE), 1000),
           (re.compile(r"\bjuta(?:an)?\s+rupiah\b|\brp\.?\s*juta(?:an)?\b", re.IGNORECASE),
            1_000_000),
           (re.compile(r"\bdalam\s+rupiah\b", re.IGNORECASE), 1))


@attrs.frozen(kw_only=True)
class TitleFacts:
    """The satker's code and name and the fiscal year, where the title rows state them."""

    satker_code: str | None = None
    satker_name: str | None = None
    year: int | None = None
    #: The unit of the amounts the title states (1000 for "dalam ribuan rupiah"), where, how.
    scale: int | None = None
    scale_cell: str | None = None
    scale_text: str | None = None


def title_facts(rows: Sequence[Sequence[Any]], sheet: str = "") -> TitleFacts:
    """Read the satker, the year and the amounts' unit from the rows above a header row.

    The first statement of each wins; text cells only.

    >>> facts = title_facts([("KODE SATKER : 693222",), ("LAPORAN REALISASI TA 2024", None)])
    >>> facts.satker_code, facts.satker_name, facts.year, facts.scale
    ('693222', None, 2024, None)
    >>> title_facts([("Satker : 693222 - BAPAS PANGKALPINANG",)]).satker_name
    'BAPAS PANGKALPINANG'
    >>> facts = title_facts([("Rekap",), (None, "(dalam ribuan rupiah)")], "POK")
    >>> facts.year, facts.scale, facts.scale_cell
    (None, 1000, 'POK!B2')
    """
    code = name = None
    year = scale = None
    where = shown = None
    for number, values in enumerate(rows, start=1):
        for column, value in enumerate(values):
            if not isinstance(value, str):
                continue
            text = " ".join(value.split())
            if scale is None:
                scale = next((unit for shape, unit in _SCALES if shape.search(text)), None)
                if scale is not None:
                    where, shown = address(sheet, number, column), text
            if code is None and (found := _CODE.search(text)):
                code = found.group(1)
                name = name or (found.group(2) or "").strip() or None
            if name is None and (named := _NAME.search(text)):
                name = named.group(1).strip()
            if year is None and (stated := _YEAR.search(text)):
                year = int(stated.group(1))
    return TitleFacts(satker_code=code, satker_name=name, year=year, scale=scale,
                      scale_cell=where, scale_text=shown)
