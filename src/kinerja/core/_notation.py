"""Writing numbers for people: Indonesian (or English) notation, after half-up rounding.

Every figure kinerja shows goes through this module: tables, audit messages,
explanations, notebook cards and charts.  The rules are stated in the docs
page *Numbers, rounding and notation* (``docs/numbers.md``).

* :func:`format_number`, :func:`format_percent`, :func:`format_rupiah`: a
  figure at a fixed number of decimals (``99,98``, ``99,98%``,
  ``Rp 4.100.832.000``);
* :func:`format_significant`: a figure with the decimals it needs, no more
  (``60``, ``74,91``);
* :func:`format_trace`: a figure in a step-by-step trace, exact up to six
  decimals, else cut with ``…``;
* :func:`format_plain`: plain machine notation (``80.08``, ``95``) for data
  fields such as a finding's ``expected``;
* :class:`Numeral`: a number kept with its decimals, written later in the
  notation of the output's language.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from kinerja.core._extras import optional_import
from kinerja.core._input import to_decimal, to_rupiah
from kinerja.core._options import check_choice
from kinerja.core._parse import SEPARATORS, Notation
from kinerja.core._rounding import round_half_up, significant_places
from kinerja.exceptions import InvalidTypeError, InvalidValueError

__all__ = [
    "Numeral",
    "format_number",
    "format_optional",
    "format_percent",
    "format_plain",
    "format_rupiah",
    "format_significant",
    "format_trace",
]

_SWAP = str.maketrans(",.", ".,")
#: What a missing figure is shown as.
DASH = "–"


def format_number(
    value: object,
    places: int = 2,
    *,
    notation: Notation = "id",
    locale: str | None = None,
) -> str:
    """Round half up to *places* decimals, then write in Indonesian (or English) notation.

    Parameters
    ----------
    value : Decimal, int, float or str
        The figure to present.
    places : int, default 2
        Decimals to show (always shown, so ``100`` gives ``"100,00"``).
    notation : {"id", "en"}, default "id"
        Dot-grouped thousands with a decimal comma, or the English reverse.
    locale : str, optional
        A Babel locale such as ``"id_ID"``; needs the ``babel`` extra.  The
        value is rounded half up *before* Babel sees it (Babel itself rounds
        half to even).

    Examples
    --------
    >>> format_number(4100832000, 0)
    '4.100.832.000'
    >>> format_number("99.98464")
    '99,98'
    >>> format_number(2.675)
    '2,68'
    >>> format_number(1234.5, 1, notation="en")
    '1,234.5'
    """
    check_choice(notation, tuple(SEPARATORS), "notation")
    rounded = round_half_up(to_decimal(value, field="value"), places)
    if locale is not None:
        babel_numbers = optional_import("babel.numbers", extra="babel", feature="locale=")
        babel = optional_import("babel", extra="babel", feature="locale=")
        if not isinstance(locale, str):
            raise InvalidTypeError("a locale is a name such as 'id_ID'", field="locale",
                                   value=locale, fix="give a Babel locale name, e.g. 'id_ID'")
        try:
            babel_locale = babel.Locale.parse(locale)
        except (ValueError, TypeError, babel.UnknownLocaleError) as error:
            raise InvalidValueError(f"unknown locale ({error})", field="locale", value=locale,
                                    fix="give a Babel locale name, e.g. 'id_ID' or 'en_US'"
                                    ) from None
        pattern = "#,##0" + ("." + "0" * places if places else "")
        return str(babel_numbers.format_decimal(rounded, format=pattern, locale=babel_locale))
    english = f"{rounded:,.{places}f}"
    if notation == "en":
        return english
    return english.translate(_SWAP)


def format_percent(value: object, places: int = 2, *, notation: Notation = "id") -> str:
    """Write a percent figure as LKjIPs print it: ``"99,98%"``.

    Examples
    --------
    >>> format_percent("124.8442")
    '124,84%'
    >>> format_percent(120, 0)
    '120%'
    """
    return format_number(value, places, notation=notation) + "%"


def format_rupiah(amount: object, *, notation: Notation = "id", prefix: str = "Rp ") -> str:
    """Write a whole-Rupiah amount with grouped thousands: ``"Rp 4.100.832.000"``.

    Examples
    --------
    >>> format_rupiah(4100832000)
    'Rp 4.100.832.000'
    >>> format_rupiah(-629959, prefix="")
    '-629.959'
    """
    if not isinstance(prefix, str):
        raise InvalidTypeError("a prefix is text", field="prefix", value=prefix,
                               fix="give e.g. prefix='Rp ' or prefix=''")
    text = format_number(to_rupiah(amount, field="amount", allow_negative=True), 0,
                         notation=notation)
    if text.startswith("-"):
        return "-" + prefix + text[1:]
    return prefix + text


def format_significant(value: Decimal, *, notation: Notation = "id", most: int | None = None
                       ) -> str:
    """Write *value* with the decimals it needs (at most *most*): ``60``, ``74,91``.

    >>> format_significant(Decimal("60.00")), format_significant(Decimal("0.125"))
    ('60', '0,125')
    >>> format_significant(Decimal("74.9058"), most=2)
    '74,91'
    """
    places = significant_places(value)
    return format_number(value, places if most is None else min(places, most),
                         notation=notation)


def format_trace(value: Decimal, *, notation: Notation = "id") -> str:
    """Write a figure of a step-by-step trace: exact up to 6 decimals, else cut with ``…``.

    >>> format_trace(Decimal("97.5")), format_trace(Decimal(1) / 3)
    ('97,5', '0,333333…')
    """
    places = significant_places(value)
    if places <= 6:
        return format_number(value, places, notation=notation)
    return format_number(value, 6, notation=notation) + "…"


def format_plain(value: Decimal | int, places: int | None = None) -> str:
    """Write *value* in plain machine notation: ``'.'`` decimals, no grouping, no exponent.

    With *places*, round half up to that many decimals first; without, drop
    trailing zeros.

    >>> format_plain(Decimal("95.0")), format_plain(Decimal("80.0754"), 2)
    ('95', '80.08')
    >>> format_plain(4100202041, 0)
    '4100202041'
    """
    number = Decimal(value)
    if places is None:
        return f"{number.normalize():f}"
    return f"{round_half_up(number, places):f}"


def format_optional(value: Any, places: int = 2, *, notation: Notation = "id") -> str:
    """Like :func:`format_number`, with a dash for a missing figure (``None``).

    >>> format_optional(None), format_optional(Decimal("99.176"))
    ('–', '99,18')
    """
    return DASH if value is None else format_number(value, places, notation=notation)


@attrs.frozen
class Numeral:
    """A number (or a range) with the decimals to show, written later in the output's notation.

    Messages are built before their language is chosen; a :class:`Numeral`
    keeps the figure exact until then.

    >>> Numeral(Decimal("80.0754"), 2).format("id"), Numeral(Decimal("80.0754"), 2).format("en")
    ('80,08', '80.08')
    >>> Numeral(Decimal(80), 0, high=Decimal(90)).format("id")
    '80–90'
    """

    value: Decimal
    places: int = 2
    high: Decimal | None = None

    def format(self, notation: Notation = "id") -> str:
        """The number (``low–high`` for a range) in *notation*, rounded half up to its places."""
        text = format_number(self.value, self.places, notation=notation)
        if self.high is not None:
            text += "–" + format_number(self.high, self.places, notation=notation)
        return text
