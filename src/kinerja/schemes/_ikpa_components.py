"""IKPA component scores from the underlying figures: Penyerapan and Deviasi Halaman III.

Both calculators are *provisional*: each is kinerja's reading of the
regulation of its year (PER-4/PB/2021, PER-5/PB/2022, PER-5/PB/2024), not yet
checked against the regulation's text; the docs page *IKPA*, section
"Component calculators" (``docs/schemes/ikpa.md``), states each rule and what
is provisional about it, and the page *IKPA 2024+ components*
(``docs/schemes/ikpa-2024.md``) the rules from 2024, which are data
(``presets/rules/ikpa-2024.toml``).  Each is tied to the scheme year (the
targets, the base or the averaging of that year) and returns a
:class:`CalculatedComponent` that explains itself and can be given to
:meth:`kinerja.Scheme.score` as the component's value.  Revisi DIPA is in
:mod:`kinerja.schemes._ikpa_revisi`.

Amounts are whole Rupiah (ints, or integral Decimals, floats or number
strings); fractions of a Rupiah and negative amounts are refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal, TypeAlias

from kinerja.core._frozen import FrozenMap
from kinerja.core._input import exact, to_decimal, to_rupiah
from kinerja.core._options import check_choice
from kinerja.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    MissingValueError,
    UndefinedRatioError,
)
from kinerja.schemes._ikpa_rules import penyerapan_rules
from kinerja.schemes._parts import CalculatedComponent, Joined, TraceLine
from kinerja.schemes._presets import ikpa_scheme

__all__ = [
    "PENYERAPAN_TARGETS",
    "CalculatedComponent",
    "ikpa_deviasi_halaman_iii",
    "ikpa_penyerapan",
    "period_word",
    "type_label",
    "whole_count",
]

DeviationMethod: TypeAlias = Literal["mean", "pagu_weighted"]
ZeroPlanPolicy: TypeAlias = Literal["raise", "cap"]

_HUNDRED = Decimal(100)


def _quarters(*targets: int | None) -> tuple[Decimal | None, ...]:
    return tuple(None if t is None else Decimal(t) for t in targets)


#: Quarterly cumulative absorption targets (% of the type's pagu, or of pagu minus
#: blokir) for the Penyerapan component, by the first year they apply to and spending
#: type: kinerja's provisional reading of PER-4/PB/2021 (2021), and of PER-5/PB/2024 as
#: ``presets/rules/ikpa-2024.toml`` holds it (2024, 2026).  ``None``: a target kinerja
#: does not know (the 2024–2025 Q3 target for bansos); give it with ``targets=``.
#: Read-only.
PENYERAPAN_TARGETS: FrozenMap[int, FrozenMap[str, tuple[Decimal | None, ...]]] = FrozenMap({
    2021: FrozenMap((code, _quarters(15, 40, 60, 90)) for code in ("51", "52", "53", "57")),
    **{rule.from_year: rule.targets for rule in penyerapan_rules()},
})
Base: TypeAlias = Literal["pagu", "pagu_minus_blokir"]
_BASE_NAMES = {"pagu": "pagu", "pagu_minus_blokir": "pagu − blokir"}

_SOURCE_PENYERAPAN = TraceLine("calculator.penyerapan.source")
_SOURCE_DEVIASI = TraceLine("calculator.deviasi.source")


def period_word(name: str, count: int) -> TraceLine:
    """The word for *count* periods (``quarter``, ``quarters``) in the catalogs."""
    return TraceLine(f"calculator.period.{name}{'s' if count != 1 else ''}")


def type_label(key: Any) -> str:
    """A spending type label: ``52``, ``"52"`` or an enum whose value is ``"52"``."""
    value = getattr(key, "value", key)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise InvalidTypeError("a spending type is a code such as 52 or '52'",
                               field="spending_type", value=key,
                               fix="write the spending type as 51, 52, 53 or '52'")
    return str(value).strip()


def whole_count(value: Any, *, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError("a count is a whole number (int)", field=field, value=value,
                               fix="give the count as a whole number, e.g. 3")
    if value < 0:
        raise InvalidValueError("a count must not be negative", field=field, value=value,
                                fix="give the count as 0 or more")
    return value


def _series(data: Any, *, field: str, longest: int, period: str) -> dict[str, list[int]]:
    """A mapping of spending type to a series of amounts, all of one length."""
    if not isinstance(data, Mapping) or not data:
        raise InvalidTypeError(f"give a mapping of spending type to {period} amounts",
                               field=field, value=data,
                               fix=f"give e.g. {{52: [{period} amounts], 53: [...]}}")
    series: dict[str, list[int]] = {}
    for key, values in data.items():
        label = type_label(key)
        where = f"{field}[{label}]"
        if isinstance(values, str) or not isinstance(values, Sequence):
            raise InvalidTypeError(f"give a sequence of {period} amounts", field=where,
                                   value=values,
                                   fix=f"give a list of {period} amounts, e.g. [1000000, 2500000]")
        if not 1 <= len(values) <= longest:
            raise InvalidValueError(f"give 1 to {longest} {period} amounts", field=where,
                                    value=len(values),
                                    fix=f"give at most {longest} amounts, one per {period}")
        series[label] = [to_rupiah(v, field=f"{where}[{i}]") for i, v in enumerate(values)]
    lengths = {len(v) for v in series.values()}
    if len(lengths) > 1:
        raise InvalidValueError(f"every spending type needs the same number of {period}s",
                                field=field, value={k: len(v) for k, v in series.items()},
                                fix=f"give every spending type the same {period}s")
    return series


def _pagu(data: Any, types: Sequence[str], *, field: str = "pagu") -> dict[str, int]:
    if not isinstance(data, Mapping):
        raise InvalidTypeError("give a mapping of spending type to pagu", field=field,
                               value=data,
                               fix="give e.g. pagu={52: 1000000, 53: 2000000}")
    pagu = {type_label(key): to_rupiah(value, field=f"{field}[{type_label(key)}]")
            for key, value in data.items()}
    if set(pagu) != set(types):
        raise InvalidValueError("pagu and realization name different spending types",
                                field=field, value=sorted(set(pagu) ^ set(types)),
                                fix="give a pagu for exactly the spending types realized")
    for label, amount in pagu.items():
        if amount == 0:
            raise UndefinedRatioError("a spending type with pagu 0 cannot be weighted",
                                      field=f"{field}[{label}]", value=0,
                                      fix="leave out spending types without pagu")
    return pagu


def _check_year(year: Any) -> int:
    return ikpa_scheme(year).valid_from  # raises for years without an IKPA scheme


def ikpa_penyerapan(*, year: int, pagu: Mapping[Any, Any],
                    realization: Mapping[Any, Sequence[Any]],
                    targets: Mapping[Any, Sequence[Any]] | None = None,
                    blokir: Mapping[Any, Any] | None = None,
                    base: Base | None = None) -> CalculatedComponent:
    """Penyerapan Anggaran score from quarterly cumulative realizations (provisional).

    Parameters
    ----------
    year : int
        The fiscal year; chooses the quarterly targets and the base
        (:data:`PENYERAPAN_TARGETS`: 2021, 2024 and, against pagu minus
        blokir, 2026 on).  Other years have no targets known to kinerja:
        give *targets*.
    pagu : mapping of spending type to Rupiah
        Each spending type's pagu (51, 52, 53, 57).
    realization : mapping of spending type to sequence of Rupiah
        Cumulative realization at the end of Q1, Q2, ... (1 to 4 quarters).
    targets : mapping of spending type to sequence of percent, optional
        Cumulative quarterly targets (% of the base) replacing the year's
        table for the types given; required where the table has none (the
        2024–2025 Q3 target for bansos, 57, is not known to kinerja).
    blokir : mapping of spending type to Rupiah, optional
        The blocked part of each type's pagu (a type not listed has none;
        ``{}`` when nothing is blocked).  Required when the base is pagu
        minus blokir (from 2026); refused when it is pagu.
    base : {"pagu", "pagu_minus_blokir"}, optional
        Override the year's base (*provisional*: pagu minus blokir from
        2026 is one public engine's reading of PER-5/PB/2024).

    Returns
    -------
    CalculatedComponent
        ``key="penyerapan_anggaran"``.

    Notes
    -----
    For quarter q and spending type t, absorption a = R_tq / B_t × 100, where
    B_t is the type's pagu (from 2026: pagu − blokir), and the type's
    achievement is min(a / target_tq × 100, 100).  The quarter's value
    weights the achievements by B_t; the score is the mean of the quarters'
    values.  Source: kinerja's *provisional* reading of PER-4/PB/2021 and
    PER-5/PB/2024 (docs pages *IKPA*, section "Component calculators", and
    *IKPA 2024+ components*).

    Examples
    --------
    Goods (52) and capital (53) spending, 2024, two quarters:

    >>> import kinerja
    >>> result = kinerja.ikpa_penyerapan(
    ...     year=2024, pagu={52: 1_000_000, 53: 3_000_000},
    ...     realization={52: [150_000, 400_000], 53: [300_000, 1_200_000]})
    >>> result.value
    Decimal('97.5')
    >>> print(result.explain("en"))
    penyerapan_anggaran 2024 = 97.5 (quarterly absorption against targets, capped at 100 %, \
pagu-weighted, mean over quarters; provisional; ...)
    Q1: 52 absorbed 15 % of pagu vs target 15 % → 100; 53 absorbed 10 % of pagu vs target \
