"""Budget lines: the reference report's 2022 and 2023 lines, totals, absorption, efficiency."""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kinerja
from kinerja.budget._absorption import absorption
from kinerja.budget._efficiency import efficiency_gap, efficiency_pmk214, normalised_efficiency
from kinerja.budget._lines import BudgetLine, SpendingType
from kinerja.budget._totals import compare_years, subtotals, total, totals
from kinerja.core._input import to_rupiah
from kinerja.core._sentinels import NOT_APPLICABLE
from tests import oracle

# The reference LKjIP (Bapas Kelas II Pangkalpinang), Tabel 3.22 and Tabel 3.23.
PROGRAM_PPH = "Program Pelayanan dan Penegakan Hukum"
PROGRAM_DM = "Program Dukungan Manajemen"
ACTIVITY_PPW = "Penyelenggaraan Pemasyarakatan di Wilayah"
ACTIVITY_DMT = "Dukungan Manajemen dan Teknis Lainnya UPT Pemasyarakatan"

LINES_BY_TYPE = [
    BudgetLine(year=2022, spending_type="51", pagu="2.785.984.000", realization="2.785.813.740"),
    BudgetLine(year=2022, spending_type="52", pagu="1.996.657.000", realization="1.994.851.184"),
    BudgetLine(year=2022, spending_type="53", pagu="100.000.000", realization="99.880.000"),
    BudgetLine(year=2023, spending_type="51", pagu="2.886.561.000", realization="2.886.446.566"),
    BudgetLine(year=2023, spending_type="52", pagu="1.214.271.000", realization="1.213.755.475"),
    BudgetLine(year=2023, spending_type="53", pagu=0, realization=0),
]
LINES_BY_ACTIVITY_2023 = [
    BudgetLine(year=2023, program=PROGRAM_PPH, activity=ACTIVITY_PPW, pagu="570,750,000,-",
               realization="570,644,250,-"),
    BudgetLine(year=2023, program=PROGRAM_DM, activity=ACTIVITY_DMT, pagu="3.530.082.000",
               realization="3.529.557.791"),
]


@pytest.mark.parametrize(
    ("year", "kind", "remainder", "absorption_2dp"),
    [
        # 2.785.984.000 − 2.785.813.740 = 170.260 (printed 134.260);
        # 2.785.813.740 / 2.785.984.000 = 0.99993889 → 99.99 % (printed 100).
        (2022, "51", 170_260, "99.99"),
        # 1.996.657.000 − 1.994.851.184 = 1.805.816; / → 0.99909558 → 99.91 %.
        (2022, "52", 1_805_816, "99.91"),
        # 100.000.000 − 99.880.000 = 120.000 (printed 120.800); 0.9988 → 99.88 % (printed 99,98).
        (2022, "53", 120_000, "99.88"),
        # 2.886.561.000 − 2.886.446.566 = 114.434; 0.99996036 → 100.00 % (printed 100).
        (2023, "51", 114_434, "100.00"),
        # 1.214.271.000 − 1.213.755.475 = 515.525; 0.99957544 → 99.96 % (printed 99,95: truncated).
        (2023, "52", 515_525, "99.96"),
    ],
)
def test_reference_lines_by_spending_type(year, kind, remainder, absorption_2dp):
    """Each Tabel 3.22 line's remainder and absorption, recomputed by hand."""
    (line,) = [x for x in LINES_BY_TYPE
               if x.year == year and x.spending_type is SpendingType.parse(kind)]
    assert line.remainder == remainder
    assert kinerja.round_half_up(line.absorption) == Decimal(absorption_2dp)
    assert not line.over_pagu


def test_zero_pagu_line_has_no_absorption():
    """Belanja Modal 2023 has pagu 0: its absorption is not applicable (printed as 0)."""
    (modal,) = [x for x in LINES_BY_TYPE if x.year == 2023 and x.spending_type.value == "53"]
    assert modal.absorption is NOT_APPLICABLE
    assert modal.remainder == 0


