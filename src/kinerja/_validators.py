"""Small attrs converters and validators shared by the value types."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from kinerja.exceptions import InvalidTypeError, InvalidValueError

E = TypeVar("E", bound=enum.Enum)


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


def non_empty_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validate that a text field is a string with something other than spaces."""
    if not isinstance(value, str):
        raise InvalidTypeError("must be text", field=attribute.name, value=value)
    if not value.strip():
        raise InvalidValueError("must not be empty", field=attribute.name, value=value,
                                fix=f"give the {attribute.name}")


def year(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validate a calendar (fiscal) year."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError("a year is an int", field=attribute.name, value=value,
                               fix="write the year as a number, e.g. 2023")
    if not 1945 <= value <= 2200:
        raise InvalidValueError("is not a plausible fiscal year", field=attribute.name,
                                value=value, fix="give a year between 1945 and 2200")
