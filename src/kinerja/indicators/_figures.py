"""What was promised and what was achieved: :class:`Target` and :class:`Realization`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from kinerja.core._input import MAX_MAGNITUDE, exact, to_decimal
from kinerja.core._notation import format_plain
from kinerja.core._rounding import decimal_places, round_half_up
from kinerja.core._units import Unit, UnitKind, to_unit
from kinerja.core._validators import checked, year
from kinerja.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    KinerjaError,
    MissingValueError,
    UndefinedRatioError,
)
from kinerja.indicators._percentage import percentage

__all__ = ["Realization", "Target", "as_realization", "as_target"]


#: The magnitude :func:`~kinerja.core._input.to_decimal` refuses from.
_MAX = Decimal(MAX_MAGNITUDE)


def _number(value: Any, field: str) -> Decimal | None:
    """Convert to an exact, non-negative Decimal (or None), naming *field* on error."""
    if value is None:
        return None
    kind = type(value)
    if (kind is int or (kind is Decimal and value.is_finite())) and 0 <= value < _MAX:
        # What to_decimal gives a plain non-negative number, at once.
        return value if kind is Decimal else Decimal(value)
    number = to_decimal(value, field=field)
    if number < 0:
        raise InvalidValueError("must not be negative", field=field, value=value,
                                fix="targets, realizations and counts are >= 0")
    return number


# Named converters (attrs' mypy plugin needs named functions), one per field name.
def _target_value(value: Any) -> Decimal | None:
    return None if value is None else _number(value, "target.value")


def _target_low(value: Any) -> Decimal | None:
    return None if value is None else _number(value, "target.low")


def _target_high(value: Any) -> Decimal | None:
    return None if value is None else _number(value, "target.high")


def _realization_value(value: Any) -> Decimal | None:
    return None if value is None else _number(value, "realization.value")


def _realization_numerator(value: Any) -> Decimal | None:
    return None if value is None else _number(value, "realization.numerator")


def _realization_denominator(value: Any) -> Decimal | None:
    return None if value is None else _number(value, "realization.denominator")


def _optional_unit(value: Any) -> Unit | None:
    return None if value is None else to_unit(value)


@checked
@attrs.frozen(kw_only=True)
class Target:
    """The value promised for one year: a point ``value`` or a range ``low``–``high``.

    Parameters
    ----------
    year : int
        The fiscal year.
    value : number, optional
        A point target (60 for 60 %).
    low, high : number, optional
        A range target instead of a point (80–90 %); ``low <= high``.
    unit : Unit or str, optional
        The unit, when it is stated with the figure; ``None`` means "in the
        indicator's unit".  A stated unit is checked against the indicator's.

    Examples
    --------
    >>> Target(year=2023, value="60")
    Target(year=2023, value=Decimal('60'), low=None, high=None, unit=None)
    >>> Target(year=2023, low=80, high=90).bounds
    (Decimal('80'), Decimal('90'))
    >>> print(Target(year=2023, low=7, high=8, unit="bulan"))
    7–8 bulan
    >>> Target(year=2023, low=90, high=80)
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: target.low: a range's low bound must not exceed \
its high bound (got Decimal('90')). Fix: swap low and high.
    """

    year: int = attrs.field(validator=year)
    value: Decimal | None = attrs.field(default=None, converter=_target_value)
    low: Decimal | None = attrs.field(default=None, converter=_target_low)
    high: Decimal | None = attrs.field(default=None, converter=_target_high)
    unit: Unit | None = attrs.field(default=None, converter=_optional_unit)

    def __attrs_post_init__(self) -> None:
        has_range = self.low is not None or self.high is not None
        if self.value is None and not has_range:
            raise MissingValueError(
                "a target needs a value or a range", field="target.value", value=None,
                fix="give value=..., or low=... and high=...",
            )
        if self.value is not None and has_range:
            raise InvalidValueError(
                "give either a point value or a range, not both", field="target",
                value=(self.value, self.low, self.high), fix="drop value or drop low/high",
            )
        if has_range:
            if self.low is None or self.high is None:
                raise MissingValueError(
                    "a range target needs both bounds",
                    field="target.low" if self.low is None else "target.high", value=None,
                    fix="give both low and high",
                )
            if self.low > self.high:
                raise InvalidValueError(
                    "a range's low bound must not exceed its high bound", field="target.low",
                    value=self.low, fix="swap low and high",
                )

    @property
    def is_range(self) -> bool:
        """Whether this is a range target."""
        return self.value is None

    @property
    def bounds(self) -> tuple[Decimal, Decimal]:
        """``(low, high)``; a point target has ``low == high == value``."""
        if self.value is not None:
            return self.value, self.value
        assert self.low is not None and self.high is not None
        return self.low, self.high

    def __str__(self) -> str:
        unit = f" {self.unit}" if self.unit is not None else ""
        if self.unit is not None and self.unit.kind is UnitKind.PERCENT:
            unit = " %"
        if self.value is not None:
            return f"{self.value}{unit}"
        return f"{self.low}–{self.high}{unit}"


def _flag(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, bool):
        raise InvalidTypeError("must be True or False", field=f"realization.{attribute.name}",
                               value=value, fix="use missing=True for a figure not reported")


def _optional_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise InvalidTypeError("must be text", field=f"realization.{attribute.name}",
                               value=value, fix="write the note as text")


def _from_counts(numerator: Decimal | None, denominator: Decimal | None,
                 stated: Decimal | None, unit: Unit | None) -> Decimal:
    """The realization of a ratio indicator from its counts (the value a stated one must match)."""
    if numerator is None or denominator is None:
        raise MissingValueError(
            "counts need both numerator and denominator",
            field="realization.numerator" if numerator is None else "realization.denominator",
            value=None, fix="give both counts, or only the value",
        )
    if unit is not None and unit.kind not in (UnitKind.PERCENT, UnitKind.RATE):
        raise InvalidValueError(
            "counts give a percentage or a rate per N, not a figure in " + str(unit),
            field="realization.unit", value=unit,
            fix="use unit '%' or a rate such as 'per 100.000', or drop the counts",
        )
    if unit is not None and unit.kind is UnitKind.RATE:
        assert unit.scale is not None
        if denominator == 0:
            raise UndefinedRatioError(
                "a rate with a denominator of 0 is undefined", field="realization.denominator",
                value=denominator, fix="give the denominator (live births, population)")
        with exact():
            rate = numerator * unit.scale / denominator
        if stated is not None and round_half_up(rate, decimal_places(stated)) != stated:
            raise InvalidValueError(
                f"does not match its counts {numerator} / {denominator} × {unit.scale:,} = "
                f"{round_half_up(rate, 3)}...", field="realization.value", value=stated,
                fix="correct the value or the counts, or give only the counts")
        return rate
    try:
        derived: Decimal = percentage(numerator, denominator)
    except KinerjaError as error:
        # Name the fields as the caller knows them.
        is_part = error.field == "part"
        raise error.at("realization.numerator" if is_part else "realization.denominator"
                       ) from None
    if stated is not None and round_half_up(derived, decimal_places(stated)) != stated:
        with exact():
            shown = round_half_up(derived, 3)
        raise InvalidValueError(
            f"does not match its counts {numerator} / {denominator} = {shown}... %",
            field="realization.value", value=stated,
            fix="correct the value or the counts, or give only the counts",
        )
    return derived


@checked
@attrs.frozen(kw_only=True, init=False)
class Realization:
    """The value achieved in one year, possibly with the counts it comes from, or missing.

    Parameters
    ----------
    year : int
        The fiscal year.
    value : number, optional
        The realization in the indicator's unit (74.91 for 74.91 %).
    numerator, denominator : number, optional
        For a ratio indicator, the counts (994 of 1,327).  When given, the
        value is *derived* from them, exactly; a value given as well is
        *checked*: it must equal the derived value rounded (half up) to the
        decimals it is written with.
    unit : Unit or str, optional
        The unit, when stated with the figure; ``None`` means "in the
        indicator's unit".  Counts imply percent.
    missing : bool, default False
        Use :meth:`Realization.not_reported` rather than setting this.
    note : str, optional
        Why the figure is missing, or where it comes from.
    stated : bool, default True
        Use :meth:`Realization.not_stated` for a figure the document does
        not show (unknown: neither missing nor zero).

    Notes
    -----
    realisasi = numerator / denominator × 100 for a ratio indicator
    (PermenPAN-RB 53/2014, the LKjIP's measurement of a percentage indicator;
    docs page *Achievement (capaian)*, ``docs/achievement.md``).  For a rate
    unit ("per 100.000 kelahiran hidup") the counts give numerator /
    denominator × N instead, as the indicator's own definition states (AKI:
    maternal deaths per 100.000 live births; docs page *Report file format*,
    ``[[indicators]]``).  The
    constructor derives the value from the counts before the fields are set
    (attrs' ``__attrs_init__``), so a realization never changes after it is
    built.

    Examples
    --------
    >>> r = Realization(year=2023, numerator=994, denominator=1327)
    >>> round_half_up(r.value)
    Decimal('74.91')
    >>> Realization(year=2023, value="74,91", numerator=994, denominator=1327).value == r.value
    True
    >>> Realization(year=2023, value=63, numerator=994, denominator=1327)
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: realization.value: does not match its counts \
994 / 1327 = 74.906... % (got Decimal('63')). Fix: correct the value or the counts, or give \
only the counts.
    >>> Realization.not_reported(2023).is_missing
    True
    """

    year: int = attrs.field(validator=year)
    value: Decimal | None = attrs.field(default=None, converter=_realization_value)
    numerator: Decimal | None = attrs.field(
        default=None, converter=_realization_numerator
    )
    denominator: Decimal | None = attrs.field(
        default=None, converter=_realization_denominator
    )
    unit: Unit | None = attrs.field(default=None, converter=_optional_unit)
    missing: bool = attrs.field(default=False, validator=_flag)
    note: str | None = attrs.field(default=None, validator=_optional_text)
    stated: bool = attrs.field(default=True, validator=_flag)

    def __init__(self, *, year: int, value: Decimal | int | float | str | None = None,
                 numerator: Decimal | int | float | str | None = None,
                 denominator: Decimal | int | float | str | None = None,
                 unit: Unit | str | None = None, missing: bool = False,
                 note: str | None = None, stated: bool = True) -> None:
        if not missing and (numerator is not None or denominator is not None):
            value = _from_counts(_realization_numerator(numerator),
                                 _realization_denominator(denominator),
                                 _realization_value(value), _optional_unit(unit))
        self.__attrs_init__(year=year, value=value, numerator=numerator,
                            denominator=denominator, unit=unit, missing=missing, note=note,
                            stated=stated)

    def __attrs_post_init__(self) -> None:
        has_counts = self.numerator is not None or self.denominator is not None
        if not self.stated and not self.missing:
            raise InvalidValueError(
                "a realization the document does not state carries no figure",
                field="realization.stated", value=False,
                fix="use Realization.not_stated(year)")
        if self.missing:
            if self.value is not None or has_counts:
                raise InvalidValueError(
                    "a missing realization carries no figure", field="realization.missing",
                    value=True, fix="drop the value and counts, or set missing=False",
                )
        elif self.value is None:
            raise MissingValueError(
                "a realization needs a value or counts", field="realization.value", value=None,
                fix="give value=..., numerator= and denominator=..., or use "
                "Realization.not_reported(year) for a figure that was not reported",
            )

    @classmethod
    def not_reported(cls, year: int, note: str | None = None) -> Realization:
        """A realization that was not reported: missing, which is not zero.

        >>> Realization.not_reported(2023, note="belum dilaporkan").value is None
        True
        """
        return cls(year=year, missing=True, note=note)

    @classmethod
    def not_stated(cls, year: int, note: str | None = None) -> Realization:
        """A realization the document does not state: unknown, neither missing nor zero.

        >>> r = Realization.not_stated(2023)
        >>> r.value is None, r.is_not_stated
        (True, True)
        """
        return cls(year=year, missing=True, stated=False, note=note)

    @property
    def is_not_stated(self) -> bool:
        """Whether the document does not state the figure (it gives no achievement)."""
        return not self.stated

    @property
    def is_missing(self) -> bool:
        """Whether the figure is missing (gives no achievement, status "missing")."""
        return self.missing

    @property
    def has_counts(self) -> bool:
        """Whether the realization comes from a numerator and a denominator."""
        return self.numerator is not None

    def __str__(self) -> str:
        if self.value is None:
            return "missing" if self.stated else "not stated"
        text = format_plain(round_half_up(self.value, 2))
        if self.has_counts:
            return f"{text} % ({self.numerator} / {self.denominator})"
        return text


def as_target(year: int, value: Any, field: str) -> Target:
    """A target of *year*: a :class:`Target`, or a number read as a point target.

    *field* locates an error (``targets.2023``).  ``None`` is refused: a year
    without a target is left out, or marked ``NOT_APPLICABLE`` where allowed.

    >>> as_target(2023, "60", "targets.2023")
    Target(year=2023, value=Decimal('60'), low=None, high=None, unit=None)
    """
    if isinstance(value, Target):
        return value
    if value is None:
        raise MissingValueError("a target is a number or a Target, not None", field=field,
                                value=None, fix="give the target, or leave the year out")
    try:
        return Target(year=year, value=value)
    except KinerjaError as error:
        raise error.at(field) from None


def as_realization(year: int, value: Any, field: str) -> Realization:
    """A realization of *year*: a :class:`Realization`, or a number read as its value.

    >>> as_realization(2023, 75, "realizations.2023").value
    Decimal('75')
    """
    if isinstance(value, Realization):
        return value
    if value is None:
        raise MissingValueError(
            "a realization is a number or a Realization, not None", field=field, value=None,
            fix="give the figure, or Realization.not_reported(year) when it was not reported")
    try:
        return Realization(year=year, value=value)
    except KinerjaError as error:
        raise error.at(field) from None
