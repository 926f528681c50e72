"""Notebook display and DataFrames: readable reprs, HTML in Indonesian notation, typed columns."""

from decimal import Decimal

import pytest

import kinerja


@pytest.fixture(scope="module")
def report():
    return kinerja.example_report()


def test_readable_reprs(report):
    """Reports, results, audits and tables have one-line reprs that say what they hold."""
    assert repr(report) == ("Report('Balai Pemasyarakatan Kelas II Pangkalpinang', 2023: "
                            "13 indicators, 8 budget lines, 113 printed figures)")
    assert repr(report.assess("IKK-1.2")) == (
        "AchievementResult(IKK-1.2 2023, raw 80.08 %, capped 80.08 %, not met)")
    assert repr(report.assess("IKU-1")) == "AchievementResult(IKU-1 2023, missing)"
    assert repr(kinerja.audit(report)).endswith("35 error(s), 9 warning(s), 4 note(s))")
    assert repr(kinerja.overview_table(report)) == (
        "Table('overview': 'Performance achievement 2023', 13 row(s) × 7 column(s))")


def test_html_uses_indonesian_notation(report):
    """The notebook HTML shows figures as LKjIPs print them."""
    result_html = report.assess("IKK-1.1")._repr_html_()
    assert "124,84%" in result_html
    assert "Capaian (konversi 120 %)" in result_html
    report_html = report._repr_html_()
    assert "<table" in report_html
    assert "Rp 4.100.832.000" in report_html
    assert "(99,98%)" in report_html
    indicator_html = report.indicator("IKK-1.2").indicator._repr_html_()
    assert "semakin rendah semakin baik" in indicator_html


def test_audit_and_score_html(report):
    """Audit findings and scores display as tables, coloured by severity."""
    audit_html = kinerja.audit(report)._repr_html_()
    assert audit_html.count("<tr>") == 1 + 48  # a heading row and one row per finding
    assert "kesalahan" in audit_html
    finding_html = kinerja.audit(report).errors[0]._repr_html_()
    assert "#c0392b" in finding_html
    score_html = report.ikpa_score()._repr_html_()
    assert "Nilai Total" in score_html
    assert "99,18" in score_html or "99,176" in score_html
    assert "Sangat Baik" in score_html


def test_html_escapes_text():
    """Names are escaped, never injected as HTML."""
    indicator = kinerja.Indicator(code="<b>", name="a & b", level="IKK", unit="%")
    html = indicator._repr_html_()
    assert "&lt;b&gt;" in html
    assert "a &amp; b" in html


def test_table_to_pandas_typed_columns(report):
    """Table DataFrames: Int64 Rupiah, exact Decimal figures, string text, <NA> for n/a."""
    pd = pytest.importorskip("pandas")
    frame = kinerja.budget_type_table(report).to_pandas()
    assert str(frame["Pagu (Rp)"].dtype) == "Int64"
    assert str(frame["Jenis Belanja"].dtype) == "string"
    assert frame["Capaian (%)"].dtype == object
    assert frame["Capaian (%)"][0] == kinerja.absorption(2_785_813_740, 2_785_984_000)
    assert frame["Capaian (%)"][6] is pd.NA  # Belanja Modal 2023: pagu 0
    floats = kinerja.budget_type_table(report).to_pandas(exact=False, lang="en")
    assert str(floats["Absorption (%)"].dtype) == "Float64"
    assert floats["Absorption (%)"].isna().sum() == 1


def test_quantity_columns_keep_exact_values(report):
    """Target and realization cells become their exact values (units are in the table)."""
    pytest.importorskip("pandas")
    frame = kinerja.overview_table(report).to_pandas()
    row = frame[frame["Kode"] == "IKK-1.1"].iloc[0]
    assert row["Realisasi"] == kinerja.percentage(994, 1327)
    assert row["Target"] == Decimal(60)


def test_audit_to_pandas(report):
    """Findings as a DataFrame; severity is an ordered category."""
    pytest.importorskip("pandas")
    frame = kinerja.audit(report).to_pandas()
    assert list(frame.columns) == ["rule", "rule_name", "severity", "severity_name", "location",
                                   "subject", "printed", "expected", "expected_text", "exact",
                                   "message", "source"]
    assert frame["severity"].cat.ordered
    counts = frame.groupby("severity", observed=True).size().to_dict()
    assert counts == {"error": 35, "warning": 9, "info": 4}


def test_missing_pandas_says_which_extra(monkeypatch, report):
    """Without pandas, to_pandas() raises an ImportError naming the extra to install."""
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)  # makes "import pandas" fail
    with pytest.raises(kinerja.MissingDependencyError, match=r"kinerja\[pandas\]"):
        kinerja.overview_table(report).to_pandas()


