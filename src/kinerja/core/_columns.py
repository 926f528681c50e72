"""Columns for the batch path: numpy arrays, masked arrays or pandas columns, checked.

pandas is never imported here: a pandas column is recognised by its extension
dtype and converted with its own ``to_numpy``.  Columns are taken by position
(a pandas index is ignored).  NaN and pandas' ``<NA>`` never become a figure
silently: they raise, unless the caller names what they mean (``nan=``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from kinerja.core._input import as_array, is_array
from kinerja.core._numpy import np
from kinerja.core._options import check_choice
from kinerja.exceptions import InvalidTypeError, MissingValueError

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = [
    "NanPolicy",
    "ScoreNanPolicy",
    "check_nan_policy",
    "float_column",
    "realization_column",
    "rupiah_column",
    "score_columns",
]

#: What NaN (or pandas ``<NA>``) in a realization column means.
NanPolicy: TypeAlias = Literal["raise", "missing"]
#: What NaN (or ``<NA>``) in a score column means.
ScoreNanPolicy: TypeAlias = Literal["raise", "missing", "not_applicable"]


def check_nan_policy(nan: str, choices: tuple[str, ...]) -> None:
    """Raise unless *nan* is one of *choices*."""
    check_choice(nan, choices, "nan", what="nan policy")


def _extension(value: Any) -> Any:
    """The dtype of a pandas extension column (nullable Int64, Float64...), else None."""
    dtype = getattr(value, "dtype", None)
    if dtype is None or isinstance(dtype, np.dtype) or not hasattr(value, "to_numpy"):
        return None
    return dtype


def float_column(value: Any, field: str = "values") -> Any:
    """An ndarray (kept masked) for an array-like; scalars and tuples unchanged.

    A pandas nullable numeric column becomes float64 with NaN for ``<NA>``, so
    that the NaN rules apply to it as to any float column.
    """
    if isinstance(value, np.ndarray) or not is_array(value):
        return value
    dtype = _extension(value)
    if dtype is not None and getattr(dtype, "kind", "O") in ("i", "u", "f"):
        return value.to_numpy(dtype=np.float64, na_value=np.nan)
    return as_array(value, field=field)


def realization_column(value: Any, nan: NanPolicy) -> Any:
    """The realization column; with ``nan="missing"`` NaN rows become masked (missing)."""
    column = float_column(value, "realization")
    if nan == "raise" or not isinstance(column, np.ndarray) or column.dtype.kind != "f":
        return column
    data = np.ma.getdata(column)
    missing = np.isnan(data)
    if isinstance(column, np.ma.MaskedArray):
        missing |= np.ma.getmaskarray(column)
    if not missing.any():
        return data
    return np.ma.MaskedArray(data, mask=missing)


def rupiah_column(value: Any, field: str) -> Any:
    """An int64 column of whole Rupiah from a pandas nullable integer column, else as given.

    ``<NA>`` is refused: missing is not zero, and a Rupiah amount must be exact.
    """
    dtype = _extension(value)
    if dtype is None:
        return as_array(value, field=field)
    if bool(value.isna().any()):
        raise MissingValueError(
            "holds missing (<NA>) amounts", field=field,
            fix="missing is not zero: leave lines without figures out")
    if getattr(dtype, "kind", "O") in ("i", "u"):
        return value.to_numpy(dtype=np.int64)
    return value.to_numpy()


def score_columns(keys: tuple[str, ...], columns: Any, not_applicable: Mapping[str, Any] | None,
                  nan: ScoreNanPolicy) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return ``(columns, not_applicable)`` for :meth:`kinerja.Scheme.score_batch`.

    *columns* is a mapping of key to column, or a DataFrame (only the columns
    named by *keys* are used).  With ``nan="missing"`` NaN cells become masked
    (missing, then the ``missing`` policy decides); with
    ``nan="not_applicable"`` they are flagged not applicable.
    """
    if isinstance(columns, Mapping):
        given = dict(columns)
    elif hasattr(columns, "columns") and hasattr(columns, "__getitem__"):
        names = set(columns.columns)
        given = {key: columns[key] for key in keys if key in names}
    else:
        raise InvalidTypeError(
            "give the scores as a mapping from component key to column, or a DataFrame",
            field="columns", value=type(columns).__name__,
            fix="pass e.g. {'revisi_dipa': column, ...} or a DataFrame with those columns")
    flags = {key: np.asarray(flag) for key, flag in (not_applicable or {}).items()}
    out: dict[str, Any] = {}
    for key, value in given.items():
        column = float_column(value, key)
        if nan != "raise" and isinstance(column, np.ndarray) and column.dtype.kind == "f":
            holes: npt.NDArray[np.bool_] = np.isnan(np.ma.getdata(column))
            if holes.any():
                column = np.ma.MaskedArray(np.ma.getdata(column),
                                           mask=holes | np.ma.getmaskarray(column))
                if nan == "not_applicable":
                    flags[key] = holes | flags[key] if key in flags else holes
        out[key] = column
    return out, flags
