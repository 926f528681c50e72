"""Weighted scoring schemes as data: components, aspects, deductions, category bands (SPEC 9).

A :class:`Scheme` is what IKPA, SMART DJA NKA and similar indices have in
common: named components scored 0–100 with weights, optional aspects that
group them, components that may not apply to a work unit, deductions and
category bands.  It is identified by the regulation and the years it applies
to, and it is validated when created: every problem is collected and raised
at once as one :class:`~kinerja.ValidationError`.  Scoring lives in
:mod:`kinerja._scoring`; loading from TOML in :mod:`kinerja._scheme_file`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from kinerja._convert import exact, to_decimal
from kinerja._rounding import round_half_up
from kinerja.exceptions import InvalidTypeError, InvalidValueError, KinerjaError, ValidationError

if TYPE_CHECKING:
    from kinerja._scoring import BatchScore, MissingPolicy, ScoreResult

__all__ = ["Aspect", "Band", "Component", "Deduction", "Scheme"]

DeductionOrder: TypeAlias = Literal["after_division", "before_division"]
CategoryBasis: TypeAlias = Literal["presented", "exact"]

DEDUCTION_ORDERS: tuple[str, ...] = ("after_division", "before_division")
CATEGORY_BASES: tuple[str, ...] = ("presented", "exact")
_KEY = re.compile(r"[a-z][a-z0-9_]*")
_HUNDRED = Decimal(100)


def _is_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError("must be text", field=attribute.name, value=value)


def _is_flag(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, bool):
        raise InvalidTypeError("must be true or false", field=attribute.name, value=value)


def _is_year(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise InvalidTypeError("a year is an int", field=attribute.name, value=value,
                               fix="write the year as a number, e.g. 2024")


def _is_places(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError("must be an int", field=attribute.name, value=value)


def _sequence(value: Any, field: str, kind: type[Any] = object) -> tuple[Any, ...]:
    """A tuple of *kind* items from a list or tuple, or an error naming the item."""
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InvalidTypeError("must be a list", field=field, value=value)
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidTypeError(f"must be a {kind.__name__}", field=f"{field}[{index}]",
                                   value=item)
    return items


def _optional_decimal(value: Any, field: str) -> Decimal | None:
    return None if value is None else to_decimal(value, field=field)


# Named converters (the attrs mypy plugin needs named functions).
def _weight(value: Any) -> Decimal:
    return to_decimal(value, field="weight")


def _low(value: Any) -> Decimal:
    return to_decimal(value, field="low")


def _high(value: Any) -> Decimal:
    return to_decimal(value, field="high")


def _maximum(value: Any) -> Decimal | None:
    return _optional_decimal(value, "maximum")


def _weight_total(value: Any) -> Decimal | None:
    return _optional_decimal(value, "weight_total")


def _member_keys(value: Any) -> tuple[str, ...]:
    return _sequence(value, "components", str)


def _notes(value: Any) -> tuple[str, ...]:
    return _sequence(value, "notes", str)


@attrs.frozen(kw_only=True)
class Component:
    """One scored component of a scheme: a key, a name and a weight.

    Parameters
    ----------
    key : str
        The identifier callers use (lower case, digits, underscores), e.g.
        ``"penyerapan_anggaran"``.
    name : str
        The name as the regulation writes it, e.g. ``"Penyerapan Anggaran"``.
    weight : number
        The component's weight (bobot); in percent for IKPA and NKA.
    can_be_not_applicable : bool, default False
        Whether a work unit may have no such component (no contracts, say):
        it is then excluded and the other weights renormalised.
    source : str
        Where the component and its weight come from.
    provisional : bool, default False
        Whether the weight (or formula) is not yet checked against the
        regulation text.

    Notes
    -----
    Values are checked when the component becomes part of a :class:`Scheme`,
    so that every problem of a scheme is reported at once.

    Examples
    --------
    >>> Component(key="revisi_dipa", name="Revisi DIPA", weight=10).weight
    Decimal('10')
    """

    key: str = attrs.field(validator=_is_text)
    name: str = attrs.field(validator=_is_text)
    weight: Decimal = attrs.field(converter=_weight)
    can_be_not_applicable: bool = attrs.field(default=False, validator=_is_flag)
    source: str = attrs.field(default="", validator=_is_text)
    provisional: bool = attrs.field(default=False, validator=_is_flag)


@attrs.frozen(kw_only=True)
class Aspect:
    """A named group of components; its value is their weighted mean.

    The aspect value is Σ(weight × nilai) / Σ weight over the group's
    *applicable* components (SPEC 6), and not applicable when none applies.

    Examples
    --------
    >>> Aspect(name="Kualitas Perencanaan Anggaran",
    ...        components=["revisi_dipa", "deviasi_halaman_iii"]).components
    ('revisi_dipa', 'deviasi_halaman_iii')
    """

    name: str = attrs.field(validator=_is_text)
    components: tuple[str, ...] = attrs.field(converter=_member_keys)


@attrs.frozen(kw_only=True)
class Deduction:
    """Points subtracted from the score (the 2024 IKPA's Dispensasi SPM).

    Parameters
    ----------
    key, name : str
        As for :class:`Component`; the value a caller gives under *key* is
        the number of points to subtract (0 or more).
    order : {"after_division", "before_division"}, default "after_division"
        ``"after_division"``: subtracted from Nilai Akhir (Nilai Total /
        Konversi Bobot × 100).  ``"before_division"``: subtracted from Nilai
        Total before the division.  The two agree when every component
        applies; SPEC 6 marks the order provisional.
    maximum : number, optional
        The most points the deduction may take; 100 when not stated.
    source : str
        Where the deduction comes from.
    provisional : bool, default False
        Whether the rule is not yet checked against the regulation text.

    Examples
    --------
    >>> Deduction(key="dispensasi_spm", name="Dispensasi SPM").order
    'after_division'
    """

    key: str = attrs.field(validator=_is_text)
    name: str = attrs.field(validator=_is_text)
    order: DeductionOrder = attrs.field(default="after_division", validator=_is_text)
    maximum: Decimal | None = attrs.field(default=None, converter=_maximum)
    source: str = attrs.field(default="", validator=_is_text)
    provisional: bool = attrs.field(default=False, validator=_is_flag)

    @property
    def limit(self) -> Decimal:
        """The most points this deduction may take (its maximum, else 100)."""
        return _HUNDRED if self.maximum is None else self.maximum


@attrs.frozen(kw_only=True)
class Band:
    """A category band [low, high) of a score; the scheme's top band is closed.

    Examples
    --------
    >>> Band(category="Baik", low=89, high=95).describe()
    'Baik: 89 ≤ x < 95'
    """

    category: str = attrs.field(validator=_is_text)
    low: Decimal = attrs.field(converter=_low)
    high: Decimal = attrs.field(converter=_high)

    def describe(self, *, closed: bool = False) -> str:
        """``"Baik: 89 ≤ x < 95"``; with *closed*, ``≤`` at the top."""
        top = "≤" if closed else "<"
        return f"{self.category}: {plain(self.low)} ≤ x {top} {plain(self.high)}"


def plain(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: ``Decimal('95.0')`` → ``'95'``."""
    return f"{value.normalize():f}"


def _components(value: Any) -> tuple[Component, ...]:
    return _sequence(value, "components", Component)


def _aspects(value: Any) -> tuple[Aspect, ...]:
    return _sequence(value, "aspects", Aspect)


def _deductions(value: Any) -> tuple[Deduction, ...]:
    return _sequence(value, "deductions", Deduction)


def _bands(value: Any) -> tuple[Band, ...]:
    return _sequence(value, "bands", Band)


@attrs.frozen(kw_only=True)
class Scheme:
    """A weighted scoring scheme: the rules of one regulation for a range of years.

    Parameters
    ----------
    name : str
        The index, e.g. ``"IKPA"`` or ``"NKA"``.
    regulation : str
        The regulation that defines this version, e.g. ``"PER-5/PB/2022"``.
    valid_from, valid_until : int
        The first and last fiscal year the scheme applies to;
        ``valid_until=None`` means "until replaced".
    components : sequence of Component
        The scored components, in the regulation's order.
    aspects : sequence of Aspect, optional
        Groups of components (a component belongs to at most one).
    deductions : sequence of Deduction, optional
        Points subtracted from the score.
    bands : sequence of Band, optional
        Category bands in ascending order, gap-free over [0, 100]: each
        band is [low, high), the top band is closed.  No bands: no category.
    weight_total : number, optional
        The stated total of the weights (100 for percent weights); the
        weights must add up to it.  When omitted, their sum is the total.
    category_basis : {"presented", "exact"}, default "presented"
        Which figure the category is judged on: the final score rounded
        half up to *category_places* decimals, as printed in reports (so a
        score printed as 95,00 is never "Baik"), or the exact score.
    category_places : int, default 2
        Decimals of the presented figure.
    source : str
        Where the scheme comes from.
    notes : sequence of str
        What is provisional, and anything else a reader must know.

    Raises
    ------
    ValidationError
        Every problem found, at once: weights that are not positive, weights
        that do not reach the stated total, duplicate or unknown keys, bands
        that overlap or leave gaps.  Each member names its field, e.g.
        ``components[3].weight`` or ``bands[1]``.

    Examples
    --------
    >>> import kinerja
    >>> scheme = kinerja.Scheme(
    ...     name="Example", regulation="none", valid_from=2024, weight_total=100,
    ...     components=[kinerja.Component(key="a", name="A", weight=60),
    ...                 kinerja.Component(key="b", name="B", weight=30)],
    ...     bands=[kinerja.Band(category="low", low=0, high=50),
    ...            kinerja.Band(category="high", low=40, high=100)])
    Traceback (most recent call last):
    ...
    kinerja.exceptions.ValidationError: 2 problems in scheme 'Example' (2 sub-exceptions)
    """

    name: str = attrs.field(validator=_is_text)
    regulation: str = attrs.field(validator=_is_text)
    valid_from: int = attrs.field(validator=_is_year)
    valid_until: int | None = attrs.field(default=None, validator=_is_year)
    components: tuple[Component, ...] = attrs.field(converter=_components)
    aspects: tuple[Aspect, ...] = attrs.field(default=(), converter=_aspects)
    deductions: tuple[Deduction, ...] = attrs.field(default=(), converter=_deductions)
    bands: tuple[Band, ...] = attrs.field(default=(), converter=_bands)
    weight_total: Decimal | None = attrs.field(default=None, converter=_weight_total)
    category_basis: CategoryBasis = attrs.field(default="presented", validator=_is_text)
    category_places: int = attrs.field(default=2, validator=_is_places)
    source: str = attrs.field(default="", validator=_is_text)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_notes)

    def __attrs_post_init__(self) -> None:
        problems = scheme_problems(self)
        if problems:
            count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
            raise ValidationError(f"{count} in scheme {self.name!r}", problems)

    # --- identity ---------------------------------------------------------------------

    @property
    def years(self) -> str:
        """The years as text: ``"2022–2023"``, ``"2024–"`` or ``"2020"``."""
        if self.valid_until == self.valid_from:
            return str(self.valid_from)
        return f"{self.valid_from}–{'' if self.valid_until is None else self.valid_until}"

    @property
    def label(self) -> str:
        """``"IKPA 2022–2023 (PER-5/PB/2022)"``."""
        return f"{self.name} {self.years} ({self.regulation})"

    def applies_to(self, year: int) -> bool:
        """Tell whether the scheme is in force in fiscal *year*."""
        return self.valid_from <= year and (self.valid_until is None or year <= self.valid_until)

    # --- derived data -----------------------------------------------------------------

    @property
    def keys(self) -> tuple[str, ...]:
        """Every key a caller gives a value for: components, then deductions."""
        return tuple(c.key for c in self.components) + tuple(d.key for d in self.deductions)

    @property
    def weights(self) -> dict[str, Decimal]:
        """The weight of each component, by key."""
        return {c.key: c.weight for c in self.components}

    @property
    def total_weight(self) -> Decimal:
        """The stated total of the weights, or their sum when none is stated."""
        if self.weight_total is not None:
            return self.weight_total
        with exact():
            return sum((c.weight for c in self.components), Decimal(0))

    def component(self, key: str) -> Component:
        """Return the component with *key* (an error lists the valid keys)."""
        for component in self.components:
            if component.key == key:
                return component
        raise InvalidValueError(f"no component {key!r} in {self.label}", field="key",
                                value=key, fix="use one of " + ", ".join(self.keys))

    def band_for(self, value: Any) -> Band | None:
        """Return the category band of a final score (judged per *category_basis*).

        >>> import kinerja
        >>> from decimal import Decimal
        >>> scheme = kinerja.ikpa_scheme(2023)
        >>> scheme.band_for(Decimal("94.995")).category      # presented as 95,00
        'Sangat Baik'
        """
        if not self.bands:
            return None
        number = self.judged_figure(to_decimal(value, field="value"))
        if not self.bands[0].low <= number <= self.bands[-1].high:
            raise InvalidValueError(
                f"lies outside the bands {plain(self.bands[0].low)}–"
                f"{plain(self.bands[-1].high)}", field="value", value=value,
                fix="give a score within the scheme's range")
        lows = [band.low for band in self.bands]
        index = bisect.bisect_right(lows, number) - 1
        return self.bands[min(index, len(self.bands) - 1)]

    def judged_figure(self, value: Decimal) -> Decimal:
        """The figure the category is judged on: *value* itself or its presented rounding."""
        if self.category_basis == "exact":
            return value
        return round_half_up(value, self.category_places)

    # --- scoring ----------------------------------------------------------------------

    def score(self, values: Mapping[str, Any], *, missing: MissingPolicy = "raise"
              ) -> ScoreResult:
        """Score one work unit; see :func:`kinerja._scoring.score`.

        Parameters
        ----------
        values : mapping of str to number, NOT_APPLICABLE or None
            The score (nilai, 0–100) of each component by key, and the points
            of each deduction.  :data:`~kinerja.NOT_APPLICABLE` excludes a
            component that may be not applicable; ``None`` or an absent key
            is *missing*.
        missing : {"raise", "zero"}, default "raise"
            What a missing value does: ``"raise"`` a
            :class:`~kinerja.MissingValueError` naming it, or ``"zero"``:
            score it 0 (a deduction: no points), and say so in the trace.

        Returns
        -------
        ScoreResult
            Nilai Total, Konversi Bobot, Nilai Akhir, aspects, category and
            the step-by-step trace (``explain()``).

        Examples
        --------
        >>> import kinerja
        >>> result = kinerja.nka_scheme(2021).score({
        ...     "penyerapan_anggaran": "95,53", "konsistensi": "99,61",
        ...     "capaian_output": "99,72", "efisiensi": "59,98"})
        >>> result.final
        Decimal('87.92791')
        """
        from kinerja._scoring import score

        return score(self, values, missing=missing)

    def score_batch(self, columns: Mapping[str, Any], *,
                    not_applicable: Mapping[str, Any] | None = None,
                    missing: MissingPolicy = "raise") -> BatchScore:
        """Score many work units at once (one row each); see :func:`kinerja._scoring.score_batch`.

        Parameters
        ----------
        columns : mapping of str to array_like
            One float column per key (scalars broadcast).  Masked elements
            are *missing*, as everywhere in kinerja; a column given as
            :data:`~kinerja.NOT_APPLICABLE` is not applicable in every row.
        not_applicable : mapping of str to array_like of bool, optional
            Per key, the rows where the component does not apply (True).
            The column's value in those rows is ignored (it may be masked).
        missing : {"raise", "zero"}, default "raise"
            As for :meth:`score`.

        Examples
        --------
        >>> import numpy as np, kinerja
        >>> scheme = kinerja.nka_scheme(2021)
        >>> batch = scheme.score_batch({
        ...     "penyerapan_anggaran": np.array([95.53, 100.0]),
        ...     "konsistensi": np.array([99.61, 100.0]),
        ...     "capaian_output": np.array([99.72, 100.0]),
        ...     "efisiensi": np.array([59.98, 100.0])})
        >>> kinerja.round_half_up(batch.final, 3)
        array([ 87.928, 100.   ])
        """
        from kinerja._scoring import score_batch

        return score_batch(self, columns, not_applicable=not_applicable, missing=missing)


