"""The batch path: columns agree with the scalar API, the synthetic set, bad input."""

import contextlib
import tracemalloc
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kinerja
import kinerja.budget._absorption as absorption_module
import kinerja.indicators._achievement as achievement_module
from kinerja import batch, round_half_up
from kinerja.core import _ops
from tests import oracle
from tests.strategies import figures, positive_figures

codes = st.sampled_from([1, -1])
caps = st.one_of(st.none(), st.decimals(min_value=1, max_value=200, places=2))
widths = st.one_of(st.none(), positive_figures)
#: One indicator row: realization, target, range width (None: point target), polarity code,
#: cap (None: no cap) and whether the realization was reported.
rows_strategy = st.lists(st.tuples(figures, positive_figures, widths, codes, caps,
                                   st.booleans()), min_size=1, max_size=25)


@contextlib.contextmanager
def blocks_of(rows):
    """Compute long arrays in blocks of *rows* rows (None: the library's default)."""
    saved = _ops.BLOCK_ROWS
    _ops.BLOCK_ROWS = rows or saved
    try:
        yield
    finally:
        _ops.BLOCK_ROWS = saved


def columns(rows):
    """The batch columns of *rows* (see rows_strategy); missing realizations are NaN."""
    r = np.array([float(row[0]) if row[5] else np.nan for row in rows])
    t = np.array([float(row[1]) for row in rows])
    high = np.array([np.nan if row[2] is None else float(row[1] + row[2]) for row in rows])
    polarity = np.array([row[3] for row in rows], dtype=np.int8)
    cap = np.array([np.nan if row[4] is None else float(row[4]) for row in rows])
    return r, t, high, polarity, cap


def scalar(row, **options):
    """The scalar path's achievement of one row, or None when it was not reported."""
    realization, target, width, code, cap, reported = row
    if not reported:
        return None
    goal = target if width is None else (target, target + width)
    return kinerja.achievement(realization, goal, polarity=kinerja.Polarity.from_code(code),
                               cap=None if cap is None else kinerja.Cap(upper=cap), **options)


# --- achievements agree with kinerja.achievement -------------------------------------

@given(rows_strategy, st.sampled_from(["mirror", "inverse"]), st.sampled_from([None, 0]),
       st.sampled_from([None, 2]))
def test_batch_achievement_equals_scalar(rows, lower_method, floor, block):
    """Row by row, with per-row polarity, ranges, caps and missing: the scalar figure."""
    if lower_method == "inverse":
        rows = [row if row[0] > 0 else (Decimal(1), *row[1:]) for row in rows]
    r, t, high, polarity, cap = columns(rows)
    with blocks_of(block):
        result = batch.achievements(r, t, target_high=high, polarity=polarity, cap=cap,
                                    lower_method=lower_method, floor=floor, nan="missing")
    mask = np.ma.getmaskarray(result)
    for row, value, masked in zip(rows, np.ma.getdata(result), mask, strict=True):
        expected = scalar(row, lower_method=lower_method, floor=floor)
        assert masked == (expected is None)
        if expected is not None:
            assert value == pytest.approx(float(expected), rel=1e-12, abs=1e-9)


@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 10**6), codes),
                min_size=1, max_size=20), st.sampled_from([None, 3]))
def test_integer_columns_present_exactly_like_scalars(rows, block):
    """Counts: every rounded batch figure equals the rounded scalar figure exactly."""
    r, t, p = (np.array(column) for column in zip(*rows, strict=True))
    with blocks_of(block):
        result = round_half_up(batch.achievements(r, t, polarity=p, cap=kinerja.CAP_120), 2)
    for (ri, ti, pi), value in zip(rows, result, strict=True):
        expected = kinerja.achievement(ri, ti, polarity=kinerja.Polarity.from_code(pi),
                                       cap=kinerja.CAP_120)
        assert Decimal(repr(float(value))) == round_half_up(expected, 2)


@given(rows_strategy)
def test_masked_array_and_nan_policy_agree(rows):
    """An explicit mask and nan="missing" give the same missing rows and figures."""
    r, t, high, polarity, cap = columns(rows)
    explicit = np.ma.masked_invalid(r)
    by_mask = batch.achievements(explicit, t, target_high=high, polarity=polarity, cap=cap)
    by_nan = batch.achievements(r, t, target_high=high, polarity=polarity, cap=cap,
                                nan="missing")
    assert np.array_equal(np.ma.getmaskarray(by_mask), np.ma.getmaskarray(by_nan))
    assert np.array_equal(np.ma.filled(by_mask, -1.0), np.ma.filled(by_nan, -1.0))