def test_reference_totals_by_year():
    """Tabel 3.22's totals recomputed from its lines (the printed totals are wrong)."""
    by_year = totals(LINES_BY_TYPE, by="year")
    t2022, t2023 = by_year[(2022,)], by_year[(2023,)]
    # 2.785.984.000 + 1.996.657.000 + 100.000.000 = 4.882.641.000 (printed 4.354.794.000).
    assert t2022.pagu == 4_882_641_000
    # 2.785.813.740 + 1.994.851.184 + 99.880.000 = 4.880.544.924 (printed 4.347.325.715).
    assert t2022.realization == 4_880_544_924
    # 4.882.641.000 − 4.880.544.924 = 2.096.076; 0.99957071 → 99.96 %.
    assert t2022.remainder == 2_096_076
    assert kinerja.round_half_up(t2022.absorption) == Decimal("99.96")
    # 2023: 2.886.561.000 + 1.214.271.000 + 0 = 4.100.832.000 (the revised pagu);
    # 2.886.446.566 + 1.213.755.475 = 4.100.202.041 (printed 4,880,544,924 in the total row);
    # sisa 629.959; 4.100.202.041 / 4.100.832.000 = 0.99984638 → 99.98 %.
    assert (t2023.pagu, t2023.realization, t2023.remainder) == (4_100_832_000, 4_100_202_041,
                                                                629_959)
    assert kinerja.round_half_up(t2023.absorption) == Decimal("99.98")


def test_reference_activity_table_2023():
    """Tabel 3.23: per activity, and its total equals the spending-type total."""
    rows = totals(LINES_BY_ACTIVITY_2023, by="activity")
    ppw, dmt = rows[(ACTIVITY_PPW,)], rows[(ACTIVITY_DMT,)]
    # 570.644.250 / 570.750.000 = 0.99981472 → 99.98 %.
    assert kinerja.round_half_up(ppw.absorption) == Decimal("99.98")
    # 3.529.557.791 / 3.530.082.000 = 0.99985150 → 99.99 %.
    assert kinerja.round_half_up(dmt.absorption) == Decimal("99.99")
    # 570.644.250 + 3.529.557.791 = 4.100.202.041, the same as by spending type.
    by_type_2023 = total(x for x in LINES_BY_TYPE if x.year == 2023)
    assert total(LINES_BY_ACTIVITY_2023).realization == by_type_2023.realization
    assert total(LINES_BY_ACTIVITY_2023).pagu == by_type_2023.pagu


def test_nested_subtotals_program_activity():
    """Nested rows: grand total, then each program followed by its activities."""
    rows = subtotals(LINES_BY_ACTIVITY_2023, ("program", "activity"))
    assert [(r.level, r.label, r.pagu) for r in rows] == [
        (0, "Total", 4_100_832_000),
        (1, PROGRAM_PPH, 570_750_000),
        (2, ACTIVITY_PPW, 570_750_000),
        (1, PROGRAM_DM, 3_530_082_000),
        (2, ACTIVITY_DMT, 3_530_082_000),
    ]


def test_year_over_year_comparison():
    """Tabel 3.22 as a comparison: per spending type both years, and the total row."""
    rows = compare_years(LINES_BY_TYPE, (2022, 2023))
    assert [r.label for r in rows] == ["Belanja Pegawai", "Belanja Barang", "Belanja Modal",
                                       "Total"]
    pegawai, _, modal, grand = rows
    # 2.886.561.000 − 2.785.984.000 = 100.577.000.
    assert pegawai.pagu_change == 100_577_000
    # 99.99603563 − 99.99388869 = 0.00214694 percentage points.
    assert kinerja.round_half_up(pegawai.absorption_change, 5) == Decimal("0.00215")
    assert modal.absorption_change is NOT_APPLICABLE
    # 4.100.832.000 − 4.882.641.000 = −781.809.000.
    assert grand.pagu_change == -781_809_000


