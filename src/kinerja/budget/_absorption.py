"""Budget absorption (penyerapan anggaran): realization / pagu × 100, exact for Rupiah."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, overload

from kinerja.core._input import (
    FLOAT_EXACT,
    INT64_MAX,
    FloatArray,
    IntArray,
    Number,
    exact,
    is_array,
    to_places,
    to_rupiah,
    to_rupiah_array,
)
from kinerja.core._numpy import np
from kinerja.core._ops import blockwise
from kinerja.core._rounding import round_half_up
from kinerja.core._scratch import empty as scratch_empty
from kinerja.exceptions import InvalidValueError, UndefinedRatioError
from kinerja.indicators._percentage import ArrayInput, share_of

__all__ = ["absorption"]



@overload
def absorption(realization: Number, pagu: Number, *, places: int | None = None) -> Decimal: ...


@overload
def absorption(realization: ArrayInput, pagu: ArrayInput | Number, *,
               places: int | None = None) -> FloatArray: ...


@overload
def absorption(realization: Number, pagu: ArrayInput, *,
               places: int | None = None) -> FloatArray: ...


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
        *pagu* is 0: a line with no budget has no absorption.  This function
        is the formula, for two numbers; a budget line's (or a total's)
        :attr:`~kinerja.BudgetLine.absorption` is a figure of a table, and is
        :data:`~kinerja.NOT_APPLICABLE` for a pagu of 0 (shown "t/a").
    InvalidValueError, InvalidTypeError
        Negative amounts, fractions of a Rupiah, strings that are not numbers.

    Notes
    -----
    penyerapan = realisasi / pagu × 100 (PMK 214/PMK.02/2017, worked
    example: 734,881,464,333 / 855,830,897,000 = 85.87 %; docs page *Budget
    (anggaran)*).  The scalar path
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
    if places is not None:
        places = to_places(places)
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


def _absorption_array(realization: Any, pagu: Any, places: int | None) -> Any:
    spent = to_rupiah_array(realization, field="realization")
    budget = to_rupiah_array(pagu, field="pagu")
    try:
        spent, budget = np.broadcast_arrays(spent, budget)
    except ValueError:
        raise InvalidValueError(
            f"array shapes cannot be broadcast together: {spent.shape} and {budget.shape}",
            field="realization, pagu", fix="give columns of the same length",
        ) from None
    if budget.size and budget.min() == 0:  # amounts are >= 0: a reduction, no temporary
        first = int(np.flatnonzero(budget.ravel() == 0)[0])
        raise UndefinedRatioError(
            f"absorption of a pagu of 0 is undefined (first at position {first})",
            field="pagu", fix="leave zero-pagu lines out, or mask them",
        )
    if places is None:
        return _correctly_rounded(spent, budget)
    quotient, remainder = _long_division(spent, budget, 2 + places)
    # Half up, decided on the exact remainder: 2 · remainder >= budget (no overflow: the
    # remainder is below the budget, at most 9.2 × 10^17).  In the block's scratch buffers.
    round_up = np.greater_equal(np.multiply(remainder, 2, out=remainder), budget,
                                out=scratch_empty(spent.shape, np.bool_))
    np.add(quotient, round_up, out=quotient)
    # int64 / float is float64 division of the int64 converted to float64 (one ufunc)
    return np.divide(quotient, 10.0**places, out=scratch_empty(spent.shape, np.float64))


def _correctly_rounded(spent: IntArray, budget: IntArray) -> FloatArray:
    """Return R · 100 / P rounded once to the nearest float64 (the same formula, exactly).

    While R · 100 and P are integers below 2**53 they are exact floats, and one
    float division rounds the exact quotient once.  Larger amounts (rare: lines
    above 90 trillion Rupiah) are divided as Python ints, whose true division
    is also correctly rounded.
    """
    small = (spent <= FLOAT_EXACT // 100) & (budget <= FLOAT_EXACT)
    result: FloatArray = scratch_empty(spent.shape, np.float64)
    scaled = np.multiply(spent, 100, out=scratch_empty(spent.shape, np.int64))
    # int64 / int64 is float64 division of both converted to float64 (one ufunc)
    np.divide(scaled, budget, out=result, where=small)
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
    if largest > INT64_MAX // 10:
        raise InvalidValueError(
            "holds a pagu above 9.2 × 10^17 Rupiah", field="pagu",
            fix="such amounts exceed the national budget; check the figure",
        )
    if spent.size and int(spent.max()) <= INT64_MAX // 10**digits:
        # spent · 10^digits fits: one division (in the block's scratch buffers, if any)
        scaled = np.multiply(spent, 10**digits, out=scratch_empty(spent.shape, np.int64))
        return np.divmod(scaled, budget, out=(scaled, scratch_empty(spent.shape, np.int64)))
    quotient, remainder = np.divmod(spent, budget)
    if quotient.size and int(quotient.max()) > (INT64_MAX // 10**digits) - 1:
        raise InvalidValueError(
            "realization is so far above pagu that the absorption overflows int64",
            field="realization", fix="check the figures (absorption above 10^14 %)",
        )
    per_step = 1
    while per_step < digits and largest * 10 ** (per_step + 1) <= INT64_MAX:
        per_step += 1
    while digits > 0:
        k = min(per_step, digits)
        step, remainder = np.divmod(remainder * 10**k, budget)
        quotient = quotient * 10**k + step
        digits -= k
    return quotient, remainder
