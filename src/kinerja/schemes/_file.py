"""Scheme files (TOML): reading with every problem located, and writing.

The format is documented in the docs page *Scheme files (TOML)*
(``docs/schemes/file-format.md``); the presets kinerja ships are such files.
Reading mirrors the report file: :func:`load_scheme` (a path),
:func:`loads_scheme` (text), :func:`dump_scheme` (text) and
:func:`save_scheme` (a path).  Every problem of a file is reported at once, as
one :class:`~kinerja.ValidationError` whose members name their place
(``components[2].weight``).
"""

from __future__ import annotations

import functools
import os
import warnings
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from kinerja.core._notation import format_plain
from kinerja.core._problems import Problems
from kinerja.core._toml import (
    read_text_file,
    read_toml,
    toml_number,
    toml_string,
    write_text_file,
)
from kinerja.exceptions import InvalidTypeError, InvalidValueError, KinerjaError
from kinerja.schemes._parts import Aspect, Band, Component, Deduction
from kinerja.schemes._scheme import Scheme
from kinerja.schemes._validation import item_problems

__all__ = ["dump_scheme", "load_scheme", "loads_scheme", "save_scheme", "scheme_from_mapping"]

_TOP = {"name", "regulation", "valid_from", "valid_until", "weight_total", "category_basis",
        "category_places", "band_boundary", "source", "notes", "components", "aspects",
        "deductions", "bands"}
_TOP_REQUIRED = ("name", "regulation", "valid_from", "components")
_ITEMS: dict[str, tuple[Callable[..., Any], tuple[str, ...], tuple[str, ...]]] = {
    "components": (Component, ("key", "name", "weight", "can_be_not_applicable", "source",
                               "provisional"), ("key", "name", "weight")),
    "aspects": (Aspect, ("name", "components"), ("name", "components")),
    "deductions": (Deduction, ("key", "name", "order", "maximum", "source", "provisional"),
                   ("key", "name")),
    "bands": (Band, ("category", "low", "high"), ("category", "low", "high")),
}
_FIX = "see the docs page Scheme files (TOML) for the format"


def load_scheme(path: str | os.PathLike[str] | None = None, *, text: str | None = None
                ) -> Scheme:
    """Read a scheme from a TOML file.

    Parameters
    ----------
    path : str or path-like
        The file to read (UTF-8).
    text : str, optional
        Deprecated: the TOML itself; use :func:`loads_scheme` instead.

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
    >>> import kinerja, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ikpa-2023.toml"
    >>> kinerja.save_scheme(kinerja.ikpa_scheme(2023), path)
    >>> kinerja.load_scheme(path) == kinerja.ikpa_scheme(2023)
    True
    """
    if text is not None:
        warnings.warn("load_scheme(text=...) is deprecated: use loads_scheme(text)",
                      DeprecationWarning, stacklevel=2)
        if path is not None:
            raise InvalidValueError("give either a path or text", field="path",
                                    fix="load_scheme('rules.toml') or loads_scheme(text)")
        return loads_scheme(text)
    if path is None:
        raise InvalidValueError("give the path of a scheme file", field="path",
                                fix="load_scheme('rules.toml'), or loads_scheme(text)")
    content = read_text_file(path, what="scheme file",
                             fix="check the path and that the file is UTF-8 text")
    return loads_scheme(content, source=os.fspath(path))


