"""IKPA component calculators for PER-5/PB/2024 and later: the rules kinerja lacked before.

* :func:`ikpa_dispensasi_spm`: the Dispensasi SPM deduction, points by the
  band of the ratio of dispensations to SPMs (the band edges are the
  caller's: kinerja knows none);
* :func:`ikpa_belanja_kontraktual`: early procurement, capital-spending
  acceleration and distribution, weighted 40 / 40 / 20;
* :func:`ikpa_up_tup`: cash management (timeliness 50, monthly GUP 25, TUP
  repaid 25) 90 % + government credit card use 10 %;
* :func:`ikpa_capaian_output`: reporting on time 30 % + the output
  achievement of the RO 70 %.

Every number is *provisional* (one public engine's reading of PER-5/PB/2024,
not yet checked against the regulation's text) and is data, read from
``presets/rules/ikpa-2024.toml``.  Each returns a :class:`CalculatedComponent`
that explains itself and can be given to :meth:`kinerja.Scheme.score`.  Docs
page *IKPA 2024+ components* (``docs/schemes/ikpa-2024.md``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from kinerja.core._input import exact, to_count, to_decimal
from kinerja.core._notation import format_trace
from kinerja.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    MissingValueError,
    UndefinedRatioError,
)
from kinerja.schemes._ikpa_rules import component_rule
from kinerja.schemes._parts import CalculatedComponent, Joined, TraceLine
from kinerja.schemes._presets import ikpa_scheme

__all__ = ["ikpa_belanja_kontraktual", "ikpa_capaian_output", "ikpa_dispensasi_spm",
           "ikpa_up_tup"]

_HUNDRED = Decimal(100)


def _year(year: Any, what: str) -> int:
    """*year*, refused unless PER-5/PB/2024 (or a later scheme) is in force."""
    if ikpa_scheme(year).valid_from < 2024:
        raise InvalidValueError(f"the {what} rule is PER-5/PB/2024's (2024 on), not {year}'s",
                                field="year", value=year,
                                fix="give the component's score for earlier years")
    return int(year)


def _score(value: Any, field: str) -> Decimal:
    """A part's score, 0–100."""
    number = to_decimal(value, field=field)
    if not 0 <= number <= _HUNDRED:
        raise InvalidValueError("a part's score is 0–100", field=field, value=value,
                                fix="give the score as a number from 0 to 100")
    return number


def _decimal(value: Fraction) -> Decimal:
    """An exact fraction as the scalar path's Decimal (exact when it terminates)."""
    return to_decimal(value, field="value")


def _weighted(parts: Mapping[str, Decimal], shares: Mapping[str, Decimal]
              ) -> tuple[Decimal, Joined]:
    """Σ share × score / 100, and the sum written out."""
    with exact():
        value = sum((shares[name] * parts[name] / _HUNDRED for name in shares), Decimal(0))
    return value, _terms(shares, parts)


def _terms(shares: Mapping[str, Decimal], parts: Mapping[str, Decimal]) -> Joined:
    """``40 % × 100 + 40 % × 90 + ...``, each number in the line's language."""
    return Joined(" + ", [TraceLine("calculator.term", share=shares[name], score=parts[name])
                          for name in shares])


