"""Scoring many work units at once (one row each) through the same arithmetic.

:func:`score_batch` evaluates :func:`kinerja.schemes._combine.combine` on
float64 columns; the rows whose figures lie near a rounding tie (or a band
edge) are evaluated again with the scalar path's exact Decimals, so that every
presented figure and category is the scalar path's (docs page *A whole
ministry (batch)*).
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from kinerja.core._frozen import FrozenMap, read_only
from kinerja.core._hooks import frame_of
from kinerja.core._input import FloatArray, exact, float_errors, to_float_array
from kinerja.core._numpy import np
from kinerja.core._ops import ARRAY, ArrayOps
from kinerja.core._rounding import round_half_up_floats
from kinerja.core._sentinels import NOT_APPLICABLE
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidValueError, MissingValueError
from kinerja.schemes._combine import (
    MissingPolicy,
    check_keys,
    check_policy,
    combine,
    missing_error,
)

if TYPE_CHECKING:
    import numpy.typing as npt

if TYPE_CHECKING:
    from kinerja.schemes._scheme import Scheme

__all__ = ["BatchScore", "near_tie", "presentable", "score_batch"]

_HUNDRED = Decimal(100)


def _result_column(value: FloatArray) -> FloatArray:
    return read_only(value)


def _categories_column(value: npt.NDArray[np.str_] | None) -> npt.NDArray[np.str_] | None:
    return None if value is None else read_only(value)


def _aspect_columns(value: Mapping[str, np.ma.MaskedArray[Any, Any]]
                    ) -> FrozenMap[str, np.ma.MaskedArray[Any, Any]]:
    return FrozenMap((name, read_only(column)) for name, column in value.items())


@checked
@attrs.frozen(kw_only=True)
class BatchScore:
    """Scores of many work units (one row each), as float64 arrays.

    ``total``, ``weight_base``, ``before_deductions`` and ``final`` are as in
    :class:`ScoreResult`; ``aspects`` maps each aspect to a masked array
    (masked where none of its components applies); ``category`` is an array
    of category names (``None`` for a scheme without bands).

    Notes
    -----
    Floats differ from the exact scalar path by a few units in the last place,
    which matters only at a rounding tie (an exact 94.995) or a band edge.  The
    rows whose figures lie near one are scored again with the scalar path's
    exact Decimal arithmetic, and their figures replaced by floats that round
    as the exact ones: every figure rounded half up to the scheme's
    ``category_places`` (2) with :func:`kinerja.round_half_up`, and every
    category, equals :meth:`Scheme.score`'s, row by row.  Here 10 × (95.83 +
    98.71 + 91.02 + 94.89 + 90.66) + 20 × 98.25 + 5 × 92.08 + 25 × 94.52 =
    9499.5, an exact 94.995 (presented 95.00, "Sangat Baik"), which the float
    path alone computes as 94.99499999999998:

    >>> import numpy as np, kinerja
    >>> scheme = kinerja.ikpa_scheme(2023)
    >>> row = {"revisi_dipa": 95.83, "deviasi_halaman_iii": 98.71,
    ...        "penyerapan_anggaran": 98.25, "belanja_kontraktual": 91.02,
    ...        "penyelesaian_tagihan": 94.89, "pengelolaan_up_tup": 90.66,
    ...        "dispensasi_spm": 92.08, "capaian_output": 94.52}
    >>> scheme.score(row).final, scheme.score(row).category
    (Decimal('94.995'), 'Sangat Baik')
    >>> batch = scheme.score_batch({key: np.array([value]) for key, value in row.items()})
    >>> kinerja.round_half_up(batch.final, 2), batch.category
    (array([95.]), array(['Sangat Baik'], dtype='<U11'))

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
    points = [np.broadcast_to(a, shape) for a in points]
    with float_errors(", ".join(scheme.keys)):
        figures = combine(ARRAY, scheme, data, usable, points)
        aspects = {}
        for aspect, (num, den) in zip(scheme.aspects, figures.aspect_sums, strict=True):
            num, den = np.broadcast_to(num, shape), np.broadcast_to(den, shape)
            safe = np.where(den > 0, den, 1.0)
            aspects[aspect.name] = np.ma.MaskedArray(num / safe, mask=den <= 0)
    columns = {name: np.broadcast_to(np.asarray(value, dtype=np.float64), shape).copy()
               for name, value in (("total", figures.total),
                                   ("weight_base", figures.weight_base),
                                   ("before_deductions", figures.before_deductions),
                                   ("final", figures.final))}
    edges = _settle_ties(scheme, (data, usable, points), columns, aspects)
    category = _categories(scheme, columns["final"])
    if category is not None and edges is not None:
        rows, judged = edges
        np.reshape(category, -1)[rows] = _bands_of(scheme, judged)
    return BatchScore(scheme=scheme, aspects=aspects, category=category, **columns)


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