def loads_scheme(text: str, *, source: str = "scheme text") -> Scheme:
    """Read a scheme from TOML text; every problem is reported at once.

    Examples
    --------
    >>> import kinerja
    >>> scheme = kinerja.loads_scheme('''
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
    if not isinstance(text, str):
        raise InvalidTypeError("TOML text must be a str", field="text", value=text,
                               fix="decode the file first, or use load_scheme(path)")
    return scheme_from_mapping(read_toml(text, origin=source, fix=_FIX), origin=source)


def scheme_from_mapping(data: Mapping[str, Any], *, origin: str) -> Scheme:
    """Build a scheme from parsed TOML, reporting every problem at once."""
    problems = Problems()
    problems.check_keys(data, _TOP, "", required=_TOP_REQUIRED)
    arguments = {key: value for key, value in data.items() if key in _TOP}
    checked: list[KinerjaError] = []
    for section, (build, allowed, required) in _ITEMS.items():
        if section in data:
            arguments[section] = _build_items(section, data[section], build, allowed, required,
                                              problems, checked)
    if problems:
        # The checks across items (totals, band gaps) need every item, so they wait for a
        # readable file; the problems of each readable item are reported now.
        problems.errors.extend(checked)
        problems.raise_if_any(origin)
    built = Problems()
    scheme = built.attempt("", lambda: Scheme(**arguments))
    built.raise_if_any(origin)
    assert scheme is not None
    return scheme


def _build_items(section: str, items: Any, build: Callable[..., Any], allowed: tuple[str, ...],
                 required: tuple[str, ...], problems: Problems,
                 checked: list[KinerjaError]) -> list[Any]:
    """Build one section's items: unreadable items to *problems*, others' faults to *checked*."""
    if not isinstance(items, list):
        problems.add(section, f"must be an array of tables ([[{section}]])",
                     kind=InvalidTypeError)
        return []
    built = []
    for index, item in enumerate(items):
        where = f"{section}[{index}]"
        if not isinstance(item, dict):
            problems.add(where, "must be a table", value=item, kind=InvalidTypeError)
            continue
        if not problems.check_keys(item, allowed, where, required=required):
            continue
        value = problems.attempt(where, functools.partial(build, **item))
        if value is not None:
            built.append(value)
            checked.extend(item_problems(value, where))
    return built


# --- writing ---------------------------------------------------------------------------


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return toml_number(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return toml_string(str(value))


def dump_scheme(scheme: Scheme) -> str:
    """Write *scheme* in the scheme file format; :func:`loads_scheme` reads it back equal.

    Examples
    --------
    >>> import kinerja
    >>> text = kinerja.dump_scheme(kinerja.nka_scheme(2021))
    >>> print(text.splitlines()[0])
    name = "NKA"
    >>> kinerja.loads_scheme(text) == kinerja.nka_scheme(2021)
    True
    """
    if not isinstance(scheme, Scheme):
        raise InvalidTypeError(f"expected a kinerja.Scheme, not {type(scheme).__name__}",
                               field="scheme", value=scheme,
                               fix="pass a kinerja.Scheme, e.g. kinerja.ikpa_scheme(2024)")
    out = [f"name = {toml_string(scheme.name)}",
           f"regulation = {toml_string(scheme.regulation)}",
           f"valid_from = {scheme.valid_from}"]
    if scheme.valid_until is not None:
        out.append(f"valid_until = {scheme.valid_until}")
    if scheme.weight_total is not None:
        out.append(f"weight_total = {toml_number(scheme.weight_total)}")
    out += [f"category_basis = {toml_string(scheme.category_basis)}",
            f"category_places = {scheme.category_places}"]
    if scheme.band_boundary != "low_inclusive":
        out.append(f"band_boundary = {toml_string(scheme.band_boundary)}")
    if scheme.source:
        out.append(f"source = {toml_string(scheme.source)}")
    if scheme.notes:
        out.append(f"notes = {_value(scheme.notes)}")
    for component in scheme.components:
        out += ["", "[[components]]", f"key = {toml_string(component.key)}",
                f"name = {toml_string(component.name)}",
                f"weight = {toml_number(component.weight)}"]
        if component.can_be_not_applicable:
            out.append("can_be_not_applicable = true")
        if component.source:
            out.append(f"source = {toml_string(component.source)}")
        if component.provisional:
            out.append("provisional = true")
    for aspect in scheme.aspects:
        out += ["", "[[aspects]]", f"name = {toml_string(aspect.name)}",
                f"components = {_value(aspect.components)}"]
    for deduction in scheme.deductions:
        out += ["", "[[deductions]]", f"key = {toml_string(deduction.key)}",
                f"name = {toml_string(deduction.name)}",
                f"order = {toml_string(deduction.order)}"]
        if deduction.maximum is not None:
            out.append(f"maximum = {toml_number(deduction.maximum)}")
        if deduction.source:
            out.append(f"source = {toml_string(deduction.source)}")
        if deduction.provisional:
            out.append("provisional = true")
    for band in scheme.bands:
        out += ["", "[[bands]]", f"category = {toml_string(band.category)}",
                f"low = {format_plain(band.low)}", f"high = {format_plain(band.high)}"]
    return "\n".join(out) + "\n"


def save_scheme(scheme: Scheme, path: str | os.PathLike[str]) -> None:
    """Write *scheme* to *path* in the scheme file format (UTF-8); see :func:`dump_scheme`.

    >>> import kinerja, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ikpa-2023.toml"
    >>> save_scheme(kinerja.ikpa_scheme(2023), path)
    >>> kinerja.load_scheme(path) == kinerja.ikpa_scheme(2023)
    True
    """
    write_text_file(path, dump_scheme(scheme), what="scheme file")
