"""Amounts as printed: scale words read only when allowed, judged at the printed precision.

Scale words are ribu, juta, miliar (milyar) and triliun; sen are read exactly.

Hand computation: the lines 30.123.456.789 + 15.600.000.000 = 45.723.456.789 Rupiah, which is
45,72... miliar: "Rp45,7 miliar" is right at one decimal, "Rp45,8 miliar" is not.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import kinerja

BUDGET = '''
format = "kinerja-report"
version = 2
year = 2024
[satker]
name = "Kanwil Contoh"
[[budget.spending_type]]
year = 2024
spending_type = 51
pagu = 30_123_456_789
realization = 29_876_543_210
[[budget.spending_type]]
year = 2024
spending_type = 52
pagu = 15_600_000_000
realization = 14_100_000_000
'''


@pytest.mark.parametrize(("text", "expected"), [
    ("Rp45,7 miliar", 45_700_000_000),
    ("Rp 45,7 milyar", 45_700_000_000),
    ("1,2 triliun", 1_200_000_000_000),
    ("Rp3 juta", 3_000_000),
    ("750 ribu", 750_000),
    ("Rp 1.234.567", 1_234_567),
])
def test_scale_words_are_read_when_allowed(text, expected):
    """With scales=True a scale word multiplies the amount exactly."""
    assert kinerja.parse_rupiah(text, scales=True) == expected
    assert kinerja.parse_number(text, scales=True) == expected


@pytest.mark.parametrize("text", ["Rp45,7 miliar", "1,2 triliun", "3 juta", "750 ribu"])
def test_a_scale_word_is_never_dropped_silently(text):
    """Without scales=True, a scale word is refused (never read as 45,7 Rupiah)."""
    with pytest.raises(kinerja.NumberFormatError, match="scale word"):
        kinerja.parse_number(text)
    with pytest.raises(kinerja.NumberFormatError, match="scales=True"):
        kinerja.parse_rupiah(text)


def test_sen_are_kept_exactly():
    """Rp 1.234.567,89 is 1234567.89 Rupiah exactly; a whole-Rupiah reader refuses it."""
    assert kinerja.parse_number("Rp 1.234.567,89") == Decimal("1234567.89")
    with pytest.raises(kinerja.InvalidValueError, match="parse_number"):
        kinerja.parse_rupiah("Rp 1.234.567,89")


def _audit(line: str, figure: str, text: str) -> list[tuple[str, str]]:
    report = kinerja.loads_report(
        BUDGET + f'[[printed]]\nfigure = "{figure}"\nbreakdown = "spending_type"\n'
                 f'line = "{line}"\ntext = "{text}"\nwhere = "Siaran pers"\n')
    return [(f.rule, f.expected) for f in kinerja.audit(report)]


@pytest.mark.parametrize(("line", "figure", "text", "findings"), [
    ("total", "pagu", "Rp45,7 miliar", []),
    ("total", "pagu", "Rp45,72 miliar", []),
    ("total", "pagu", "Rp46 miliar", []),
    ("total", "pagu", "Rp45,8 miliar", [("budget-total", "45.7")]),
    ("total", "pagu", "Rp45,73 miliar", [("budget-total", "45.72")]),
    ("total", "spending", "Rp43,98 miliar", []),  # 43.976.543.210
    ("51", "pagu", "Rp30,12 miliar", []),
    ("total", "pagu", "Rp 45.723.456.789", []),
    ("total", "pagu", "0,05 triliun", []),
])
def test_printed_amounts_in_miliar_are_judged_at_their_precision(line, figure, text, findings):
    """A printed amount with a scale word is right when the total rounds to it in that scale."""
    assert _audit(line, figure, text) == findings
