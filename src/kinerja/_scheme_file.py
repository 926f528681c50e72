"""Reading a :class:`~kinerja.Scheme` from a TOML file (the format of docs/schemes/file-format.md).

Decimals in the file are read exactly (``tomllib`` with ``parse_float=Decimal``),
so a weight of ``9.7`` is ``Decimal("9.7")``.  Every problem in the file is
reported at once, as one :class:`~kinerja.ValidationError` whose members name
their place (``components[2].weight``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from kinerja._scheme import Aspect, Band, Component, Deduction, Scheme, item_problems
from kinerja.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    KinerjaError,
    MissingValueError,
    ReportFileError,
    ValidationError,
)

__all__ = ["load_scheme", "read_toml"]

_TOP = {"name", "regulation", "valid_from", "valid_until", "weight_total", "category_basis",
        "category_places", "source", "notes", "components", "aspects", "deductions", "bands"}
_TOP_REQUIRED = ("name", "regulation", "valid_from", "components")
_ITEMS: dict[str, tuple[Callable[..., Any], set[str], tuple[str, ...]]] = {
    "components": (Component, {"key", "name", "weight", "can_be_not_applicable", "source",
                               "provisional"}, ("key", "name", "weight")),
    "aspects": (Aspect, {"name", "components"}, ("name", "components")),
    "deductions": (Deduction, {"key", "name", "order", "maximum", "source", "provisional"},
                   ("key", "name")),
    "bands": (Band, {"category", "low", "high"}, ("category", "low", "high")),
}


def load_scheme(path: str | os.PathLike[str] | None = None, *, text: str | None = None
                ) -> Scheme:
    """Read a scheme from a TOML file, or from TOML text.

    Parameters
    ----------
    path : str or path-like, optional
        The file to read (UTF-8).
    text : str, optional
        The TOML itself, instead of a file.  Give exactly one of the two.

    Returns
    -------
    Scheme
        The validated scheme.

    Raises
    ------
    ReportFileError
        The file cannot be read, or is not TOML.
    ValidationError
        Everything wrong with the content, at once (unknown or missing keys,
        weights that are not positive, bands with gaps, ...).

    Examples
    --------
    >>> import kinerja
    >>> scheme = kinerja.load_scheme(text='''
    ... name = "Mini"
    ... regulation = "example"
    ... valid_from = 2025
    ... weight_total = 100
    ...
    ... [[components]]
    ... key = "a"
    ... name = "A"
    ... weight = 60.5
    ...
    ... [[components]]
    ... key = "b"
    ... name = "B"
    ... weight = 39.5
    ... ''')
    >>> scheme.label, scheme.weights["a"]
    ('Mini 2025– (example)', Decimal('60.5'))
    """
    if (path is None) == (text is None):
        raise InvalidValueError("give either a path or text", field="path",
                                fix="load_scheme('rules.toml') or load_scheme(text=...)")
    if path is not None:
        origin = os.fspath(path)
        try:
            with open(path, encoding="utf-8") as file:
                content = file.read()
        except (OSError, UnicodeDecodeError) as error:
            raise ReportFileError(f"cannot read the scheme file ({error})", field=origin,
                                  fix="check the path and that the file is UTF-8 text"
                                  ) from None
    else:
        assert text is not None
        if not isinstance(text, str):
            raise InvalidTypeError("TOML text must be a str", field="text", value=text)
        origin, content = "scheme text", text
    return scheme_from_mapping(read_toml(content, origin=origin), origin=origin)


def read_toml(content: str, *, origin: str) -> dict[str, Any]:
    """Parse TOML with exact decimals, or raise a :class:`~kinerja.ReportFileError`."""
    import tomllib  # imported when used: keeps `import kinerja` light

    try:
        return tomllib.loads(content, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise ReportFileError(f"not valid TOML: {error}", field=origin,
                              fix="see docs/schemes/file-format.md for the format") from None


def scheme_from_mapping(data: Mapping[str, Any], *, origin: str) -> Scheme:
    """Build a scheme from parsed TOML, reporting every problem at once."""
    problems: list[KinerjaError] = []
    for key in data:
        if key not in _TOP:
            problems.append(InvalidValueError(
                "unknown key", field=key, fix="use " + ", ".join(sorted(_TOP))))
    for key in _TOP_REQUIRED:
        if key not in data:
            problems.append(MissingValueError("is required", field=key))
    arguments = {key: value for key, value in data.items() if key in _TOP}
    checked: list[KinerjaError] = []
    for section, (build, allowed, required) in _ITEMS.items():
        if section in data:
            arguments[section] = _build_items(section, data[section], build, allowed, required,
                                              problems, checked)
    if problems:
        # The checks across items (totals, band gaps) need every item, so they wait for a
        # readable file; the problems of each readable item are reported now.
        raise _group(problems + checked, origin)
    try:
        return Scheme(**arguments)
    except ValidationError as error:
        raise _group([e for e in error.exceptions if isinstance(e, KinerjaError)], origin
                     ) from None
    except KinerjaError as error:
        raise _group([error], origin) from None


def _build_items(section: str, items: Any, build: Callable[..., Any], allowed: set[str],
                 required: tuple[str, ...], problems: list[KinerjaError],
                 checked: list[KinerjaError]) -> list[Any]:
    """Build one section's items: unreadable items to *problems*, others' faults to *checked*."""
    if not isinstance(items, list):
        problems.append(InvalidTypeError(f"must be an array of tables ([[{section}]])",
                                         field=section))
        return []
    built = []
    for index, item in enumerate(items):
        where = f"{section}[{index}]"
        if not isinstance(item, dict):
            problems.append(InvalidTypeError("must be a table", field=where, value=item))
            continue
        bad = [key for key in item if key not in allowed]
        absent = [key for key in required if key not in item]
        for key in bad:
            problems.append(InvalidValueError("unknown key", field=f"{where}.{key}",
                                              fix="use " + ", ".join(sorted(allowed))))
        for key in absent:
            problems.append(MissingValueError("is required", field=f"{where}.{key}"))
        if bad or absent:
            continue
        try:
            built.append(build(**item))
        except KinerjaError as error:
            problems.append(_relocate(error, where))
        else:
            checked.extend(item_problems(built[-1], where))
    return built


def _relocate(error: KinerjaError, where: str) -> KinerjaError:
    """The same error, with its field prefixed by the item's place in the file."""
    field = f"{where}.{error.field}" if error.field else where
    if error._has_value:
        return type(error)(error.message, field=field, value=error.value, fix=error.fix)
    return type(error)(error.message, field=field, fix=error.fix)


def _group(problems: list[KinerjaError], origin: str) -> ValidationError:
    count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
    return ValidationError(f"{count} in {origin}", problems)
