"""Half-up rounding: ties, an exact Fraction oracle, and the float shortest-repr rule."""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kinerja
from kinerja import round_half_up
from tests.oracle import round_half_up as oracle


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        # Ties go away from zero, unlike round() and numpy.round (half to even).
        (Decimal("2.675"), 2, "2.68"),
        (Decimal("0.125"), 2, "0.13"),
        (Decimal("0.135"), 2, "0.14"),
        (Decimal("2.5"), 0, "3"),
        (Decimal("-2.5"), 0, "-3"),
        (Decimal("99.985"), 2, "99.99"),
        # Not ties.
        (Decimal("2.6749"), 2, "2.67"),
        (Decimal("99.98464"), 2, "99.98"),
        # Floats are taken by their shortest repr: float 2.675 is "2.675", a tie.
        (2.675, 2, "2.68"),
        (99.985, 2, "99.99"),
        (1.005, 2, "1.01"),
    ],
)
def test_ties_and_non_ties(value, places, expected):
    """Hand-checked roundings, including the ties half-even gets wrong."""
    assert round_half_up(value, places) == Decimal(expected)


def test_builtin_round_differs_where_it_should():
    """The reason this function exists: round() and numpy.round give half-even."""
    assert round(2.5) == 2
    assert np.round(0.125, 2) == 0.12
    assert round_half_up(0.125) == Decimal("0.13")


def test_presentation_keeps_places():
    """A rounded Decimal always has exactly `places` decimals (100 → 100.00)."""
    assert str(round_half_up(100)) == "100.00"
    assert str(round_half_up(Decimal("124.8430"), 0)) == "125"


@given(st.fractions(max_denominator=10**6).filter(lambda f: abs(f) < 10**9),
       st.integers(min_value=0, max_value=6))
def test_decimal_path_matches_fraction_oracle(value, places):
    """For exact decimal inputs, the result is the exact half-up rounding."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)  # 28 digits is plenty here
    as_fraction = Fraction(exact)
    assert Fraction(round_half_up(exact, places)) == oracle(as_fraction, places)


@given(st.integers(min_value=-(10**9), max_value=10**9), st.integers(min_value=0, max_value=4))
def test_exact_ties_go_away_from_zero(n, places):
    """Every exact tie n.5 × 10^-places rounds away from zero."""
    tie = Fraction(2 * n + 1, 2 * 10**places)
    value = Decimal(tie.numerator) / Decimal(tie.denominator)
    assert Fraction(round_half_up(value, places)) == oracle(tie, places)


@given(st.lists(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), min_size=1,
                max_size=50),
       st.integers(min_value=0, max_value=4))
def test_float_array_matches_oracle_on_shortest_repr(values, places):
    """Vectorised float rounding equals the exact rounding of each float's shortest repr."""
    result = round_half_up(np.array(values), places)
    for x, got in zip(values, result, strict=True):
        expected = oracle(Fraction(Decimal(repr(x))), places)
        assert Fraction(Decimal(repr(float(got)))) == expected


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=3))
def test_float_ties_written_short_are_ties(n, places):
    """A float whose shortest repr is a tie (like 2.675) rounds up, as in spreadsheets."""
    text = f"{n}5e-{places + 1}"
    x = float(text)
    expected = oracle(Fraction(Decimal(repr(x))), places)
    got = round_half_up(np.array([x]), places)[0]
    assert Fraction(Decimal(repr(float(got)))) == expected


def test_large_floats_fall_back_exactly():
    """Floats beyond the vectorised range are still rounded by their shortest repr."""
    values = np.array([1e20, 123456789012345.5, -9.5e14, 4.5e14])
    result = round_half_up(values, 0)
    assert result.tolist() == [1e20, 123456789012346.0, -9.5e14, 4.5e14]


@pytest.mark.parametrize(
    ("value", "places"),
    [
        # Scaled magnitudes from 4 × 10^14 on are rounded one by one; ties there go away
        # from zero too (half-even would give ...000, ...002 and .12).
        (400_000_000_000_000.5, 0),
        (-400_000_000_000_002.5, 0),
        (4_000_000_000_000.125, 2),
        (4_503_599_627_370_494.5, 0),
    ],
)
def test_ties_beyond_the_vectorised_range_round_half_up(value, places):
    """Exact float ties above the vectorised range round away from zero, never to even."""
    got = round_half_up(np.array([value, 1.0]), places)[0]
    assert Fraction(repr(float(got))) == oracle(Fraction(repr(value)), places)


@given(st.integers(min_value=4 * 10**14, max_value=2**52 - 1), st.booleans())
def test_large_exact_ties_go_away_from_zero(n, negative):
    """Every tie n + ½ above 4 × 10^14 (exact below 2^52) rounds to n + 1, away from zero."""
    x = -(n + 0.5) if negative else n + 0.5
    got = round_half_up(np.array([x]), 0)[0]
    assert got == (-(n + 1) if negative else n + 1)


def test_masked_array_keeps_mask():
    """Rounding a masked array keeps the missing elements missing."""
    data = np.ma.MaskedArray([2.675, 1.0], mask=[False, True])
    result = round_half_up(data)
    assert result.mask.tolist() == [False, True]
    assert result[0] == 2.68


def test_array_rounding_is_vectorised_not_per_element(monkeypatch):
    """Ordinary magnitudes never reach the per-element Decimal fallback."""
    import kinerja.core._rounding as rounding

    called = []
    original = rounding.Decimal

    class Spy(original):
        def __new__(cls, *args, **kwargs):
            called.append(args)
            return original.__new__(cls, *args, **kwargs)

    monkeypatch.setattr(rounding, "Decimal", Spy)
    round_half_up(np.linspace(0, 1e6, 10_001), 2)
    assert called == []


@pytest.mark.parametrize(
    ("value", "places", "error", "field"),
    [
        (Decimal("NaN"), 2, kinerja.InvalidValueError, "value"),
        (None, 2, kinerja.MissingValueError, "value"),
        (np.array([1.0, np.inf]), 2, kinerja.InvalidValueError, "value"),
        (1.5, -1, kinerja.InvalidValueError, "places"),
        (1.5, 2.0, kinerja.InvalidTypeError, "places"),
        ("99,985", 2, kinerja.AmbiguousNumberError, "value"),
        (Decimal("1e25"), 30, kinerja.InvalidValueError, "value"),
    ],
)
def test_bad_input(value, places, error, field):
    """Bad values and bad places raise kinerja's errors, naming the argument."""
    with pytest.raises(error) as caught:
        round_half_up(value, places)
    assert caught.value.field == field
