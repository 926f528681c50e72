"""A wrong amount printed in miliar is diagnosed in full Rupiah, at its printed precision."""

from __future__ import annotations

import pytest

import kinerja

REPORT = '''
format = "kinerja-report"
version = 2
year = 2024
[satker]
name = "Kantor Wilayah Contoh"
[[budget.spending_type]]
year = 2023
spending_type = 51
pagu = 50_000_000_000
realization = 45_712_345_678
[[budget.spending_type]]
year = 2024
spending_type = 51
pagu = 50_000_000_000
realization = 48_300_000_000
[[printed]]
figure = "spending"
breakdown = "spending_type"
line = "51"
text = "{text}"
where = "Paragraf 1"
'''


@pytest.mark.parametrize(("text", "rule", "says", "expected"), [
    # 45.712.345.678 (2023) is 45,7 miliar at one decimal: the other year's figure
    ("Rp45,7 miliar", "budget-amount", "2023", "48.3"),
    # 60 miliar is above the pagu of 50 miliar (48,3 is right)
    ("Rp60 miliar", "budget-over-pagu", "50.000.000.000", "48"),
    ("Rp48,3 miliar", None, None, None),
])
def test_a_scaled_amount_is_diagnosed_in_full_rupiah(text, rule, says, expected):
    """Another year's figure and spending above pagu are recognised in miliar too."""
    result = kinerja.audit(kinerja.loads_report(REPORT.replace("{text}", text)))
    found = [f for f in result if f.location == "Paragraf 1"]
    if rule is None:
        assert found == []
        return
    (finding,) = found
    assert (finding.rule, finding.expected) == (rule, expected)  # in the printed scale
    assert says in finding.message("id")
    assert finding.exact == "48.3"  # 48.300.000.000 in miliar, exactly
