"""Optional extras (pandas, matplotlib, Babel, ...): imported when used, never with kinerja.

This is the one place kinerja imports a library inside a function: the
libraries of the optional extras, so that ``import kinerja`` stays light and
works without them.  A missing extra gives a
:class:`~kinerja.MissingDependencyError` that names the extra to install.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from kinerja.exceptions import MissingDependencyError

__all__ = ["optional_import"]


def optional_import(module: str, *, extra: str, feature: str) -> ModuleType:
    """Import *module* from an optional extra, or raise an error naming the extra.

    Parameters
    ----------
    module : str
        The module to import (``"pandas"``, ``"matplotlib.pyplot"``).
    extra : str
        kinerja's extra that installs it (``"pandas"``, ``"plot"``, ``"babel"``).
    feature : str
        What needs it, for the message (``"to_pandas"``).

    >>> optional_import("json", extra="none", feature="demo").__name__
    'json'
    >>> optional_import("no_such_module_here", extra="pandas", feature="to_pandas")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.MissingDependencyError: to_pandas: no_such_module_here is not \
installed. Fix: install the extra: pip install "kinerja[pandas]".
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        package = module.split(".")[0]
        raise MissingDependencyError(
            f"{package} is not installed", field=feature,
            fix=f'install the extra: pip install "kinerja[{extra}]"') from None
