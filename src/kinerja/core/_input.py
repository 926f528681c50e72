"""The one door for caller input: numbers, Rupiah, years, arrays and options.

Every public function turns what it is given into one of a few checked kinds,
here and nowhere else:

* scalars become :class:`decimal.Decimal` (ints exactly, floats by their
  shortest ``repr`` so ``0.1`` means ``Decimal("0.1")``, strings through
  :func:`kinerja.parse_number`): :func:`to_decimal`;
* whole Rupiah become ``int`` (:func:`to_rupiah`) or int64 arrays
  (:func:`to_rupiah_array`);
* years become ``int`` (:func:`to_year`);
* arrays become float64 :class:`numpy.ndarray` (or a masked array, whose
  masked elements are *missing* figures): :func:`to_float_array`;
* options (a language, a format, a policy name) are checked against their
  choices: :func:`kinerja.core._options.check_choice`.

Nothing that is not a finite number gets past these functions: ``None``,
NaN, infinities, booleans and unparseable strings raise kinerja's own errors
naming the field.  The rules are stated in the docs page *Numbers, rounding
and notation* (``docs/numbers.md``).
"""

from __future__ import annotations

import numbers
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias

from kinerja.core._exact import CONTEXT, exact
from kinerja.core._numpy import is_masked_array, is_ndarray, is_numpy_scalar, np, numpy_loaded
from kinerja.core._parse import parse_number, parse_rupiah
from kinerja.core._scratch import adopt
from kinerja.core._scratch import astype as scratch_astype
from kinerja.core._scratch import empty as scratch_empty
from kinerja.core._scratch import where as scratch_where
from kinerja.exceptions import InvalidTypeError, InvalidValueError, MissingValueError

__all__ = [
    "CONTEXT",
    "FLOAT_EXACT",
    "INT64_MAX",
    "MAX_MAGNITUDE",
    "MAX_PLACES",
    "FloatArray",
    "IntArray",
    "Number",
    "as_array",
    "exact",
    "float_errors",
    "is_array",
    "to_count",
    "to_decimal",
    "to_float_array",
    "to_places",
    "to_rupiah",
    "to_rupiah_array",
    "to_year",
]

#: Anything accepted where one number is due.
Number: TypeAlias = Decimal | int | float | str

if TYPE_CHECKING:
    import numpy.typing as npt

    FloatArray: TypeAlias = npt.NDArray[np.float64]
    IntArray: TypeAlias = npt.NDArray[np.int64]
else:  # at run time, classes for isinstance checks that import numpy only when it is loaded
    class _ArrayType(type):
        def __instancecheck__(cls, value: object) -> bool:
            return is_ndarray(value)

    class FloatArray(metaclass=_ArrayType):
        """A float64 ndarray (the type checkers' alias; isinstance: any ndarray)."""

    class IntArray(metaclass=_ArrayType):
        """An int64 ndarray (the type checkers' alias; isinstance: any ndarray)."""

#: The fiscal years kinerja accepts.
FIRST_YEAR, LAST_YEAR = 1945, 2200

_FIX_NUMBER = "give a finite number: an int, a Decimal, a float or a number string such as '99,98'"
#: Floats are exact integers only up to 2**53; Rupiah amounts beyond that must be ints.
FLOAT_EXACT = 2**53
#: The largest int64.
INT64_MAX = 2**63 - 1
#: No figure kinerja handles reaches 10**30 (a whole State Budget is about 10**16
#: Rupiah): larger magnitudes are refused at the door, scalars and arrays alike,
#: so that no computation overflows and no million-digit integer is ever built.
MAX_MAGNITUDE = 10**30
_MAX_DECIMAL = Decimal(MAX_MAGNITUDE)
_MAX_FLOAT = float(MAX_MAGNITUDE)
#: The most decimals a figure is rounded to (a Decimal of the 50-digit exact context
#: below 1 may carry more than 50 decimals).
MAX_PLACES = 100
_FIX_LARGE = f"give a figure below 10**{len(str(MAX_MAGNITUDE)) - 1} in magnitude"


