"""A weighted scoring scheme as data: the rules of one regulation for a range of years.

A :class:`Scheme` is what IKPA, SMART DJA NKA and similar indices have in
common: named components scored 0–100 with weights, optional aspects that
group them, components that may not apply to a work unit, deductions and
category bands.  It is identified by the regulation and the years it applies
to, and it is validated when created: every problem is collected and raised
at once as one :class:`~kinerja.ValidationError`.  Its parts are in
:mod:`kinerja.schemes._parts`, its validation in
:mod:`kinerja.schemes._validation`, scoring in :mod:`kinerja.schemes._scoring`
(one work unit) and :mod:`kinerja.schemes._batch` (many), files in
:mod:`kinerja.schemes._file`.  The rules are stated in the docs page
*Scoring schemes* (``docs/schemes/index.md``).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from kinerja.core._input import exact, to_decimal
from kinerja.core._notation import format_plain
from kinerja.core._rounding import round_half_up
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidValueError, ValidationError
from kinerja.schemes._batch import BatchScore, score_batch
from kinerja.schemes._parts import (
    Aspect,
    Band,
    BandBoundary,
    CategoryBasis,
    Component,
    Deduction,
    _aspects,
    _bands,
    _components,
    _deductions,
    _is_int,
    _is_places,
    _is_text,
    _notes,
    _weight_total,
)
from kinerja.schemes._scoring import MissingPolicy, ScoreResult, score
from kinerja.schemes._validation import scheme_problems

__all__ = ["Scheme"]


@checked
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
    band_boundary : {"low_inclusive", "low_exclusive"}, default "low_inclusive"
        Which end of a band belongs to it: [low, high) with the top band
        closed (IKPA: Baik 89 ≤ x < 95), or (low, high] with the bottom band
        closed (PermenPAN-RB 88/2021, the SAKIP evaluation: AA > 90–100).
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
    valid_from: int = attrs.field(validator=_is_int)
    valid_until: int | None = attrs.field(default=None, validator=_is_int)
    components: tuple[Component, ...] = attrs.field(converter=_components)
    aspects: tuple[Aspect, ...] = attrs.field(default=(), converter=_aspects)
    deductions: tuple[Deduction, ...] = attrs.field(default=(), converter=_deductions)
    bands: tuple[Band, ...] = attrs.field(default=(), converter=_bands)
    band_boundary: BandBoundary = attrs.field(default="low_inclusive", validator=_is_text)
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
        """The weight of each component, by key (a new dict at each call)."""
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
                f"lies outside the bands {format_plain(self.bands[0].low)}–"
                f"{format_plain(self.bands[-1].high)}", field="value", value=value,
                fix="give a score within the scheme's range")
        lows = [band.low for band in self.bands]
        if self.band_boundary == "low_exclusive":  # (low, high]: a score on low is below
            return self.bands[max(bisect.bisect_left(lows, number) - 1, 0)]
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
        """Score one work unit; see :func:`kinerja.schemes._scoring.score`.

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
        return score(self, values, missing=missing)

    def score_batch(self, columns: Mapping[str, Any], *,
                    not_applicable: Mapping[str, Any] | None = None,
                    missing: MissingPolicy = "raise") -> BatchScore:
        """Score many work units at once (one row each), through the same arithmetic.

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
        return score_batch(self, columns, not_applicable=not_applicable, missing=missing)
