"""An LKE reviewed: the unit's self-assessment beside the evaluator's score, and printed figures.

:func:`lke_evaluation` scores the unit's own answers (*penilaian mandiri*) and
the evaluator's on the same form and lists every criterion they answer
differently, with the points it moves.  :func:`lke_check_printed` computes
what a report should have printed for its LKE figures (the components'
points, the total, the grade) and says which printed figures agree.  Rules:
docs page *SAKIP evaluation (LKE)* (``docs/schemes/lke.md``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from kinerja.core._input import exact, to_decimal
from kinerja.core._notation import format_trace
from kinerja.core._rounding import decimal_places, round_half_up
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidTypeError, InvalidValueError
from kinerja.schemes._lke import LkeScale, LkeScore, answer_levels, lke_score
from kinerja.schemes._scheme import Scheme

__all__ = ["LkeDifference", "LkeEvaluation", "LkePrintedFigure", "lke_check_printed",
           "lke_evaluation"]

_HUNDRED = Decimal(100)


@checked
@attrs.frozen(kw_only=True)
class LkeDifference:
    """A criterion the unit and the evaluator answered differently.

    ``points`` is what the evaluator's answer moves the score, against the
    unit's: (evaluator's value − unit's value) × the criterion's weight
    (negative when the evaluator scores lower).

    Examples
    --------
    >>> from decimal import Decimal
    >>> LkeDifference(subcomponent="perencanaan_kualitas", criterion="1.b.3",
    ...               self_answer="A", evaluator_answer="C", weight=Decimal("0.6"),
    ...               points=Decimal("-0.3")).text
    'criterion 1.b.3: self A, evaluator C: −0,5 × weight 0,6 = −0,3'
    """

    subcomponent: str
    criterion: str
    self_answer: str
    evaluator_answer: str
    weight: Decimal
    points: Decimal

    @property
    def text(self) -> str:
        """``"criterion 1.b.3: self A, evaluator C: −0,5 × weight 0,6 = −0,3"``."""
        with exact():
            change = self.points / self.weight
        sign = "−" if change < 0 else "+"
        return (f"criterion {self.criterion}: self {self.self_answer}, evaluator "
                f"{self.evaluator_answer}: {sign}{format_trace(abs(change))} × weight "
                f"{format_trace(self.weight)} = {sign}{format_trace(abs(self.points))}")


def _differences(value: Sequence[LkeDifference]) -> tuple[LkeDifference, ...]:
    return tuple(value)


@checked
@attrs.frozen(kw_only=True)
class LkeEvaluation:
    """The unit's self-assessment beside the evaluator's score, on the same form.

    Attributes
    ----------
    self_assessment, evaluator : LkeScore
        The unit's own answers (*penilaian mandiri*) and the evaluator's, scored.
    differences : tuple of LkeDifference
        Every criterion answered differently, in the order of the form.

    >>> import kinerja
    >>> scheme = kinerja.lke_scheme(2024)
    >>> own = {k: {"1": "A"} for k in scheme.weights}
    >>> kinerja.lke_evaluation(self_assessment=own, evaluator=own, scheme=scheme).gap
    Decimal('0')
    """

    self_assessment: LkeScore
    evaluator: LkeScore
    differences: tuple[LkeDifference, ...] = attrs.field(converter=_differences)

    @property
    def gap(self) -> Decimal:
        """The evaluator's total − the unit's: the sum of the differences' points."""
        with exact():
            return self.evaluator.total - self.self_assessment.total

    def explain(self) -> str:
        """Each component and the total side by side, then every criterion answered differently."""
        own, other = self.self_assessment, self.evaluator
        lines = [f"{other.scheme.label}: self-assessment beside the evaluator's score"]
        for name, points in own.components.items():
            with exact():
                change = other.components[name] - points
            lines.append(f"{name}: self {format_trace(points)}, evaluator "
                         f"{format_trace(other.components[name])}, difference "
                         f"{_signed(change)}")
        lines.append(f"Total: self {format_trace(own.total)} ({own.grade}), evaluator "
                     f"{format_trace(other.total)} ({other.grade}), difference "
                     f"{_signed(self.gap)}")
        if self.differences:
            lines.append(f"Answered differently ({len(self.differences)}):")
            lines += [difference.text for difference in self.differences]
        else:
            lines.append("Every criterion answered alike.")
        return "\n".join(lines)


