"""SAKIP evaluation (LKE, PermenPAN-RB 88/2021): the preset, answers scored, grades, reviews."""

from decimal import Decimal
from fractions import Fraction

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kinerja
from kinerja.schemes import LkeScore

SCHEME = kinerja.lke_scheme(2024)

# By hand from PermenPAN-RB 88/2021 (docs/schemes/lke.md): component weights, then the
# pemenuhan / kualitas / pemanfaatan shares of each.
COMPONENTS = {"perencanaan": ("Perencanaan Kinerja", 30), "pengukuran": ("Pengukuran Kinerja", 30),
              "pelaporan": ("Pelaporan Kinerja", 15),
              "evaluasi": ("Evaluasi Akuntabilitas Kinerja Internal", 25)}
SHARES = {"pemenuhan": Fraction(20, 100), "kualitas": Fraction(30, 100),
          "pemanfaatan": Fraction(50, 100)}
WEIGHTS = {f"{c}_{s}": weight * share for c, (_, weight) in COMPONENTS.items()
           for s, share in SHARES.items()}
VALUES = {"Y": Fraction(1), "T": Fraction(0), "A": Fraction(1), "B": Fraction(3, 4),
          "C": Fraction(1, 2), "D": Fraction(1, 4), "E": Fraction(0)}
A_TO_D = {"Y": Fraction(1), "T": Fraction(0), "A": Fraction(1), "B": Fraction(66, 100),
          "C": Fraction(33, 100), "D": Fraction(0)}
# Grades as the regulation writes them, (low, high] with D closed at 0.
GRADES = [(90, "AA"), (80, "A"), (70, "BB"), (60, "B"), (50, "CC"), (30, "C")]

#: The worked example of docs/schemes/lke.md: the evaluator's answers.
EXAMPLE = {
    "perencanaan_pemenuhan": {"1.a.1": "Y", "1.a.2": "Y", "1.a.3": "Y", "1.a.4": "T"},
    "perencanaan_kualitas": {f"1.b.{i}": "A" for i in range(1, 16)} | {"1.b.3": "C",
                                                                      "1.b.7": "B"},
    "perencanaan_pemanfaatan": {"1.c.1": "A", "1.c.2": "B", "1.c.3": "B", "1.c.4": "C",
                                "1.c.5": "A"},
    "pengukuran_pemenuhan": {"2.a.1": "Y", "2.a.2": "Y", "2.a.3": "Y"},
    "pengukuran_kualitas": {"2.b.1": "B", "2.b.2": "B", "2.b.3": "C", "2.b.4": "A"},
    "pengukuran_pemanfaatan": {"2.c.1": "C", "2.c.2": "C", "2.c.3": "B", "2.c.4": "D"},
    "pelaporan_pemenuhan": {"3.a.1": "Y", "3.a.2": "Y"},
    "pelaporan_kualitas": {"3.b.1": "A", "3.b.2": "B", "3.b.3": "C"},
    "pelaporan_pemanfaatan": {"3.c.1": "B", "3.c.2": "C"},
    "evaluasi_pemenuhan": {"4.a.1": "Y", "4.a.2": "T"},
    "evaluasi_kualitas": {"4.b.1": "B", "4.b.2": "B", "4.b.3": "B"},
    "evaluasi_pemanfaatan": {"4.c.1": "C", "4.c.2": "D"},
}
#: The unit's own answers differ on 2.c.1, 2.c.2, 2.c.4 (all B) and 4.a.2 (Y).
SELF = dict(EXAMPLE, pengukuran_pemanfaatan={f"2.c.{i}": "B" for i in range(1, 5)},
            evaluasi_pemenuhan={"4.a.1": "Y", "4.a.2": "Y"})


def half_up(value, places=2):
    """A non-negative Fraction rounded half up."""
    scale = 10**places
    return Fraction((value * scale + Fraction(1, 2)).__floor__(), scale)


def close(value, exact):
    """A Decimal of the scalar path against the exact Fraction: equal up to its 50 digits."""
    return abs(Fraction(value) - exact) <= Fraction(1, 10**45) * max(1, abs(exact))


def grade(total):
    """The grade of an exact total, judged on its presented figure, lower bound excluded."""
    shown = half_up(total)
    return next((name for low, name in GRADES if shown > low), "D")


def hand(answers, values=VALUES):
    """Each sub-component's points and the total, by hand: mean of the answers × weight."""
    points = {key: sum(values[a] for a in given.values()) / len(given) * WEIGHTS[key]
              for key, given in answers.items()}
    return points, sum(points.values())


