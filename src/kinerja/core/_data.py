"""The data files kinerja ships inside its packages: catalogs, scheme presets, the example.

One place that says where they are: under the installed ``kinerja`` package
directory (a wheel installs it as plain files). Reading them through
:mod:`importlib.resources` would import that machinery (and :mod:`tempfile`) at
start-up for no gain; docs page *Performance*, "Start-up".
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_path", "read_data"]

#: The installed ``kinerja`` package directory.
ROOT = Path(__file__).resolve().parent.parent


def data_path(*parts: str) -> Path:
    """The path of a data file, given its parts below the ``kinerja`` package.

    >>> data_path("core", "locale", "id.toml").name
    'id.toml'
    >>> data_path("core", "locale", "id.toml").is_file()
    True
    """
    return ROOT.joinpath(*parts)


def read_data(*parts: str) -> str:
    """The UTF-8 text of a data file (see :func:`data_path`).

    >>> read_data("core", "locale", "en.toml").startswith("#")
    True
    """
    return data_path(*parts).read_text(encoding="utf-8")