def _signed(value: Decimal) -> str:
    return ("−" if value < 0 else "+" if value > 0 else "") + format_trace(abs(value))


def lke_evaluation(*, self_assessment: Mapping[str, Any], evaluator: Mapping[str, Any],
                   scheme: Scheme, scale: LkeScale = "A-E",
                   criteria: Mapping[str, Sequence[str]] | None = None) -> LkeEvaluation:
    """Score the unit's self-assessment and the evaluator's answers on the same form.

    Parameters
    ----------
    self_assessment, evaluator : mapping
        The two sets of answers, as for :func:`lke_score`; they must answer
        the same criteria.
    scheme, scale, criteria
        As for :func:`lke_score`.

    Returns
    -------
    LkeEvaluation

    Notes
    -----
    Each set is scored by :func:`lke_score` (PermenPAN-RB 88/2021); a
    criterion answered differently moves the score by (evaluator's value −
    unit's value) × the criterion's weight, and the differences add up to the
    gap between the totals.

    Examples
    --------
    >>> import kinerja
    >>> scheme = kinerja.lke_scheme(2024)
    >>> own = {key: {"1": "A", "2": "B"} for key in scheme.weights}
    >>> theirs = dict(own, perencanaan_pemanfaatan={"1": "C", "2": "B"})
    >>> review = kinerja.lke_evaluation(self_assessment=own, evaluator=theirs, scheme=scheme)
    >>> review.self_assessment.total, review.evaluator.total, review.gap
    (Decimal('87.5'), Decimal('83.75'), Decimal('-3.75'))
    >>> review.differences[0].text
    'criterion 1: self A, evaluator C: −0,5 × weight 7,5 = −3,75'
    """
    own = lke_score(self_assessment, scheme=scheme, scale=scale, criteria=criteria)
    other = lke_score(evaluator, scheme=scheme, scale=scale, criteria=criteria)
    levels = answer_levels(scale)
    differences = []
    for key, answers in own.answers.items():
        theirs = other.answers.get(key)
        if theirs is None or set(theirs) != set(answers):
            missing = sorted(set(answers) ^ set(theirs or {}))
            raise InvalidValueError(
                "the self-assessment and the evaluator answer different criteria",
                field=f"evaluator[{key}]", value=missing,
                fix="answer the same form: every criterion in both, or give criteria=")
        count = len(answers)
        with exact():
            weight = scheme.weights[key] * _HUNDRED / scheme.total_weight / count
            for criterion, letter in answers.items():
                if theirs[criterion] != letter:
                    change = (levels[theirs[criterion]] - levels[letter]) / _HUNDRED
                    differences.append(LkeDifference(
                        subcomponent=key, criterion=criterion, self_answer=letter,
                        evaluator_answer=theirs[criterion], weight=weight,
                        points=change * weight))
    return LkeEvaluation(self_assessment=own, evaluator=other, differences=differences)


@checked
@attrs.frozen(kw_only=True)
class LkePrintedFigure:
    """One printed LKE figure beside what should have been printed.

    Attributes
    ----------
    figure : str
        ``"total"``, ``"grade"``, a component's name (``"Perencanaan
        Kinerja"``) or a sub-component's key (``"perencanaan_kualitas"``).
    printed : Decimal or str
        The figure as printed (a grade is text).
    expected : Decimal or str or None
        The exact figure (or grade) that follows from the answers, or from the
        other printed figures; ``None`` when nothing printed determines it.
    places : int or None
        The decimals printed (``None`` for a grade).
    agrees : bool or None
        Whether the printed figure is the expected one at the printed
        precision; ``None`` when it cannot be checked.
    rule : str
        How the expected figure was obtained, in words.

    >>> import kinerja
    >>> checked = kinerja.lke_check_printed({"total": "69,60", "grade": "B"},
    ...                                     scheme=kinerja.lke_scheme(2024))
    >>> checked[-1].figure, checked[-1].agrees
    ('grade', True)
    """

    figure: str
    printed: Decimal | str
    expected: Decimal | str | None
    places: int | None
    agrees: bool | None
    rule: str

    @property
    def presented(self) -> Decimal | str | None:
        """The expected figure as it should have been printed (rounded half up to *places*)."""
        if isinstance(self.expected, Decimal) and self.places is not None:
            return round_half_up(self.expected, self.places)
        return self.expected


