"""Budget absorption (penyerapan anggaran): realization / pagu × 100, exact for Rupiah."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
import numpy.typing as npt

from kinerja._convert import FloatArray, exact, is_array, to_decimal
from kinerja._ops import blockwise
from kinerja._percentage import share_of
from kinerja._rounding import round_half_up
from kinerja.exceptions import InvalidTypeError, InvalidValueError, UndefinedRatioError

__all__ = ["absorption", "to_rupiah"]

IntArray = npt.NDArray[np.int64]

# Floats are exact integers only up to 2**53; Rupiah amounts beyond that must be ints.
_FLOAT_EXACT = 2**53
_INT64_MAX = np.iinfo(np.int64).max


def to_rupiah(value: Any, *, field: str) -> int:
    """Return *value* as a whole number of Rupiah (an ``int``), or raise naming *field*.

    Accepts ints, integral Decimals, number strings in Indonesian notation
    (``"Rp. 570.750.000,-"``) and integral floats up to 2**53.  Refuses
    fractions of a Rupiah, negative amounts, NaN and booleans.

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
    from kinerja._notation import parse_rupiah

    if isinstance(value, str):
        amount = Decimal(parse_rupiah(value, field=field))
    else:
        amount = to_decimal(value, field=field)
    if amount != amount.to_integral_value():
        raise InvalidValueError("Rupiah amounts are whole numbers", field=field, value=value,
                                fix="give whole Rupiah (no sen)")
    if isinstance(value, float) and abs(value) > _FLOAT_EXACT:
        raise InvalidTypeError(
            "a float above 2**53 is not an exact Rupiah amount", field=field, value=value,
            fix="give the amount as an int or a string",
        )
    if amount < 0:
        raise InvalidValueError("a Rupiah amount must not be negative", field=field,
                                value=value, fix="give the amount as a positive number")
    return int(amount)


def absorption(realization: Any, pagu: Any, *, places: int | None = None) -> Any:
    """Return budget absorption (penyerapan anggaran): realization / pagu × 100.

    Parameters
    ----------
    realization, pagu : int, str, Decimal or array_like of int
        Whole Rupiah.  Arrays must hold integers (int64, or integral floats up
        to 2**53); amounts are exact up to the int64 limit (9.2 × 10^18).
    places : int, optional
        Round half up to this many decimals.  For arrays the rounding is done
        in integer arithmetic, so each rounded figure equals the scalar path's
        (as long as it fits float64's 15 significant digits: absorptions below
        10^(13 − places) %, i.e. spending less than ten billion times the pagu).

    Returns
    -------
    Decimal or numpy.ndarray
        The absorption in percent, exact for scalars (a Decimal) and float64
        for arrays.  Realization above pagu ("pagu minus") gives more than 100.

    Raises
    ------
    UndefinedRatioError
        *pagu* is 0: a line with no budget has no absorption.
    InvalidValueError, InvalidTypeError
        Negative amounts, fractions of a Rupiah, strings that are not numbers.

    Notes
    -----
    penyerapan = realisasi / pagu × 100 (SPEC 5; PMK 214/PMK.02/2017 worked
    example: 734,881,464,333 / 855,830,897,000 = 85.87 %).  The scalar path
    evaluates the same formula as :func:`~kinerja.percentage`
    (part × 100 / whole) in exact Decimal arithmetic.  The array path
    evaluates it in exact int64 division: in one step when realization ×
    10^(2 + places) fits in int64, else by long division in as many decimal
    digits per step as fit, so nothing overflows for amounts up to 10^16 and
    beyond.  The unrounded result is the exact quotient correctly rounded to
    float64, and with *places* the half-up rounding is decided on the exact
    remainder.  Long columns are computed block by block.

    Examples
    --------
    >>> absorption(734_881_464_333, 855_830_897_000, places=2)
    Decimal('85.87')
    >>> absorption("4.100.202.041", "4.100.832.000")
    Decimal('99.98463826364991299326575680...')
    >>> import numpy as np
    >>> absorption(np.array([2886446566, 1213755475]), np.array([2886561000, 1214271000]),
    ...            places=2)
    array([100.  ,  99.96])
    """
    if places is not None and (isinstance(places, bool) or not isinstance(places, int)
                               or places < 0):
        raise InvalidValueError("must be an int >= 0", field="places", value=places)
    if is_array(realization) or is_array(pagu):
        if places is not None and places > 12:
            raise InvalidValueError(
                "arrays of absorptions are rounded to at most 12 decimals", field="places",
                value=places, fix="float64 holds about 15 significant digits; use the scalar "
                "path (exact Decimals) for more")
        return blockwise(lambda r, p: (_absorption_array(r, p, places),), realization, pagu)[0]
    spent = to_rupiah(realization, field="realization")
    budget = to_rupiah(pagu, field="pagu")
    if budget == 0:
        raise UndefinedRatioError(
            "absorption of a pagu of 0 is undefined", field="pagu", value=pagu,
            fix="a line with no budget has no absorption: leave it out or report it as "
            "not applicable",
        )
    with exact():
        value = share_of(Decimal(spent), Decimal(budget))
    return value if places is None else round_half_up(value, places)


