"""SKP (Sasaran Kinerja Pegawai) under PermenPAN-RB 6/2022 and PerBKN 3/2023, as data.

An :class:`SkpScheme` holds the rules a unit applies to its civil servants:
the predikat from the two ratings (work results, *hasil kerja*, and
behaviour, *perilaku*: below, as or above expectation; PermenPAN-RB 6/2022),
each predikat's share of the yearly credit-point coefficient and the
coefficients by position (PerBKN 3/2023), and, where the user supplies one,
the allowed distribution of predikat by the organisation's own rating.  The
preset is ``presets/skp/skp-2022.toml``; files are read and written by
:mod:`kinerja.schemes._skp_file`.  Rules: docs page *SKP* (``docs/schemes/skp.md``).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal, TypeAlias

import attrs

from kinerja.core._frozen import FrozenMap, freeze
from kinerja.core._input import exact, to_decimal
from kinerja.core._notation import format_plain, format_trace
from kinerja.core._problems import Problems
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidTypeError, InvalidValueError

__all__ = ["RATINGS", "Rating", "SkpDistribution", "SkpScheme", "read_rating"]

Rating: TypeAlias = Literal["below", "as_expected", "above"]
#: The three ratings of work results and of behaviour (PermenPAN-RB 6/2022).
RATINGS: tuple[Rating, ...] = ("below", "as_expected", "above")
_ALIASES: dict[str, Rating] = {
    "below": "below", "di bawah ekspektasi": "below", "dibawah ekspektasi": "below",
    "as_expected": "as_expected", "as expected": "as_expected",
    "sesuai ekspektasi": "as_expected",
    "above": "above", "di atas ekspektasi": "above", "diatas ekspektasi": "above",
}
_HUNDRED = Decimal(100)
Limits: TypeAlias = tuple[Decimal | None, Decimal | None]


def _fold(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).casefold()


_FOLDED = {_fold(alias): rating for alias, rating in _ALIASES.items()}


def read_rating(value: Any, *, field: str) -> Rating:
    """A rating from its name: ``"above"``, ``"di atas ekspektasi"``, ... (case ignored).

    >>> read_rating("Di Atas Ekspektasi", field="perilaku")
    'above'
    """
    rating = _FOLDED.get(_fold(value)) if isinstance(value, str) else None
    if rating is None:
        raise InvalidValueError("unknown rating", field=field, value=value,
                                fix="use 'below', 'as_expected' or 'above' (or 'di bawah "
                                "ekspektasi', 'sesuai ekspektasi', 'di atas ekspektasi')")
    return rating


def _text_map(value: Any, field: str) -> FrozenMap[str, str]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError("must be a mapping", field=field, value=value,
                               fix="write a table of name to text")
    return freeze(value)


def _matrix(value: Any) -> FrozenMap[str, FrozenMap[str, str]]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError("give the predikat by hasil kerja rating, then by perilaku "
                               "rating", field="predikat", value=value,
                               fix="write e.g. predikat.above = {above = \"Sangat Baik\", ...}")
    return freeze({row: _text_map(cells, f"predikat.{row}") for row, cells in value.items()})


def _numbers(value: Any, field: str) -> FrozenMap[str, Decimal]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError("must be a mapping of name to number", field=field, value=value,
                               fix="write a table of name to number")
    return freeze({name: to_decimal(number, field=f"{field}[{name}]")
                   for name, number in value.items()})


def _credit_percent(value: Any) -> FrozenMap[str, Decimal]:
    return _numbers(value, "credit_percent")


def _coefficients(value: Any) -> FrozenMap[str, Decimal]:
    return _numbers(value, "coefficients")


def _limits(value: Any, field: str) -> Limits:
    if isinstance(value, tuple) and len(value) == 2:
        low, high = value
    elif isinstance(value, Mapping):
        unknown = set(value) - {"minimum", "maximum"}
        if unknown:
            raise InvalidValueError("a limit has a minimum and a maximum only", field=field,
                                    value=sorted(unknown),
                                    fix="keep only the keys minimum and maximum")
        low, high = value.get("minimum"), value.get("maximum")
    else:
        raise InvalidTypeError("give {minimum = ..., maximum = ...} (percent of the unit)",
                               field=field, value=value,
                               fix="write e.g. {minimum = 10, maximum = 20}, or only one of them")
    return (None if low is None else to_decimal(low, field=f"{field}.minimum"),
            None if high is None else to_decimal(high, field=f"{field}.maximum"))


def _distribution(value: Any) -> FrozenMap[str, FrozenMap[str, Limits]]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError("give the limits by organisation rating, then by predikat",
                               field="distribution", value=value,
                               fix="write e.g. distribution.Baik = "
                               "{\"Sangat Baik\" = {maximum = 20}}")
    rules = {}
    for organisation, limits in value.items():
        if not isinstance(limits, Mapping):
            raise InvalidTypeError("give the limits of each predikat",
                                   field=f"distribution[{organisation}]", value=limits,
                                   fix="write e.g. {\"Sangat Baik\" = {maximum = 20}}")
        rules[organisation] = freeze({
            predikat: _limits(limit, f"distribution[{organisation}][{predikat}]")
            for predikat, limit in limits.items()})
    return freeze(rules)


def _notes(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise InvalidTypeError("must be a list of text", field="notes", value=value,
                               fix="write the notes as a list of strings")
    return tuple(value)


@checked
@attrs.frozen(kw_only=True)
class SkpScheme:
    """The SKP rules of PermenPAN-RB 6/2022 and PerBKN 3/2023, as data.

    Parameters
    ----------
    name, regulation : str
        What the rules are and the regulations that set them.
    predikat : mapping of rating to mapping of rating to str
        The predikat by the rating of work results (hasil kerja), then of
        behaviour (perilaku); ratings are ``"below"``, ``"as_expected"``,
        ``"above"``.
    credit_percent : mapping of str to number
        Each predikat's share of the yearly coefficient, in percent
        (PerBKN 3/2023: Sangat Baik 150, Baik 100, Butuh Perbaikan 75,
        Kurang/Misconduct 50, Sangat Kurang 25); listed best first.
    coefficients : mapping of str to number
        The yearly credit-point coefficient of each position (jenjang
        jabatan), e.g. ``"Ahli Pertama": 12.5``.
    distribution : mapping of str to mapping of str to limits, optional
        By the organisation's own rating, each predikat's allowed share of
        the unit's employees in percent, ``{"minimum": ..., "maximum": ...}``
        (either may be absent).  kinerja ships none: give your own.
    source : str
        Where the rules come from.
    notes : sequence of str
        What is provisional or left to the user.

    Raises
    ------
    ValidationError
        Every problem at once: a predikat table without the nine cells, a
        predikat without a credit share, coefficients that are not positive,
        limits outside 0–100 or a minimum above its maximum.

    Examples
    --------
    >>> import kinerja
    >>> scheme = kinerja.skp_scheme()
    >>> scheme.predikat["above"]["above"], scheme.credit_percent["Butuh Perbaikan"]
    ('Sangat Baik', Decimal('75'))
    """

    name: str
    regulation: str
    predikat: FrozenMap[str, FrozenMap[str, str]] = attrs.field(converter=_matrix)
    credit_percent: FrozenMap[str, Decimal] = attrs.field(converter=_credit_percent)
    coefficients: FrozenMap[str, Decimal] = attrs.field(converter=_coefficients)
    distribution: FrozenMap[str, FrozenMap[str, Limits]] = attrs.field(
        factory=FrozenMap, converter=_distribution)
    source: str = ""
    notes: tuple[str, ...] = attrs.field(default=(), converter=_notes)

    def __attrs_post_init__(self) -> None:
        problems = Problems()
        if set(self.predikat) != set(RATINGS):
            problems.add("predikat", "needs a row for each hasil kerja rating",
                         value=sorted(self.predikat), fix="rows below, as_expected, above")
        for row, cells in self.predikat.items():
            if set(cells) != set(RATINGS):
                problems.add(f"predikat.{row}", "needs a cell for each perilaku rating",
                             value=sorted(cells), fix="cells below, as_expected, above")
            for column, predikat in cells.items():
                if predikat not in self.credit_percent:
                    problems.add(f"predikat.{row}.{column}", "has no credit_percent",
                                 value=predikat, fix="give every predikat its share")
        for predikat, percent in self.credit_percent.items():
            if percent < 0:
                problems.add(f"credit_percent[{predikat}]", "must not be negative",
                             value=percent)
        for position, coefficient in self.coefficients.items():
            if coefficient <= 0:
                problems.add(f"coefficients[{position}]", "must be positive", value=coefficient)
        for organisation, limits in self.distribution.items():
            for predikat, (low, high) in limits.items():
                where = f"distribution[{organisation}][{predikat}]"
                if predikat not in self.credit_percent:
                    problems.add(where, "no such predikat", value=predikat,
                                 fix="use one of " + ", ".join(self.credit_percent))
                if any(v is not None and not 0 <= v <= _HUNDRED for v in (low, high)):
                    problems.add(where, "a limit is a share of the unit, 0–100 %")
                if low is not None and high is not None and low > high:
                    problems.add(where, "the minimum is above the maximum")
        problems.raise_if_any(f"SKP scheme {self.name!r}")

    @property
    def predikats(self) -> tuple[str, ...]:
        """The predikat names, best first (the order of *credit_percent*)."""
        return tuple(self.credit_percent)

    @property
    def label(self) -> str:
        """``"SKP (PermenPAN-RB 6/2022; PerBKN 3/2023)"``."""
        return f"{self.name} ({self.regulation})"

    def find_predikat(self, value: Any, *, field: str = "predikat") -> str:
        """The predikat named *value*: its full name, or one part of a name.

        ``"Kurang"`` finds ``"Kurang/Misconduct"``; case and spaces are ignored.

        >>> import kinerja
        >>> kinerja.skp_scheme().find_predikat("misconduct")
        'Kurang/Misconduct'
        """
        if isinstance(value, str):
            folded = _fold(value)
            for name in self.credit_percent:
                if folded == _fold(name) or folded in (_fold(p) for p in name.split("/")):
                    return name
        raise InvalidValueError(f"unknown predikat of {self.label}", field=field, value=value,
                                fix="use one of " + ", ".join(self.credit_percent))


def _counts(value: Mapping[str, int]) -> FrozenMap[str, int]:
    return freeze(value)


def _limit_map(value: Mapping[str, Limits]) -> FrozenMap[str, Limits]:
    return freeze(value)


def _breaches(value: Any) -> tuple[str, ...]:
    return tuple(value)


@checked
@attrs.frozen(kw_only=True)
class SkpDistribution:
    """How a unit's predikat are distributed, checked against a rule where one is given.

    Made by :func:`kinerja.skp_distribution`.

    Attributes
    ----------
    counts : FrozenMap of str to int
        The number of employees with each predikat, best first.
    organisation : str or None
        The organisation's own rating the rule is taken for.
    limits : FrozenMap of str to (Decimal or None, Decimal or None)
        The rule's minimum and maximum share (percent) of each predikat;
        empty when no rule is known for the organisation's rating.
    breaches : tuple of str
        Every limit the unit's shares break, in words.

    Examples
    --------
    >>> import kinerja
    >>> table = kinerja.skp_distribution(["Baik", "Baik", "Sangat Baik", "Butuh Perbaikan"])
    >>> table.counts["Baik"], table.organisation
    (2, None)
    """

    counts: FrozenMap[str, int] = attrs.field(converter=_counts)
    organisation: str | None
    limits: FrozenMap[str, Limits] = attrs.field(converter=_limit_map)
    breaches: tuple[str, ...] = attrs.field(converter=_breaches)

    @property
    def total(self) -> int:
        """The number of employees."""
        return sum(self.counts.values())

    @property
    def shares(self) -> FrozenMap[str, Decimal]:
        """Each predikat's share of the employees, in percent (exact)."""
        total = self.total
        with exact():
            return freeze({name: (Decimal(count) * 100 / total if total else Decimal(0))
                           for name, count in self.counts.items()})

    @property
    def has_rule(self) -> bool:
        """Whether a rule was applied (``False``: the table only)."""
        return bool(self.limits)

    def explain(self) -> str:
        """The table of counts and shares, then the rule's verdict (or why there is none)."""
        lines = [f"{name}: {count} of {self.total} = {format_trace(share)} %"
                 for (name, count), share in zip(self.counts.items(), self.shares.values(),
                                                 strict=True)]
        if not self.limits:
            which = f" for {self.organisation}" if self.organisation else ""
            lines.append(f"No distribution rule{which}: the table only.")
        elif self.breaches:
            lines += self.breaches
        else:
            lines.append(f"Within the limits for {self.organisation}.")
        return "\n".join(lines)


def describe_limits(predikat: str, limits: Limits) -> str:
    """``"Sangat Baik 10–20 %"``, ``"Sangat Baik at most 20 %"`` (for messages)."""
    low, high = limits
    if low is not None and high is not None:
        return f"{predikat} {format_plain(low)}–{format_plain(high)} %"
    if high is not None:
        return f"{predikat} at most {format_plain(high)} %"
    return f"{predikat} at least {format_plain(low or Decimal(0))} %"
