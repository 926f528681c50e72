"""The parts of a scoring scheme: components, aspects, deductions and category bands.

Plain data, validated when they become part of a :class:`~kinerja.Scheme`
(so that every problem of a scheme is reported at once: see
:mod:`kinerja.schemes._validation`).  How a scheme scores is stated in the
docs page *Scoring schemes* (``docs/schemes/index.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Literal, TypeAlias

import attrs

from kinerja.core._frozen import FrozenMap
from kinerja.core._input import to_decimal, to_year
from kinerja.core._l10n import Phrase, text
from kinerja.core._notation import format_number, format_plain, format_trace
from kinerja.core._options import Lang, check_lang
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidTypeError

__all__ = [
    "BAND_BOUNDARIES",
    "CATEGORY_BASES",
    "DEDUCTION_ORDERS",
    "KEY",
    "Aspect",
    "Band",
    "BandBoundary",
    "CalculatedComponent",
    "CategoryBasis",
    "Component",
    "Deduction",
    "DeductionOrder",
    "Joined",
    "TraceLine",
]

DeductionOrder: TypeAlias = Literal["after_division", "before_division"]
CategoryBasis: TypeAlias = Literal["presented", "exact"]
BandBoundary: TypeAlias = Literal["low_inclusive", "low_exclusive"]

DEDUCTION_ORDERS: tuple[str, ...] = ("after_division", "before_division")
CATEGORY_BASES: tuple[str, ...] = ("presented", "exact")
#: Which end of a band belongs to it: ``"low_inclusive"``, [low, high) with the top band
#: closed (IKPA: Baik 89 ≤ x < 95); ``"low_exclusive"``, (low, high] with the bottom band
#: closed (the SAKIP evaluation of PermenPAN-RB 88/2021: AA > 90–100).
BAND_BOUNDARIES: tuple[str, ...] = ("low_inclusive", "low_exclusive")
#: What a component or deduction key looks like.
KEY = re.compile(r"[a-z][a-z0-9_]*")
_HUNDRED = Decimal(100)


def _is_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError("must be text", field=attribute.name, value=value,
                               fix=f"write the {attribute.name} as text")


def _is_flag(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, bool):
        raise InvalidTypeError("must be true or false", field=attribute.name, value=value,
                               fix=f"write {attribute.name} = true or false")


def _is_int(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A year's type (``valid_until`` may be ``None``); its range is checked with the rest."""
    if value is None and attribute.default is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        to_year(value, field=attribute.name)  # raises: a year is an int


def _is_places(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError("must be an int", field=attribute.name, value=value,
                               fix=f"write {attribute.name} as a whole number, e.g. 2")


def _sequence(value: Any, field: str, kind: type[Any] = object) -> tuple[Any, ...]:
    """A tuple of *kind* items from a list or tuple, or an error naming the item."""
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InvalidTypeError("must be a list", field=field, value=value,
                               fix="write a list, e.g. [item, item]")
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidTypeError(f"must be a {kind.__name__}", field=f"{field}[{index}]",
                                   value=item,
                                   fix=f"write each item as a {kind.__name__}")
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


@checked
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


@checked
@attrs.frozen(kw_only=True)
class Aspect:
    """A named group of components; its value is their weighted mean.

    The aspect value is Σ(weight × nilai) / Σ weight over the group's
    *applicable* components (PER-5/PB/2022, the IKPA aspects), and not
    applicable when none applies.

    Examples
    --------
    >>> Aspect(name="Kualitas Perencanaan Anggaran",
    ...        components=["revisi_dipa", "deviasi_halaman_iii"]).components
    ('revisi_dipa', 'deviasi_halaman_iii')
    """

    name: str = attrs.field(validator=_is_text)
    components: tuple[str, ...] = attrs.field(converter=_member_keys)


@checked
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
        applies; the order is provisional (docs page *IKPA*, "Deductions").
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


@checked
@attrs.frozen(kw_only=True)
class Band:
    """A category band [low, high) of a score; the scheme's top band is closed.

    Under a scheme's ``band_boundary = "low_exclusive"`` the band is (low,
    high] instead, and the bottom band is closed.

    Examples
    --------
    >>> Band(category="Baik", low=89, high=95).describe()
    'Baik: 89 ≤ x < 95'
    """

    category: str = attrs.field(validator=_is_text)
    low: Decimal = attrs.field(converter=_low)
    high: Decimal = attrs.field(converter=_high)

    def describe(self, *, closed: bool = False, boundary: BandBoundary = "low_inclusive"
                 ) -> str:
        """``"Baik: 89 ≤ x < 95"``; with *closed*, ``≤`` at the top.

        Under ``boundary="low_exclusive"`` a band is (low, high] and *closed*
        closes its low end (the bottom band):

        >>> Band(category="AA", low=90, high=100).describe(boundary="low_exclusive")
        'AA: 90 < x ≤ 100'
        """
        if boundary == "low_exclusive":
            bottom = "≤" if closed else "<"
            return (f"{self.category}: {format_plain(self.low)} {bottom} x ≤ "
                    f"{format_plain(self.high)}")
        top = "≤" if closed else "<"
        return f"{self.category}: {format_plain(self.low)} ≤ x {top} {format_plain(self.high)}"


def _components(value: Any) -> tuple[Component, ...]:
    return _sequence(value, "components", Component)


def _aspects(value: Any) -> tuple[Aspect, ...]:
    return _sequence(value, "aspects", Aspect)


def _deductions(value: Any) -> tuple[Deduction, ...]:
    return _sequence(value, "deductions", Deduction)


def _bands(value: Any) -> tuple[Band, ...]:
    return _sequence(value, "bands", Band)


class TraceLine(str):
    """A line of a calculator's derivation: a catalog key and its parameters, rendered per language.

    Its ``str`` is the English line (so ``"absorbed" in line`` works as before);
    :meth:`render` writes it in any language, each number in that language's
    notation: a Decimal exact up to six decimals (else cut with ``…``), an int
    grouped in thousands, a nested line or :class:`~kinerja.core._l10n.Phrase`
    in the language, a :class:`Joined` list item by item.

    >>> line = TraceLine("calculator.sum", terms="1 + 2", value=Decimal("97.5"))
    >>> str(line), line.render("id")
    ('1 + 2 = 97.5', '1 + 2 = 97,5')
    """

    key: str
    params: FrozenMap[str, Any]

    def __new__(cls, key: str, /, **params: Any) -> TraceLine:
        line = super().__new__(cls, _render_line(key, "en", params))
        line.key = key
        line.params = FrozenMap(params)
        return line

    def render(self, lang: Lang) -> str:
        """The line in *lang*."""
        return _render_line(self.key, lang, self.params)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_trace_line, (self.key, dict(self.params)))