def ikpa_dispensasi_spm(*, year: int, dispensations: int, spm: int,
                        bands: Sequence[Any] | None = None) -> CalculatedComponent:
    """The Dispensasi SPM deduction (points) from the count of dispensations (provisional).

    Parameters
    ----------
    year : int
        The fiscal year (2024 on: PER-5/PB/2024, Dispensasi SPM a deduction).
    dispensations : int
        The SPMs submitted under a dispensation.
    spm : int
        All SPMs of the period.
    bands : sequence of number
        The ratio (dispensations / SPMs, in percent) from which each
        deduction above 0 applies, ascending: four bounds for 0,25; 0,5;
        0,75 and 1 point.  **Required**: kinerja does not know the bounds
        of the regulation, and does not invent them.

    Returns
    -------
    CalculatedComponent
        ``key="dispensasi_spm"``, the points to deduct: give it to
        :meth:`kinerja.Scheme.score` as the deduction's value.

    Notes
    -----
    ratio = dispensations / SPMs × 100; the deduction is the points of the
    highest band whose bound the ratio reaches (0 below the first).  The
    points 0 / 0,25 / 0,5 / 0,75 / 1 are PER-5/PB/2024 as a public engine
    reads it (*provisional*, ``presets/rules/ikpa-2024.toml``).

    Examples
    --------
    Bounds 1, 5, 10 and 20 % chosen by the caller for the example:

    >>> import kinerja
    >>> result = kinerja.ikpa_dispensasi_spm(year=2025, dispensations=3, spm=40,
    ...                                      bands=[1, 5, 10, 20])
    >>> result.value
    Decimal('0.5')
    >>> print(result.lines[0])
    ratio = 3 / 40 × 100 = 7.5 % ≥ 5 % (band 2 of 4) → 0.5 point
    >>> print(result.explain().splitlines()[1])
    rasio = 3 / 40 × 100 = 7,5 % ≥ 5 % (rentang 2 dari 4) → 0,5 poin
    """
    _year(year, "Dispensasi SPM")
    table = component_rule("dispensasi_spm")
    points: tuple[Decimal, ...] = table["points"]
    count = to_count(dispensations, field="dispensations")
    total = to_count(spm, field="spm")
    if count > total:
        raise InvalidValueError("more dispensations than SPMs", field="dispensations",
                                value=count, fix="count the dispensations among the SPMs")
    if bands is None:
        raise MissingValueError(
            "kinerja does not know the ratio bands of the Dispensasi SPM deduction",
            field="bands", fix=f"give the {len(points) - 1} ratios (percent of SPMs) from "
            f"which {', '.join(format_trace(p) for p in points[1:])} points apply")
    if isinstance(bands, str) or not isinstance(bands, Sequence) or \
            len(bands) != len(points) - 1:
        raise InvalidValueError(f"give {len(points) - 1} ascending bounds", field="bands",
                                value=bands,
                                fix=f"give {len(points) - 1} bounds as a list, lowest first")
    bounds = [to_decimal(b, field=f"bands[{i}]") for i, b in enumerate(bands)]
    if any(b <= 0 for b in bounds) or bounds != sorted(set(bounds)):
        raise InvalidValueError("the bounds are above 0 and strictly ascending",
                                field="bands", value=bands,
                                fix="give bounds above 0, each higher than the one before")
    if total == 0:
        ratio = Decimal(0)
    else:
        with exact():
            ratio = Decimal(count) * 100 / total
    band = sum(1 for bound in bounds if ratio >= bound)
    value = points[band]
    outcome = (TraceLine("calculator.dispensasi.band", bound=bounds[band - 1], band=band,
                         bands=len(bounds), points=value) if band
               else TraceLine("calculator.dispensasi.below", bound=bounds[0]))
    line = (TraceLine("calculator.dispensasi.no_spm", outcome=outcome) if total == 0
            else TraceLine("calculator.dispensasi.ratio", count=count, total=total,
                           ratio=ratio, outcome=outcome))
    return CalculatedComponent(
        key="dispensasi_spm", year=year, value=value,
        method=TraceLine("calculator.dispensasi.method"),
        source=TraceLine("calculator.dispensasi.source"),
        lines=(line, TraceLine("calculator.dispensasi.bands", bounds=Joined(", ", bounds))))


def ikpa_belanja_kontraktual(*, year: int, early_procurement: Any, capital_acceleration: Any,
                             distribution: Any) -> CalculatedComponent:
    """Belanja Kontraktual from its three parts' scores (provisional).

    Parameters
    ----------
    year : int
        The fiscal year (2024 on).
    early_procurement, capital_acceleration, distribution : number
        The scores (0–100) of the three parts: early procurement (kontrak
        dini / pra-DIPA), the acceleration of capital-spending (53)
        contracts, and the distribution of contracts over the year.  How
        each part is scored from the contracts is not in the material kinerja
        has: the caller gives the scores.

    Notes
    -----
    score = 40 % × early procurement + 40 % × capital acceleration + 20 % ×
    distribution (PER-5/PB/2024 as a public engine reads it, *provisional*,
    ``presets/rules/ikpa-2024.toml``).

    Examples
    --------
    >>> import kinerja
    >>> result = kinerja.ikpa_belanja_kontraktual(
    ...     year=2024, early_procurement=100, capital_acceleration=90, distribution=60)
    >>> result.value, result.lines[0]
    (Decimal('88'), '40 % × 100 + 40 % × 90 + 20 % × 60 = 88')
    """
    _year(year, "Belanja Kontraktual")
    table = component_rule("belanja_kontraktual")
    parts = {"early_procurement": _score(early_procurement, "early_procurement"),
             "capital_acceleration": _score(capital_acceleration, "capital_acceleration"),
             "distribution": _score(distribution, "distribution")}
    value, terms = _weighted(parts, table["parts"])
    return CalculatedComponent(
        key="belanja_kontraktual", year=year, value=value,
        method=TraceLine("calculator.kontraktual.method"),
        source=TraceLine("calculator.kontraktual.source"),
        lines=(TraceLine("calculator.sum", terms=terms, value=value),))


