"""The report reader's checks of single values, and building the value classes it checked.

Shared by :mod:`kinerja.report._read` (the file as a whole) and
:mod:`kinerja.report._read_indicators` (the ``[[indicators]]`` entries): a table,
an array, a text, a number or a word where a figure is due, a year key.  Each
records its problem, at its key path, in a :class:`~kinerja.core._problems.Problems`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

from kinerja.core._problems import Problems
from kinerja.core._validators import trusted
from kinerja.exceptions import InvalidTypeError, MissingValueError

__all__ = ["array_of", "build", "number_of", "table_of", "text_of", "words", "year_key"]

T = TypeVar("T")

_YEAR = re.compile(r"\d{4}")


def build(problems: Problems, path: str, cls: type[T], /, **fields: Any) -> T | None:
    """``cls(**fields)``, or ``None`` after recording its errors under *path*.

    Only for fields whose types the reader has made sure of where the class's
    own converters and validators do not: it first builds with
    :func:`~kinerja.core._validators.trusted` (the converters and validators run,
    the annotation checks, which they make redundant, do not); if that fails in
    any way, the class itself builds again, so that every problem is found and
    reported exactly as the class reports it.

    >>> from kinerja.indicators._figures import Target
    >>> problems = Problems()
    >>> build(problems, "targets.2023", Target, year=2023, value=60).value
    Decimal('60')
    >>> build(problems, "targets.2024", Target, year=2024, value="x") is None
    True
    >>> [error.field for error in problems]
    ['targets.2024']
    """
    try:
        return trusted(cls, **fields)
    except Exception:  # the class itself says what is wrong, as it always has
        return problems.attempt(path, lambda: cls(**fields))


def table_of(value: Any, path: str, problems: Problems) -> dict[str, Any] | None:
    """*value* if it is a table, else ``None`` after recording the problem."""
    if not isinstance(value, dict):
        problems.add(path, "must be a table", value=value, kind=InvalidTypeError,
                     fix="write it as a [table] or { key = value }")
        return None
    return value


def array_of(value: Any, path: str, problems: Problems) -> list[Any]:
    """*value* if it is an array, else ``[]`` after recording the problem."""
    if not isinstance(value, list):
        problems.add(path, "must be an array of tables", value=value, kind=InvalidTypeError,
                     fix=f"write each entry under a [[{path}]] header")
        return []
    return value


def text_of(table: Mapping[str, Any], key: str, path: str, problems: Problems,
            required: bool = True) -> str | None:
    """The string at *key* of *table*, or ``None`` (after recording a problem if due)."""
    value = table.get(key)
    if value is None:
        if required:
            problems.add(f"{path}.{key}", "required key is missing", kind=MissingValueError,
                         fix=f'add {key} = "..."')
        return None
    if not isinstance(value, str):
        problems.add(f"{path}.{key}", "must be a string", value=value, kind=InvalidTypeError,
                     fix=f'write {key} = "..."')
        return None
    return value


def number_of(value: Any, path: str, problems: Problems) -> Any:
    """Pass numbers and number strings on (the value types convert them); refuse the rest."""
    if words(value, path, problems, "leave out a part the document does not show (a count, "
             'a bound), or write the whole figure "not stated"'):
        return None
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        problems.add(path, "must be a number or a number string", value=value,
                     kind=InvalidTypeError, fix='write e.g. 60, 74.91 or "74,91"')
        return None
    return value


def words(value: Any, path: str, problems: Problems, allowed: str) -> bool:
    """Record a word that is no figure, saying how to write an unknown value; True if so."""
    if isinstance(value, str) and value.strip() and not any(c.isdigit() for c in value):
        problems.add(path, "is neither a number nor a known word", value=value,
                     fix=f"write the figure as printed, or {allowed}")
        return True
    return False


def year_key(key: str, path: str, problems: Problems) -> int | None:
    """A four-digit year key as an int, or ``None`` after recording the problem."""
    if not _YEAR.fullmatch(key.strip()):
        problems.add(f"{path}.{key}", "a year key must be a four-digit year", value=key,
                     fix="key figures by year, e.g. 2023 = 60")
        return None
    return int(key)
