"""Reading kinerja's TOML files (reports, schemes): the door for paths and file text.

Decimals in a file are read exactly (``tomllib`` with ``parse_float=Decimal``;
with the ``kinerja[fast]`` extra, ``tomli`` below 2.4: the same parser of TOML
1.0 — ``tomllib`` is ``tomli`` taken into the standard library — in its compiled
build, twice to three times faster on a report file; a newer tomli, which reads
TOML 1.1, is not used, and a test checks both read and refuse the same),
so a weight of ``9.7`` is ``Decimal("9.7")``.  A path that is not a readable
UTF-8 text file (missing, a directory, a device, too large, binary) gives one
:class:`~kinerja.ReportFileError` that says so; nothing is read past
:data:`MAX_FILE_BYTES`.
"""

from __future__ import annotations

import json
import os
import re
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

from kinerja.exceptions import InvalidTypeError, ReportFileError

try:  # the kinerja[fast] extra: the compiled build of the standard library's parser
    import tomli as PARSER  # the parser in use, whichever it is
except ImportError:  # pragma: no cover - the tests install the extra
    import tomllib as PARSER  # type: ignore[no-redef]
else:
    try:  # tomli 2.4 reads TOML 1.1 (multi-line inline tables), which tomllib refuses
        PARSER.loads("a = {x = 1,\n y = 2}")
    except PARSER.TOMLDecodeError:
        pass  # TOML 1.0, as tomllib: a file reads the same with and without the extra
    else:  # pragma: no cover - kinerja[fast] pins tomli below 2.4
        import tomllib as PARSER  # type: ignore[no-redef]

_DECODE_ERRORS: tuple[type[Exception], ...] = (PARSER.TOMLDecodeError,)

__all__ = ["MAX_FILE_BYTES", "PARSER", "read_text_file", "read_toml", "toml_key", "toml_number",
           "toml_string", "write_text_file"]

#: The largest file kinerja reads: 20 MB, a hundred times the reference report.
MAX_FILE_BYTES = 20 * 1024 * 1024


def read_text_file(path: str | os.PathLike[str], *, what: str, fix: str) -> str:
    """Return the UTF-8 text of the file at *path*, or raise a :class:`~kinerja.ReportFileError`.

    Parameters
    ----------
    path : str or path-like
        The file.
    what : str
        What the file should be, for the message ("report file").
    fix : str
        What the caller can do, for the message.

    >>> read_text_file("/no/such/file.toml", what="report file", fix="check the path")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.ReportFileError: /no/such/file.toml: cannot read the report file: \
no such file. Fix: check the path.
    """
    if not isinstance(path, str | os.PathLike):
        raise InvalidTypeError(f"the path of a {what} is a str or a pathlib.Path",
                               field="path", value=path, fix=fix)
    name = _checked_name(path, what=f"read the {what}", fix=fix)
    try:
        info = os.stat(name)
    except FileNotFoundError:
        raise ReportFileError(f"cannot read the {what}: no such file", field=name,
                              fix=fix) from None
    except OSError as error:
        raise ReportFileError(f"cannot read the {what}: {error.strerror}", field=name,
                              fix=fix) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReportFileError(f"cannot read the {what}: it is a directory", field=name, fix=fix)
    if not stat.S_ISREG(info.st_mode):
        raise ReportFileError(f"cannot read the {what}: not a regular file (a device or a "
                              "pipe)", field=name, fix=fix)
    if info.st_size > MAX_FILE_BYTES:
        raise ReportFileError(
            f"cannot read the {what}: {info.st_size:,} bytes is more than the "
            f"{MAX_FILE_BYTES:,} bytes kinerja reads", field=name, fix=fix)
    try:
        with open(name, "rb") as handle:  # bounded: a file may grow after its stat
            data = handle.read(info.st_size + 1)  # a buffer of the file's size, not 20 MB
            if len(data) > info.st_size:  # it grew: read on, up to the bound
                data += handle.read(MAX_FILE_BYTES + 1 - len(data))
    except OSError as error:
        raise ReportFileError(f"cannot read the {what}: {error.strerror}", field=name,
                              fix=fix) from None
    if len(data) > MAX_FILE_BYTES:
        raise ReportFileError(f"cannot read the {what}: more than the {MAX_FILE_BYTES:,} "
                              "bytes kinerja reads", field=name, fix=fix)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReportFileError(f"cannot read the {what}: not UTF-8 text (byte {error.start})",
                              field=name, fix=fix) from None