def _trace_line(key: str, params: dict[str, Any]) -> TraceLine:
    return TraceLine(key, **params)


def _items(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


@attrs.frozen
class Joined:
    """Items of a line joined by *sep* (``" + "``, ``"; "``), each shown in the line's language."""

    sep: str
    items: tuple[Any, ...] = attrs.field(converter=_items)


def _shown(value: Any, lang: Lang) -> Any:
    if isinstance(value, TraceLine | Phrase):
        return value.render(lang)
    if isinstance(value, Joined):
        return value.sep.join(str(_shown(item, lang)) for item in value.items)
    if isinstance(value, Decimal):
        return format_trace(value, notation=lang)
    if isinstance(value, int) and not isinstance(value, bool):
        return format_number(value, 0, notation=lang)
    return value


def _render_line(key: str, lang: Lang, params: Mapping[str, Any]) -> str:
    return text(key, lang, **{name: _shown(value, lang) for name, value in params.items()})


def _localized(value: str, lang: Lang) -> str:
    return value.render(lang) if isinstance(value, TraceLine | Phrase) else value


@checked
@attrs.frozen(kw_only=True)
class CalculatedComponent:
    """A component score computed from its figures, with the derivation.

    Made by the IKPA component calculators (:func:`kinerja.ikpa_penyerapan`,
    ...); give it to :meth:`kinerja.Scheme.score` as the component's value.

    Attributes
    ----------
    key : str
        The component key (``"penyerapan_anggaran"``, ...).
    year : int
        The fiscal year whose rules were applied.
    value : Decimal
        The score, 0–100, exact.
    method : str
        The rule applied, in words (a :class:`TraceLine`: English as text,
        any language through :meth:`explain`).
    source : str
        Where the rule comes from (likewise).
    lines : tuple of str
        The derivation, one line per period: :class:`TraceLine` items, each a
        catalog text and its figures, written in the language :meth:`explain`
        is asked for.
    provisional : bool
        True: the rule is not yet checked against the regulation text.

    Examples
    --------
    >>> import kinerja
    >>> part = kinerja.ikpa_penyerapan(year=2026, pagu={52: 1_000_000}, blokir={},
    ...                                realization={52: [150_000]})
    >>> part.key, part.year, part.value
    ('penyerapan_anggaran', 2026, Decimal('100'))
    """

    key: str
    year: int
    value: Decimal
    method: str
    source: str
    lines: tuple[str, ...]
    provisional: bool = True

    def explain(self, lang: Lang = "id") -> str:
        """The derivation in *lang* (``"id"``, the default, or ``"en"``): a heading, then its lines.

        Every word, the heading's included, is in the language, and every
        number in its notation (docs page *Output languages*).

        >>> import kinerja
        >>> result = kinerja.ikpa_revisi_dipa(year=2024, revisions=[2, 1])
        >>> print(result.explain("en"))
        revisi_dipa 2024 = 75 (allowed / actual × 100 per semester, capped at 100, mean over \
semesters; provisional; ...)
        semester 1: 1 / 2 × 100 = 50
        semester 2: 1 ≤ 1 allowed → 100
        mean of 2 semesters = (50 + 100) / 2 = 75
        >>> print(result.explain().splitlines()[-1])
        rata-rata 2 semester = (50 + 100) / 2 = 75
        """
        lang = check_lang(lang)
        flag = text("calculator.provisional", lang) if self.provisional else ""
        head = text("calculator.head", lang, key=self.key, year=str(self.year),
                    value=format_trace(self.value, notation=lang),
                    method=_localized(self.method, lang), flag=flag,
                    source=_localized(self.source, lang))
        return "\n".join([head, *(_localized(line, lang) for line in self.lines)])