10 % → 100; pagu-weighted → 100
    Q2: 52 absorbed 40 % of pagu vs target 50 % → 80; 53 absorbed 40 % of pagu vs target \
40 % → 100; pagu-weighted → 95
    mean of 2 quarters = (100 + 95) / 2 = 97.5

    In Indonesian (the default), words and numbers:

    >>> print(result.explain().splitlines()[-1])
    rata-rata 2 triwulan = (100 + 95) / 2 = 97,5

    From 2026 the base is pagu minus blokir (200.000 of the 52 pagu blocked):

    >>> kinerja.ikpa_penyerapan(
    ...     year=2026, pagu={52: 1_000_000}, blokir={52: 200_000},
    ...     realization={52: [120_000]}).lines[0]
    'Q1: 52 absorbed 15 % of pagu − blokir vs target 15 % → 100; weighted by pagu − blokir → 100'
    """
    first = _check_year(year)
    spent = _series(realization, field="realization", longest=4, period="quarter")
    budget = _pagu(pagu, list(spent))
    known = [y for y in PENYERAPAN_TARGETS if first <= y <= year]
    rule_year = max(known) if known else None
    table = dict(PENYERAPAN_TARGETS[rule_year]) if rule_year is not None else {}
    rule_base = next((r.base for r in penyerapan_rules() if r.from_year == rule_year), "pagu")
    if base is not None:
        check_choice(base, tuple(_BASE_NAMES), "base")
    chosen: Base = base if base is not None else rule_base  # type: ignore[assignment]
    budget = _base(budget, blokir, chosen, year)
    if targets is not None and not isinstance(targets, Mapping):
        raise InvalidTypeError("targets map each spending type to its quarterly targets",
                               field="targets", value=targets,
                               fix="give targets={52: [15, 50, 70, 90], ...}")
    for label, amounts in spent.items():
        falling = [q + 1 for q in range(1, len(amounts)) if amounts[q] < amounts[q - 1]]
        if falling:
            raise InvalidValueError(
                f"cumulative realization falls in quarter {falling[0]}",
                field=f"realization[{label}]", value=amounts,
                fix="give cumulative amounts (each quarter's total so far), not amounts "
                "per quarter")
    for key, values in (targets or {}).items():
        label = type_label(key)
        if isinstance(values, str) or not isinstance(values, Sequence) or len(values) > 4:
            raise InvalidValueError("give up to 4 cumulative quarterly targets",
                                    field=f"targets[{label}]", value=values,
                                    fix="give e.g. targets={52: [15, 40, 60, 90]} (cumulative %)")
        table[label] = tuple(None if v is None else to_decimal(v, field=f"targets[{label}]")
                             for v in values)
    quarters = len(next(iter(spent.values())))
    name = _BASE_NAMES[chosen]
    weighting = TraceLine("calculator.penyerapan.pagu_weighted" if chosen == "pagu"
                          else "calculator.penyerapan.blokir_weighted")
    lines: list[str] = []
    means: list[Decimal] = []
    with exact():
        total_pagu = Decimal(sum(budget.values()))
        for q in range(quarters):
            parts: list[TraceLine] = []
            weighted = Decimal(0)
            for label, amounts in spent.items():
                target = _target(table, label, q, year)
                absorbed = Decimal(amounts[q]) * 100 / budget[label]
                achieved = min(absorbed / target * 100, _HUNDRED)
                weighted += budget[label] * achieved
                parts.append(TraceLine("calculator.penyerapan.part", type=label,
                                       absorbed=absorbed, base=name, target=target,
                                       achieved=achieved))
            value = weighted / total_pagu
            means.append(value)
            lines.append(TraceLine("calculator.penyerapan.quarter", number=q + 1,
                                   parts=Joined("; ", parts), weighting=weighting, value=value))
        score = sum(means, Decimal(0)) / quarters
    lines.append(TraceLine("calculator.mean", count=quarters,
                           periods=period_word("quarter", quarters),
                           terms=Joined(" + ", means), value=score))
    return CalculatedComponent(
        key="penyerapan_anggaran", year=year, value=score,
        method=TraceLine("calculator.penyerapan.method", weighting=weighting),
        source=_SOURCE_PENYERAPAN, lines=tuple(lines))


def _base(budget: dict[str, int], blokir: Any, base: Base, year: int) -> dict[str, int]:
    """Each type's base: its pagu, or its pagu minus blokir (every type's must stay above 0)."""
    if base == "pagu":
        if blokir is not None:
            raise InvalidValueError(
                f"the base in {year} is pagu, so blokir is not used", field="blokir",
                fix="leave blokir out, or pass base='pagu_minus_blokir' to absorb against "
                "pagu minus blokir")
        return budget
    if blokir is None:
        raise MissingValueError(
            f"absorption in {year} is against pagu minus blokir: the blokir is needed",
            field="blokir", fix="give blokir={52: ..., 53: ...} ({} when nothing is blocked)")
    if not isinstance(blokir, Mapping):
        raise InvalidTypeError("give a mapping of spending type to blokir", field="blokir",
                               value=blokir,
                               fix="give e.g. blokir={52: 0, 53: 500000}")
    blocked = {type_label(key): to_rupiah(value, field=f"blokir[{type_label(key)}]")
               for key, value in blokir.items()}
    unknown = sorted(set(blocked) - set(budget))
    if unknown:
        raise InvalidValueError("blokir of spending types not realized", field="blokir",
                                value=unknown, fix="give blokir for the realized types only")
    based = {label: amount - blocked.get(label, 0) for label, amount in budget.items()}
    for label, amount in based.items():
        if amount <= 0:
            raise UndefinedRatioError("the blokir leaves no pagu to absorb against",
                                      field=f"blokir[{label}]", value=blocked[label],
                                      fix="a blokir is below the type's pagu")
    return based


def _target(table: Mapping[str, tuple[Decimal | None, ...]], label: str, quarter: int,
            year: int) -> Decimal:
    values = table.get(label)
    target = values[quarter] if values is not None and quarter < len(values) else None
    if target is None:
        raise MissingValueError(
            f"kinerja knows no Q{quarter + 1} absorption target for spending type "
            f"{label} in {year}", field=f"targets[{label}]",
            fix=f"give it: targets={{{label!r}: [q1, q2, q3, q4]}} (cumulative % of pagu)")
    if not 0 < target <= 100:
        raise InvalidValueError("a quarterly target is above 0 and at most 100 %",
                                field=f"targets[{label}][{quarter}]", value=target,
                                fix="give the cumulative target in percent of pagu, e.g. 25")
    return target


def ikpa_deviasi_halaman_iii(*, year: int, plan: Mapping[Any, Sequence[Any]],
                             realization: Mapping[Any, Sequence[Any]],
                             pagu: Mapping[Any, Any] | None = None,
                             method: DeviationMethod | None = None,
                             zero_plan: ZeroPlanPolicy = "raise") -> CalculatedComponent:
    """Deviasi Halaman III DIPA score from monthly plan and realization (provisional).

    Parameters
    ----------
    year : int
        The fiscal year; chooses the averaging: ``"mean"`` for 2022–2023
        (PER-5/PB/2022), ``"pagu_weighted"`` from 2024 (PER-5/PB/2024).
        Earlier years have no averaging known to kinerja: name one.
    plan, realization : mapping of spending type to sequence of Rupiah
        Monthly (not cumulative) amounts of the Halaman III DIPA plan (RPD)
        and of the realization, January first (1 to 12 months).
    pagu : mapping of spending type to Rupiah, optional
        Required for ``"pagu_weighted"``.
    method : {"mean", "pagu_weighted"}, optional
        Override the year's averaging.
    zero_plan : {"raise", "cap"}, default "raise"
        A month with plan 0: ``"raise"`` an error (the ratio is undefined);
        ``"cap"``: deviation 0 when nothing was spent, else 100 (the cap).

    Returns
    -------
    CalculatedComponent
        ``key="deviasi_halaman_iii"``.

    Notes
    -----
    Monthly deviation per spending type: d = min(|R − P| / P × 100, 100).
    Each month's deviation is the arithmetic mean over spending types
    (``"mean"``) or their mean weighted by pagu share (``"pagu_weighted"``);
    the score is 100 − the mean over months.  Source: kinerja's
    *provisional* reading of PER-5/PB/2022 and PER-5/PB/2024 (including the
    2022 "arithmetic mean" as an unweighted mean over spending types; docs
    page *IKPA*, section "Component calculators").

    Examples
    --------
    >>> import kinerja
    >>> result = kinerja.ikpa_deviasi_halaman_iii(
    ...     year=2023, plan={52: [100, 200]}, realization={52: [90, 230]})
    >>> result.value
    Decimal('87.5')
    >>> print(result.explain("en"))
    deviasi_halaman_iii 2023 = 87.5 (100 − mean monthly deviation, arithmetic mean over \
spending types; provisional; ...)
    month 1: 52 |90 − 100| / 100 = 10 % → 10 %
    month 2: 52 |230 − 200| / 200 = 15 % → 15 %
    score = 100 − (10 + 15) / 2 = 87.5
    """
    first = _check_year(year)
    if method is None:
        if first < 2022:
            raise InvalidValueError(
                f"kinerja knows no Deviasi Halaman III averaging for {year}",
                field="method", fix="name one: method='mean' or method='pagu_weighted'")
        method = "mean" if first < 2024 else "pagu_weighted"
    check_choice(method, ("mean", "pagu_weighted"), "method")
    check_choice(zero_plan, ("raise", "cap"), "zero_plan", what="zero_plan policy")
    planned = _series(plan, field="plan", longest=12, period="month")
    spent = _series(realization, field="realization", longest=12, period="month")
    if set(planned) != set(spent) or len(next(iter(planned.values()))) != len(
            next(iter(spent.values()))):
        raise InvalidValueError("plan and realization must cover the same spending types "
                                "and months", field="realization",
                                fix="give plan and realization for the same types and months")
    with exact():
        if method == "pagu_weighted":
            if pagu is None:
                raise MissingValueError("the pagu-weighted method needs each type's pagu",
                                        field="pagu", fix="give pagu={52: ..., 53: ...}")
            weight = {k: Decimal(v) for k, v in _pagu(pagu, list(planned)).items()}
        else:
            weight = {k: Decimal(1) for k in planned}
        total_weight = sum(weight.values(), Decimal(0))
        months = len(next(iter(planned.values())))
        lines: list[str] = []
        monthly: list[Decimal] = []
        weighted_sum = Decimal(0)  # Σ months Σ types weight × deviation: divided once, below
        for m in range(months):
            parts: list[TraceLine] = []
            month_sum = Decimal(0)
            for label in planned:
                p, r = planned[label][m], spent[label][m]
                deviation = _deviation(p, r, zero_plan, f"plan[{label}][{m}]")
                month_sum += weight[label] * deviation
                parts.append(TraceLine("calculator.deviasi.part", type=label, realized=r,
                                       planned=p, deviation=deviation))
            weighted_sum += month_sum
            combined = month_sum / total_weight
            monthly.append(combined)
            lines.append(TraceLine("calculator.deviasi.month", number=m + 1,
                                   parts=Joined("; ", parts), value=combined))
        score = _HUNDRED - weighted_sum / (total_weight * months)
    lines.append(TraceLine("calculator.deviasi.score", terms=Joined(" + ", monthly),
                           count=months, value=score))
    averaging = TraceLine("calculator.deviasi.mean" if method == "mean"
                          else "calculator.deviasi.pagu_weighted")
    return CalculatedComponent(
        key="deviasi_halaman_iii", year=year, value=score,
        method=TraceLine("calculator.deviasi.method", averaging=averaging),
        source=_SOURCE_DEVIASI, lines=tuple(lines))


def _deviation(plan: int, spent: int, zero_plan: ZeroPlanPolicy, field: str) -> Decimal:
    if plan == 0:
        if zero_plan == "raise":
            raise UndefinedRatioError(
                "the deviation from a plan of 0 is undefined", field=field, value=0,
                fix="pass zero_plan='cap' (0 % if nothing was spent, else 100 %) or correct "
                "the plan")
        return Decimal(0) if spent == 0 else _HUNDRED
    return min(Decimal(abs(spent - plan)) * 100 / plan, _HUNDRED)