def is_array(value: object) -> bool:
    """Tell whether *value* takes the array path (ndarray, list, pandas column...).

    A 0-d array is a scalar: it takes the exact path and gives a Decimal.
    """
    if type(value) in _SCALAR_TYPES:  # the common scalar call decides at once
        return False
    if is_ndarray(value):
        return bool(value.ndim > 0)
    if isinstance(value, list):
        return True
    return hasattr(value, "__array__") and not is_numpy_scalar(value)


#: Types that are scalars for sure (the quick answer of :func:`is_array`).
_SCALAR_TYPES = frozenset({int, Decimal, str, float})


def to_decimal(value: object, *, field: str) -> Decimal:
    """Return *value* as an exact, finite Decimal or raise an error naming *field*.

    Examples
    --------
    >>> to_decimal(0.1, field="x")
    Decimal('0.1')
    >>> to_decimal("4.100.832.000", field="pagu")
    Decimal('4100832000')
    """
    if is_ndarray(value) and value.ndim == 0 and not np.ma.is_masked(value):
        value = value[()]  # a 0-d array is its one element
    if value is None:
        raise MissingValueError(
            "a number is due but None was given",
            field=field,
            value=value,
            fix="missing is not zero: give the figure, or mark it missing explicitly",
        )
    if _is_bool(value):
        raise InvalidTypeError(
            "a boolean is not a number", field=field, value=value, fix=_FIX_NUMBER
        )
    if _is_time(value):
        raise InvalidTypeError(
            "a duration or a date is not a number", field=field, value=value, fix=_FIX_NUMBER
        )
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float) or (numpy_loaded() and isinstance(value, np.floating)):
        result = _float_to_decimal(float(value), field=field)
    elif numpy_loaded() and isinstance(value, np.integer):
        result = Decimal(int(value))
    elif isinstance(value, str):
        result = parse_number(value, field=field)
    elif isinstance(value, numbers.Rational):
        with exact():
            result = Decimal(int(value.numerator)) / Decimal(int(value.denominator))
    else:
        raise InvalidTypeError(
            f"expected a number, not {type(value).__name__}",
            field=field,
            value=value,
            fix=_FIX_NUMBER,
        )
    if not result.is_finite():
        raise InvalidValueError("must be a finite number", field=field, value=value,
                                fix=_FIX_NUMBER)
    if result.copy_abs() >= _MAX_DECIMAL:  # exact: abs() would round to 28 digits
        raise InvalidValueError("is implausibly large", field=field, value=_short(value),
                                fix=_FIX_LARGE)
    return result


def _short(value: object) -> object:
    """*value*, or a shortened text of it when its text would swamp a message."""
    text = str(value)
    return value if len(text) <= 40 else f"{text[:20]}...({len(text)} characters)"


def _float_to_decimal(value: float, *, field: str) -> Decimal:
    if value != value or value in (float("inf"), float("-inf")):
        raise InvalidValueError("must be a finite number", field=field, value=value,
                                fix=_FIX_NUMBER)
    # float.__repr__ is the shortest string that round-trips: 0.1 -> "0.1".
    return Decimal(float.__repr__(value))


def to_rupiah(value: Any, *, field: str, allow_negative: bool = False) -> int:
    """Return *value* as a whole number of Rupiah (an ``int``), or raise naming *field*.

    Accepts ints, integral Decimals, number strings in Indonesian notation
    (``"Rp. 570.750.000,-"``) and integral floats up to 2**53.  Refuses
    fractions of a Rupiah, NaN, booleans and negative amounts (unless
    *allow_negative*: a remainder below zero).  The one
    Rupiah check: budget lines, absorption and every IKPA calculator use it.

    Examples
    --------
    >>> to_rupiah("Rp. 570.750.000,-", field="pagu")
    570750000
    >>> to_rupiah(1500.5, field="pagu")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: pagu: Rupiah amounts are whole numbers (got 1500.5). \
Fix: give whole Rupiah (no sen).
    """
    if type(value) is int and 0 <= value < MAX_MAGNITUDE:  # the common case, at once
        return value
    if isinstance(value, str):
        amount = Decimal(parse_rupiah(value, field=field))
    else:
        amount = to_decimal(value, field=field)
    if amount != amount.to_integral_value():
        raise InvalidValueError("Rupiah amounts are whole numbers", field=field, value=value,
                                fix="give whole Rupiah (no sen)")
    if isinstance(value, float) and abs(value) > FLOAT_EXACT:
        raise InvalidTypeError(
            "a float above 2**53 is not an exact Rupiah amount", field=field, value=value,
            fix="give the amount as an int or a string",
        )
    if amount < 0 and not allow_negative:
        raise InvalidValueError("a Rupiah amount must not be negative", field=field,
                                value=value, fix="give the amount as a positive number")
    return int(amount)