def test_pmk214_absorption_worked_example():
    """PMK 214/PMK.02/2017: 734,881,464,333 / 855,830,897,000 = 0.85867… → 85.87 %."""
    assert absorption(734_881_464_333, 855_830_897_000, places=2) == Decimal("85.87")
    assert absorption(np.array([734_881_464_333]), np.array([855_830_897_000]),
                      places=2).tolist() == [85.87]


def test_account_code_gives_spending_type():
    """A six-digit account code gives the spending type; a contradicting type is refused."""
    assert BudgetLine(year=2023, account="532111", pagu=1, realization=1).spending_type is (
        SpendingType.MODAL)
    with pytest.raises(kinerja.InvalidValueError, match="account 521211"):
        BudgetLine(year=2023, account="521211", spending_type="51", pagu=1, realization=1)
    with pytest.raises(kinerja.InvalidValueError, match="six digits"):
        BudgetLine(year=2023, account="52", pagu=1, realization=1)


def test_pagu_minus_is_allowed_and_flagged():
    """Spending above pagu is not an error: it is flagged and the remainder is negative."""
    line = BudgetLine(year=2023, pagu=4_100_832_000, realization="4,100,921,041")
    assert line.over_pagu
    assert line.remainder == -89_041
    assert kinerja.round_half_up(line.absorption) == Decimal("100.00")


@pytest.mark.parametrize(
    ("fields", "error", "field"),
    [
        ({"pagu": 1500.5}, kinerja.InvalidValueError, "Belanja X 2023.pagu"),
        ({"pagu": -1}, kinerja.InvalidValueError, "Belanja X 2023.pagu"),
        ({"realization": "seribu"}, kinerja.NumberFormatError, "Belanja X 2023.realization"),
        ({"realization": None}, kinerja.MissingValueError, "Belanja X 2023.realization"),
        ({"realization": float("nan")}, kinerja.InvalidValueError,
         "Belanja X 2023.realization"),
        ({"realization": True}, kinerja.InvalidTypeError, "Belanja X 2023.realization"),
        ({"blokir": 101}, kinerja.InvalidValueError, "Belanja X 2023.blokir"),
        ({"pagu": 2.0**60}, kinerja.InvalidTypeError, "Belanja X 2023.pagu"),
        ({"spending_type": "54"}, kinerja.InvalidValueError, "spending_type"),
    ],
)
def test_bad_budget_lines_name_the_line(fields, error, field):
    """Fractions of a Rupiah, negatives, non-numbers and blokir above pagu name the line."""
    base = {"year": 2023, "name": "Belanja X", "pagu": 100, "realization": 50}
    with pytest.raises(error) as caught:
        BudgetLine(**(base | fields))
    assert caught.value.field == field


def test_blokir_and_available():
    """Blokir is kept, and available = pagu − blokir."""
    line = BudgetLine(year=2023, pagu=1_000, realization=500, blokir=200)
    assert (line.blokir, line.available) == (200, 800)


def test_grouping_errors():
    """Unknown classifications are refused with the valid ones listed."""
    with pytest.raises(kinerja.InvalidValueError, match="spending_type"):
        totals(LINES_BY_TYPE, by="jenis")
    with pytest.raises(kinerja.InvalidValueError):
        compare_years(LINES_BY_TYPE, (2023, 2023))


def test_grouping_by_function():
    """A function of a line can define the groups."""
    groups = totals(LINES_BY_TYPE, by=lambda line: line.pagu > 10**9)
    assert groups[(True,)].lines == 4


# --- absorption on arrays --------------------------------------------------------------

amounts = st.integers(min_value=0, max_value=10**16)
budgets = st.integers(min_value=1, max_value=10**16)
# Amounts up to 10^16 whose absorption is below 10^6 % (spending under 10,000 × pagu),
# so the rounded figure fits float64's 15 significant digits at 4 decimals.
plausible = budgets.flatmap(
    lambda b: st.tuples(st.integers(min_value=0, max_value=min(10**16, b * 10**4)), st.just(b)))


