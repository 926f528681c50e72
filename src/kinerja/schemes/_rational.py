"""Scoring with component scores that are exact fractions (a mean of answers: 2,5 / 3).

:meth:`kinerja.Scheme.score` reads each score as a Decimal, so a mean such as
2,5 / 3 enters rounded (at 50 digits) and a weighted total that is exactly a
rounding tie (70,005) may come out a hair below it.  :func:`score_fractions`
runs the same arithmetic, :func:`~kinerja.schemes._combine.combine`, on
:class:`~fractions.Fraction` s and rounds each figure once, at the end, to the
scalar path's Decimals: a figure that terminates is exact, so ties print and
grade as they should.  The SAKIP evaluation (LKE) scores through it.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from kinerja.core._input import to_decimal
from kinerja.core._ops import ScalarOps
from kinerja.exceptions import InvalidValueError
from kinerja.schemes._combine import Figures, combine
from kinerja.schemes._scoring import ComponentScore, ScoreResult
from kinerja.schemes._trace import Status

if TYPE_CHECKING:
    from kinerja.schemes._scheme import Scheme

__all__ = ["decimal_of", "score_fractions"]


class _FractionOps(ScalarOps):
    """The scalar backend on exact Fractions: constants become Fractions too."""

    @staticmethod
    def const(value: Decimal | int) -> Fraction:  # type: ignore[override]
        """A constant as an exact Fraction."""
        return Fraction(value)


_FRACTIONS = _FractionOps()


def decimal_of(value: Fraction, field: str = "value") -> Decimal:
    """A Fraction as the scalar path's Decimal: exact when it terminates, else 50 digits."""
    return to_decimal(value, field=field)


def score_fractions(scheme: Scheme, nilai: Mapping[str, Fraction | None]) -> ScoreResult:
    """Score *scheme* on exact component scores (``None``: not applicable); no deductions."""
    if scheme.deductions:
        raise InvalidValueError(f"{scheme.label} has deductions; this score has none",
                                field="scheme", fix="score it with Scheme.score")
    values = [nilai[c.key] for c in scheme.components]
    applicable = [value is not None for value in values]
    figures: Figures = combine(_FRACTIONS, scheme, [v or Fraction(0) for v in values],
                               applicable, [])
    shown = Figures(weighted=tuple(decimal_of(w) for w in figures.weighted),
                    total=decimal_of(figures.total), weight_base=decimal_of(figures.weight_base),
                    reduced_total=decimal_of(figures.reduced_total),
                    before_deductions=decimal_of(figures.before_deductions),
                    final=decimal_of(figures.final),
                    aspect_sums=tuple((decimal_of(n), decimal_of(d))
                                      for n, d in figures.aspect_sums))
    aspects: dict[str, Decimal | None] = {
        aspect.name: (None if den == 0 else decimal_of(num / den))
        for aspect, (num, den) in zip(scheme.aspects, figures.aspect_sums, strict=True)}
    components = {}
    for component, value, weighted in zip(scheme.components, values, shown.weighted,
                                          strict=True):
        status: Status = "scored" if value is not None else "not_applicable"
        components[component.key] = ComponentScore(
            key=component.key, name=component.name, weight=component.weight, status=status,
            nilai=None if value is None else decimal_of(value),
            weighted=None if value is None else weighted)
    band = scheme.band_for(shown.final)
    return ScoreResult(scheme=scheme, components=components, aspects=aspects,
                       total=shown.total, weight_base=shown.weight_base,
                       before_deductions=shown.before_deductions, deductions={},
                       final=shown.final, band=band, figures=shown)

