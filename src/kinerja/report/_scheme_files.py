"""A report file's own scoring schemes: ``[ikpa] scheme_file`` and ``[nka] scheme_file``.

A satker or a regional office may score IKPA or NKA under rules of its own
(a Kanwil's weighting, next year's circular before kinerja ships it).  The
report file names the scheme file (format: docs page *Scheme files (TOML)*),
relative to the report file; the audit judges the printed scores under it in
the years it applies to.  Docs page *Report file format*, section *Custom
scheme files*.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kinerja.core._problems import Problems
from kinerja.exceptions import InvalidTypeError, KinerjaError, ReportFileError, ValidationError
from kinerja.schemes._file import load_scheme
from kinerja.schemes._scheme import Scheme

__all__ = ["FAMILIES", "base_of", "read_scheme_files"]

#: The score sections that may name a scheme file.
FAMILIES = ("ikpa", "nka")


def base_of(source: str) -> Path:
    """The directory a report file's relative paths start from (its own; else the current).

    >>> base_of("laporan/lkjip_2023.toml").as_posix(), base_of("<string>").as_posix()
    ('laporan', '.')
    """
    if source.startswith("<"):
        return Path(".")
    return Path(source).parent


def read_scheme_files(data: dict[str, Any], source: str, problems: Problems
                      ) -> tuple[dict[str, Scheme], dict[str, str]]:
    """The schemes the ``[ikpa]`` and ``[nka]`` sections name, and their names as written.

    A name is relative to the directory of the report file *source*
    (:func:`base_of`).  Each problem (not a string, no such file, not a scheme)
    is recorded at ``ikpa.scheme_file`` with what to do about it.
    """
    schemes: dict[str, Scheme] = {}
    files: dict[str, str] = {}
    for family in FAMILIES:
        section = data.get(family)
        if not isinstance(section, dict) or "scheme_file" not in section:
            continue
        name = section["scheme_file"]
        path = f"{family}.scheme_file"
        if not isinstance(name, str) or not name.strip():
            problems.add(path, "must be the path of a scheme file", value=name,
                         kind=InvalidTypeError,
                         fix=f'write scheme_file = "{family}_kanwil.toml" (relative to the '
                         "report file)")
            continue
        scheme = _load(base_of(source) / name, path, name, problems)
        if scheme is not None:
            schemes[family] = scheme
            files[family] = name
    return schemes, files


def _load(file: Path, path: str, name: str, problems: Problems) -> Scheme | None:
    try:
        return load_scheme(file)
    except ReportFileError as error:
        problems.add(path, f"cannot read the scheme file {str(file)!r}: {error.message}",
                     value=name, kind=ReportFileError,
                     fix="give the path of a scheme file relative to the report file")
    except ValidationError as error:
        first = "; ".join(str(member) for member in error.exceptions[:3])
        problems.add(path, f"{str(file)!r} is not a valid scheme file ({first})", value=name,
                     fix="correct the scheme file (docs page: Scheme files (TOML)), or "
                     "leave scheme_file out to use the scheme in force")
    except KinerjaError as error:
        problems.add(path, f"cannot use the scheme file {str(file)!r}: {error}", value=name,
                     fix="give the path of a scheme file relative to the report file")
    return None
