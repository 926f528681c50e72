"""Claims in words about how an indicator moved ("naik", "meningkat"), checked against the figures.

Maternal mortality went from 7 / 6.100 × 100.000 = 114,75 (2022) to 5 / 6.000 × 100.000 =
83,33 (2023): the value fell, which for a lower-is-better indicator is an improvement.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

import kinerja
from kinerja.report._printed import claimed_change

REPORT = '''
format = "kinerja-report"
version = 2
year = 2023
[satker]
name = "Dinas Kesehatan Kabupaten Contoh"
[[goals]]
code = "S-1"
level = "program"
name = "Meningkatnya derajat kesehatan masyarakat"
[[indicators]]
code = "AKI"
name = "Angka Kematian Ibu"
goal = "S-1"
unit = "per 100.000 kelahiran hidup"
polarity = "negatif"
targets = { 2023 = 90 }
realizations = { 2022 = { numerator = 7, denominator = 6100 }, 2023 = \
    { numerator = 5, denominator = 6000 } }
[[printed]]
figure = "change"
indicator = "AKI"
text = "{claim}"
where = "Bab III, paragraf 2"
'''


@pytest.mark.parametrize(("claim", "rules"), [
    ("AKI turun", []),
    ("capaian AKI meningkat", []),
    ("membaik", []),
    ("AKI naik", [("change-claim", "the value fell, an improvement")]),
    ("kinerja menurun", [("change-claim", "the value fell, an improvement")]),
    ("tetap", [("change-claim", "the value fell, an improvement")]),
])
def test_a_claimed_change_is_checked_against_both_years(claim, rules):
    """'turun' (the value) and 'meningkat' (the performance) are both right; 'naik' is not."""
    result = kinerja.audit(kinerja.loads_report(REPORT.replace("{claim}", claim)))
    assert [(f.rule, f.expected) for f in result.findings] == [(r, "n/a") for r, _ in rules]
    for finding, (_, truth) in zip(result.findings, rules, strict=True):
        assert truth in finding.message("en")


def test_the_message_says_which_way_and_why_in_both_languages():
    """The finding names both years' figures and what the move means for the polarity."""
    result = kinerja.audit(kinerja.loads_report(REPORT.replace("{claim}", "AKI naik")))
    assert result.findings[0].message("en").startswith(
        "The realization went from 114,75 (2022) to 83,33: the value fell, an improvement for "
        "this lower-is-better indicator.".replace(",", ".", 2))
    assert "nilainya turun, membaik untuk indikator berpolaritas negatif ini" in \
        result.findings[0].message("id")


@pytest.mark.parametrize("text", ["berubah", "naik dan turun", "120 %"])
def test_words_that_claim_no_one_direction_are_refused(text):
    """A claim must name one direction; anything else is refused when the file is read."""
    with pytest.raises(kinerja.KinerjaError):
        claimed_change(text)


# --- "rata-rata capaian": the mean of the reported achievements ---------------------------

def _mean_of(goal: str | None, text: str) -> list[tuple[str, str]]:
    base = kinerja.example_path().read_text(encoding="utf-8")
    entry = ('\n[[printed]]\nfigure = "achievement_mean"\n'
             + (f'goal = "{goal}"\n' if goal else "")
             + f'text = "{text}"\nwhere = "Bab III, rata-rata"\n')
    result = kinerja.audit(kinerja.loads_report(base + entry))
    return [(f.rule, f.expected) for f in result.findings if f.location == "Bab III, rata-rata"]


def _oracle_sk1() -> Fraction:
    """SK-1: 120 (capped), (2 − (31/47 × 100) / 55) × 100, 120 (capped)."""
    lower = (2 - Fraction(3100, 47) / 55) * 100
    return (120 + lower + 120) / 3


@pytest.mark.parametrize(("goal", "text", "rules"), [
    ("SK-1", "106,69 %", []),
    ("SK-1", "106,7 %", []),
    ("SK-1", "113,33 %", [("achievement-mean", "106.69")]),  # (120 + 120 + 100) / 3
    ("SK-2", "100 %", []),
    (None, "102,87 %", []),
])
def test_a_printed_mean_achievement(goal, text, rules):
    """A goal's (or all indicators') mean achievement is the mean of the reported ones."""
    assert round(_oracle_sk1(), 2) == Fraction("106.69")
    everything = (240 + (_oracle_sk1() * 3 - 240) + 400) / 7
    assert round(everything, 2) == Fraction("102.87")
    assert _mean_of(goal, text) == rules


# --- achievement against the Renstra's final-year target --------------------------------

@pytest.mark.parametrize(("code", "text", "expected"), [
    ("IKK-1.1", "107,01 %", None),        # (994 / 1327 × 100) / 70 × 100
    ("IKK-1.1", "107 %", None),
    ("IKK-1.1", "93,45 %", "107.01"),      # 70 / 74,91: the formula turned upside down
    ("IKK-1.2", "68,09 %", None),          # lower is better: (2 − (31/47 × 100) / 50) × 100
])
def test_achievement_against_the_final_year_target(code, text, expected):
    """A printed achievement against the Renstra's last target is recomputed from the plan."""
    r_11 = Fraction(99400, 1327)
    assert round(r_11 / 70 * 100, 2) == Fraction("107.01")
    assert round((2 - Fraction(3100, 47) / 50) * 100, 2) == Fraction("68.09")
    base = kinerja.example_path().read_text(encoding="utf-8")
    entry = (f'\n[[printed]]\nfigure = "achievement_final"\nindicator = "{code}"\n'
             f'text = "{text}"\nwhere = "Bab III, Renstra"\n')
    result = kinerja.audit(kinerja.loads_report(base + entry))
    found = [f for f in result.findings if f.location == "Bab III, Renstra"]
    assert [f.expected for f in found] == ([] if expected is None else [expected])
    if found:
        assert "Renstra" in found[0].message("en")
