"""The step-by-step trace of a score: one readable line per figure.

Built by :func:`trace` from the figures :func:`kinerja.schemes._combine.combine`
computed; every number is written with :func:`kinerja.core._notation.format_trace`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, TypeAlias

import attrs

from kinerja.core._input import exact
from kinerja.core._notation import format_trace
from kinerja.core._validators import checked
from kinerja.schemes._combine import Figures
from kinerja.schemes._parts import Band, Deduction

if TYPE_CHECKING:
    from kinerja.schemes._scheme import Scheme

__all__ = ["ComponentScore", "ScoreStep", "Status", "trace"]

Status: TypeAlias = Literal["scored", "not_applicable", "missing_as_zero"]


@checked
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


@checked
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


def trace(scheme: Scheme, components: Mapping[str, ComponentScore],
           aspects: Mapping[str, Decimal | None], figures: Figures,
           deductions: Mapping[str, Decimal], band: Band | None) -> tuple[ScoreStep, ...]:
    """The steps of a score, in the order a reader follows them."""
    steps: list[ScoreStep] = []
    w = format_trace(scheme.total_weight)
    applicable_weights: list[Decimal] = []
    products: list[Decimal] = []
    for item in components.values():
        if item.status == "not_applicable":
            text = f"{item.name}: not applicable, bobot {format_trace(item.weight)} excluded"
        else:
            assert item.nilai is not None and item.weighted is not None
            applicable_weights.append(item.weight)
            with exact():
                products.append(item.nilai * item.weight)
            prefix = "missing, scored 0 (missing='zero'); " if item.status != "scored" else ""
            text = (f"{item.name}: {prefix}nilai {format_trace(item.nilai)} × bobot "
                    f"{format_trace(item.weight)} / {w} = {format_trace(item.weighted)}")
        steps.append(ScoreStep(kind="component", key=item.key, value=item.weighted, text=text))
    for aspect, (numerator, denominator) in zip(scheme.aspects, figures.aspect_sums,
                                                strict=True):
        value = aspects[aspect.name]
        if value is None:
            text = f"Aspect {aspect.name}: not applicable (none of its components applies)"
        else:
            text = (f"Aspect {aspect.name}: Σ nilai × bobot / Σ bobot = "
                    f"{format_trace(numerator)} / {format_trace(denominator)} = "
                    f"{format_trace(value)}")
        steps.append(ScoreStep(kind="aspect", key=aspect.name, value=value, text=text))
    with exact():
        product_sum = sum(products, Decimal(0))
        weight_sum = sum(applicable_weights, Decimal(0))
    steps.append(ScoreStep(kind="total", key=None, value=figures.total, text=(
        f"Nilai Total = Σ nilai × bobot / {w} = {format_trace(product_sum)} / {w} = "
        f"{format_trace(figures.total)}")))
    for deduction in scheme.deductions:
        if deduction.order == "before_division":
            steps.append(_deduction_step(deduction, deductions[deduction.key], "Nilai Total",
                                         figures.total))
    steps.append(ScoreStep(kind="weight_base", key=None, value=figures.weight_base, text=(
        f"Konversi Bobot = Σ bobot of applicable components / {w} × 100 = "
        f"{format_trace(weight_sum)} / {w} × 100 = {format_trace(figures.weight_base)}")))
    numerator = "Nilai Total" if figures.reduced_total == figures.total else "reduced Nilai Total"
    steps.append(ScoreStep(kind="nilai_akhir", key=None, value=figures.before_deductions, text=(
        f"Nilai Akhir = {numerator} / Konversi Bobot × 100 = "
        f"{format_trace(figures.reduced_total)} / {format_trace(figures.weight_base)} × 100 = "
        f"{format_trace(figures.before_deductions)}")))
    running = figures.before_deductions
    for deduction in scheme.deductions:
        if deduction.order == "after_division":
            steps.append(_deduction_step(deduction, deductions[deduction.key], "Nilai Akhir",
                                         running))
            with exact():
                running -= deductions[deduction.key]
    if scheme.deductions:
        steps.append(ScoreStep(kind="final", key=None, value=figures.final,
                               text=f"Final score = {format_trace(figures.final)}"))
    if band is not None:
        closed = band is scheme.bands[0 if scheme.band_boundary == "low_exclusive" else -1]
        judged = scheme.judged_figure(figures.final)
        basis = (f"judged on {format_trace(judged)} (rounded half up to {scheme.category_places} "
                 "places)" if scheme.category_basis == "presented"
                 else f"judged on the exact score {format_trace(judged)}")
        steps.append(ScoreStep(kind="category", key=band.category, value=judged, text=(
            f"Category {band.describe(closed=closed, boundary=scheme.band_boundary)}, "
            f"{basis}")))
    return tuple(steps)


def _deduction_step(deduction: Deduction, points: Decimal, target: str, before: Decimal
                    ) -> ScoreStep:
    with exact():
        after = before - points
    order = deduction.order.replace("_", " ")
    tag = ", provisional" if deduction.provisional else ""
    text = (f"Deduction {deduction.name} ({order}{tag}): {target} {format_trace(before)} − "
            f"{format_trace(points)} = {format_trace(after)}")
    return ScoreStep(kind="deduction", key=deduction.key, value=points, text=text)
