"""Names of a package loaded on first use (PEP 562): the one mechanism behind lazy attributes.

``kinerja`` (its top layers) and ``kinerja.schemes`` (the SKP rules and the IKPA
component calculators) give some public names this way, so that ``import kinerja``
and the command line's audit of a report file do not create classes they never use.
Type checkers and documentation tools see ordinary imports under ``TYPE_CHECKING``.
ARCHITECTURE.md, "Loaded when first used".
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_attributes"]


def lazy_attributes(package: str, table: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``table[name]`` on first use and keeps it.

    *table* maps a public name to the module that defines it (or, for a
    subpackage, to the subpackage itself).  The value is stored in the package,
    so the lookup happens once.

    >>> import types
    >>> demo = types.ModuleType("demo")
    >>> sys.modules["demo"] = demo
    >>> demo.__getattr__ = lazy_attributes("demo", {"sqrt": "math"})
    >>> demo.sqrt(9.0), "sqrt" in vars(demo)
    (3.0, True)
    >>> del sys.modules["demo"]
    """

    def __getattr__(name: str) -> Any:
        home = table.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module = importlib.import_module(home)
        value = module if home == f"{package}.{name}" else getattr(module, name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
