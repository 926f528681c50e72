"""Constructors check their fields, derive before the fields are set, and stay frozen."""

import pickle
from decimal import Decimal

import attrs
import numpy as np
import pytest

import kinerja
from kinerja.auditing._diagnosis import AchievementCheck
from kinerja.report._printed import PrintedNumber

REPORT = '''
format = "kinerja-report"
version = 1
year = 2023
[satker]
name = "Satker Contoh"
[[goals]]
code = "SK-1"
level = "kegiatan"
name = "Sasaran"
[[indicators]]
code = "IKK-1"
name = "Indikator"
goal = "SK-1"
unit = "%"
targets = { 2023 = 60 }
realizations = { 2023 = 75 }
[indicators.plan]
source = "Renstra"
[indicators.plan.targets]
2022 = 50
2024 = 70
'''


def test_a_plan_without_period_loads_and_round_trips():
    """A plan's period is optional: its span is the years of its targets, kept as None."""
    report = kinerja.loads_report(REPORT)
    plan = report.indicator("IKK-1").plan
    assert plan.period is None
    assert plan.span == (2022, 2024)
    assert kinerja.loads_report(kinerja.dump_report(report)) == report


@pytest.mark.parametrize("period", ["2020", [2020], [2020, "2024"], [2020, 1800]])
def test_a_bad_plan_period_is_a_located_error(period):
    """A period that is not two plausible years is refused with the file's key path."""
    text = REPORT.replace('source = "Renstra"', f"source = \"Renstra\"\nperiod = {period!r}"
                          .replace("'", '"'))
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.loads_report(text)
    fields = [error.field for error in caught.value.exceptions]
    assert len(fields) == 1
    assert fields[0].startswith("indicators[0].plan.period")


def test_budget_line_takes_its_spending_type_from_the_account():
    """No spending type (or None) with an account: the account's first two digits give it."""
    given_none = kinerja.BudgetLine(year=2023, account="521211", spending_type=None, pagu=10,
                                    realization=5)
    assert given_none.spending_type is kinerja.SpendingType.BARANG
    moved = attrs.evolve(kinerja.BudgetLine(year=2023, pagu=10, realization=5), account="511111")
    assert moved.spending_type is kinerja.SpendingType.PEGAWAI
    with pytest.raises(kinerja.InvalidValueError, match="is spending type 52, not 51"):
        kinerja.BudgetLine(year=2023, account="521211", spending_type="51", pagu=1, realization=1)


def test_scheme_reports_a_bad_year_with_every_other_problem():
    """An implausible valid_from is one of the problems reported at once, not a lone error."""
    text = ('name = ""\nregulation = "r"\nvalid_from = 1800\n'
            '[[components]]\nkey = "a"\nname = "A"\nweight = -1\n')
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.loads_scheme(text)
    assert [e.field for e in caught.value.exceptions] == ["name", "valid_from",
                                                           "components[0].weight"]
    with pytest.raises(kinerja.InvalidTypeError, match="valid_from"):
        kinerja.Scheme(name="S", regulation="r", valid_from=None,
                       components=[kinerja.Component(key="a", name="A", weight=1)])


@pytest.mark.parametrize(("build", "field"), [
    (lambda: kinerja.Report(satker="Bapas", year=2023, goals=[], indicators=[]), "satker"),
    (lambda: kinerja.Report(satker=kinerja.Satker(name="S"), year=2023, goals=[],
                            indicators=[], policy="mirror"), "policy"),
    (lambda: kinerja.Report(satker=kinerja.Satker(name="S"), year=2023, goals=["SK-1"],
                            indicators=[]), "goals[0]"),
    (lambda: kinerja.IndicatorRecord(indicator=_indicator(), goal="SK-1", plan=[50, 60]),
     "plan"),
    (lambda: kinerja.IndicatorRecord(indicator=_indicator(), goal="SK-1",
                                     targets={2023: None}), "targets.2023"),
    (lambda: kinerja.Trajectory(targets=[50, 60]), "plan.targets"),
])
def test_constructors_refuse_wrong_types_with_a_kinerja_error(build, field):
    """Wrong kinds of fields raise kinerja's own typed errors naming the field, at once."""
    with pytest.raises(kinerja.KinerjaError) as caught:
        build()
    assert caught.value.field == field