class _DecimalRows(ArrayOps):
    """The array backend's choices on object arrays of Decimals (the scalar path's numbers).

    :func:`combine` run with it on the rows near a tie does, row by row, the
    Decimal arithmetic of :meth:`Scheme.score`, for all those rows at once.
    """

    @staticmethod
    def const(value: Decimal | int) -> Decimal:  # type: ignore[override]
        """A constant as the scalar path has it: an exact Decimal."""
        return Decimal(value)


_DECIMAL_ROWS = _DecimalRows()

#: How near (relative to the scaled figure) a float must lie to a rounding tie or a band
#: edge for its row to be recomputed exactly.  The float path is within a few units in
#: the last place (about 10⁻¹⁵ relative); 10⁻⁹ leaves a wide margin and still picks out
#: only the rows that sit on (or next to) a tie.
TIE_TOLERANCE = 1e-9


def near_tie(values: FloatArray, places: int) -> npt.NDArray[np.bool_]:
    """Where *values* lie within :data:`TIE_TOLERANCE` of a half-up rounding tie at *places*.

    >>> near_tie(np.array([94.995, 94.99499999999999, 94.994, 0.5]), 2).tolist()
    [True, True, False, False]
    """
    scaled = np.abs(values) * 10.0**places
    distance = np.abs(scaled - np.floor(scaled) - 0.5)
    near: npt.NDArray[np.bool_] = distance <= TIE_TOLERANCE * np.maximum(scaled, 1.0)
    return near


def _pick(column: npt.NDArray[Any], flat: npt.NDArray[np.intp]) -> npt.NDArray[Any]:
    """The elements of *column* at the flat positions *flat* (any shape, 0-d too)."""
    if column.ndim <= 1:
        return np.reshape(column, -1)[flat]
    picked: npt.NDArray[Any] = column[np.unravel_index(flat, column.shape)]
    return picked


def _decimals(column: FloatArray, flat: npt.NDArray[np.intp]) -> npt.NDArray[np.object_]:
    """The floats at *flat* as Decimals of their shortest repr, as the scalar path reads them.

    Each distinct value is converted once (scores have two decimals: a
    column holds at most 10,001 of them).
    """
    distinct, inverse = np.unique(_pick(column, flat), return_inverse=True)
    decimals = np.array([Decimal(float.__repr__(x)) for x in distinct.tolist()], dtype=object)
    result: npt.NDArray[np.object_] = decimals[inverse.reshape(-1)]
    return result


def _rounded(values: npt.NDArray[np.object_], places: int) -> npt.NDArray[np.object_]:
    """Decimals rounded half up to *places*, as :func:`kinerja.round_half_up` rounds them."""
    quantum = Decimal(1).scaleb(-places)
    with exact():
        return np.array([v.quantize(quantum, rounding=decimal.ROUND_HALF_UP) for v in values],
                        dtype=object)


def presentable(floats: FloatArray, values: npt.NDArray[np.object_], places: int) -> FloatArray:
    """Floats of the exact figures *values* that round (half up, at *places*) as they do.

    Each of *floats* (the float path's figure, within a few units in the last
    place of the exact one) is kept when it rounds as its exact figure does;
    otherwise it is replaced by the nearest float of the exact figure, or, when
    that float's shortest repr is the tie itself while the figure lies just
    below (above) it, by the neighbouring float on the figure's side.

    >>> from kinerja import round_half_up
    >>> tie, below = Decimal("94.995"), Decimal("94.99499999999999999")
    >>> shown = presentable(np.array([94.99499999999999, 94.995]),
    ...                     np.array([tie, below], dtype=object), 2)
    >>> shown.tolist(), round_half_up(shown, 2).tolist()
    ([94.995, 94.99499999999999], [95.0, 94.99])
    """
    result = np.array(floats, dtype=np.float64)
    wanted = _rounded(values, places).astype(np.float64)
    off = round_half_up_floats(result, places) != wanted
    if off.any():
        exact_values = values[off]
        near = exact_values.astype(np.float64)
        wrong = round_half_up_floats(near, places) != wanted[off]
        higher = np.array([v > f for v, f in zip(exact_values, near, strict=True)])
        near[wrong] = np.nextafter(near[wrong], np.where(higher[wrong], np.inf, -np.inf))
        result[off] = near
    return result


