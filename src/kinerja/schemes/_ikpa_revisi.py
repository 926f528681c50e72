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
from kinerja.core._notation import format_trace
from kinerja.core._options import check_choice
from kinerja.exceptions import InvalidTypeError, InvalidValueError
from kinerja.schemes._ikpa_components import whole_count
from kinerja.schemes._ikpa_rules import RULES_FILE, component_rule
from kinerja.schemes._parts import CalculatedComponent
from kinerja.schemes._presets import ikpa_scheme

__all__ = ["REVISI_RULES", "RevisiRule", "ikpa_revisi_dipa"]

RevisiRule: TypeAlias = Literal["allowed_over_actual", "semester_count"]
#: The two readings of the Revisi DIPA rule, kinerja's default first.
REVISI_RULES: tuple[str, ...] = ("allowed_over_actual", "semester_count")
_HUNDRED = Decimal(100)
_SOURCE_REVISI = ("PER-4/PB/2020, provisional reading: allowed / actual × 100 averaged over "
                  "periods; one revision allowed per quarter (per semester from 2024) "
                  "(docs: IKPA, component calculators)")


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
    ...                                ).explain())
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
    lines, scores = [], []
    with exact():
        for index, count in enumerate(counts):
            value = _HUNDRED if count <= allowance else Decimal(allowance) * 100 / count
            scores.append(value)
            text = (f"{count} ≤ {allowance} allowed → 100" if count <= allowance
                    else f"{allowance} / {count} × 100 = {format_trace(value)}")
            lines.append(f"{period} {index + 1}: {text}")
        score = sum(scores, Decimal(0)) / len(scores)
    terms = " + ".join(format_trace(s) for s in scores)
    lines.append(f"mean of {len(scores)} {period}s = ({terms}) / {len(scores)} = "
                 f"{format_trace(score)}")
    return CalculatedComponent(
        key="revisi_dipa", year=year, value=score,
        method=f"allowed / actual × 100 per {period}, capped at 100, mean over {period}s",
        source=_SOURCE_REVISI, lines=tuple(lines))


def _semester_count(year: int, counts: list[int]) -> CalculatedComponent:
    table = component_rule("revisi_dipa")
    bands: tuple[tuple[int | None, Decimal], ...] = table["bands"]
    cap: Decimal = table["cap"]
    lines, scores = [], []
    for index, count in enumerate(counts):
        score = next((s for most, s in bands if most is None or count <= most), None)
        if score is None:
            raise InvalidValueError(f"no band of {RULES_FILE} covers {count} revisions",
                                    field=f"revisions[{index}]", value=count,
                                    fix=f"end the bands of revisi_dipa in {RULES_FILE} with one "
                                    "without 'most'")
        scores.append(score)
        lines.append(f"semester {index + 1}: {count} revision{'s' if count != 1 else ''} → "
                     f"{format_trace(score)}")
    with exact():
        mean = sum(scores, Decimal(0)) / len(scores)
    value = min(mean, cap)
    terms = " + ".join(format_trace(s) for s in scores)
    lines.append(f"mean of {len(scores)} semester{'s' if len(scores) > 1 else ''} = ({terms}) / "
                 f"{len(scores)} = {format_trace(mean)}, at most {format_trace(cap)} → "
                 f"{format_trace(value)}")
    return CalculatedComponent(
        key="revisi_dipa", year=year, value=value,
        method=f"semester score by the number of revisions, mean at most {format_trace(cap)}",
        source=str(table["source"]), lines=tuple(lines))
