"""A share printed with its counts ("17 dari 98 satker (17,35 %)"), checked as part / whole × 100.

Hand computation: 17 / 98 × 100 = 17,3469...: 17,35 at two decimals, 17,3 at one.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

import kinerja

HEAD = '''
format = "kinerja-report"
version = 2
year = 2024
[satker]
name = "Kanwil Contoh"
[[printed]]
figure = "share"
text = "{text}"
where = "Siaran pers, paragraf 2"
'''


@pytest.mark.parametrize(("text", "rules"), [
    ("17 dari 98 satker (17,35 %)", []),
    ("17 of 98 work units (17,3%)", []),
    ("17 dari 98 satker (17,53 %)", [("share", "17.35")]),
    ("17 dari 98 satker (17,34 %)", [("rounding-truncated", "17.35")]),
])
def test_a_printed_share_is_its_counts_ratio(text, rules):
    """The percentage printed beside two counts is part / whole × 100 at its printed decimals."""
    assert round(Fraction(17, 98) * 100, 2) == Fraction("17.35")
    result = kinerja.audit(kinerja.loads_report(HEAD.replace("{text}", text)))
    assert [(f.rule, f.expected) for f in result.findings] == rules


@pytest.mark.parametrize("text", ["17 dari 98 satker", "17,35 %", "1, 2, 3 and 4 %"])
def test_a_share_needs_two_counts_and_a_percentage(text):
    """A share printed without both counts and its percentage is refused when the file is read."""
    with pytest.raises(kinerja.KinerjaError):
        kinerja.loads_report(HEAD.replace("{text}", text))