def _settle_ties(scheme: Scheme, inputs: tuple[list[FloatArray], list[npt.NDArray[np.bool_]],
                                               list[FloatArray]],
                 columns: dict[str, FloatArray], aspects: dict[str, np.ma.MaskedArray[Any, Any]]
                 ) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.object_]] | None:
    """Recompute exactly the figures that sit on a rounding tie (in place).

    Floats round like the exact figures except within a few units in the last
    place of a rounding tie (94.995) or, for ``category_basis = "exact"``, of a
    band edge.  The rows near one (:func:`near_tie`) are scored again with
    the scalar path's arithmetic (exact Decimals, as :meth:`Scheme.score`), and
    each figure near a tie is made :func:`presentable`: every row then prints,
    rounded half up to ``category_places``, the figures of :meth:`Scheme.score`,
    and its category, judged on the presented figure, is the scalar path's.

    Returns the flat positions of the rows whose final score lies near a band
    edge under ``category_basis = "exact"``, with their exact final scores, or
    ``None``.
    """
    places = scheme.category_places
    flat_columns = {name: np.reshape(column, -1) for name, column in columns.items()}
    flat_columns |= {f"aspect {name}": np.reshape(column.data, -1)
                     for name, column in aspects.items()}
    near = {name: near_tie(column, places) for name, column in flat_columns.items()}
    final = flat_columns["final"]
    edge = np.zeros(final.shape, dtype=bool)
    if scheme.bands and scheme.category_basis == "exact":
        for band in scheme.bands:
            low = float(band.low)
            edge |= np.abs(final - low) <= TIE_TOLERANCE * max(abs(low), 1.0)
    rows = np.flatnonzero(np.logical_or.reduce([edge, *near.values()]))
    if rows.size == 0:
        return None
    data, usable, points = inputs
    with exact():
        figures = combine(_DECIMAL_ROWS, scheme, [_decimals(c, rows) for c in data],
                          [_pick(c, rows) for c in usable], [_decimals(c, rows) for c in points])
        exact_figures = {name: np.broadcast_to(getattr(figures, name), rows.shape)
                         for name in columns}
        for name, (num, den) in zip(aspects, figures.aspect_sums, strict=True):
            num, den = np.broadcast_to(num, rows.shape), np.broadcast_to(den, rows.shape)
            some = den > 0
            one, zero = np.array(Decimal(1), dtype=object), np.array(Decimal(0), dtype=object)
            exact_figures[f"aspect {name}"] = np.where(some, num / np.where(some, den, one),
                                                       zero)
    for name, column in flat_columns.items():
        at = near[name][rows]
        column[rows[at]] = presentable(column[rows[at]], exact_figures[name][at], places)
    at = edge[rows]
    return (rows[at], exact_figures["final"][at]) if at.any() else None


def _bands_of(scheme: Scheme, judged: npt.NDArray[np.object_]) -> npt.NDArray[np.str_]:
    """The categories of exact (Decimal) figures, as :meth:`Scheme.band_for` finds them."""
    if scheme.band_boundary == "low_exclusive":  # (low, high]: a score on low is below
        index = sum((judged > band.low).astype(int) for band in scheme.bands) - 1
    else:
        index = sum((judged >= band.low).astype(int) for band in scheme.bands) - 1
    names = np.array([band.category for band in scheme.bands])
    result: npt.NDArray[np.str_] = names[np.clip(index, 0, len(names) - 1)]
    return result


def _categories(scheme: Scheme, final: FloatArray) -> npt.NDArray[np.str_] | None:
    if not scheme.bands:
        return None
    judged = (final if scheme.category_basis == "exact"
              else round_half_up_floats(np.array(final, dtype=np.float64).reshape(-1),
                                        scheme.category_places).reshape(final.shape))
    lows = np.array([float(band.low) for band in scheme.bands])
    if scheme.band_boundary == "low_exclusive":  # (low, high]: a score on low is below
        found = np.searchsorted(lows, judged, side="left")
    else:
        found = np.searchsorted(lows, judged, side="right")
    index = np.clip(found - 1, 0, len(lows) - 1)
    names = np.array([band.category for band in scheme.bands])
    result: npt.NDArray[np.str_] = np.array(names[index], dtype=names.dtype)
    return result
