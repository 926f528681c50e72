"""Markers for figures that are deliberately absent."""

from __future__ import annotations

import enum
from typing import Final

__all__ = ["NOT_APPLICABLE", "NOT_STATED", "NotApplicable", "NotStated"]


class NotApplicable(enum.Enum):
    """The type of :data:`NOT_APPLICABLE`.

    *Not applicable* is not *missing*: a component or an indicator that does
    not apply to a work unit (no contracts, no target this year) is left out
    and the rest is weighted accordingly, while a missing figure is an error
    (or a named policy).

    >>> NOT_APPLICABLE
    NOT_APPLICABLE
    >>> NOT_APPLICABLE is NotApplicable.NOT_APPLICABLE
    True
    """

    NOT_APPLICABLE = "not applicable"

    def __repr__(self) -> str:
        return "NOT_APPLICABLE"

    def __str__(self) -> str:
        return "NOT_APPLICABLE"

    def __bool__(self) -> bool:
        return False


#: Marks a figure or component that does not apply (as opposed to missing).
NOT_APPLICABLE: Final = NotApplicable.NOT_APPLICABLE


class NotStated(enum.Enum):
    """The type of :data:`NOT_STATED`.

    *Not stated* is the document's silence: the report (or the excerpt at
    hand) does not show the figure.  It is neither *missing* (the figure was
    not reported: the unit failed to report it) nor *not applicable*; figures
    that depend on it are "cannot be checked", never wrong.

    >>> NOT_STATED, bool(NOT_STATED)
    (NOT_STATED, False)
    """

    NOT_STATED = "not stated"

    def __repr__(self) -> str:
        return "NOT_STATED"

    def __str__(self) -> str:
        return "NOT_STATED"

    def __bool__(self) -> bool:
        return False


#: Marks a figure the document does not state (as opposed to missing or not applicable).
NOT_STATED: Final = NotStated.NOT_STATED