def _answers(letters):
    """One criterion per letter in every sub-component."""
    return {key: {str(i): letter for i, letter in enumerate(letters[key], 1)} for key in WEIGHTS}


# --- the preset --------------------------------------------------------------------------------


def test_preset_weights_are_the_components_split():
    """Each sub-component weighs its component's weight × 20 / 30 / 50 %, 100 in all."""
    assert {k: Fraction(v) for k, v in SCHEME.weights.items()} == WEIGHTS
    assert sum(WEIGHTS.values()) == 100 == SCHEME.weight_total
    assert [a.name for a in SCHEME.aspects] == [name for name, _ in COMPONENTS.values()]
    assert SCHEME.regulation == "PermenPAN-RB 88/2021"
    assert [(b.category, b.low, b.high) for b in SCHEME.bands] == [
        ("D", 0, 30), ("C", 30, 50), ("CC", 50, 60), ("B", 60, 70), ("BB", 70, 80),
        ("A", 80, 90), ("AA", 90, 100)]


def test_scheme_round_trips_through_the_file_format():
    """dump_scheme → loads_scheme gives the same LKE scheme, under either boundary policy."""
    for boundary in ("low_exclusive", "low_inclusive"):
        scheme = kinerja.lke_scheme(2024, band_boundary=boundary)
        text = kinerja.dump_scheme(scheme)
        assert kinerja.loads_scheme(text) == scheme
        assert ('band_boundary = "low_exclusive"' in text) == (boundary == "low_exclusive")


def test_a_missing_weight_in_a_file_is_an_error():
    """A sub-component without a weight is reported at its place, never scored with 0."""
    text = kinerja.dump_scheme(SCHEME).replace("weight = 9\n", "", 1)
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.loads_scheme(text)
    fields = [error.field for error in caught.value.exceptions]
    assert "components[1].weight" in fields


def test_years_before_the_regulation_have_no_scheme():
    """2020 predates PermenPAN-RB 88/2021: an error naming the year."""
    with pytest.raises(kinerja.InvalidValueError, match="no LKE scheme") as caught:
        kinerja.lke_scheme(2020)
    assert caught.value.field == "year"
    with pytest.raises(kinerja.InvalidValueError, match="band boundary"):
        kinerja.lke_scheme(2024, band_boundary="above")


# --- grades and the boundary policy ------------------------------------------------------


@pytest.mark.parametrize(("score", "default", "inclusive"), [
    ("0", "D", "D"), ("30", "D", "C"), ("30.01", "C", "C"), ("50", "C", "CC"),
    ("60", "CC", "B"), ("69.995", "B", "BB"), ("70.005", "BB", "BB"), ("70", "B", "BB"),
    ("80", "BB", "A"), ("90", "A", "AA"), ("90.004", "A", "AA"), ("90.005", "AA", "AA"),
    ("100", "AA", "AA")])
def test_grade_boundaries_follow_the_named_policy(score, default, inclusive):
    """AA > 90 by default (90 is A); 'low_inclusive' gives 90 to AA; judged at 2 places."""
    assert SCHEME.band_for(Decimal(score)).category == default
    other = kinerja.lke_scheme(2024, band_boundary="low_inclusive")
    assert other.band_for(Decimal(score)).category == inclusive


def test_trace_states_the_band_as_the_regulation_writes_it():
    """The category line reads 'AA: 90 < x ≤ 100'; the bottom band 'D: 0 ≤ x ≤ 30'."""
    top = SCHEME.score(dict.fromkeys(WEIGHTS, 100))
    assert "AA: 90 < x ≤ 100" in top.explain(lang="en")
    bottom = SCHEME.score(dict.fromkeys(WEIGHTS, 30))
    assert "D: 0 ≤ x ≤ 30" in bottom.explain(lang="en")


# --- the worked example ------------------------------------------------------------------


