"""numpy, imported when an array first appears: the scalar path and the CLI start without it.

``from kinerja.core._numpy import np`` gives a module that imports numpy on its
first attribute access (:class:`importlib.util.LazyLoader`, the standard
library's lazy import), so that ``kinerja audit`` on a report file, which
computes with Decimals only, does not pay numpy's import (about a fifth of its
start-up).  Code that only *asks* whether a value is an array uses
:func:`is_ndarray` and friends, which answer "no" without importing numpy
while numpy is not loaded: no value can be a numpy array before numpy is
imported.  Type checkers see the real numpy.  Docs page *Performance*.

>>> from kinerja.core._numpy import np
>>> np.array([1.0, 2.0]).sum()
np.float64(3.0)
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeGuard

__all__ = ["is_masked_array", "is_ndarray", "is_numpy_scalar", "np", "numpy_loaded"]


def _lazy(name: str) -> ModuleType:
    """The module *name*: as imported already, or one that imports itself on first use."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None, f"{name} is a dependency of kinerja"
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


if TYPE_CHECKING:
    import numpy as np
else:
    np = _lazy("numpy")

_LOADED = False


def numpy_loaded() -> bool:
    """Whether numpy has really been imported (by kinerja, by pandas or by the user).

    >>> numpy_loaded() in (True, False)
    True
    """
    global _LOADED
    if not _LOADED:
        module = sys.modules.get("numpy")
        # A lazy module turns into a plain module when it loads.
        _LOADED = module is not None and type(module) is ModuleType
    return _LOADED


def is_ndarray(value: Any) -> TypeGuard[np.ndarray[Any, Any]]:
    """``isinstance(value, numpy.ndarray)``, without importing numpy to find out.

    >>> is_ndarray(3), is_ndarray(np.zeros(2))
    (False, True)
    """
    return numpy_loaded() and isinstance(value, np.ndarray)


def is_masked_array(value: Any) -> TypeGuard[np.ma.MaskedArray[Any, Any]]:
    """``isinstance(value, numpy.ma.MaskedArray)``, without importing numpy to find out."""
    return numpy_loaded() and isinstance(value, np.ma.MaskedArray)


def is_numpy_scalar(value: Any) -> bool:
    """``isinstance(value, numpy.generic)`` (a numpy scalar), without importing numpy."""
    return numpy_loaded() and isinstance(value, np.generic)