def to_rupiah_array(value: Any, *, field: str) -> IntArray:
    """Return an int64 array of whole, non-negative Rupiah, or raise naming *field*.

    The array twin of :func:`to_rupiah`: int64 (or integral floats up to
    2**53, or an object array of anything :func:`to_rupiah` reads).  Masked
    (missing) amounts are refused: missing is not zero.

    >>> to_rupiah_array(np.array([1.0, 2.0]), field="pagu")
    array([1, 2])
    """
    if is_masked_array(value) and np.ma.getmaskarray(value).any():
        raise InvalidValueError(
            "holds masked (missing) amounts", field=field,
            fix="missing is not zero: leave lines without figures out",
        )
    array = as_array(value, field=field)
    if isinstance(array, np.ma.MaskedArray):  # a pandas column with <NA>
        return to_rupiah_array(array, field=field)
    if array.dtype == np.bool_ or array.dtype.kind not in "iuf":
        if array.dtype.kind in "OUS":
            amounts = [to_rupiah(v, field=f"{field}[{i}]") for i, v in enumerate(array.ravel())]
            too_large = [i for i, amount in enumerate(amounts) if amount > INT64_MAX]
            if too_large:
                raise InvalidValueError(
                    f"holds an amount above the int64 range at position {too_large[0]}",
                    field=field, fix="split the amount or use the scalar path")
            return np.array(amounts, dtype=np.int64).reshape(array.shape)
        raise InvalidTypeError(f"expected whole Rupiah, not an array of dtype {array.dtype}",
                               field=field, fix="give an int64 array")
    if array.dtype.kind == "f":
        scratch = scratch_empty(array.shape, np.float64)  # a block's buffer, if any
        with np.errstate(invalid="ignore", over="ignore"):
            integral = np.isfinite(array)
            integral &= np.floor(array, out=scratch) == array
            integral &= np.abs(array, out=scratch) <= FLOAT_EXACT
        if not integral.all():
            first = int(np.flatnonzero(~integral)[0])
            raise InvalidValueError(
                f"holds a value that is not a whole Rupiah at position {first}", field=field,
                value=array.ravel()[first], fix="give whole Rupiah as int64 (no NaN, no sen)",
            )
        array = scratch_astype(array, np.int64)  # into a block's buffer, if any
    elif array.dtype == np.uint64 and array.size and array.max() > INT64_MAX:
        raise InvalidValueError("holds amounts above the int64 range", field=field,
                                fix="split the amount or use the scalar path")
    array = scratch_astype(array, np.int64)
    if array.size and array.min() < 0:  # a reduction: no temporary
        first = int(np.flatnonzero(array.ravel() < 0)[0])
        raise InvalidValueError(
            f"holds a negative amount at position {first}", field=field,
            value=int(array.ravel()[first]), fix="Rupiah amounts are >= 0",
        )
    return array


def to_year(value: Any, *, field: str = "year") -> int:
    """Return *value* as a fiscal year (an ``int`` from 1945 to 2200), or raise naming *field*.

    The one year check: value types, budget lines, schemes and report files
    use it.

    >>> to_year(2023)
    2023
    >>> to_year("2023")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidTypeError: year: a year is an int (got '2023'). \
Fix: write the year as a number, e.g. 2023.
    """
    if not _is_whole(value):
        raise InvalidTypeError("a year is an int", field=field, value=value,
                               fix="write the year as a number, e.g. 2023")
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise InvalidValueError("is not a plausible fiscal year", field=field, value=value,
                                fix=f"give a year between {FIRST_YEAR} and {LAST_YEAR}")
    return int(value)