@given(rows_strategy)
def test_blocks_do_not_change_the_figures(rows):
    """Computed in blocks of 2 rows or all at once, every figure is bit for bit the same."""
    r, t, high, polarity, cap = columns(rows)
    options = {"target_high": high, "polarity": polarity, "cap": cap, "nan": "missing",
               "with_raw": True}
    whole = batch.achievements(r, t, **options)
    with blocks_of(2):
        blocked = batch.achievements(r, t, **options)
    for a, b in zip(whole, blocked, strict=True):
        assert np.array_equal(np.ma.getmaskarray(a), np.ma.getmaskarray(b))
        assert np.array_equal(np.ma.filled(a, -1.0), np.ma.filled(b, -1.0))


def test_with_raw_keeps_the_uncapped_figure():
    """with_raw returns (raw, capped): 75/60 = 125 % raw, 120 % under CAP_120."""
    raw, capped = batch.achievements(np.array([75.0, 30.0]), 60, cap=kinerja.CAP_120,
                                     with_raw=True)
    np.testing.assert_array_equal(raw, [125.0, 50.0])
    np.testing.assert_array_equal(capped, [120.0, 50.0])


def test_zero_tolerance_policy_in_batch():
    """Target 0, lower is better, zero tolerance: R = 0 gives 100 %, R > 0 gives 0 %."""
    result = batch.achievements(np.array([0.0, 2.0, 45.0]), np.array([0.0, 0.0, 50.0]),
                                polarity=-1, zero_target="zero_tolerance")
    np.testing.assert_array_equal(result, [100.0, 0.0, 110.0])


def test_pandas_columns_are_read_by_position():
    """Series (nullable too) are read by position; <NA> counts only with nan="missing"."""
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"r": pd.array([75.0, None, 66.0], dtype="Float64"),
                          "t": [60.0, 60.0, 55.0], "p": pd.array([1, 1, -1], dtype="Int8")},
                         index=[10, 20, 30])
    result = batch.achievements(frame["r"], frame["t"], polarity=frame["p"], nan="missing")
    assert result.mask.tolist() == [False, True, False]
    assert result.compressed().tolist() == [125.0, 80.0]
    with pytest.raises(kinerja.InvalidValueError, match="NaN"):
        batch.achievements(frame["r"], frame["t"], polarity=frame["p"])


def test_blocked_errors_locate_the_whole_array_position():
    """A NaN at row 70 computed in blocks of 8 is reported at position 70, not 6."""
    r = np.full(100, 50.0)
    r[70] = np.nan
    with blocks_of(8), pytest.raises(kinerja.InvalidValueError, match=r"at 70\b"):
        batch.achievements(r, 60.0)


def _counting(monkeypatch, module, name):
    """Replace module.name by a wrapper that records the length of each call's first array."""
    calls = []
    original = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(next(len(a) for a in _arrays_in(args)))
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def _arrays_in(args):
    for arg in args:
        if isinstance(arg, np.ndarray):
            yield arg
        elif hasattr(arg, "values") and isinstance(arg.values, dict):  # Operands
            yield from (v for v in arg.values.values() if isinstance(v, np.ndarray))


def test_long_columns_are_evaluated_block_by_block(monkeypatch):
    """100 rows in blocks of 8: the achievement formula runs on 12 blocks of 8, then 4 rows."""
    calls = _counting(monkeypatch, achievement_module, "_capaian")
    r = np.arange(0.0, 200.0, 2.0)  # counts: each figure is one correctly rounded division
    with blocks_of(8):
        blocked = batch.achievements(r, 60.0, polarity=-1)
    assert calls == [8] * 12 + [4]
    assert blocked.tolist() == [float(oracle.achievement(x, 60, lower=True)) for x in r]


def test_long_absorption_columns_are_evaluated_block_by_block(monkeypatch):
    """100 budget lines in blocks of 8: 12 blocks of 8, then 4 lines, each exact."""
    calls = _counting(monkeypatch, absorption_module, "_absorption_array")
    spent, pagu = np.arange(100, dtype=np.int64), np.full(100, 7, dtype=np.int64)
    with blocks_of(8):
        result = batch.absorptions(spent, pagu)
    assert calls == [8] * 12 + [4]
    assert result.tolist() == [float(oracle.absorption(s, 7)) for s in range(100)]


