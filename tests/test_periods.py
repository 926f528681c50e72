"""Periods: quarters, semesters and months; the year's realization by a named aggregation.

Hand computations: realizations 11, 12, 9, 15 in TW I–IV sum to 47 (a count of
clients); against 40 that is 47 / 40 × 100 = 117,5 %. TW I: 11 / 10 × 100 = 110 %.
A rate reported at each quarter's end (70; 72,5; 75,5) is the last one, 75,5; their
mean is 218 / 3 = 72,666...
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kinerja
from kinerja.indicators._periods import aggregate_periods, aggregate_periods_array, period_key

REPORT = '''
format = "kinerja-report"
version = 2
year = 2024
period = "Semester II"
[satker]
name = "Bapas Contoh"
[[goals]]
code = "S1"
level = "kegiatan"
name = "Meningkatnya layanan"
[[indicators]]
code = "A"
name = "Jumlah klien yang dibimbing"
goal = "S1"
unit = "Orang"
aggregation = "sum"
targets = { 2024 = 40 }
[indicators.periods.2024]
"TW I" = { target = 10, realization = 11 }
"TW II" = { target = 10, realization = 12 }
"TW III" = { target = 10, realization = 9 }
"TW IV" = { target = 10, realization = 15 }
'''


def _printed(text: str, figure: str = "achievement", period: str | None = None) -> str:
    when = f'period = "{period}"\n' if period else ""
    return (f'[[printed]]\nfigure = "{figure}"\nindicator = "A"\n{when}text = "{text}"\n'
            f'where = "Tabel 3.1"\n')


@pytest.mark.parametrize(("text", "key"), [
    ("TW I", "TW1"), ("Triwulan III", "TW3"), ("Q4", "TW4"), ("tw-2", "TW2"),
    ("Semester I", "S1"), ("S2", "S2"), ("Januari", "M1"), ("Des", "M12"), ("M7", "M7"),
    ("August", "M8"),
])
def test_period_names_as_reports_print_them(text, key):
    """Quarter, semester and month names are read into one canonical key."""
    assert period_key(text) == key


@pytest.mark.parametrize("text", ["TW V", "Semester III", "Triwulan", "", "2024"])
def test_unknown_period_is_refused(text):
    """A name that is no period of a year is a kinerja error naming the field."""
    with pytest.raises(kinerja.KinerjaError) as caught:
        period_key(text)
    assert caught.value.field == "period"


def test_the_year_is_the_named_aggregation_of_its_periods():
    """With aggregation = "sum", the year's realization is 11 + 12 + 9 + 15 = 47."""
    report = kinerja.loads_report(REPORT)
    record = report.indicator("A")
    assert record.realizations[2024].value == 47
    assert report.assess("A").raw == Decimal("117.5")
    assert report.period == "S2"
    assert list(record.periods[2024]) == ["TW1", "TW2", "TW3", "TW4"]


def test_achievement_per_period():
    """Each period is judged against its own target: TW I is 11 / 10 × 100 = 110 %."""
    report = kinerja.loads_report(REPORT)
    assert report.assess("A", period="TW I").raw == 110
    assert report.assess("A", period="Triwulan III").raw == 90
    assert report.assess("A", period="Semester I").status is kinerja.Status.NOT_STATED


def test_no_aggregation_no_default():
    """Period realizations without a yearly one and without an aggregation are refused."""
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.loads_report(REPORT.replace('aggregation = "sum"\n', ""))
    assert "aggregation" in str(caught.value.exceptions[0])


@pytest.mark.parametrize(("printed", "rules"), [
    (_printed("110 %", period="TW I"), []),
    (_printed("100 %", period="TW I"), [("achievement", "110")]),
    (_printed("90 %", period="TW III"), []),
    (_printed("117,5 %"), []),
    (_printed("47", "realization"), []),
    (_printed("46", "realization"), [("realization-mismatch", "47")]),
    (_printed("12", "realization", period="TW II"), []),
    (_printed("13", "realization", period="TW II"), [("realization-mismatch", "12")]),
    (_printed("100 %", period="Semester I"), [("unverifiable", "n/a")]),
])
def test_printed_figures_name_their_period(printed, rules):
    """A printed figure of a period is checked against that period's target and realization."""
    result = kinerja.audit(kinerja.loads_report(REPORT + printed))
    assert [(f.rule, f.expected) for f in result.findings] == rules


