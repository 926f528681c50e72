"""Achievement (capaian): PermenPAN-RB 8/2021 examples, the reference report, laws, bad input."""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import kinerja
from kinerja import CAP_120, Polarity, round_half_up
from kinerja.indicators._achievement import formula_used
from tests import oracle
from tests.strategies import counts, figures, polarities, positive_figures

HIGHER = Polarity.HIGHER_IS_BETTER
LOWER = Polarity.LOWER_IS_BETTER


# --- the worked examples of docs/achievement.md, each recomputed by hand --------------

@pytest.mark.parametrize(
    ("realization", "target", "polarity", "places", "expected"),
    [
        # Higher is better, point target: 75 / 60 × 100 = 125.
        (75, 60, HIGHER, 2, "125.00"),
        # Lower is better, mirror: (2 − 66/55) × 100 = (110 − 66) / 55 × 100 = 80.
        (66, 55, LOWER, 2, "80.00"),
        # Range 80–90, higher, R 92 above: 92 / 90 = 1.02222… → 102.2 %.
        (92, (80, 90), HIGHER, 1, "102.2"),
        # Range 80–90, higher, R 70 below: 70 / 80 = 0.875 → 87.5 %.
        (70, (80, 90), HIGHER, 1, "87.5"),
        # Range 80–90, R 85 inside → 100 %.
        (85, (80, 90), HIGHER, 1, "100.0"),
        # Range 7–8 months, lower, R 6.5 below: 2 − 6.5/7 = 2 − 0.92857… = 1.07142… → 107.1 %.
        ("6,5", (7, 8), LOWER, 1, "107.1"),
        # Range 7–8 months, lower, R 9 above: 2 − 9/8 = 2 − 1.125 = 0.875 → 87.5 %.
        (9, (7, 8), LOWER, 1, "87.5"),
        # Range 7–8, lower, R 7.5 inside → 100 %.
        ("7.5", (7, 8), LOWER, 1, "100.0"),
        # Lower is better, R > 2T gives a negative raw achievement: 2 − 150/50 = −1 → −100 %.
        (150, 50, LOWER, 0, "-100"),
    ],
)
def test_spec_worked_examples(realization, target, polarity, places, expected):
    """The formulas and PermenPAN-RB 8/2021's range examples give the hand-computed figures."""
    result = kinerja.achievement(realization, target, polarity=polarity)
    assert round_half_up(result, places) == Decimal(expected)


def test_inverse_method_is_available_by_name():
    """The alternative T / R is used only when named: 55 / 66 × 100 = 83.33 %."""
    result = kinerja.achievement(66, 55, polarity=LOWER, lower_method="inverse")
    assert round_half_up(result) == Decimal("83.33")
    assert kinerja.achievement(66, 55, polarity=LOWER) == Decimal(80)


def test_floor_policy_clamps_negative_raw_achievement():
    """With floor=0, 2 − 150/50 = −1 is reported as 0 %, not −100 %."""
    assert kinerja.achievement(150, 50, polarity=LOWER, floor=0) == 0


def test_zero_target_default_raises_naming_the_policy():
    """R / 0 is undefined: a ZeroTargetError (a ZeroDivisionError) that suggests the policy."""
    with pytest.raises(kinerja.ZeroTargetError, match="zero_target") as caught:
        kinerja.achievement(3, 0, polarity=LOWER)
    assert isinstance(caught.value, ZeroDivisionError)
    assert caught.value.field == "target"


@pytest.mark.parametrize(("realization", "expected"), [(0, 100), (1, 0), ("0,5", 0)])
def test_zero_tolerance_policy(realization, expected):
    """Zero tolerance: target 0 met (100 %) only when nothing happened, else 0 %."""
    result = kinerja.achievement(realization, 0, polarity=LOWER, zero_target="zero_tolerance")
    assert result == expected


def test_zero_tolerance_refuses_higher_is_better():
    """A zero target for a higher-is-better indicator is refused even under zero tolerance."""
    with pytest.raises(kinerja.ZeroTargetError, match="lower-is-better"):
        kinerja.achievement(0, 0, zero_target="zero_tolerance")


