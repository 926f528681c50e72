"""Rates per N (AKI per 100.000 live births): counts give the rate in its own unit.

Hand computation: 5 maternal deaths in 6.000 live births is 5 / 6.000 × 100.000 =
83,33 per 100.000; against a target of 90 (lower is better, mirror formula)
(2 − 83,33... / 90) × 100 = 107,407... %.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

import kinerja
from kinerja import Unit, UnitKind

REPORT = '''
format = "kinerja-report"
version = 2
year = 2023
[satker]
name = "Dinas Kesehatan Kabupaten Contoh"
[[goals]]
code = "S1"
level = "kegiatan"
name = "Menurunnya kematian ibu"
[[indicators]]
code = "AKI"
name = "Angka Kematian Ibu"
goal = "S1"
unit = "per 100.000 kelahiran hidup"
polarity = "negatif"
targets = { 2023 = 90 }
realizations = { 2023 = { numerator = 5, denominator = 6000 } }
'''


def _printed(text: str, figure: str = "realization") -> str:
    return (f'[[printed]]\nfigure = "{figure}"\nindicator = "AKI"\ntext = "{text}"\n'
            f'where = "Tabel 3.4"\n')


def _oracle() -> tuple[Fraction, Fraction]:
    rate = Fraction(5, 6000) * 100_000
    return rate, (2 - rate / 90) * 100


@pytest.mark.parametrize(("text", "scale", "label"), [
    ("per 100.000 kelahiran hidup", 100_000, "kelahiran hidup"),
    ("per 1.000 penduduk", 1000, "penduduk"),
    ("/1000", 1000, None),
    ("per 100000", 100_000, None),
])
def test_rate_units_are_read_with_their_scale(text, scale, label):
    """'per 100.000 kelahiran hidup' is a rate with scale 100.000 and what it is per."""
    unit = Unit.parse(text)
    assert (unit.kind, unit.scale, unit.label) == (UnitKind.RATE, scale, label)
    assert Unit.parse(str(unit)) == unit


def test_counts_give_the_rate_and_its_achievement():
    """The realization is 5 / 6000 × 100.000, and the achievement the mirror formula of it."""
    rate, achievement = _oracle()
    report = kinerja.loads_report(REPORT)
    value = report.indicator("AKI").realizations[2023].value
    assert abs(Fraction(value) - rate) < Fraction(1, 10**40)
    assert kinerja.round_half_up(report.assess("AKI").raw) == Decimal("107.41")
    assert abs(Fraction(report.assess("AKI").raw) - achievement) < Fraction(1, 10**40)


@pytest.mark.parametrize(("text", "figure", "rules"), [
    ("83,33", "realization", []),
    ("83,3", "realization", []),
    ("83,34", "realization", [("realization-counts", "error")]),
    ("107,41 %", "achievement", []),
    ("0,08 %", "realization", [("unit-mismatch", "error")]),
    ("0,83 per 1.000", "realization", [("unit-mismatch", "error")]),
    ("83,33 per 100.000", "realization", []),
])
def test_printed_rates_are_checked_in_their_own_unit(text, figure, rules):
    """A rate is checked per 100.000; one printed in % or per 1.000 is a unit mismatch."""
    result = kinerja.audit(kinerja.loads_report(REPORT + _printed(text, figure)))
    assert [(f.rule, f.severity.value) for f in result.findings] == rules


def test_a_rate_without_its_scale_is_refused():
    """A rate unit needs its N; other units take none."""
    with pytest.raises(kinerja.InvalidValueError, match="scale"):
        Unit(kind="rate")
    with pytest.raises(kinerja.InvalidValueError, match="scale"):
        Unit(kind="percent", scale=100)


def test_a_rate_with_a_zero_denominator_is_undefined():
    """0 live births gives no rate: an UndefinedRatioError naming the denominator."""
    with pytest.raises(kinerja.UndefinedRatioError) as caught:
        kinerja.Realization(year=2023, numerator=0, denominator=0, unit="per 1.000")
    assert caught.value.field == "realization.denominator"
