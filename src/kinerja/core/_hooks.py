"""Hooks: how the outputs layer plugs presentation into the classes below it.

A report, a score or an audit result is shown in a notebook (``_repr_html_``)
and turned into a pandas DataFrame (``to_pandas``), but the code that does
so belongs to the outputs layer, which the model layers must not import.
The model classes call these two generic functions instead, and the outputs
layer registers an implementation per class when it is imported (which
``import kinerja`` always does)::

    # kinerja/outputs/_display.py
    @html_of.register
    def _(report: Report) -> str: ...

This is :func:`functools.singledispatch`, the standard library's registry of
implementations by type; see ``ARCHITECTURE.md``.
"""

from __future__ import annotations

import functools
from typing import Any

from kinerja.exceptions import InvalidTypeError

__all__ = ["frame_of", "html_of"]


@functools.singledispatch
def html_of(value: Any) -> str:
    """Return the notebook HTML of *value* (registered by the outputs layer)."""
    raise InvalidTypeError(f"no HTML view of {type(value).__name__}", field="value",
                           value=type(value).__name__,
                           fix="show a kinerja object (a report, a result, a table, an audit)")


@functools.singledispatch
def frame_of(value: Any, **options: Any) -> Any:
    """Return *value* as a pandas DataFrame (registered by the outputs layer)."""
    raise InvalidTypeError(f"no DataFrame view of {type(value).__name__}", field="value",
                           value=type(value).__name__,
                           fix="convert a kinerja table, audit result or batch score")