def test_worked_example_every_figure_by_hand():
    """The docs' example: 25,05 + 20,25 + 11,0625 + 12,8125 = 69,175, printed 69,18, grade B."""
    points, total = hand(EXAMPLE)
    assert points["perencanaan_kualitas"] == Fraction(14_25, 15_00) * 9  # 13 A, 1 B, 1 C
    by_component = {name: sum(v for k, v in points.items() if k.startswith(c))
                    for c, (name, _) in COMPONENTS.items()}
    assert by_component == {"Perencanaan Kinerja": Fraction("25.05"),
                            "Pengukuran Kinerja": Fraction("20.25"),
                            "Pelaporan Kinerja": Fraction("11.0625"),
                            "Evaluasi Akuntabilitas Kinerja Internal": Fraction("12.8125")}
    assert total == Fraction("69.175")
    result = kinerja.lke_score(EXAMPLE, scheme=SCHEME)
    assert result.total == total
    assert result.presented == Decimal("69.18")
    assert result.grade == grade(total) == "B"
    assert result.grade_name == "Baik"
    assert {k: Fraction(v) for k, v in result.components.items()} == by_component
    assert {k: Fraction(v) * WEIGHTS[k] / 100 for k, v in result.subcomponents.items()} == points


def test_a_tie_from_a_mean_of_thirds_rounds_up():
    """Y, T, T is 1/3 of 6 = 2 points exactly: 66,675 prints 66,68, not 66,67."""
    answers = dict(EXAMPLE, perencanaan_pemenuhan={"1.a.1": "Y", "1.a.2": "T", "1.a.3": "T"})
    total = hand(answers)[1]
    assert total == Fraction("66.675")
    assert half_up(total) == Fraction("66.68")
    result = kinerja.lke_score(answers, scheme=SCHEME)
    assert result.total == Decimal("66.675")
    assert result.presented == Decimal("66.68")


def test_every_point_lost_is_named():
    """'criterion 1.b.3 answered C: −0,5 × weight 0,6 = −0,3'; the losses add up to 100 − total."""
    result = kinerja.lke_score(EXAMPLE, scheme=SCHEME)
    texts = [loss.text for loss in result.losses]
    assert "criterion 1.b.3 answered C: −0,5 × weight 0,6 = −0,3" in texts
    assert "criterion 1.b.7 answered B: −0,25 × weight 0,6 = −0,15" in texts
    assert "criterion 1.a.4 answered T: −1 × weight 1,5 = −1,5" in texts
    expected = sum((1 - VALUES[a]) * WEIGHTS[k] / len(given)
                   for k, given in EXAMPLE.items() for a in given.values())
    assert Fraction(result.points_lost) == expected == 100 - Fraction("69.175")
    assert len(result.losses) == sum(1 for given in EXAMPLE.values() for a in given.values()
                                     if a not in ("A", "Y"))
    text = result.explain()
    assert "Perencanaan Kinerja = 4,5 + 8,55 + 12 = 25,05 of 30" in text
    assert "Total = 25,05 + 20,25 + 11,0625 + 12,8125 = 69,175" in text
    assert "Grade B (Baik): 60 < x ≤ 70, judged on 69,18 (rounded half up to 2 places)" in text


def test_the_a_to_d_scale_is_a_named_alternative():
    """scale='A-D' values B at 0,66 and C at 0,33; E does not exist on it."""
    answers = _answers(dict.fromkeys(WEIGHTS, "ABCD"))
    result = kinerja.lke_score(answers, scheme=SCHEME, scale="A-D")
    assert Fraction(result.total) == hand(answers, A_TO_D)[1] == Fraction(4975, 100)
    assert kinerja.lke_score(answers, scheme=SCHEME).total == Decimal("62.5")
    with pytest.raises(kinerja.InvalidValueError, match="not an answer of the scale"):
        kinerja.lke_score(_answers(dict.fromkeys(WEIGHTS, "E")), scheme=SCHEME, scale="A-D")
    with pytest.raises(kinerja.InvalidValueError, match="LKE answer scale"):
        kinerja.lke_score(answers, scheme=SCHEME, scale="1-5")


# --- missing is never 0 ------------------------------------------------------------------


def test_missing_answers_are_errors_never_zero():
    """No answers for a sub-component, an answer None, or a form criterion unanswered."""
    without = {k: v for k, v in EXAMPLE.items() if k != "evaluasi_kualitas"}
    with pytest.raises(kinerja.MissingValueError) as caught:
        kinerja.lke_score(without, scheme=SCHEME)
    assert caught.value.field == "answers[evaluasi_kualitas]"
    unanswered = dict(EXAMPLE, pelaporan_kualitas={"3.b.1": "A", "3.b.2": None})
    with pytest.raises(kinerja.MissingValueError) as caught:
        kinerja.lke_score(unanswered, scheme=SCHEME)
    assert caught.value.field == "answers[pelaporan_kualitas][3.b.2]"
    form = {key: list(given) for key, given in EXAMPLE.items()}
    form["pelaporan_kualitas"] = [*form["pelaporan_kualitas"], "3.b.4"]
    with pytest.raises(kinerja.MissingValueError, match="1 criteria not answered") as caught:
        kinerja.lke_score(EXAMPLE, scheme=SCHEME, criteria=form)
    assert caught.value.value == ["3.b.4"]
    assert kinerja.lke_score(EXAMPLE, scheme=SCHEME, criteria={
        key: list(given) for key, given in EXAMPLE.items()}).total == Decimal("69.175")


