"""Exact Decimal arithmetic: the one context of every scalar computation.

Part of the numbers layer (``docs/numbers.md``).
"""

from __future__ import annotations

import decimal

from kinerja.exceptions import InvalidValueError

__all__ = ["CONTEXT", "exact"]

#: The arithmetic context of every scalar computation: 50 significant digits
#: (the scalar path promises at least 28), and the traps that turn a silent NaN
#: or infinity into an exception.  Rounding *inside* a computation never
#: matters at this precision; presentation rounding is always explicit and
#: half up (see :func:`kinerja.round_half_up`).
CONTEXT = decimal.Context(
    prec=50,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

class exact:  # used like a function: ``with exact():``
    """Run the enclosed Decimal arithmetic in kinerja's :data:`CONTEXT`.

    An overflow or an undefined operation inside the block (only possible
    with extreme inputs) becomes an :class:`~kinerja.InvalidValueError`.
    A small class rather than a generator-based context manager: the scalar
    formulas enter it on every call, and this costs a third as much.

    Examples
    --------
    >>> from decimal import Decimal
    >>> with exact():
    ...     Decimal(2) / 3
    Decimal('0.66666666666666666666666666666666666666666666666667')
    """

    __slots__ = ("_manager",)

    def __enter__(self) -> decimal.Context:
        self._manager = decimal.localcontext(CONTEXT)
        return self._manager.__enter__()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: object) -> None:
        self._manager.__exit__(kind, error, traceback)  # type: ignore[arg-type]
        if kind is not None and issubclass(kind, _TRAPPED):
            raise InvalidValueError(
                f"the computation overflowed or was undefined ({kind.__name__})",
                fix="check for figures far outside the plausible range (a zero or a tiny "
                "denominator, an enormous numerator)",
            ) from None


_TRAPPED = (decimal.Overflow, decimal.InvalidOperation, decimal.DivisionByZero)
