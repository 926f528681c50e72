"""Hostile values and the verdict on one call: a kinerja error, or a sound result.

Shared by the hostile-input grid (``tests/test_hostile.py``) and the fuzz
script (``benchmarks/fuzz.py``).  A call *passes* when it raises a
:class:`kinerja.KinerjaError` or returns a result that holds no NaN or
infinity; anything else (a built-in exception from deep inside numpy or
Decimal, a silent NaN) is a *failure*, reported with its traceback's last
frame.
"""

from __future__ import annotations

import math
import traceback
from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np

import kinerja

#: (name, value) pairs that arrive where one number is due.
SCALARS: list[tuple[str, Any]] = [
    ("nan", float("nan")),
    ("inf", float("inf")),
    ("-inf", float("-inf")),
    ("-1", -1),
    ("-0.5", -0.5),
    ("0", 0),
    ("0.0", 0.0),
    ("-0.0", -0.0),
    ("1e-300", 1e-300),
    ("1e300", 1e300),
    ("10**20", 10**20),
    ("10**30", 10**30),
    ("10**400", 10**400),
    ("-10**400", -(10**400)),
    ("True", True),
    ("False", False),
    ("None", None),
    ("Decimal nan", Decimal("NaN")),
    ("Decimal snan", Decimal("sNaN")),
    ("Decimal inf", Decimal("Infinity")),
    ("Decimal 1e999999", Decimal("1e999999")),
    ("Decimal 1e-999999", Decimal("1e-999999")),
    ("Decimal -0", Decimal("-0")),
    ("Fraction 1/3", Fraction(1, 3)),
    ("complex", 1 + 2j),
    ("np.int8", np.int8(5)),
    ("np.uint64 max", np.uint64(2**64 - 1)),
    ("np.int64 min", np.int64(-(2**63))),
    ("np.float16", np.float16(0.5)),
    ("np.float32 nan", np.float32("nan")),
    ("np.longdouble", np.longdouble(2.5)),
    ("np.bool_", np.bool_(True)),
    ("np.timedelta64", np.timedelta64(5, "D")),
    ("np.datetime64", np.datetime64("2023-01-01")),
    ("np.complex128", np.complex128(1 + 1j)),
    ("np.str_", np.str_("12,5")),
    ("garbage", "abc"),
    ("empty string", ""),
    ("ambiguous", "1.234"),
    ("two commas", "1,2,3"),
    ("percent", "75 %"),
    ("9*5000", "9" * 5000),
    ("0-d array", np.array(5.0)),
    ("empty array", np.array([], dtype=float)),
    ("empty list", []),
    ("nan array", np.array([float("nan")])),
    ("inf array", np.array([float("inf"), 1.0])),
    ("neg array", np.array([-1.0, 2.0])),
    ("huge array", np.array([1e308, 1e308])),
    ("object array", np.array([1, "x", None], dtype=object)),
    ("string array", np.array(["1", "2,5"])),
    ("bool array", np.array([True, False])),
    ("timedelta array", np.array([1, 2], dtype="m8[D]")),
    ("complex array", np.array([1 + 1j])),
    ("2-D array", np.array([[1.0, 2.0], [3.0, 4.0]])),
    ("mismatched", np.array([1.0, 2.0, 3.0])),
    ("masked all", np.ma.masked_all(2)),
    ("list of None", [None, 1]),
    ("nested list", [[1, [2]]]),
    ("dict", {"a": 1}),
    ("set", {1}),
    ("object", object()),
    ("bytes", b"12"),
]

#: (name, value) pairs that arrive where an option (a name) is due.
OPTIONS: list[tuple[str, Any]] = [
    ("None", None),
    ("empty", ""),
    ("unknown", "fr"),
    ("upper", "ID"),
    ("int", 1),
    ("list", ["id"]),
    ("bytes", b"id"),
]

try:  # pandas' missing value, when pandas is installed
    import pandas as pd

    SCALARS += [("pd.NA", pd.NA), ("pd.NaT", pd.NaT),
                ("Series with NA", pd.Series([1.0, None], dtype="Float64")),
                ("Series of objects", pd.Series(["1", None], dtype=object))]
except ImportError:  # pragma: no cover - pandas is part of the test extras
    pass


def _non_finite(value: Any) -> bool:
    """Tell whether *value* (a result) holds a NaN or an infinity anywhere."""
    if isinstance(value, Decimal):
        return not value.is_finite()
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, np.ma.MaskedArray):
        data = np.ma.getdata(value)[~np.ma.getmaskarray(value)]
        return data.dtype.kind == "f" and not np.isfinite(data).all()
    if isinstance(value, np.ndarray | np.generic):
        return value.dtype.kind in "fc" and not np.isfinite(value).all()
    if isinstance(value, tuple | list):
        return any(_non_finite(v) for v in value)
    if isinstance(value, dict):
        return any(_non_finite(v) for v in value.values())
    return False


def verdict(call: Callable[[], Any]) -> str | None:
    """Run *call*; ``None`` when it passes, else a one-line description of the failure."""
    try:
        result = call()
    except kinerja.KinerjaError as error:
        if not str(error).strip():
            return "a kinerja error without a message"
        return None
    except Exception as error:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        return (f"{type(error).__name__}: {str(error)[:120]} "
                f"({frame.filename.rsplit('/', 2)[-1]}:{frame.lineno})")
    if _non_finite(result):
        return f"a silent NaN or infinity: {result!r:.120}"
    return None


def grid(calls: dict[str, Callable[[Any], Any]], values: list[tuple[str, Any]]
         ) -> Iterator[tuple[str, Callable[[], Any]]]:
    """Every call with every value: ``(id, thunk)`` pairs."""
    for call_name, call in calls.items():
        for value_name, value in values:
            yield f"{call_name}[{value_name}]", (lambda c=call, v=value: c(v))
