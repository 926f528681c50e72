"""The achievement formulas, each written once, with their sources; and the cap.

Each formula is plain arithmetic on ``r`` (the realization) and ``t`` (the
target, or the range bound compared against) and runs on exact Decimal
scalars and on float64 arrays alike (:mod:`kinerja.core._ops`).  Which one
applies to an indicator-year is decided in one place,
:func:`kinerja.indicators._achievement.choose`.  The rules and their sources
are stated in the docs page *Achievement (capaian)* (``docs/achievement.md``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, overload

import attrs

from kinerja.core._frozen import FrozenMap
from kinerja.core._input import FloatArray, to_decimal
from kinerja.core._ops import Operands, Ops
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = [
    "CAP_120",
    "FORMULAS",
    "Cap",
    "Formula",
    "clip",
    "inverse",
    "mirror",
    "ratio",
    "to_cap",
]


@checked
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
FORMULAS: FrozenMap[str, Formula] = FrozenMap(
    (formula.key, formula)
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
)


# The formulas, each written once; they run on Decimal scalars and float arrays alike.
# For integer-valued inputs each is a single division of exact integers, so the float
# result is correctly rounded and presents (rounds half up) like the exact one.
def ratio(r: Any, t: Any) -> Any:
    """Higher is better: R / T × 100 (PermenPAN-RB 8/2021, "kondisi normal").

    Docs page *Achievement (capaian)*, table "Formulas and their sources".
    """
    return r * 100 / t


def mirror(r: Any, t: Any) -> Any:
    """Lower is better (default): (2 − R / T) × 100, written as (2T − R) × 100 / T.

    PermenPAN-RB 8/2021, "kondisi khusus": (1 + (1 − R/T)) × 100 %.  Docs page
    *Achievement (capaian)*, section "Lower is better".
    """
    return (2 * t - r) * 100 / t


def inverse(r: Any, t: Any) -> Any:
    """Lower is better (alternative, no regulation): T / R × 100.

    Seen in public SAKIP applications; offered, never the default (docs page
    *Achievement (capaian)*).
    """
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
                                field=field, value=value,
                                fix="give the bound in percent, e.g. Cap(upper=120)")
    return number


def _cap_upper(value: Any) -> Decimal:
    return _check_bound(value, "cap.upper", positive=True)


def _cap_lower(value: Any) -> Decimal | None:
    return None if value is None else _check_bound(value, "cap.lower")


@checked
@attrs.frozen(kw_only=True)
class Cap:
    """Bounds applied to an achievement after it is computed ("dikonversi menjadi 120 %").

    Kinerja keeps both figures: the *raw* achievement and the *capped* one.
    No cap is applied unless one is given: some ministries cap at 120 %,
    others print 142.86 % or 666.66 % uncapped (docs page *Achievement
    (capaian)*, section "Cap").

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
                                    field="cap.lower", value=self.lower,
                                    fix="give a lower bound below the upper one, or none")

    @overload
    def apply(self, value: int | float | Decimal | str, ops: Ops | None = None) -> Decimal: ...

    @overload
    def apply(self, value: npt.NDArray[Any] | list[Any], ops: Ops | None = None
              ) -> FloatArray: ...

    @overload
    def apply(self, value: Any, ops: Ops) -> Any: ...

    def apply(self, value: Any, ops: Ops | None = None) -> Any:
        """Return *value* clipped to the cap's bounds: a Decimal for a number, an array for arrays.

        Parameters
        ----------
        value : number or array_like
            An achievement (or an array of them), in percent; read by the
            input door (Indonesian number strings too) when *ops* is omitted.
        ops : optional
            kinerja's number backend, passed by the formulas that already
            converted their operands; callers leave it out.

        Examples
        --------
        >>> CAP_120.apply(130), CAP_120.apply("99,5")
        (Decimal('120'), Decimal('99.5'))
        >>> import numpy as np
        >>> CAP_120.apply(np.array([130.0, 80.0]))
        array([120.,  80.])
        """
        if ops is None:
            operands = Operands({"value": value}, allow_negative=("value",))
            return operands.finish(operands.compute(self.apply, operands["value"],
                                                    operands.ops))
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


def to_cap(value: Any) -> Cap | None:
    """A Cap, or a number read as the upper bound (``cap=120`` is ``Cap(upper=120)``).

    >>> to_cap(120) is CAP_120, to_cap(110).upper
    (True, Decimal('110'))
    """
    if value is None or isinstance(value, Cap):
        return value
    if isinstance(value, int | float | Decimal | str) and not isinstance(value, bool):
        upper = to_decimal(value, field="cap")
        return CAP_120 if upper == CAP_120.upper else Cap(upper=upper,
                                                          name=f"konversi {upper} %")
    raise InvalidTypeError("a cap is a kinerja.Cap or a number", field="cap", value=value,
                           fix="pass cap=kinerja.CAP_120, cap=120 or cap=kinerja.Cap(...)")
