"""Validating a scheme: every problem of its parts and of the whole, found at once.

The rules (weights positive and adding up to the stated total, keys unique,
aspects over known components, bands ordered and gap-free over [0, 100]) are
stated in the docs page *Scoring schemes* (``docs/schemes/index.md``); the band
boundary (which end of a band belongs to it) in *Scheme files (TOML)*.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING

from kinerja.core._input import exact, to_year
from kinerja.core._notation import format_plain
from kinerja.core._problems import Problems
from kinerja.exceptions import KinerjaError
from kinerja.schemes._parts import (
    BAND_BOUNDARIES,
    CATEGORY_BASES,
    DEDUCTION_ORDERS,
    KEY,
    Aspect,
    Band,
    Component,
    Deduction,
)

if TYPE_CHECKING:
    from kinerja.schemes._scheme import Scheme

__all__ = ["item_problems", "scheme_problems"]

_HUNDRED = Decimal(100)


def item_problems(item: Component | Aspect | Deduction | Band, where: str
                  ) -> list[KinerjaError]:
    """Return the problems one item has on its own (``where`` is e.g. ``components[3]``)."""
    problems = Problems()
    if isinstance(item, Component | Deduction) and not KEY.fullmatch(item.key):
        problems.add(f"{where}.key", "a key is lower case letters, digits and underscores",
                     value=item.key)
    if isinstance(item, Component):
        if not item.name.strip():
            problems.add(f"{where}.name", "must not be empty")
        if item.weight <= 0:
            problems.add(f"{where}.weight", "a weight must be positive", value=item.weight,
                         fix="drop the component or give it a positive weight")
    elif isinstance(item, Aspect):
        if not item.name.strip():
            problems.add(f"{where}.name", "must not be empty")
        if not item.components:
            problems.add(f"{where}.components", "an aspect needs at least one component")
    elif isinstance(item, Deduction):
        if item.order not in DEDUCTION_ORDERS:
            problems.add(f"{where}.order", "unknown deduction order", value=item.order,
                         fix="use 'after_division' or 'before_division'")
        if item.maximum is not None and not 0 < item.maximum <= _HUNDRED:
            problems.add(f"{where}.maximum", "must be above 0 and at most 100",
                         value=item.maximum)
    else:
        if not item.category.strip():
            problems.add(f"{where}.category", "must not be empty")
        if item.low >= item.high:
            problems.add(where, f"low {format_plain(item.low)} is not below high "
                         f"{format_plain(item.high)}", fix="a band is [low, high) with low < high")
    return problems.errors


def scheme_problems(scheme: Scheme) -> list[KinerjaError]:
    """Return every problem of *scheme* (nothing raised), in the order of its file."""
    problems = Problems()
    for field in ("name", "regulation"):
        if not getattr(scheme, field).strip():
            problems.add(field, "must not be empty")
    for field in ("valid_from", "valid_until"):
        if getattr(scheme, field) is not None:
            problems.attempt(field, functools.partial(to_year, getattr(scheme, field),
                                                      field=field))
    if scheme.valid_until is not None and scheme.valid_until < scheme.valid_from:
        problems.add("valid_until", f"is before valid_from {scheme.valid_from}",
                     value=scheme.valid_until)
    if not scheme.components:
        problems.add("components", "a scheme needs at least one component")
    for section in ("components", "aspects", "deductions", "bands"):
        for index, item in enumerate(getattr(scheme, section)):
            problems.errors.extend(item_problems(item, f"{section}[{index}]"))
    _check_keys(scheme, problems)
    _check_total(scheme, problems)
    _check_aspects(scheme, problems)
    _check_bands(scheme, problems)
    if scheme.category_basis not in CATEGORY_BASES:
        problems.add("category_basis", "unknown category basis", value=scheme.category_basis,
                     fix="use 'presented' or 'exact'")
    if scheme.band_boundary not in BAND_BOUNDARIES:
        problems.add("band_boundary", "unknown band boundary", value=scheme.band_boundary,
                     fix="use 'low_inclusive' or 'low_exclusive'")
    if scheme.category_places < 0:
        problems.add("category_places", "must be 0 or more", value=scheme.category_places)
    order = {f"{s}[": i for i, s in enumerate(("components", "aspects", "deductions", "bands"))}

    def position(error: KinerjaError) -> tuple[int, int]:
        field = error.field or ""
        for prefix, rank in order.items():
            if field.startswith(prefix):
                return rank, int(field[len(prefix):].split("]", 1)[0])
        return -1, 0

    return sorted(problems, key=position)  # stable: the order of the file


def _check_keys(scheme: Scheme, problems: Problems) -> None:
    seen: dict[str, str] = {}
    for section in ("components", "deductions"):
        for index, item in enumerate(getattr(scheme, section)):
            where = f"{section}[{index}]"
            if not KEY.fullmatch(item.key):
                continue
            if item.key in seen:
                problems.add(f"{where}.key", f"duplicate key (also {seen[item.key]})",
                             value=item.key)
            else:
                seen[item.key] = where


def _check_total(scheme: Scheme, problems: Problems) -> None:
    if scheme.weight_total is None:
        return
    if scheme.weight_total <= 0:
        problems.add("weight_total", "must be positive", value=scheme.weight_total)
        return
    weights = [c.weight for c in scheme.components]
    if any(weight <= 0 for weight in weights):
        return  # already reported; a sum with a bad weight means nothing
    with exact():
        reached = sum(weights, Decimal(0))
    if reached != scheme.weight_total:
        problems.add("weight_total",
                     f"the weights add up to {format_plain(reached)}, not the stated total",
                     value=scheme.weight_total, fix="correct a weight or the stated total")


def _check_aspects(scheme: Scheme, problems: Problems) -> None:
    keys = {c.key for c in scheme.components}
    names: set[str] = set()
    owner: dict[str, str] = {}
    for index, aspect in enumerate(scheme.aspects):
        where = f"aspects[{index}]"
        if aspect.name in names and aspect.name.strip():
            problems.add(f"{where}.name", "duplicate aspect name", value=aspect.name)
        names.add(aspect.name)
        for position, key in enumerate(aspect.components):
            field = f"{where}.components[{position}]"
            if key not in keys:
                problems.add(field, "no component has this key", value=key,
                             fix="use one of " + ", ".join(c.key for c in scheme.components))
            elif key in owner:
                problems.add(field, f"the component already belongs to aspect {owner[key]!r}",
                             value=key)
            else:
                owner[key] = aspect.name


def _check_bands(scheme: Scheme, problems: Problems) -> None:
    bands = scheme.bands
    if not bands:
        return
    categories: set[str] = set()
    for index, band in enumerate(bands):
        where = f"bands[{index}]"
        if band.category in categories and band.category.strip():
            problems.add(f"{where}.category", "duplicate category", value=band.category)
        categories.add(band.category)
        if index == 0 and band.low != 0:
            problems.add(where, f"the first band starts at {format_plain(band.low)}, not 0",
                         fix="bands cover [0, 100] in ascending order")
        if index > 0:
            previous = bands[index - 1].high
            if band.low > previous:
                problems.add(where, f"leaves a gap: the previous band ends at "
                             f"{format_plain(previous)} but this one starts at "
                             f"{format_plain(band.low)}",
                             fix="let each band start where the previous one ends")
            elif band.low < previous:
                problems.add(where, f"overlaps the previous band, which ends at "
                             f"{format_plain(previous)} (this one starts at "
                             f"{format_plain(band.low)})",
                             fix="list bands in ascending order, each starting where the "
                             "previous one ends")
    if bands[-1].high != _HUNDRED:
        problems.add(f"bands[{len(bands) - 1}]", f"the last band ends at "
                     f"{format_plain(bands[-1].high)}, not 100",
                     fix="bands cover [0, 100]; the top band is closed")
