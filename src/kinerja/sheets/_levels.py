"""The level of a budget export's row from the shape of its code (the RKA-K/L hierarchy).

A DIPA / POK export lists its budget as a tree: program, kegiatan (activity),
KRO (output classification), RO (detailed output), komponen, sub-komponen and
akun (the six-digit account), each row identified by a code of its own shape.
Docs page *Spreadsheets* (``docs/sheets.md``), where the shapes are tabled.
"""

from __future__ import annotations

import re
from typing import Any

from kinerja.exceptions import InvalidValueError

__all__ = ["LEVELS", "code_level"]

#: The levels, from the top of the tree down; a row's rank is its index here.
LEVELS = ("program", "kegiatan", "kro", "ro", "komponen", "sub_komponen", "akun")

_SHAPES = (
    ("program", re.compile(r"^\d{3}\.\d{2}\.[A-Z]{2}$")),   # 013.05.WA
    ("kegiatan", re.compile(r"^\d{4}$")),                      # 5976
    ("kro", re.compile(r"^\d{4}\.[A-Z]{3}$")),                 # 5976.EBA
    ("ro", re.compile(r"^\d{4}\.[A-Z]{3}\.\d{3}$")),           # 5976.EBA.962
    ("komponen", re.compile(r"^\d{3}$")),                       # 051
    ("sub_komponen", re.compile(r"^[A-Z]{1,2}$")),              # A
    ("akun", re.compile(r"^\d{6}$")),                           # 521211
)


def code_level(code: Any, *, field: str = "code") -> str:
    """The level of a budget row from the shape of its code.

    ======================  =================  ==============
    level                   shape              example
    ======================  =================  ==============
    program                 ddd.dd.LL          013.05.WA
    kegiatan                dddd               5976
    kro                     dddd.LLL           5976.EBA
    ro                      dddd.LLL.ddd       5976.EBA.962
    komponen                ddd                051
    sub_komponen            L or LL            A
    akun                    dddddd             521211
    ======================  =================  ==============

    Examples
    --------
    >>> code_level("5976.EBA.962"), code_level(521211), code_level(" 051 ")
    ('ro', 'akun', 'komponen')
    >>> code_level("51", field="POK!A9")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: POK!A9: not the code of a program, kegiatan, KRO, RO, \
komponen, sub-komponen or akun (got '51'). Fix: write the code as the export does (komponen \
'051' with its leading zero, as text), or correct the row.
    """
    text = str(code).strip().upper() if not isinstance(code, bool) else ""
    for level, shape in _SHAPES:
        if shape.match(text):
            return level
    raise InvalidValueError(
        "not the code of a program, kegiatan, KRO, RO, komponen, sub-komponen or akun",
        field=field, value=code if isinstance(code, str) else str(code),
        fix="write the code as the export does (komponen '051' with its leading zero, as "
        "text), or correct the row")
