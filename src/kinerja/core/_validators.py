"""Small attrs validators and converters shared by the value classes."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from kinerja.core._frozen import FrozenMap
from kinerja.core._input import to_year
from kinerja.exceptions import InvalidTypeError, InvalidValueError

__all__ = ["enum_converter", "instance_of", "non_empty_text", "optional_year", "year", "year_map"]

E = TypeVar("E", bound=enum.Enum)
V = TypeVar("V")


def enum_converter(enum_type: type[E], field: str) -> Callable[[Any], E]:
    """Return a converter that accepts a member or its value and names *field* on error."""

    def convert(value: Any) -> E:
        if isinstance(value, enum_type):
            return value
        try:
            return enum_type(value)
        except ValueError:
            choices = ", ".join(repr(member.value) for member in enum_type)
            raise InvalidValueError(
                f"unknown {enum_type.__name__}", field=field, value=value,
                fix=f"use one of {choices}",
            ) from None

    return convert


def instance_of(kind: type, *, optional: bool = False) -> Callable[[Any, Any, Any], None]:
    """Return a validator that refuses anything but a *kind* (or ``None`` when *optional*).

    Unlike :func:`attrs.validators.instance_of` it raises kinerja's
    :class:`~kinerja.InvalidTypeError`, naming the field and how to build the value.
    """

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if (value is None and optional) or isinstance(value, kind):
            return
        raise InvalidTypeError(f"expected a {kind.__name__}, not {type(value).__name__}",
                               field=attribute.name, value=value,
                               fix=f"build it with kinerja.{kind.__name__}(...)")

    return validate


def non_empty_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validate that a text field is a string with something other than spaces."""
    if not isinstance(value, str):
        raise InvalidTypeError("must be text", field=attribute.name, value=value)
    if not value.strip():
        raise InvalidValueError("must not be empty", field=attribute.name, value=value,
                                fix=f"give the {attribute.name}")


def year(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validate a calendar (fiscal) year (see :func:`kinerja.core._input.to_year`)."""
    to_year(value, field=attribute.name)


def optional_year(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validate a fiscal year, or ``None``."""
    if value is not None:
        to_year(value, field=attribute.name)


def year_map(value: Any, field: str, item: Callable[[int, Any, str], V]
             ) -> FrozenMap[int, V]:
    """Return a read-only mapping of year to figure, sorted by year, each item converted.

    *item* receives the year, the value and its field (``targets.2023``) and
    returns the figure (or raises an error naming that field).

    >>> year_map({2024: "70", 2023: "60"}, "targets", lambda year, v, where: int(v))
    FrozenMap({2023: 60, 2024: 70})
    >>> year_map([60, 70], "targets", lambda year, v, where: v)
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidTypeError: targets: give a mapping of year to figure \
(got [60, 70]). Fix: write e.g. {2023: 60, 2024: 70}.
    """
    if not isinstance(value, Mapping):
        raise InvalidTypeError("give a mapping of year to figure", field=field, value=value,
                               fix="write e.g. {2023: 60, 2024: 70}")
    years = {to_year(year, field=f"{field}.{year}"): item for year, item in value.items()}
    return FrozenMap((year, item(year, years[year], f"{field}.{year}")) for year in sorted(years))