class _Problems(list[KinerjaError]):
    """A list of problems with a shorthand for adding one."""

    def add(self, field: str, message: str, value: Any = KinerjaError._NO_VALUE,
            fix: str | None = None) -> None:
        self.append(InvalidValueError(message, field=field, value=value, fix=fix))


def item_problems(item: Component | Aspect | Deduction | Band, where: str
                  ) -> list[KinerjaError]:
    """Return the problems one item has on its own (``where`` is e.g. ``components[3]``)."""
    problems = _Problems()
    if isinstance(item, Component | Deduction) and not _KEY.fullmatch(item.key):
        problems.add(f"{where}.key", "a key is lower case letters, digits and underscores",
                     item.key)
    if isinstance(item, Component):
        if not item.name.strip():
            problems.add(f"{where}.name", "must not be empty")
        if item.weight <= 0:
            problems.add(f"{where}.weight", "a weight must be positive", item.weight,
                         fix="drop the component or give it a positive weight")
    elif isinstance(item, Aspect):
        if not item.name.strip():
            problems.add(f"{where}.name", "must not be empty")
        if not item.components:
            problems.add(f"{where}.components", "an aspect needs at least one component")
    elif isinstance(item, Deduction):
        if item.order not in DEDUCTION_ORDERS:
            problems.add(f"{where}.order", "unknown deduction order", item.order,
                         fix="use 'after_division' or 'before_division'")
        if item.maximum is not None and not 0 < item.maximum <= _HUNDRED:
            problems.add(f"{where}.maximum", "must be above 0 and at most 100", item.maximum)
    else:
        if not item.category.strip():
            problems.add(f"{where}.category", "must not be empty")
        if item.low >= item.high:
            problems.add(where, f"low {plain(item.low)} is not below high {plain(item.high)}",
                         fix="a band is [low, high) with low < high")
    return problems