def test_zero_over_zero_is_still_undefined_by_default():
    """0 / 0 is not 100 %: the default policy raises even when R = 0."""
    with pytest.raises(kinerja.ZeroTargetError):
        kinerja.achievement(0, 0)


def test_cap_keeps_raw_and_capped():
    """CAP_120 caps the reported figure only; the raw one stays available."""
    raw, capped = kinerja.AchievementPolicy(cap=CAP_120).raw_and_capped(75, 60)
    assert (raw, capped) == (Decimal(125), Decimal(120))


def test_cap_lower_bound():
    """A cap with a lower bound lifts low achievements to it."""
    cap = kinerja.Cap(upper=120, lower=50)
    assert kinerja.achievement(10, 60, cap=cap) == 50


def test_float_input_taken_by_its_shortest_repr():
    """0.1 means Decimal('0.1'): 0.1 / 0.3 × 100 computed exactly, not from binary floats."""
    assert kinerja.achievement(0.1, 0.2) == Decimal(50)
    assert kinerja.achievement(0.3, 0.1) == Decimal(300)


# --- the oracle: the documented formulas in exact Fraction arithmetic (tests/oracle.py) ----

def _close(value, exact):
    """A Decimal computed at 50 digits equals an exact Fraction to 45 significant digits."""
    return abs(Fraction(value) - exact) <= abs(exact) * Fraction(1, 10**45)


@given(figures, positive_figures, st.one_of(st.none(), positive_figures), polarities,
       st.sampled_from(["mirror", "inverse"]), st.one_of(st.none(), st.sampled_from([100, 120])))
def test_scalar_achievement_is_the_oracles(r, low, width, polarity, method, cap):
    """Any realization, point or range target, polarity, method and cap: the oracle's figure."""
    lower = polarity == "lower_is_better"
    assume(not (lower and method == "inverse" and r == 0))
    high = None if width is None else low + width
    target = low if high is None else (low, high)
    raw, capped = kinerja.AchievementPolicy(lower_method=method, cap=cap).raw_and_capped(
        r, target, polarity)
    expected = oracle.achievement(r, low, high, lower=lower, method=method)
    assert _close(raw, expected)
    assert _close(capped, expected if cap is None else oracle.clamp(expected, upper=cap))


@given(st.lists(st.tuples(counts, counts.filter(lambda c: 0 < c <= 10**6), polarities),
                min_size=1, max_size=20))
def test_array_achievement_of_counts_is_the_oracles_correctly_rounded(rows):
    """For counts each array figure is the exact figure rounded once to float64."""
    r = np.array([row[0] for row in rows], dtype=np.float64)
    t = np.array([row[1] for row in rows], dtype=np.float64)
    codes = np.array([1 if row[2] == "higher_is_better" else -1 for row in rows])
    result = kinerja.achievement(r, t, polarity=codes)
    assert result.tolist() == [
        float(oracle.achievement(a, b, lower=p == "lower_is_better")) for a, b, p in rows]


@pytest.mark.parametrize("polarity", [HIGHER, LOWER])
@pytest.mark.parametrize(("r", "inside"), [("79.99", False), (80, True), (85, True), (90, True),
                                           ("90.01", False)])
def test_range_bounds_are_inside_the_range(polarity, r, inside):
    """A range [80, 90] includes its bounds: 80 and 90 score 100 by the range rule."""
    target = kinerja.Target(year=2023, low=80, high=90)
    formula = formula_used(Decimal(r), target, polarity, kinerja.AchievementPolicy())
    outside = "ratio" if polarity is HIGHER else "mirror"
    assert formula.key == ("range_inside" if inside else outside)
    result = kinerja.assess(kinerja.Indicator(code="X", name="x", level="IKK", unit="%",
                                              polarity=polarity),
                            target, kinerja.Realization(year=2023, value=r))
    assert result.formula.key == formula.key
    lower = polarity is LOWER
    assert _close(result.raw, oracle.achievement(r, 80, 90, lower=lower))


def test_a_missing_target_masks_the_row_as_a_missing_realization_does():
    """Masked realization in row 0 and masked target in row 1: both rows are missing."""
    r = np.ma.MaskedArray([75.0, 66.0, 30.0], mask=[True, False, False])
    t = np.ma.MaskedArray([60.0, 55.0, 60.0], mask=[False, True, False])
    result = kinerja.achievement(r, t)
    assert np.ma.getmaskarray(result).tolist() == [True, True, False]
    assert result[2] == float(oracle.achievement(30, 60))


