"""Comparing one printed number with its recomputed value, at the printed precision.

A printed figure is right when it equals the recomputed figure rounded half
up to the decimals it is printed with (docs page *The audit*).  When it is
not, :func:`compare` asks the caller's diagnosis for the usual mistake that
reproduces it, then tries truncation, and otherwise reports the figure as
wrong under the caller's rule.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from kinerja.auditing._findings import Severity
from kinerja.auditing._messages import NOTATION, ROUNDING, T
from kinerja.core._frozen import FrozenMap
from kinerja.core._input import CONTEXT, exact
from kinerja.core._notation import Numeral, format_plain
from kinerja.core._rounding import round_half_up
from kinerja.report._printed import PrintedNumber

__all__ = ["Outcome", "Part", "close", "compare", "exact_text", "matches", "part", "truncated"]

#: One sentence of a finding: its (English, Indonesian) template and the parameters.
Part = tuple[tuple[str, str], FrozenMap[str, Any]]


def part(template: str, **params: Any) -> Part:
    """One sentence of a finding, from the template named *template* in the messages."""
    return (T[template], FrozenMap(params))


@attrs.frozen
class Outcome:
    """What one comparison found: its rule, severity, expected figure and explanation.

    *expected* is the recomputed figure at the printed precision (what the
    document should print); *exact*, where there is one, the recomputed value
    unrounded (:func:`exact_text`).
    """

    rule: str
    severity: Severity
    expected: str
    parts: tuple[Part, ...]
    source: str
    exact: str = ""


def exact_text(value: Decimal) -> str:
    """*value* in plain notation with every digit kinerja computed (no exponent).

    >>> exact_text(Decimal("79.999999999999999999999999999996"))
    '79.999999999999999999999999999996'
    >>> exact_text(Decimal("1E+2"))
    '100'
    """
    return format(value.normalize(CONTEXT), "f")  # 50 digits, not the default 28


def _in_scale(number: PrintedNumber, value: Decimal) -> Decimal:
    """*value* in the printed figure's scale (in miliar for "Rp45,7 miliar")."""
    return value.scaleb(-number.scale) if number.scale else value


def matches(number: PrintedNumber, value: Decimal) -> bool:
    """Whether *number* is *value* rounded half up to the decimals it is printed with."""
    return number.value == round_half_up(_in_scale(number, value), number.places)


def truncated(number: PrintedNumber, value: Decimal) -> bool:
    """Whether *number* is *value* cut (not rounded) to the decimals it is printed with."""
    quantum = Decimal(1).scaleb(-number.places)
    with exact():
        return number.value == _in_scale(number, value).quantize(
            quantum, rounding=decimal.ROUND_DOWN)


def close(number: PrintedNumber, value: Decimal) -> bool:
    """Whether *number* is *value* rounded or truncated at its printed precision."""
    return matches(number, value) or truncated(number, value)


def compare(number: PrintedNumber, value: Decimal, *, rule: str, source: str, template: str,
            params: Mapping[str, Any], places: int = 2,
            diagnose: Callable[[PrintedNumber], Outcome | None] | None = None,
            ) -> Outcome | None:
    """Compare a printed number with its recomputed value; name the mistake.

    In order: right (at the printed decimals), or right but oddly written
    (a notation warning); else the first usual mistake *diagnose* finds;
    else truncated instead of rounded; else an error of *rule*.
    """
    # Judged, and shown, in the printed scale ("45,7 miliar"): matches() scales itself.
    in_scale = _in_scale(number, value)
    if number.scale:
        places = number.places
    shown = max(places, number.places)  # the explanation shows at least *places* decimals
    expected, exact = format_plain(in_scale, number.places), exact_text(in_scale)
    if matches(number, value):
        if number.notation:
            return Outcome("notation", Severity.WARNING, expected,
                           (part("notation", detail=number.notation),), NOTATION, exact)
        return None
    if diagnose is not None:
        found = diagnose(number)
        if found is not None:
            return found
    if truncated(number, value):
        return Outcome("rounding-truncated", Severity.WARNING, expected,
                       (part("truncated", expected=Numeral(in_scale, number.places)),), ROUNDING,
                       exact)
    return Outcome(rule, Severity.ERROR, expected,
                   (part(template, **({"expected": Numeral(in_scale, shown)} | dict(params))),),
                   source, exact)