def scheme_problems(scheme: Scheme) -> list[KinerjaError]:
    """Return every problem of *scheme* (nothing raised): the validation of SPEC 9."""
    problems = _Problems()
    for field in ("name", "regulation"):
        if not getattr(scheme, field).strip():
            problems.add(field, "must not be empty")
    if not 1945 <= scheme.valid_from <= 2200:
        problems.add("valid_from", "is not a plausible fiscal year", scheme.valid_from)
    if scheme.valid_until is not None and scheme.valid_until < scheme.valid_from:
        problems.add("valid_until", f"is before valid_from {scheme.valid_from}",
                     scheme.valid_until)
    if not scheme.components:
        problems.add("components", "a scheme needs at least one component")
    for section in ("components", "aspects", "deductions", "bands"):
        for index, item in enumerate(getattr(scheme, section)):
            problems.extend(item_problems(item, f"{section}[{index}]"))
    _check_keys(scheme, problems)
    _check_total(scheme, problems)
    _check_aspects(scheme, problems)
    _check_bands(scheme, problems)
    if scheme.category_basis not in CATEGORY_BASES:
        problems.add("category_basis", "unknown category basis", scheme.category_basis,
                     fix="use 'presented' or 'exact'")
    if scheme.category_places < 0:
        problems.add("category_places", "must be 0 or more", scheme.category_places)
    order = {f"{s}[": i for i, s in enumerate(("components", "aspects", "deductions", "bands"))}

    def position(error: KinerjaError) -> tuple[int, int]:
        field = error.field or ""
        for prefix, rank in order.items():
            if field.startswith(prefix):
                return rank, int(field[len(prefix):].split("]", 1)[0])
        return -1, 0

    return sorted(problems, key=position)  # stable: the order of the file