@given(st.lists(plausible, min_size=1, max_size=30), st.integers(min_value=0, max_value=4))
def test_array_absorption_rounds_exactly_like_scalar(pairs, places):
    """int64 arrays up to 10^16: each rounded figure equals the scalar path's exactly."""
    r = np.array([a for a, _ in pairs], dtype=np.int64)
    p = np.array([b for _, b in pairs], dtype=np.int64)
    rounded = absorption(r, p, places=places)
    for (a, b), got in zip(pairs, rounded, strict=True):
        assert Decimal(repr(float(got))) == absorption(a, b, places=places)


@given(st.lists(st.tuples(amounts, budgets), min_size=1, max_size=30))
def test_array_absorption_unrounded_is_correctly_rounded(pairs):
    """Unrounded array absorption is R · 100 / P rounded once to float64, up to 10^16."""
    r = np.array([a for a, _ in pairs], dtype=np.int64)
    p = np.array([b for _, b in pairs], dtype=np.int64)
    for (a, b), got in zip(pairs, absorption(r, p), strict=True):
        assert got == float(oracle.absorption(a, b))


@pytest.mark.parametrize(
    ("spent", "pagu"),
    [(7, 7), (1, 7), (5, 6), (3_339_988_159_515, 8_308_397_299_876),
     (2_886_446_566, 2_886_561_001)],
)
def test_array_absorption_is_one_division(spent, pagu):
    """7 of 7 Rupiah is exactly 100 %: R · 100 / P, not R / (P / 100) = 99.99999999999999."""
    got = absorption(np.array([spent, 1]), np.array([pagu, 1]))
    assert got[0] == float(oracle.absorption(spent, pagu))


def test_array_absorption_bad_input():
    """Zero pagu, negatives, fractions and masked amounts in arrays raise clear errors."""
    with pytest.raises(kinerja.UndefinedRatioError, match="position 1"):
        absorption(np.array([1, 2]), np.array([5, 0]))
    with pytest.raises(kinerja.InvalidValueError, match="negative"):
        absorption(np.array([1, -2]), np.array([5, 5]))
    with pytest.raises(kinerja.InvalidValueError, match="whole Rupiah"):
        absorption(np.array([1.5]), np.array([5]))
    with pytest.raises(kinerja.InvalidValueError, match="missing"):
        absorption(np.ma.masked_invalid([1.0, np.nan]), np.array([5, 5]))
    with pytest.raises(kinerja.InvalidValueError, match="overflows"):
        absorption(np.array([9 * 10**18]), np.array([1]), places=2)
    # Unrounded, even that is exact: 9 × 10^18 × 100 / 1, divided as Python ints.
    assert absorption(np.array([9 * 10**18]), np.array([1])).tolist() == [9e20]


def test_scalar_absorption_zero_pagu():
    """A scalar zero pagu raises UndefinedRatioError (a ZeroDivisionError)."""
    with pytest.raises(ZeroDivisionError):
        absorption(0, 0)


def test_to_rupiah_accepts_integral_forms():
    """Ints, integral Decimals and floats, and notation strings are whole Rupiah."""
    assert to_rupiah(Decimal("1000"), field="x") == 1000
    assert to_rupiah(1000.0, field="x") == 1000
    assert to_rupiah("Rp 1.000", field="x") == 1000
    assert to_rupiah(np.int64(7), field="x") == 7


# --- totals: laws ----------------------------------------------------------------------

lines_strategy = st.lists(
    st.builds(
        BudgetLine,
        year=st.sampled_from([2022, 2023]),
        pagu=st.integers(min_value=0, max_value=10**16),
        realization=st.integers(min_value=0, max_value=10**16),
        program=st.sampled_from(["P1", "P2", None]),
        activity=st.sampled_from(["A1", "A2", "A3"]),
        spending_type=st.sampled_from(["51", "52", "53", "57"]),
    ),
    max_size=25,
)
groupings = st.sampled_from(["year", "program", "activity", "spending_type",
                             ("program", "activity"), ("year", "spending_type")])


@given(lines_strategy, groupings)
def test_totals_equal_sum_of_parts(lines, by):
    """Under any grouping, the group totals add up to the grand total."""
    groups = totals(lines, by)
    grand = total(lines)
    assert sum(g.pagu for g in groups.values()) == grand.pagu
    assert sum(g.realization for g in groups.values()) == grand.realization
    assert sum(g.lines for g in groups.values()) == len(lines)


