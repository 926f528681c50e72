"""What an export's title rows say about it: the satker's code and name, the fiscal year.

SAKTI and OM-SPAN exports print, above the header row, lines such as
``KODE SATKER : 693222``, ``Satker : 693222 - BAPAS PANGKALPINANG`` and
``LAPORAN REALISASI ANGGARAN TA 2024``.  They are read only where they are
unmistakable; anything else is left to the caller (``--satker``, ``--year``).
Docs page *Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

__all__ = ["TitleFacts", "title_facts"]

#: "KODE SATKER : 693222", "Satker: 693222 - BAPAS PANGKALPINANG", "Kd. Satker 693222".
_CODE = re.compile(r"\b(?:kode|kd\.?)?\s*satker\s*[:.]?\s*(\d{6})\b(?:\s*[-–—]\s*(\S.*))?",
                   re.IGNORECASE)
#: "NAMA SATKER : Balai Pemasyarakatan Kelas II Pangkalpinang".
_NAME = re.compile(r"\bnama\s+satker\s*:\s*(\S.*)", re.IGNORECASE)
#: "TA 2024", "T.A. 2024", "TAHUN ANGGARAN 2024", "Tahun 2024".
_YEAR = re.compile(r"\b(?:t\.?\s?a\.?|tahun\s+anggaran|tahun)\s*:?\s*((?:19|20)\d\d)\b",
                   re.IGNORECASE)


@attrs.frozen(kw_only=True)
class TitleFacts:
    """The satker's code and name and the fiscal year, where the title rows state them."""

    satker_code: str | None = None
    satker_name: str | None = None
    year: int | None = None


def title_facts(rows: Sequence[Sequence[Any]]) -> TitleFacts:
    """Read the satker and the year from the rows above an export's header row.

    The first statement of each wins; text cells only.

    >>> title_facts([("KODE SATKER : 693222",), ("LAPORAN REALISASI TA 2024", None)])
    TitleFacts(satker_code='693222', satker_name=None, year=2024)
    >>> title_facts([("Satker : 693222 - BAPAS PANGKALPINANG",)]).satker_name
    'BAPAS PANGKALPINANG'
    >>> title_facts([("Rekap",)])
    TitleFacts(satker_code=None, satker_name=None, year=None)
    """
    code = name = None
    year = None
    for values in rows:
        for value in values:
            if not isinstance(value, str):
                continue
            text = " ".join(value.split())
            if code is None and (found := _CODE.search(text)):
                code = found.group(1)
                name = name or (found.group(2) or "").strip() or None
            if name is None and (named := _NAME.search(text)):
                name = named.group(1).strip()
            if year is None and (stated := _YEAR.search(text)):
                year = int(stated.group(1))
    return TitleFacts(satker_code=code, satker_name=name, year=year)
