"""Budget lines built at once from values a reader has checked itself.

A budget export holds a hundred thousand akun rows; building each
:class:`~kinerja.BudgetLine` through its converters and validators costs more
than reading its cells.  The rows whose fields are *plainly* valid (a valid
year, whole non-negative int amounts below 10**30, blokir not above pagu, texts
already stripped, a six-digit central account) are the ones for which those
converters and validators change and refuse nothing: :func:`plain_line` sets
their fields directly, :func:`plain_rows` finds them in whole columns at once.
Any other row is built the usual way, which raises the located error.
``tests/test_budget_plain.py`` shows that both ways give equal lines and that
the two functions agree.  Docs page *Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

import functools
from typing import Any

from kinerja.budget._lines import BudgetLine, SpendingType
from kinerja.budget._regional import is_regional_code
from kinerja.core._input import MAX_MAGNITUDE, to_year
from kinerja.core._numpy import np
from kinerja.exceptions import KinerjaError

__all__ = ["plain_line", "plain_rows"]

_SET = object.__setattr__


def plain_line(year: int, pagu: int | None, realization: int | None, blokir: int | None,
               program: str | None, activity: str | None, output: str | None,
               account: str | None, name: str | None, /) -> BudgetLine | None:
    """The line these fields give, built at once when each is plainly valid; else None.

    The fields are BudgetLine's, in its order, given by position.  On ``None``
    the caller builds the line the usual way (``BudgetLine(...)``), which
    raises the error when a field is wrong.

    >>> plain_line(2024, 10, 9, None, None, None, None, "521211", "521211 ATK")
    BudgetLine(year=2024, pagu=10, realization=9, ..., account='521211', \
spending_type=<SpendingType.BARANG: '52'>, ...)
    >>> plain_line(2024, -1, 0, None, None, None, None, "521211", None) is None
    True
    """
    kind = _central_kind(account) if type(account) is str else None
    if (kind is None or not _plain_year(year) or type(pagu) is not int
            or type(realization) is not int or not 0 <= pagu < MAX_MAGNITUDE
            or not 0 <= realization < MAX_MAGNITUDE or (blokir is not None and (
                type(blokir) is not int or not 0 <= blokir <= pagu))
            or not _plain_texts(program, activity, output)
            or not (name is None or (type(name) is str and name and name == name.strip()))):
        return None
    line = object.__new__(BudgetLine)
    _SET(line, "year", year)
    _SET(line, "pagu", pagu)
    _SET(line, "realization", realization)
    _SET(line, "blokir", blokir)
    _SET(line, "program", program)
    _SET(line, "activity", activity)
    _SET(line, "output", output)
    _SET(line, "account", account)
    _SET(line, "spending_type", kind)
    _SET(line, "indicator", None)
    _SET(line, "name", name)
    _SET(line, "pagu_awal", None)
    _SET(line, "classification", "apbn")
    return line


def plain_rows(year: int, pagu: Any, realization: Any, blokir: Any, blokir_given: Any,
               accounts: list[str | None]) -> Any:
    """Which rows :func:`plain_line` builds at once: the array twin of its checks.

    *pagu*, *realization* and *blokir* are arrays of whole Rupiah (int64, or
    Python ints in an object array), *blokir_given* where a blokir is given.
    The texts are not looked at (a reader's own are stripped already;
    :func:`plain_line` checks them again when it makes the line).

    >>> plain_rows(2024, np.array([10, -1, 10]), np.array([9, 0, 9]), np.array([0, 0, 11]),
    ...            np.array([False, False, True]), ["521211", "521211", "521211"]).tolist()
    [True, False, False]
    """
    if not _plain_year(year):
        return np.zeros(len(accounts), dtype=bool)
    central = {account: type(account) is str and _central_kind(account) is not None
               for account in set(accounts)}
    kinds = np.fromiter((central[account] for account in accounts), dtype=bool,
                        count=len(accounts))
    return np.asarray(kinds & (pagu >= 0) & (pagu < MAX_MAGNITUDE) & (realization >= 0)
                      & (realization < MAX_MAGNITUDE)
                      & (~blokir_given | ((blokir >= 0) & (blokir <= pagu))), dtype=bool)


@functools.lru_cache(maxsize=64)
def _plain_year(year: Any) -> bool:
    """Whether *year* is a fiscal year as BudgetLine keeps it (an int to_year accepts)."""
    try:
        return type(year) is int and to_year(year, field="year") == year
    except KinerjaError:
        return False


@functools.lru_cache(maxsize=256, typed=True)
def _plain_texts(*texts: Any) -> bool:
    """Whether each text is None or stripped non-empty text (as BudgetLine keeps it)."""
    return all(text is None or (type(text) is str and text and text == text.strip())
               for text in texts)


@functools.lru_cache(maxsize=4096)
def _central_kind(account: str) -> SpendingType | None:
    """The spending type of a stripped six-digit central account code; None for any other."""
    if account != account.strip() or is_regional_code(account):
        return None
    try:
        return SpendingType.from_account(account)
    except KinerjaError:
        return None
