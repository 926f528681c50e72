"""Achievement (capaian kinerja): realization against target, in percent (SPEC 3)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal, TypeAlias

import attrs
import numpy as np

from kinerja._convert import is_array, to_decimal
from kinerja._figures import Target
from kinerja._ops import Operands, Ops, blockwise
from kinerja._polarity import Polarity
from kinerja.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    UndefinedRatioError,
    ZeroTargetError,
)

__all__ = [
    "CAP_120",
    "FORMULAS",
    "AchievementPolicy",
    "Cap",
    "Formula",
    "achievement",
]

LowerMethod: TypeAlias = Literal["mirror", "inverse"]
ZeroTargetPolicy: TypeAlias = Literal["raise", "zero_tolerance"]


@attrs.frozen(kw_only=True)
class Formula:
    """A named achievement formula with its expression and its source.

    >>> FORMULAS["mirror"].expression
    '(2 − R / T) × 100'
    """

    key: str
    expression: str
    source: str


#: Every achievement formula kinerja applies, by key.
FORMULAS: dict[str, Formula] = {
    formula.key: formula
    for formula in (
        Formula(
            key="ratio",
            expression="R / T × 100",
            source="PermenPAN-RB 53/2014 (LKjIP practice); PermenPAN-RB 8/2021, "
            "'kondisi normal'",
        ),
        Formula(
            key="mirror",
            expression="(2 − R / T) × 100",
            source="PermenPAN-RB 8/2021, 'kondisi khusus': (1 + (1 − R/T)) × 100 %; "
            "LAN guidance used in regional LKjIPs",
        ),
        Formula(
            key="inverse",
            expression="T / R × 100",
            source="public SAKIP applications; no regulation found (an alternative, "
            "never the default)",
        ),
        Formula(
            key="range_inside",
            expression="100 (R within the target range)",
            source="PermenPAN-RB 8/2021 worked examples (range targets)",
        ),
        Formula(
            key="zero_tolerance",
            expression="100 if R = 0, else 0 (target 0)",
            source="common practice for zero-tolerance indicators (a named policy, "
            "not a regulation)",
        ),
    )
}


# The formulas, each written once; they run on Decimal scalars and float arrays alike.
# For integer-valued inputs each is a single division of exact integers, so the float
# result is correctly rounded and presents (rounds half up) like the exact one.
def ratio(r: Any, t: Any) -> Any:
    """Higher is better: R / T × 100."""
    return r * 100 / t


def mirror(r: Any, t: Any) -> Any:
    """Lower is better (default): (2 − R / T) × 100, written as (2T − R) × 100 / T."""
    return (2 * t - r) * 100 / t


def inverse(r: Any, t: Any) -> Any:
    """Lower is better (alternative): T / R × 100."""
    return t * 100 / r


def clip(value: Any, ops: Ops, *, upper: Any = None, lower: Any = None) -> Any:
    """Return *value* with values above *upper* set to *upper* (and below *lower* to *lower*).

    The bounds are numbers or arrays of either number kind; an array bound that
    is NaN leaves its element alone (no cap in that row).
    """
    if upper is not None:
        value = ops.minimum(value, upper)
    if lower is not None:
        value = ops.maximum(value, lower)
    return value


def _check_bound(value: Any, field: str, *, positive: bool = False) -> Decimal:
    number = to_decimal(value, field=field)
    if number < 0 or (positive and number == 0):
        raise InvalidValueError("must be positive" if positive else "must not be negative",
                                field=field, value=value)
    return number


def _cap_upper(value: Any) -> Decimal:
    return _check_bound(value, "cap.upper", positive=True)


def _cap_lower(value: Any) -> Decimal | None:
    return None if value is None else _check_bound(value, "cap.lower")


def _floor(value: Any) -> Decimal | None:
    return None if value is None else to_decimal(value, field="floor")


@attrs.frozen(kw_only=True)
class Cap:
    """Bounds applied to an achievement after it is computed ("dikonversi menjadi 120 %").

    Kinerja keeps both figures: the *raw* achievement and the *capped* one.
    No cap is applied unless one is given (SPEC 3: some ministries cap at 120 %,
    others print 142.86 % or 666.66 % uncapped).

    Parameters
    ----------
    upper : number
        The highest achievement reported (120 for the 120 % convention).
    lower : number, optional
        The lowest achievement reported, if any.
    name, source : str
        How the convention is called and where it comes from.

    Examples
    --------
    >>> CAP_120.upper
    Decimal('120')
    >>> import kinerja
    >>> kinerja.achievement("88,24", 35, cap=CAP_120)
    Decimal('120')
    """

    upper: Decimal = attrs.field(converter=_cap_upper)
    lower: Decimal | None = attrs.field(default=None, converter=_cap_lower)
    name: str = ""
    source: str = ""

    def __attrs_post_init__(self) -> None:
        if self.lower is not None and self.lower > self.upper:
            raise InvalidValueError("the lower bound exceeds the upper bound",
                                    field="cap.lower", value=self.lower)

    def apply(self, value: Any, ops: Ops) -> Any:
        """Return *value* clipped to the cap's bounds (either number kind)."""
        lower = None if self.lower is None else ops.const(self.lower)
        return clip(value, ops, upper=ops.const(self.upper), lower=lower)

    def describe(self) -> str:
        """One phrase for explanations: ``"capped at 120 % (konversi 120 %)"``."""
        bounds = f"{self.upper}" if self.lower is None else f"{self.lower}–{self.upper}"
        return f"capped at {bounds} %" + (f" ({self.name})" if self.name else "")


