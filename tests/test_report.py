"""The report model, its file format and the bundled reference report."""

import textwrap
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kinerja
from kinerja import NOT_APPLICABLE, Level, Polarity, round_half_up

# --- the bundled example ---------------------------------------------------------------


@pytest.fixture(scope="module")
def report():
    return kinerja.example_report()


def test_example_satker_and_year(report):
    """The bundled report is Bapas Kelas II Pangkalpinang's LKjIP 2023."""
    assert report.satker.name == "Balai Pemasyarakatan Kelas II Pangkalpinang"
    assert report.satker.code == "693222"
    assert report.year == 2023
    assert report.policy.cap.upper == 120


def test_example_goals_and_indicators(report):
    """Two strategic, one program and two activity goals; 2 IKU, 4 IKP, 7 IKK."""
    assert [g.level for g in report.goals] == [Level.STRATEGIC] * 2 + [Level.PROGRAM] + [
        Level.ACTIVITY] * 2
    assert [len(report.by_level(level)) for level in Level] == [2, 4, 7]


def test_example_targets_from_the_agreements(report):
    """Targets are the signed agreements' (PK 2022 and PK 2023), not the tables' variants."""
    assert report.indicator("IKK-1.3").targets[2023].value == 35  # Tabel 3.7 prints 30
    assert report.indicator("IKK-1.3").targets[2022].value == 30  # Tabel 3.8 prints 25
    assert report.indicator("IKK-1.2").targets[2022].value == 60  # Tabel 3.5 prints 50
    assert report.indicator("IKU-2").targets[2022].value == Decimal("77.5")
    assert report.indicator("IKP-2").target(2023) is NOT_APPLICABLE


def test_example_realizations_from_counts(report):
    """2023 realizations of the share indicators come from their counts."""
    counts = {code: (r.realizations[2023].numerator, r.realizations[2023].denominator)
              for code in ("IKK-1.1", "IKK-1.2", "IKK-1.3")
              for r in [report.indicator(code)]}
    assert counts == {"IKK-1.1": (994, 1327), "IKK-1.2": (31, 47), "IKK-1.3": (15, 17)}
    assert report.indicator("IKU-1").realizations[2023].is_missing
    assert report.indicator("IKK-1.2").indicator.polarity is Polarity.LOWER_IS_BETTER


def test_example_plans(report):
    """Renstra trajectories as the report's tables give them, with their periods."""
    plan = report.indicator("IKK-1.1").plan
    assert {y: t.value for y, t in plan.targets.items()} == {2022: 50, 2023: 60, 2024: 70,
                                                             2025: 70}
    assert plan.span == (2022, 2025)
    assert report.indicator("IKK-1.3").plan.span == (2021, 2024)
    assert report.indicator("IKU-1").plan is None


def test_example_budget(report):
    """Both budget breakdowns, both years, totals recomputed."""
    assert report.budget_years() == [2022, 2023]
    assert report.budget_total("spending_type", 2022).pagu == 4_882_641_000
    assert report.budget_total("spending_type").realization == 4_100_202_041
    # The two breakdowns of 2023 cover the same money.
    assert report.budget_total("activity").realization == 4_100_202_041
    assert report.budget_total("activity").pagu == 4_100_832_000


def test_example_scores(report):
    """IKPA components, SMART DJA variables and the e-Monev scale are loaded."""
    assert report.ikpa["deviasi_halaman_iii"] == Decimal("94.18")
    assert report.ikpa["pengelolaan_up_tup"] == Decimal("97.58")
    assert len(report.ikpa) == 8
    assert report.nka == {"capaian_output": Decimal("98.98"),
                          "penyerapan_anggaran": Decimal("99.94"),
                          "efisiensi": Decimal("49.99"), "konsistensi": Decimal("99.96")}
    assert report.emonev["Persiapan"] == 75


def test_example_round_trip(report):
    """Loading what dump_report wrote gives an equal report."""
    assert kinerja.loads_report(kinerja.dump_report(report)) == report


def test_save_and_load(tmp_path, report):
    """save_report writes a file load_report reads back equal."""
    path = tmp_path / "laporan.toml"
    kinerja.save_report(report, path)
    assert kinerja.load_report(path) == report


# --- comparisons -----------------------------------------------------------------------


def test_history_lower_is_better(report):
    """IKK-1.2: 2022 (2 − 50/60) × 100 = 116.67 %; 2023 80.08 %; 50 → 65.96 % is worse."""
    rows = report.history("IKK-1.2")
    assert [r.year for r in rows] == [2022, 2023]
    assert round_half_up(rows[0].result.raw) == Decimal("116.67")
    assert round_half_up(rows[1].result.raw) == Decimal("80.08")
    assert rows[1].change is kinerja.Direction.WORSENED


