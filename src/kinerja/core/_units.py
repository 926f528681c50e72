"""Units of indicator figures: percent, rates per N, index, counts of a thing, Rupiah, durations."""

from __future__ import annotations

import enum
import re
from typing import Any

import attrs

from kinerja.core._validators import checked, enum_converter
from kinerja.exceptions import InvalidTypeError, InvalidValueError, UnitMismatchError

__all__ = ["Unit", "UnitKind"]


class UnitKind(enum.Enum):
    """What kind of quantity a figure is.

    >>> UnitKind("count")
    <UnitKind.COUNT: 'count'>
    """

    PERCENT = "percent"
    RATE = "rate"
    INDEX = "index"
    COUNT = "count"
    RUPIAH = "rupiah"
    DURATION = "duration"


_LABELLED = (UnitKind.COUNT, UnitKind.DURATION)

# Words reports use, lower-cased, mapped to a unit kind (count is the default).
_WORDS = {
    "%": UnitKind.PERCENT,
    "persen": UnitKind.PERCENT,
    "persentase": UnitKind.PERCENT,
    "percent": UnitKind.PERCENT,
    "indeks": UnitKind.INDEX,
    "index": UnitKind.INDEX,
    "nilai": UnitKind.INDEX,
    "poin": UnitKind.INDEX,
    "rp": UnitKind.RUPIAH,
    "rp.": UnitKind.RUPIAH,
    "rupiah": UnitKind.RUPIAH,
    "idr": UnitKind.RUPIAH,
}
_DURATIONS = {"hari", "minggu", "bulan", "tahun", "jam", "day", "days", "week", "weeks",
              "month", "months", "year", "years", "hour", "hours"}


_unit_kind_converter = enum_converter(UnitKind, "unit.kind")


def _unit_kind(value: Any) -> UnitKind:
    return _unit_kind_converter(value)


