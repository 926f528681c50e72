"""Percentages of a part in a whole: the realization of a ratio indicator."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias, overload

from kinerja.core._input import FloatArray, Number
from kinerja.core._ops import Operands, Ops
from kinerja.exceptions import InvalidValueError, UndefinedRatioError

__all__ = ["ArrayInput", "percentage"]

#: What the array path takes, for the type checker: a numpy array (masked too) or a list.
#: Other array-likes (a pandas column) are accepted at run time and typed ``Any``.
if TYPE_CHECKING:
    import numpy.typing as npt

    ArrayInput: TypeAlias = npt.NDArray[Any] | list[Any]
else:  # at run time: ndarray (checked without importing numpy) or list
    ArrayInput = FloatArray | list


def share_of(part: Any, whole: Any) -> Any:
    """The formula: part / whole × 100, written once for both number kinds."""
    return part * 100 / whole


@overload
def percentage(part: Number, whole: Number) -> Decimal: ...


@overload
def percentage(part: ArrayInput, whole: ArrayInput | Number) -> FloatArray: ...


@overload
def percentage(part: Number, whole: ArrayInput) -> FloatArray: ...


def percentage(part: Any, whole: Any) -> Any:
    """Return *part* as a percentage of *whole*: the realization of a ratio indicator.

    Parameters
    ----------
    part, whole : number or array_like
        Counts (or amounts) with ``0 <= part <= whole`` and ``whole > 0``.

    Returns
    -------
    Decimal or numpy.ndarray
        The exact percentage (a Decimal, not rounded) for scalars; float64
        for arrays.

    Raises
    ------
    UndefinedRatioError
        *whole* is zero.
    InvalidValueError
        A negative count, or a part larger than its whole.

    Notes
    -----
    realisasi = part / whole × 100

    The realization of a share indicator is the percentage of two counts
    (994 of 1,327 clients employed: 74.91 %; PermenPAN-RB 53/2014, the
    LKjIP's measurement of a percentage indicator; docs page *Achievement
    (capaian)*, section "Ratio indicators").  For
    integer arrays the float result is one correctly rounded division, so
    its :func:`~kinerja.round_half_up` figure equals the scalar path's.

    Examples
    --------
    >>> import kinerja
    >>> kinerja.round_half_up(kinerja.percentage(994, 1327))
    Decimal('74.91')
    >>> kinerja.percentage(31, 47)
    Decimal('65.957446808510638297872340425531914893617021276596')
    >>> import numpy as np
    >>> shares = kinerja.percentage(np.array([994, 31, 15]), np.array([1327, 47, 17]))
    >>> kinerja.round_half_up(shares, 4)
    array([74.9058, 65.9574, 88.2353])
    """
    operands = Operands({"part": part, "whole": whole})
    return operands.finish(operands.compute(_checked_share, operands.ops,
                                            operands["part"], operands["whole"]))


def _checked_share(ops: Ops, part: Any, whole: Any) -> Any:
    zero = whole == 0
    if ops.any(zero):
        raise UndefinedRatioError(
            f"a share of a whole of zero is undefined{ops.positions(zero)}",
            field="whole", **ops.got(whole),
            fix="leave the realization missing (or not applicable) when there is nothing to count",
        )
    over = part > whole
    if ops.any(over):
        raise InvalidValueError(
            f"a part cannot exceed its whole{ops.positions(over)}",
            field="part", **ops.got(part),
            fix="check that numerator and denominator are not swapped",
        )
    return share_of(part, whole)