#: 16 blocks of the documented 65,536 rows (docs/performance.md), whatever BLOCK_ROWS says.
LONG = 16 * 65_536


def _peak(function):
    """The result of function() and the peak memory it allocated, in bytes."""
    tracemalloc.start()
    try:
        result = function()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_peak_memory_is_the_result_plus_block_sized_temporaries():
    """Blocked, 2^20 rows allocate under 2 × the result (unblocked: over 3 ×)."""
    rng = np.random.default_rng(7)
    r, t = rng.uniform(0, 200, LONG), rng.uniform(1, 100, LONG)
    polarity = np.where(rng.random(LONG) < 0.25, -1, 1).astype(np.int8)
    result, peak = _peak(lambda: batch.achievements(r, t, polarity=polarity,
                                                    cap=kinerja.CAP_120))
    assert peak < 2 * result.nbytes
    assert peak < r.nbytes + t.nbytes + polarity.nbytes


@pytest.mark.parametrize("places", [None, 2])
def test_absorption_peak_memory_is_the_result_plus_block_sized_temporaries(places):
    """Blocked, 2^20 budget lines allocate under 2 × the result (unblocked: over 3 ×)."""
    rng = np.random.default_rng(7)
    pagu = rng.integers(10**8, 10**13, LONG)
    spent = pagu - rng.integers(0, 10**8, LONG)
    result, peak = _peak(lambda: batch.absorptions(spent, pagu, places=places))
    assert peak < 2 * result.nbytes


# --- a row is missing when any of its inputs is -----------------------------------------

def test_a_row_is_missing_when_any_input_is():
    """Masked realization (row 0), target (row 1) or range high bound (row 2): each row masked."""
    # Row 2's masked high bound is missing: its low bound (50) is never compared with the
    # filler that stands in the masked element.
    r = np.ma.MaskedArray([75.0, 70.0, 70.0, 92.0], mask=[True, False, False, False])
    low = np.ma.MaskedArray([60.0, 80.0, 50.0, 80.0], mask=[False, True, False, False])
    high = np.ma.MaskedArray([np.nan, 90.0, 90.0, 90.0], mask=[False, False, True, False])
    result = batch.achievements(r, low, target_high=high)
    assert np.ma.getmaskarray(result).tolist() == [True, True, True, False]
    assert result[3] == float(oracle.achievement(92, 80, 90))


# --- bad input -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("arguments", "options", "error", "field"),
    [
        ((np.array([1.0, 2.0]), np.array([1.0, 2.0, 3.0])), {}, kinerja.InvalidValueError,
         "realization, target"),
        ((np.array([75.0, np.nan]), 60), {}, kinerja.InvalidValueError, "realization"),
        ((np.array([75.0, 70.0]), np.array([60.0, np.nan])), {"nan": "missing"},
         kinerja.InvalidValueError, "target"),
        ((np.array([75.0, 70.0]), 60), {"polarity": np.array([1, 0])},
         kinerja.InvalidValueError, "polarity"),
        ((np.array([75.0, 70.0]), 60), {"polarity": np.array([1.0, np.nan])},
         kinerja.InvalidValueError, "polarity"),
        ((np.array([75.0, 70.0]), 60), {"polarity": np.array([True, False])},
         kinerja.InvalidTypeError, "polarity"),
        ((np.array([75.0, 70.0]), 60), {"polarity": 2}, kinerja.InvalidValueError,
         "polarity"),
        ((np.array([75.0, 70.0]), 60), {"cap": np.array([120.0, 0.0])},
         kinerja.InvalidValueError, "cap.upper"),
        ((np.array([75.0, 70.0]), 60), {"target_high": np.array([50.0, np.nan])},
         kinerja.InvalidValueError, "target.low"),
        ((np.array([75.0, 70.0]), 60), {"nan": "zero"}, kinerja.InvalidValueError, "nan"),
        ((np.array([75.0, 70.0]), np.array([60.0, 0.0])), {}, kinerja.ZeroTargetError,
         "target"),
    ],
)
def test_bad_achievement_input_raises_library_errors(arguments, options, error, field):
    """Mismatched lengths, unexplained NaN, bad codes and caps raise kinerja's errors."""
    with pytest.raises(error) as caught:
        batch.achievements(*arguments, **options)
    assert caught.value.field == field


