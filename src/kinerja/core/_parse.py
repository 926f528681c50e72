"""Reading numbers written in Indonesian notation.

Indonesian reports group thousands with a dot and mark decimals with a comma
(``4.100.832.000``, ``99,98``); copy-paste and OCR mix in English notation
(``4,100,832,000``).  :func:`parse_number` reads either when the string can
only mean one thing, and refuses with :class:`~kinerja.AmbiguousNumberError`
when it could mean two (``"4,100"``: 4.1 or 4100?), unless the caller names
the notation.  The rules are stated in the docs page *Numbers, rounding and
notation* (``docs/numbers.md``).

This module reads strings only; every other kind of input goes through
:mod:`kinerja.core._input`, which uses it for number strings.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal, TypeAlias

from kinerja.core._options import check_choice
from kinerja.exceptions import (
    AmbiguousNumberError,
    InvalidTypeError,
    InvalidValueError,
    NumberFormatError,
)

__all__ = ["SCALE_WORDS", "SEPARATORS", "Notation", "parse_number", "parse_rupiah", "split_scale"]

Notation: TypeAlias = Literal["id", "en"]

_CURRENCY = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_DASH_SUFFIX = re.compile(r"(?:[.,]-|-|,[-–]{1,2})$")
_GROUPED = re.compile(r"^[1-9]\d{0,2}(?:X\d{3})+$")
_BODY = re.compile(r"^[\d.,]+$")
#: The commonest printed figures, which read the same in both notations: digits with at
#: most one separator not followed by exactly three digits ("99,98", "85.87", "120"),
#: optionally a percent sign.  Read at once (:func:`parse_number`'s fast path).
_PLAIN = re.compile(r"(\d{1,40})(?:[.,](\d{1,2}|\d{4,40}))? ?%?\Z")
#: Whole amounts grouped in threes by one separator used at least twice ("4.100.832.000",
#: "4,100,921,041"), unambiguous in both notations: read at once (the second fast path).
_THOUSANDS = re.compile(r"([1-9]\d{0,2})((?:\.\d{3}){2,23}|(?:,\d{3}){2,23})\Z")
#: Scale words of amounts as printed ("Rp45,7 miliar"), as powers of ten.
SCALE_WORDS = {"ribu": 3, "rb": 3, "juta": 6, "jt": 6, "miliar": 9, "milyar": 9, "triliun": 12,
               "thousand": 3, "million": 6, "billion": 9, "trillion": 12}
_SCALE = re.compile(r"\s*(?P<word>" + "|".join(sorted(SCALE_WORDS, key=len, reverse=True))
                    + r")\.?\s*$", re.IGNORECASE)


def split_scale(text: str) -> tuple[str, int]:
    """Split a trailing scale word off *text*: ``("Rp45,7", 9)`` for ``"Rp45,7 miliar"``.

    >>> split_scale("Rp45,7 miliar"), split_scale("1.234")
    (('Rp45,7', 9), ('1.234', 0))
    """
    match = _SCALE.search(text)
    if match is None or match.start() == 0:
        return text, 0
    return text[: match.start()], SCALE_WORDS[match["word"].lower()]


#: The (thousands, decimal) separators of each notation.
SEPARATORS = {"id": (".", ","), "en": (",", ".")}


#: The longest number string read: far beyond any printed figure, short enough that
#: no enormous integer is ever built from a hostile string.
MAX_LENGTH = 100


def parse_number(text: str, *, notation: Notation | None = None, field: str = "text",
                 scales: bool = False) -> Decimal:
    """Read a number written in Indonesian (or unambiguous English) notation.

    Parameters
    ----------
    text : str
        The number as printed: ``"4.100.832.000"``, ``"99,98"``,
        ``"Rp. 570.750.000,-"``, ``"75 %"``, ``"-1.234,5"``.  A currency
        prefix (``Rp``, ``Rp.``, ``IDR``), a trailing ``,-`` and a percent
        sign are accepted and dropped.
    notation : {"id", "en"}, optional
        Force Indonesian (dot groups, comma decimals) or English notation.
        By default the notation is inferred and ambiguous strings are refused.
    field : str, optional
        The name used in error messages.
    scales : bool, default False
        Read a trailing scale word (``ribu``, ``juta``, ``miliar``/``milyar``,
        ``triliun``): ``"Rp45,7 miliar"`` is 45.700.000.000.  Without it a
        scale word is refused, never dropped.

    Returns
    -------
    Decimal
        The exact value.  A percent sign is dropped, not divided out:
        ``"75 %"`` gives ``Decimal("75")`` (kinerja works in percent units).

    Raises
    ------
    AmbiguousNumberError
        The string reads differently in the two notations (``"4,100"``).
    NumberFormatError
        The string is not a number, or not valid in the named notation.

    Notes
    -----
    Resolution rules, in order: a separator that occurs more than once groups
    thousands; when both separators occur, the last one is the decimal mark;
    a single separator followed by other than three digits is the decimal
    mark; a single separator followed by exactly three digits could be either
    and needs ``notation`` (unless the part before it cannot be a thousands
    group, as in ``"0,125"``).

    Examples
    --------
    >>> parse_number("4.100.832.000")
    Decimal('4100832000')
    >>> parse_number("99,98")
    Decimal('99.98')
    >>> parse_number("Rp. 570.750.000,-")
    Decimal('570750000')
    >>> parse_number("75 %")
    Decimal('75')
    >>> parse_number("4,100,921,041")
    Decimal('4100921041')
    >>> parse_number("4,100")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.AmbiguousNumberError: text: '4,100' is 4.1 in Indonesian notation \
