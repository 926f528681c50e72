"""The audit over many reports: the same findings as one by one, planted mistakes found.

The synthetic reports are built by library code (kinerja.batch._reports), so their printed
figures are checked here against the oracle (tests/oracle.py) before the audit is.
"""

from fractions import Fraction

import pytest

import kinerja
import kinerja.batch._reports as synthetic
from kinerja import batch
from tests import oracle


@pytest.fixture(scope="module")
def data():
    return batch.synthetic_national(seed=5, satkers=30, years=(2023, 2024))


def test_audit_many_is_audit_one_by_one(data):
    """audit_many gives, report by report, exactly what kinerja.audit gives."""
    reports = batch.synthetic_reports(data, range(0, 60, 7))
    many = batch.audit_many(reports)
    assert [r.findings for r in many] == [kinerja.audit(r).findings for r in reports]
    assert [r.year for r in many] == [r.year for r in reports]


def _right(report, figure):
    """The oracle's text of a synthetic printed figure ("12,34%" for an achievement)."""
    text = oracle.right_text(report, figure)
    return text + "%" if figure.figure == "achievement" else text


def test_synthetic_figures_are_the_oracles(data, monkeypatch):
    """Without planted mistakes every printed figure is the oracle's, at its precision."""
    monkeypatch.setattr(synthetic, "MISTAKE_SHARE", 0.0)
    reports = batch.synthetic_reports(data, range(60))
    lower = 0
    for report in reports:
        for figure in report.printed:
            assert figure.text == _right(report, figure), figure
            if figure.indicator is not None:
                polarity = report.indicator(figure.indicator).indicator.polarity
                lower += polarity is kinerja.Polarity.LOWER_IS_BETTER
    assert lower > 100  # the lower-is-better formula is among those checked


def test_without_planted_mistakes_only_conventions_and_inputs_are_reported(data, monkeypatch):
    """Right printed figures give only the cap notes (where raw > 120) and over-pagu lines."""
    monkeypatch.setattr(synthetic, "MISTAKE_SHARE", 0.0)
    reports = batch.synthetic_reports(data, range(60))
    for report, result in zip(reports, batch.audit_many(reports), strict=True):
        above_cap = []
        for figure in report.printed:
            if figure.figure == "achievement":
                raw, reported = oracle.value_of(report, figure)
                if raw > reported:
                    above_cap.append(figure.where)
        over = [f"budget.spending_type[{j}]"
                for j, line in enumerate(report.budget["spending_type"])
                if line.realization > line.pagu]
        assert sorted((f.rule, f.location) for f in result) == sorted(
            [("cap-applied", where) for where in above_cap]
            + [("budget-over-pagu", where) for where in over])


def test_planted_mistakes_are_found(data, monkeypatch):
    """Every planted mistake is found: achievements off by 0.01, truncated absorptions."""
    monkeypatch.setattr(synthetic, "MISTAKE_SHARE", 1.0)
    reports = batch.synthetic_reports(data, range(10))
    for report, result in zip(reports, batch.audit_many(reports), strict=True):
        flagged = {(f.location, f.printed): f.rule for f in result}
        for printed in report.printed:
            key = (printed.where, printed.text)
            value = oracle.value_of(report, printed)
            if printed.figure == "achievement":
                assert printed.text == oracle.show(value[1] + Fraction(1, 100), 2) + "%"
                assert key in flagged
            elif printed.figure == "absorption":
                assert printed.text == oracle.show(oracle.truncate(value, 2), 2)
                if oracle.truncate(value, 2) != oracle.round_half_up(value, 2):
                    assert flagged[key] == "rounding-truncated"
                else:
                    assert key not in flagged


def test_findings_table_rows(data):
    """Rows carry the satker and the year beside the finding's fields."""
    results = batch.audit_many(batch.synthetic_reports(data, [0, 31]))
    rows = batch.findings_table(results, lang="id")
    assert {row["year"] for row in rows} <= {2023, 2024}
    assert all(set(row) >= {"satker", "year", "rule", "severity", "printed", "expected",
                            "message"} for row in rows)
