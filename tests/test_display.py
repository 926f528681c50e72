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
    assert "124,84 %" in result_html
    assert "Capaian (konversi 120 %)" in result_html
    report_html = report._repr_html_()
    assert "<table" in report_html
    assert "Rp 4.100.832.000" in report_html
    assert "99,98 %" in report_html
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
    assert list(frame.columns) == ["rule", "severity", "location", "subject", "printed",
                                   "expected", "message", "source"]
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