@pytest.mark.parametrize(("answers", "error", "field"), [
    ("Y", kinerja.InvalidTypeError, "answers"),
    ({"perencanaan": {}}, kinerja.InvalidValueError, "answers"),
    (dict(EXAMPLE, pelaporan_kualitas={"3.b.1": "F"}), kinerja.InvalidValueError,
     "answers[pelaporan_kualitas][3.b.1]"),
    (dict(EXAMPLE, pelaporan_kualitas={"3.b.1": 1}), kinerja.InvalidTypeError,
     "answers[pelaporan_kualitas][3.b.1]"),
    (dict(EXAMPLE, pelaporan_kualitas={1: "A"}), kinerja.InvalidTypeError,
     "answers[pelaporan_kualitas]"),
    (dict(EXAMPLE, pelaporan_kualitas=["A"]), kinerja.InvalidTypeError,
     "answers[pelaporan_kualitas]"),
])
def test_bad_answers_name_their_place(answers, error, field):
    """Every refusal is a kinerja error naming where the bad answer stands."""
    with pytest.raises(error) as caught:
        kinerja.lke_score(answers, scheme=SCHEME)
    assert caught.value.field == field


def test_answers_are_read_in_any_case():
    """' b ' is B; the letters kept are the upper-case ones."""
    answers = dict(EXAMPLE, pelaporan_pemanfaatan={"3.c.1": " b ", "3.c.2": "c"})
    result = kinerja.lke_score(answers, scheme=SCHEME)
    assert result.total == Decimal("69.175")
    assert dict(result.answers["pelaporan_pemanfaatan"]) == {"3.c.1": "B", "3.c.2": "C"}


# --- the unit's self-assessment beside the evaluator's -------------------------------------


def test_self_assessment_beside_the_evaluator():
    """Self 75,425 (BB) against the evaluator's 69,175 (B): four criteria, −6,25 in all."""
    review = kinerja.lke_evaluation(self_assessment=SELF, evaluator=EXAMPLE, scheme=SCHEME)
    own, other = hand(SELF)[1], hand(EXAMPLE)[1]
    assert own == Fraction("75.425")
    assert other == Fraction("69.175")
    assert (review.self_assessment.total, review.evaluator.total) == (own, other)
    assert (review.self_assessment.grade, review.evaluator.grade) == ("BB", "B")
    assert review.gap == other - own == Fraction("-6.25")
    assert [d.text for d in review.differences] == [
        "criterion 2.c.1: self B, evaluator C: −0,25 × weight 3,75 = −0,9375",
        "criterion 2.c.2: self B, evaluator C: −0,25 × weight 3,75 = −0,9375",
        "criterion 2.c.4: self B, evaluator D: −0,5 × weight 3,75 = −1,875",
        "criterion 4.a.2: self Y, evaluator T: −1 × weight 2,5 = −2,5"]
    assert "Pengukuran Kinerja: self 24, evaluator 20,25, difference −3,75" in review.explain()


def test_self_assessment_must_answer_the_same_form():
    """A criterion answered by one side only is an error naming it."""
    other = dict(EXAMPLE, pelaporan_pemenuhan={"3.a.1": "Y"})
    with pytest.raises(kinerja.InvalidValueError, match="different criteria") as caught:
        kinerja.lke_evaluation(self_assessment=SELF, evaluator=other, scheme=SCHEME)
    assert caught.value.value == ["3.a.2"]


# --- what should have been printed ------------------------------------------------------


