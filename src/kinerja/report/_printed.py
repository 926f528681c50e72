"""Figures as a report prints them: the exact string, what it is, and where it stands.

The kinds of printed figure and how the audit checks each are described in
the docs page *The audit* (``docs/audit.md``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import attrs

from kinerja.core._input import FIRST_YEAR, LAST_YEAR
from kinerja.core._parse import SCALE_WORDS, parse_number
from kinerja.core._rounding import decimal_places
from kinerja.core._validators import checked, non_empty_text, optional_year, slot_setters
from kinerja.exceptions import InvalidValueError, KinerjaError
from kinerja.indicators._periods import period_key

__all__ = ["FIGURES", "WORD_FIGURES", "PrintedFigure", "PrintedNumber", "read_printed"]

#: What a printed figure can be, and the references each kind needs.
FIGURES: dict[str, tuple[str, ...]] = {
    # one indicator in one year
    "target": ("indicator",),
    "plan_target": ("indicator",),
    "realization": ("indicator",),
    "numerator": ("indicator",),
    "denominator": ("indicator",),
    "complement": ("indicator",),  # denominator − numerator ("5 tidak melanjutkan")
    "achievement": ("indicator",),  # as reported (after the report's cap)
    "achievement_raw": ("indicator",),  # before any cap
    "achievement_final": ("indicator",),  # against the Renstra's final-year target
    # the periods of one indicator in one year: a monthly table's "Jumlah" and "Rata-rata"
    "period_total": ("indicator",),
    "period_mean": ("indicator",),
    # a share printed with its counts: "17 dari 98 satker (17,35 %)"
    "share": (),
    # the mean of the reported achievements of a goal's indicators (or of all): "rata-rata"
    "achievement_mean": (),
    # PMK 214/PMK.02/2017's output achievement CKK: the geometric mean of the raw
    # achievements of a goal's indicators (or of all), the satker's outputs
    "ckk": (),
    # a claim in words about how an indicator moved since the year before ("meningkat")
    "change": ("indicator",),
    # one line (or the total, line = "total") of a budget breakdown in one year
    "pagu": ("breakdown", "line"),
    "pagu_awal": ("breakdown", "line"),  # the pagu before the year's revisions
    "spending": ("breakdown", "line"),
    "remainder": ("breakdown", "line"),
    "absorption": ("breakdown", "line"),
    # the IKPA of the reporting year
    "ikpa.total": (),
    "ikpa.final": (),
    "ikpa.weight_base": (),
    "ikpa.category": (),
    "ikpa.aspect": ("aspect",),
    "ikpa.weighted": ("component",),
    "ikpa.weight": ("component",),
    # SMART DJA
    "nka.final": (),
    "nka.category": (),
    "nka.weight": ("component",),
    # the SAKIP evaluation (LKE, PermenPAN-RB 88/2021): a component's points (by its name, or a
    # sub-component's key), the total and the grade
    "lke.component": ("component",),
    "lke.total": (),
    "lke.grade": (),
}

_NUMBER = re.compile(r"[-−]?\d[\d.,]*\d|[-−]?\d")
_RANGE = re.compile(r"(?P<low>\d[\d.,]*)\s*%?\s*(?:-|–|—|s\.?\s*d\.?|sampai(?: dengan)?|to)"
                    r"\s*(?P<high>\d[\d.,]*)\s*%?", re.IGNORECASE)
_SCALE_WORD = re.compile(r"\s*(?P<word>" + "|".join(sorted(SCALE_WORDS, key=len, reverse=True))
                         + r")\b", re.IGNORECASE)
_CONVERSION = re.compile(r"konversi|dikonversi|converted", re.IGNORECASE)
#: A printed text that is one number and no more ("99,98 %", "Rp. 570.750.000,-"), plain
#: (:data:`_PLAIN`) or grouped (:data:`_GROUPED`): read at once, as the general rules of
#: :func:`read_printed` read its one token (the digits from the first to the last).
_SIMPLE = re.compile(r"(?:[Rr][Pp]\.?\s*)?(?:(?P<plain>\d{1,40}(?:[.,](?P<fraction>\d{1,2}|"
                     r"\d{4,40}))?)|(?P<first>[1-9]\d{0,2})(?P<groups>(?:\.\d{3})+|(?:,\d{3})+))"
                     r"(?:\s*%|,-?|\.-)?\Z")
#: Tokens read at once (:func:`_at_once`, which gives what :func:`_read_number_full`
#: gives): a plain figure ("99,98", "120", the fast path of
#: :func:`~kinerja.core._parse.parse_number`), digits grouped in threes ("4.354.794.000").
_PLAIN = re.compile(r"(\d{1,40})(?:[.,](\d{1,2}|\d{4,40}))?\Z")
_GROUPED = re.compile(r"([1-9]\d{0,2})((?:\.\d{3})+|(?:,\d{3})+)\Z")


@attrs.frozen(kw_only=True)
class PrintedNumber:
    """One number read from a printed string: its value, its decimals, how it was written.

    ``notation`` is ``None`` when the string was valid Indonesian or
    unambiguous English notation, and otherwise says what was odd about it
    (mixed separators).  ``scale`` is the power of ten of a scale word printed
    after the number (9 for "Rp45,7 miliar"): ``value`` and ``places`` are
    then in that scale (45.7 with 1 decimal), and the figure is judged at
    that precision.
    """

    value: Decimal
    places: int
    notation: str | None = None
    scale: int = 0


_NUMBER_SETTERS = slot_setters(PrintedNumber, "value places notation scale")


def _plain_number(value: Decimal, places: int) -> PrintedNumber:
    """``PrintedNumber(value=value, places=places)``, its fields set at once (the read path)."""
    number = object.__new__(PrintedNumber)
    set_value, set_places, set_notation, set_scale = _NUMBER_SETTERS
    set_value(number, value)
    set_places(number, places)
    set_notation(number, None)
    set_scale(number, 0)
    return number


def _at_once(text: str, *, whole: bool) -> PrintedNumber | None:
    """*text* read at once when it is one plain or grouped number (else None: the full rules)."""
    if (plain := _PLAIN.match(text)) is not None:
        integer, fraction = plain.groups()
        value = Decimal(f"{integer}.{fraction}" if fraction else integer)
        return _plain_number(value, len(fraction) if fraction else 0)
    if (grouped := _GROUPED.match(text)) is not None and (whole or len(grouped[2]) > 4):
        # Groups of three after a first group: thousands (one separator only for whole figures).
        return _plain_number(Decimal(grouped[1] + grouped[2].replace(grouped[2][0], "")), 0)
    return None


def _read_number(token: str, *, whole: bool) -> PrintedNumber:
    fast = _at_once(token, whole=whole)
    return fast if fast is not None else _read_number_full(token, whole=whole)


def _read_number_full(token: str, *, whole: bool) -> PrintedNumber:
    try:
        value = parse_number(token)
    except KinerjaError:
        groups = re.split(r"[.,]", token.lstrip("-−"))
        if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
            # Every separator sits before three digits: grouping, whatever the mix.
            value = Decimal("".join(groups)) * (-1 if token[0] in "-−" else 1)
            if token.count(".") and token.count(","):
                return PrintedNumber(value=value, places=0,
                                     notation="mixed '.' and ',' as thousands separators")
            if whole:  # a lone separator before three digits: Rupiah have no fractions
                return PrintedNumber(value=value, places=0)
        raise
    return PrintedNumber(value=value, places=decimal_places(value))


def _scale_after(text: str, token: str) -> int:
    """The power of ten of a scale word right after *token* in *text* ("45,7 miliar": 9)."""
    start = text.find(token) + len(token)
    match = _SCALE_WORD.match(text, start)
    return SCALE_WORDS[match["word"].lower()] if match else 0


def read_printed(text: str, *, whole: bool = False) -> tuple[PrintedNumber, PrintedNumber | None]:
    """Read a printed figure: its number and, if it states one, the converted number.

    Parameters
    ----------
    text : str
        The string as printed: ``"99,95"``, ``"4,100,921,041"``, ``"Rp. 570.750.000,-"``,
        ``"123%* (Konversi 124)"``, ``"251% dikonversi menjadi 252%"``.
    whole : bool, default False
        The figure is a whole number (Rupiah, a count): a lone separator
        before three digits groups thousands.

    Returns
    -------
    (PrintedNumber, PrintedNumber or None)
        The first number, and the number after "Konversi" / "dikonversi
        menjadi" when the string states a conversion.

    Examples
    --------
    >>> first, converted = read_printed("123%* (Konversi 124)")
    >>> first.value, converted.value
    (Decimal('123'), Decimal('124'))
    >>> read_printed("99,95")[0]
    PrintedNumber(value=Decimal('99.95'), places=2, notation=None, scale=0)
    >>> read_printed("Rp45,7 miliar", whole=True)[0]
    PrintedNumber(value=Decimal('45.7'), places=1, notation=None, scale=9)
    >>> read_printed("3,529.557.791,-", whole=True)[0].notation
    "mixed '.' and ',' as thousands separators"
    """
    simple = _SIMPLE.match(text) if type(text) is str else None
    if simple is not None:  # one number, no conversion, no scale word: read at once
        plain, fraction, first, groups = simple.groups()
        if plain is not None:  # one separator at most: the decimal mark
            return _plain_number(Decimal(plain.replace(",", ".")),
                                 len(fraction) if fraction else 0), None
        if whole or len(groups) > 4:  # as _at_once reads groups of three
            return _plain_number(Decimal(first + groups.replace(groups[0], "")), 0), None
    return _read_printed(text, whole=whole)


def _read_printed(text: str, *, whole: bool) -> tuple[PrintedNumber, PrintedNumber | None]:
    """Every rule of :func:`read_printed` (the texts its fast paths leave)."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidValueError("a printed figure needs its text", field="text", value=text,
                                fix="copy the figure exactly as printed")
    conversion = _CONVERSION.search(text)
    head = text[: conversion.start()] if conversion else text
    tail = text[conversion.end():] if conversion else ""
    tokens = _NUMBER.findall(head)
    if not tokens:
        raise InvalidValueError("no number in the printed text", field="text", value=text,
                                fix="copy the figure exactly as printed")
    scale = _scale_after(head, tokens[0])
    first = _read_number(tokens[0], whole=whole and not scale)
    if scale:
        first = attrs.evolve(first, scale=scale)
    converted = None
    if conversion:
        after = _NUMBER.findall(tail)
        if not after:
            raise InvalidValueError("a conversion without the converted number", field="text",
                                    value=text, fix="copy the figure exactly as printed")
        converted = _read_number(after[0], whole=whole)
    return first, converted


