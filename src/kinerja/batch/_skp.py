"""SKP for a whole office: predikat, credit points and PP 46/2011 capaian, one row per employee.

The same rules as the scalar API (docs page *SKP*): :func:`skp_predikats` is
:func:`kinerja.skp_predikat`, :func:`skp_credit_points` is
:func:`kinerja.skp_credit_points` and :func:`skp_capaians` runs the formulas
of :func:`kinerja.skp_capaian_pp46` (written once, against both number
kinds) on float64 columns.  Rows whose figures lie near a rounding tie (or
the efficiency near its 24 % edge, where the waktu rule jumps) are computed
again on the scalar path's exact Decimals, so every figure rounded half up to
2 places, and every category, is the scalar path's, ties included.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
import numpy.typing as npt

from kinerja.core._frozen import FrozenMap, read_only
from kinerja.core._input import FloatArray, as_array, float_errors, is_array, to_float_array
from kinerja.core._ops import ARRAY
from kinerja.core._options import check_choice
from kinerja.core._rounding import round_half_up_floats
from kinerja.exceptions import InvalidTypeError, InvalidValueError, UndefinedRatioError
from kinerja.schemes._batch import TIE_TOLERANCE, near_tie, presentable
from kinerja.schemes._skp import RATINGS, SkpScheme, read_rating
from kinerja.schemes._skp_pp46 import (
    GAP_POLICIES,
    PLACES,
    GapPolicy,
    gap_error,
    pp46_categories,
    pp46_figures,
    skp_capaian_pp46,
)
from kinerja.schemes._skp_rules import credit_coefficient, the_scheme
from kinerja.schemes._skp_rules import skp_credit_points as _credit_points

__all__ = ["skp_capaians", "skp_credit_points", "skp_predikats"]


def _texts(value: Any, field: str) -> tuple[npt.NDArray[Any], npt.NDArray[np.bool_] | None]:
    """(data, mask) of a column of text (a list, an array, a masked array, a pandas column)."""
    if isinstance(value, str) or not is_array(value):
        raise InvalidTypeError("give a column: one value per employee", field=field,
                               value=value, fix="a list, an array or a pandas column")
    array = value if isinstance(value, np.ndarray) else as_array(
        value.to_numpy() if hasattr(value, "to_numpy") else value, field=field)
    mask = np.ma.getmaskarray(array) if np.ma.is_masked(array) else None
    data = np.asarray(np.ma.getdata(array), dtype=object)
    return data, mask


def _codes(data: npt.NDArray[Any], mask: npt.NDArray[np.bool_] | None, field: str,
           read: Any) -> npt.NDArray[np.intp]:
    """The position of each row's value among *read*'s results (masked rows: 0)."""
    codes = np.zeros(data.shape, dtype=np.intp)
    seen: dict[Any, int] = {}
    for index, item in np.ndenumerate(data):
        if mask is not None and mask[index]:
            continue
        key = item if isinstance(item, str) else repr(item)
        if key not in seen:
            seen[key] = read(item, f"{field}[{index[0] if len(index) == 1 else index}]")
        codes[index] = seen[key]
    return codes


def _either(one: npt.NDArray[np.bool_] | None, other: npt.NDArray[np.bool_] | None
            ) -> npt.NDArray[np.bool_] | None:
    """The rows missing in either mask (None: no row is missing)."""
    if one is None or other is None:
        return one if other is None else other
    return one | other


def _masked(result: npt.NDArray[Any], mask: npt.NDArray[np.bool_] | None) -> Any:
    return result if mask is None or not mask.any() else np.ma.MaskedArray(result, mask=mask)


def skp_predikats(hasil_kerja: Any, perilaku: Any, *, scheme: SkpScheme | None = None) -> Any:
    """Return every employee's predikat from the two rating columns (PermenPAN-RB 6/2022).

    Parameters
    ----------
    hasil_kerja, perilaku : array_like of str
        The ratings, one per row (``"below"``, ``"as_expected"``,
        ``"above"`` or the Indonesian names); masked rows are missing and
        give a masked predikat.
    scheme : SkpScheme, optional
        The rules; the preset by default.

    Examples
    --------
    >>> from kinerja import batch
    >>> batch.skp_predikats(["above", "as_expected", "below"],
    ...                     ["above", "below", "sesuai ekspektasi"]).tolist()
    ['Sangat Baik', 'Kurang/Misconduct', 'Butuh Perbaikan']
    """
    rules = the_scheme(scheme)
    rows, row_mask = _texts(hasil_kerja, "hasil_kerja")
    columns, column_mask = _texts(perilaku, "perilaku")
    if rows.shape != columns.shape:
        raise InvalidValueError("the two rating columns differ in length", field="perilaku",
                                value=(rows.shape, columns.shape),
                                fix="give one rating of each kind per employee")

    def rating(value: Any, field: str) -> int:
        return RATINGS.index(read_rating(value, field=field))

    row_codes = _codes(rows, row_mask, "hasil_kerja", rating)
    column_codes = _codes(columns, column_mask, "perilaku", rating)
    table = np.array([[rules.predikat[r][c] for c in RATINGS] for r in RATINGS])
    mask = _either(row_mask, column_mask)
    return _masked(table[row_codes, column_codes], mask)


def skp_credit_points(predikat: Any, *, position: Any = None, coefficient: Any = None,
                      months: Any = 12, scheme: SkpScheme | None = None) -> Any:
    """Return every employee's credit points (PerBKN 3/2023), as float64.

    Parameters
    ----------
    predikat : array_like of str
        One predikat per row; masked rows give masked points.
    position : str or array_like of str, optional
        The position of every row, or one for all.
    coefficient : number or array_like, optional
        The yearly coefficient instead of the position.
    months : int or array_like of int, default 12
        The months each predikat covers (1–12).
    scheme : SkpScheme, optional
        The rules; the preset by default.

    Notes
    -----
    AK = months × share × coefficient / 1200, as :func:`kinerja.skp_credit_points`;
    rows near a rounding tie at 2 places are computed again exactly, so that
    every rounded figure equals the scalar path's.

    Examples
    --------
    >>> import kinerja
    >>> from kinerja import batch
    >>> points = batch.skp_credit_points(["Sangat Baik", "Baik"], position="Ahli Pertama",
    ...                                  months=[12, 2])
    >>> kinerja.round_half_up(points, 2)
    array([18.75,  2.08])
    """
    rules = the_scheme(scheme)
    names, mask = _texts(predikat, "predikat")
    codes = _codes(names, mask, "predikat",
                   lambda value, field: rules.predikats.index(rules.find_predikat(value,
                                                                                  field=field)))
    shares = np.array([float(rules.credit_percent[p]) for p in rules.predikats])[codes]
    if (position is None) == (coefficient is None):
        raise InvalidValueError("give either the position or its coefficient",
                                field="position", fix="position='Ahli Muda' or coefficient=25")
    exact_coefficients: npt.NDArray[Any]
    if position is not None:
        if isinstance(position, str):
            value = credit_coefficient(rules, position, None)
            exact_coefficients = np.full(names.shape, value, dtype=object)
        else:
            places, place_mask = _texts(position, "position")
            if places.shape != names.shape:
                raise InvalidValueError("the position column differs in length",
                                        field="position", fix="one position per row")
            mask = _either(mask, place_mask)
            known = list(rules.coefficients)

            def read_position(value: Any, field: str) -> int:
                if not (isinstance(value, str) and value in known):
                    credit_coefficient(rules, value, None)  # raises, naming the positions
                return known.index(value)

            position_codes = _codes(places, place_mask, "position", read_position)
            exact_coefficients = np.array(list(rules.coefficients.values()),
                                          dtype=object)[position_codes]
        coefficients = exact_coefficients.astype(np.float64)
    else:
        coefficients, coefficient_mask = _floats(coefficient, "coefficient", names.shape)
        if np.any(coefficients <= 0):
            raise InvalidValueError("a coefficient is positive", field="coefficient",
                                    fix="give each coefficient above 0, e.g. 25 for Ahli Muda")
        mask = _either(mask, coefficient_mask)
        exact_coefficients = np.array([Decimal(float.__repr__(c)) for c in
                                       np.broadcast_to(coefficients, names.shape).ravel()],
                                      dtype=object).reshape(names.shape)
    counts = np.broadcast_to(np.asarray(months), names.shape)
    if counts.dtype.kind not in "iu" or np.any((counts < 1) | (counts > 12)):
        raise InvalidValueError("months are whole numbers from 1 to 12", field="months",
                                fix="give the months each predikat covers")
    with float_errors("predikat, coefficient, months"):
        points = counts * shares * np.broadcast_to(coefficients, names.shape) / 1200.0
    points = np.array(points, dtype=np.float64)
    rows = np.flatnonzero(near_tie(points, PLACES))
    if rows.size:
        flat_names = names.ravel()
        exact = np.array([_credit_points(str(flat_names[i]), coefficient=exact_coefficients
                                         .ravel()[i], months=int(counts.ravel()[i]),
                                         scheme=rules) for i in rows], dtype=object)
        points.reshape(-1)[rows] = presentable(points.reshape(-1)[rows], exact, PLACES)
    return _masked(read_only(points), mask)


def _floats(value: Any, field: str, shape: tuple[int, ...]
            ) -> tuple[FloatArray, npt.NDArray[np.bool_] | None]:
    if not is_array(value):
        data, mask = to_float_array(np.array([value], dtype=object), field=field)
        return np.broadcast_to(data[0], shape), None
    data, mask = to_float_array(value, field=field)
    if data.shape != shape:
        raise InvalidValueError("the column differs in length from the others", field=field,
                                value=data.shape, fix="one value per row")
    return data, mask


def skp_capaians(ro: Any, to: Any, rk: Any, tk: Any, rw: Any, tw: Any, rb: Any = None,
                 tb: Any = None, *, with_cost: Any = None,
                 gaps: GapPolicy = "raise") -> FrozenMap[str, Any]:
    """Return the PP 46/2011 capaian of every employee, with its aspects and category.

    Parameters
    ----------
    ro, to, rk, tk, rw, tw : array_like
        The form's figures per row (see :func:`kinerja.skp_capaian_pp46`);
        masked rows give masked results.
    rb, tb : array_like, optional
        Realized and target cost; without them no row has biaya.
    with_cost : array_like of bool, optional
        Per row, whether biaya is assessed (default: every row, when *rb*
        and *tb* are given); elsewhere *rb* and *tb* are ignored.
    gaps : {"raise", "lower", "upper"}, default "raise"
        As for :func:`kinerja.skp_capaian_pp46`.

    Returns
    -------
    FrozenMap of str to array
        ``"kuantitas"``, ``"kualitas"``, ``"waktu"``, ``"biaya"`` (masked
        where not assessed), ``"capaian"`` (float64) and ``"category"``.

    Examples
    --------
    >>> import numpy as np, kinerja
    >>> from kinerja import batch
    >>> result = batch.skp_capaians(ro=[10, 8], to=[10, 10], rk=[90, 80], tk=[100, 100],
    ...                             rw=[12, 6], tw=[12, 12], rb=[5.0, 1.0], tb=[5.0, 1.0],
    ...                             with_cost=[True, False])
    >>> kinerja.round_half_up(result["capaian"], 2), result["category"].tolist()
    (array([85.5, 70. ]), ['Baik', 'Cukup'])
    """
    check_choice(gaps, GAP_POLICIES, "gaps", what="gap policy")
    if (rb is None) != (tb is None):
        raise InvalidValueError("give both the realized and the target cost, or neither",
                                field="rb" if rb is None else "tb",
                                fix="rb= and tb= together (biaya), or leave both out")
    named = {"ro": ro, "to": to, "rk": rk, "tk": tk, "rw": rw, "tw": tw}
    columns: dict[str, FloatArray] = {}
    masks: list[npt.NDArray[np.bool_]] = []
    for name, value in named.items():
        data, mask = to_float_array(value, field=name)
        columns[name] = data
        if mask is not None:
            masks.append(mask)
    try:
        shape = np.broadcast_shapes(*(np.shape(c) for c in columns.values()))
    except ValueError:
        raise InvalidValueError("the columns cannot be broadcast to one shape",
                                field="columns", fix="give columns of the same length") from None
    cost = np.zeros(shape, dtype=bool)
    if rb is not None:
        cost = np.ones(shape, dtype=bool) if with_cost is None else np.broadcast_to(
            np.asarray(with_cost), shape)
        if cost.dtype != np.bool_:
            raise InvalidTypeError("with_cost is a column of booleans", field="with_cost",
                                   fix="give True or False per row, e.g. with_cost=[True, False]")
        for name, value in (("rb", rb), ("tb", tb)):
            data, mask = to_float_array(value, field=name)
            columns[name] = np.where(cost, np.broadcast_to(data, shape), 1.0)
            if mask is not None:
                masks.append(np.broadcast_to(mask, shape) & cost)
    else:
        columns["rb"] = columns["tb"] = np.ones(shape)
    columns = {name: np.broadcast_to(column, shape) for name, column in columns.items()}
    missing = np.logical_or.reduce([np.broadcast_to(m, shape) for m in masks]) if masks \
        else np.zeros(shape, dtype=bool)
    for name in ("to", "tk", "tw", "tb"):
        zero = (columns[name] == 0) & ~missing
        if zero.any():
            where = ", ".join(str(int(i)) for i in np.flatnonzero(zero)[:5])
            raise UndefinedRatioError(f"a target of 0 leaves the aspect undefined at rows "
                                      f"[{where}]", field=name, fix="give the form's targets")
    safe = {name: np.where(missing, 1.0, column) for name, column in columns.items()}
    with float_errors(", ".join(named)):
        figures = pp46_figures(ARRAY, cost=cost, **safe)
    figures = {name: np.array(np.broadcast_to(value, shape), dtype=np.float64)
               for name, value in figures.items()}
    _settle(figures, safe, cost, missing)
    presented = round_half_up_floats(figures["capaian"].reshape(-1), PLACES).reshape(shape)
    names, gap = pp46_categories(presented, gaps)
    if gaps == "raise" and (gap & ~missing).any():
        rows = ", ".join(str(int(i)) for i in np.flatnonzero(gap & ~missing)[:5])
        raise gap_error(f" at rows [{rows}]", None)
    result: dict[str, Any] = {}
    for name in ("kuantitas", "kualitas", "waktu", "biaya", "capaian"):
        hidden = missing | ~cost if name == "biaya" else missing
        result[name] = _masked(read_only(figures[name]), hidden)
    result["category"] = _masked(read_only(names), missing)
    return FrozenMap(result)


def _settle(figures: dict[str, FloatArray], columns: dict[str, FloatArray],
            cost: npt.NDArray[np.bool_], missing: npt.NDArray[np.bool_]) -> None:
    """Recompute exactly (in place) the rows near a rounding tie or the 24 % edge."""
    shown = ("kuantitas", "kualitas", "waktu", "biaya", "capaian")
    near = np.logical_or.reduce([near_tie(figures[name], PLACES) for name in shown])
    for name in ("waktu_efficiency", "biaya_efficiency"):
        near |= np.abs(figures[name] - 24.0) <= TIE_TOLERANCE * 24.0
    rows = np.flatnonzero((near & ~missing).reshape(-1))
    if rows.size == 0:
        return
    flat = {name: column.reshape(-1) for name, column in columns.items()}
    exact: dict[str, list[Decimal]] = {name: [] for name in shown}
    for row in rows:
        given = {name: Decimal(float.__repr__(float(flat[name][row]))) for name in flat}
        if not cost.reshape(-1)[row]:
            given.pop("rb"), given.pop("tb")
        capaian = skp_capaian_pp46(**given, gaps="lower")
        for name in shown:
            exact[name].append(capaian.capaian if name == "capaian"
                               else capaian.aspects.get(name, Decimal(0)))
    for name in shown:
        column = figures[name].reshape(-1)
        column[rows] = presentable(column[rows], np.array(exact[name], dtype=object), PLACES)