#: The 120 % convention: achievements above 120 % are reported as 120 %.
CAP_120 = Cap(
    upper=120,
    name="konversi 120 %",
    source="Kemenkumham LKjIP practice ('dikonversi menjadi 120%'); not the SKP score "
    "conversion of PermenPAN-RB 8/2021",
)

def _to_cap(value: Any) -> Cap | None:
    """A Cap, or a number read as the upper bound (``cap=120`` is ``Cap(upper=120)``)."""
    if value is None or isinstance(value, Cap):
        return value
    if isinstance(value, int | float | Decimal | str) and not isinstance(value, bool):
        upper = to_decimal(value, field="cap")
        return CAP_120 if upper == CAP_120.upper else Cap(upper=upper,
                                                          name=f"konversi {upper} %")
    raise InvalidTypeError("a cap is a kinerja.Cap or a number", field="cap", value=value,
                           fix="pass cap=kinerja.CAP_120, cap=120 or cap=kinerja.Cap(...)")


_LOWER_METHODS = ("mirror", "inverse")
_ZERO_POLICIES = ("raise", "zero_tolerance")


def _one_of(choices: tuple[str, ...], field: str) -> Any:
    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value not in choices:
            raise InvalidValueError(f"unknown {field}", field=field, value=value,
                                    fix="use one of " + ", ".join(map(repr, choices)))

    return validate


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
    >>> policy = AchievementPolicy(cap=CAP_120)
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
    cap: Cap | None = attrs.field(default=None, converter=_to_cap)

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
        block by block (:func:`kinerja._ops.blockwise`), with the same formula.
        """

        def run(realization: Any, target: Any, polarity: Any, cap_upper: Any
                ) -> tuple[Any, ...]:
            operands = _operands(realization, target, polarity, cap_upper)
            figures = operands.compute(_capaian, operands.ops, operands, self)
            return tuple(operands.finish(figures[i]) for i in want)

        return blockwise(run, realization, target, polarity, cap_upper)


def achievement(
    realization: Any,
    target: Any,
    *,
    polarity: Polarity | str | Any = Polarity.HIGHER_IS_BETTER,
    lower_method: LowerMethod = "mirror",
    zero_target: ZeroTargetPolicy = "raise",
    floor: Any = None,
    cap: Cap | None = None,
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
    polarity : Polarity, str or array_like, default higher is better
        Which direction is good; for arrays also one polarity per element,
        as codes ``+1`` / ``-1`` or as polarities or their names.
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
    With R the realization and T the target (SPEC 3):

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
    policy = AchievementPolicy(lower_method=lower_method, zero_target=zero_target,
                               floor=floor, cap=cap)
    return policy._evaluate(realization, target, polarity, want=(1,))[0]


def _operands(realization: Any, target: Any, polarity: Any, cap_upper: Any = None
              ) -> Operands:
    """Convert the inputs of one achievement call to one number kind."""
    if isinstance(target, Target):
        low, high = target.bounds
    elif isinstance(target, tuple):
        if len(target) != 2:
            raise InvalidValueError("a range target is a (low, high) pair", field="target",
                                    value=target)
        low, high = target
    else:
        low = high = target
    values: dict[str, Any] = {"realization": realization}
    if low is high:
        values["target"] = low
    else:
        values["target.low"] = low
        values["target.high"] = high
    if cap_upper is not None:
        values["cap.upper"] = cap_upper
    if is_array(polarity):
        higher: Any = _higher(polarity)
    else:
        higher = Polarity.parse(polarity) is Polarity.HIGHER_IS_BETTER
    operands = Operands(values, allow_nan=("cap.upper",), flags={"higher": higher})
    if "target" in values:
        operands.values["target.low"] = operands.values["target.high"] = operands["target"]
    low_value, high_value = operands["target.low"], operands["target.high"]
    if low_value is not high_value:
        swapped = low_value > high_value
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
    return operands


def _higher(polarity: Any) -> Any:
    """Return a boolean array "higher is better" from codes, polarities or polarity names."""
    codes = np.asarray(polarity)
    if codes.dtype == np.bool_:
        raise InvalidTypeError(
            "a boolean array is not an array of polarities", field="polarity",
            fix="use codes +1 (higher is better) and -1 (lower is better)",
        )
    if codes.dtype.kind in "iuf":
        higher = codes == 1
        if not (higher | (codes == -1)).all():
            raise InvalidValueError(
                "polarity codes must be +1 or -1", field="polarity",
                fix="use +1 for higher is better and -1 for lower is better",
            )
        return higher
    out = np.empty(codes.shape, dtype=bool)
    for value in np.unique(codes.astype(str) if codes.dtype.kind in "US" else codes):
        out[codes == value] = Polarity.parse(value) is Polarity.HIGHER_IS_BETTER
    return out


def _capaian(ops: Ops, operands: Operands, policy: AchievementPolicy) -> tuple[Any, Any]:
    """Compute (raw, capped) achievements; the decisions of SPEC 3, written once.

    Formulas that no element needs are not evaluated (all higher is better:
    no lower-is-better formula), and a point target skips the range logic;
    the figures are the same either way.
    """
    r = operands["realization"]
    low, high, higher = operands["target.low"], operands["target.high"], operands["higher"]
    zero = high == 0  # implies low == 0: the target is zero
    any_zero = ops.any(zero)
    if any_zero:
        if policy.zero_target == "raise":
            raise ZeroTargetError(
                f"achievement against a target of 0 is undefined{ops.positions(zero)}",
                field="target", **ops.got(high),
                fix="name a zero_target policy (e.g. 'zero_tolerance' for lower-is-better "
                "indicators whose target is 0) or correct the target",
            )
        if ops.any(zero & higher):
            raise ZeroTargetError(
                "the zero-tolerance policy applies to lower-is-better indicators only"
                + ops.positions(zero & higher),
                field="target", **ops.got(high),
                fix="give a positive target for a higher-is-better indicator",
            )
    if low is high:  # a point target T is the range [T, T]
        outside = r != high
        bound = high
    else:
        below = r < low
        outside = below | (r > high)
        bound = ops.where(below, low, high)
    safe = ops.where(zero, ops.const(1), bound) if any_zero else bound
    value = None
    if ops.any(higher):
        value = ratio(r, safe)
    if not ops.all(higher):
        if policy.lower_method == "mirror":
            down = mirror(r, safe)
        else:
            r_zero = (r == 0) & outside & ops.not_(higher)
            if ops.any(r_zero):
                raise UndefinedRatioError(
                    "the inverse formula T / R is undefined for a realization of 0"
                    + ops.positions(r_zero),
                    field="realization", **ops.got(r),
                    fix="use lower_method='mirror', the regulation's formula",
                )
            down = inverse(ops.where(r == 0, ops.const(1), r), safe)
        value = down if value is None else ops.where(higher, value, down)
    if not ops.all(outside):
        value = ops.where(outside, value, ops.const(100))
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
    """Return the formula :func:`achievement` applies to one scalar indicator-year."""
    low, high = target.bounds
    if high == 0:
        return FORMULAS["zero_tolerance"]
    if target.is_range and low <= realization <= high:
        return FORMULAS["range_inside"]
    if polarity is Polarity.HIGHER_IS_BETTER:
        return FORMULAS["ratio"]
    return FORMULAS[policy.lower_method]