# --- the reference report's seven activity indicators, 2023 -------------------------

REFERENCE_2023 = [
    # code, polarity, target, (numerator, denominator) or value, raw, capped (CAP_120)
    # IKK-1.1 Klien usia produktif bekerja: 994 / 1327 = 0.749058 → R = 74.9058 %;
    # 74.9058 / 60 = 1.248430 → 124.84 %; capped 120 %.  (Printed: 63 %, 75 %, 123 %, 125 %.)
    ("IKK-1.1", HIGHER, 60, (994, 1327), "74.91", "124.84", "120.00"),
    # IKK-1.2 Anak putusan pidana penjara, lower is better: 31 / 47 = 0.659574 → 65.9574 %;
    # 65.9574 / 55 = 1.199226; 2 − 1.199226 = 0.800774 → 80.08 %.  (Printed: 120 %.)
    ("IKK-1.2", LOWER, 55, (31, 47), "65.96", "80.08", "80.08"),
    # IKK-1.3 Klien anak hak pendidikan: 15 / 17 = 0.882353 → 88.2353 %;
    # 88.2353 / 35 = 2.521008 → 252.10 %; capped 120 %.  (Printed: 88,2 %, 96 %, 251 %, 252 %.)
    ("IKK-1.3", HIGHER, 35, (15, 17), "88.24", "252.10", "120.00"),
    # IKK-2.1 … IKK-2.4, counts of "Layanan": 1 / 1 × 100 = 100 %.
    ("IKK-2.1", HIGHER, 1, 1, "1.00", "100.00", "100.00"),
    ("IKK-2.2", HIGHER, 1, 1, "1.00", "100.00", "100.00"),
    ("IKK-2.3", HIGHER, 1, 1, "1.00", "100.00", "100.00"),
    ("IKK-2.4", HIGHER, 1, 1, "1.00", "100.00", "100.00"),
]


@pytest.mark.parametrize(
    ("code", "polarity", "target", "observed", "realization", "raw", "capped"), REFERENCE_2023
)
def test_reference_report_activity_indicators_2023(
    code, polarity, target, observed, realization, raw, capped
):
    """The reference LKjIP's 2023 IKK recomputed from counts with the right polarity."""
    unit = "%" if isinstance(observed, tuple) else "Layanan"
    indicator = kinerja.Indicator(code=code, name=code, level="IKK", unit=unit, polarity=polarity)
    if isinstance(observed, tuple):
        real = kinerja.Realization(year=2023, numerator=observed[0], denominator=observed[1])
    else:
        real = kinerja.Realization(year=2023, value=observed)
    result = kinerja.assess(indicator, kinerja.Target(year=2023, value=target), real,
                            policy=kinerja.AchievementPolicy(cap=CAP_120))
    assert round_half_up(real.value) == Decimal(realization)
    assert round_half_up(result.raw) == Decimal(raw)
    assert round_half_up(result.capped) == Decimal(capped)


# --- the rich result -----------------------------------------------------------------

def _anak():
    return kinerja.Indicator(code="IKK-1.2", name="Anak putusan penjara", level="IKK",
                             unit="%", polarity="semakin rendah semakin baik")


def test_result_explains_itself_in_one_line():
    """explain() names the formula, the inputs, the polarity and the source."""
    result = kinerja.assess(_anak(), kinerja.Target(year=2023, value=55),
                            kinerja.Realization(year=2023, numerator=31, denominator=47))
    line = result.explain("en")
    assert "\n" not in line
    assert "(2 − R / T) × 100" in line
    assert "80.08 %" in line
    assert "31 / 47" in line
    assert "lower is better" in line
    assert "PermenPAN-RB 8/2021" in line
    assert result.status is kinerja.Status.NOT_MET
    assert result.formula.key == "mirror"


