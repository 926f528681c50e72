"""Achievement (capaian kinerja): realization against target, in percent.

The formulas are in :mod:`kinerja.indicators._formulas`; this module decides
which one applies (:func:`choose`, the one place that does) and evaluates it
under an :class:`AchievementPolicy`, for exact Decimal scalars and float64
arrays alike.  The rules and their sources are stated in the docs page
*Achievement (capaian)* (``docs/achievement.md``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal, TypeAlias, overload

import attrs

from kinerja.core._input import MAX_MAGNITUDE, FloatArray, Number, exact, to_decimal
from kinerja.core._ops import SCALAR, Operands, Ops, blockwise
from kinerja.core._options import check_choice
from kinerja.core._polarity import Polarity, higher_is_better
from kinerja.core._validators import checked
from kinerja.exceptions import (
    InvalidValueError,
    UndefinedRatioError,
    ZeroTargetError,
)
from kinerja.indicators._choice import Choice, choose
from kinerja.indicators._figures import Target
from kinerja.indicators._formulas import (
    FORMULAS,
    Cap,
    Formula,
    clip,
    inverse,
    mirror,
    ratio,
    to_cap,
)
from kinerja.indicators._percentage import ArrayInput

__all__ = [
    "AchievementPolicy",
    "Choice",
    "achievement",
    "choice_for",
    "choose",
    "formula_used",
]

LowerMethod: TypeAlias = Literal["mirror", "inverse"]
ZeroTargetPolicy: TypeAlias = Literal["raise", "zero_tolerance"]
#: One polarity: a Polarity, its name or an Indonesian phrase, or a code +1 / -1.
PolarityLike: TypeAlias = Polarity | str | int
#: One target: a number, a (low, high) range or a Target.
TargetLike: TypeAlias = Number | tuple[Number, Number] | Target


def _floor(value: Any) -> Decimal | None:
    return None if value is None else to_decimal(value, field="floor")


_LOWER_METHODS = ("mirror", "inverse")
_ZERO_POLICIES = ("raise", "zero_tolerance")


def _one_of(choices: tuple[str, ...], field: str) -> Any:
    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        check_choice(value, choices, field)

    return validate


@checked
@attrs.frozen(kw_only=True)
class AchievementPolicy:
    """The conventions an achievement is computed under: one object per report.

    Parameters
    ----------
    lower_method : {"mirror", "inverse"}, default "mirror"
        Formula for lower-is-better indicators: ``"mirror"`` is (2 − R/T) × 100
        (PermenPAN-RB 8/2021, "kondisi khusus"); ``"inverse"`` is T/R × 100,
        seen in some SAKIP applications but in no regulation.
    zero_target : {"raise", "zero_tolerance"}, default "raise"
        What a target of zero gives.  ``"raise"``: a
        :class:`~kinerja.ZeroTargetError`.  ``"zero_tolerance"`` (lower is
        better only): 100 when R = 0, else 0.
    floor : number, optional
        The lowest raw achievement (e.g. 0, since 2 − R/T is negative when
        R > 2T); no floor by default.  A policy, not a law.
    cap : Cap, optional
        Bounds for the reported (capped) achievement; none by default.

    Examples
    --------
    >>> import kinerja
    >>> policy = AchievementPolicy(cap=kinerja.CAP_120)
    >>> policy.achievement(74.91, 60)
    Decimal('120')
    >>> AchievementPolicy(lower_method="2-R/T")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: lower_method: unknown lower_method (got '2-R/T'). \
