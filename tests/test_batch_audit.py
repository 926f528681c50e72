"""The audit over many reports: the same findings as one by one, planted mistakes found."""

import pytest

import kinerja
import kinerja.batch._reports as synthetic
from kinerja import batch


@pytest.fixture(scope="module")
def data():
    return batch.synthetic_national(seed=5, satkers=30, years=(2023, 2024))


def test_audit_many_is_audit_one_by_one(data):
    """audit_many gives, report by report, exactly what kinerja.audit gives."""
    reports = batch.synthetic_reports(data, range(0, 60, 7))
    many = batch.audit_many(reports)
    assert [r.findings for r in many] == [kinerja.audit(r).findings for r in reports]
    assert [r.year for r in many] == [r.year for r in reports]


def test_without_planted_mistakes_only_conventions_and_inputs_are_reported(data, monkeypatch):
    """Right printed figures give no finding beyond the cap notes and over-pagu inputs."""
    monkeypatch.setattr(synthetic, "MISTAKE_SHARE", 0.0)
    results = batch.audit_many(batch.synthetic_reports(data, range(60)))
    rules = {f.rule for r in results for f in r}
    assert rules <= {"cap-applied", "budget-over-pagu"}
    assert all(f.location.startswith("budget.") for r in results for f in r
               if f.rule == "budget-over-pagu")


def test_planted_mistakes_are_found(data, monkeypatch):
    """Every planted mistake is found: achievements off by 0.01, truncated absorptions."""
    monkeypatch.setattr(synthetic, "MISTAKE_SHARE", 1.0)
    reports = batch.synthetic_reports(data, range(10))
    for report, result in zip(reports, batch.audit_many(reports), strict=True):
        flagged = {(f.location, f.printed): f.rule for f in result}
        for printed in report.printed:
            key = (printed.where, printed.text)
            if printed.figure == "achievement":
                assert key in flagged
            elif printed.figure == "absorption":
                kind = kinerja.SpendingType.parse(printed.line)
                lines = [x for x in report.budget["spending_type"] if x.spending_type is kind]
                right = kinerja.format_number(kinerja.total(lines).absorption, 2)
                if right != printed.text:
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