def test_missing_realization_gives_missing_status_not_zero():
    """A realization that was not reported gives no figure and status "missing"."""
    result = kinerja.assess(_anak(), kinerja.Target(year=2023, value=55),
                            kinerja.Realization.not_reported(2023, note="belum dilaporkan"))
    assert result.status is kinerja.Status.MISSING
    assert result.raw is None
    assert result.capped is None
    assert "missing is not zero" in result.explain("en")


def test_not_applicable_is_not_missing():
    """NOT_APPLICABLE gives status "not applicable", distinct from "missing"."""
    result = kinerja.assess(_anak(), kinerja.NOT_APPLICABLE, kinerja.Realization(year=2023,
                                                                                 value=10))
    assert result.status is kinerja.Status.NOT_APPLICABLE
    assert result.raw is None


def test_range_inside_formula_is_reported():
    """A realization inside a range target is explained by the range rule."""
    indicator = kinerja.Indicator(code="X", name="x", level="IKK", unit="%")
    result = kinerja.assess(indicator, kinerja.Target(year=2023, low=80, high=90),
                            kinerja.Realization(year=2023, value=85))
    assert result.formula.key == "range_inside"
    assert result.raw == 100
    assert result.status is kinerja.Status.MET


def test_assess_rejects_mismatched_units():
    """A realization stated in "Layanan" cannot be scored against a percent indicator."""
    with pytest.raises(kinerja.UnitMismatchError) as caught:
        kinerja.assess(_anak(), kinerja.Target(year=2023, value=55),
                       kinerja.Realization(year=2023, value=1, unit="Layanan"))
    assert isinstance(caught.value, TypeError)
    assert caught.value.field == "IKK-1.2.realization.unit"


def test_assess_rejects_mismatched_years():
    """Target and realization must be for the same year."""
    with pytest.raises(kinerja.InvalidValueError, match="2022"):
        kinerja.assess(_anak(), kinerja.Target(year=2022, value=60),
                       kinerja.Realization(year=2023, value=10))


def test_assess_names_the_indicator_on_zero_target():
    """A zero target inside assess() names the indicator and year in the error."""
    with pytest.raises(kinerja.ZeroTargetError) as caught:
        kinerja.assess(_anak(), kinerja.Target(year=2023, value=0),
                       kinerja.Realization(year=2023, value=1))
    assert caught.value.field == "IKK-1.2 2023.target"


# --- arrays --------------------------------------------------------------------------

def test_array_per_element_polarity_and_broadcasting():
    """Arrays broadcast and take one polarity per element (codes or names)."""
    r = np.array([[75.0, 66.0], [30.0, 55.0]])
    result = kinerja.achievement(r, np.array([60.0, 55.0]), polarity=np.array([1, -1]))
    expected = np.array([[125.0, 80.0], [50.0, 100.0]])
    np.testing.assert_allclose(result, expected)
    named = kinerja.achievement(r, np.array([60.0, 55.0]), polarity=["positif", "negatif"])
    np.testing.assert_array_equal(named, result)


def test_array_range_targets():
    """Range bounds can be arrays; a point target is the range [T, T]."""
    result = kinerja.achievement(np.array([92.0, 70.0, 85.0, 60.0]),
                                 (np.array([80.0, 80.0, 80.0, 60.0]),
                                  np.array([90.0, 90.0, 90.0, 60.0])))
    np.testing.assert_allclose(result, [920 / 9, 87.5, 100.0, 100.0])


def test_masked_realizations_stay_missing():
    """A masked (missing) realization gives a masked achievement, never 0 or NaN."""
    r = np.ma.masked_invalid([75.0, np.nan, 30.0])
    result = kinerja.achievement(r, 60.0)
    assert isinstance(result, np.ma.MaskedArray)
    assert result.mask.tolist() == [False, True, False]
    assert result.compressed().tolist() == [125.0, 50.0]


def test_integer_array_presents_exactly_like_scalars():
    """For counts, the rounded array figures equal the rounded scalar figures."""
    num = np.array([994, 31, 15, 1, 2469])
    den = np.array([1327, 47, 17, 8, 20000])
    arrays = round_half_up(kinerja.percentage(num, den), 2)
    scalars = [round_half_up(kinerja.percentage(int(a), int(b)), 2) for a, b in zip(num, den,
                                                                                    strict=True)]
    assert [Decimal(repr(float(x))) for x in arrays] == scalars


