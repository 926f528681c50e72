"""One formula, two number kinds.

kinerja writes each formula once, as plain arithmetic (``r * 100 / t``) plus
the few operations below.  The same function then runs on exact
:class:`~decimal.Decimal` scalars (:data:`SCALAR`) and on float64 numpy
arrays (:data:`ARRAY`): Python operators work on both, and the choices a
formula makes (``where``, ``any``) go through the backend passed to it.

>>> from decimal import Decimal
>>> import numpy as np
>>> def share(part, whole):
...     return part * 100 / whole
>>> share(Decimal(994), Decimal(1327))
Decimal('74.90580256217030896759608139')
>>> share(np.array([994.0, 31.0]), np.array([1327.0, 47.0]))
array([74.90580256, 65.95744681])
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import numpy as np
import numpy.typing as npt

from kinerja._convert import exact, is_array, to_decimal, to_float_array
from kinerja.exceptions import InvalidValueError


class ScalarOps:
    """Backend for Decimal scalars: conditions are plain bools."""

    is_array = False

    @staticmethod
    def where(condition: Any, if_true: Any, if_false: Any) -> Any:
        """Pick *if_true* when *condition* holds, else *if_false*."""
        return if_true if condition else if_false

    @staticmethod
    def any(condition: Any) -> bool:
        """Tell whether the condition holds (anywhere)."""
        return bool(condition)

    @staticmethod
    def not_(condition: Any) -> Any:
        """Negate a condition."""
        return not condition

    @staticmethod
    def positions(condition: Any) -> str:
        """Describe where a condition holds, for an error message (nothing for a scalar)."""
        return ""

    @staticmethod
    def got(value: Any) -> dict[str, Any]:
        """Keyword arguments that put the offending scalar into an error."""
        return {"value": value}

    @staticmethod
    def const(value: Decimal | int) -> Decimal:
        """A constant of this number kind."""
        return Decimal(value)


class ArrayOps:
    """Backend for float64 arrays: conditions are boolean arrays."""

    is_array = True

    @staticmethod
    def where(condition: Any, if_true: Any, if_false: Any) -> Any:
        """Pick element-wise."""
        return np.where(condition, if_true, if_false)

    @staticmethod
    def any(condition: Any) -> bool:
        """Tell whether the condition holds anywhere."""
        return bool(np.any(condition))

    @staticmethod
    def not_(condition: Any) -> Any:
        """Negate element-wise."""
        return np.logical_not(condition)

    @staticmethod
    def positions(condition: Any) -> str:
        """Describe where a condition holds: `` at [3, 17]``."""
        flat = np.flatnonzero(np.broadcast_to(condition, np.shape(condition)))
        shown = ", ".join(str(int(i)) for i in flat[:5])
        more = f" and {flat.size - 5} more" if flat.size > 5 else ""
        return f" at flat positions [{shown}]{more}"

    @staticmethod
    def got(value: Any) -> dict[str, Any]:
        """Nothing: for arrays the positions in the message locate the values."""
        return {}

    @staticmethod
    def const(value: Decimal | int) -> float:
        """A constant of this number kind."""
        return float(value)


SCALAR = ScalarOps()
ARRAY = ArrayOps()
Ops = ScalarOps | ArrayOps


class Operands:
    """Inputs of one formula call, converted to one number kind and broadcast.

    Parameters
    ----------
    values : mapping of field name to input
        If any input is array-like, all become float64 arrays broadcast to one
        shape (masks are combined: a missing input makes the output missing);
        otherwise all become exact Decimals.
    allow_negative : collection of str
        Fields that may hold negative values (all others must be >= 0).
    """

    def __init__(self, values: Mapping[str, Any], *, allow_negative: tuple[str, ...] = ()) -> None:
        self.ops: Ops
        self.mask: npt.NDArray[np.bool_] | None = None
        self.values: dict[str, Any] = {}
        if any(is_array(v) for v in values.values()):
            self.ops = ARRAY
            masks = []
            for name, value in values.items():
                data, mask = to_float_array(value, field=name,
                                            allow_negative=name in allow_negative)
                self.values[name] = data
                if mask is not None:
                    masks.append(mask)
            try:
                broadcast = np.broadcast_arrays(*self.values.values(), *masks)
            except ValueError:
                shapes = {name: np.shape(v) for name, v in self.values.items()}
                raise InvalidValueError(
                    f"array shapes cannot be broadcast together: {shapes}",
                    field=", ".join(values),
                    fix="give arrays of the same length (or scalars)",
                ) from None
            names = list(self.values)
            self.values = dict(zip(names, broadcast[: len(names)], strict=True))
            if masks:
                self.mask = np.logical_or.reduce(broadcast[len(names):])
        else:
            self.ops = SCALAR
            for name, value in values.items():
                number = to_decimal(value, field=name)
                if number < 0 and name not in allow_negative:
                    raise InvalidValueError(
                        "must not be negative", field=name, value=value,
                        fix="achievements, shares and amounts are defined for values >= 0",
                    )
                self.values[name] = number

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def finish(self, result: Any) -> Any:
        """Return *result* as the caller's number kind: Decimal, ndarray or masked array."""
        if self.ops.is_array:
            result = np.asarray(result, dtype=np.float64)
            if self.mask is not None:
                return np.ma.MaskedArray(result, mask=self.mask)
            return result
        assert isinstance(result, Decimal)
        return result

    def compute(self, formula: Any, *args: Any, **kwargs: Any) -> Any:
        """Run *formula* in the right arithmetic setting (exact context / float checks)."""
        from kinerja._convert import float_errors

        if self.ops.is_array:
            with float_errors(", ".join(self.values)):
                return formula(*args, **kwargs)
        with exact():
            return formula(*args, **kwargs)