Fix: use one of 'mirror', 'inverse'.
    """

    lower_method: LowerMethod = attrs.field(
        default="mirror", validator=_one_of(_LOWER_METHODS, "lower_method")
    )
    zero_target: ZeroTargetPolicy = attrs.field(
        default="raise", validator=_one_of(_ZERO_POLICIES, "zero_target")
    )
    floor: Decimal | None = attrs.field(default=None, converter=_floor)
    cap: Cap | None = attrs.field(default=None, converter=to_cap)

    def achievement(self, realization: Any, target: Any,
                    polarity: Polarity | str | Any = Polarity.HIGHER_IS_BETTER) -> Any:
        """Return the (capped) achievement under this policy; see :func:`achievement`."""
        return achievement(realization, target, polarity=polarity,
                           lower_method=self.lower_method, zero_target=self.zero_target,
                           floor=self.floor, cap=self.cap)

    def raw_and_capped(self, realization: Any, target: Any,
                       polarity: Polarity | str | Any = Polarity.HIGHER_IS_BETTER) -> Any:
        """Return ``(raw, capped)`` under this policy (either number kind)."""
        return self._evaluate(realization, target, polarity)

    def _evaluate(self, realization: Any, target: Any, polarity: Any, *,
                 cap_upper: Any = None, want: tuple[int, ...] = (0, 1)) -> tuple[Any, ...]:
        """Return the achievements *want* selects from ``(raw, capped)``.

        *cap_upper*, optional, is a per-element upper bound applied after this
        policy's cap (NaN: no bound for that element).  Long arrays are computed
        block by block (:func:`kinerja.core._ops.blockwise`), with the same formula.
        """
        if cap_upper is None and self.floor is None and self.lower_method == "mirror" \
                and self.zero_target == "raise":
            point = target.value if type(target) is Target else target
            raw = _plain_point(realization, point, polarity)
            if raw is not None:  # the commonest scalar call (the audit's): no machinery
                if self.cap is None:
                    return tuple(raw for _ in want)
                with exact():
                    figures = (raw, self.cap.apply(raw, SCALAR))
                return tuple(figures[i] for i in want)

        def run(realization: Any, target: Any, polarity: Any, cap_upper: Any
                ) -> tuple[Any, ...]:
            operands, point = _operands(realization, target, polarity, cap_upper)
            figures = operands.compute(_capaian, operands.ops, operands, point, self)
            return tuple(operands.finish(figures[i]) for i in want)

        return blockwise(run, realization, target, polarity, cap_upper)


#: The conventions of a call that names none (built once).
_DEFAULT_POLICY = AchievementPolicy()


@overload
def achievement(
    realization: Number,
    target: TargetLike,
    *,
    polarity: PolarityLike = Polarity.HIGHER_IS_BETTER,
    lower_method: LowerMethod = "mirror",
    zero_target: ZeroTargetPolicy = "raise",
    floor: Number | None = None,
    cap: Cap | Number | None = None,
) -> Decimal: ...


@overload
def achievement(
    realization: ArrayInput,
    target: ArrayInput | TargetLike,
    *,
    polarity: PolarityLike | ArrayInput = Polarity.HIGHER_IS_BETTER,
    lower_method: LowerMethod = "mirror",
    zero_target: ZeroTargetPolicy = "raise",
    floor: Number | None = None,
    cap: Cap | Number | None = None,
) -> FloatArray: ...


@overload
def achievement(
    realization: Number,
    target: ArrayInput,
    *,
    polarity: PolarityLike | ArrayInput = Polarity.HIGHER_IS_BETTER,
    lower_method: LowerMethod = "mirror",
    zero_target: ZeroTargetPolicy = "raise",
    floor: Number | None = None,
    cap: Cap | Number | None = None,
) -> FloatArray: ...


@overload
def achievement(
    realization: Number,
    target: TargetLike,
    *,
    polarity: ArrayInput,
    lower_method: LowerMethod = "mirror",
    zero_target: ZeroTargetPolicy = "raise",
    floor: Number | None = None,
    cap: Cap | Number | None = None,
) -> FloatArray: ...


def achievement(
    realization: Any,
    target: Any,
    *,
    polarity: Any = Polarity.HIGHER_IS_BETTER,
    lower_method: LowerMethod = "mirror",
    zero_target: ZeroTargetPolicy = "raise",
    floor: Any = None,
    cap: Any = None,
) -> Any:
    """Return the achievement (capaian) of a realization against a target, in percent.

    Parameters
    ----------
    realization : number or array_like
        R, in the indicator's unit.  Scalars (int, str in Indonesian notation,
        Decimal, float by its shortest repr) are exact; arrays are float64
        and may be masked (masked = missing, the result is masked there).
    target : number, array_like, (low, high) or Target
        T, a point target, or a range target as a ``(low, high)`` tuple or a
        :class:`~kinerja.Target`.  Arrays broadcast against *realization*.
    polarity : Polarity, str, int or array_like, default higher is better
        Which direction is good: a :class:`~kinerja.Polarity`, its name or
        an Indonesian phrase (``"negatif"``), or a code ``+1`` / ``-1`` (for a
        scalar as for arrays); for arrays also one polarity per element.
    lower_method : {"mirror", "inverse"}, default "mirror"
        Lower-is-better formula; see :class:`AchievementPolicy`.
    zero_target : {"raise", "zero_tolerance"}, default "raise"
        What a target of zero gives; see :class:`AchievementPolicy`.
    floor : number, optional
        Lowest raw achievement; none by default.
    cap : Cap or number, optional
        Bounds for the returned figure (e.g. :data:`CAP_120`, or ``120`` for an
        upper bound of 120 %); none by default.

    Returns
    -------
    Decimal or numpy.ndarray
        The achievement in percent (125 means 125 %), after *floor* and
        *cap*; exact and unrounded for scalars, float64 for arrays.  Use
        :func:`~kinerja.round_half_up` to present it.

    Raises
    ------
    ZeroTargetError
        The target is 0 and *zero_target* is ``"raise"``.
    UndefinedRatioError
        ``lower_method="inverse"`` with a realization of 0 outside the target.
    InvalidValueError
        Negative, NaN or infinite inputs; unknown options.

    Notes
    -----
    With R the realization and T the target (docs page *Achievement (capaian)*):

    ============================  ======================  ==============================
    polarity                      formula                 source
    ============================  ======================  ==============================
    higher is better              R / T × 100             PermenPAN-RB 53/2014 practice;
                                                          PermenPAN-RB 8/2021
                                                          ("kondisi normal")
    lower is better (default)     (2 − R / T) × 100       PermenPAN-RB 8/2021
                                                          ("kondisi khusus")
    lower is better (inverse)     T / R × 100             SAKIP apps; no regulation
    range target [low, high]      100 inside; outside     PermenPAN-RB 8/2021 worked
                                  the polarity's formula  examples
                                  against the nearer
                                  bound
    ============================  ======================  ==============================

    Each formula is written once and serves both number kinds.  For
    integer-valued array inputs each is a single division of exact integers,
    so the float result is the correctly rounded exact value and presents
    (rounds half up to 2 places) exactly like the scalar path for targets up
    to about 10^12; for other inputs the difference from the exact value is
    within a few units in the last place of float64.

    Examples
    --------
    Realization 74.91 % against a target of 60 %, higher is better:

    >>> import kinerja
    >>> kinerja.achievement("74,91", 60)
    Decimal('124.85')

    A lower-is-better indicator: children sentenced to prison, 31 of 47
    (65.96 %) against a target of at most 55 %:

    >>> r = kinerja.percentage(31, 47)
    >>> kinerja.round_half_up(kinerja.achievement(r, 55, polarity="lower_is_better"))
    Decimal('80.08')

    Range targets (PermenPAN-RB 8/2021 examples):

    >>> kinerja.round_half_up(kinerja.achievement(92, (80, 90)), 1)
    Decimal('102.2')
    >>> kinerja.round_half_up(kinerja.achievement(6.5, (7, 8), polarity="negatif"), 1)
    Decimal('107.1')

    Arrays, with one polarity per element and the 120 % cap:

    >>> import numpy as np
    >>> kinerja.achievement(np.array([75.0, 66.0, 88.0]), np.array([60.0, 55.0, 35.0]),
    ...                     polarity=[1, -1, 1], cap=kinerja.CAP_120)
    array([120.,  80., 120.])
    """
    if lower_method == "mirror" and zero_target == "raise" and floor is None and cap is None:
        quick = _plain_point(realization, target, polarity)
        if quick is not None:
            return quick
        policy = _DEFAULT_POLICY  # the usual call builds no policy
    else:
        policy = AchievementPolicy(lower_method=lower_method, zero_target=zero_target,
                                   floor=floor, cap=cap)
    return policy._evaluate(realization, target, polarity, want=(1,))[0]


#: Polarities already read by the scalar fast path (bounded: at most a few hundred spellings).
_READ_POLARITIES: dict[Any, bool] = {}


def _plain_point(realization: Any, target: Any, polarity: Any) -> Decimal | None:
    """The achievement of the commonest call at once, or None to take the general path.

    The commonest call: ints or Decimals, a positive point target, a realization
    of 0 or more, the default conventions.  The formulas are the same
    :func:`ratio` and :func:`mirror` in the same exact context as the general
    path (a test checks both agree); every other input, including every input the
    general path refuses, takes the general path and gets its checks and errors.
    """
    kind_r, kind_t = type(realization), type(target)
    if not ((kind_r is Decimal or kind_r is int) and (kind_t is Decimal or kind_t is int)):
        return None
    if (kind_r is Decimal and not realization.is_finite()) or (
            kind_t is Decimal and not target.is_finite()):
        return None  # the general path names the problem (a NaN must not be compared)
    if not (0 <= realization < MAX_MAGNITUDE and 0 < target < MAX_MAGNITUDE):
        return None
    kind_p = type(polarity)
    if kind_p is not Polarity and kind_p is not str:
        return None
    higher = _READ_POLARITIES.get(polarity)
    if higher is None:
        higher = higher_is_better(polarity)  # raises for an unknown polarity
        if len(_READ_POLARITIES) < 512:
            _READ_POLARITIES[polarity] = higher
    r, t = Decimal(realization), Decimal(target)
    with exact():
        value: Decimal = ratio(r, t) if higher else mirror(r, t)
    return value


def _operands(realization: Any, target: Any, polarity: Any, cap_upper: Any = None
              ) -> tuple[Operands, bool]:
    """Convert the inputs of one achievement call to one number kind.

    Returns the operands and whether the target is a point target (a range
    target, even one whose bounds are equal, is compared with its bounds).
    """
    if isinstance(target, Target):
        low, high = target.bounds
        point = not target.is_range
    elif isinstance(target, tuple):
        if len(target) != 2:
            raise InvalidValueError("a range target is a (low, high) pair", field="target",
                                    value=target, fix="give target=(low, high), e.g. (80, 90)")
        low, high = target
        point = False
    else:
        low = high = target
        point = True
    values: dict[str, Any] = {"realization": realization}
    if point:
        values["target"] = low
    else:
        values["target.low"] = low
        values["target.high"] = high
    if cap_upper is not None:
        values["cap.upper"] = cap_upper
    higher = higher_is_better(polarity)
    operands = Operands(values, allow_nan=("cap.upper",), flags={"higher": higher})
    if point:
        operands.values["target.low"] = operands.values["target.high"] = operands["target"]
    else:
        low_value, high_value = operands["target.low"], operands["target.high"]
        swapped = low_value > high_value
        if operands.mask is not None:  # a masked bound is missing, not swapped
            swapped = swapped & ~operands.mask
        if operands.ops.any(swapped):
            raise InvalidValueError(
                f"a range's low bound exceeds its high bound{operands.ops.positions(swapped)}",
                field="target.low", **operands.ops.got(low_value), fix="swap low and high",
            )
    if cap_upper is not None:
        not_positive = operands["cap.upper"] <= 0  # False for NaN (no cap)
        if operands.ops.any(not_positive):
            raise InvalidValueError(
                f"a cap must be positive{operands.ops.positions(not_positive)}",
                field="cap.upper", **operands.ops.got(operands["cap.upper"]),
                fix="give a positive upper bound, or NaN for no cap",
            )
    return operands, point


def _capaian(ops: Ops, operands: Operands, point: bool, policy: AchievementPolicy
             ) -> tuple[Any, Any]:
    """Compute (raw, capped) achievements with the formulas :func:`choose` picks.

    Formulas that no element needs are not evaluated (all higher is better:
    no lower-is-better formula); the figures are the same either way.
    """
    r = operands["realization"]
    choice = choose(ops, r, operands["target.low"], operands["target.high"],
                    operands["higher"], point=point)
    zero, higher = choice.zero, choice.higher
    any_zero = ops.any(zero)
    if any_zero:
        if policy.zero_target == "raise":
            raise ZeroTargetError(
                f"achievement against a target of 0 is undefined{ops.positions(zero)}",
                field="target", **ops.got(operands["target.high"]),
                fix="name a zero_target policy (e.g. 'zero_tolerance' for lower-is-better "
                "indicators whose target is 0) or correct the target",
            )
        if ops.any(zero & higher):
            raise ZeroTargetError(
                "the zero-tolerance policy applies to lower-is-better indicators only"
                + ops.positions(zero & higher),
                field="target", **ops.got(operands["target.high"]),
                fix="give a positive target for a higher-is-better indicator",
            )
    safe = ops.where(zero, ops.const(1), choice.bound) if any_zero else choice.bound
    value = None
    if ops.any(higher):
        value = ratio(r, safe)
    if not ops.all(higher):
        if policy.lower_method == "mirror":
            down = mirror(r, safe)
        else:
            r_zero = (r == 0) & ops.not_(choice.inside | higher | zero)
            if ops.any(r_zero):
                raise UndefinedRatioError(
                    "the inverse formula T / R is undefined for a realization of 0"
                    + ops.positions(r_zero),
                    field="realization", **ops.got(r),
                    fix="use lower_method='mirror', the regulation's formula",
                )
            down = inverse(ops.where(r == 0, ops.const(1), r), safe)
        value = down if value is None else ops.where(higher, value, down)
    if not point and ops.any(choice.inside):
        value = ops.where(choice.inside, ops.const(100), value)
    if any_zero and policy.zero_target == "zero_tolerance":
        value = ops.where(zero, ops.where(r == 0, ops.const(100), ops.const(0)), value)
    if policy.floor is not None:
        value = clip(value, ops, lower=ops.const(policy.floor))
    capped = value if policy.cap is None else policy.cap.apply(value, ops)
    if "cap.upper" in operands.values:
        capped = clip(capped, ops, upper=operands["cap.upper"])
    return value, capped


def formula_used(
    realization: Decimal, target: Target, polarity: Polarity, policy: AchievementPolicy
) -> Formula:
    """Return the formula :func:`achievement` applies to one scalar indicator-year.

    >>> from kinerja import Target
    >>> formula_used(Decimal("65.96"), Target(year=2023, value=55), Polarity.LOWER_IS_BETTER,
    ...              AchievementPolicy()).expression
    '(2 − R / T) × 100'
    """
    return FORMULAS[choice_for(realization, target, polarity).key(policy)]


def choice_for(realization: Decimal, target: Target, polarity: Polarity) -> Choice:
    """:func:`choose` for one scalar indicator-year (its formula and the bound it uses).

    >>> from kinerja import Target
    >>> choice_for(Decimal("6.5"), Target(year=2023, low=7, high=8),
    ...            Polarity.LOWER_IS_BETTER).bound
    Decimal('7')
    """
    low, high = target.bounds
    return choose(SCALAR, realization, low, high, polarity is Polarity.HIGHER_IS_BETTER,
                  point=not target.is_range)