def lke_check_printed(printed: Mapping[str, Any], *, scheme: Scheme,
                      score: LkeScore | None = None) -> tuple[LkePrintedFigure, ...]:
    """Compute what a report should have printed for its LKE figures, and compare.

    Parameters
    ----------
    printed : mapping of str to number or str
        The printed figures: ``"total"``, ``"grade"``, components' points by
        name (``"Perencanaan Kinerja": "27,75"``) and sub-components' points
        by key.  Give numbers as printed text (``"27,50"``) to keep the
        decimals printed.
    scheme : Scheme
        The LKE scheme (:func:`lke_scheme`).
    score : LkeScore, optional
        The scored answers.  With it every figure is recomputed from the
        answers; without it, a component from its printed sub-components,
        the total from the components, and the grade from the total.

    Returns
    -------
    tuple of LkePrintedFigure
        One per printed figure, in the order given.

    Notes
    -----
    A figure recomputed from the answers agrees when it rounds (half up, to
    the printed decimals) to the printed one.  A sum of printed, rounded
    parts agrees when it lies within the parts' and the figure's rounding
    (half a unit of the last printed decimal each) of the printed figure.
    The grade is the band of the expected total (PermenPAN-RB 88/2021, AA >
    90–100, ...); a component printed above its weight never agrees.

    Examples
    --------
    >>> import kinerja
    >>> scheme = kinerja.lke_scheme(2024)
    >>> checked = kinerja.lke_check_printed(
    ...     {"Perencanaan Kinerja": "24,50", "Pengukuran Kinerja": "20,10",
    ...      "Pelaporan Kinerja": "10,00", "Evaluasi Akuntabilitas Kinerja Internal": "15,00",
    ...      "total": "70,60", "grade": "BB"}, scheme=scheme)
    >>> [(f.figure, f.presented, f.agrees) for f in checked[-2:]]
    [('total', Decimal('69.60'), False), ('grade', 'B', False)]
    """
    if not isinstance(printed, Mapping):
        raise InvalidTypeError("give the printed figures as a mapping of figure to value",
                               field="printed", value=printed,
                               fix="e.g. {'total': '70,60', 'grade': 'BB'}")
    if score is not None and (not isinstance(score, LkeScore) or score.scheme != scheme):
        raise InvalidValueError("the score is not of this scheme", field="score",
                                fix="give the LkeScore of kinerja.lke_score(answers, "
                                "scheme=scheme)")
    names = {aspect.name.casefold(): aspect.name for aspect in scheme.aspects}
    keys = {c.key for c in scheme.components}
    numbers: dict[str, Decimal] = {}
    order: list[str] = []
    grade: str | None = None
    for figure, value in printed.items():
        if figure == "grade":
            if not isinstance(value, str) or not value.strip():
                raise InvalidTypeError("a grade is text", field="printed[grade]", value=value,
                                       fix="write the grade as printed, e.g. 'BB'")
            grade = value.strip().upper()
            order.append("grade")
            continue
        name = names.get(figure.casefold()) if isinstance(figure, str) else None
        if figure != "total" and name is None and figure not in keys:
            raise InvalidValueError(
                f"no such figure of {scheme.label}", field="printed", value=figure,
                fix="use 'total', 'grade', a component's name or a sub-component's key")
        numbers[name or figure] = to_decimal(value, field=f"printed[{figure}]")
        order.append(name or figure)
    expected = _expected(scheme, score, numbers)
    return tuple(_grade(scheme, grade, numbers, expected) if figure == "grade" and grade
                 else _compare(scheme, figure, numbers[figure], *expected[figure])
                 for figure in order)