def _check_label(instance: Unit, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if instance.kind is UnitKind.RATE:
        return  # "per 100.000 kelahiran hidup": the label (what it is per) is optional
    if instance.kind in _LABELLED:
        if not value or not value.strip():
            raise InvalidValueError(
                f"a {instance.kind.value} unit needs a label", field="unit.label", value=value,
                fix='name what is counted, e.g. Unit.count("Layanan") or Unit.duration("bulan")',
            )
    elif value is not None:
        raise InvalidValueError(
            f"a {instance.kind.value} unit takes no label", field="unit.label", value=value,
            fix="drop the label",
        )


def _check_scale(instance: Unit, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if instance.kind is UnitKind.RATE:
        if isinstance(value, bool) or not isinstance(value, int) or value < 2:
            raise InvalidValueError(
                "a rate unit needs its scale, a whole number from 2", field="unit.scale",
                value=value, fix='write the unit as "per 1.000" or "per 100.000 penduduk"')
    elif value is not None:
        raise InvalidValueError(f"a {instance.kind.value} unit takes no scale",
                                field="unit.scale", value=value, fix="drop the scale")


_RATE = re.compile(r"^(?:per|/)\s*(?P<scale>\d[\d.]*)\s*(?P<label>.*)$", re.IGNORECASE)


@checked
@attrs.frozen(kw_only=True)
class Unit:
    """The unit of an indicator's target and realization.

    Two figures can only be compared when their units are equal: a count of
    "Layanan" is not a count of "Dokumen", and neither is a percent.

    Parameters
    ----------
    kind : UnitKind
        Percent, rate, index, count, Rupiah or duration.
    label : str, optional
        What is counted ("Layanan", "Dokumen", "Orang") or the time unit
        ("bulan", "hari"); required for counts and durations; for a rate, what
        it is per ("kelahiran hidup"), optional; refused otherwise.
    scale : int, optional
        For a rate only: the N of "per N" (1.000, 100.000).

    Examples
    --------
    >>> Unit.count("Layanan")
    Unit(kind=<UnitKind.COUNT: 'count'>, label='Layanan', scale=None)
    >>> str(Unit.percent()), str(Unit.count("Layanan"))
    ('%', 'Layanan')
    >>> Unit.parse("1 Layanan") == Unit.count("Layanan")
    True
    >>> Unit.parse(str(Unit.duration("bulan")))
    Unit(kind=<UnitKind.DURATION: 'duration'>, label='bulan', scale=None)
    >>> Unit.parse("per 100.000 kelahiran hidup") == Unit.rate(100_000, "kelahiran hidup")
    True
    """

    kind: UnitKind = attrs.field(converter=_unit_kind)
    label: str | None = attrs.field(default=None, validator=_check_label)
    scale: int | None = attrs.field(default=None, validator=_check_scale)

    @classmethod
    def percent(cls) -> Unit:
        """Percent (``%``): shares and rates, 0-100 for a share."""
        return cls(kind=UnitKind.PERCENT)

    @classmethod
    def rate(cls, scale: int, label: str | None = None) -> Unit:
        """A rate per *scale* (AKI per 100.000 kelahiran hidup): numerator / denominator × scale.

        >>> str(Unit.rate(100_000, "kelahiran hidup"))
        'per 100.000 kelahiran hidup'
        """
        return cls(kind=UnitKind.RATE, scale=scale, label=label)

    @classmethod
    def index(cls) -> Unit:
        """An index or score (IKM 80, IKPA 99,18)."""
        return cls(kind=UnitKind.INDEX)

    @classmethod
    def count(cls, label: str) -> Unit:
        """A count of *label* things ("Layanan", "Dokumen", "Orang")."""
        return cls(kind=UnitKind.COUNT, label=label)

    @classmethod
    def rupiah(cls) -> Unit:
        """Whole Rupiah."""
        return cls(kind=UnitKind.RUPIAH)

    @classmethod
    def duration(cls, label: str) -> Unit:
        """A duration in *label* units ("bulan", "hari")."""
        return cls(kind=UnitKind.DURATION, label=label)

    @classmethod
    def parse(cls, text: str | Unit) -> Unit:
        """Read a unit as reports write it: ``"%"``, ``"Indeks"``, ``"1 Layanan"``, ``"bulan"``.

        A leading number (``"1 Layanan"``) is ignored; any word that is not a
        percent, index, Rupiah or time word is taken as the label of a count.

        >>> Unit.parse("%"), Unit.parse("Rp")
        (Unit(kind=<UnitKind.PERCENT: 'percent'>, label=None, scale=None), \
Unit(kind=<UnitKind.RUPIAH: 'rupiah'>, label=None, scale=None))
        """
        if isinstance(text, Unit):
            return text
        if not isinstance(text, str):
            raise InvalidTypeError("a unit is written as a string", field="unit", value=text,
                                   fix="write the unit as text, e.g. \"%\" or \"Layanan\"")
        word = re.sub(r"^[\d.,\s]+", "", text.strip()).strip()
        if not word:
            raise InvalidValueError("no unit given", field="unit", value=text,
                                    fix='write the unit, e.g. "%" or "Layanan"')
        rate = _RATE.match(word)
        if rate is not None:
            digits = rate["scale"].replace(".", "")
            return cls.rate(int(digits), rate["label"].strip() or None)
        kind = _WORDS.get(word.lower())
        if kind is not None:
            return cls(kind=kind)
        if word.lower() in _DURATIONS:
            return cls.duration(word)
        return cls.count(word)

    def __str__(self) -> str:
        if self.kind is UnitKind.RATE:
            assert self.scale is not None
            per = "per " + f"{self.scale:,}".replace(",", ".")
            return per if self.label is None else f"{per} {self.label}"
        if self.label is not None:
            return self.label
        return {UnitKind.PERCENT: "%", UnitKind.INDEX: "indeks", UnitKind.RUPIAH: "Rp"}[self.kind]

    @property
    def suffix(self) -> str:
        """The unit written after a figure: ``" %"``, ``" Layanan"``.

        >>> "60" + Unit.percent().suffix, "1" + Unit.count("Layanan").suffix
        ('60 %', '1 Layanan')
        """
        return f" {self}"

    def check_same(self, other: Unit, *, field: str) -> None:
        """Raise :class:`~kinerja.UnitMismatchError` unless *other* equals this unit.

        >>> Unit.percent().check_same(Unit.count("Layanan"), field="realization.unit")
        Traceback (most recent call last):
        ...
        kinerja.exceptions.UnitMismatchError: realization.unit: cannot compare a figure in \
Layanan with one in % (got Unit(kind=<UnitKind.COUNT: 'count'>, label='Layanan', scale=None)). \
Fix: express both figures in the indicator's unit.
        """
        if other != self:
            raise UnitMismatchError(
                f"cannot compare a figure in {other} with one in {self}",
                field=field,
                value=other,
                fix="express both figures in the indicator's unit",
            )


def to_unit(value: Unit | str) -> Unit:
    """Converter for unit fields: a :class:`Unit` or a string :meth:`Unit.parse` reads."""
    return Unit.parse(value)