@given(lines_strategy)
def test_remainder_plus_realization_is_pagu(lines):
    """Sisa + realisasi = pagu, for every line and every total."""
    for item in [*lines, total(lines), *totals(lines, "activity").values()]:
        assert item.remainder + item.realization == item.pagu


@given(lines_strategy)
def test_nested_subtotals_add_up(lines):
    """In a nested table each level's rows add up to the grand total."""
    rows = subtotals(lines, ("program", "activity", "spending_type"))
    for level in (1, 2, 3):
        assert sum(r.pagu for r in rows if r.level == level) == rows[0].pagu


# --- efficiency ------------------------------------------------------------------------


def test_efficiency_gap():
    """Gap = achievement − absorption: 100 − 99.98 = 0.02 percentage points."""
    assert efficiency_gap(100, "99,98") == Decimal("0.02")
    assert efficiency_gap("80,08", "99,99") == Decimal("-19.91")


def test_pmk214_efficiency_by_hand():
    """E = Σ(PAK·CK − RAK) / Σ(PAK·CK) × 100, CK as a fraction.

    Outputs: PAK 570.750.000, RAK 570.644.250, CK 100 % and PAK 3.530.082.000,
    RAK 3.529.557.791, CK 90 %: Σ PAK·CK = 570.750.000 + 3.177.073.800 = 3.747.823.800;
    Σ RAK = 4.100.202.041; E = (3.747.823.800 − 4.100.202.041) / 3.747.823.800 × 100
    = −352.378.241 / 3.747.823.800 × 100 = −9.40221… %.
    """
    e = efficiency_pmk214([570_750_000, 3_530_082_000], [570_644_250, 3_529_557_791],
                          [100, 90])
    assert kinerja.round_half_up(e, 5) == Decimal("-9.40221")
    # NE = 50 + (−9.40221 / 20) × 50 = 50 − 23.50552 = 26.49448.
    assert kinerja.round_half_up(normalised_efficiency(e), 3) == Decimal("26.494")


def test_normalised_efficiency_clamp_is_an_option():
    """E is clamped to [−20, 20] by default (provisional); clamp=False shows raw NE."""
    assert normalised_efficiency(40) == 100
    assert normalised_efficiency(40, clamp=False) == 150
    # The reference report's SMART DJA efisiensi value 49.99 is NE for E = −0.004:
    # 50 + (−0.004 / 20) × 50 = 50 − 0.01 = 49.99.
    assert normalised_efficiency("-0.004") == Decimal("49.99")


@given(st.lists(st.tuples(st.integers(1, 10**12), st.integers(0, 10**12),
                          st.decimals(min_value=3, max_value=150, places=2)),
                min_size=1, max_size=8))
def test_pmk214_array_equals_scalar(outputs):
    """One row of arrays gives the scalar path's E (to float precision)."""
    pak, rak, ck = (list(col) for col in zip(*outputs, strict=True))
    scalar = efficiency_pmk214(pak, rak, ck)
    array = efficiency_pmk214(np.array([pak], dtype=float), np.array([rak], dtype=float),
                              np.array([[float(c) for c in ck]]))
    assert array[0] == pytest.approx(float(scalar), rel=1e-9, abs=1e-9)


@given(st.decimals(min_value=-100, max_value=100, places=3),
       st.decimals(min_value=-100, max_value=100, places=3))
def test_normalised_efficiency_monotonic_and_bounded(a, b):
    """NE never decreases as E grows, and with the clamp stays within [0, 100]."""
    low, high = sorted((a, b))
    assert normalised_efficiency(low) <= normalised_efficiency(high)
    assert 0 <= normalised_efficiency(low) <= 100