# --- absorption ----------------------------------------------------------------------

rupiah = st.integers(min_value=1, max_value=10**15)


@given(st.lists(st.tuples(rupiah, st.floats(0, 10)), min_size=1, max_size=20),
       st.sampled_from([None, 0, 2, 4]), st.sampled_from([None, 3]))
def test_batch_absorption_equals_scalar(lines, places, block):
    """int64 columns up to 10^15 Rupiah: each (rounded) figure equals the scalar one."""
    pagu = np.array([p for p, _ in lines], dtype=np.int64)
    spent = np.array([int(p * share) for p, share in lines], dtype=np.int64)
    with blocks_of(block):
        result = batch.absorptions(spent, pagu, places=places)
    for s, p, value in zip(spent, pagu, result, strict=True):
        expected = kinerja.absorption(int(s), int(p), places=places)
        if places is None:
            assert value == pytest.approx(float(expected), rel=1e-15)
        else:
            assert Decimal(repr(float(value))) == expected


def test_absorption_of_nullable_pandas_columns():
    """A pandas Int64 column is exact; <NA> is refused (missing is not zero)."""
    pd = pytest.importorskip("pandas")
    pagu = pd.Series([855_830_897_000, 4_000_000_000_000_001], dtype="Int64")
    spent = pd.Series([734_881_464_333, 4_000_000_000_000_000], dtype="Int64")
    result = batch.absorptions(spent, pagu, places=2)
    assert result.tolist() == [85.87, 100.0]
    with pytest.raises(kinerja.MissingValueError):
        batch.absorptions(pd.Series([1, None], dtype="Int64"), pagu)


@pytest.mark.parametrize(
    ("spent", "pagu", "error"),
    [
        (np.array([1, 2]), np.array([3, 0]), kinerja.UndefinedRatioError),
        (np.array([1, 2]), np.array([3, 4, 5]), kinerja.InvalidValueError),
        (np.array([-1, 2]), np.array([3, 4]), kinerja.InvalidValueError),
        (np.array([1.5, 2]), np.array([3, 4]), kinerja.InvalidValueError),
    ],
)
def test_bad_absorption_input_raises_library_errors(spent, pagu, error):
    """A zero pagu, mismatched lengths, negative or fractional Rupiah raise kinerja errors."""
    with pytest.raises(error):
        batch.absorptions(spent, pagu)


# --- IKPA and NKA --------------------------------------------------------------------

score_values = st.decimals(min_value=0, max_value=100, places=2)


def _near_tie(value):
    """Whether *value* lies within 1e-9 of a tie of rounding to 2 places."""
    shifted = value * 100 - int(value * 100)
    return abs(shifted - Decimal("0.5")) < Decimal("1e-7")


@given(st.sampled_from([2020, 2021, 2023, 2024]), st.data())
def test_batch_ikpa_equals_scheme_score(year, data):
    """Row by row, the batch IKPA equals Scheme.score (final figure and category)."""
    scheme = kinerja.ikpa_scheme(year)
    rows = data.draw(st.integers(1, 8))
    table = {}
    for component in scheme.components:
        values = data.draw(st.lists(score_values, min_size=rows, max_size=rows))
        if component.can_be_not_applicable:
            na = data.draw(st.lists(st.booleans(), min_size=rows, max_size=rows))
            values = [kinerja.NOT_APPLICABLE if flag else v for v, flag in
                      zip(values, na, strict=True)]
        table[component.key] = values
    for deduction in scheme.deductions:
        # Deductions of up to 2 points, on scores of at least 2 (a larger deduction than
        # the score is an error, tested elsewhere).
        table[deduction.key] = data.draw(st.lists(
            st.decimals(min_value=0, max_value=2, places=2), min_size=rows, max_size=rows))
        for key in scheme.keys:
            if key not in {d.key for d in scheme.deductions}:
                table[key] = [v if v is kinerja.NOT_APPLICABLE else max(v, Decimal(2))
                              for v in table[key]]
    column = {key: np.array([np.nan if v is kinerja.NOT_APPLICABLE else float(v)
                             for v in values]) for key, values in table.items()}
    result = batch.ikpa_scores(year, column, nan="not_applicable")
    for i in range(rows):
        single = scheme.score({key: values[i] for key, values in table.items()})
        assert result.final[i] == pytest.approx(float(single.final), rel=1e-12)
        if not _near_tie(single.final):
            assert result.category[i] == single.category


