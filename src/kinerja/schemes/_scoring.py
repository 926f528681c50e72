"""Scoring one work unit under a :class:`~kinerja.Scheme`, with a readable trace.

The arithmetic is :func:`kinerja.schemes._combine.combine` (written once for
one work unit and for many); the trace is :mod:`kinerja.schemes._trace`.  The
rules are stated in the docs page *Scoring schemes* (``docs/schemes/index.md``).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from kinerja.core._frozen import FrozenMap, freeze
from kinerja.core._hooks import html_of
from kinerja.core._input import exact
from kinerja.core._ops import SCALAR
from kinerja.core._options import Lang, check_lang
from kinerja.core._rounding import round_half_up
from kinerja.core._sentinels import NOT_APPLICABLE
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidValueError, MissingValueError
from kinerja.schemes._combine import (
    Figures,
    MissingPolicy,
    check_keys,
    check_policy,
    combine,
    in_range,
    missing_error,
)
from kinerja.schemes._parts import Band, Component, Deduction
from kinerja.schemes._trace import ComponentScore, ScoreStep, Status, trace

if TYPE_CHECKING:
    from kinerja.schemes._scheme import Scheme

__all__ = ["ComponentScore", "MissingPolicy", "ScoreResult", "ScoreStep", "score"]

_HUNDRED = Decimal(100)


def _components(value: Mapping[str, ComponentScore]) -> FrozenMap[str, ComponentScore]:
    return freeze(value)


def _aspects(value: Mapping[str, Decimal | None]) -> FrozenMap[str, Decimal | None]:
    return freeze(value)


def _deductions(value: Mapping[str, Decimal]) -> FrozenMap[str, Decimal]:
    return freeze(value)


@checked
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
        The trace, one step per line of :meth:`explain`; built the first time it
        is asked for (scoring does not pay for it).

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
    components: FrozenMap[str, ComponentScore] = attrs.field(converter=_components)
    aspects: FrozenMap[str, Decimal | None] = attrs.field(converter=_aspects)
    total: Decimal
    weight_base: Decimal
    before_deductions: Decimal
    deductions: FrozenMap[str, Decimal] = attrs.field(converter=_deductions)
    final: Decimal
    band: Band | None
    #: The trace, built on first use (``steps``, ``explain``): scoring many units costs
    #: only the arithmetic.  Given at construction, it is kept as given.
    _steps: tuple[ScoreStep, ...] | None = attrs.field(default=None, alias="steps", eq=False,
                                                      repr=False)
    _figures: Figures | None = attrs.field(default=None, alias="figures", eq=False,
                                           repr=False)

    @property
    def steps(self) -> tuple[ScoreStep, ...]:
        """The trace, one step per line of :meth:`explain` (built when first asked for)."""
        if self._steps is None:
            if self._figures is None:
                raise InvalidValueError(
                    "a score built without its trace or its figures has no steps",
                    field="steps", fix="build scores with Scheme.score(...)")
            object.__setattr__(self, "_steps", trace(
                self.scheme, self.components, self.aspects, self._figures, self.deductions,
                self.band))
        assert self._steps is not None
        return self._steps

    @property
    def category(self) -> str | None:
        """The category of the final score ("Sangat Baik", ...), or ``None``."""
        return None if self.band is None else self.band.category

    @property
    def presented(self) -> Decimal:
        """The final score as reports print it: rounded half up to 2 places."""
        return round_half_up(self.final, 2)

    def explain(self, lang: Lang = "id") -> str:
        """Return the trace in *lang*: the scheme, then one line per step.

        Every word comes from the catalogs (:mod:`kinerja.core._l10n`) and every
        number is in the language's notation: Indonesian by default,
        ``lang="en"`` for English.
        """
        lang = check_lang(lang)
        return "\n".join([self.scheme.label, *(step.describe(lang) for step in self.steps)])

    def _repr_html_(self) -> str:
        return html_of(self)


def score(scheme: Scheme, values: Mapping[str, Any], *, missing: MissingPolicy = "raise"
          ) -> ScoreResult:
    """Score one work unit under *scheme*: see :meth:`kinerja.Scheme.score`."""
    check_policy(missing)
    if not isinstance(values, Mapping):
        raise InvalidValueError("give the scores as a mapping from component key to score",
                                field="values", value=values,
                                fix="pass e.g. {'revisi_dipa': 95.5, ...}, a score per component")
    check_keys(scheme, values)
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
    return ScoreResult(scheme=scheme, components=components, aspects=aspects,
                       total=figures.total, weight_base=figures.weight_base,
                       before_deductions=figures.before_deductions, deductions=deductions,
                       final=figures.final, band=band, figures=figures)


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
            raise missing_error(scheme, component.key, component.name)
        return "missing_as_zero", Decimal(0)
    return "scored", in_range(raw, component.key, _HUNDRED, "a component score is 0–100")


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
    return in_range(raw, deduction.key, deduction.limit,
                     f"deduction points are 0–{deduction.limit}")
