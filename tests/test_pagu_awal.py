"""Pagu awal and pagu revisi: a line's pagu before the year's revisions, printed and checked.

Hand computation: two lines with pagu awal 4.850.000.000 and 32.641.000 (total
4.882.641.000) and revised pagu 4.100.000.000 and 782.641.000.
"""

from __future__ import annotations

import pytest

import kinerja

REPORT = '''
format = "kinerja-report"
version = 2
year = 2023
[satker]
name = "Satker Contoh"
[[budget.spending_type]]
year = 2023
spending_type = 51
pagu = 4_100_000_000
pagu_awal = 4_850_000_000
realization = 4_000_000_000
[[budget.spending_type]]
year = 2023
spending_type = 52
pagu = 782_641_000
{second}
realization = 700_000_000
[[printed]]
figure = "pagu_awal"
breakdown = "spending_type"
line = "total"
text = "{text}"
where = "Tabel 3.20"
'''


def _rules(text: str, second: str = "pagu_awal = 32_641_000") -> list[tuple[str, str]]:
    report = kinerja.loads_report(REPORT.format(text=text, second=second))
    return [(f.rule, f.expected) for f in kinerja.audit(report)]


@pytest.mark.parametrize(("text", "rules"), [
    ("Rp 4.882.641.000", []),
    ("Rp 4.882.605.000", [("budget-total", "4882641000")]),
])
def test_printed_pagu_awal_is_the_sum_of_the_lines(text, rules):
    """The printed pagu awal is the lines' pagu awal, not the revised pagu they add up to."""
    assert _rules(text) == rules


def test_a_line_without_its_pagu_awal_cannot_be_checked():
    """When a line does not state its pagu awal, the total cannot be checked (a note)."""
    assert _rules("Rp 4.882.641.000", second="") == [("cannot-check", "n/a")]


def test_round_trip_and_absorption_against_the_revised_pagu():
    """pagu_awal survives dump/load; absorption is measured against the revised pagu."""
    report = kinerja.loads_report(REPORT.format(text="1", second="pagu_awal = 32_641_000"))
    assert kinerja.loads_report(kinerja.dump_report(report)) == report
    line = report.budget["spending_type"][0]
    assert line.pagu_awal == 4_850_000_000
    assert line.absorption == kinerja.absorption(4_000_000_000, 4_100_000_000)


@pytest.mark.parametrize(("line", "text", "rules"), [
    ("51 + 52", "Rp 4.882.641.000", []),          # 4.100.000.000 + 782.641.000
    ("51 + 52", "Rp 4.100.000.000", [("budget-total", "4882641000")]),
    ("51 + 53", "Rp 4.100.000.000", [("unknown-line", "n/a")]),
])
def test_a_total_printed_for_some_lines(line, text, rules):
    """A total a report prints for only some lines ("51 + 52") is the sum of those lines."""
    base = REPORT.format(text="1", second="pagu_awal = 32_641_000").split("[[printed]]")[0]
    entry = (f'[[printed]]\nfigure = "pagu"\nbreakdown = "spending_type"\nline = "{line}"\n'
             f'text = "{text}"\nwhere = "Tabel 3.20"\n')
    result = kinerja.audit(kinerja.loads_report(base + entry))
    assert [(f.rule, f.expected) for f in result.findings] == rules