@given(st.lists(st.tuples(figures, positive_figures, polarities), min_size=1, max_size=20),
       st.sampled_from(["mirror", "inverse"]), st.booleans())
def test_array_equals_scalar(rows, lower_method, capped):
    """The array path gives, element by element, the scalar path's exact value (to float)."""
    if lower_method == "inverse":
        rows = [(r, t, p) for r, t, p in rows if r > 0 or p == "higher_is_better"]
        assume(rows)
    cap = CAP_120 if capped else None
    r = np.array([float(row[0]) for row in rows])
    t = np.array([float(row[1]) for row in rows])
    codes = np.array([Polarity.parse(row[2]).code for row in rows])
    array = kinerja.achievement(r, t, polarity=codes, lower_method=lower_method, cap=cap)
    for (ri, ti, pi), value in zip(rows, array, strict=True):
        scalar = kinerja.achievement(ri, ti, polarity=pi, lower_method=lower_method, cap=cap)
        assert value == pytest.approx(float(scalar), rel=1e-12, abs=1e-9)


@given(counts, counts.filter(lambda c: 0 < c <= 10**6), polarities)
def test_integer_inputs_round_identically(r, t, polarity):
    """Integer realizations and targets: presented array figures equal scalar ones exactly."""
    array = kinerja.achievement(np.array([r]), np.array([t]), polarity=polarity)
    scalar = kinerja.achievement(r, t, polarity=polarity)
    assert Decimal(repr(float(round_half_up(array, 2)[0]))) == round_half_up(scalar, 2)


# --- laws ----------------------------------------------------------------------------

@given(figures, figures, positive_figures, polarities)
def test_monotonic_in_realization_in_the_good_direction(r1, r2, t, polarity):
    """A better realization never gives a lower achievement (either polarity)."""
    low, high = sorted((r1, r2))
    a_low = kinerja.achievement(low, t, polarity=polarity)
    a_high = kinerja.achievement(high, t, polarity=polarity)
    if polarity == "higher_is_better":
        assert a_high >= a_low
    else:
        assert a_high <= a_low


@given(figures, figures, positive_figures, positive_figures, polarities)
def test_monotonic_with_range_targets(r1, r2, a, b, polarity):
    """Monotonicity also holds against a range target."""
    low, high = sorted((r1, r2))
    target = tuple(sorted((a, b)))
    a_low = kinerja.achievement(low, target, polarity=polarity)
    a_high = kinerja.achievement(high, target, polarity=polarity)
    assert (a_high >= a_low) if polarity == "higher_is_better" else (a_high <= a_low)


@given(figures, positive_figures, polarities)
def test_met_exactly_when_realization_is_on_the_good_side(r, t, polarity):
    """Achievement ≥ 100 % exactly when R reaches the target in the good direction."""
    result = kinerja.achievement(r, t, polarity=polarity)
    good = r >= t if polarity == "higher_is_better" else r <= t
    assert (result >= 100) == good


@given(figures, positive_figures, polarities,
       st.decimals(min_value=1, max_value=500, places=2))
def test_capped_never_exceeds_cap_and_raw_kept(r, t, polarity, upper):
    """The capped figure is min(raw, cap); raw is untouched by the cap."""
    policy = kinerja.AchievementPolicy(cap=kinerja.Cap(upper=upper))
    raw, capped = policy.raw_and_capped(r, t, polarity)
    assert raw == kinerja.achievement(r, t, polarity=polarity)
    assert capped == min(raw, upper)


