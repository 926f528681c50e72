"""SKP scheme files (TOML): the preset, reading with every problem located, and writing.

The format mirrors the scheme files (docs page *Scheme files (TOML)*, section
"SKP files"): top-level ``name``, ``regulation``, ``source``, ``notes``, then
the tables ``[predikat.<hasil kerja rating>]``, ``[credit_percent]``,
``[coefficients]`` and, optionally, ``[distribution."<organisation rating>"]``.
:func:`dump_skp_scheme` writes what :func:`loads_skp_scheme` reads back equal.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from kinerja.core._data import read_data
from kinerja.core._problems import Problems
from kinerja.core._toml import read_text_file, read_toml, toml_key, toml_number, toml_string
from kinerja.exceptions import InvalidTypeError
from kinerja.schemes._skp import SkpScheme

__all__ = ["dump_skp_scheme", "load_skp_scheme", "loads_skp_scheme", "skp_scheme"]

_TOP = ("name", "regulation", "source", "notes", "predikat", "credit_percent", "coefficients",
        "distribution")
_REQUIRED = ("name", "regulation", "predikat", "credit_percent", "coefficients")
_FIX = "see the docs page Scheme files (TOML), section SKP files"


@functools.cache
def skp_scheme() -> SkpScheme:
    """Return the SKP rules kinerja ships: PermenPAN-RB 6/2022 with PerBKN 3/2023.

    Predikat from the two ratings (PermenPAN-RB 6/2022); credit points as a
    share of the position's yearly coefficient (PerBKN 3/2023: Sangat Baik
    150 %, Baik 100 %, Butuh Perbaikan 75 %, Kurang/Misconduct 50 %, Sangat
    Kurang 25 %; Ahli Pertama 12,5, Ahli Muda 25, Ahli Madya 37,5, Ahli Utama
    50).  No distribution rule (none is known to kinerja).  The file is
    ``presets/skp/skp-2022.toml``.

    Examples
    --------
    >>> import kinerja
    >>> kinerja.skp_scheme().label
    'SKP (PermenPAN-RB 6/2022; PerBKN 3/2023)'
    >>> kinerja.skp_scheme().coefficients["Ahli Madya"]
    Decimal('37.5')
    """
    text = read_data("schemes", "presets", "skp", "skp-2022.toml")
    return loads_skp_scheme(text, source="skp/skp-2022.toml")


def load_skp_scheme(path: str | os.PathLike[str]) -> SkpScheme:
    """Read SKP rules from a TOML file (UTF-8); see :func:`loads_skp_scheme`.

    >>> import kinerja, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "skp.toml"
    >>> _ = path.write_text(kinerja.dump_skp_scheme(kinerja.skp_scheme()), encoding="utf-8")
    >>> load_skp_scheme(path) == kinerja.skp_scheme()
    True
    """
    content = read_text_file(path, what="SKP scheme file",
                             fix="check the path and that the file is UTF-8 text")
    return loads_skp_scheme(content, source=os.fspath(path))


def loads_skp_scheme(text: str, *, source: str = "SKP scheme text") -> SkpScheme:
    """Read SKP rules from TOML text; every problem is reported at once.

    Raises
    ------
    ReportFileError
        The text is not TOML.
    ValidationError
        Unknown or missing keys, a predikat table without its nine cells, a
        predikat without its credit share, ... each at its place.

    Examples
    --------
    >>> import kinerja
    >>> text = kinerja.dump_skp_scheme(kinerja.skp_scheme())
    >>> kinerja.loads_skp_scheme(text) == kinerja.skp_scheme()
    True
    """
    if not isinstance(text, str):
        raise InvalidTypeError("TOML text must be a str", field="text", value=text,
                               fix="decode the file first, or use load_skp_scheme(path)")
    data = read_toml(text, origin=source, fix=_FIX)
    problems = Problems()
    problems.check_keys(data, _TOP, "", required=_REQUIRED)
    problems.raise_if_any(source)
    built = Problems()
    scheme = built.attempt("", lambda: SkpScheme(**data))
    built.raise_if_any(source)
    assert scheme is not None
    return scheme


def _table(name: str, values: Mapping[str, Any]) -> list[str]:
    out = ["", f"[{name}]"]
    for key, value in values.items():
        out.append(f"{toml_key(key)} = {_value(value)}")
    return out


def _value(value: Any) -> str:
    if isinstance(value, Decimal | int):
        return toml_number(value)
    if isinstance(value, tuple):
        low, high = value
        parts = [f"minimum = {toml_number(low)}"] if low is not None else []
        parts += [f"maximum = {toml_number(high)}"] if high is not None else []
        return "{ " + ", ".join(parts) + " }"
    return toml_string(str(value))


def dump_skp_scheme(scheme: SkpScheme) -> str:
    """Write *scheme* as TOML; :func:`loads_skp_scheme` reads it back equal.

    Examples
    --------
    >>> import kinerja
    >>> print(kinerja.dump_skp_scheme(kinerja.skp_scheme()).splitlines()[0])
    name = "SKP"
    """
    if not isinstance(scheme, SkpScheme):
        raise InvalidTypeError(f"expected an SkpScheme, not {type(scheme).__name__}",
                               field="scheme", value=scheme,
                               fix="pass a kinerja.SkpScheme, e.g. kinerja.skp_scheme()")
    out = [f"name = {toml_string(scheme.name)}", f"regulation = {toml_string(scheme.regulation)}"]
    if scheme.source:
        out.append(f"source = {toml_string(scheme.source)}")
    if scheme.notes:
        out.append("notes = [" + ", ".join(toml_string(n) for n in scheme.notes) + "]")
    for row, cells in scheme.predikat.items():
        out += _table(f"predikat.{toml_key(row)}", cells)
    out += _table("credit_percent", scheme.credit_percent)
    out += _table("coefficients", scheme.coefficients)
    for organisation, limits in scheme.distribution.items():
        out += _table(f"distribution.{toml_key(organisation)}", limits)
    return "\n".join(out) + "\n"
