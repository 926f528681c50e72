"""Half-up rounding for presentation.

Reports round with the spreadsheet ``ROUND``: half away from zero.  Python's
:func:`round` and :func:`numpy.round` round half to even and must not be used
for a presented figure.  The rule and its array path are stated in the docs
page *Numbers, rounding and notation* (``docs/numbers.md``).
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import TYPE_CHECKING, Any, overload

from kinerja.core._input import (
    MAX_MAGNITUDE,
    FloatArray,
    exact,
    is_array,
    to_decimal,
    to_float_array,
    to_places,
)
from kinerja.core._numpy import np
from kinerja.exceptions import InvalidValueError

if TYPE_CHECKING:
    import numpy.typing as npt

# Beyond this scaled magnitude a tie decimal may need more than 15 significant
# digits, where "float(d) == x" no longer proves that d is x's shortest repr;
# such elements are rounded one by one through Decimal(repr(x)).
_VECTOR_LIMIT = 4.0e14


#: The quanta 1, 0.1, 0.01, … of the commonest places (built once).
_QUANTA = tuple(Decimal(1).scaleb(-places) for places in range(16))
_LIMIT = Decimal(MAX_MAGNITUDE)


@overload
def round_half_up(value: Decimal | int | float | str, places: int = ...) -> Decimal: ...
@overload
def round_half_up(value: npt.NDArray[Any] | list[Any], places: int = ...) -> FloatArray: ...


def round_half_up(value: Any, places: int = 2) -> Any:
    """Round half up (away from zero) to *places* decimals, as a spreadsheet's ROUND.

    Parameters
    ----------
    value : Decimal, int, float, str or array_like
        Scalars are converted exactly (floats by their shortest repr).
    places : int, default 2
        Number of decimals to keep (0 or more).

    Returns
    -------
    Decimal or numpy.ndarray
        A Decimal with exactly *places* decimals for a scalar; a float64
        array for an array (masked where the input was masked).

    Notes
    -----
    Half up (away from zero) is the rounding of the spreadsheet ``ROUND``
    that reports are computed with; the rule is stated in the docs page
    *Numbers, rounding and notation*.  For a float a tie is judged on the
    value's shortest decimal representation, as spreadsheets do: the float nearest to 2.675 is
    2.67499999999999982236431605997495353221893310546875, but it prints as
    ``2.675`` and rounds to 2.68.  The array path is vectorised: with
    ``k = floor(|x| · 10^p)`` and ``t`` the float nearest to the tie
    ``(k + ½) / 10^p``, the result is ``k + 1`` when ``|x| ≥ t`` and ``k``
    otherwise.  Because ``t`` is the correctly rounded tie, ``|x| = t``
    exactly when the tie is ``x``'s shortest representation, and rounding is
    monotonic, so ``|x| > t`` exactly when that representation lies above
    the tie.  Elements whose tie would need more than 15 significant digits
    are rounded one by one through ``Decimal(repr(x))``.

    Examples
    --------
    >>> from decimal import Decimal
    >>> round_half_up(Decimal("2.675"))
    Decimal('2.68')
    >>> round_half_up(0.125)
    Decimal('0.13')
    >>> round_half_up(Decimal("-0.125"))
    Decimal('-0.13')
    >>> round_half_up("99,98464")
    Decimal('99.98')
    >>> import numpy as np
    >>> round_half_up(np.array([2.675, 99.985, 0.125, 2.5]), 2)
    array([ 2.68, 99.99,  0.13,  2.5 ])
    >>> round_half_up(np.array([0.5, 1.5, 2.5, -2.5]), 0)
    array([ 1.,  2.,  3., -3.])
    """
    if type(places) is int and 0 <= places < len(_QUANTA) and type(value) is Decimal \
            and value.is_finite() and -_LIMIT < value < _LIMIT:
        number, quantum = value, _QUANTA[places]  # the commonest call: checks done at once
    else:
        places = to_places(places)
        if is_array(value):
            return _round_array(value, places)
        number = to_decimal(value, field="value")
        quantum = Decimal(1).scaleb(-places)
    with exact():
        try:
            return number.quantize(quantum, rounding=decimal.ROUND_HALF_UP)
        except decimal.InvalidOperation:
            raise InvalidValueError(
                f"has too many digits to round to {places} places", field="value", value=value,
                fix="give a number with fewer digits, or round to fewer places"
            ) from None


def decimal_places(value: Decimal) -> int:
    """Return how many decimals *value* is written with: ``99.90`` has 2.

    >>> decimal_places(Decimal("99.90")), significant_places(Decimal("99.90"))
    (2, 1)
    """
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


def significant_places(value: Decimal) -> int:
    """Return how many decimals *value* needs: ``99.90`` needs 1, ``60`` none."""
    return decimal_places(value.normalize())


def _round_array(value: Any, places: int) -> Any:
    data, mask = to_float_array(value, field="value", allow_negative=True)
    result = round_half_up_floats(data, places)
    if mask is not None:
        return np.ma.MaskedArray(result, mask=mask)
    return result


def round_half_up_floats(data: FloatArray, places: int) -> FloatArray:
    """Round a checked, finite float64 array half up (the vectorised core)."""
    scale = 10.0**places
    magnitude = np.abs(data)
    with np.errstate(over="ignore", invalid="ignore"):
        scaled = magnitude * scale
        floor = np.floor(scaled)
        tie = (2.0 * floor + 1.0) / (2.0 * scale)
        result = np.copysign((floor + (magnitude >= tie)) / scale, data)
    large = ~(scaled < _VECTOR_LIMIT)
    if large.any():
        quantum = Decimal(1).scaleb(-places)
        for index in zip(*np.nonzero(large), strict=True):
            exact_value = Decimal(float.__repr__(float(data[index])))
            with decimal.localcontext() as context:
                context.prec = 60
                rounded = exact_value.quantize(quantum, rounding=decimal.ROUND_HALF_UP)
            result[index] = float(rounded)
    # -0.0 would print as "-0"; a rounded zero is zero.
    result[result == 0] = 0.0
    return result