# --- bad input -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("realization", "target", "error", "builtin"),
    [
        (None, 60, kinerja.MissingValueError, ValueError),
        (float("nan"), 60, kinerja.InvalidValueError, ValueError),
        (float("inf"), 60, kinerja.InvalidValueError, ValueError),
        (Decimal("NaN"), 60, kinerja.InvalidValueError, ValueError),
        (-1, 60, kinerja.InvalidValueError, ValueError),
        (75, -60, kinerja.InvalidValueError, ValueError),
        ("tujuh puluh", 60, kinerja.NumberFormatError, ValueError),
        ("4,100", 60, kinerja.AmbiguousNumberError, ValueError),
        (True, 60, kinerja.InvalidTypeError, TypeError),
        (object(), 60, kinerja.InvalidTypeError, TypeError),
        (75, 0, kinerja.ZeroTargetError, ZeroDivisionError),
        (75, (90, 80), kinerja.InvalidValueError, ValueError),
        (np.array([75.0, np.nan]), 60, kinerja.InvalidValueError, ValueError),
        (np.array([75.0, 1.0]), np.array([60.0, 0.0]), kinerja.ZeroTargetError,
         ZeroDivisionError),
        (np.array([75.0, -1.0]), 60, kinerja.InvalidValueError, ValueError),
        (np.array([True, False]), 60, kinerja.InvalidTypeError, TypeError),
        (np.array(["75", None], dtype=object), 60, kinerja.MissingValueError, ValueError),
        (np.array([1.0, 2.0]), np.array([1.0, 2.0, 3.0]), kinerja.InvalidValueError, ValueError),
    ],
)
def test_bad_input_raises_library_errors(realization, target, error, builtin):
    """Every kind of bad input raises kinerja's own error, also a matching built-in."""
    with pytest.raises(error) as caught:
        kinerja.achievement(realization, target)
    assert isinstance(caught.value, kinerja.KinerjaError)
    assert isinstance(caught.value, builtin)
    assert caught.value.field


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"polarity": "naik turun"}, "polarity"),
        ({"polarity": [1, 0]}, "polarity"),
        ({"lower_method": "2-R/T"}, "lower_method"),
        ({"zero_target": "ignore"}, "zero_target"),
    ],
)
def test_bad_options_are_named(options, field):
    """Unknown options raise an InvalidValueError that names the option."""
    r = np.array([1.0, 2.0]) if isinstance(options.get("polarity"), list) else 1
    with pytest.raises(kinerja.InvalidValueError) as caught:
        kinerja.achievement(r, 2, **options)
    assert caught.value.field == field


def test_inverse_with_zero_realization_is_undefined():
    """T / 0 is undefined: the inverse method refuses R = 0 with a ZeroDivisionError."""
    with pytest.raises(kinerja.UndefinedRatioError, match="mirror") as caught:
        kinerja.achievement(0, 5, polarity=LOWER, lower_method="inverse")
    assert caught.value.message == "the inverse formula T / R is undefined for a realization of 0"
    assert caught.value.field == "realization"


def test_explanation_never_contradicts_the_status():
    """99.996 % is not met, so it is not shown as 100,00 % but with more decimals."""
    indicator = kinerja.Indicator(code="X", name="x", level="IKK", unit="%")
    result = kinerja.assess(indicator, kinerja.Target(year=2023, value=100),
                            kinerja.Realization(year=2023, value=Decimal("99.996")))
    assert result.status is kinerja.Status.NOT_MET
    assert "capaian 99,996000 %" in result.explain()


# --- formulas at their edges ----------------------------------------------------------------

def test_inverse_leaves_zero_realizations_to_the_other_rules():
    """R = 0 is refused by T / R only where T / R applies: not for R / T nor inside a range."""
    result = kinerja.achievement(np.array([0.0, 5.0, 0.0]),
                                 (np.array([10.0, 10.0, 0.0]), np.array([10.0, 10.0, 5.0])),
                                 polarity=[1, -1, -1], lower_method="inverse")
    # 0 / 10 × 100 = 0; 10 / 5 × 100 = 200; 0 lies in [0, 5]: 100.
    assert result.tolist() == [0.0, 200.0, 100.0]
    assert kinerja.achievement(0, (0, 5), polarity=LOWER, lower_method="inverse") == 100


@pytest.mark.parametrize(("polarity", "key"), [(HIGHER, "ratio"), (LOWER, "mirror")])
def test_a_point_target_met_exactly_is_scored_by_its_formula(polarity, key):
    """R = T against a point target is the polarity's formula giving 100, not a range rule."""
    target = kinerja.Target(year=2023, value=55)
    assert formula_used(Decimal(55), target, polarity, kinerja.AchievementPolicy()).key == key
    result = kinerja.assess(kinerja.Indicator(code="X", name="x", level="IKK", unit="%",
                                              polarity=polarity),
                            target, kinerja.Realization(year=2023, value=55))
    assert (result.formula.key, result.raw) == (key, 100)


