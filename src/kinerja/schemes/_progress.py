"""Progress scales: named categories with a value each (the e-Monev Bappenas scale).

The scale kinerja ships and why it is replaceable: docs page *e-Monev Bappenas*
(``docs/schemes/emonev.md``).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from kinerja.core._frozen import FrozenMap
from kinerja.core._input import to_decimal
from kinerja.core._problems import Problems
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidTypeError, InvalidValueError

__all__ = ["ProgressScale"]


def _notes(value: Any) -> tuple[str, ...]:
    # A named converter: attrs inspects it cheaply (a builtin such as tuple needs its
    # text signature parsed at import time).
    return tuple(value)


def _levels(value: Any) -> FrozenMap[str, Decimal]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError("give the levels as a mapping of category to value",
                               field="levels", value=value,
                               fix="give e.g. levels={'Perencanaan': 25, 'Pelaksanaan': 100}")
    levels: dict[str, Decimal] = {}
    for category, number in value.items():
        if not isinstance(category, str):
            raise InvalidTypeError("a category is text", field="levels", value=category,
                                   fix="write each category as text, e.g. 'Perencanaan'")
        levels[category] = to_decimal(number, field=f"levels[{category!r}]")
    return FrozenMap(levels)


@checked
@attrs.frozen(kw_only=True)
class ProgressScale:
    """A named scale mapping progress categories to values in percent.

    Parameters
    ----------
    name : str
        What the scale is called.
    levels : mapping of str to number
        Each category's value, 0–100, in the scale's order.
    source : str
        Where the scale comes from.
    notes : sequence of str
        What is uncertain about it.

    Raises
    ------
    ValidationError
        Every problem at once: values outside 0–100, categories that differ
        only in case or spacing, an empty scale.

    Examples
    --------
    >>> scale = ProgressScale(name="mine", levels={"Belum": 0, "Selesai": 100})
    >>> scale.value("selesai")
    Decimal('100')
    """

    name: str
    levels: FrozenMap[str, Decimal] = attrs.field(converter=_levels)
    source: str = ""
    notes: tuple[str, ...] = attrs.field(default=(), converter=_notes)

    def __attrs_post_init__(self) -> None:
        problems = Problems()
        if not self.levels:
            problems.add("levels", "a scale needs at least one category")
        seen: dict[str, str] = {}
        for category, number in self.levels.items():
            folded = _fold(category)
            if not folded:
                problems.add("levels", "a category must not be empty", value=category)
            elif folded in seen:
                problems.add(f"levels[{category!r}]", f"the same category as {seen[folded]!r}")
            seen[folded] = category
            if not 0 <= number <= 100:
                problems.add(f"levels[{category!r}]", "a value is 0–100", value=number)
        problems.raise_if_any(f"scale {self.name!r}")

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories, in order."""
        return tuple(self.levels)

    def value(self, category: str) -> Decimal:
        """Return the value of *category* (case and extra spaces ignored).

        >>> import kinerja
        >>> kinerja.emonev_scale().value("persiapan")
        Decimal('75')
        """
        if isinstance(category, str):
            for name, number in self.levels.items():
                if _fold(name) == _fold(category):
                    return number
        raise InvalidValueError(f"unknown category of the scale {self.name!r}",
                                field="category", value=category,
                                fix="use one of " + ", ".join(map(repr, self.levels)))


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()