def ikpa_up_tup(*, year: int, timeliness: Any, monthly_gup: Any, tup_repaid: Any, kkp: Any
                ) -> CalculatedComponent:
    """Pengelolaan UP dan TUP from its parts, with the government credit card (provisional).

    Parameters
    ----------
    year : int
        The fiscal year (2024 on).
    timeliness, monthly_gup, tup_repaid : number
        The scores (0–100) of cash management: the timeliness of GUP/PTUP,
        the monthly GUP, and the TUP repaid in time.
    kkp : number
        The score (0–100) of the use of the government credit card (Kartu
        Kredit Pemerintah) against its quarterly targets; **0 for a unit
        without a card**, whose component is then at most 90.

    Notes
    -----
    cash = 50 % × timeliness + 25 % × monthly GUP + 25 % × TUP repaid;
    score = 90 % × cash + 10 % × KKP.  The card's targets are 1 / 5 / 9 /
    12,5 % of UP/TUP spending by quarter; how the card part is scored against
    them is the caller's.  PER-5/PB/2024 as a public engine reads it
    (*provisional*, ``presets/rules/ikpa-2024.toml``).

    Examples
    --------
    >>> import kinerja
    >>> result = kinerja.ikpa_up_tup(year=2024, timeliness=100, monthly_gup=80,
    ...                              tup_repaid=100, kkp=0)
    >>> result.value
    Decimal('85.5')
    >>> print(result.explain("en"))
    pengelolaan_up_tup 2024 = 85.5 (90 % cash management + 10 % government credit card; ...)
    cash = 50 % × 100 + 25 % × 80 + 25 % × 100 = 95
    KKP (targets 1 / 5 / 9 / 12.5 % by quarter) = 0
    score = 90 % × 95 + 10 % × 0 = 85.5
    """
    _year(year, "UP/TUP")
    table = component_rule("pengelolaan_up_tup")
    cash_parts = {"timeliness": _score(timeliness, "timeliness"),
                  "monthly_gup": _score(monthly_gup, "monthly_gup"),
                  "tup_repaid": _score(tup_repaid, "tup_repaid")}
    cash, cash_terms = _weighted(cash_parts, table["cash_parts"])
    card = _score(kkp, "kkp")
    value, terms = _weighted({"cash": cash, "kkp": card}, table["parts"])
    return CalculatedComponent(
        key="pengelolaan_up_tup", year=year, value=value,
        method=TraceLine("calculator.up_tup.method", cash=table["parts"]["cash"],
                         kkp=table["parts"]["kkp"]),
        source=TraceLine("calculator.up_tup.source"),
        lines=(TraceLine("calculator.up_tup.cash", terms=cash_terms, value=cash),
               TraceLine("calculator.up_tup.kkp", targets=Joined(" / ", table["kkp_targets"]),
                         value=card),
               TraceLine("calculator.score", terms=terms, value=value)))


def _column(values: Any, field: str) -> list[Decimal]:
    if values is None:
        raise MissingValueError("needed for this month's formula", field=field,
                                fix="give one value per RO")
    if isinstance(values, str) or not isinstance(values, Sequence) or not values:
        raise InvalidTypeError("give one value per RO (a list)", field=field, value=values,
                               fix="give a list with one value per RO, e.g. [100, 80]")
    numbers = [to_decimal(v, field=f"{field}[{i}]") for i, v in enumerate(values)]
    for index, number in enumerate(numbers):
        if number < 0:
            raise InvalidValueError("must not be negative", field=f"{field}[{index}]",
                                    value=number,
                                    fix="give the value as 0 or more")
    return numbers