def _indicator():
    return kinerja.Indicator(code="IKK-1", name="Indikator", level="IKK", unit="%")


def test_numbers_are_read_where_figures_are_given():
    """Plain numbers become Targets and Realizations; a score string that is no number fails."""
    record = kinerja.IndicatorRecord(indicator=_indicator(), goal="SK-1",
                                     targets={2023: "60"}, realizations={2023: 75})
    assert record.targets[2023] == kinerja.Target(year=2023, value=60)
    assert record.realizations[2023] == kinerja.Realization(year=2023, value=75)
    with pytest.raises(kinerja.NumberFormatError) as caught:
        kinerja.Report(satker=kinerja.Satker(name="S"), year=2023, goals=[], indicators=[],
                       ikpa={"revisi_dipa": "abc"})
    assert caught.value.field == "ikpa.revisi_dipa"


def test_report_scores_take_a_calculated_component_as_its_value():
    """An IKPA component computed from its figures is kept as its exact score."""
    revisi = kinerja.ikpa_revisi_dipa(year=2023, revisions=[1, 2, 0, 4])
    report = kinerja.Report(satker=kinerja.Satker(name="S"), year=2023, goals=[],
                            indicators=[], ikpa={"revisi_dipa": revisi})
    assert report.ikpa["revisi_dipa"] == Decimal("68.75")
    with pytest.raises(kinerja.InvalidValueError, match="calculation of revisi_dipa"):
        kinerja.Report(satker=kinerja.Satker(name="S"), year=2023, goals=[], indicators=[],
                       ikpa={"penyerapan_anggaran": revisi})


def test_frozen_values_hold_no_mutable_collections():
    """Report fields are read-only mappings; a report pickles and compares equal."""
    report = kinerja.example_report()
    with pytest.raises(TypeError):
        report.budget["spending_type"] = ()
    with pytest.raises(TypeError):
        report.indicators[0].targets[2099] = kinerja.NOT_APPLICABLE
    assert isinstance(report.ikpa, kinerja.FrozenMap)
    assert pickle.loads(pickle.dumps(report)) == report
    with pytest.raises(TypeError):
        kinerja.PENYERAPAN_TARGETS[2024]["51"] = (Decimal(1),)


def test_batch_results_are_read_only():
    """The arrays a BatchScore holds cannot be changed behind its back."""
    scheme = kinerja.nka_scheme(2023)
    scores = scheme.score_batch({key: np.array([90.0, 80.0]) for key in scheme.keys})
    with pytest.raises(ValueError, match="read-only"):
        scores.final[0] = 100.0
    data = kinerja.batch.synthetic_national(seed=2, satkers=3)
    with pytest.raises(ValueError, match="read-only"):
        data.indicators.target[0] = 0.0


def test_range_target_messages_name_the_range_or_the_bound_used():
    """Inside a range the message shows the range; outside, the bound the formula used."""
    target = kinerja.Target(year=2023, low=80, high=90)
    policy = kinerja.AchievementPolicy()
    polarity = kinerja.Polarity.HIGHER_IS_BETTER
    inside = AchievementCheck(kinerja.Realization(year=2023, value=85), target, polarity, policy)
    outcome = inside.check(PrintedNumber(value=Decimal(95), places=0), use_cap=False)
    params = dict(outcome.parts[0][1])
    assert params["t"].format("id") == "80–90"
    above = AchievementCheck(kinerja.Realization(year=2023, value=92), target, polarity, policy)
    outcome = above.check(PrintedNumber(value=Decimal(115), places=0), use_cap=False)
    assert dict(outcome.parts[0][1])["t"].format("en") == "90"
    # 92 / 90 × 100 = 102.22 %: expected at the printed precision (no decimals), the message
    # at two.
    assert outcome.expected == "102"
    assert outcome.exact.startswith("102.2222")