#: Words of a claimed change: how the value moved, or how the performance did.
_CHANGE_WORDS = {
    "value_up": ("naik", "bertambah", "lebih tinggi", "increased", "rose", "higher"),
    "value_down": ("turun", "berkurang", "lebih rendah", "decreased", "fell", "lower"),
    "improved": ("meningkat", "membaik", "lebih baik", "improved", "better"),
    "worsened": ("menurun", "memburuk", "lebih buruk", "worsened", "worse"),
    "unchanged": ("tetap", "sama", "tidak berubah", "unchanged", "stable"),
}


def claimed_change(text: str) -> str:
    """What a printed claim of change says: value_up, value_down, improved, worsened, unchanged.

    "meningkat" is the LKjIP's word for a performance that improved; "naik" is
    the value going up (which, for a lower-is-better indicator, is a worsening).

    >>> claimed_change("Capaian meningkat"), claimed_change("AKI turun")
    ('improved', 'value_down')
    """
    words = " ".join(text.lower().split())
    found = [kind for kind, options in _CHANGE_WORDS.items()
             if any(re.search(rf"\b{re.escape(option)}\b", words) for option in options)]
    if len(found) != 1:
        raise InvalidValueError(
            "a claimed change is one of: naik / turun (the value), meningkat / menurun "
            "(the performance), tetap", field="text", value=text,
            fix="copy the word of the claim, e.g. 'meningkat' or 'turun'")
    return found[0]


