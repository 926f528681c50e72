"""An oracle for the tests: the documented formulas again, in exact Fraction arithmetic.

Nothing here calls a kinerja function to compute a figure; it reads only data (a
report's targets, counts, budget lines and component scores, and the scheme files
shipped with kinerja).  Tests take their expected figures from here, so a wrong
formula in the library cannot also be the expectation of its test.

The formulas, as stated in the docs:

* achievement (docs/achievement.md): higher is better R / T × 100; lower is better
  (2T − R) / T × 100 by default ("mirror", PermenPAN-RB 8/2021) or T / R × 100
  (``method="inverse"``); a realization within a range target [low, high] scores 100,
  outside it the polarity's formula runs against the nearer bound; a target of 0 is
  undefined, or under the zero-tolerance policy 100 when R = 0 and 0 otherwise; the
  cap (konversi 120 %) reports min(raw, 120) and keeps the raw figure;
* absorption (docs/budget.md): realisasi / pagu × 100; sisa = pagu − realisasi;
* rounding (docs/numbers.md): half up, away from zero, at the printed decimals;
* weighted scores (docs/schemes/index.md): nilai × bobot / W, Nilai Total, Konversi
  Bobot, Nilai Akhir, aspects, bands [low, high) with the top band closed.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

import kinerja
from kinerja import NOT_APPLICABLE, Polarity

# --- numbers -----------------------------------------------------------------------------


def exact(value: Any) -> Fraction:
    """A number as an exact Fraction: ints, Decimals, strings, floats by their shortest repr."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):  # numpy's float64 too, by the shortest repr of its value
        return Fraction(float.__repr__(value))
    if isinstance(value, Decimal | int):
        return Fraction(value)
    return Fraction(str(value))


def round_half_up(value: Any, places: int = 2) -> Fraction:
    """Round half away from zero to *places* decimals, exactly."""
    value = exact(value)
    scaled = abs(value) * 10**places
    whole = math.floor(scaled)
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(-whole if value < 0 else whole, 10**places)


def truncate(value: Any, places: int = 2) -> Fraction:
    """Cut (not round) to *places* decimals, towards zero."""
    value = exact(value)
    whole = math.floor(abs(value) * 10**places)
    return Fraction(-whole if value < 0 else whole, 10**places)


def _digits(value: Fraction, places: int) -> tuple[str, str, str]:
    """(sign, integer digits, decimal digits) of *value*, which has at most *places* decimals."""
    scaled = value * 10**places
    assert scaled.denominator == 1, (value, places)
    number = abs(scaled.numerator)
    text = str(number).rjust(places + 1, "0")
    head, tail = (text[:-places], text[-places:]) if places else (text, "")
    return ("-" if number and value < 0 else ""), head, tail


def show(value: Any, places: int) -> str:
    """*value* rounded half up to *places* decimals, in Indonesian notation (1.234,56)."""
    sign, head, tail = _digits(round_half_up(value, places), places)
    groups = []
    while len(head) > 3:
        head, group = head[:-3], head[-3:]
        groups.insert(0, group)
    text = ".".join([head, *groups])
    return sign + text + ("," + tail if tail else "")


def plain(value: Any, places: int) -> str:
    """*value* rounded half up to *places* decimals, plainly (80.08), as `expected` shows it."""
    sign, head, tail = _digits(round_half_up(value, places), places)
    return sign + head + ("." + tail if tail else "")


# --- achievement ---------------------------------------------------------------------------

#: The upper bound of the 120 % convention (konversi 120 %).
CAP_120 = Fraction(120)


def ratio(r: Fraction, t: Fraction) -> Fraction:
    """Higher is better: R / T × 100."""
    return r * 100 / t


def mirror(r: Fraction, t: Fraction) -> Fraction:
    """Lower is better, the default: (2 − R / T) × 100 = (2T − R) / T × 100."""
    return (2 * t - r) * 100 / t


def inverse(r: Fraction, t: Fraction) -> Fraction:
    """Lower is better, the alternative: T / R × 100."""
    return t * 100 / r


def achievement(r: Any, low: Any, high: Any = None, *, lower: bool = False,
                method: str = "mirror", zero_tolerance: bool = False) -> Fraction:
    """The raw achievement of R against T (or the range [low, high]), in percent.

    Raises ZeroDivisionError where the docs say the figure is undefined (a target of 0
    without the zero-tolerance policy, T / 0 for the inverse method).
    """
    r, low = exact(r), exact(low)
    high = low if high is None else exact(high)
    if high == 0:
        if not zero_tolerance or not lower:
            raise ZeroDivisionError("a target of 0")
        return Fraction(100 if r == 0 else 0)
    if low <= r <= high:
        return Fraction(100)  # within a range; for a point target R = T gives 100 anyway
    bound = low if r < low else high
    if not lower:
        return ratio(r, bound)
    return mirror(r, bound) if method == "mirror" else inverse(r, bound)