def test_history_higher_is_better(report):
    """IKK-1.3: 2022 25 / 30 = 83.33 %; 2023 88.24 / 35 = 252.10 %; 25 → 88.24 % improved."""
    rows = report.history("IKK-1.3")
    assert round_half_up(rows[0].result.raw) == Decimal("83.33")
    assert round_half_up(rows[1].result.raw) == Decimal("252.10")
    assert rows[1].result.capped == 120
    assert rows[1].change is kinerja.Direction.IMPROVED


def test_history_keeps_agreed_and_planned_target():
    """A target that differs between plan and agreement is kept as both."""
    indicator = kinerja.Indicator(code="X", name="x", level="IKK", unit="%")
    plan = kinerja.Trajectory(targets={2023: 60, 2024: 70})
    rows = kinerja.history(indicator, {2023: kinerja.Target(year=2023, value=55)},
                           {2023: kinerja.Realization(year=2023, value=58)}, plan=plan)
    assert rows[0].target.value == 55
    assert rows[0].plan_target.value == 60
    assert rows[0].target_differs_from_plan


def test_progress_toward_final_target(report):
    """IKK-1.2 against its plan: 2023 target 55 %, final (2025) 50 %.

    (2 − 65.957/55) × 100 = 80.08 % (not on track); (2 − 65.957/50) × 100 = 68.09 %.
    """
    progress = report.progress("IKK-1.2")
    assert round_half_up(progress.achievement_year) == Decimal("80.08")
    assert round_half_up(progress.achievement_final) == Decimal("68.09")
    assert progress.on_track is False
    assert progress.reached_final is False
    assert list(progress.later_targets) == [2024, 2025]


def test_progress_missing_realization(report):
    """Without a realization the progress is unknown, not failed."""
    assert report.progress("IKU-1") is None
    indicator = kinerja.Indicator(code="X", name="x", level="IKK", unit="%")
    progress = kinerja.progress(indicator, kinerja.Realization.not_reported(2023),
                                kinerja.Trajectory(targets={2023: 60}))
    assert progress.on_track is None


# --- tables ----------------------------------------------------------------------------


def test_target_table_rows_by_hand(report):
    """Comparison 1 for three indicators, recomputed by hand.

    IKK-1.1: 994 / 1327 = 74.906 %; 74.906 / 60 = 124.84 %, capped 120 %.
    IKK-1.2 (lower is better): 31 / 47 = 65.957 %; (2 − 65.957 / 55) × 100 = 80.08 %.
    IKK-2.1: 1 / 1 Layanan = 100 %.
    """
    expected = {"IKK-1.1": ("74,91%", "124,84", "120,00"),
                "IKK-1.2": ("65,96%", "80,08", "80,08"),
                "IKK-2.1": ("1 Layanan", "100,00", "100,00")}
    for code, cells in expected.items():
        table = kinerja.target_table(report, code)
        assert table.text_rows()[0][2:] == list(cells)


def test_comparison_table_by_hand(report):
    """Comparison 2 for IKK-1.2: 2022 60 % / 50 % / 116,67; 2023 55 % / 65,96 % / 80,08."""
    table = kinerja.comparison_table(report, "IKK-1.2")
    assert table.text_rows()[0][1:] == ["60%", "50%", "116,67", "116,67", "55%", "65,96%",
                                        "80,08", "80,08", "menurun"]


def test_plan_table_by_hand(report):
    """Comparison 3 for IKK-1.3: plan 25/30/35/35 %; 88.24 / 35 = 252.10 % for both."""
    table = kinerja.plan_table(report, "IKK-1.3")
    assert table.text_rows()[0][1:] == ["25%", "30%", "35%", "35%", "88,24%", "252,10",
                                        "252,10", "ya"]


def test_budget_tables_by_hand(report):
    """Tabel 3.22 and 3.23 recomputed: remainders and absorptions of every row."""
    by_type = kinerja.budget_type_table(report).text_rows()
    assert by_type[3] == ["2022", "Total", "4.882.641.000", "4.880.544.924", "2.096.076",
                          "99,96"]
    assert by_type[6] == ["2023", "Belanja Modal", "0", "0", "0", "t/a"]
    by_activity = kinerja.budget_activity_table(report).text_rows()
    assert by_activity[1][-1] == "99,99"  # 3.529.557.791 / 3.530.082.000 = 99.985 %


def test_tables_render_in_english(report):
    """English headings and English notation on request."""
    table = kinerja.budget_activity_table(report)
    assert table.to_markdown(lang="en").splitlines()[2].startswith("| Activity | Ceiling")
    assert "4,100,832,000" in table.to_csv(lang="en")
    assert "<caption>" in table.to_html()


