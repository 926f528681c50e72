"""The step-by-step trace of a score: one readable line per figure.

Built by :func:`trace` from the figures :func:`kinerja.schemes._combine.combine`
computed; every number is written with :func:`kinerja.core._notation.format_trace`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from kinerja.core._input import exact
from kinerja.core._l10n import text
from kinerja.core._notation import format_number, format_trace
from kinerja.core._options import LANGS, Lang, check_lang
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

    >>> import kinerja
    >>> result = kinerja.ikpa_scheme(2023).score({"revisi_dipa": 95, "deviasi_halaman_iii": 95,
    ...     "penyerapan_anggaran": 95, "belanja_kontraktual": 95, "penyelesaian_tagihan": 95,
    ...     "pengelolaan_up_tup": 95, "capaian_output": 95, "dispensasi_spm": 0})
    >>> part = result.components["revisi_dipa"]
    >>> part.status, part.weight, part.weighted
    ('scored', Decimal('10'), Decimal('9.5'))
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
    ``text`` is the line in English, ``text_id`` in Indonesian (each with
    its language's number notation); :meth:`describe` picks one.

    >>> import kinerja
    >>> result = kinerja.ikpa_scheme(2023).score({"revisi_dipa": 95, "deviasi_halaman_iii": 95,
    ...     "penyerapan_anggaran": 95, "belanja_kontraktual": 95, "penyelesaian_tagihan": 95,
    ...     "pengelolaan_up_tup": 95, "capaian_output": 95, "dispensasi_spm": 0})
    >>> step = result.steps[0]
    >>> step.kind, step.key
    ('component', 'revisi_dipa')
    """

    kind: str
    key: str | None
    value: Decimal | None
    text: str
    text_id: str = ""

    def describe(self, lang: Lang = "id") -> str:
        """The line in *lang* (``"id"`` or ``"en"``)."""
        return self.text_id or self.text if check_lang(lang) == "id" else self.text


def _texts(key: str, **params: Any) -> dict[Lang, str]:
    """The line ``trace.<key>`` in every language: Decimals exact up to six decimals.

    A parameter given as a dict holds a part of the line per language.
    """
    lines: dict[Lang, str] = {}
    for lang in LANGS:
        shown = {name: format_trace(value, notation=lang) if isinstance(value, Decimal)
                 else value[lang] if isinstance(value, dict) else value
                 for name, value in params.items()}
        lines[lang] = text(f"trace.{key}", lang, **shown)
    return lines


def _step(kind: str, key: str | None, value: Decimal | None, lines: dict[Lang, str]
          ) -> ScoreStep:
    return ScoreStep(kind=kind, key=key, value=value, text=lines["en"], text_id=lines["id"])


def trace(scheme: Scheme, components: Mapping[str, ComponentScore],
           aspects: Mapping[str, Decimal | None], figures: Figures,
           deductions: Mapping[str, Decimal], band: Band | None) -> tuple[ScoreStep, ...]:
    """The steps of a score, in the order a reader follows them, in English and Indonesian."""
    steps: list[ScoreStep] = []
    w = scheme.total_weight
    applicable_weights: list[Decimal] = []
    products: list[Decimal] = []
    for item in components.values():
        if item.status == "not_applicable":
            lines = _texts("component_na", name=item.name, weight=item.weight)
        else:
            assert item.nilai is not None and item.weighted is not None
            applicable_weights.append(item.weight)
            with exact():
                products.append(item.nilai * item.weight)
            prefix = (dict.fromkeys(LANGS, "") if item.status == "scored"
                      else _texts("missing_zero"))
            lines = _texts("component", name=item.name, prefix=prefix, nilai=item.nilai,
                           weight=item.weight, w=w, weighted=item.weighted)
        steps.append(_step("component", item.key, item.weighted, lines))
    for aspect, (numerator, denominator) in zip(scheme.aspects, figures.aspect_sums,
                                                strict=True):
        value = aspects[aspect.name]
        lines = (_texts("aspect_na", name=aspect.name) if value is None else
                 _texts("aspect", name=aspect.name, num=numerator, den=denominator,
                        value=value))
        steps.append(_step("aspect", aspect.name, value, lines))
    with exact():
        product_sum = sum(products, Decimal(0))
        weight_sum = sum(applicable_weights, Decimal(0))
    steps.append(_step("total", None, figures.total,
                       _texts("total", w=w, sum=product_sum, total=figures.total)))
    for deduction in scheme.deductions:
        if deduction.order == "before_division":
            steps.append(_deduction_step(deduction, deductions[deduction.key], "Nilai Total",
                                         figures.total))
    steps.append(_step("weight_base", None, figures.weight_base,
                       _texts("weight_base", w=w, sum=weight_sum, base=figures.weight_base)))
    numerator = (dict.fromkeys(LANGS, "Nilai Total")
                 if figures.reduced_total == figures.total else _texts("reduced"))
    steps.append(_step("nilai_akhir", None, figures.before_deductions, _texts(
        "nilai_akhir", numerator=numerator, reduced=figures.reduced_total,
        base=figures.weight_base, value=figures.before_deductions)))
    running = figures.before_deductions
    for deduction in scheme.deductions:
        if deduction.order == "after_division":
            steps.append(_deduction_step(deduction, deductions[deduction.key], "Nilai Akhir",
                                         running))
            with exact():
                running -= deductions[deduction.key]
    if scheme.deductions:
        steps.append(_step("final", None, figures.final, _texts("final", value=figures.final)))
    if band is not None:
        closed = band is scheme.bands[0 if scheme.band_boundary == "low_exclusive" else -1]
        judged = scheme.judged_figure(figures.final)
        if scheme.category_basis == "presented":
            # At the places it is judged at: 97,30, not 97,3.
            shown = {lang: format_number(judged, scheme.category_places, notation=lang)
                     for lang in LANGS}
            basis = _texts("presented", judged=shown, places=scheme.category_places)
        else:
            basis = _texts("exact", judged=judged)
        described = band.describe(closed=closed, boundary=scheme.band_boundary)
        steps.append(_step("category", band.category, judged,
                           _texts("category", band=described, basis=basis)))
    return tuple(steps)


def _deduction_step(deduction: Deduction, points: Decimal, target: str, before: Decimal
                    ) -> ScoreStep:
    with exact():
        after = before - points
    tag = _texts("provisional") if deduction.provisional else dict.fromkeys(LANGS, "")
    lines = _texts("deduction", name=deduction.name, order=_texts(deduction.order), tag=tag,
                   target=target, before=before, points=points, after=after)
    return _step("deduction", deduction.key, points, lines)
