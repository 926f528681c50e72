"""What is measured: an indicator, its level, unit and polarity."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from kinerja.core._hooks import html_of
from kinerja.core._polarity import Polarity
from kinerja.core._units import Unit, to_unit
from kinerja.core._validators import checked, non_empty_text
from kinerja.exceptions import InvalidValueError

__all__ = ["Indicator", "Level"]


class Level(enum.Enum):
    """The level of a goal and its indicators in the performance agreement.

    ========  =======================  ==========================================
    level     indicator                goal
    ========  =======================  ==========================================
    STRATEGIC IKU (indikator kinerja   sasaran strategis
              utama)
    PROGRAM   IKP (indikator kinerja   sasaran program
              program)
    ACTIVITY  IKK (indikator kinerja   sasaran kegiatan
              kegiatan)
    ========  =======================  ==========================================

    >>> Level.parse("IKK"), Level.parse("sasaran program")
    (<Level.ACTIVITY: 'activity'>, <Level.PROGRAM: 'program'>)
    """

    STRATEGIC = "strategic"
    PROGRAM = "program"
    ACTIVITY = "activity"

    @classmethod
    def parse(cls, text: str | Level) -> Level:
        """Read a level from its English name or the Indonesian terms reports use."""
        if isinstance(text, Level):
            return text
        key = str(text).strip().lower()
        for prefix in ("sasaran ", "indikator kinerja "):
            key = key.removeprefix(prefix)
        found = _LEVEL_WORDS.get(key)
        if found is None:
            raise InvalidValueError(
                "unknown indicator level", field="level", value=text,
                fix="use 'strategic' (IKU), 'program' (IKP) or 'activity' (IKK)",
            )
        return found

    @property
    def indonesian(self) -> str:
        """The goal's Indonesian name: "Sasaran Strategis", "Sasaran Program", ...."""
        return {"strategic": "Sasaran Strategis", "program": "Sasaran Program",
                "activity": "Sasaran Kegiatan"}[self.value]


_LEVEL_WORDS = {
    "strategic": Level.STRATEGIC, "strategis": Level.STRATEGIC, "iku": Level.STRATEGIC,
    "utama": Level.STRATEGIC,
    "program": Level.PROGRAM, "ikp": Level.PROGRAM,
    "activity": Level.ACTIVITY, "kegiatan": Level.ACTIVITY, "ikk": Level.ACTIVITY,
}


def _level(value: Any) -> Level:
    return Level.parse(value)


#: Polarities and units as files commonly spell them, read once by their own parsers (the
#: converters below give these at once, and read any other spelling as ever).
_POLARITIES = {polarity.value: polarity for polarity in Polarity}
_UNITS = {text: to_unit(text) for text in ("%", "indeks", "Indeks", "persen", "Layanan")}


def _polarity(value: Any) -> Polarity:
    if type(value) is str and (found := _POLARITIES.get(value)) is not None:
        return found
    return Polarity.parse(value)


def _unit(value: Any) -> Unit:
    if type(value) is str and (found := _UNITS.get(value)) is not None:
        return found
    return to_unit(value)


@checked
@attrs.frozen(kw_only=True)
class Indicator:
    """A performance indicator (indikator kinerja).

    Parameters
    ----------
    code : str
        A short identifier unique within a report, e.g. ``"IKK-1.2"``.
    name : str
        The indicator as the agreement words it.
    level : Level or str
        Strategic (IKU), program (IKP) or activity (IKK).
    unit : Unit or str
        The unit of its targets and realizations (``"%"``, ``"Layanan"``).
    polarity : Polarity or str, default higher is better
        Which direction is good.

    Examples
    --------
    >>> anak = Indicator(
    ...     code="IKK-1.2",
    ...     name="Persentase menurunnya anak yang mendapatkan putusan pidana penjara",
    ...     level="IKK", unit="%", polarity="negatif",
    ... )
    >>> anak.polarity, str(anak.unit)
    (<Polarity.LOWER_IS_BETTER: 'lower_is_better'>, '%')
    >>> Indicator(code="", name="x", level="IKK", unit="%")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: code: must not be empty (got ''). Fix: give the code.
    """

    code: str = attrs.field(validator=non_empty_text)
    name: str = attrs.field(validator=non_empty_text)
    level: Level = attrs.field(converter=_level)
    unit: Unit = attrs.field(converter=_unit)
    polarity: Polarity = attrs.field(default=Polarity.HIGHER_IS_BETTER, converter=_polarity)

    def _repr_html_(self) -> str:
        return html_of(self)