@pytest.mark.parametrize("year", [2021, 2023, 2024])
def test_category_on_and_below_each_band_edge(year):
    """A score on a band's lower edge is in that band, 0.01 below it in the band under it."""
    scheme = oracle.preset("ikpa", year)
    keys = [c["key"] for c in scheme["components"]]
    edges = [oracle.exact(b["low"]) for b in scheme["bands"][1:]]
    finals = [e + d for e in edges for d in (0, Fraction(-1, 100))] + [Fraction(0),
                                                                       Fraction(100)]
    columns = {key: np.array([float(f) for f in finals]) for key in keys}
    columns |= {d["key"]: np.zeros(len(finals)) for d in scheme.get("deductions", [])}
    expected = [oracle.score(scheme, dict.fromkeys(keys, f)).category for f in finals]
    assert len(set(expected)) == len(scheme["bands"])
    assert batch.ikpa_scores(year, columns).category.tolist() == expected
    single = kinerja.ikpa_scheme(year)
    deductions = {d.key: 0 for d in single.deductions}
    assert [single.score(dict.fromkeys(keys, float(f)) | deductions).category
            for f in finals] == expected


@given(st.lists(st.tuples(score_values, score_values, score_values, score_values),
                min_size=1, max_size=10))
def test_batch_nka_equals_scheme_score(rows):
    """Row by row, the batch NKA equals nka_scheme(...).score."""
    scheme = kinerja.nka_scheme(2023)
    keys = [c.key for c in scheme.components]
    table = {key: [float(row[i]) for row in rows] for i, key in enumerate(keys)}
    result = batch.nka_scores(2023, table)
    for row, value in zip(rows, result.final, strict=True):
        single = scheme.score(dict(zip(keys, row, strict=True)))
        assert value == pytest.approx(float(single.final), rel=1e-12)


def test_scores_from_a_dataframe_use_the_scheme_columns():
    """From a DataFrame only the scheme's columns are read; NaN needs a stated meaning."""
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"satker": ["A", "B"], "penyerapan_anggaran": [95.53, 100.0],
                          "konsistensi": [99.61, np.nan], "capaian_output": [99.72, 100.0],
                          "efisiensi": [59.98, 100.0]})
    with pytest.raises(kinerja.InvalidValueError, match="NaN"):
        batch.nka_scores(2023, frame)
    zero = batch.nka_scores(2023, frame, nan="missing", missing="zero")
    # Row B: konsistensi missing, scored 0: 100 × (9.7 + 43.5 + 28.6) / 100 = 81.8.
    assert zero.final.round(3).tolist() == [87.928, 81.8]
    with pytest.raises(kinerja.InvalidValueError, match="applies to every work unit"):
        batch.nka_scores(2023, frame, nan="not_applicable")


def test_bad_score_input_raises_library_errors():
    """Unknown nan policies and columns that are not a mapping raise kinerja errors."""
    with pytest.raises(kinerja.InvalidValueError) as caught:
        batch.nka_scores(2023, {}, nan="ignore")
    assert caught.value.field == "nan"
    with pytest.raises(kinerja.InvalidTypeError):
        batch.ikpa_scores(2023, [[100.0]])


# --- the synthetic national set ------------------------------------------------------

@pytest.fixture(scope="module")
def national():
    """A small synthetic set over two regulation periods."""
    return batch.synthetic_national(seed=11, satkers=400, years=(2021, 2024))


def test_synthetic_set_is_deterministic(national):
    """The same seed gives identical columns; another seed gives other figures."""
    again = batch.synthetic_national(seed=11, satkers=400, years=(2021, 2024))
    for name in ("realization", "target", "target_high", "polarity", "cap", "missing"):
        np.testing.assert_array_equal(getattr(national.indicators, name),
                                      getattr(again.indicators, name))
    np.testing.assert_array_equal(national.budget.pagu, again.budget.pagu)
    np.testing.assert_array_equal(national.budget.realization, again.budget.realization)
    for key, values in national.ikpa[2024].columns.items():
        np.testing.assert_array_equal(values, again.ikpa[2024].columns[key])
    other = batch.synthetic_national(seed=12, satkers=400, years=(2021, 2024))
    assert not np.array_equal(other.budget.pagu, national.budget.pagu)