but 4100 in English notation (got '4,100'). Fix: pass notation='id' or notation='en'.
    >>> parse_number("4,100", notation="id")
    Decimal('4.100')
    """
    if not isinstance(text, str):
        raise InvalidTypeError(
            f"expected a string, not {type(text).__name__}", field=field, value=text,
            fix="pass the number as text, e.g. '1.234,5'"
        )
    if notation is None and (plain := _PLAIN.match(text)) is not None:
        whole, fraction = plain.groups()
        return Decimal(f"{whole}.{fraction}" if fraction else whole)
    if notation is None and (grouped := _THOUSANDS.match(text)) is not None:
        first, groups = grouped.groups()
        return Decimal(first + groups.replace(groups[0], "")).scaleb(0)  # as _parse_full does
    return _parse_full(text, notation=notation, field=field, scales=scales)


def _parse_full(text: str, *, notation: Notation | None, field: str, scales: bool) -> Decimal:
    """Every rule of :func:`parse_number` (the figures its fast path leaves)."""
    if notation is not None:
        check_choice(notation, tuple(SEPARATORS), "notation")
    if len(text) > MAX_LENGTH:
        raise NumberFormatError(
            f"a number string is at most {MAX_LENGTH} characters long", field=field,
            value=f"{text[:20]}...({len(text)} characters)",
            fix="give the figure as printed, e.g. '4.100.832.000' or '99,98'")
    body = text.replace("\u00a0", " ").replace("\u2009", " ").strip()
    body, exponent = split_scale(body)
    if exponent and not scales:
        raise NumberFormatError(
            "the figure has a scale word (ribu, juta, miliar, triliun)", field=field,
            value=text, fix="pass scales=True to read it as the full amount, or give the "
            "amount in full")
    body = _CURRENCY.sub("", body.strip())
    if body.endswith("%"):
        body = body[:-1].rstrip()
    negative = False
    if body[:1] in ("-", "−", "+"):
        negative = body[0] != "+"
        body = body[1:].lstrip()
    body = _DASH_SUFFIX.sub("", body)
    if not body or not _BODY.match(body) or not body[0].isdigit():
        raise NumberFormatError(
            "not a number in Indonesian or English notation",
            field=field,
            value=text,
            fix="write digits with '.' grouping thousands and ',' for decimals, e.g. '1.234,5'",
        )
    canonical = _canonical(body, text=text, notation=notation, field=field)
    value = Decimal(canonical).scaleb(exponent)
    if exponent and value == value.to_integral_value():
        value = Decimal(int(value))  # 45700000000, not 4.57E+10
    return -value if negative else value


def _canonical(body: str, *, text: str, notation: Notation | None, field: str) -> str:
    """Return *body* as a plain ``1234.5`` string, resolving the notation."""
    dots, commas = body.count("."), body.count(",")
    if dots == 0 and commas == 0:
        return body
    if dots and commas:
        decimal_mark = "," if body.rfind(",") > body.rfind(".") else "."
        inferred: Notation = "id" if decimal_mark == "," else "en"
        _require(notation, inferred, text=text, field=field)
        return _split(body, inferred, text=text, field=field)
    mark = "." if dots else ","
    count = dots or commas
    as_group: Notation = "id" if mark == "." else "en"
    as_decimal: Notation = "en" if mark == "." else "id"
    if count > 1:
        _require(notation, as_group, text=text, field=field)
        return _split(body, as_group, text=text, field=field)
    integer, fraction = body.split(mark)
    could_group = len(fraction) == 3 and _GROUPED.match(f"{integer}X{fraction}") is not None
    if notation is None:
        if could_group:
            as_fraction = str(Decimal(f"{integer}.{fraction}").normalize())
            grouped = integer + fraction
            readings = {as_decimal: as_fraction, as_group: grouped}
            raise AmbiguousNumberError(
                f"{text!r} is {readings['id']} in Indonesian notation "
                f"but {readings['en']} in English notation",
                field=field,
                value=text,
                fix="pass notation='id' or notation='en'",
            )
        notation = as_decimal
    return _split(body, notation, text=text, field=field)


def _require(named: Notation | None, inferred: Notation, *, text: str, field: str) -> None:
    if named is not None and named != inferred:
        names = {"id": "Indonesian", "en": "English"}
        raise NumberFormatError(
            f"is written in {names[inferred]} notation, not {names[named]}",
            field=field,
            value=text,
            fix=f"pass notation={inferred!r} or correct the separators",
        )


def _split(body: str, notation: Notation, *, text: str, field: str) -> str:
    group, decimal_mark = SEPARATORS[notation]
    if body.count(decimal_mark) > 1:
        raise NumberFormatError(
            f"has more than one decimal mark {decimal_mark!r}",
            field=field,
            value=text,
            fix="check the separators: '.' groups thousands and ',' marks decimals "
            "in Indonesian notation",
        )
    integer, _, fraction = body.partition(decimal_mark)
    if group in integer and not _GROUPED.match(integer.replace(group, "X")):
        raise NumberFormatError(
            f"has thousands groups that are not three digits long ({group!r} groups thousands "
            f"in {'Indonesian' if notation == 'id' else 'English'} notation)",
            field=field,
            value=text,
            fix="check the separators",
        )
    if group in fraction or not integer or (decimal_mark in body and not fraction):
        raise NumberFormatError(
            "has a misplaced separator",
            field=field,
            value=text,
            fix="check the separators",
        )
    integer = integer.replace(group, "")
    return f"{integer}.{fraction}" if fraction else integer


def parse_rupiah(text: str, *, notation: Notation | None = None, field: str = "text",
                 scales: bool = False) -> int:
    """Read a Rupiah amount: a whole number of Rupiah, as an ``int``.

    Rupiah amounts are whole, so a single separator followed by three digits
    (``"Rp 1.000"``, ``"4,100"``), ambiguous for :func:`parse_number`, can only
    group thousands here: the other reading is a fraction of a Rupiah.

    Examples
    --------
    >>> parse_rupiah("Rp. 570.750.000,-")
    570750000
    >>> parse_rupiah("4,100,921,041")
    4100921041
    >>> parse_rupiah("1.500,50")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: text: Rupiah amounts are whole numbers (got '1.500,50'). \
Fix: drop the fraction of a Rupiah, or read sen exactly with parse_number.
    >>> parse_rupiah("Rp45,7 miliar", scales=True)
    45700000000
    >>> parse_number("Rp 1.234.567,89")      # sen, exactly
    Decimal('1234567.89')
    """
    try:
        value = parse_number(text, notation=notation, field=field, scales=scales)
    except AmbiguousNumberError:
        grouped: Notation = "id" if "." in text else "en"
        value = parse_number(text, notation=grouped, field=field, scales=scales)
    if value != value.to_integral_value():
        raise InvalidValueError(
            "Rupiah amounts are whole numbers", field=field, value=text,
            fix="drop the fraction of a Rupiah, or read sen exactly with parse_number",
        )
    return int(value)