def test_chapter_three_has_every_table(report):
    """Chapter III: overview, three tables per indicator with a plan, the budget tables."""
    keys = [t.key for t in kinerja.chapter_three(report)]
    assert keys[0] == "overview"
    assert {"IKK-1.1.target", "IKK-1.1.years", "IKK-1.1.plan"} <= set(keys)
    assert keys[-2:] == ["budget.spending_type", "budget.activity"]
    assert "IKP-2.target" not in keys  # not applicable in 2023


# --- malformed files -------------------------------------------------------------------

VALID = textwrap.dedent("""\
    format = "kinerja-report"
    version = 1
    year = 2023

    [satker]
    name = "Satker Uji"

    [[goals]]
    code = "SK-1"
    level = "activity"
    name = "Sasaran"

    [[indicators]]
    code = "IKK-1"
    name = "Indikator satu"
    goal = "SK-1"
    unit = "%"

    [indicators.targets]
    2023 = 60

    [indicators.realizations]
    2023 = 75
    """)


def test_minimal_valid_file():
    """The minimal file used below is itself valid."""
    assert kinerja.loads_report(VALID).assess("IKK-1").raw == 125


def _problems(text):
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.loads_report(text, source="uji.toml")
    return [str(e) for e in caught.value.exceptions]


def test_every_problem_reported_at_once_with_location():
    """Wrong types, unknown keys, bad numbers: all collected, each with path and line."""
    text = VALID.replace('unit = "%"', 'unit = "%"\ncolour = "red"') \
                .replace("2023 = 60", '2023 = "enam puluh"') \
                .replace("2023 = 75", "2023 = true") \
                .replace('name = "Satker Uji"', "name = 5")
    problems = _problems(text)
    assert len(problems) == 4
    joined = "\n".join(problems)
    assert "indicators[0].colour (line 18): unknown key" in joined
    assert "indicators[0].targets.2023 (line 21): is neither a number nor a known word" \
        in joined
    assert '"not stated" when the document does not show it' in joined
    assert "indicators[0].realizations.2023 (line 24): must be a number" in joined
    assert "satker.name (line 6): must be text" in joined


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # Missing targets.
        (("[indicators.targets]\n2023 = 60\n", ""),
         "indicators[0].targets (line 13): an indicator needs at least one target"),
        # A year outside the plan period.
        (("2023 = 75\n", ("2023 = 75\n\n[indicators.plan]\nperiod = [2020, 2024]\n\n"
                          "[indicators.plan.targets]\n2023 = 60\n2025 = 70\n")),
         "indicators[0].plan.targets.2025 (line 30): the year lies outside the plan period"),
        # An ambiguous number.
        (("2023 = 75", '2023 = "4,100"'), "indicators[0].realizations.2023 (line 23): '4,100'"),
        # A year key that is not a year.
        (("2023 = 60", "tahun = 60"), "indicators[0].targets.tahun (line 20): a year key"),
        # The same year written twice (as "2023" and " 2023").
        (("2023 = 60", '2023 = 60\n" 2023" = 61'), "the year is given twice"),
        # Unknown goal.
        (('goal = "SK-1"', 'goal = "SK-9"'), "indicators[0].goal (line 16): refers to an unknown"),
        # Missing required top-level key.
        (("year = 2023\n", ""), "year: required key is missing"),
        # Wrong version.
        (("version = 1", "version = 3"), "version (line 2): this kinerja reads versions 1, 2"),
        # Counts that contradict the stated value.
        (("2023 = 75", "2023 = { value = 63, numerator = 994, denominator = 1327 }"),
         "indicators[0].realizations.2023 (line 23): does not match its counts"),
        # Budget line with a fraction of a Rupiah.
        (("2023 = 75\n", ("2023 = 75\n\n[[budget.spending_type]]\nyear = 2023\n"
                          'spending_type = "52"\npagu = 100.5\nrealization = 50\n')),
         "Rupiah amounts are whole numbers"),
    ],
)
def test_malformed_files(change, expected):
    """Each kind of malformed file gives a located error that says what is wrong."""
    old, new = change
    assert old in VALID
    problems = _problems(VALID.replace(old, new))
    assert any(expected in p for p in problems), problems


def test_not_toml_is_one_clear_error():
    """A file that is not TOML gives one ReportFileError with the parser's position."""
    with pytest.raises(kinerja.ReportFileError, match="line 1, column"):
        kinerja.loads_report("year = = 2023")
    with pytest.raises(OSError, match="cannot read"):
        kinerja.load_report("/nonexistent/laporan.toml")


def test_duplicate_toml_keys_are_refused():
    """A year written twice under the same key is a TOML error, reported with its line."""
    with pytest.raises(kinerja.ReportFileError, match="line 21"):
        kinerja.loads_report(VALID.replace("2023 = 60", "2023 = 60\n2023 = 61"))