def _check_keys(scheme: Scheme, problems: _Problems) -> None:
    seen: dict[str, str] = {}
    for section in ("components", "deductions"):
        for index, item in enumerate(getattr(scheme, section)):
            where = f"{section}[{index}]"
            if not _KEY.fullmatch(item.key):
                continue
            if item.key in seen:
                problems.add(f"{where}.key", f"duplicate key (also {seen[item.key]})", item.key)
            else:
                seen[item.key] = where


def _check_total(scheme: Scheme, problems: _Problems) -> None:
    if scheme.weight_total is None:
        return
    if scheme.weight_total <= 0:
        problems.add("weight_total", "must be positive", scheme.weight_total)
        return
    weights = [c.weight for c in scheme.components]
    if any(weight <= 0 for weight in weights):
        return  # already reported; a sum with a bad weight means nothing
    with exact():
        reached = sum(weights, Decimal(0))
    if reached != scheme.weight_total:
        problems.add("weight_total",
                     f"the weights add up to {plain(reached)}, not the stated total",
                     scheme.weight_total, fix="correct a weight or the stated total")


def _check_aspects(scheme: Scheme, problems: _Problems) -> None:
    keys = {c.key for c in scheme.components}
    names: set[str] = set()
    owner: dict[str, str] = {}
    for index, aspect in enumerate(scheme.aspects):
        where = f"aspects[{index}]"
        if aspect.name in names and aspect.name.strip():
            problems.add(f"{where}.name", "duplicate aspect name", aspect.name)
        names.add(aspect.name)
        for position, key in enumerate(aspect.components):
            field = f"{where}.components[{position}]"
            if key not in keys:
                problems.add(field, "no component has this key", key,
                             fix="use one of " + ", ".join(c.key for c in scheme.components))
            elif key in owner:
                problems.add(field, f"the component already belongs to aspect {owner[key]!r}",
                             key)
            else:
                owner[key] = aspect.name