def _checked_name(path: str | os.PathLike[str], *, what: str, fix: str) -> str:
    """The path as a str, refusing names no file can have (empty, a NUL character)."""
    name = os.fspath(path)
    if not isinstance(name, str):
        raise InvalidTypeError(f"cannot {what}: give the path as text", field="path",
                               value=name, fix=fix)
    if not name or "\x00" in name:
        raise ReportFileError(f"cannot {what}: no file can have this name", field=repr(name),
                              fix=fix)
    return name


def write_text_file(path: str | os.PathLike[str], text: str, *, what: str) -> None:
    """Write *text* to *path* as UTF-8, or raise a :class:`~kinerja.ReportFileError` saying why.

    >>> write_text_file("/", "x", what="report file")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.ReportFileError: /: cannot write the report file: it is a directory. \
Fix: give the path of a file to write.
    """
    if not isinstance(path, str | os.PathLike):
        raise InvalidTypeError(f"the path of a {what} is a str or a pathlib.Path",
                               field="path", value=path, fix="give the path of a file to write")
    fix = "give the path of a file to write"
    name = _checked_name(path, what=f"write the {what}", fix=fix)
    if os.path.isdir(name):
        raise ReportFileError(f"cannot write the {what}: it is a directory", field=name, fix=fix)
    try:
        Path(name).write_text(text, encoding="utf-8")
    except OSError as error:
        raise ReportFileError(f"cannot write the {what}: {error.strerror}", field=name,
                              fix=fix) from None


def read_toml(content: str, *, origin: str, fix: str = "check the syntax at the line and "
              "column given") -> dict[str, Any]:
    """Parse TOML with exact decimals, or raise a :class:`~kinerja.ReportFileError`.

    >>> read_toml("weight = 9.7", origin="demo")
    {'weight': Decimal('9.7')}
    """
    if not isinstance(content, str):
        raise ReportFileError(f"expected TOML text, not {type(content).__name__}", field=origin,
                              fix="decode the file first, or give its path")
    try:
        data: dict[str, Any] = PARSER.loads(content, parse_float=Decimal)
        return data
    except _DECODE_ERRORS as error:
        raise ReportFileError(f"not valid TOML: {error}", field=origin, fix=fix) from None
    except RecursionError:
        raise ReportFileError("not readable TOML: its tables or arrays nest too deeply",
                              field=origin, fix="flatten the nesting") from None


# --- writing: the TOML values kinerja's writers need --------------------------------------


def toml_string(text: str) -> str:
    r"""A TOML basic string.

    >>> print(toml_string('Tabel "3.1"'))
    "Tabel \"3.1\""
    """
    # JSON's escapes are TOML's, except that TOML also wants DEL escaped.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_number(value: Decimal | int) -> str:
    """A TOML integer or float that reads back as the same Decimal.

    >>> toml_number(Decimal("60")), toml_number(Decimal("9.70")), toml_number(1327)
    ('60', '9.70', '1327')
    """
    if isinstance(value, int):
        return str(value)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return str(int(value))
    text = format(value, "f")
    return text if "." in text else text + ".0"


def toml_key(name: str) -> str:
    """A TOML key: bare when it can be, else quoted.

    >>> toml_key("revisi_dipa"), toml_key("Kualitas Hasil")
    ('revisi_dipa', '"Kualitas Hasil"')
    """
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else toml_string(name)
