"""The output achievement CKK (PMK 214/PMK.02/2017) as a geometric mean; CK units explicit."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kinerja
from kinerja import efficiency_pmk214, output_achievement_ckk, round_half_up


def test_worked_example_from_the_rounded_ratios():
    """1,22 × 0,80 × 1,42 = 1,38592, whose cube root lies in [1,114925; 1,114935): 111,49 %."""
    product = Fraction("1.22") * Fraction("0.80") * Fraction("1.42")
    assert product == Fraction("1.38592")
    assert Fraction("1.114925") ** 3 < product < Fraction("1.114935") ** 3
    ckk = output_achievement_ckk([Decimal("1.22"), Decimal("0.80"), Decimal("1.42")],
                                 ck_unit="fraction")
    assert round_half_up(ckk) == Decimal("111.49")


@given(st.lists(st.integers(3, 300), min_size=1, max_size=6))
def test_ckk_is_the_geometric_mean(cks):
    """(CKK/100)^n is the product of the ratios; CKK lies between the smallest and largest CK."""
    ckk = output_achievement_ckk(cks)
    product = Fraction(1)
    for ck in cks:
        product *= Fraction(ck, 100)
    relative = abs((Fraction(ckk) / 100) ** len(cks) - product) / product
    assert relative < Fraction(1, 10**45)
    slack = 1 - Fraction(1, 10**45)
    assert min(cks) * slack <= Fraction(ckk) <= max(cks) / slack


def test_a_zero_ck_makes_ckk_zero():
    """An output with no achievement makes the geometric mean 0."""
    assert output_achievement_ckk([100, 0, 120]) == 0


@pytest.mark.parametrize(("call", "field"), [
    (lambda: output_achievement_ckk([1.22, 0.8]), "ck"),
    (lambda: output_achievement_ckk([122, 80], ck_unit="fraction"), "ck"),
    (lambda: output_achievement_ckk([122, 80], ck_unit="ratio"), "ck_unit"),
    (lambda: output_achievement_ckk([]), "ck"),
    (lambda: output_achievement_ckk([100, -1]), "ck[1]"),
    (lambda: efficiency_pmk214([100, 50], [95, 50], [1.22, 0.8]), "ck"),
    (lambda: efficiency_pmk214([100, 50], [95, 50], [122, 80], ck_unit="fraction"), "ck"),
])
def test_ck_written_the_other_way_is_refused(call, field):
    """Ratios given as percent, or percent as ratios, raise an error naming ck (no −7333 %)."""
    with pytest.raises(kinerja.InvalidValueError) as caught:
        call()
    assert caught.value.field == field


def test_efficiency_with_fractions_equals_percent():
    """E from CK as fractions equals E from CK in percent: (100·1,2 − 95)/(100·1,2) = 20,83 %."""
    expected = Fraction(100 * 12 // 10 - 95, 120) * 100
    assert round_half_up(efficiency_pmk214([100], [95], [Decimal("1.2")], ck_unit="fraction")) \
        == round_half_up(Decimal(expected.numerator) / Decimal(expected.denominator)) \
        == round_half_up(efficiency_pmk214([100], [95], [120]))
