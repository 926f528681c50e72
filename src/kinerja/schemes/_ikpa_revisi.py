"""The Revisi DIPA component of IKPA, in its two readings (both provisional).

* ``"allowed_over_actual"`` (kinerja's reading of PER-4/PB/2020, applied to
  later years with their period: quarters up to 2023, semesters from 2024):
  a period scores 100 within the allowance, else allowed / actual × 100; the
  component is the mean over periods.
* ``"semester_count"`` (PER-5/PB/2024 as a public engine reads it, 2024 on):
  a semester scores by its number of revisions (0–1: 110, 2: 100, 3 or more:
  50), the component is the mean of the semesters, at most 100.  Its numbers
  are data: ``presets/rules/ikpa-2024.toml``.

Docs pages *IKPA* ("Component calculators") and *IKPA 2024+ components*.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Literal, TypeAlias

from kinerja.core._input import exact
from kinerja.core._options import check_choice
from kinerja.exceptions import InvalidTypeError, InvalidValueError
from kinerja.schemes._ikpa_components import period_word, whole_count
from kinerja.schemes._ikpa_rules import RULES_FILE, component_rule
from kinerja.schemes._parts import CalculatedComponent, Joined, TraceLine
from kinerja.schemes._presets import ikpa_scheme

__all__ = ["REVISI_RULES", "RevisiRule", "ikpa_revisi_dipa"]

RevisiRule: TypeAlias = Literal["allowed_over_actual", "semester_count"]
#: The two readings of the Revisi DIPA rule, kinerja's default first.
REVISI_RULES: tuple[str, ...] = ("allowed_over_actual", "semester_count")
_HUNDRED = Decimal(100)
_SOURCE_REVISI = TraceLine("calculator.revisi.source")


def ikpa_revisi_dipa(*, year: int, revisions: Sequence[Any], allowed: int = 1,
                     rule: RevisiRule = "allowed_over_actual") -> CalculatedComponent:
    """Revisi DIPA score from the number of revisions per period (provisional).

    Parameters
    ----------
    year : int
        The fiscal year; chooses the period: quarters up to 2023, semesters
        from 2024 (PER-5/PB/2024).
    revisions : sequence of int
        The number of revisions of the counted kinds in each period so far
        (up to 4 quarters, or 2 semesters).
    allowed : int, default 1
        Revisions allowed per period without penalty (``"allowed_over_actual"``).
    rule : {"allowed_over_actual", "semester_count"}, default "allowed_over_actual"
        The reading: kinerja's allowed / actual rule, or, from 2024, the
        semester count bands of ``presets/rules/ikpa-2024.toml`` (0–1
        revisions 110, 2 revisions 100, 3 or more 50; mean at most 100).

    Returns
    -------
    CalculatedComponent
        ``key="revisi_dipa"``.

    Notes
    -----
    ``"allowed_over_actual"``: each period scores 100 when the revisions do
    not exceed the allowance, else allowed / actual × 100; the score is the
    mean over periods (kinerja's provisional reading of PER-4/PB/2020,
    applied to later years with that year's period).  ``"semester_count"``:
    each semester scores its band, the score is min(mean of the semesters,
    100) (PER-5/PB/2024 as a public engine reads it, provisional).  Docs
    pages *IKPA* and *IKPA 2024+ components*.

    Examples
    --------
    >>> import kinerja
    >>> kinerja.ikpa_revisi_dipa(year=2020, revisions=[1, 2, 0, 4]).value
    Decimal('68.75')
    >>> kinerja.ikpa_revisi_dipa(year=2024, revisions=[2, 1]).value
    Decimal('75')
    >>> print(kinerja.ikpa_revisi_dipa(year=2024, revisions=[2, 3], rule="semester_count"
    ...                                ).explain("en"))
    revisi_dipa 2024 = 75 (semester score by the number of revisions, mean at most 100; \
provisional; ...)
    semester 1: 2 revisions → 100
    semester 2: 3 revisions → 50
    mean of 2 semesters = (100 + 50) / 2 = 75, at most 100 → 75
    """
    first = ikpa_scheme(year).valid_from  # raises for years without an IKPA scheme
    check_choice(rule, REVISI_RULES, "rule", what="Revisi DIPA rule")
    period, longest = ("semester", 2) if first >= 2024 else ("quarter", 4)
    if isinstance(revisions, str) or not isinstance(revisions, Sequence):
        raise InvalidTypeError("give the revision counts as a sequence, one per period",
                               field="revisions", value=revisions,
                               fix="give a list of counts, e.g. revisions=[1, 0]")
    if not 1 <= len(revisions) <= longest:
        raise InvalidValueError(f"give 1 to {longest} counts (one per {period} in {year})",
                                field="revisions", value=len(revisions),
                                fix=f"give one count per {period}, at most {longest}")
    counts = [whole_count(c, field=f"revisions[{i}]") for i, c in enumerate(revisions)]
    if rule == "semester_count":
        if first < 2024:
            raise InvalidValueError(
                f"the semester count reading is PER-5/PB/2024's (2024 on), not {year}'s",
                field="rule", value=rule, fix="use rule='allowed_over_actual' before 2024")
        return _semester_count(year, counts)
    allowance = whole_count(allowed, field="allowed")
    if allowance == 0:
        raise InvalidValueError("at least one revision per period is allowed", field="allowed",
                                value=0,
                                fix="give allowed=1 or more")
    lines: list[str] = []
    scores: list[Decimal] = []
    word = period_word(period, 1)
    with exact():
        for index, count in enumerate(counts):
            value = _HUNDRED if count <= allowance else Decimal(allowance) * 100 / count
            scores.append(value)
            lines.append(TraceLine("calculator.revisi.within", period=word, number=index + 1,
                                   count=count, allowed=allowance) if count <= allowance
                         else TraceLine("calculator.revisi.over", period=word,
                                        number=index + 1, allowed=allowance, count=count,
                                        value=value))
        score = sum(scores, Decimal(0)) / len(scores)
    lines.append(TraceLine("calculator.mean", count=len(scores),
                           periods=period_word(period, 2), terms=Joined(" + ", scores),
                           value=score))
    return CalculatedComponent(
        key="revisi_dipa", year=year, value=score,
        method=TraceLine("calculator.revisi.method", period=word,
                         periods=period_word(period, 2)),
        source=_SOURCE_REVISI, lines=tuple(lines))


def _semester_count(year: int, counts: list[int]) -> CalculatedComponent:
    table = component_rule("revisi_dipa")
    bands: tuple[tuple[int | None, Decimal], ...] = table["bands"]
    cap: Decimal = table["cap"]
    lines: list[str] = []
    scores: list[Decimal] = []
    for index, count in enumerate(counts):
        score = next((s for most, s in bands if most is None or count <= most), None)
        if score is None:
            raise InvalidValueError(f"no band of {RULES_FILE} covers {count} revisions",
                                    field=f"revisions[{index}]", value=count,
                                    fix=f"end the bands of revisi_dipa in {RULES_FILE} with one "
                                    "without 'most'")
        scores.append(score)
        lines.append(TraceLine("calculator.revisi.semester", number=index + 1, count=count,
                               revisions=TraceLine("calculator.revisi.revision" if count == 1
                                                   else "calculator.revisi.revisions"),
                               value=score))
    with exact():
        mean = sum(scores, Decimal(0)) / len(scores)
    value = min(mean, cap)
    lines.append(TraceLine("calculator.revisi.capped_mean", count=len(scores),
                           periods=period_word("semester", len(scores)),
                           terms=Joined(" + ", scores), mean=mean, cap=cap, value=value))
    return CalculatedComponent(
        key="revisi_dipa", year=year, value=value,
        method=TraceLine("calculator.revisi.count_method", cap=cap),
        source=TraceLine("calculator.revisi.count_source"), lines=tuple(lines))