def test_model_validation_collects_problems():
    """Building a Report in code also reports every problem at once."""
    goal = kinerja.Goal(code="SK-1", level="activity", name="x")
    indicator = kinerja.Indicator(code="A", name="a", level="program", unit="%")
    record = kinerja.IndicatorRecord(indicator=indicator, goal="SK-1")
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.Report(satker=kinerja.Satker(name="s"), year=2023, goals=[goal, goal],
                       indicators=[record, record])
    fields = sorted(e.field for e in caught.value.exceptions)
    assert fields == ["goals[1].code", "indicators[0].level", "indicators[1].code",
                      "indicators[1].level"]


# --- round trip property ---------------------------------------------------------------

figures = st.decimals(min_value=0, max_value=10**6, places=2)


@st.composite
def reports(draw):
    """Small random reports: a few indicators with point or range targets."""
    records = []
    for i in range(draw(st.integers(1, 4))):
        indicator = kinerja.Indicator(
            code=f"IKK-{i}", name=f"Indikator {i}", level="IKK",
            unit=draw(st.sampled_from(["%", "Layanan", "indeks", "bulan"])),
            polarity=draw(st.sampled_from(list(Polarity))))
        years = draw(st.lists(st.integers(2020, 2024), min_size=1, max_size=3, unique=True))
        targets = {}
        for y in years:
            if draw(st.booleans()):
                targets[y] = kinerja.Target(year=y, value=draw(figures))
            else:
                low, high = sorted((draw(figures), draw(figures)))
                targets[y] = kinerja.Target(year=y, low=low, high=high)
        realizations = {}
        for y in years:
            choice = draw(st.integers(0, 2))
            if choice == 0:
                realizations[y] = kinerja.Realization(year=y, value=draw(figures))
            elif choice == 1:
                whole = draw(st.integers(1, 5000))
                realizations[y] = kinerja.Realization(year=y, numerator=draw(st.integers(0, whole)),
                                                      denominator=whole)
            else:
                realizations[y] = kinerja.Realization.not_reported(y)
        records.append(kinerja.IndicatorRecord(indicator=indicator, goal="SK-1",
                                               targets=targets, realizations=realizations))
    lines = [kinerja.BudgetLine(year=2023, spending_type=t, pagu=draw(st.integers(0, 10**16)),
                                realization=draw(st.integers(0, 10**16)))
             for t in draw(st.lists(st.sampled_from(["51", "52", "53", "57"]), max_size=3))]
    return kinerja.Report(
        satker=kinerja.Satker(name=draw(st.text(min_size=1, max_size=20).filter(str.strip))),
        year=2023, goals=[kinerja.Goal(code="SK-1", level="activity", name="Sasaran")],
        indicators=records, budget={"spending_type": lines} if lines else {},
        policy=kinerja.AchievementPolicy(cap=draw(st.sampled_from([None, kinerja.CAP_120]))),
    )


@given(reports())
def test_round_trip_property(report):
    """load(dump(report)) == report for random reports."""
    assert kinerja.loads_report(kinerja.dump_report(report)) == report


def test_report_scores(report):
    """IKPA 2023 from the report: 99.176 (printed 99,18), Sangat Baik; NKA 85.24034.

    NKA: (9.7 × 99.94 + 18.2 × 99.96 + 43.5 × 98.98 + 28.6 × 49.99) / 100
    = (969.418 + 1819.272 + 4305.63 + 1429.714) / 100 = 85.24034.
    """
    ikpa = report.ikpa_score()
    assert (ikpa.total, ikpa.category) == (Decimal("99.176"), "Sangat Baik")
    assert report.nka_score().final == Decimal("85.24034")


def test_unknown_ikpa_component_is_located():
    """An IKPA key that is not a component of the year's scheme is refused with its line."""
    text = VALID + "\n[ikpa.components]\nrevisi_dipa = 100\nrevisi = 90\n"
    problems = _problems(text)
    assert any("ikpa.components.revisi (line 27): not a component of the IKPA scheme" in p
               for p in problems), problems


def test_indicator_budget(report):
    """Budget attached to an indicator: its lines' total, or None without any."""
    line = kinerja.BudgetLine(year=2023, indicator="IKK-1.2", pagu=200_000,
                              realization=150_000)
    with_budget = attrs.evolve(report, budget={**report.budget, "indicator": [line]})
    total = with_budget.indicator_budget("IKK-1.2")
    # 150.000 / 200.000 × 100 = 75 %.
    assert (total.pagu, total.absorption) == (200_000, Decimal(75))
    assert with_budget.indicator_budget("IKK-1.1") is None
    assert report.indicator_budget("IKK-1.2") is None