def test_printed_figures_checked_against_the_answers():
    """From the answers: 69,18 and B; a printed 69,17 or BB disagrees, a sub-component too."""
    score = kinerja.lke_score(EXAMPLE, scheme=SCHEME)
    checked = kinerja.lke_check_printed(
        {"total": "69,18", "grade": "b", "Pengukuran Kinerja": "20,25",
         "pelaporan_pemanfaatan": "4,69"}, scheme=SCHEME, score=score)
    assert [(f.figure, f.agrees) for f in checked] == [
        ("total", True), ("grade", True), ("Pengukuran Kinerja", True),
        ("pelaporan_pemanfaatan", True)]
    wrong = kinerja.lke_check_printed({"total": "69,17", "grade": "BB"}, scheme=SCHEME,
                                      score=score)
    assert [(f.presented, f.agrees) for f in wrong] == [(Decimal("69.18"), False), ("B", False)]


def test_printed_figures_checked_against_each_other():
    """Without answers: the components' sum within rounding of the total; the grade of the sum."""
    printed = {"Perencanaan Kinerja": "25,05", "Pengukuran Kinerja": "20,25",
               "Pelaporan Kinerja": "11,06", "Evaluasi Akuntabilitas Kinerja Internal": "12,81",
               "total": "69,18", "grade": "BB"}
    checked = {f.figure: f for f in kinerja.lke_check_printed(printed, scheme=SCHEME)}
    # 25,05 + 20,25 + 11,06 + 12,81 = 69,17; each part and the total may be 0,005 off.
    assert checked["total"].expected == Decimal("69.17")
    assert checked["total"].agrees
    assert checked["grade"].expected == "B"
    assert checked["grade"].agrees is False
    assert checked["Perencanaan Kinerja"].agrees is None
    too_far = kinerja.lke_check_printed(dict(printed, total="69,20"), scheme=SCHEME)
    assert [f.agrees for f in too_far if f.figure == "total"] == [False]
    above = kinerja.lke_check_printed({"Pelaporan Kinerja": "15,5"}, scheme=SCHEME)
    assert (above[0].agrees, above[0].rule) == (False, "printed above its weight 15")


def test_printed_check_refuses_unknown_figures():
    """A figure the scheme does not have, or a grade it does not know, is an error."""
    with pytest.raises(kinerja.InvalidValueError, match="no such figure"):
        kinerja.lke_check_printed({"Perencanaan": "25"}, scheme=SCHEME)
    with pytest.raises(kinerja.InvalidValueError, match="no such grade"):
        kinerja.lke_check_printed({"grade": "E"}, scheme=SCHEME)


# --- laws ----------------------------------------------------------------------------------

letters = st.sampled_from("ABCDE")
answer_sets = st.fixed_dictionaries(
    {key: st.lists(letters, min_size=1, max_size=6) for key in WEIGHTS}).map(
        lambda lists: {key: {str(i): a for i, a in enumerate(given, 1)}
                       for key, given in lists.items()})


@given(answer_sets)
def test_total_is_the_hand_sum_and_the_losses_its_complement(answers):
    """Total = Σ mean × weight by hand, within 0–100; total + points lost = 100."""
    result = kinerja.lke_score(answers, scheme=SCHEME)
    total = hand(answers)[1]
    assert close(result.total, total)
    assert Fraction(result.presented) == half_up(total)
    assert 0 <= result.total <= 100
    assert close(result.points_lost, 100 - total)
    assert result.grade == grade(total)


@given(answer_sets, st.sampled_from(sorted(WEIGHTS)), st.data())
def test_a_better_answer_never_lowers_the_score(answers, key, data):
    """Raising one criterion's answer (E → ... → A) never lowers the total or the grade."""
    criterion = data.draw(st.sampled_from(sorted(answers[key])))
    worse = kinerja.lke_score(answers, scheme=SCHEME)
    better = dict(answers, **{key: dict(answers[key], **{criterion: "A"})})
    result = kinerja.lke_score(better, scheme=SCHEME)
    assert result.total >= worse.total
    order = ["D", "C", "CC", "B", "BB", "A", "AA"]
    assert order.index(result.grade) >= order.index(worse.grade)


@given(answer_sets, st.integers(min_value=1, max_value=40))
def test_scaling_the_weights_changes_nothing(answers, factor):
    """Weights and their stated total × k: the same total, components and grade."""
    scheme = attrs.evolve(SCHEME, weight_total=SCHEME.total_weight * factor, components=[
        attrs.evolve(c, weight=c.weight * factor) for c in SCHEME.components])
    scaled = kinerja.lke_score(answers, scheme=scheme)
    plain = kinerja.lke_score(answers, scheme=SCHEME)
    assert (scaled.total, scaled.grade) == (plain.total, plain.grade)
    assert scaled.components == plain.components
    assert [loss.points for loss in scaled.losses] == [loss.points for loss in plain.losses]


