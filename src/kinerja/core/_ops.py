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

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kinerja.core._input import (
    as_array,
    exact,
    float_errors,
    is_array,
    to_decimal,
    to_float_array,
)
from kinerja.core._numpy import is_ndarray, np
from kinerja.core._scratch import scratch
from kinerja.core._scratch import where as _where
from kinerja.exceptions import InvalidValueError, KinerjaError

if TYPE_CHECKING:
    import numpy.typing as npt


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
    def all(condition: Any) -> bool:
        """Tell whether the condition holds (everywhere)."""
        return bool(condition)

    @staticmethod
    def minimum(value: Any, bound: Any) -> Any:
        """The smaller of *value* and *bound*."""
        return bound if value > bound else value

    @staticmethod
    def maximum(value: Any, bound: Any) -> Any:
        """The larger of *value* and *bound*."""
        return bound if value < bound else value

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
        """Pick element-wise (into a scratch buffer inside a blocked call)."""
        return _where(condition, if_true, if_false)

    @staticmethod
    def any(condition: Any) -> bool:
        """Tell whether the condition holds anywhere."""
        return bool(condition.any() if is_ndarray(condition) else condition)

    @staticmethod
    def all(condition: Any) -> bool:
        """Tell whether the condition holds everywhere."""
        return bool(condition.all() if is_ndarray(condition) else condition)

    @staticmethod
    def minimum(value: Any, bound: Any) -> Any:
        """The smaller of *value* and *bound*, element-wise; a NaN bound leaves *value*."""
        return np.fmin(value, bound)

    @staticmethod
    def maximum(value: Any, bound: Any) -> Any:
        """The larger of *value* and *bound*, element-wise; a NaN bound leaves *value*."""
        return np.fmax(value, bound)

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
    allow_nan : collection of str
        Array fields in which NaN is allowed (an optional per-element setting
        where NaN means "none").
    flags : mapping of field name to bool or boolean array
        Conditions already checked by the caller (a polarity as "higher is
        better"); array flags take part in the broadcast but are not converted.
    """

    def __init__(self, values: Mapping[str, Any], *, allow_negative: tuple[str, ...] = (),
                 allow_nan: tuple[str, ...] = (), flags: Mapping[str, Any] | None = None
                 ) -> None:
        self.ops: Ops
        self.mask: npt.NDArray[np.bool_] | None = None
        self.values: dict[str, Any] = {}
        flags = dict(flags or {})
        if any(is_array(v) for v in values.values()) or any(
                is_ndarray(f) for f in flags.values()):
            self.ops = ARRAY
            masks = []
            for name, value in values.items():
                data, mask = to_float_array(value, field=name,
                                            allow_negative=name in allow_negative,
                                            allow_nan=name in allow_nan)
                self.values[name] = data
                if mask is not None:
                    masks.append(mask)
            self.values.update({k: f for k, f in flags.items() if is_ndarray(f)})
            arrays = [*self.values.values(), *masks]
            names = list(self.values)
            shape = np.shape(arrays[0])
            if any(np.shape(a) != shape for a in arrays):
                try:
                    arrays = list(np.broadcast_arrays(*arrays))
                except ValueError:
                    shapes = {name: np.shape(v) for name, v in self.values.items()}
                    raise InvalidValueError(
                        f"array shapes cannot be broadcast together: {shapes}",
                        field=", ".join(names),
                        fix="give arrays of the same length (or scalars)",
                    ) from None
                self.values = dict(zip(names, arrays[: len(names)], strict=True))
            if masks:
                self.mask = np.logical_or.reduce(arrays[len(names):]) if len(masks) > 1 \
                    else np.array(arrays[len(names)], dtype=bool)
            self.values.update({k: f for k, f in flags.items() if not is_ndarray(f)})
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
            self.values.update(flags)

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
        if self.ops.is_array:
            with float_errors(", ".join(self.values)):
                return formula(*args, **kwargs)
        with exact():
            return formula(*args, **kwargs)


#: Rows per block when a long array computation runs block by block (see :func:`blockwise`):
#: small enough that a formula's temporaries stay in the processor's cache, large enough
#: that numpy's per-call overhead does not count.
BLOCK_ROWS = 1 << 16


def blockwise(run: Callable[..., tuple[Any, ...]], *args: Any) -> tuple[Any, ...]:
    """Return ``run(*args)``, computed block by block over rows when that is equivalent.

    *run* converts its arguments, evaluates a formula and returns a tuple of
    finished results (arrays or masked arrays of the broadcast shape).  When
    every array among *args* (also inside tuples) already has the full shape
    and there are more than two blocks of rows, each block of rows is run on
    its own and the results are written into preallocated outputs: the
    formula's temporaries are then block-sized (cache-resident) instead of
    input-sized, and peak memory stays near the outputs' size.  Scalars and
    other arguments are passed to every block unchanged.

    Errors are reported exactly as an unblocked run reports them: when a block
    raises a :class:`~kinerja.KinerjaError`, *run* is called on the whole input
    to raise the error with positions counted over the whole array.
    """
    if not any(_long(arg) for arg in args):
        return run(*args)  # scalars and short columns: nothing to split into blocks
    columns = [_column(arg) for arg in args]
    shapes = {np.shape(a) for arg in columns for a in _arrays(arg)}
    if len(shapes) != 1:
        return run(*args)
    shape = shapes.pop()
    if not shape or shape[0] <= 2 * BLOCK_ROWS:
        return run(*args)
    outputs: list[npt.NDArray[np.float64]] = []
    masks: list[npt.NDArray[np.bool_] | None] = []
    try:
        with scratch():
            for start in range(0, shape[0], BLOCK_ROWS):
                rows = slice(start, start + BLOCK_ROWS)
                results = run(*(_rows(arg, rows) for arg in columns))
                if not outputs:
                    outputs = [np.empty(shape, dtype=np.float64) for _ in results]
                    masks = [None] * len(results)
                for index, result in enumerate(results):
                    outputs[index][rows] = np.ma.getdata(result)
                    if isinstance(result, np.ma.MaskedArray):
                        if masks[index] is None:
                            masks[index] = np.zeros(shape, dtype=bool)
                        masks[index][rows] = np.ma.getmaskarray(result)  # type: ignore[index]
                results = result = ()  # the block's buffers are free for the next block
    except KinerjaError:
        run(*args)  # raises the same error, located in the whole array
        raise
    return tuple(out if mask is None else np.ma.MaskedArray(out, mask=mask)
                 for out, mask in zip(outputs, masks, strict=True))


def _long(value: Any) -> bool:
    """An array-like (or a tuple holding one) of more rows than two blocks."""
    if type(value) is tuple:
        return any(_long(item) for item in value)
    if not is_array(value):
        return False
    try:
        return len(value) > 2 * BLOCK_ROWS
    except TypeError:  # an array-like without a length: let the shapes decide
        return True


def _column(value: Any) -> Any:
    """An ndarray (kept masked) for an array-like argument; tuples item by item."""
    if isinstance(value, tuple):
        return tuple(_column(item) for item in value)
    if is_ndarray(value) or not is_array(value):
        return value
    return as_array(value, field="values")


def _arrays(value: Any) -> list[Any]:
    if isinstance(value, tuple):
        return [a for item in value for a in _arrays(item)]
    return [value] if is_ndarray(value) else []


def _rows(value: Any, rows: slice) -> Any:
    if isinstance(value, tuple):
        return tuple(_rows(item, rows) for item in value)
    return value[rows] if is_ndarray(value) else value
