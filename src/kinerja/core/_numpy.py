"""numpy, imported when an array first appears: the scalar path and the CLI start without it.

``from kinerja.core._numpy import np`` gives an object that imports numpy on its
first attribute access and then hands out numpy's attributes, so that
``kinerja audit`` on a report file, which computes with Decimals only, does not
pay numpy's import (about half of its start-up).  Code that only *asks* whether
a value is an array uses :func:`is_ndarray` and friends, which answer "no"
without importing numpy while numpy is not loaded: no value can be a numpy
array before numpy is imported.  Type checkers see the real numpy.  Docs page
*Performance*.

>>> from kinerja.core._numpy import np
>>> np.array([1.0, 2.0]).sum()
np.float64(3.0)
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeGuard

__all__ = ["is_masked_array", "is_ndarray", "is_numpy_scalar", "np", "numpy_loaded"]


class _Numpy:
    """numpy, imported on the first attribute access (``np.array``), then served from it.

    The import goes through :func:`importlib.import_module`, under the interpreter's
    import lock, so threads that touch ``np`` at once all see numpy whole; nothing is
    put in ``sys.modules`` but numpy itself.
    """

    def __getattr__(self, name: str) -> Any:
        # Only for a name not yet looked up: the value is kept on the object, so that the
        # next ``np.where`` is a plain attribute (numpy's names do not change).
        module = _MODULE[0] if _MODULE else _load()
        value = getattr(module, name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return "<numpy, imported on first use>"


_MODULE: list[ModuleType] = []


def _load() -> ModuleType:
    module = importlib.import_module("numpy")
    if not _MODULE:
        _MODULE.append(module)
    return module


if TYPE_CHECKING:
    import numpy as np
else:
    np = _Numpy()


def numpy_loaded() -> bool:
    """Whether numpy has been imported completely (by kinerja, by pandas or by the user).

    A numpy still being imported (by another thread) counts as not loaded: no
    value can be a numpy array yet.

    >>> numpy_loaded() in (True, False)
    True
    """
    if _MODULE:
        return True
    module = sys.modules.get("numpy")
    if module is None:
        return False
    spec = getattr(module, "__spec__", None)
    if spec is not None and getattr(spec, "_initializing", False):
        return False
    _MODULE.append(module)
    return True


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
