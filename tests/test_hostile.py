"""Hostile input: every numeric parameter and option of the public API against a list of bad values.

Each call must raise a :class:`kinerja.KinerjaError` (which names the field)
or return a result without NaN or infinity.  Values with a clean equivalent
(numpy integer scalars, Fractions, number strings) must give the clean
value's result.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kinerja
from kinerja import batch
from tests.hostile import OPTIONS, SCALARS, grid, verdict

Y = 2023


@cache
def _report() -> kinerja.Report:
    return kinerja.example_report()


@cache
def _audit() -> kinerja.AuditResult:
    return kinerja.audit(_report())


@cache
def _scheme() -> kinerja.Scheme:
    return kinerja.ikpa_scheme(Y)


@cache
def _data() -> Any:
    return batch.synthetic_national(satkers=20, years=(2024,))


def _ikpa_values(v: Any) -> dict[str, Any]:
    values: dict[str, Any] = {c.key: 95 for c in _scheme().components}
    values["revisi_dipa"] = v
    return values


def _ikpa_columns(v: Any) -> dict[str, Any]:
    columns: dict[str, Any] = {c.key: np.array([95.0, 90.0]) for c in _scheme().components}
    columns["revisi_dipa"] = v
    return columns


#: One call per numeric parameter: the hostile value goes where the name says.
NUMERIC: dict[str, Any] = {
    "achievement(realization)": lambda v: kinerja.achievement(v, 80),
    "achievement(target)": lambda v: kinerja.achievement(75, v),
    "achievement(target, array realization)": lambda v: kinerja.achievement(
        np.array([75.0, 80.0]), v),
    "achievement(realization, array target)": lambda v: kinerja.achievement(
        v, np.array([75.0, 80.0])),
    "achievement(floor)": lambda v: kinerja.achievement(75, 80, floor=v),
    "achievement(cap)": lambda v: kinerja.achievement(75, 80, cap=v),
    "achievement(polarity)": lambda v: kinerja.achievement(75, 80, polarity=v),
    "achievement(polarity, arrays)": lambda v: kinerja.achievement(
        np.array([75.0, 80.0]), np.array([60.0, 90.0]), polarity=v),
    "absorption(realization)": lambda v: kinerja.absorption(v, 1000),
    "absorption(pagu)": lambda v: kinerja.absorption(500, v),
    "absorption(pagu, array)": lambda v: kinerja.absorption(np.array([5, 10]), v),
    "absorption(places)": lambda v: kinerja.absorption(500, 1000, places=v),
    "absorption(places, array)": lambda v: kinerja.absorption(np.array([5]), np.array([7]),
                                                              places=v),
    "percentage(part)": lambda v: kinerja.percentage(v, 47),
    "percentage(whole)": lambda v: kinerja.percentage(31, v),
    "efficiency_gap(achievement)": lambda v: kinerja.efficiency_gap(v, 90),
    "efficiency_gap(absorption)": lambda v: kinerja.efficiency_gap(95, v),
    "efficiency_pmk214(pak)": lambda v: kinerja.efficiency_pmk214(v, 900, 1),
    "efficiency_pmk214(rak)": lambda v: kinerja.efficiency_pmk214(1000, v, 1),
    "efficiency_pmk214(ck)": lambda v: kinerja.efficiency_pmk214(1000, 900, v),
    "normalised_efficiency(e)": lambda v: kinerja.normalised_efficiency(v),
    "round_half_up(value)": lambda v: kinerja.round_half_up(v),
    "round_half_up(places)": lambda v: kinerja.round_half_up(Decimal("1.25"), v),
    "round_half_up(places, array)": lambda v: kinerja.round_half_up(np.array([1.25]), v),
    "format_number(value)": lambda v: kinerja.format_number(v),
    "format_number(places)": lambda v: kinerja.format_number(1.5, v),
    "format_percent(value)": lambda v: kinerja.format_percent(v),
    "format_rupiah(amount)": lambda v: kinerja.format_rupiah(v),
    "parse_number(text)": lambda v: kinerja.parse_number(v),
    "parse_rupiah(text)": lambda v: kinerja.parse_rupiah(v),
    "Target(value)": lambda v: kinerja.Target(year=Y, value=v),
    "Target(low)": lambda v: kinerja.Target(year=Y, low=v, high=90),
    "Target(high)": lambda v: kinerja.Target(year=Y, low=80, high=v),
    "Target(year)": lambda v: kinerja.Target(year=v, value=80),
    "Realization(value)": lambda v: kinerja.Realization(year=Y, value=v),
    "Realization(numerator)": lambda v: kinerja.Realization(year=Y, numerator=v,
                                                            denominator=47),
    "Realization(denominator)": lambda v: kinerja.Realization(year=Y, numerator=31,
                                                              denominator=v),
    "BudgetLine(pagu)": lambda v: kinerja.BudgetLine(year=Y, pagu=v, realization=10),
    "BudgetLine(realization)": lambda v: kinerja.BudgetLine(year=Y, pagu=10, realization=v),
    "BudgetLine(blokir)": lambda v: kinerja.BudgetLine(year=Y, pagu=10, realization=5,
                                                       blokir=v),
    "BudgetLine(year)": lambda v: kinerja.BudgetLine(year=v, pagu=10, realization=5),
    "BudgetLine(spending_type)": lambda v: kinerja.BudgetLine(year=Y, pagu=10, realization=5,
                                                              spending_type=v),
    "Cap(upper)": lambda v: kinerja.Cap(upper=v),
    "Cap(lower)": lambda v: kinerja.Cap(upper=120, lower=v),
    "AchievementPolicy(floor)": lambda v: kinerja.AchievementPolicy(floor=v),
    "AchievementPolicy(cap)": lambda v: kinerja.AchievementPolicy(cap=v),
    "Component(weight)": lambda v: kinerja.Component(key="a", name="A", weight=v),
    "Band(low)": lambda v: kinerja.Band(category="Baik", low=v, high=90),
    "Band(high)": lambda v: kinerja.Band(category="Baik", low=80, high=v),
    "Indicator(polarity)": lambda v: kinerja.Indicator(code="A", name="a", level="IKK",
                                                       unit="%", polarity=v),
    "Indicator(unit)": lambda v: kinerja.Indicator(code="A", name="a", level="IKK", unit=v),
    "Indicator(level)": lambda v: kinerja.Indicator(code="A", name="a", level=v, unit="%"),
    "Trajectory(targets)": lambda v: kinerja.Trajectory(targets={2020: v, 2024: 80}),
    "Trajectory(period)": lambda v: kinerja.Trajectory(targets={2020: 50, 2024: 80}, period=v),
    "ikpa_scheme(year)": lambda v: kinerja.ikpa_scheme(v),
    "nka_scheme(year)": lambda v: kinerja.nka_scheme(v),
    "Scheme.score(value)": lambda v: _scheme().score(_ikpa_values(v)),
    "Scheme.score_batch(column)": lambda v: _scheme().score_batch(_ikpa_columns(v)),
    "ikpa_scores(column)": lambda v: batch.ikpa_scores(Y, _ikpa_columns(v)),
    "ikpa_scores(year)": lambda v: batch.ikpa_scores(v, _ikpa_columns(np.array([1.0, 2.0]))),
    "ikpa_revisi_dipa(revisions)": lambda v: kinerja.ikpa_revisi_dipa(year=2024,
                                                                      revisions=[v]),
    "ikpa_revisi_dipa(allowed)": lambda v: kinerja.ikpa_revisi_dipa(year=2024,
                                                                    revisions=[1], allowed=v),
    "ikpa_penyerapan(pagu)": lambda v: kinerja.ikpa_penyerapan(
        year=2024, pagu={52: v}, realization={52: [150_000]}),
    "ikpa_penyerapan(realization)": lambda v: kinerja.ikpa_penyerapan(
        year=2024, pagu={52: 1_000_000}, realization={52: [v]}),
    "ikpa_deviasi_halaman_iii(plan)": lambda v: kinerja.ikpa_deviasi_halaman_iii(
        year=2024, plan={52: [v] * 12}, realization={52: [100] * 12}),
    "batch.achievements(realization)": lambda v: batch.achievements(v, np.array([80.0, 90.0])),
    "batch.achievements(target)": lambda v: batch.achievements(np.array([75.0, 80.0]), v),
    "batch.achievements(target_high)": lambda v: batch.achievements(
        np.array([75.0, 80.0]), np.array([70.0, 70.0]), target_high=v),
    "batch.achievements(polarity)": lambda v: batch.achievements(
        np.array([75.0, 80.0]), np.array([70.0, 70.0]), polarity=v),
    "batch.achievements(cap)": lambda v: batch.achievements(
        np.array([75.0, 80.0]), np.array([70.0, 70.0]), cap=v),
    "batch.achievements(floor)": lambda v: batch.achievements(
        np.array([75.0, 80.0]), np.array([70.0, 70.0]), floor=v),
    "batch.absorptions(realization)": lambda v: batch.absorptions(v, np.array([10, 20])),
    "batch.absorptions(pagu)": lambda v: batch.absorptions(np.array([5, 10]), v),
    "batch.absorptions(places)": lambda v: batch.absorptions(np.array([5]), np.array([7]),
                                                             places=v),
    "synthetic_national(seed)": lambda v: batch.synthetic_national(seed=v, satkers=5),
    "synthetic_national(satkers)": lambda v: batch.synthetic_national(satkers=v),
    "synthetic_national(years)": lambda v: batch.synthetic_national(satkers=5, years=v),
    "synthetic_reports(rows)": lambda v: batch.synthetic_reports(_data(), [v]),
    "synthetic_reports(seed)": lambda v: batch.synthetic_reports(_data(), [0], seed=v),
    "synthetic_rows(rows)": lambda v: batch.synthetic_rows(_data(), [v]),
    "synthetic_rows(seed)": lambda v: batch.synthetic_rows(_data(), [0], seed=v),
    "iter_audits(workers)": lambda v: list(batch.iter_audits([], workers=v)),
    "iter_audits(chunksize)": lambda v: list(batch.iter_audits([], workers=2, chunksize=v)),
    "overview_table(year)": lambda v: kinerja.overview_table(_report(), v),
    "budget_activity_table(year)": lambda v: kinerja.budget_activity_table(_report(), v),
    "target_table(code)": lambda v: kinerja.target_table(_report(), v),
    "comparison_table(code)": lambda v: kinerja.comparison_table(_report(), v),
    "plan_table(code)": lambda v: kinerja.plan_table(_report(), v),
    "Report.indicator(code)": lambda v: _report().indicator(v),
}

#: One call per option parameter.
OPTION: dict[str, Any] = {
    "achievement(lower_method)": lambda v: kinerja.achievement(75, 80, lower_method=v),
    "achievement(zero_target)": lambda v: kinerja.achievement(75, 0, zero_target=v),
    "format_number(notation)": lambda v: kinerja.format_number(1.5, notation=v),
    "format_number(locale)": lambda v: kinerja.format_number(1.5, locale=v),
    "format_percent(notation)": lambda v: kinerja.format_percent(1.5, notation=v),
    "format_rupiah(notation)": lambda v: kinerja.format_rupiah(15, notation=v),
    "format_rupiah(prefix)": lambda v: kinerja.format_rupiah(15, prefix=v),
    "parse_number(notation)": lambda v: kinerja.parse_number("1,5", notation=v),
    "render_tables(format)": lambda v: kinerja.render_tables([], format=v),
    "render_tables(lang)": lambda v: kinerja.render_tables(
        kinerja.chapter_three(_report()), lang=v),
    "AuditResult.to_text(lang)": lambda v: _audit().to_text(lang=v),
    "AuditResult.to_json(lang)": lambda v: _audit().to_json(lang=v),
    "AuditResult.to_csv(lang)": lambda v: _audit().to_csv(lang=v),
    "AuditResult.to_markdown(lang)": lambda v: _audit().to_markdown(lang=v),
    "AuditResult.summary(lang)": lambda v: _audit().summary(lang=v),
    "Finding.message(lang)": lambda v: _audit().findings[0].message(v),
    "Table.to_markdown(lang)": lambda v: kinerja.overview_table(_report()).to_markdown(v),
    "Table.to_csv(lang)": lambda v: kinerja.overview_table(_report()).to_csv(v),
    "findings_table(lang)": lambda v: batch.findings_table([_audit()], lang=v),
    "batch.achievements(nan)": lambda v: batch.achievements(np.array([1.0]), np.array([2.0]),
                                                            nan=v),
    "ikpa_scores(missing)": lambda v: batch.ikpa_scores(Y, _ikpa_columns(np.array([1.0, 2.0])),
                                                        missing=v),
    "ikpa_scheme(deduction_order)": lambda v: kinerja.ikpa_scheme(2024, deduction_order=v),
    "Scheme.score(missing)": lambda v: _scheme().score(_ikpa_values(90), missing=v),
    "AchievementPolicy(lower_method)": lambda v: kinerja.AchievementPolicy(lower_method=v),
    "AchievementPolicy(zero_target)": lambda v: kinerja.AchievementPolicy(zero_target=v),
    "totals(by)": lambda v: kinerja.totals(_report().budget, by=v),
    "compare_years(by)": lambda v: kinerja.compare_years(_report().budget, (2022, 2023), by=v),
    "Satker(name)": lambda v: kinerja.Satker(name=v),
    "Goal(code)": lambda v: kinerja.Goal(code=v, level="sasaran", name="x"),
}

_CASES = [*grid(NUMERIC, SCALARS), *grid(OPTION, OPTIONS)]


@pytest.mark.parametrize(("case", "call"), _CASES, ids=[c[0] for c in _CASES])
def test_hostile_value_gives_a_kinerja_error_or_a_finite_result(case, call):
    """The call raises a KinerjaError or returns a result with no NaN or infinity."""
    assert verdict(call) is None


#: Values with a clean equivalent: the same result as the clean value.
EQUIVALENT = [
    (np.int8(75), 75),
    (np.uint16(75), 75),
    (np.int64(75), 75),
    (np.float32(0.5), Decimal("0.5")),
    (Fraction(3, 4), Decimal("0.75")),
    ("75", 75),
    ("75,5", Decimal("75.5")),
    (Decimal("75.000"), 75),
    (np.str_("75,5"), Decimal("75.5")),
]


@pytest.mark.parametrize(("value", "clean"), EQUIVALENT, ids=[repr(v) for v, _ in EQUIVALENT])
@pytest.mark.parametrize("name", ["achievement(realization)", "percentage(whole)",
                                  "achievement(target)", "Target(value)",
                                  "Realization(value)"])
def test_equivalent_value_gives_the_clean_result(name, value, clean):
    """A numpy scalar, Fraction or number string gives what the plain number gives."""
    assert _outcome(lambda: NUMERIC[name](value)) == _outcome(lambda: NUMERIC[name](clean))


def _outcome(call: Any) -> tuple[str, Any]:
    """The result of *call*, or the kind of kinerja error it raised."""
    try:
        return "result", call()
    except kinerja.KinerjaError as error:
        return "error", (type(error), error.field)


def test_grid_covers_every_array_entry_point():
    """The grid reaches the array path of every function that has one."""
    array_calls = [name for name in NUMERIC if "array" in name or name.startswith("batch.")]
    assert len(array_calls) >= 12
    assert len(_CASES) > 5000


def _samples() -> list[Any]:
    """One valid instance of every public attrs class (built through the public API)."""
    report = _report()
    record = report.indicators[0]
    scheme_2024 = kinerja.ikpa_scheme(2024)
    score = _scheme().score({c.key: 95 for c in _scheme().components})
    lines = report.budget["spending_type"]
    result = report.assess(record.code, Y)
    plan = kinerja.Trajectory(targets={2020: 50, 2024: 80})
    table = kinerja.overview_table(report)
    data = _data()
    return [
        report, report.satker, report.goals[0], record, record.indicator, record.target(Y),
        record.realizations[Y], report.policy, lines[0], report.printed[0], _audit(),
        _audit().findings[0], result, kinerja.total(lines), table, table.columns[0],
        scheme_2024, scheme_2024.components[0], scheme_2024.aspects[0],
        scheme_2024.deductions[0], scheme_2024.bands[0], score,
        next(iter(score.components.values())), score.steps[0],
        _scheme().score_batch({c.key: np.array([95.0]) for c in _scheme().components}),
        kinerja.ikpa_revisi_dipa(year=2024, revisions=[1]), kinerja.CAP_120,
        kinerja.emonev_scale(), kinerja.compare_years(lines, (2022, Y))[0],
        record.indicator.unit, plan, kinerja.progress(record.indicator, None, plan),
        kinerja.history(record.indicator, {Y: record.target(Y)}, {})[0],
        kinerja.IndicatorBudget(result=result, budget=kinerja.total(lines)),
        kinerja.Quantity(value=Decimal("75.5"), unit=record.indicator.unit),
        kinerja.Formula(key="ratio", expression="R / T × 100", source="PermenPAN-RB 53/2014"),
        data, data.indicators, data.budget, data.ikpa[2024],
        batch.synthetic_rows(data, [0]), next(batch.iter_audits([kinerja.example_path()])),
        kinerja.PeriodFigures(target=record.target(Y), realization=record.realizations[Y]),
        batch.synthetic_rows(data, range(2)), _audited(),
        kinerja.BudgetLine(year=Y, classification="apbd", spending_type="5.1.02", pagu=100,
                           realization=kinerja.NOT_STATED),
    ]


@cache
def _audited() -> Any:
    return next(iter(batch.iter_audits([kinerja.example_path()])))


_PUBLIC_CLASSES = sorted(
    {getattr(module, name) for module in (kinerja, batch) for name in module.__all__
     if isinstance(getattr(module, name), type) and attrs.has(getattr(module, name))},
    key=lambda c: c.__name__)


def test_samples_cover_every_public_value_class():
    """The constructor grid below reaches every public attrs class."""
    sampled = {type(sample) for sample in _samples()}
    assert sampled >= set(_PUBLIC_CLASSES), set(_PUBLIC_CLASSES) - sampled


def _field_cases() -> list[tuple[str, Any, str]]:
    return [(f"{type(s).__name__}.{f.name}", s, f.alias) for s in _samples()
            for f in attrs.fields(type(s)) if f.init]


@pytest.mark.parametrize(("case", "sample", "alias"), _field_cases(),
                         ids=[c[0] for c in _field_cases()])
def test_constructor_refuses_a_wrong_value_in_every_field(case, sample, alias):
    """A valid instance rebuilt with an object() in one field raises an error naming it."""
    with pytest.raises(kinerja.KinerjaError) as caught:
        attrs.evolve(sample, **{alias: object()})
    error = caught.value
    fields = [e.field for e in error.exceptions] if isinstance(error, ExceptionGroup) \
        else [error.field]
    assert any(alias.lstrip("_") in (field or "") for field in fields), fields


def test_constructor_reports_every_bad_field_at_once():
    """Several bad fields give one ValidationError listing each of them."""
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.Finding(rule=1, severity="x", location=2, subject="s", printed="p",
                        expected="e", source="src", parts=())
    assert sorted(e.field for e in caught.value.exceptions) == ["location", "rule", "severity"]
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.BudgetLine(year="2023", pagu=-1, realization="abc")
    assert sorted(e.field for e in caught.value.exceptions) == ["pagu", "realization", "year"]


_VALUES = [value for _, value in SCALARS] + [75, 80, Decimal("99.5"), "60,5",
                                             np.array([75.0, 80.0]), [60, 70]]
_POLARITIES = [1, -1, "negatif", kinerja.Polarity.LOWER_IS_BETTER, [1, -1], np.array([-1, 1]),
               *(value for _, value in SCALARS[:20])]
#: Functions of several numbers, each argument drawn from the hostile and the valid values.
MULTI = {
    "achievement": lambda a, b, c, p: kinerja.achievement(a, b, floor=c, polarity=p),
    "achievement range": lambda a, b, c, p: kinerja.achievement(a, (b, c), polarity=p,
                                                                lower_method="inverse"),
    "absorption": lambda a, b, c, p: kinerja.absorption(a, b),
    "percentage": lambda a, b, c, p: kinerja.percentage(a, b),
    "efficiency_gap": lambda a, b, c, p: kinerja.efficiency_gap(a, b),
    "batch.achievements": lambda a, b, c, p: batch.achievements(a, b, target_high=c,
                                                                polarity=p),
    "Realization": lambda a, b, c, p: kinerja.Realization(year=Y, value=a, numerator=b,
                                                          denominator=c),
    "Target": lambda a, b, c, p: kinerja.Target(year=Y, low=a, high=b),
    "BudgetLine": lambda a, b, c, p: kinerja.BudgetLine(year=Y, pagu=a, realization=b,
                                                        blokir=c),
}


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(MULTI)), a=st.sampled_from(_VALUES),
       b=st.sampled_from(_VALUES), c=st.sampled_from(_VALUES), p=st.sampled_from(_POLARITIES))
def test_hostile_combinations_give_a_kinerja_error_or_a_finite_result(name, a, b, c, p):
    """Several hostile arguments at once still give a KinerjaError or a finite result."""
    assert verdict(lambda: MULTI[name](a, b, c, p)) is None


def test_constructor_names_missing_and_unknown_fields():
    """A missing required field and a misspelt one are kinerja errors naming them."""
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.IndicatorRecord(realizations={2023: 75})
    assert sorted(e.field for e in caught.value.exceptions) == ["goal", "indicator"]
    assert all(isinstance(e, kinerja.MissingValueError) for e in caught.value.exceptions)
    with pytest.raises(kinerja.InvalidValueError, match="year, value, low, high, unit") as typo:
        kinerja.Target(year=2023, valeu=5)
    assert typo.value.field == "valeu"


def test_range_bounds_of_different_lengths_are_a_kinerja_error():
    """Found by the property above: a high-bound column of another length than the targets."""
    pd = pytest.importorskip("pandas")
    high = pd.Series([1.0, None], dtype="Float64")
    with pytest.raises(kinerja.InvalidValueError) as caught:
        batch.achievements(float("nan"), np.array([]), target_high=high, polarity=1)
    assert caught.value.field == "target, target_high"
