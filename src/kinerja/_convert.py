"""Turning caller input into exact Decimals (scalars) or checked float64 arrays.

Two number kinds flow through kinerja's formulas:

* scalars become :class:`decimal.Decimal` (ints exactly, floats by their
  shortest ``repr`` so ``0.1`` means ``Decimal("0.1")``, strings through
  :func:`kinerja.parse_number`);
* arrays become float64 :class:`numpy.ndarray` (or a masked array, whose
  masked elements are *missing* figures).

Nothing that is not a finite number gets past these functions: ``None``,
NaN, infinities, booleans and unparseable strings raise kinerja's own errors
naming the field.
"""

from __future__ import annotations

import decimal
import numbers
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt

from kinerja.exceptions import InvalidTypeError, InvalidValueError, MissingValueError

#: Anything accepted where one number is due.
Number: TypeAlias = Decimal | int | float | str

FloatArray: TypeAlias = npt.NDArray[np.float64]

#: The arithmetic context of every scalar computation: 50 significant digits
#: (SPEC 2 asks for at least 28), and the traps that turn a silent NaN or
#: infinity into an exception.  Rounding *inside* a computation never matters
#: at this precision; presentation rounding is always explicit and half up
#: (see :func:`kinerja.round_half_up`).
CONTEXT = decimal.Context(
    prec=50,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

_INF = float("inf")
_FIX_NUMBER = "give a finite number: an int, a Decimal, a float or a number string such as '99,98'"


@contextmanager
def exact() -> Iterator[decimal.Context]:
    """Run the enclosed Decimal arithmetic in kinerja's :data:`CONTEXT`."""
    with decimal.localcontext(CONTEXT) as context:
        yield context


def is_array(value: object) -> bool:
    """Tell whether *value* takes the array path (ndarray, list, pandas column...)."""
    if isinstance(value, np.ndarray | list):
        return True
    return hasattr(value, "__array__") and not isinstance(value, np.generic)


def to_decimal(value: object, *, field: str) -> Decimal:
    """Return *value* as an exact, finite Decimal or raise an error naming *field*.

    Examples
    --------
    >>> to_decimal(0.1, field="x")
    Decimal('0.1')
    >>> to_decimal("4.100.832.000", field="pagu")
    Decimal('4100832000')
    """
    # Imported here: _notation builds on this module.
    from kinerja._notation import parse_number

    if value is None:
        raise MissingValueError(
            "a number is due but None was given",
            field=field,
            value=value,
            fix="missing is not zero: give the figure, or mark it missing explicitly",
        )
    if isinstance(value, bool | np.bool_):
        raise InvalidTypeError(
            "a boolean is not a number", field=field, value=value, fix=_FIX_NUMBER
        )
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float | np.floating):
        result = _float_to_decimal(float(value), field=field)
    elif isinstance(value, np.integer):
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
    return result


def _float_to_decimal(value: float, *, field: str) -> Decimal:
    if value != value or value in (float("inf"), float("-inf")):
        raise InvalidValueError("must be a finite number", field=field, value=value,
                                fix=_FIX_NUMBER)
    # float.__repr__ is the shortest string that round-trips: 0.1 -> "0.1".
    return Decimal(float.__repr__(value))


def _describe_positions(bad: npt.NDArray[np.bool_], limit: int = 5) -> str:
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
        raw = np.asarray(value)
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
    data = raw.astype(np.float64, copy=False)
    if mask is not None:
        data = np.where(mask, 1.0, data)  # a harmless filler; the mask is carried along
    if data.size and not allow_nan:
        # Fast path, two reductions: NaN propagates through min and max, so both
        # bounds are finite (and the low one >= 0) only when every element is.
        low, high = data.min(), data.max()
        if low > -_INF and high < _INF and (allow_negative or low >= 0):
            return data, mask
    bad = np.isinf(data) if allow_nan else ~np.isfinite(data)
    if bad.any():
        raise InvalidValueError(
            f"holds NaN or infinite values at {_describe_positions(bad)}",
            field=field,
            fix="missing is not zero: mask missing figures (numpy.ma.masked_invalid) "
            "instead of leaving NaN in the array",
        )
    if not allow_negative:
        negative = data < 0
        if negative.any():
            raise InvalidValueError(
                f"holds negative values at {_describe_positions(negative)}",
                field=field,
                fix="achievements, shares and amounts are defined for values >= 0",
            )
    return data, mask


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