def _check_bands(scheme: Scheme, problems: _Problems) -> None:
    bands = scheme.bands
    if not bands:
        return
    categories: set[str] = set()
    for index, band in enumerate(bands):
        where = f"bands[{index}]"
        if band.category in categories and band.category.strip():
            problems.add(f"{where}.category", "duplicate category", band.category)
        categories.add(band.category)
        if index == 0 and band.low != 0:
            problems.add(where, f"the first band starts at {plain(band.low)}, not 0",
                         fix="bands cover [0, 100] in ascending order")
        if index > 0:
            previous = bands[index - 1].high
            if band.low > previous:
                problems.add(where, f"leaves a gap: the previous band ends at "
                             f"{plain(previous)} but this one starts at {plain(band.low)}",
                             fix="let each band start where the previous one ends")
            elif band.low < previous:
                problems.add(where, f"overlaps the previous band, which ends at "
                             f"{plain(previous)} (this one starts at {plain(band.low)})",
                             fix="list bands in ascending order, each starting where the "
                             "previous one ends")
    if bands[-1].high != _HUNDRED:
        problems.add(f"bands[{len(bands) - 1}]", f"the last band ends at "
                     f"{plain(bands[-1].high)}, not 100",
                     fix="bands cover [0, 100]; the top band is closed")
