"""Periods within a year (quarters, semesters, months) and how a year's figure comes from them.

Reports are written for a year, a semester or a quarter, and monitoring
tables give a figure per quarter (Triwulan, "TW") or per month.  How the
year's realization comes from its periods depends on the indicator: a count
of events is their *sum*, a stock or a rate at the period's end is the
*last*, a peak is the *max*, and a "rata-rata" is the *mean*.  There is no
default: the report (or the caller) names the aggregation.  Docs page
*Report file format*, section "Periods".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal, TypeAlias

from kinerja.core._input import exact, to_decimal
from kinerja.core._numpy import np
from kinerja.core._options import check_choice
from kinerja.exceptions import InvalidTypeError, InvalidValueError, MissingValueError

__all__ = [
    "AGGREGATIONS",
    "Aggregation",
    "aggregate_periods",
    "aggregate_periods_array",
    "finest_periods",
    "period_key",
    "period_order",
]

#: How a year's figure comes from its periods.
Aggregation: TypeAlias = Literal["sum", "last", "max", "mean"]
AGGREGATIONS: tuple[Aggregation, ...] = ("sum", "last", "max", "mean")

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
           "september", "oktober", "november", "desember"]
_ENGLISH = ["january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"]
_QUARTER = re.compile(r"^(?:tw|triwulan|q|quarter)\s*-?\s*(?P<n>[1-4]|i{1,3}|iv)$")
_SEMESTER = re.compile(r"^(?:s|semester|smt|h)\s*-?\s*(?P<n>[12]|i{1,2})$")
_MONTH = re.compile(r"^(?:m|bulan)\s*-?\s*(?P<n>1[0-2]|0?[1-9])$")


def period_key(text: Any) -> str:
    """Return the canonical key of a period: ``TW1``–``TW4``, ``S1``/``S2`` or ``M1``–``M12``.

    Accepts what reports print: "TW I", "Triwulan III", "Q2", "Semester I",
    "S2", "Januari", "Mar", "M3".

    >>> period_key("Triwulan III"), period_key("Semester I"), period_key("Maret")
    ('TW3', 'S1', 'M3')
    """
    if not isinstance(text, str) or not text.strip():
        raise InvalidTypeError("a period is written as text", field="period", value=text,
                               fix="write e.g. 'TW I', 'Semester II' or 'Januari'")
    word = " ".join(text.strip().lower().replace(".", "").split())
    for pattern, prefix in ((_QUARTER, "TW"), (_SEMESTER, "S"), (_MONTH, "M")):
        match = pattern.match(word)
        if match is not None:
            n = match["n"]
            return f"{prefix}{_ROMAN.get(n, n if not n.isdigit() else int(n))}"
    for names in (_MONTHS, _ENGLISH):
        for index, name in enumerate(names):
            if word == name or (len(word) >= 3 and name.startswith(word)):
                return f"M{index + 1}"
    raise InvalidValueError("not a period of a year", field="period", value=text,
                            fix="write a quarter ('TW I'), a semester ('Semester II') or a "
                            "month ('Januari')")


def period_order(key: str) -> tuple[int, int]:
    """Sort key of a canonical period: by its end month (TW2 ends in June, as S1 does)."""
    kind, n = key.rstrip("0123456789"), int(key[len(key.rstrip("0123456789")):])
    months = {"TW": 3, "S": 6, "M": 1}[kind]
    return (n * months, months)


def finest_periods(values: Mapping[str, Any]) -> dict[str, Any]:
    """The items of the finest kind of period given: months, else quarters, else semesters.

    A monthly table with its semester line is not counted twice.

    >>> finest_periods({"M1": 48, "M2": 52, "S1": 100})
    {'M1': 48, 'M2': 52}
    """
    for prefix in ("M", "TW", "S"):
        chosen = {k: v for k, v in values.items() if k.rstrip("0123456789") == prefix}
        if chosen:
            return chosen
    return dict(values)


def aggregate_periods(values: Mapping[str, Any] | Sequence[Any], how: Aggregation) -> Decimal:
    """Return a year's figure from its periods' figures: sum, last, max or mean, exactly.

    Parameters
    ----------
    values : mapping of period key to number, or sequence in period order
        The periods' realizations (a mapping is put in period order first).
    how : {"sum", "last", "max", "mean"}
        The indicator's aggregation (no default: a count of events is summed,
        a rate at the period's end is the last, ...).

    Notes
    -----
    sum = Σ xᵢ; last = x of the latest period; max = max xᵢ; mean = Σ xᵢ / n.
    The aggregations are those SAKIP monitoring applications use (sum for
    counts, the latest value for percentages), named rather than guessed;
    docs page *Report file format*, section "Periods".

    Examples
    --------
    >>> aggregate_periods({"TW1": 10, "TW2": 12, "TW3": 9, "TW4": 15}, "sum")
    Decimal('46')
    >>> aggregate_periods({"TW2": "75,5", "TW1": 70}, "last")
    Decimal('75.5')
    >>> aggregate_periods([10, 12, 9, 15], "mean")
    Decimal('11.5')
    """
    check_choice(how, AGGREGATIONS, "aggregation")
    if isinstance(values, Mapping):
        keys = sorted(values, key=lambda k: period_order(period_key(k)))
        numbers = [to_decimal(values[k], field=f"periods.{k}") for k in keys]
    elif isinstance(values, Sequence) and not isinstance(values, str):
        numbers = [to_decimal(v, field=f"periods[{i}]") for i, v in enumerate(values)]
    else:
        raise InvalidTypeError("give the periods' figures as a mapping or a list",
                               field="values", value=values,
                               fix="give e.g. {'TW I': 20, 'TW II': 45} or [20, 45]")
    if not numbers:
        raise MissingValueError("no period figures to aggregate", field="values",
                                fix="give at least one period's figure")
    with exact():
        if how == "sum":
            return sum(numbers, Decimal(0))
        if how == "last":
            return numbers[-1]
        if how == "max":
            return max(numbers)
        return sum(numbers, Decimal(0)) / len(numbers)


def aggregate_periods_array(values: Any, how: Aggregation) -> Any:
    """The array twin of :func:`aggregate`: one row per indicator-year, periods along the last axis.

    Masked periods are not reported: they are left out of sum, max and mean,
    and "last" takes the last reported period; a row with no reported period
    is masked (missing).

    >>> import numpy as np

    >>> x = np.ma.masked_invalid([[10, 12, 9, 15], [70, 75.5, np.nan, np.nan]])
    >>> aggregate_periods_array(x, "sum").tolist(), aggregate_periods_array(x, "last").tolist()
    ([46.0, 145.5], [15.0, 75.5])
    """
    check_choice(how, AGGREGATIONS, "aggregation")
    data = np.ma.masked_invalid(np.ma.asarray(values, dtype=np.float64))
    if data.ndim < 1:
        raise InvalidValueError("give one row of periods per indicator-year", field="values",
                                fix="pass a 2-D array: rows × periods")
    reported = ~np.ma.getmaskarray(data)
    none = ~reported.any(axis=-1)
    if how == "last":
        index = data.shape[-1] - 1 - np.argmax(reported[..., ::-1], axis=-1)
        result = np.take_along_axis(np.ma.getdata(data), index[..., None], axis=-1)[..., 0]
    elif how == "sum":
        result = np.ma.getdata(data.sum(axis=-1)).astype(np.float64)
    elif how == "max":
        result = np.ma.getdata(data.max(axis=-1)).astype(np.float64)
    else:
        result = np.ma.getdata(data.mean(axis=-1)).astype(np.float64)
    return np.ma.MaskedArray(result, mask=none) if none.any() else np.asarray(result)