def to_places(value: Any, *, field: str = "places", maximum: int = MAX_PLACES) -> int:
    """Return *value* as a number of decimal places (an ``int`` from 0 to *maximum*).

    >>> to_places(2)
    2
    >>> to_places(10**20)
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: places: must be from 0 to 100 \
(got 100000000000000000000). Fix: give a number of decimals such as 2.
    """
    if not _is_whole(value):
        raise InvalidTypeError("must be an int", field=field, value=value,
                               fix="give a number of decimals such as 2")
    if not 0 <= value <= maximum:
        raise InvalidValueError(f"must be from 0 to {maximum}", field=field, value=value,
                                fix="give a number of decimals such as 2")
    return int(value)


def to_count(value: Any, *, field: str, minimum: int = 0, maximum: int | None = None) -> int:
    """Return *value* as a whole count (a seed, a number of rows, a row index), or raise.

    >>> to_count(3, field="satkers", minimum=1)
    3
    >>> to_count(-1, field="seed")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: seed: must be 0 or more (got -1). \
Fix: give a whole number from 0.
    """
    if not _is_whole(value):
        raise InvalidTypeError("must be a whole number (an int)", field=field,
                               value=_short(value), fix=f"give a whole number from {minimum}")
    if value < minimum or (maximum is not None and value > maximum):
        bound = f"from {minimum} to {maximum}" if maximum is not None else f"{minimum} or more"
        raise InvalidValueError(f"must be {bound}", field=field, value=_short(value),
                                fix=f"give a whole number {bound.replace(' or more', '')}"
                                if maximum is not None else f"give a whole number from {minimum}")
    return int(value)


def _is_bool(value: object) -> bool:
    """A bool or numpy bool (numpy not imported to find out)."""
    return isinstance(value, bool) or (numpy_loaded() and isinstance(value, np.bool_))


def _is_time(value: object) -> bool:
    """A numpy duration or date (numpy not imported to find out)."""
    return numpy_loaded() and isinstance(value, np.timedelta64 | np.datetime64)


def _is_whole(value: object) -> bool:
    """An int or numpy integer that is no bool and no duration."""
    if type(value) is int:
        return True
    if not numpy_loaded():
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, int | np.integer) and not isinstance(
        value, bool | np.bool_ | np.timedelta64)


def as_array(value: Any, *, field: str) -> npt.NDArray[Any]:
    """Return an array-like *value* as an ndarray (a masked array stays masked).

    A pandas nullable column (``Float64``, ``Int64``) becomes a masked array
    whose masked elements are its ``<NA>`` (missing) cells.  Ragged nesting
    and other shapes numpy cannot read raise an error naming *field*.
    """
    if isinstance(value, np.ndarray):
        return value
    dtype = getattr(value, "dtype", None)
    if dtype is not None and not isinstance(dtype, np.dtype) and hasattr(value, "to_numpy") \
            and hasattr(value, "isna") and getattr(dtype, "kind", "O") in "iuf":
        missing = np.asarray(value.isna(), dtype=bool)
        data = value.to_numpy(dtype=np.float64, na_value=1.0)
        return np.ma.MaskedArray(data, mask=missing) if missing.any() else data
    try:
        return np.asarray(value)
    except (ValueError, TypeError) as error:
        raise InvalidTypeError(
            f"is not a rectangular array of numbers ({error})", field=field,
            fix="give a flat list or a 1-D array of numbers (one per row)",
        ) from None


def _describe_positions(bad: npt.NDArray[np.bool_], limit: int = 5) -> str:
    if bad.ndim == 0:
        return "the value given"
    positions = [str(tuple(int(i) for i in p)) if len(p) > 1 else str(int(p[0]))
                 for p in np.argwhere(bad)[:limit]]
    count = int(bad.sum())
    more = f" and {count - limit} more" if count > limit else ""
    return ", ".join(positions) + more