def ikpa_capaian_output(*, year: int, month: int, reporting: Any, pcro: Any = None,
                        tpcro: Any = None, rvro: Any = None, volume: Any = None
                        ) -> CalculatedComponent:
    """Capaian Output from reporting on time and the RO's progress (provisional).

    Parameters
    ----------
    year : int
        The fiscal year (2024 on).
    month : int
        The month of the assessment, 1–12: January to November compare
        progress with its target, December the volume realized with the
        volume of the DIPA.
    reporting : number
        The score (0–100) of reporting on time (the caller's: e.g. the share
        of RO reports submitted by their deadline).
    pcro, tpcro : sequence of number
        January–November: each RO's progress (PCRO, %) and its target (TPCRO, %).
    rvro, volume : sequence of number
        December: each RO's realized volume (RVRO) and its volume in the DIPA.

    Notes
    -----
    Per RO: January–November min(PCRO / TPCRO × 100, 100), December
    min(RVRO / volume × 100, 100); the output achievement is their mean;
    score = 30 % × reporting + 70 % × achievement.  PER-5/PB/2024 as a public
    engine reads it (*provisional*, ``presets/rules/ikpa-2024.toml``); the
    mean over RO is that engine's too.

    Examples
    --------
    >>> import kinerja
    >>> result = kinerja.ikpa_capaian_output(year=2025, month=6, reporting=100,
    ...                                      pcro=[40, 60], tpcro=[50, 50])
    >>> result.value
    Decimal('93')
    >>> print(result.explain("en"))
    capaian_output 2025 = 93 (30 % reporting on time + 70 % output achievement; ...)
    RO 1: min(40 / 50 × 100, 100) = 80
    RO 2: min(60 / 50 × 100, 100) = 100
    achievement = mean of 2 RO = 90
    score = 30 % × 100 + 70 % × 90 = 93
    """
    _year(year, "Capaian Output")
    table = component_rule("capaian_output")
    period = to_count(month, field="month", minimum=1, maximum=12)
    if period == 12:
        names, unused = ("rvro", "volume"), {"pcro": pcro, "tpcro": tpcro}
        realized, planned = _column(rvro, "rvro"), _column(volume, "volume")
    else:
        names, unused = ("pcro", "tpcro"), {"rvro": rvro, "volume": volume}
        realized, planned = _column(pcro, "pcro"), _column(tpcro, "tpcro")
    given = [name for name, value in unused.items() if value is not None]
    if given:
        raise InvalidValueError(f"month {period} uses {' and '.join(names)}, not these",
                                field=given[0], fix="December compares rvro with volume; "
                                "January–November pcro with tpcro")
    if len(realized) != len(planned):
        raise InvalidValueError("one target per RO", field=names[1],
                                value=(len(realized), len(planned)),
                                fix="give one target per RO, in the same order as the realizations")
    lines: list[str] = []
    achieved: list[Fraction] = []
    for index, (r, p) in enumerate(zip(realized, planned, strict=True)):
        if p == 0:
            raise UndefinedRatioError("a target of 0 leaves the RO's achievement undefined",
                                      field=f"{names[1]}[{index}]", value=0,
                                      fix="give the RO's target, or leave the RO out")
        ratio = min(Fraction(r) * 100 / Fraction(p), Fraction(100))
        achieved.append(ratio)
        lines.append(TraceLine("calculator.output.ro", number=index + 1, realized=r,
                               planned=p, value=_decimal(ratio)))
    # One division at the end: a score that terminates is exact (no rounding of the mean).
    mean = sum(achieved, Fraction(0)) / len(achieved)
    achievement = _decimal(mean)
    lines.append(TraceLine("calculator.output.achievement", count=len(achieved),
                           value=achievement))
    shares = table["parts"]
    report = _score(reporting, "reporting")
    exact_score = (Fraction(shares["reporting"]) * Fraction(report)
                   + Fraction(shares["achievement"]) * mean) / 100
    score = _decimal(exact_score)
    terms = _terms(shares, {"reporting": report, "achievement": achievement})
    lines.append(TraceLine("calculator.score", terms=terms, value=score))
    return CalculatedComponent(
        key="capaian_output", year=year, value=score,
        method=TraceLine("calculator.output.method", reporting=shares["reporting"],
                         achievement=shares["achievement"]),
        source=TraceLine("calculator.output.source"), lines=tuple(lines))

