"""Scoring a work unit (or many) under a :class:`~kinerja.Scheme`, with a readable trace.

The arithmetic (SPEC 6, 9) is written once in :func:`combine` and runs on
exact Decimals (one work unit) and on float64 arrays (one row per work unit):

* weighted value of a component = nilai × bobot / W, where W is the stated
  total of the weights (100 for percent weights);
* Nilai Total = Σ weighted values of the applicable components;
* Konversi Bobot = Σ weights of the applicable components / W × 100;
* Nilai Akhir = Nilai Total / Konversi Bobot × 100;
* deductions: subtracted from Nilai Akhir (``after_division``) or from Nilai
  Total before the division (``before_division``);
* aspect value = Σ(bobot × nilai) / Σ bobot over its applicable components.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal, TypeAlias

import attrs
import numpy as np
import numpy.typing as npt

from kinerja._convert import FloatArray, exact, float_errors, to_decimal, to_float_array
from kinerja._notation import format_number
from kinerja._ops import ARRAY, SCALAR, Ops
from kinerja._rounding import round_half_up, round_half_up_floats
from kinerja._scheme import Band, Component, Deduction, Scheme
from kinerja._sentinels import NOT_APPLICABLE
from kinerja.exceptions import InvalidValueError, MissingValueError

__all__ = ["BatchScore", "ComponentScore", "ScoreResult", "ScoreStep", "score", "score_batch"]

MissingPolicy: TypeAlias = Literal["raise", "zero"]
Status: TypeAlias = Literal["scored", "not_applicable", "missing_as_zero"]
_MISSING_POLICIES = ("raise", "zero")
_HUNDRED = Decimal(100)


# --- the arithmetic, written once ------------------------------------------------------

@attrs.frozen(kw_only=True)
class _Figures:
    weighted: list[Any]
    total: Any
    weight_base: Any
    reduced_total: Any
    before_deductions: Any
    final: Any
    aspect_sums: list[tuple[Any, Any]]


def combine(ops: Ops, scheme: Scheme, nilai: list[Any], applicable: list[Any],
            deductions: list[Any]) -> _Figures:
    """Compute every figure of a score, for either number kind (see the module notes)."""
    total_weight: Any = ops.const(scheme.total_weight)
    zero: Any = ops.const(0)
    weights: list[Any] = [ops.const(c.weight) for c in scheme.components]
    products = [ops.where(a, n * w, zero) for n, w, a in zip(nilai, weights, applicable,
                                                             strict=True)]
    weighted = [p / total_weight for p in products]
    total = sum(products, zero) / total_weight
    applicable_weight = sum((ops.where(a, w, zero) for w, a in zip(weights, applicable,
                                                                   strict=True)), zero)
    base = applicable_weight * 100 / total_weight
    empty = applicable_weight == 0
    if ops.any(empty):
        raise InvalidValueError(
            f"no component applies, so there is nothing to score{ops.positions(empty)}",
            field="values", fix="give at least one component a score")
    before: Any = zero
    after: Any = zero
    for deduction, points in zip(scheme.deductions, deductions, strict=True):
        if deduction.order == "before_division":
            before = before + points
        else:
            after = after + points
    reduced = total - before
    nilai_akhir = reduced * 100 / base
    final = nilai_akhir - after
    negative = final < 0
    if ops.any(negative):
        raise InvalidValueError(
            f"the deductions exceed the score{ops.positions(negative)}",
            field=", ".join(d.key for d in scheme.deductions), **ops.got(final),
            fix="check the deduction points; kinerja does not floor a score at 0")
    index = {c.key: i for i, c in enumerate(scheme.components)}
    aspect_sums = []
    for aspect in scheme.aspects:
        members = [index[key] for key in aspect.components]
        numerator = sum((products[i] for i in members), zero)
        denominator = sum((ops.where(applicable[i], weights[i], zero) for i in members), zero)
        aspect_sums.append((numerator, denominator))
    return _Figures(weighted=weighted, total=total, weight_base=base, reduced_total=reduced,
                    before_deductions=nilai_akhir, final=final, aspect_sums=aspect_sums)


# --- one work unit ---------------------------------------------------------------------

@attrs.frozen(kw_only=True)
class ComponentScore:
    """How one component entered a score.

    ``status`` is ``"scored"``, ``"not_applicable"`` (excluded, its weight
    not counted) or ``"missing_as_zero"`` (missing, scored 0 under
    ``missing="zero"``).  ``nilai`` and ``weighted`` are ``None`` when not
    applicable.
    """

    key: str
    name: str
    weight: Decimal
    status: Status
    nilai: Decimal | None
    weighted: Decimal | None


@attrs.frozen(kw_only=True)
class ScoreStep:
    """One step of a score's trace: what it is, its value, and the line explaining it.

    ``kind`` is one of ``"component"``, ``"aspect"``, ``"total"``,
    ``"deduction"``, ``"weight_base"``, ``"nilai_akhir"``, ``"final"`` and
    ``"category"``; ``key`` names the component, aspect or deduction.
    """

    kind: str
    key: str | None
    value: Decimal | None
    text: str


@attrs.frozen(kw_only=True)
class ScoreResult:
    """A work unit's score under a scheme, and how it was obtained.

    All figures are exact Decimals, not rounded; present them with
    :func:`kinerja.round_half_up` (reports print 2 decimals).

    Attributes
    ----------
    scheme : Scheme
        The scheme applied.
    components : dict of str to ComponentScore
        Each component's nilai, weight, weighted value and status.
    aspects : dict of str to Decimal or None
        Each aspect's value (``None`` when none of its components applies).
    total : Decimal
        Nilai Total: Σ nilai × bobot / 100 over the applicable components.
    weight_base : Decimal
        Konversi Bobot: the applicable components' share of the weights, in
        percent (90 when a 10 % component does not apply).
    before_deductions : Decimal
        Nilai Akhir before the after-division deductions.
    deductions : dict of str to Decimal
        The points each deduction took.
    final : Decimal
        Nilai Akhir after the deductions: the score.
    band : Band or None
        The category band of the final score (``None`` for a scheme without bands).
    steps : tuple of ScoreStep
        The trace, one step per line of :meth:`explain`.

    Examples
    --------
    >>> import kinerja
    >>> result = kinerja.example_report().ikpa_score()
    >>> result.total, result.weight_base, result.presented, result.category
    (Decimal('99.176'), Decimal('100'), Decimal('99.18'), 'Sangat Baik')
    >>> result.components["pengelolaan_up_tup"].weighted
    Decimal('9.758')
    >>> result.steps[-1].kind
    'category'
    """

    scheme: Scheme = attrs.field(repr=False)
    components: dict[str, ComponentScore]
    aspects: dict[str, Decimal | None]
    total: Decimal
    weight_base: Decimal
    before_deductions: Decimal
    deductions: dict[str, Decimal]
    final: Decimal
    band: Band | None
    steps: tuple[ScoreStep, ...]

    @property
    def category(self) -> str | None:
        """The category of the final score ("Sangat Baik", ...), or ``None``."""
        return None if self.band is None else self.band.category

    @property
    def presented(self) -> Decimal:
        """The final score as reports print it: rounded half up to 2 places."""
        return round_half_up(self.final, 2)

    def explain(self) -> str:
        """Return the trace: the scheme, then one line per step."""
        return "\n".join([self.scheme.label, *(step.text for step in self.steps)])

    def _repr_html_(self) -> str:
        from kinerja._display import score_html

        return score_html(self)


def show(value: Decimal) -> str:
    """A figure for a trace, in Indonesian notation: exact up to 6 decimals, else ``…``."""
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    places = max(0, -exponent)
    if places <= 6:
        return format_number(value, places)
    return format_number(value, 6) + "…"


def score(scheme: Scheme, values: Mapping[str, Any], *, missing: MissingPolicy = "raise"
          ) -> ScoreResult:
    """Score one work unit under *scheme*: see :meth:`kinerja.Scheme.score`."""
    _check_policy(missing)
    if not isinstance(values, Mapping):
        raise InvalidValueError("give the scores as a mapping from component key to score",
                                field="values", value=values)
    _check_keys(scheme, values)
    nilai: list[Decimal] = []
    applicable: list[bool] = []
    statuses: list[Status] = []
    for component in scheme.components:
        status, number = _component_input(scheme, component, values, missing)
        statuses.append(status)
        applicable.append(status != "not_applicable")
        nilai.append(number)
    points = [_deduction_input(d, values, missing) for d in scheme.deductions]
    with exact():
        figures = combine(SCALAR, scheme, nilai, applicable, points)
        aspects = {aspect.name: (None if den == 0 else num / den)
                   for aspect, (num, den) in zip(scheme.aspects, figures.aspect_sums,
                                                 strict=True)}
    components = {
        c.key: ComponentScore(
            key=c.key, name=c.name, weight=c.weight, status=status,
            nilai=None if status == "not_applicable" else n,
            weighted=None if status == "not_applicable" else w)
        for c, status, n, w in zip(scheme.components, statuses, nilai, figures.weighted,
                                   strict=True)
    }
    band = scheme.band_for(figures.final)
    deductions = {d.key: p for d, p in zip(scheme.deductions, points, strict=True)}
    steps = _trace(scheme, components, aspects, figures, deductions, band)
    return ScoreResult(scheme=scheme, components=components, aspects=aspects,
                       total=figures.total, weight_base=figures.weight_base,
                       before_deductions=figures.before_deductions, deductions=deductions,
                       final=figures.final, band=band, steps=steps)


def _check_policy(missing: str) -> None:
    if missing not in _MISSING_POLICIES:
        raise InvalidValueError("unknown missing policy", field="missing", value=missing,
                                fix="use 'raise' (the default) or 'zero'")


def _check_keys(scheme: Scheme, given: Mapping[str, Any]) -> None:
    unknown = [key for key in given if key not in scheme.keys]
    if unknown:
        raise InvalidValueError(
            f"unknown key{'s' if len(unknown) > 1 else ''} for {scheme.label}",
            field="values", value=unknown, fix="use the keys " + ", ".join(scheme.keys))


def _missing_error(scheme: Scheme, key: str, name: str) -> MissingValueError:
    return MissingValueError(
        f"the value of {name} is missing in {scheme.label}", field=key, value=None,
        fix="give it, mark it kinerja.NOT_APPLICABLE if it does not apply to the work unit, "
        "or score missing values as 0 with missing='zero'")


def _component_input(scheme: Scheme, component: Component, values: Mapping[str, Any],
                     missing: MissingPolicy) -> tuple[Status, Decimal]:
    raw = values.get(component.key)
    if raw is NOT_APPLICABLE:
        if not component.can_be_not_applicable:
            raise InvalidValueError(
                f"{component.name} applies to every work unit in {scheme.label}",
                field=component.key, value=NOT_APPLICABLE,
                fix="give its score (the scheme says which components may be not applicable)")
        return "not_applicable", Decimal(0)
    if raw is None:
        if missing == "raise":
            raise _missing_error(scheme, component.key, component.name)
        return "missing_as_zero", Decimal(0)
    return "scored", _in_range(raw, component.key, _HUNDRED, "a component score is 0–100")


def _in_range(raw: Any, key: str, upper: Decimal, rule: str) -> Decimal:
    from kinerja._ikpa_components import CalculatedComponent

    if isinstance(raw, CalculatedComponent):
        if raw.key != key:
            raise InvalidValueError(f"a calculation of {raw.key} given for {key}", field=key,
                                    value=raw.value, fix="give each calculation its own key")
        raw = raw.value
    number = to_decimal(raw, field=key)
    if not 0 <= number <= upper:
        raise InvalidValueError(f"out of range: {rule}", field=key, value=raw,
                                fix=f"give a value from 0 to {upper}")
    return number


def _deduction_input(deduction: Deduction, values: Mapping[str, Any],
                     missing: MissingPolicy) -> Decimal:
    raw = values.get(deduction.key)
    if raw is NOT_APPLICABLE:
        return Decimal(0)
    if raw is None:
        if missing == "raise":
            raise MissingValueError(
                f"the points of the deduction {deduction.name} are missing", field=deduction.key,
                value=None, fix="give 0 when nothing is deducted, or pass missing='zero'")
        return Decimal(0)
    return _in_range(raw, deduction.key, deduction.limit,
                     f"deduction points are 0–{deduction.limit}")


def _trace(scheme: Scheme, components: dict[str, ComponentScore],
           aspects: dict[str, Decimal | None], figures: _Figures,
           deductions: dict[str, Decimal], band: Band | None) -> tuple[ScoreStep, ...]:
    steps: list[ScoreStep] = []
    w = show(scheme.total_weight)
    applicable_weights: list[Decimal] = []
    products: list[Decimal] = []
    for item in components.values():
        if item.status == "not_applicable":
            text = f"{item.name}: not applicable, bobot {show(item.weight)} excluded"
        else:
            assert item.nilai is not None and item.weighted is not None
            applicable_weights.append(item.weight)
            with exact():
                products.append(item.nilai * item.weight)
            prefix = "missing, scored 0 (missing='zero'); " if item.status != "scored" else ""
            text = (f"{item.name}: {prefix}nilai {show(item.nilai)} × bobot "
                    f"{show(item.weight)} / {w} = {show(item.weighted)}")
        steps.append(ScoreStep(kind="component", key=item.key, value=item.weighted, text=text))
    for aspect, (numerator, denominator) in zip(scheme.aspects, figures.aspect_sums,
                                                strict=True):
        value = aspects[aspect.name]
        if value is None:
            text = f"Aspect {aspect.name}: not applicable (none of its components applies)"
        else:
            text = (f"Aspect {aspect.name}: Σ nilai × bobot / Σ bobot = {show(numerator)} / "
                    f"{show(denominator)} = {show(value)}")
        steps.append(ScoreStep(kind="aspect", key=aspect.name, value=value, text=text))
    with exact():
        product_sum = sum(products, Decimal(0))
        weight_sum = sum(applicable_weights, Decimal(0))
    steps.append(ScoreStep(kind="total", key=None, value=figures.total, text=(
        f"Nilai Total = Σ nilai × bobot / {w} = {show(product_sum)} / {w} = "
        f"{show(figures.total)}")))
    for deduction in scheme.deductions:
        if deduction.order == "before_division":
            steps.append(_deduction_step(deduction, deductions[deduction.key], "Nilai Total",
                                         figures.total))
    steps.append(ScoreStep(kind="weight_base", key=None, value=figures.weight_base, text=(
        f"Konversi Bobot = Σ bobot of applicable components / {w} × 100 = {show(weight_sum)}"
        f" / {w} × 100 = {show(figures.weight_base)}")))
    numerator = "Nilai Total" if figures.reduced_total == figures.total else "reduced Nilai Total"
    steps.append(ScoreStep(kind="nilai_akhir", key=None, value=figures.before_deductions, text=(
        f"Nilai Akhir = {numerator} / Konversi Bobot × 100 = {show(figures.reduced_total)} / "
        f"{show(figures.weight_base)} × 100 = {show(figures.before_deductions)}")))
    running = figures.before_deductions
    for deduction in scheme.deductions:
        if deduction.order == "after_division":
            steps.append(_deduction_step(deduction, deductions[deduction.key], "Nilai Akhir",
                                         running))
            with exact():
                running -= deductions[deduction.key]
    if scheme.deductions:
        steps.append(ScoreStep(kind="final", key=None, value=figures.final,
                               text=f"Final score = {show(figures.final)}"))
    if band is not None:
        closed = band is scheme.bands[-1]
        judged = scheme.judged_figure(figures.final)
        basis = (f"judged on {show(judged)} (rounded half up to {scheme.category_places} "
                 "places)" if scheme.category_basis == "presented"
                 else f"judged on the exact score {show(judged)}")
        steps.append(ScoreStep(kind="category", key=band.category, value=judged, text=(
            f"Category {band.describe(closed=closed)}, {basis}")))
    return tuple(steps)


def _deduction_step(deduction: Deduction, points: Decimal, target: str, before: Decimal
                    ) -> ScoreStep:
    with exact():
        after = before - points
    order = deduction.order.replace("_", " ")
    tag = ", provisional" if deduction.provisional else ""
    text = (f"Deduction {deduction.name} ({order}{tag}): {target} {show(before)} − "
            f"{show(points)} = {show(after)}")
    return ScoreStep(kind="deduction", key=deduction.key, value=points, text=text)


# --- many work units -------------------------------------------------------------------

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
    total: FloatArray
    weight_base: FloatArray
    before_deductions: FloatArray
    final: FloatArray
    aspects: dict[str, np.ma.MaskedArray[Any, Any]]
    category: npt.NDArray[np.str_] | None

    def to_pandas(self) -> Any:
        """Return the scores as a pandas DataFrame, one row per work unit (``pandas`` extra).

        Columns ``total``, ``weight_base``, ``final`` (float64), one ``Float64``
        column per aspect (``<NA>`` where none of its components applies) and
        ``category`` (a categorical).
        """
        from kinerja._pandas import batch_frame

        return batch_frame(self)


def score_batch(scheme: Scheme, columns: Mapping[str, Any], *,
                not_applicable: Mapping[str, Any] | None = None,
                missing: MissingPolicy = "raise") -> BatchScore:
    """Score many work units under *scheme*: see :meth:`kinerja.Scheme.score_batch`."""
    _check_policy(missing)
    _check_keys(scheme, columns)
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
            raise _missing_error(scheme, key, name)
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