def _int_column(value: Any, field: str) -> IntArray:
    """Return an int64 array of whole, non-negative Rupiah, or raise naming *field*."""
    if isinstance(value, np.ma.MaskedArray) and np.ma.getmaskarray(value).any():
        raise InvalidValueError(
            "holds masked (missing) amounts", field=field,
            fix="missing is not zero: leave lines without figures out",
        )
    array = np.asarray(value)
    if array.dtype == np.bool_ or array.dtype.kind not in "iuf":
        if array.dtype.kind == "O":
            return np.array([to_rupiah(v, field=f"{field}[{i}]")
                             for i, v in enumerate(array.ravel())],
                            dtype=np.int64).reshape(array.shape)
        raise InvalidTypeError(f"expected whole Rupiah, not an array of dtype {array.dtype}",
                               field=field, fix="give an int64 array")
    if array.dtype.kind == "f":
        finite = np.isfinite(array)
        integral = finite & (np.floor(array) == array) & (np.abs(array) <= _FLOAT_EXACT)
        if not integral.all():
            first = int(np.flatnonzero(~integral)[0])
            raise InvalidValueError(
                f"holds a value that is not a whole Rupiah at position {first}", field=field,
                value=array.ravel()[first], fix="give whole Rupiah as int64 (no NaN, no sen)",
            )
        array = array.astype(np.int64)
    elif array.dtype == np.uint64 and (array > _INT64_MAX).any():
        raise InvalidValueError("holds amounts above the int64 range", field=field,
                                fix="split the amount or use the scalar path")
    array = array.astype(np.int64, copy=False)
    if (array < 0).any():
        first = int(np.flatnonzero(array.ravel() < 0)[0])
        raise InvalidValueError(
            f"holds a negative amount at position {first}", field=field,
            value=int(array.ravel()[first]), fix="Rupiah amounts are >= 0",
        )
    return array


def _absorption_array(realization: Any, pagu: Any, places: int | None) -> Any:
    spent = _int_column(realization, "realization")
    budget = _int_column(pagu, "pagu")
    try:
        spent, budget = np.broadcast_arrays(spent, budget)
    except ValueError:
        raise InvalidValueError(
            f"array shapes cannot be broadcast together: {spent.shape} and {budget.shape}",
            field="realization, pagu", fix="give columns of the same length",
        ) from None
    zero = budget == 0
    if zero.any():
        first = int(np.flatnonzero(zero.ravel())[0])
        raise UndefinedRatioError(
            f"absorption of a pagu of 0 is undefined (first at position {first})",
            field="pagu", fix="leave zero-pagu lines out, or mask them",
        )
    if places is None:
        return _correctly_rounded(spent, budget)
    quotient, remainder = _long_division(spent, budget, 2 + places)
    round_up = 2 * remainder >= budget  # half up, decided on the exact remainder
    return (quotient + round_up).astype(np.float64) / 10.0**places


def _correctly_rounded(spent: IntArray, budget: IntArray) -> FloatArray:
    """Return R · 100 / P rounded once to the nearest float64 (the same formula, exactly).

    While R · 100 and P are integers below 2**53 they are exact floats, and one
    float division rounds the exact quotient once.  Larger amounts (rare: lines
    above 90 trillion Rupiah) are divided as Python ints, whose true division
    is also correctly rounded.
    """
    small = (spent <= _FLOAT_EXACT // 100) & (budget <= _FLOAT_EXACT)
    result: FloatArray = np.empty(spent.shape, dtype=np.float64)
    np.divide((spent * 100).astype(np.float64), budget.astype(np.float64), out=result,
              where=small)
    for index in zip(*np.nonzero(~small), strict=True):
        result[index] = int(spent[index]) * 100 / int(budget[index])
    return result


def _long_division(spent: IntArray, budget: IntArray, digits: int) -> tuple[IntArray, IntArray]:
    """Return (floor(spent · 10^digits / budget), remainder) without int64 overflow.

    Each step multiplies a remainder smaller than *budget* by 10^k, which fits
    in int64 when the largest budget times 10^k does: one decimal digit at a
    time for budgets up to 9.2 × 10^17, all digits at once for the budgets of
    real satkers (below 10^13 and *digits* up to 5).  The quotient must stay
    below 9.2 × 10^18.
    """
    largest = int(budget.max()) if budget.size else 1
    if largest > _INT64_MAX // 10:
        raise InvalidValueError(
            "holds a pagu above 9.2 × 10^17 Rupiah", field="pagu",
            fix="such amounts exceed the national budget; check the figure",
        )
    if spent.size and int(spent.max()) <= _INT64_MAX // 10**digits:
        return np.divmod(spent * 10**digits, budget)  # spent · 10^digits fits: one division
    quotient, remainder = np.divmod(spent, budget)
    if quotient.size and int(quotient.max()) > (_INT64_MAX // 10**digits) - 1:
        raise InvalidValueError(
            "realization is so far above pagu that the absorption overflows int64",
            field="realization", fix="check the figures (absorption above 10^14 %)",
        )
    per_step = 1
    while per_step < digits and largest * 10 ** (per_step + 1) <= _INT64_MAX:
        per_step += 1
    while digits > 0:
        k = min(per_step, digits)
        step, remainder = np.divmod(remainder * 10**k, budget)
        quotient = quotient * 10**k + step
        digits -= k
    return quotient, remainder