def test_round_trip_keeps_periods_and_aggregation():
    """dump_report writes the periods, not the derived yearly figure, and reads back equal."""
    report = kinerja.loads_report(REPORT + _printed("110 %", period="TW I"))
    text = kinerja.dump_report(report)
    assert 'aggregation = "sum"' in text
    assert "[indicators.realizations]" not in text
    assert 'period = "TW1"' in text
    assert kinerja.loads_report(text) == report


@pytest.mark.parametrize(("how", "expected"), [
    ("sum", Fraction(218)), ("last", Fraction("75.5")), ("max", Fraction("75.5")),
    ("mean", Fraction(218, 3)),
])
def test_aggregations_by_hand(how, expected):
    """70; 72,5; 75,5 at the quarters' ends: sum 218, last and max 75,5, mean 72,666..."""
    values = {"TW3": "75,5", "TW1": 70, "TW2": Decimal("72.5")}
    assert abs(Fraction(aggregate_periods(values, how)) - expected) < Fraction(1, 10**40)


@given(st.lists(st.lists(st.one_of(st.none(), st.integers(0, 10**6)), min_size=1,
                         max_size=6), min_size=1, max_size=8),
       st.sampled_from(["sum", "last", "max", "mean"]))
def test_array_aggregation_equals_scalar(rows, how):
    """Row by row, the array path aggregates the reported periods; none reported is masked."""
    width = max(len(r) for r in rows)
    grid = np.ma.masked_all((len(rows), width))
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if value is not None:
                grid[i, j] = value
    result = np.ma.asarray(aggregate_periods_array(grid, how))
    for i, row in enumerate(rows):
        reported = [v for v in row if v is not None]
        if not reported:
            assert np.ma.getmaskarray(result)[i]
        else:
            assert float(result[i]) == pytest.approx(float(aggregate_periods(reported, how)))


def test_only_the_finest_periods_are_aggregated():
    """Months with their semester line: the year sums the months only (48+52+50+47+55+49 = 301)."""
    months = {"Januari": 48, "Februari": 52, "Maret": 50, "April": 47, "Mei": 55, "Juni": 49,
              "Semester I": {"target": 300, "realization": 301}}
    record = kinerja.IndicatorRecord(
        indicator=kinerja.Indicator(code="A", name="a", level="IKK", unit="Orang"),
        goal="S1", targets={2024: 600}, periods={2024: months}, aggregation="sum")
    assert record.realizations[2024].value == 301


MONTHS = REPORT.replace('''[indicators.periods.2024]
"TW I" = { target = 10, realization = 11 }
"TW II" = { target = 10, realization = 12 }
"TW III" = { target = 10, realization = 9 }
"TW IV" = { target = 10, realization = 15 }''', '''[indicators.periods.2024]
"Januari" = 48
"Februari" = 52
"Maret" = 50
"April" = 47
"Mei" = 55
"Juni" = 49
"Semester I" = { target = 300, realization = 301 }''')


@pytest.mark.parametrize(("figure", "text", "rules"), [
    ("period_total", "301", []),            # 48+52+50+47+55+49, the semester line not added
    ("period_total", "302", [("period-total", "301")]),
    ("period_mean", "50,17", []),           # 301 / 6 = 50,1666...
    ("period_mean", "50,2", []),
    ("period_mean", "50,16", [("rounding-truncated", "50.17")]),
    ("period_mean", "51", [("period-mean", "50")]),
])
def test_a_monthly_tables_total_and_average(figure, text, rules):
    """A printed Jumlah and Rata-rata are the sum and mean of the months, at their precision."""
    result = kinerja.audit(kinerja.loads_report(MONTHS + _printed(text, figure)))
    assert [(f.rule, f.expected) for f in result.findings] == rules