def test_synthetic_set_has_the_stated_shape(national):
    """800 satker-years: 12 indicators and 8 budget lines each, IKPA and NKA by year."""
    assert national.satker_years == 800
    assert national.years == (2021, 2024)
    assert np.array_equal(np.bincount(national.indicators.unit), np.full(800, 12))
    assert np.array_equal(np.bincount(national.budget.unit), np.full(800, 8))
    assert sorted(national.ikpa) == sorted(national.nka) == [2021, 2024]
    for year, data in national.ikpa.items():
        assert tuple(data.columns) == kinerja.ikpa_scheme(year).keys
        assert data.unit.size == 400
        assert np.array_equal(national.year[data.unit], np.full(400, year))


def test_synthetic_indicators_have_the_stated_composition(national):
    """A quarter lower-is-better per satker-year, some ranges, some missing, some capped."""
    ind = national.indicators
    lower_per_unit = np.bincount(ind.unit, weights=ind.polarity == -1)
    assert np.array_equal(lower_per_unit, np.full(800, 3.0))
    ranged = ~np.isnan(ind.target_high)
    assert 0.05 < ranged.mean() < 0.15
    assert (ind.target_high[ranged] > ind.target[ranged]).all()
    assert 0.01 < ind.missing.mean() < 0.06
    assert np.array_equal(np.isnan(ind.realization), ind.missing)
    assert set(np.unique(ind.cap[~np.isnan(ind.cap)])) == {120.0}
    assert 0.2 < (~np.isnan(ind.cap)).mean() < 0.6
    assert (ind.target > 0).all()


def test_synthetic_budget_and_schemes_have_the_stated_composition(national):
    """int64 Rupiah up to ~10^13, some over pagu; not-applicable flags match the NaNs."""
    budget = national.budget
    assert budget.pagu.dtype == budget.realization.dtype == np.int64
    assert budget.pagu.min() >= 10**8
    assert budget.pagu.max() <= 10**13
    assert 0 < (budget.realization > budget.pagu).mean() < 0.05
    assert set(np.unique(budget.spending_type)) == {51, 52, 53, 57}
    data = national.ikpa[2024]
    assert set(data.not_applicable) == {c.key for c in kinerja.ikpa_scheme(2024).components
                                        if c.can_be_not_applicable}
    for key, flags in data.not_applicable.items():
        assert np.array_equal(np.isnan(data.columns[key]), flags)
        assert 0 < flags.mean() < 0.5


def test_synthetic_set_scores_end_to_end(national):
    """Every figure of the set is computed: missing rows masked, all scores in 0-100."""
    ind = national.indicators
    capaian = batch.achievements(ind.realization, ind.target, target_high=ind.target_high,
                                 polarity=ind.polarity, cap=ind.cap, nan="missing")
    assert np.array_equal(np.ma.getmaskarray(capaian), ind.missing)
    capped = ~np.isnan(ind.cap)
    assert capaian[capped].max() == 120.0 < capaian[~capped].max()
    absorption = batch.absorptions(national.budget.realization, national.budget.pagu, places=2)
    assert ((absorption > 100) == (national.budget.realization > national.budget.pagu)).all()
    for year, data in national.ikpa.items():
        scores = batch.ikpa_scores(year, data.columns, not_applicable=data.not_applicable,
                                   nan="not_applicable")
        assert ((scores.final >= 0) & (scores.final <= 100)).all()
        nka = national.nka[year]
        assert (batch.nka_scores(year, nka.columns).final <= 100).all()


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"satkers": 0}, kinerja.InvalidValueError),
        ({"satkers": 2.5}, kinerja.InvalidTypeError),
        ({"years": ()}, kinerja.InvalidValueError),
        ({"years": (2024, 2024)}, kinerja.InvalidValueError),
        ({"years": (2019,)}, kinerja.InvalidValueError),
    ],
)
def test_synthetic_bad_arguments_raise_library_errors(options, error):
    """No satkers, fractional counts, no or repeated years, unknown years: kinerja errors."""
    with pytest.raises(error):
        batch.synthetic_national(**options)