#: Printed figures that are whole numbers (Rupiah amounts and counts).
_WHOLE = frozenset({"pagu", "pagu_awal", "spending", "remainder", "numerator", "denominator",
                    "complement"})

#: Printed figures that are words, not numbers.
WORD_FIGURES = frozenset({"ikpa.category", "nka.category", "lke.grade"})


def _figure_kind(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in FIGURES:
        raise InvalidValueError("unknown kind of printed figure", field="figure", value=value,
                                fix="use one of " + ", ".join(FIGURES))


@checked
@attrs.frozen(kw_only=True)
class PrintedFigure:
    """A figure as the report prints it, kept for the audit.

    Parameters
    ----------
    figure : str
        What the figure is (see :data:`FIGURES`): ``"achievement"``,
        ``"realization"``, ``"target"``, ``"remainder"``, ``"ikpa.aspect"`` ...
    text : str
        The exact printed string (``"123%* (Konversi 124)"``).
    where : str
        Where it is printed: ``"Tabel 3.2"``, ``"Ikhtisar Eksekutif, butir 6"``.
    indicator : str, optional
        The indicator's code, for indicator figures.
    year : int, optional
        The year the figure is for (default: the report's year).
    breakdown, line : str, optional
        For budget figures: the breakdown (``"spending_type"``, ``"activity"``)
        and the line (a spending type code such as ``"52"``, an activity's
        name, or ``"total"``).
    component, aspect : str, optional
        For IKPA figures: the component key or the aspect's name.
    period : str, optional
        For an indicator figure of one period of the year: "TW I", "Semester
        II", "Januari" (kept as its canonical key, ``TW1``, ``S2``, ``M1``).
    goal : str, optional
        For ``achievement_mean``: the goal whose indicators are averaged
        (default: all the report's indicators).
    note : str, optional

    Examples
    --------
    >>> PrintedFigure(figure="achievement", text="125%", where="Tabel 3.2",
    ...               indicator="IKK-1.1").numbers()[0].value
    Decimal('125')
    """

    figure: str = attrs.field(validator=_figure_kind)
    text: str = attrs.field(validator=non_empty_text)
    where: str = attrs.field(validator=non_empty_text)
    indicator: str | None = None
    year: int | None = attrs.field(default=None, validator=optional_year)
    breakdown: str | None = None
    line: str | None = None
    component: str | None = None
    aspect: str | None = None
    note: str | None = None
    period: str | None = attrs.field(default=None,
                                     converter=attrs.converters.optional(period_key))
    goal: str | None = None
    #: The numbers read from ``text``, read once (the audit asks for them often).
    _read: tuple[PrintedNumber, PrintedNumber | None] | None = attrs.field(
        default=None, init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        figure = self.figure
        for needed in FIGURES[figure]:
            if getattr(self, needed) is None:
                raise InvalidValueError(f"a printed {figure} needs its {needed}",
                                        field=needed, value=None,
                                        fix=f"say which {needed} the figure is about")
        if figure in WORD_FIGURES:
            return
        if figure == "change":
            claimed_change(self.text)  # refuse words that claim no direction now
        elif figure == "share":
            self.share_numbers()
        else:  # refuse text without a number now, not in the audit; kept for numbers()
            object.__setattr__(self, "_read", read_printed(self.text, whole=figure in _WHOLE))

    @property
    def whole(self) -> bool:
        """Whether the figure is a whole number (Rupiah amounts and counts)."""
        return self.figure in _WHOLE

    def numbers(self) -> tuple[PrintedNumber, PrintedNumber | None]:
        """The printed number and, when stated, the converted one (read once)."""
        if self._read is None:
            object.__setattr__(self, "_read", read_printed(self.text, whole=self.whole))
        assert self._read is not None
        return self._read

    def share_numbers(self) -> tuple[PrintedNumber, PrintedNumber, PrintedNumber]:
        """The part, the whole and the percentage of a printed share ("17 dari 98 (17,35 %)").

        >>> part, whole, share = PrintedFigure(figure="share", where="Siaran pers",
        ...     text="17 dari 98 satker (17,35 %)").share_numbers()
        >>> part.value, whole.value, share.value
        (Decimal('17'), Decimal('98'), Decimal('17.35'))
        """
        tokens = _NUMBER.findall(self.text)
        if len(tokens) != 3 or "%" not in self.text:
            raise InvalidValueError(
                "a share is printed as two counts and a percentage", field="text",
                value=self.text, fix="copy it as printed, e.g. '17 dari 98 satker (17,35 %)'")
        part, whole = (_read_number(t, whole=True) for t in tokens[:2])
        return part, whole, _read_number(tokens[2], whole=False)

    def range_numbers(self) -> tuple[PrintedNumber, PrintedNumber] | None:
        """The two bounds of a printed range ("80 - 95%", "80 s.d. 95"), or None.

        >>> low, high = PrintedFigure(figure="target", text="80 – 95 %", where="PK",
        ...                           indicator="A").range_numbers()
        >>> low.value, high.value
        (Decimal('80'), Decimal('95'))
        """
        match = _RANGE.fullmatch(self.text.strip())
        if match is None:
            return None
        return (_read_number(match["low"], whole=self.whole),
                _read_number(match["high"], whole=self.whole))

    def identity(self, default_year: int | None = None) -> tuple[Any, ...]:
        """What the figure is about: two figures with the same identity must agree.

        *default_year* stands for a figure without its own year (the report's).
        """
        return (self.figure, self.indicator, self.year or default_year, self.breakdown,
                self.line, self.component, self.aspect, self.period, self.goal)


#: The keys a printed entry may have (PrintedFigure's arguments).
_KEYS = frozenset(str(a.alias) for a in attrs.fields(PrintedFigure) if a.init)
#: The kinds :func:`figure_from_strings` builds: the references each needs, and whether its
#: text is a whole number (None: words, not read).  A claimed change and a share are read by
#: rules of their own, left to the class.
_COMMON = {figure: (needs, None if figure in WORD_FIGURES else figure in _WHOLE)
           for figure, needs in FIGURES.items() if figure not in ("change", "share")}
#: Each field's slot setter (see :func:`~kinerja.core._validators.slot_setters`).
_SETTERS = slot_setters(PrintedFigure, "figure text where indicator year breakdown line "
                                       "component aspect note period goal _read")


def figures_from_strings(entries: list[Any]) -> list[PrintedFigure | None]:
    """``PrintedFigure(**entry)`` for each common entry of a file, None for the others.

    The common entry: a table whose values are strings but an int ``year``, no
    ``period``, a kind read as a number or as words.  It is checked as the class
    checks it (its kind, its texts, its year, the references its kind needs, the
    number in its text), inline, and its fields are set as the class sets them;
    any other entry, and one whose text cannot be read, gives None, for the class
    itself to build or to say what is wrong.  Each distinct text is read once
    (figures share the reading: it is immutable).

    >>> entry = {"figure": "achievement", "text": "125%", "where": "Tabel 3.2",
    ...          "indicator": "IKK-1.1"}
    >>> figure, other = figures_from_strings([entry, {**entry, "text": 125}])
    >>> figure == PrintedFigure(**entry), figure.numbers()[0].value, other
    (True, Decimal('125'), None)
    """
    figures: list[PrintedFigure | None] = []
    append, common_kinds, keys, new = figures.append, _COMMON, _KEYS, object.__new__
    (set_figure, set_text, set_where, set_indicator, set_year, set_breakdown, set_line,
     set_component, set_aspect, set_note, set_period, set_goal, set_read) = _SETTERS
    readings: tuple[dict[str, Any], dict[str, Any]] = ({}, {})  # by text, not whole / whole
    for entry in entries:
        if type(entry) is not dict:
            append(None)
            continue
        get = entry.get
        year = get("year")
        kinds = list(map(type, entry.values()))
        common = common_kinds.get(get("figure", "")) if kinds.count(str) == len(kinds) - (
            type(year) is int) else None  # (a value of another type: the class says which)
        text, where = get("text"), get("where")
        if common is None or text is None or where is None or not text.strip() \
                or not where.strip() or "period" in entry or not keys.issuperset(entry) \
                or (year is not None and (type(year) is not int
                                          or not FIRST_YEAR <= year <= LAST_YEAR)) \
                or None in map(get, common[0]):
            append(None)
            continue
        read = None
        whole = common[1]
        if whole is not None:
            read = (numbers := readings[whole]).get(text)
            if read is None:
                try:
                    read = numbers[text] = read_printed(text, whole=whole)
                except KinerjaError:  # the class says what is wrong with the text
                    append(None)
                    continue
        figure = new(PrintedFigure)
        set_figure(figure, entry["figure"])
        set_text(figure, text)
        set_where(figure, where)
        set_indicator(figure, get("indicator"))
        set_year(figure, year)
        set_breakdown(figure, get("breakdown"))
        set_line(figure, get("line"))
        set_component(figure, get("component"))
        set_aspect(figure, get("aspect"))
        set_note(figure, get("note"))
        set_period(figure, None)
        set_goal(figure, get("goal"))
        set_read(figure, read)
        append(figure)
    return figures