@given(answer_sets, answer_sets)
def test_differences_add_up_to_the_gap(own, other):
    """Σ points of the criteria answered differently = evaluator's total − the unit's."""
    same_form = {key: dict(zip(own[key], list(other[key].values()) * 6, strict=False))
                 for key in WEIGHTS}
    review = kinerja.lke_evaluation(self_assessment=own, evaluator=same_form, scheme=SCHEME)
    exact = hand(same_form)[1] - hand(own)[1]
    assert close(sum(Fraction(d.points) for d in review.differences), exact)
    assert close(review.gap, exact)


# Sub-component scores with 3 decimals: totals land on rounding ties (x,xx5) and on grade
# edges (90,00), where batch and scalar must still agree.
subscores = st.decimals(min_value=0, max_value=100, places=3)
edge_rows = st.sampled_from([30, 50, 60, 70, 80, 90]).map(
    lambda edge: dict.fromkeys(WEIGHTS, Decimal(edge)))


@settings(max_examples=60)
@given(st.lists(st.one_of(st.fixed_dictionaries(dict.fromkeys(WEIGHTS, subscores)), edge_rows),
                min_size=1, max_size=6),
       st.sampled_from(["low_exclusive", "low_inclusive"]))
def test_batch_equals_scalar_on_every_figure_and_grade(rows, boundary):
    """score_batch of sub-component scores presents each row's figures and grade exactly."""
    scheme = kinerja.lke_scheme(2024, band_boundary=boundary)
    columns = {key: np.array([float(row[key]) for row in rows]) for key in WEIGHTS}
    batch = scheme.score_batch(columns)
    for i, row in enumerate(rows):
        single = scheme.score(row)
        exact_total = sum(Fraction(row[k]) * WEIGHTS[k] for k in WEIGHTS) / 100
        assert single.final == exact_total
        assert Fraction(kinerja.round_half_up(batch.final[i], 2)) == half_up(exact_total)
        assert batch.category[i] == single.category
        for aspect in scheme.aspects:
            assert kinerja.round_half_up(batch.aspects[aspect.name][i], 2) == \
                kinerja.round_half_up(single.aspects[aspect.name], 2)
        if boundary == "low_exclusive":
            assert single.category == grade(exact_total)


def test_lke_score_refuses_what_is_not_a_scheme():
    """A scheme name or None is refused with the fix."""
    with pytest.raises(kinerja.InvalidTypeError, match="Scheme") as caught:
        kinerja.lke_score(EXAMPLE, scheme="LKE")
    assert caught.value.field == "scheme"
    assert isinstance(kinerja.lke_score(EXAMPLE, scheme=SCHEME), LkeScore)


def test_value_classes_refuse_a_wrong_field():
    """Each LKE value class, rebuilt with an object() in one field, names that field."""
    score = kinerja.lke_score(EXAMPLE, scheme=SCHEME)
    review = kinerja.lke_evaluation(self_assessment=SELF, evaluator=EXAMPLE, scheme=SCHEME)
    printed = kinerja.lke_check_printed({"total": "69,18"}, scheme=SCHEME, score=score)[0]
    for sample in (score, score.losses[0], review, review.differences[0], printed):
        for field in attrs.fields(type(sample)):
            with pytest.raises(kinerja.KinerjaError) as caught:
                attrs.evolve(sample, **{field.alias: object()})
            error = caught.value
            fields = [e.field for e in error.exceptions] if isinstance(
                error, ExceptionGroup) else [error.field]
            assert any(field.name in (f or "") for f in fields), (type(sample), field.name)


@given(st.lists(st.integers(min_value=1, max_value=400), min_size=12, max_size=12),
       st.sampled_from(["low_exclusive", "low_inclusive"]),
       st.sampled_from(["presented", "exact"]))
def test_any_lke_scheme_round_trips_through_the_file_format(tenths, boundary, basis):
    """Weights in tenths, either boundary and basis: dump_scheme → loads_scheme is the same."""
    components = [attrs.evolve(c, weight=Decimal(t) / 10)
                  for c, t in zip(SCHEME.components, tenths, strict=True)]
    scheme = attrs.evolve(SCHEME, components=components, weight_total=Decimal(sum(tenths)) / 10,
                          band_boundary=boundary, category_basis=basis)
    assert kinerja.loads_scheme(kinerja.dump_scheme(scheme)) == scheme