@contextmanager
def float_errors(field: str) -> Iterator[None]:
    """Turn numpy floating-point warnings inside the block into kinerja errors."""
    try:
        with np.errstate(all="raise"):
            yield
    except FloatingPointError as error:
        raise InvalidValueError(
            f"the computation overflowed or was undefined ({error})",
            field=field,
            fix="check for values far outside the plausible range",
        ) from None


def to_float_array(
    value: Any, *, field: str, allow_negative: bool = False, allow_nan: bool = False
) -> tuple[FloatArray, npt.NDArray[np.bool_] | None]:
    """Return ``(data, mask)`` for an array-like input, checking every element.

    ``mask`` is ``None`` for a plain array, and the boolean mask of a
    :class:`numpy.ma.MaskedArray` (masked = missing).  NaN, infinities, ``None``
    and strings raise an error that names the field and the positions.  With
    *allow_nan*, NaN passes (for optional per-row settings where NaN means
    "none"); infinities still raise.

    Masked elements are replaced by a harmless filler (1.0) in *data*.  A plain
    float64 array that passes the checks is returned as is (not copied).
    """
    mask: npt.NDArray[np.bool_] | None = None
    if isinstance(value, np.ma.MaskedArray):
        mask = np.ma.getmaskarray(value)
        if not mask.any():
            mask = None
        raw = np.ma.getdata(value)
    else:
        raw = as_array(value, field=field)
        if isinstance(raw, np.ma.MaskedArray):
            mask, raw = np.ma.getmaskarray(raw), np.ma.getdata(raw)
    if raw.dtype == np.bool_:
        raise InvalidTypeError(
            "a boolean array is not an array of numbers", field=field, fix=_FIX_NUMBER
        )
    if raw.dtype.kind in "OUS":
        raw = _object_to_float(raw, field=field, mask=mask)
    elif raw.dtype.kind not in "iuf":
        raise InvalidTypeError(
            f"expected numbers, not an array of dtype {raw.dtype}", field=field,
            fix=_FIX_NUMBER,
        )
    data = scratch_astype(raw, np.float64)  # into a block's buffer, if any
    if mask is not None:
        data = scratch_where(mask, 1.0, data)  # a harmless filler; the mask is carried along
    if data.size:
        # Fast path, two reductions: NaN propagates through min and max, so both
        # bounds are finite (and the low one >= 0) only when every element is.  Where
        # NaN is allowed, fmin and fmax pass over it (and give NaN if all are NaN).
        low, high = (np.fmin.reduce(data, axis=None), np.fmax.reduce(data, axis=None)) \
            if allow_nan else (data.min(), data.max())
        if low > -_MAX_FLOAT and high < _MAX_FLOAT and (allow_negative or low >= 0):
            return adopt(data), mask
    bad = np.isinf(data) if allow_nan else ~np.isfinite(data)
    if bad.any():
        raise InvalidValueError(
            f"holds NaN or infinite values at {_describe_positions(bad)}",
            field=field,
            fix="missing is not zero: mask missing figures (numpy.ma.masked_invalid) "
            "instead of leaving NaN in the array",
        )
    with np.errstate(invalid="ignore"):
        large = np.abs(data) >= _MAX_FLOAT
    if large.any():
        raise InvalidValueError(f"holds implausibly large values at {_describe_positions(large)}",
                                field=field, fix=_FIX_LARGE)
    if not allow_negative:
        negative = data < 0
        if negative.any():
            raise InvalidValueError(
                f"holds negative values at {_describe_positions(negative)}",
                field=field,
                fix="achievements, shares and amounts are defined for values >= 0",
            )
    return adopt(data), mask


def _object_to_float(
    raw: npt.NDArray[Any], *, field: str, mask: npt.NDArray[np.bool_] | None
) -> FloatArray:
    """Convert an object/str array element by element, through :func:`to_decimal`."""
    out = np.empty(raw.shape, dtype=np.float64)
    for index, item in np.ndenumerate(raw):
        if mask is not None and mask[index]:
            out[index] = 1.0
            continue
        position = index[0] if len(index) == 1 else index
        out[index] = float(to_decimal(item, field=f"{field}[{position}]"))
    return out