def _expected(scheme: Scheme, score: LkeScore | None, numbers: Mapping[str, Decimal]
              ) -> dict[str, tuple[Decimal | None, Decimal | None, str]]:
    """Per figure (and the total): (expected, rounding slack of its parts or None, rule)."""
    weights = scheme.weights
    found: dict[str, tuple[Decimal | None, Decimal | None, str]] = {}
    if score is not None:
        for key, item in score.result.components.items():
            found[key] = (item.weighted, None, "recomputed from the answers")
        for name, points in score.components.items():
            found[name] = (points, None, "recomputed from the answers")
        found["total"] = (score.total, None, "recomputed from the answers")
        return found
    for key in weights:
        found[key] = (None, None, "a sub-component's points follow from its answers only")
    component_totals: list[tuple[Decimal, Decimal]] = []
    for aspect in scheme.aspects:
        parts = [numbers.get(key) for key in aspect.components]
        if all(part is not None for part in parts):
            found[aspect.name] = _sum([p for p in parts if p is not None], "the sum of its "
                                      "printed sub-components' points")
        else:
            found[aspect.name] = (None, None, "not all of its sub-components are printed")
        value, slack, _ = found[aspect.name]
        if aspect.name in numbers:
            component_totals.append((numbers[aspect.name], _half_unit(numbers[aspect.name])))
        elif value is not None and slack is not None:
            component_totals.append((value, slack))
    if len(component_totals) == len(scheme.aspects) and scheme.aspects:
        with exact():
            total = sum((value for value, _ in component_totals), Decimal(0))
            slack = sum((s for _, s in component_totals), Decimal(0))
        found["total"] = (total, slack, "the sum of the printed components' points")
    else:
        found["total"] = (None, None, "not every component's points are printed")
    return found


def _sum(parts: list[Decimal], rule: str) -> tuple[Decimal, Decimal, str]:
    with exact():
        return (sum(parts, Decimal(0)), sum((_half_unit(p) for p in parts), Decimal(0)), rule)


def _half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last printed decimal: how far a printed figure may lie from its own."""
    return Decimal(5).scaleb(-decimal_places(value) - 1)


def _compare(scheme: Scheme, figure: str, printed: Decimal, expected: Decimal | None,
             slack: Decimal | None, rule: str) -> LkePrintedFigure:
    places = decimal_places(printed)
    most = _most(scheme, figure)
    if most is not None and printed > most:
        return LkePrintedFigure(figure=figure, printed=printed, expected=expected,
                                places=places, agrees=False,
                                rule=f"printed above its weight {format_trace(most)}")
    if expected is None:
        agrees = None
    elif slack is None:
        agrees = round_half_up(expected, places) == printed
    else:
        with exact():
            agrees = abs(printed - expected) <= slack + _half_unit(printed)
        rule += f" (within {format_trace(slack + _half_unit(printed))} of rounding)"
    return LkePrintedFigure(figure=figure, printed=printed, expected=expected, places=places,
                            agrees=agrees, rule=rule)


def _most(scheme: Scheme, figure: str) -> Decimal | None:
    """The most points *figure* can have: its weight (share of the 100-point score)."""
    weights = scheme.weights
    with exact():
        if figure in weights:
            return weights[figure] * _HUNDRED / scheme.total_weight
        for aspect in scheme.aspects:
            if aspect.name == figure:
                return sum((weights[k] for k in aspect.components), Decimal(0)) * _HUNDRED \
                    / scheme.total_weight
    return _HUNDRED


def _grade(scheme: Scheme, grade: str, numbers: Mapping[str, Decimal],
           expected: Mapping[str, tuple[Decimal | None, Decimal | None, str]]
           ) -> LkePrintedFigure:
    categories = [band.category for band in scheme.bands]
    if grade not in categories:
        raise InvalidValueError(f"no such grade in {scheme.label}", field="printed[grade]",
                                value=grade, fix="use one of " + ", ".join(categories))
    total, slack, _ = expected["total"]
    if total is not None:
        band = scheme.band_for(total)
        rule = ("the band of the recomputed total" if slack is None
                else "the band of the sum of the printed components")
    elif "total" in numbers:
        band = scheme.band_for(numbers["total"])
        rule = "the band of the printed total"
    else:
        return LkePrintedFigure(figure="grade", printed=grade, expected=None, places=None,
                                agrees=None, rule="no total is printed or derivable")
    assert band is not None
    return LkePrintedFigure(figure="grade", printed=grade, expected=band.category, places=None,
                            agrees=band.category == grade, rule=rule)