def test_batch_scores_to_pandas():
    """Batch IKPA scores become a DataFrame with one row per work unit."""
    np = pytest.importorskip("numpy")
    pytest.importorskip("pandas")
    scheme = kinerja.ikpa_scheme(2023)
    columns = {key: np.array([100.0, 90.0]) for key in scheme.keys}
    frame = scheme.score_batch(columns).to_pandas()
    assert list(frame["final"]) == [100.0, 90.0]
    assert list(frame["category"]) == ["Sangat Baik", "Baik"]
    assert "Kualitas Perencanaan Anggaran" in frame.columns


def test_result_card_keeps_units_and_one_notation(report):
    """A result card writes target and realization with their unit, all in one notation."""
    from kinerja.outputs._display import result_html

    indonesian = result_html(report.assess("IKK-1.1"), "id")
    assert "<td style='text-align:right'>60%</td>" in indonesian
    assert "74,91% (994 / 1327)" in indonesian
    assert "tercapai" in indonesian
    english = result_html(report.assess("IKK-1.1"), "en")
    assert "74.91% (994 / 1327)" in english
    assert "124.84%" in english
    assert ">met<" in english
    assert "tercapai" not in english
    counted = result_html(report.assess("IKK-2.1"), "id")
    assert "1 Layanan" in counted


def test_nka_card_shows_weights_at_their_precision():
    """The NKA weights 9,7 / 18,2 / 43,5 / 28,6 are shown as they are, not rounded to 10 / 18."""
    result = kinerja.nka_scheme(2021).score({
        "penyerapan_anggaran": "95,53", "konsistensi": "99,61", "capaian_output": "99,72",
        "efisiensi": "59,98"})
    html = result._repr_html_()
    weights = ["9,7", "18,2", "43,5", "28,6"]
    assert all(f"<td style='text-align:right'>{w}</td>" in html for w in weights)


def test_ikpa_2024_card_has_a_deduction_row(report):
    """From Nilai Total to Nilai Akhir the 2024 card shows the deduction it subtracts."""
    from kinerja.outputs._display import score_html

    result = kinerja.ikpa_scheme(2024).score(dict(report.ikpa, dispensasi_spm="0,5"))
    html = score_html(result, "id")
    rows = [html.index(label) for label in ("Nilai Total", "Nilai Akhir sebelum pengurang",
                                            "Pengurang: Dispensasi SPM", ">Nilai Akhir<")]
    assert rows == sorted(rows)
    assert "−0,5" in html
    assert "Deduction: Dispensasi SPM" in score_html(result, "en")


def test_audit_html_speaks_one_language(report):
    """The audit's notebook table names rules and severities in the chosen language."""
    from kinerja.outputs._display import audit_html

    indonesian = audit_html(kinerja.audit(report), "id")
    assert "Polaritas diabaikan" in indonesian
    assert "achievement-polarity" not in indonesian
    english = audit_html(kinerja.audit(report), "en")
    assert "Polarity ignored" in english
    assert "kesalahan" not in english


def test_tables_to_pandas_in_english_have_english_words(report):
    """to_pandas(lang="en") writes statuses, changes, yes/no and spending types in English."""
    pytest.importorskip("pandas")
    overview = kinerja.overview_table(report).to_pandas(lang="en")
    assert set(overview["Status"].dropna()) <= {"met", "not met", "missing", "not applicable"}
    plan = kinerja.plan_table(report, "IKK-1.3").to_pandas(lang="en")
    assert list(plan["On track"]) == ["yes"]
    years = kinerja.comparison_table(report, "IKK-1.2").to_pandas(lang="en")
    assert list(years["Change"]) == ["worsened"]
    budget = kinerja.budget_type_table(report).to_pandas(lang="en")
    assert "Personnel spending" in list(budget["Spending type"])
    assert "Belanja Pegawai" in list(kinerja.budget_type_table(report).to_pandas()["Jenis Belanja"])


def test_report_card_shows_a_budget_not_stated():
    """A report whose budget total has an unstated realization shows it as such, not a crash."""
    lines = [kinerja.BudgetLine(year=2023, spending_type="51", pagu=1_000, realization=900),
             kinerja.BudgetLine(year=2023, spending_type="52", pagu=500,
                                realization=kinerja.NOT_STATED)]
    report = kinerja.Report(satker=kinerja.Satker(name="Satker"), year=2023, goals=[],
                            indicators=[], budget={"spending_type": lines})
    html = report._repr_html_()
    assert "1.500" in html  # pagu 1.000 + 500, both stated
    assert html.count(kinerja.core._l10n.label(kinerja.NOT_STATED, "id")) == 2  # spending, %
