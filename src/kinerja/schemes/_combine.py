"""The arithmetic of a weighted score, written once for one work unit and for many.

Every figure of a score runs through :func:`combine`, on exact Decimals (one
work unit, :mod:`kinerja.schemes._scoring`) and on float64 arrays (one row per
work unit, :mod:`kinerja.schemes._batch`):

* weighted value of a component = nilai × bobot / W, where W is the stated
  total of the weights (100 for percent weights);
* Nilai Total = Σ weighted values of the applicable components;
* Konversi Bobot = Σ weights of the applicable components / W × 100;
* Nilai Akhir = Nilai Total / Konversi Bobot × 100;
* deductions: subtracted from Nilai Akhir (``after_division``) or from Nilai
  Total before the division (``before_division``);
* aspect value = Σ(bobot × nilai) / Σ bobot over its applicable components.

Sources: PER-5/PB/2022 and PER-5/PB/2024 (IKPA: Nilai Total, Konversi Bobot,
Nilai Akhir as OM-SPAN prints them); docs pages *Scoring schemes* and *IKPA*.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from kinerja.core._input import to_decimal
from kinerja.core._ops import Ops
from kinerja.core._options import check_choice
from kinerja.exceptions import InvalidValueError, MissingValueError
from kinerja.schemes._parts import CalculatedComponent

if TYPE_CHECKING:
    from kinerja.schemes._scheme import Scheme

__all__ = ["Figures", "MissingPolicy", "check_keys", "check_policy", "combine", "in_range",
           "missing_error"]

MissingPolicy: TypeAlias = Literal["raise", "zero"]
_MISSING_POLICIES = ("raise", "zero")


@attrs.frozen(kw_only=True)
class Figures:
    """Every figure of a score, in one number kind (Decimal scalars or float64 arrays)."""

    weighted: tuple[Any, ...]
    total: Any
    weight_base: Any
    reduced_total: Any
    before_deductions: Any
    final: Any
    aspect_sums: tuple[tuple[Any, Any], ...]


def combine(ops: Ops, scheme: Scheme, nilai: list[Any], applicable: list[Any],
            deductions: list[Any]) -> Figures:
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
    return Figures(weighted=tuple(weighted), total=total, weight_base=base,
                   reduced_total=reduced, before_deductions=nilai_akhir, final=final,
                   aspect_sums=tuple(aspect_sums))


def check_policy(missing: str) -> None:
    """Refuse an unknown ``missing`` policy."""
    check_choice(missing, _MISSING_POLICIES, "missing", what="missing policy")


def check_keys(scheme: Scheme, given: Mapping[str, Any]) -> None:
    """Refuse keys the scheme does not have."""
    unknown = [key for key in given if key not in scheme.keys]
    if unknown:
        raise InvalidValueError(
            f"unknown key{'s' if len(unknown) > 1 else ''} for {scheme.label}",
            field="values", value=unknown, fix="use the keys " + ", ".join(scheme.keys))


def missing_error(scheme: Scheme, key: str, name: str) -> MissingValueError:
    """The error for a missing component value."""
    return MissingValueError(
        f"the value of {name} is missing in {scheme.label}", field=key, value=None,
        fix="give it, mark it kinerja.NOT_APPLICABLE if it does not apply to the work unit, "
        "or score missing values as 0 with missing='zero'")


def in_range(raw: Any, key: str, upper: Decimal, rule: str) -> Decimal:
    """A component score or deduction points within [0, *upper*], as a Decimal."""
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