def clamp(value: Fraction, *, upper: Any = None, lower: Any = None) -> Fraction:
    """*value* within [lower, upper] (either bound optional)."""
    if upper is not None:
        value = min(value, exact(upper))
    if lower is not None:
        value = max(value, exact(lower))
    return value


# --- budget --------------------------------------------------------------------------------


def absorption(spent: Any, pagu: Any) -> Fraction:
    """Realisasi / pagu × 100 (PMK 214/PMK.02/2017)."""
    return exact(spent) * 100 / exact(pagu)


# --- weighted scores -----------------------------------------------------------------------

PRESETS = Path(kinerja.__file__).parent / "schemes" / "presets"


def preset(prefix: str, year: int) -> dict[str, Any]:
    """The scheme file (``ikpa`` or ``nka``) in force in *year*, read as data."""
    for path in sorted(PRESETS.glob(f"{prefix}-*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Fraction)
        until = data.get("valid_until")
        if data["valid_from"] <= year and (until is None or year <= until):
            return data
    raise LookupError(f"no {prefix} scheme for {year}")


@attrs.frozen
class Score:
    """Every figure of a weighted score, exact."""

    weighted: dict[str, Fraction]
    weights: dict[str, Fraction]
    aspects: dict[str, Fraction | None]
    total: Fraction
    weight_base: Fraction
    final: Fraction
    category: str | None


def score(scheme: Mapping[str, Any], values: Mapping[str, Any]) -> Score:
    """Score *values* (None or NOT_APPLICABLE: the component does not apply) under *scheme*.

    weighted = nilai × bobot / W; Nilai Total = Σ weighted; Konversi Bobot = Σ applicable
    bobot / W × 100; Nilai Akhir = Nilai Total / Konversi Bobot × 100, less the deductions
    (from Nilai Total before the division, or from Nilai Akhir after it); an aspect is
    Σ bobot × nilai / Σ bobot over its applicable components.
    """
    weights = {c["key"]: exact(c["weight"]) for c in scheme["components"]}
    total_weight = exact(scheme.get("weight_total") or sum(weights.values()))
    applies = {key: values.get(key) not in (None, NOT_APPLICABLE) for key in weights}
    nilai = {key: exact(values[key]) for key in weights if applies[key]}
    weighted = {key: nilai[key] * weights[key] / total_weight for key in nilai}
    total = sum(weighted.values(), Fraction(0))
    base = sum((weights[k] for k in nilai), Fraction(0)) * 100 / total_weight
    before = after = Fraction(0)
    for deduction in scheme.get("deductions", []):
        points = values.get(deduction["key"])
        points = Fraction(0) if points in (None, NOT_APPLICABLE) else exact(points)
        if deduction.get("order", "after_division") == "before_division":
            before += points
        else:
            after += points
    final = (total - before) * 100 / base - after
    aspects: dict[str, Fraction | None] = {}
    for aspect in scheme.get("aspects", []):
        members = [k for k in aspect["components"] if applies[k]]
        weight = sum((weights[k] for k in members), Fraction(0))
        aspects[aspect["name"]] = (sum((weights[k] * nilai[k] for k in members), Fraction(0))
                                   / weight if weight else None)
    return Score(weighted=weighted, weights=weights, aspects=aspects, total=total,
                 weight_base=base, final=final, category=category(scheme, final))


def category(scheme: Mapping[str, Any], final: Fraction) -> str | None:
    """The band of *final*: judged on the figure rounded half up, unless the basis is exact."""
    bands = scheme.get("bands", [])
    if not bands:
        return None
    judged = final
    if scheme.get("category_basis", "presented") == "presented":
        judged = round_half_up(final, scheme.get("category_places", 2))
    top = bands[-1]
    for band in bands:
        low, high = exact(band["low"]), exact(band["high"])
        if low <= judged < high or (band is top and judged == high):
            return str(band["category"])
    raise ValueError(f"{final} lies in no band")


# --- a report's printed figures, recomputed from its inputs --------------------------------

WHOLE = frozenset({"pagu", "spending", "remainder", "numerator", "denominator", "complement"})


def realization_value(realization: Any) -> Fraction | None:
    """R of a realization: numerator / denominator × 100 when it has counts, else its value."""
    if realization is None or realization.value is None:
        return None
    if realization.numerator is not None and realization.denominator is not None:
        return exact(realization.numerator) * 100 / exact(realization.denominator)
    return exact(realization.value)


def _target(record: Any, year: int) -> tuple[Fraction, Fraction] | None:
    target = record.targets.get(year)
    if target is None or target is NOT_APPLICABLE:
        return None
    low, high = target.bounds
    return exact(low), exact(high)


def raw_and_capped(report: Any, code: str, year: int) -> tuple[Fraction, Fraction] | None:
    """The (raw, reported) achievement of an indicator-year under the report's policy."""
    record = report.indicator(code)
    target = _target(record, year)
    r = realization_value(record.realizations.get(year))
    if target is None or r is None:
        return None
    policy = report.policy
    raw = achievement(r, *target, lower=record.indicator.polarity is Polarity.LOWER_IS_BETTER,
                      method=policy.lower_method,
                      zero_tolerance=policy.zero_target == "zero_tolerance")
    raw = clamp(raw, lower=policy.floor)
    cap = policy.cap
    reported = raw if cap is None else clamp(raw, upper=cap.upper, lower=cap.lower)
    return raw, reported


def _budget(report: Any, figure: Any, year: int) -> Fraction | None:
    lines = [x for x in report.budget[figure.breakdown] if x.year == year]
    if figure.line.strip().lower() != "total":
        if figure.breakdown == "spending_type":
            lines = [x for x in lines if x.spending_type.value == figure.line]
        else:
            lines = [x for x in lines if getattr(x, figure.breakdown) == figure.line]
    if not lines:
        return None
    pagu = sum(x.pagu for x in lines)
    spent = sum(x.realization for x in lines)
    if figure.figure == "absorption":
        return None if pagu == 0 else absorption(spent, pagu)
    return exact({"pagu": pagu, "spending": spent, "remainder": pagu - spent}[figure.figure])


def _scores(report: Any, figure: Any) -> Fraction | str | None:
    prefix, kind = figure.figure.split(".")
    values = report.ikpa if prefix == "ikpa" else report.nka
    if values is None:
        return None
    result = score(preset(prefix, report.year), values)
    if kind == "category":
        return result.category
    if kind == "aspect":
        return result.aspects[figure.aspect]
    if kind == "weighted":
        return result.weighted.get(figure.component)
    if kind == "weight":
        return result.weights[figure.component]
    return {"total": result.total, "weight_base": result.weight_base,
            "final": result.final}[kind]


def value_of(report: Any, figure: Any) -> Any:
    """What *figure* should print, from the report's inputs; None when nothing can be.

    An achievement gives (raw, reported); an IKPA category its name; any other figure a
    Fraction.  None: no target, no realization, no counts, a pagu of 0, no such line or
    year; such a figure cannot be printed right.
    """
    year = figure.year or report.year
    if figure.indicator is not None:
        record = report.indicator(figure.indicator)
        if figure.figure in ("achievement", "achievement_raw"):
            return raw_and_capped(report, figure.indicator, year)
        if figure.figure == "target":
            target = _target(record, year)
            return None if target is None else target[0]
        if figure.figure == "plan_target":
            plan = record.plan.targets.get(year) if record.plan else None
            return None if plan is None else exact(plan.bounds[0])
        realization = record.realizations.get(year)
        if figure.figure == "realization":
            return realization_value(realization)
        if realization is None or realization.numerator is None:
            return None
        num, den = exact(realization.numerator), exact(realization.denominator)
        return {"numerator": num, "denominator": den, "complement": den - num}[figure.figure]
    if figure.breakdown is not None:
        return _budget(report, figure, year)
    return _scores(report, figure)


def right_text(report: Any, figure: Any) -> str | None:
    """*figure*'s text as it should be printed, at its printed precision (None: cannot be)."""
    value = value_of(report, figure)
    if value is None:
        return None
    if isinstance(value, str):
        return value
    first, converted = figure.numbers()
    if isinstance(value, tuple):
        raw, reported = value
        if figure.figure == "achievement_raw":
            return show(raw, first.places)
        if converted is not None:
            return f"{show(raw, first.places)}% (Konversi {show(reported, converted.places)})"
        return show(reported, first.places)
    return show(value, 0 if figure.figure in WHOLE else first.places)


def consistent(report: Any) -> tuple[Any, list[Any]]:
    """The report with every printed figure recomputed here, and the figures left out."""
    kept, dropped = [], []
    for figure in report.printed:
        text = right_text(report, figure)
        if text is None:
            dropped.append(figure)
        else:
            kept.append(attrs.evolve(figure, text=text))
    return attrs.evolve(report, printed=kept), dropped


def only(items: Iterable[Any]) -> Any:
    """The one item of *items*."""
    (item,) = items
    return item
