"""The SAKIP evaluation (LKE) of PermenPAN-RB 88/2021: a scheme in data, scored from answers.

The evaluation form (*lembar kerja evaluasi*, LKE) scores four components,
Perencanaan Kinerja 30, Pengukuran Kinerja 30, Pelaporan Kinerja 15 and
Evaluasi Akuntabilitas Kinerja Internal 25, each split into pemenuhan 20 %,
kualitas 30 % and pemanfaatan 50 % of the component.  The preset
(``presets/lke/lke-2021.toml``) is an ordinary :class:`~kinerja.Scheme` whose
components are the twelve sub-components (weight 30 × 20 % = 6, ...) and
whose aspects are the four components; its grades AA–D are bands whose lower
bound is excluded, as the regulation writes them (AA > 90–100).

A criterion is answered Y/T or on the A–E scale (the A–D scale of some local
apps is a named alternative, ``presets/lke/scales.toml``); a sub-component
scores the mean of its answers.  :func:`lke_score` computes every figure and
names every point lost.  Rules and worked examples: docs page *SAKIP
evaluation (LKE)* (``docs/schemes/lke.md``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, TypeAlias

import attrs

from kinerja.core._data import read_data
from kinerja.core._frozen import FrozenMap, freeze
from kinerja.core._input import exact, to_year
from kinerja.core._notation import format_number, format_trace
from kinerja.core._options import check_choice
from kinerja.core._rounding import round_half_up
from kinerja.core._toml import read_toml
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidTypeError, InvalidValueError
from kinerja.schemes._file import scheme_from_mapping
from kinerja.schemes._lke_answers import read_answers
from kinerja.schemes._parts import BAND_BOUNDARIES, BandBoundary
from kinerja.schemes._progress import ProgressScale
from kinerja.schemes._rational import decimal_of, score_fractions
from kinerja.schemes._scheme import Scheme
from kinerja.schemes._scoring import ScoreResult

__all__ = ["LKE_SCALES", "LkeLoss", "LkeScale", "LkeScore", "answer_levels", "lke_answer_scale",
           "lke_scheme", "lke_score"]

LkeScale: TypeAlias = Literal["A-E", "A-D"]
#: The letter scales a criterion may be answered on: the regulation's A–E, and the A–D
#: scale of some local evaluation apps (a named alternative).  Y/T is always accepted.
LKE_SCALES: tuple[str, ...] = ("A-E", "A-D")
_YES_NO = "Y/T"
_HUNDRED = Decimal(100)

#: The preset files, oldest first.
_LKE_FILES = ("lke-2021.toml",)
_FOLDER = "lke"


def _text(filename: str) -> str:
    return read_data("schemes", "presets", _FOLDER, filename)


@functools.cache
def _preset(filename: str) -> Scheme:
    return scheme_from_mapping(read_toml(_text(filename), origin=filename), origin=filename)


@functools.cache
def _scales_file() -> dict[str, Any]:
    return read_toml(_text("scales.toml"), origin="lke/scales.toml")


def lke_scheme(year: int, *, band_boundary: BandBoundary | None = None) -> Scheme:
    """Return the SAKIP evaluation (LKE) scheme in force in *year*.

    Parameters
    ----------
    year : int
        The year of the evaluation (2021 or later: PermenPAN-RB 88/2021).
    band_boundary : {"low_exclusive", "low_inclusive"}, optional
        Override which end of a grade band belongs to it.  The preset
        follows the regulation's text, "AA > 90–100": a score of exactly 90
        is A (``"low_exclusive"``); some evaluation apps grade it AA
        (``"low_inclusive"``).

    Notes
    -----
    Components (PermenPAN-RB 88/2021): Perencanaan Kinerja 30, Pengukuran
    Kinerja 30, Pelaporan Kinerja 15, Evaluasi Akuntabilitas Kinerja Internal
    25; each split into pemenuhan 20 %, kualitas 30 %, pemanfaatan 50 %.
    Grades: AA > 90–100, A > 80–90, BB > 70–80, B > 60–70, CC > 50–60,
    C > 30–50, D 0–30, judged on the score rounded half up to 2 places.
    Docs page *SAKIP evaluation (LKE)*.

    Examples
    --------
    >>> import kinerja
    >>> scheme = kinerja.lke_scheme(2024)
    >>> scheme.label
    'LKE SAKIP 2021– (PermenPAN-RB 88/2021)'
    >>> scheme.weights["perencanaan_kualitas"], scheme.weights["evaluasi_pemanfaatan"]
    (Decimal('9'), Decimal('12.5'))
    >>> scheme.band_for(90).category, kinerja.lke_scheme(2024, band_boundary="low_inclusive"
    ...                                                   ).band_for(90).category
    ('A', 'AA')
    """
    year = to_year(year)
    for filename in _LKE_FILES:
        scheme = _preset(filename)
        if scheme.applies_to(year):
            break
    else:
        raise InvalidValueError("kinerja has no LKE scheme for this year", field="year",
                                value=year, fix="the LKE preset starts in 2021 (PermenPAN-RB "
                                "88/2021); for an earlier year write the scheme as TOML")
    if band_boundary is None:
        return scheme
    check_choice(band_boundary, BAND_BOUNDARIES, "band_boundary", what="band boundary")
    return attrs.evolve(scheme, band_boundary=band_boundary)


def lke_answer_scale(name: str = "A-E") -> ProgressScale:
    """Return an LKE answer scale: ``"Y/T"``, ``"A-E"`` (the regulation's) or ``"A-D"``.

    Each answer's value is in percent of the criterion's full value
    (PermenPAN-RB 88/2021: Y = 1, T = 0; A = 1, B = 0,75, C = 0,5, D = 0,25,
    E = 0).  ``"A-D"`` (1; 0,66; 0,33; 0) is not the regulation's: some local
    evaluation apps use it.

    Examples
    --------
    >>> import kinerja
    >>> kinerja.lke_answer_scale().levels
    FrozenMap({'A': Decimal('100'), 'B': Decimal('75'), 'C': Decimal('50'), 'D': Decimal('25'), \
'E': Decimal('0')})
    >>> kinerja.lke_answer_scale("A-D").value("b")
    Decimal('66')
    """
    scales = _scales_file()["scales"]
    check_choice(name, tuple(scales), "scale", what="LKE answer scale")
    return ProgressScale(name=f"LKE {name}", levels=scales[name],
                         source=_scales_file()["source"], notes=_scales_file()["notes"])


def answer_levels(scale: Any) -> dict[str, Decimal]:
    """The value (percent) of every answer on *scale*: the Y/T letters and the scale's."""
    check_choice(scale, LKE_SCALES, "scale", what="LKE answer scale")
    return dict(lke_answer_scale(_YES_NO).levels) | dict(lke_answer_scale(scale).levels)


def _grade_names() -> dict[str, str]:
    names: dict[str, str] = _scales_file()["grades"]
    return names


def _texts(value: Mapping[str, Mapping[str, str]]) -> FrozenMap[str, FrozenMap[str, str]]:
    return freeze({key: freeze(answers) for key, answers in value.items()})


def _losses(value: Sequence[LkeLoss]) -> tuple[LkeLoss, ...]:
    return tuple(value)


@checked
@attrs.frozen(kw_only=True)
class LkeLoss:
    """The points one criterion's answer lost.

    Attributes
    ----------
    subcomponent : str
        The sub-component's key (``"perencanaan_kualitas"``).
    criterion : str
        The criterion, as the form numbers it (``"1.b.3"``).
    answer : str
        The answer (``"C"``).
    value : Decimal
        The answer's value as a fraction of the criterion (0,5 for C).
    weight : Decimal
        The criterion's weight in points of the 100-point score: the
        sub-component's weight shared among its criteria.
    points : Decimal
        The points lost: (1 − value) × weight.

    Examples
    --------
    >>> from decimal import Decimal
    >>> LkeLoss(subcomponent="perencanaan_kualitas", criterion="1.b.3", answer="C",
    ...         value=Decimal("0.5"), weight=Decimal("0.6"), points=Decimal("0.3")).text
    'criterion 1.b.3 answered C: −0,5 × weight 0,6 = −0,3'
    """

    subcomponent: str
    criterion: str
    answer: str
    value: Decimal
    weight: Decimal
    points: Decimal

    @property
    def text(self) -> str:
        """``"criterion 1.b.3 answered C: −0,5 × weight 0,6 = −0,3"``."""
        with exact():
            short = 1 - self.value
        return (f"criterion {self.criterion} answered {self.answer}: −{format_trace(short)} × "
                f"weight {format_trace(self.weight)} = −{format_trace(self.points)}")


@checked
@attrs.frozen(kw_only=True)
class LkeScore:
    """One set of LKE answers scored: every figure, the grade, and every point lost.

    Made by :func:`lke_score`.  All figures are exact Decimals on the
    100-point scale; present them with :func:`kinerja.round_half_up`.

    Attributes
    ----------
    scheme : Scheme
        The LKE scheme applied.
    scale : str
        The letter scale of the answers (``"A-E"`` or ``"A-D"``).
    answers : FrozenMap of str to FrozenMap of str to str
        Each sub-component's answers by criterion, as read (upper case).
    result : ScoreResult
        The scheme's score of the sub-component scores (0–100 each): the
        weighted values, the four components as aspects, the total, the
        grade and its trace.
    losses : tuple of LkeLoss
        Every criterion that lost points, in the order of the answers.

    >>> import kinerja
    >>> scheme = kinerja.lke_scheme(2024)
    >>> score = kinerja.lke_score({k: {"1": "A"} for k in scheme.weights}, scheme=scheme)
    >>> score.total, score.grade
    (Decimal('100'), 'AA')
    """

    scheme: Scheme = attrs.field(repr=False)
    scale: str
    answers: FrozenMap[str, FrozenMap[str, str]] = attrs.field(converter=_texts, repr=False)
    result: ScoreResult = attrs.field(repr=False)
    losses: tuple[LkeLoss, ...] = attrs.field(converter=_losses, repr=False)

    @property
    def total(self) -> Decimal:
        """The score, 0–100 (Nilai Akhir of the scheme)."""
        return self.result.final

    @property
    def presented(self) -> Decimal:
        """The score as printed: rounded half up to 2 places."""
        return round_half_up(self.result.final, 2)

    @property
    def grade(self) -> str | None:
        """The grade (AA, A, BB, B, CC, C, D), or ``None`` for a scheme without bands."""
        return self.result.category

    @property
    def grade_name(self) -> str | None:
        """The grade's name: AA Sangat Memuaskan, ..., D Sangat Kurang."""
        return None if self.grade is None else _grade_names().get(self.grade)

    @property
    def subcomponents(self) -> FrozenMap[str, Decimal | None]:
        """Each sub-component's score, 0–100: the mean of its answers in percent."""
        return freeze({key: item.nilai for key, item in self.result.components.items()})

    @property
    def components(self) -> FrozenMap[str, Decimal]:
        """Each component's points (of its weight): the sum of its sub-components' points."""
        points = {}
        with exact():
            for aspect in self.scheme.aspects:
                parts = (self.result.components[key].weighted for key in aspect.components)
                points[aspect.name] = sum((p for p in parts if p is not None), Decimal(0))
        return freeze(points)

    @property
    def points_lost(self) -> Decimal:
        """The points lost over all criteria: 100 − total when every sub-component applies."""
        with exact():
            return sum((loss.points for loss in self.losses), Decimal(0))

    def explain(self) -> str:
        """The derivation: each sub-component's mean, the scheme's trace, every point lost."""
        lines = [f"{self.scheme.label}, answers on the Y/T and {self.scale} scales"]
        total_weight = format_trace(self.scheme.total_weight)
        for item in self.result.components.values():
            if item.nilai is None or item.weighted is None:
                lines.append(f"{item.name}: not applicable")
                continue
            answers = self.answers[item.key]
            shown = ", ".join(answers.values())
            lines.append(f"{item.name}: mean of {len(answers)} answers ({shown}) = "
                         f"{format_trace(item.nilai)} % × bobot {format_trace(item.weight)} / "
                         f"{total_weight} = {format_trace(item.weighted)}")
        weights = self.scheme.weights
        for aspect in self.scheme.aspects:
            parts = [self.result.components[key].weighted for key in aspect.components]
            with exact():
                most = sum((weights[key] for key in aspect.components), Decimal(0))
            terms = " + ".join(format_trace(p) for p in parts if p is not None)
            lines.append(f"{aspect.name} = {terms} = "
                         f"{format_trace(self.components[aspect.name])} of {format_trace(most)}")
        terms = " + ".join(format_trace(points) for points in self.components.values())
        lines.append(f"Total = {terms} = {format_trace(self.result.total)}")
        if self.result.weight_base != _HUNDRED:
            lines.append(f"Nilai Akhir = Total / Konversi Bobot × 100 = "
                         f"{format_trace(self.result.total)} / "
                         f"{format_trace(self.result.weight_base)} × 100 = "
                         f"{format_trace(self.total)}")
        band = self.result.band
        if band is not None:
            closed = band is self.scheme.bands[
                0 if self.scheme.band_boundary == "low_exclusive" else -1]
            judged = self.scheme.judged_figure(self.total)
            basis = (f"judged on {format_number(judged, self.scheme.category_places)} (rounded "
                     f"half up to {self.scheme.category_places} places)"
                     if self.scheme.category_basis == "presented"
                     else f"judged on the exact score {format_trace(judged)}")
            name = f" ({self.grade_name})" if self.grade_name else ""
            described = band.describe(closed=closed, boundary=self.scheme.band_boundary)
            lines.append(f"Grade {described.replace(':', name + ':', 1)}, {basis}")
        if self.losses:
            lines.append(f"Points lost ({format_trace(self.points_lost)}):")
            lines += [loss.text for loss in self.losses]
        else:
            lines.append("No point lost.")
        return "\n".join(lines)


def lke_score(answers: Mapping[str, Any], *, scheme: Scheme, scale: LkeScale = "A-E",
              criteria: Mapping[str, Sequence[str]] | None = None) -> LkeScore:
    """Score one set of LKE answers: sub-components, components, total, grade, points lost.

    Parameters
    ----------
    answers : mapping of str to mapping of str to str
        For each sub-component key of *scheme* (``"perencanaan_pemenuhan"``,
        ...), its criteria's answers by criterion (``{"1.a.1": "Y",
        "1.a.2": "B"}``): ``"Y"``/``"T"`` or a letter of *scale*.  A
        sub-component that may be not applicable can be given
        :data:`~kinerja.NOT_APPLICABLE`.
    scheme : Scheme
        The LKE scheme (:func:`lke_scheme`), or one read from a file.
    scale : {"A-E", "A-D"}, default "A-E"
        The letter scale: the regulation's A–E, or the A–D scale of some
        local apps (:func:`lke_answer_scale`).
    criteria : mapping of str to sequence of str, optional
        The form's criteria of each sub-component: every one must be
        answered, and no other.

    Returns
    -------
    LkeScore

    Raises
    ------
    MissingValueError
        A sub-component without answers, an answer ``None``, or a criterion
        of *criteria* not answered: missing is never scored 0.
    InvalidValueError
        An unknown sub-component or criterion, or an answer not on the scale.

    Notes
    -----
    A sub-component's score is the mean of its answers' values, in percent
    (Y = 100, T = 0; A = 100, B = 75, C = 50, D = 25, E = 0); its points are
    score × weight / 100, and a criterion's weight is the sub-component's
    weight divided by the number of its criteria.  A component's points are
    the sum of its sub-components', the total the sum of all
    (PermenPAN-RB 88/2021; docs page *SAKIP evaluation (LKE)*).  A criterion
    answered below the top loses (1 − value) × its weight.

    Examples
    --------
    >>> import kinerja
    >>> scheme = kinerja.lke_scheme(2024)
    >>> answers = {key: {"1": "A", "2": "A"} for key in scheme.weights}
    >>> answers["perencanaan_kualitas"] = {"1.b.1": "A", "1.b.2": "B", "1.b.3": "C"}
    >>> result = kinerja.lke_score(answers, scheme=scheme)
    >>> result.subcomponents["perencanaan_kualitas"], result.total, result.grade
    (Decimal('75'), Decimal('97.75'), 'AA')
    >>> [loss.text for loss in result.losses]
    ['criterion 1.b.2 answered B: −0,25 × weight 3 = −0,75', \
'criterion 1.b.3 answered C: −0,5 × weight 3 = −1,5']
    """
    if not isinstance(scheme, Scheme):
        raise InvalidTypeError(f"expected a kinerja.Scheme, not {type(scheme).__name__}",
                               field="scheme", value=scheme, fix="give kinerja.lke_scheme(year)")
    levels = answer_levels(scale)
    read = read_answers(answers, scheme, levels, criteria)
    nilai: dict[str, Fraction | None] = {}
    losses: list[LkeLoss] = []
    for component in scheme.components:
        given = read[component.key]
        if given is None:
            nilai[component.key] = None
            continue
        numbers = [Fraction(levels[letter]) for letter in given.values()]
        nilai[component.key] = sum(numbers, Fraction(0)) / len(numbers)
        weight = Fraction(component.weight) * 100 / Fraction(scheme.total_weight) / len(numbers)
        for (criterion, letter), number in zip(given.items(), numbers, strict=True):
            if number < 100:
                losses.append(LkeLoss(
                    subcomponent=component.key, criterion=criterion, answer=letter,
                    value=decimal_of(number / 100), weight=decimal_of(weight),
                    points=decimal_of((1 - number / 100) * weight)))
    result = score_fractions(scheme, nilai)
    return LkeScore(scheme=scheme, scale=scale, result=result, losses=losses,
                    answers={key: given for key, given in read.items() if given is not None})
