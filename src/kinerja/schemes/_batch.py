"""Scoring many work units at once (one row each) through the same arithmetic.

:func:`score_batch` evaluates :func:`kinerja.schemes._combine.combine` on
float64 columns; the categories are decided on the presented figure like the
scalar path's (docs page *A whole ministry (batch)*).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from kinerja.core._frozen import FrozenMap, read_only
from kinerja.core._hooks import frame_of
from kinerja.core._input import FloatArray, float_errors, to_float_array
from kinerja.core._ops import ARRAY
from kinerja.core._rounding import round_half_up_floats
from kinerja.core._sentinels import NOT_APPLICABLE
from kinerja.exceptions import InvalidValueError, MissingValueError
from kinerja.schemes._combine import MissingPolicy, check_keys, check_policy, combine, missing_error

if TYPE_CHECKING:
    from kinerja.schemes._scheme import Scheme

__all__ = ["BatchScore", "score_batch"]

_HUNDRED = Decimal(100)


def _result_column(value: FloatArray) -> FloatArray:
    return read_only(value)


def _categories_column(value: npt.NDArray[np.str_] | None) -> npt.NDArray[np.str_] | None:
    return None if value is None else read_only(value)


def _aspect_columns(value: Mapping[str, np.ma.MaskedArray[Any, Any]]
                    ) -> FrozenMap[str, np.ma.MaskedArray[Any, Any]]:
    return FrozenMap((name, read_only(column)) for name, column in value.items())


@attrs.frozen(kw_only=True)
class BatchScore:
    """Scores of many work units (one row each), as float64 arrays.

    ``total``, ``weight_base``, ``before_deductions`` and ``final`` are as in
    :class:`ScoreResult`; ``aspects`` maps each aspect to a masked array
    (masked where none of its components applies); ``category`` is an array
    of category names (``None`` for a scheme without bands).

    Notes
    -----
    Floats differ from the exact scalar path by a few units in the last place;
    a category can therefore differ from the scalar path's only when the exact
    score lies within about 10⁻¹² of a rounding tie at a band edge (such as
    94.995).  Score such rows with :meth:`Scheme.score` when it matters.

    Examples
    --------
    >>> import numpy as np, kinerja
    >>> scheme = kinerja.ikpa_scheme(2023)
    >>> batch = scheme.score_batch({key: np.array([100.0, 80.0]) for key in scheme.keys})
    >>> batch.final.tolist(), batch.category.tolist()
    ([100.0, 80.0], ['Sangat Baik', 'Cukup'])
    """

    scheme: Scheme = attrs.field(repr=False)
    total: FloatArray = attrs.field(converter=_result_column)
    weight_base: FloatArray = attrs.field(converter=_result_column)
    before_deductions: FloatArray = attrs.field(converter=_result_column)
    final: FloatArray = attrs.field(converter=_result_column)
    aspects: FrozenMap[str, np.ma.MaskedArray[Any, Any]] = attrs.field(converter=_aspect_columns)
    category: npt.NDArray[np.str_] | None = attrs.field(converter=_categories_column)

    def to_pandas(self) -> Any:
        """Return the scores as a pandas DataFrame, one row per work unit (``pandas`` extra).

        Columns ``total``, ``weight_base``, ``final`` (float64), one ``Float64``
        column per aspect (``<NA>`` where none of its components applies) and
        ``category`` (a categorical).
        """
        return frame_of(self)


def score_batch(scheme: Scheme, columns: Mapping[str, Any], *,
                not_applicable: Mapping[str, Any] | None = None,
                missing: MissingPolicy = "raise") -> BatchScore:
    """Score many work units under *scheme*: see :meth:`kinerja.Scheme.score_batch`."""
    check_policy(missing)
    check_keys(scheme, columns)
    flags = dict(not_applicable or {})
    unknown = [key for key in flags if key not in scheme.keys]
    if unknown:
        raise InvalidValueError("unknown keys in not_applicable", field="not_applicable",
                                value=unknown, fix="use the keys " + ", ".join(scheme.keys))
    data: list[FloatArray] = []
    usable: list[Any] = []
    for component in scheme.components:
        value, na = _column(scheme, component.key, component.name, columns, flags, missing,
                            _HUNDRED)
        if na is not None and not component.can_be_not_applicable and np.any(na):
            raise InvalidValueError(
                f"{component.name} applies to every work unit in {scheme.label}",
                field=component.key, fix="give its score in every row")
        data.append(value)
        usable.append(True if na is None else ~na)
    points = []
    for deduction in scheme.deductions:
        value, na = _column(scheme, deduction.key, deduction.name, columns, flags, missing,
                            deduction.limit)
        points.append(value if na is None else np.where(na, 0.0, value))
    try:
        shape = np.broadcast_shapes(*(np.shape(a) for a in [*data, *points, *usable]))
    except ValueError:
        raise InvalidValueError("the columns cannot be broadcast to one shape",
                                field="columns", fix="give columns of the same length") from None
    data = [np.broadcast_to(a, shape) for a in data]
    usable = [np.broadcast_to(np.asarray(a, dtype=bool), shape) for a in usable]
    with float_errors(", ".join(scheme.keys)):
        figures = combine(ARRAY, scheme, data, usable, points)
        aspects = {}
        for aspect, (num, den) in zip(scheme.aspects, figures.aspect_sums, strict=True):
            num, den = np.broadcast_to(num, shape), np.broadcast_to(den, shape)
            safe = np.where(den > 0, den, 1.0)
            aspects[aspect.name] = np.ma.MaskedArray(num / safe, mask=den <= 0)
    final = np.broadcast_to(np.asarray(figures.final, dtype=np.float64), shape)
    return BatchScore(
        scheme=scheme,
        total=np.broadcast_to(figures.total, shape).astype(np.float64),
        weight_base=np.broadcast_to(figures.weight_base, shape).astype(np.float64),
        before_deductions=np.broadcast_to(figures.before_deductions, shape).astype(np.float64),
        final=final.astype(np.float64),
        aspects=aspects,
        category=_categories(scheme, final),
    )


def _column(scheme: Scheme, key: str, name: str, columns: Mapping[str, Any],
            flags: dict[str, Any], missing: MissingPolicy, upper: Decimal
            ) -> tuple[FloatArray, npt.NDArray[np.bool_] | None]:
    """Return (values, not-applicable flags) of one column, checked."""
    raw = columns.get(key)
    na: npt.NDArray[np.bool_] | None = None
    if key in flags:
        na = np.asarray(flags[key])
        if na.dtype != np.bool_:
            raise InvalidValueError("not_applicable flags must be booleans",
                                    field=f"not_applicable.{key}", fix="give True / False")
    if raw is NOT_APPLICABLE:
        return np.zeros(np.shape(na) if na is not None else ()), np.ones(
            np.shape(na) if na is not None else (), dtype=bool)
    if raw is None:
        if missing == "raise" and (na is None or not na.all()):
            raise missing_error(scheme, key, name)
        return np.zeros(()), na
    values, mask = to_float_array(raw, field=key)
    if mask is not None:
        lost = mask if na is None else mask & ~na
        if np.any(lost):
            if missing == "raise":
                rows = ", ".join(str(int(i)) for i in np.flatnonzero(lost)[:5])
                raise MissingValueError(
                    f"the value of {name} is missing (masked) at rows [{rows}]", field=key,
                    fix="give it, flag the rows in not_applicable, or pass missing='zero'")
            values = np.where(mask, 0.0, values)
    too_big = values > float(upper)
    if na is not None:
        too_big = too_big & ~na
    if np.any(too_big):
        rows = ", ".join(str(int(i)) for i in np.flatnonzero(too_big)[:5])
        raise InvalidValueError(f"out of range (0–{upper}) at rows [{rows}]", field=key,
                                fix=f"give values from 0 to {upper}")
    return values, na


def _categories(scheme: Scheme, final: FloatArray) -> npt.NDArray[np.str_] | None:
    if not scheme.bands:
        return None
    judged = (final if scheme.category_basis == "exact"
              else round_half_up_floats(np.array(final, dtype=np.float64),
                                        scheme.category_places))
    lows = np.array([float(band.low) for band in scheme.bands])
    index = np.clip(np.searchsorted(lows, judged, side="right") - 1, 0, len(lows) - 1)
    names = np.array([band.category for band in scheme.bands])
    result: npt.NDArray[np.str_] = names[index]
    return result