@pytest.mark.parametrize(
    ("bounds", "field", "message"),
    [
        ({"upper": 0}, "cap.upper", "must be positive"),
        ({"upper": -1}, "cap.upper", "must be positive"),
        ({"upper": 120, "lower": -1}, "cap.lower", "must not be negative"),
        ({"upper": 100, "lower": 101}, "cap.lower", "the lower bound exceeds the upper bound"),
    ],
)
def test_bad_cap_bounds_are_named(bounds, field, message):
    """A cap's upper bound is positive, its lower bound not negative and not above it."""
    with pytest.raises(kinerja.InvalidValueError) as caught:
        kinerja.Cap(**bounds)
    assert (caught.value.field, caught.value.message) == (field, message)
    given = bounds["lower"] if field == "cap.lower" else bounds["upper"]
    assert caught.value.value == given


@pytest.mark.parametrize(("lower", "value"), [(0, 0), ("0,5", Fraction(1, 2)), (100, 100)])
def test_cap_lower_bounds_from_zero_to_the_upper_bound(lower, value):
    """A lower bound of 0, of 0.5 or equal to the upper bound (100) is a valid cap."""
    cap = kinerja.Cap(upper=100, lower=lower)
    assert cap.lower == value
    assert kinerja.achievement(0, 60, cap=cap) == value


@pytest.mark.parametrize("value", [[120], True, {"upper": 120}])
def test_a_cap_is_a_cap_or_a_number(value):
    """A list, a bool or a mapping is not a cap: the error says what a cap is, and how."""
    with pytest.raises(kinerja.InvalidTypeError) as caught:
        kinerja.achievement(75, 60, cap=value)
    assert (caught.value.message, caught.value.field, caught.value.value, caught.value.fix) == (
        "a cap is a kinerja.Cap or a number", "cap", value,
        "pass cap=kinerja.CAP_120, cap=120 or cap=kinerja.Cap(...)")
    with pytest.raises(kinerja.NumberFormatError) as caught:
        kinerja.achievement(75, 60, cap="seratus")
    assert caught.value.field == "cap"


def test_caps_describe_themselves():
    """Explanations say "capped at 120 % (konversi 120 %)", or the range of a two-sided cap."""
    assert CAP_120.describe() == "capped at 120 % (konversi 120 %)"
    assert kinerja.Cap(upper=110, lower="0,5").describe() == "capped at 0.5–110 %"


def test_a_policy_computes_under_its_conventions():
    """AchievementPolicy.achievement applies its method, zero-target policy, cap and floor."""
    policy = kinerja.AchievementPolicy(lower_method="inverse", zero_target="zero_tolerance",
                                       cap=kinerja.Cap(upper=90))
    r = oracle.exact(31) * 100 / 47
    # T / R = 55 / 65.957… × 100 = 83.39 % (the mirror would give 80.08 %), under the cap.
    assert _close(policy.achievement(kinerja.percentage(31, 47), 55, LOWER),
                  oracle.inverse(r, oracle.exact(55)))
    assert policy.achievement(10, 55, LOWER) == 90  # 55 / 10 × 100 = 550, capped at 90
    assert policy.achievement(2, 0, LOWER) == 0  # zero tolerance: a target of 0 missed
    # The floor: (2 × 50 − 150) / 50 × 100 = −100, floored at 0.
    assert kinerja.AchievementPolicy(floor=0).achievement(150, 50, LOWER) == 0


def test_cap_120_is_the_preset():
    """cap=120 is the 120 % convention itself (its name and source), any other number not."""
    assert kinerja.AchievementPolicy(cap=120).cap is CAP_120
    assert kinerja.AchievementPolicy(cap=110).cap.name == "konversi 110 %"


def test_zero_tolerance_names_only_the_higher_is_better_rows():
    """Zero targets in rows 0 (lower is better) and 1 (higher): only row 1 is refused."""
    with pytest.raises(kinerja.ZeroTargetError, match=r"positions \[1\]\."):
        kinerja.achievement(np.array([0.0, 0.0]), np.array([0.0, 0.0]), polarity=[-1, 1],
                            zero_target="zero_tolerance")
