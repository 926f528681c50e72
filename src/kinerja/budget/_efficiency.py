"""Efficiency of spending against achievement: the gap method and PMK 214/2017.

Both methods and their sources are stated in the docs page *Budget (anggaran)*,
section "Efficiency" (``docs/budget.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs

from kinerja.budget._totals import BudgetTotal
from kinerja.core._input import exact, is_array, to_decimal, to_rupiah
from kinerja.core._ops import SCALAR, Operands, Ops
from kinerja.core._options import check_choice
from kinerja.core._sentinels import NotApplicable, NotStated
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidValueError, MissingValueError, UndefinedRatioError
from kinerja.indicators._assessment import AchievementResult

__all__ = [
    "IndicatorBudget",
    "efficiency_gap",
    "efficiency_pmk214",
    "normalised_efficiency",
    "output_achievement_ckk",
]


def efficiency_gap(achievement: Any, absorption: Any) -> Any:
    """Return the efficiency gap: achievement − absorption, in percentage points.

    Parameters
    ----------
    achievement : number or array_like
        The indicator's (or goal's) achievement, in percent.
    absorption : number or array_like
        The absorption of the budget that funds it, in percent.

    Returns
    -------
    Decimal or numpy.ndarray
        Positive: more was achieved than was spent (efficient); negative: the
        reverse.

    Notes
    -----
    gap = capaian − penyerapan (percentage points).  The comparison SAKIP
    practice makes in an LKjIP's "analisis atas efisiensi penggunaan sumber
    daya" (PermenPAN-RB 53/2014, outline of chapter III, point 6).  Docs
    page *Budget (anggaran)*, section "Efficiency".

    Examples
    --------
    >>> efficiency_gap(100, "99,98")
    Decimal('0.02')
    >>> import numpy as np
    >>> efficiency_gap(np.array([120.0, 80.08]), np.array([99.98, 99.99]))
    array([ 20.02, -19.91])
    """
    operands = Operands({"achievement": achievement, "absorption": absorption},
                        allow_negative=("achievement",))
    return operands.finish(operands.compute(_gap, operands["achievement"],
                                            operands["absorption"]))


def _gap(achievement: Any, absorption: Any) -> Any:
    return achievement - absorption


#: The largest CK read as a fraction (200 %), and so the smallest CK that is surely a percentage.
_FRACTION_LIMIT = 2


def efficiency_pmk214(pak: Any, rak: Any, ck: Any, *,
                      ck_unit: Literal["percent", "fraction"] = "percent") -> Any:
    """Return the efficiency E of PMK 214/PMK.02/2017 over a satker's outputs, in percent.

    Parameters
    ----------
    pak : sequence or array_like
        Each output's budget (pagu anggaran keluaran), whole Rupiah (a list of
        fractional amounts is refused).
    rak : sequence or array_like
        Each output's spending (realisasi anggaran keluaran), whole Rupiah.
    ck : sequence or array_like
        Each output's achievement (capaian keluaran), in percent (``100``) or,
        with ``ck_unit="fraction"``, as a fraction (``1.0``).
    ck_unit : {"percent", "fraction"}, default "percent"
        How *ck* is written.  The other way is refused rather than misread:
        in percent, CKs that are all at most 2 (ratios such as 1,22) raise;
        as fractions, a CK above 2 (200 %) raises.

    Returns
    -------
    Decimal or numpy.ndarray
        E in percent.  Lists and tuples of numbers give an exact Decimal;
        numpy arrays are reduced over their last axis (one E per row, e.g.
        one row per satker) and give float64.

    Notes
    -----
    .. code-block:: text

        E = Σ (PAKᵢ · CKᵢ − RAKᵢ) / Σ (PAKᵢ · CKᵢ) × 100

    with CK as a fraction (CK % / 100).  Source: PMK 214/PMK.02/2017 on the
    evaluation of budget performance; docs page *Budget (anggaran)*, section
    "Efficiency".

    Examples
    --------
    Two outputs, fully achieved, spending 95 % and 100 % of their budgets:
    (100·1 − 95 + 50·1 − 50) / (100·1 + 50·1) × 100 = 5 / 150 × 100 = 3.33 %.

    >>> from kinerja import round_half_up
    >>> round_half_up(efficiency_pmk214([100, 50], [95, 50], [100, 100]))
    Decimal('3.33')
    >>> round_half_up(efficiency_pmk214([100, 50], [95, 50], [1, 1], ck_unit="fraction"))
    Decimal('3.33')
    >>> efficiency_pmk214([100, 50], [95, 50], [1.22, 0.8])
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: ck: every CK is at most 2: these look like \
fractions (1,22 = 122 %), not percent (got Decimal('1.22')). Fix: pass ck_unit='fraction', \
or give CK in percent (122).
    >>> import numpy as np
    >>> round_half_up(efficiency_pmk214(np.array([[100, 50]]), np.array([[95, 50]]),
    ...                                 np.array([[100.0, 100.0]])), 2)
    array([3.33])
    """
    check_choice(ck_unit, ("percent", "fraction"), "ck_unit")
    if any(is_array(v) and not isinstance(v, list) for v in (pak, rak, ck)):
        operands = Operands({"pak": pak, "rak": rak, "ck": ck})
        if operands.mask is not None and operands.mask.any():
            raise MissingValueError(
                "holds missing (masked) figures", field="pak, rak, ck",
                fix="the efficiency sums over all outputs: leave outputs without figures out")
        ck_percent = _ck_in_percent(operands.ops, operands["ck"], ck_unit)
        return operands.finish(operands.compute(_pmk214, operands.ops, operands["pak"],
                                                operands["rak"], ck_percent))
    columns = []
    for name, values in (("pak", pak), ("rak", rak), ("ck", ck)):
        if not isinstance(values, Sequence) or isinstance(values, str) or not values:
            raise InvalidValueError("give one figure per output", field=name, value=values,
                                    fix="pass equal-length lists (or numpy arrays)")
        if name == "ck":
            column = [to_decimal(v, field=f"ck[{i}]") for i, v in enumerate(values)]
            for i, v in enumerate(column):
                if v < 0:
                    raise InvalidValueError("must not be negative", field=f"ck[{i}]", value=v,
                                            fix="give the output achievement (ck) as 0 or more")
        else:  # budgets and spending are whole Rupiah
            column = [Decimal(to_rupiah(v, field=f"{name}[{i}]")) for i, v in enumerate(values)]
        columns.append(column)
    if len({len(c) for c in columns}) != 1:
        raise InvalidValueError("pak, rak and ck differ in length", field="pak, rak, ck",
                                value=tuple(len(c) for c in columns),
                                fix="give one pak, one rak and one ck per output")
    with exact():
        columns[2] = _ck_in_percent(SCALAR, columns[2], ck_unit)
        return _pmk214(SCALAR, *columns)


def output_achievement_ckk(ck: Any, *, ck_unit: Literal["percent", "fraction"] = "percent"
                           ) -> Decimal:
    """Return a satker's output achievement CKK of PMK 214/PMK.02/2017: the geometric mean.

    Parameters
    ----------
    ck : sequence of numbers
        Each output's achievement (capaian keluaran), in percent (``122``) or,
        with ``ck_unit="fraction"``, as a ratio (``1.22``).
    ck_unit : {"percent", "fraction"}, default "percent"
        How *ck* is written; the other way is refused (see :func:`efficiency_pmk214`).

    Returns
    -------
    Decimal
        CKK in percent, exact to 50 significant digits (not rounded).

    Notes
    -----
    .. code-block:: text

        CKK = (CK₁ · CK₂ · … · CKₙ)^(1/n) × 100 %      (CKᵢ as ratios)

    Source: PMK 214/PMK.02/2017, the output achievement of a satker as the
    geometric mean of its outputs' achievements; worked example 1,22 × 0,80 ×
    1,42 → 111,49 % (the regulation's example prints 111,60 %, which the
    rounded ratios do not give); docs page *Budget (anggaran)*, section
    "Efficiency".  An output with CK = 0 makes CKK 0.

    Examples
    --------
    >>> from kinerja import round_half_up
    >>> round_half_up(output_achievement_ckk([1.22, 0.80, 1.42], ck_unit="fraction"))
    Decimal('111.49')
    >>> round_half_up(output_achievement_ckk([122, 80, 142]))
    Decimal('111.49')
    """
    check_choice(ck_unit, ("percent", "fraction"), "ck_unit")
    if not isinstance(ck, Sequence) or isinstance(ck, str) or not ck:
        raise InvalidValueError("give one CK per output", field="ck", value=ck,
                                fix="pass a non-empty list of achievements")
    values = [to_decimal(v, field=f"ck[{i}]") for i, v in enumerate(ck)]
    for i, v in enumerate(values):
        if v < 0:
            raise InvalidValueError("must not be negative", field=f"ck[{i}]", value=v,
                                    fix="an achievement is 0 or more")
    with exact():
        percent = _ck_in_percent(SCALAR, values, ck_unit)
        ratios = [v / 100 for v in percent]
        if any(r == 0 for r in ratios):
            return Decimal(0)
        log_mean = sum((r.ln() for r in ratios), Decimal(0)) / len(ratios)
        return log_mean.exp() * 100


def _ck_in_percent(ops: Ops, ck: Any, ck_unit: str) -> Any:
    """CK in percent, refusing CKs written the other way (fractions as percent, or back)."""
    if not (ck.size if ops.is_array else len(ck)):
        raise InvalidValueError("give one CK per output", field="ck", value=ck,
                                fix="pass a CK for every output")
    largest = ck.max() if ops.is_array else max(ck)
    if ck_unit == "percent":
        if 0 < largest <= _FRACTION_LIMIT:
            raise InvalidValueError(
                "every CK is at most 2: these look like fractions (1,22 = 122 %), not percent",
                field="ck", value=largest,
                fix="pass ck_unit='fraction', or give CK in percent (122)")
        return ck
    if largest > _FRACTION_LIMIT:
        raise InvalidValueError(
            "a CK above 2 is not a fraction (it would be above 200 %): it looks like a "
            "percentage", field="ck", value=largest,
            fix="pass ck_unit='percent', or give CK as a fraction (1,22)")
    return ck * 100 if ops.is_array else [c * 100 for c in ck]


def _pmk214(ops: Ops, pak: Any, rak: Any, ck: Any) -> Any:
    if ops.is_array:
        weighted = pak * ck / 100
        numerator = (weighted - rak).sum(axis=-1)
        denominator = weighted.sum(axis=-1)
    else:
        weighted = [p * c / 100 for p, c in zip(pak, ck, strict=True)]
        numerator = sum((w - r for w, r in zip(weighted, rak, strict=True)), Decimal(0))
        denominator = sum(weighted, Decimal(0))
    zero = denominator == 0
    if ops.any(zero):
        raise UndefinedRatioError(
            "E is undefined when Σ PAK · CK is 0 (no budget or nothing achieved)"
            + ops.positions(zero),
            field="pak, ck", fix="leave satkers without budgeted, achieved outputs out",
        )
    return numerator * 100 / denominator


def normalised_efficiency(e: Any, *, clamp: bool = True) -> Any:
    """Return the normalised efficiency NE = 50 + (E / 20) × 50 (SMART DJA's efisiensi value).

    Parameters
    ----------
    e : number or array_like
        Efficiency E in percent (:func:`efficiency_pmk214`); may be negative.
    clamp : bool, default True
        Clamp E to [−20, 20] first, so NE lies in [0, 100].  *Provisional*:
        the clamp is how the formula is applied in practice; it has not been
        read in the regulation text.  Pass ``clamp=False`` to see the raw NE.

    Returns
    -------
    Decimal or numpy.ndarray

    Notes
    -----
    NE = 50 + (E / 20) × 50, PMK 214/PMK.02/2017, carried into SMART DJA's
    Nilai Kinerja Anggaran (PMK 22/PMK.02/2021) as the efisiensi variable
    (docs pages *Budget (anggaran)* and *SMART DJA NKA*).

    Examples
    --------
    >>> normalised_efficiency(5)
    Decimal('62.50')
    >>> normalised_efficiency(-30), normalised_efficiency(-30, clamp=False)
    (Decimal('0'), Decimal('-25.0'))
    >>> import numpy as np
    >>> normalised_efficiency(np.array([-0.004, 0.0, 25.0]))
    array([ 49.99,  50.  , 100.  ])
    """
    operands = Operands({"e": e}, allow_negative=("e",))
    return operands.finish(operands.compute(_ne, operands.ops, operands["e"], clamp))


def _ne(ops: Ops, e: Any, clamp: bool) -> Any:
    if clamp:
        low, high = ops.const(-20), ops.const(20)
        e = ops.where(e < low, low, ops.where(e > high, high, e))
    return 50 + e / 20 * 50


@checked
@attrs.frozen(kw_only=True)
class IndicatorBudget:
    """An indicator's achievement next to the budget that funds it (anggaran per indikator).

    Examples
    --------
    >>> import kinerja
    >>> indicator = kinerja.Indicator(code="IKK-2.1", name="Dokumen rencana kerja",
    ...                               level="IKK", unit="Layanan")
    >>> result = kinerja.assess(indicator, kinerja.Target(year=2023, value=1),
    ...                         kinerja.Realization(year=2023, value=1))
    >>> budget = kinerja.total([kinerja.BudgetLine(year=2023, indicator="IKK-2.1",
    ...                                            pagu=200_000, realization=199_000)])
    >>> row = IndicatorBudget(result=result, budget=budget)
    >>> row.absorption, row.efficiency_gap
    (Decimal('99.5'), Decimal('0.5'))
    """

    result: AchievementResult
    budget: BudgetTotal

    @property
    def achievement(self) -> Decimal | None:
        """The indicator's reported (capped) achievement."""
        return self.result.capped

    @property
    def absorption(self) -> Decimal | NotApplicable | NotStated:
        """Absorption of the indicator's budget (NOT_STATED with an unstated amount)."""
        return self.budget.absorption

    @property
    def efficiency_gap(self) -> Decimal | NotApplicable | NotStated | None:
        """Achievement − absorption (pp); None when the achievement is missing."""
        absorption = self.absorption
        if self.achievement is None:
            return None
        if isinstance(absorption, NotApplicable | NotStated):
            return absorption
        gap: Decimal = efficiency_gap(self.achievement, absorption)
        return gap