def test_pmk214_bad_input():
    """Mismatched lengths, negatives and an all-zero denominator are refused."""
    with pytest.raises(kinerja.InvalidValueError, match="length"):
        efficiency_pmk214([1, 2], [1], [100, 100])
    with pytest.raises(kinerja.InvalidValueError):
        efficiency_pmk214([-1], [1], [100])
    with pytest.raises(kinerja.UndefinedRatioError):
        efficiency_pmk214([100], [1], [0])


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=9))
def test_unrounded_array_absorption_presents_like_scalar_at_ties(r, k):
    """Unrounded array absorption is correctly rounded: half-up presentation matches at ties.

    With pagu 2 × 10^k, R × 100 / P has a 5 in many last places (6,565,000 of
    100,000,000 is 6.565 %): the float must present as the exact value does.
    """
    p = 2 * 10**k
    got = absorption(np.array([r]), np.array([p]))[0]
    assert kinerja.round_half_up(np.array([got]), 2)[0] == float(
        kinerja.round_half_up(absorption(r, p), 2))
    assert float(got) == float(Fraction(r * 100, p))


def test_reported_double_rounding_case():
    """6,565,000 / 100,000,000 = 6.565 % presents as 6.57 on both paths."""
    got = absorption(np.array([6_565_000]), np.array([100_000_000]))
    assert kinerja.round_half_up(got, 2).tolist() == [6.57]


def test_pmk214_takes_whole_rupiah_and_columns():
    """PAK and RAK are whole Rupiah; pandas columns take the array path."""
    with pytest.raises(kinerja.InvalidValueError, match="whole"):
        efficiency_pmk214([100.5], [1], [100])
    pd = pytest.importorskip("pandas")
    e = efficiency_pmk214(pd.Series([100, 50]), pd.Series([95, 50]), pd.Series([100.0, 100.0]))
    assert kinerja.round_half_up(np.atleast_1d(e), 2).tolist() == [3.33]


# --- array absorption: ties, mixed scalars and arrays, the largest amounts --------------------

@pytest.mark.parametrize("places", [0, 1, 2, 3])
def test_array_absorption_exact_ties_round_up(places):
    """Exact ties (1/8 = 12.5 %, 3/8 = 37.5 %, 1/16 = 6.25 %, 1/2000 = 0.05 %) go up."""
    spent, pagu = [1, 3, 1, 1], [8, 8, 16, 2000]
    got = absorption(np.array(spent), np.array(pagu), places=places)
    assert [Fraction(repr(float(x))) for x in got] == [
        oracle.round_half_up(oracle.absorption(s, p), places) for s, p in zip(spent, pagu,
                                                                               strict=True)]


def test_array_and_scalar_amounts_mix():
    """A column of spending against one pagu, or one spending against a column of pagu."""
    assert absorption(np.array([50, 75]), 100).tolist() == [50.0, 75.0]
    assert absorption(50, np.array([100, 200])).tolist() == [50.0, 25.0]


def test_array_absorption_places_up_to_twelve():
    """Arrays are rounded to at most 12 decimals: 1/3 at 12 places, 13 refused."""
    got = absorption(np.array([1]), np.array([3]), places=12)
    assert Fraction(repr(float(got[0]))) == oracle.round_half_up(oracle.absorption(1, 3), 12)
    with pytest.raises(kinerja.InvalidValueError) as caught:
        absorption(np.array([1]), np.array([3]), places=13)
    assert caught.value.field == "places"


@pytest.mark.parametrize("pagu", [5 * 10**16, 9 * 10**17])
@pytest.mark.parametrize("places", [None, 0, 2, 4])
def test_array_absorption_of_the_largest_pagu_is_exact(places, pagu):
    """Pagu of 5 × 10^16 and 9 × 10^17 Rupiah (long division in steps): the exact figure."""
    spent = [pagu - 12_345, pagu // 7, 1, pagu]
    got = absorption(np.array(spent), np.array([pagu] * 4), places=places)
    exact = [oracle.absorption(s, pagu) for s in spent]
    if places is None:
        assert got.tolist() == [float(x) for x in exact]
    else:
        assert [Fraction(repr(float(x))) for x in got] == [
            oracle.round_half_up(x, places) for x in exact]
