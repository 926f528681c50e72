"""Which achievement formula applies: the one decision, read by the evaluation and the audit.

:func:`choose` decides, element by element, between the zero-target policy, the
range rule and the polarity's formula (docs page *Achievement (capaian)*);
:mod:`kinerja.indicators._achievement` evaluates what it chose, and
``formula_used`` and the audit read the same :class:`Choice`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from kinerja.core._ops import Ops

if TYPE_CHECKING:
    from kinerja.indicators._achievement import AchievementPolicy

__all__ = ["Choice", "choose"]


@attrs.frozen(kw_only=True)
class Choice:
    """Which achievement formula applies, element by element.

    Made by :func:`choose`, the one place that decides; the evaluation
    (:func:`achievement`), :func:`formula_used` and the audit all read it.
    Each field is a bool for a scalar and a boolean array for arrays.

    Attributes
    ----------
    zero : bool or array
        The target is 0: the zero-target policy decides.
    inside : bool or array
        The realization lies within a range target: 100.
    higher : bool or array
        Otherwise: the ratio where higher is better, else the policy's
        lower-is-better method.
    bound : Decimal or array
        The target (a range's nearer bound) the formula compares against.
    """

    zero: Any
    inside: Any
    higher: Any
    bound: Any

    def key(self, policy: AchievementPolicy) -> str:
        """The key in :data:`FORMULAS` of the formula a scalar choice applies."""
        if self.zero:
            return "zero_tolerance"
        if self.inside:
            return "range_inside"
        return "ratio" if self.higher else policy.lower_method


def choose(ops: Ops, r: Any, low: Any, high: Any, higher: Any, *, point: bool) -> Choice:
    """Decide which formula applies: the rules of the docs page *Achievement (capaian)*.

    A target of 0 is for the zero-target policy; a realization within a
    range target scores 100 (PermenPAN-RB 8/2021 worked examples); outside,
    the polarity's formula is applied against the nearer bound (the point
    target itself for a point target).

    >>> import kinerja
    >>> from decimal import Decimal
    >>> from kinerja.core._ops import SCALAR
    >>> choice = choose(SCALAR, Decimal(92), Decimal(80), Decimal(90), True, point=False)
    >>> choice.inside, choice.bound, choice.key(kinerja.AchievementPolicy())
    (False, Decimal('90'), 'ratio')
    """
    zero = high == 0  # implies low == 0: the target is zero
    if point:
        return Choice(zero=zero, inside=False, higher=higher, bound=high)
    below = r < low
    inside = ops.not_(below | (r > high))
    return Choice(zero=zero, inside=inside, higher=higher, bound=ops.where(below, low, high))
