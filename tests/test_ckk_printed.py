"""A printed output achievement CKK (PMK 214/PMK.02/2017), checked from the indicators' CKs.

The regulation's worked example: three outputs with CK 122 %, 80 % and 142 %;
CKK = (1,22 × 0,80 × 1,42)^(1/3) × 100 % = 1,38592^(1/3) × 100 % = 111,49 %
(the regulation prints 111,60 %, which these CKs do not give).
"""

from __future__ import annotations

from fractions import Fraction

import pytest

import kinerja

REPORT = '''
format = "kinerja-report"
version = 2
year = 2023
[satker]
name = "Satker Contoh"
[conventions]
cap = 120
[[goals]]
code = "SK-1"
level = "activity"
name = "Keluaran kegiatan"
[[indicators]]
code = "RO-1"
name = "Layanan perkantoran"
goal = "SK-1"
unit = "%"
targets = { 2023 = 100 }
realizations = { 2023 = 122 }
[[indicators]]
code = "RO-2"
name = "Layanan pembinaan"
goal = "SK-1"
unit = "%"
targets = { 2023 = 100 }
realizations = { 2023 = 80 }
[[indicators]]
code = "RO-3"
name = "Layanan pengawasan"
goal = "SK-1"
unit = "%"
targets = { 2023 = 100 }
realizations = { 2023 = 142 }
[[printed]]
figure = "ckk"
text = "{text}"
where = "Bab III, CKK"
'''


def _cube_root_bracket(places: int) -> Fraction:
    """The CKK rounded half up to *places*, found by cubing (no roots): the oracle."""
    product = Fraction(122 * 80 * 142, 100**3)  # 1,38592
    step = Fraction(1, 10**places)
    low = Fraction(111)  # 111^3 = 1.367.631 < 1.385.920 × 1000 (in percent)
    while ((low + step / 2) / 100) ** 3 <= product:
        low += step
    return low  # the last value whose half-step tie lies below the CKK


def test_the_oracle_gives_the_worked_example():
    """Cubing brackets the CKK: 111,485³ ≤ 1.385.920 < 111,495³ (in ‰ of 100³), so 111,49 %."""
    assert _cube_root_bracket(2) == Fraction("111.49")
    assert _cube_root_bracket(1) == Fraction("111.5")


@pytest.mark.parametrize(("text", "expected"), [
    ("111,49 %", None),
    ("111,5 %", None),
    ("111,60 %", "111.49"),  # the regulation's own printed figure
    ("106,67 %", "111.49"),  # the arithmetic mean of the capped CKs, (120 + 80 + 120) / 3
])
def test_a_printed_ckk_is_the_geometric_mean_of_the_raw_cks(text, expected):
    """CKK uses the uncapped CKs (142 %, not the report's 120 %) and the geometric mean."""
    result = kinerja.audit(kinerja.loads_report(REPORT.replace("{text}", text)))
    found = [(f.rule, f.expected) for f in result if f.location == "Bab III, CKK"]
    assert found == ([] if expected is None else [("ckk", expected)])
    if expected is not None:
        (finding,) = [f for f in result if f.location == "Bab III, CKK"]
        assert "RO-1, RO-2, RO-3" in finding.message("en")
        assert finding.message("id").startswith("Rata-rata geometrik 3 capaian keluaran")
        assert "PMK 214/PMK.02/2017" in finding.source_text("id")


def test_a_ckk_of_a_goal_without_indicators_cannot_be_checked():
    """A CKK for a goal with no indicators is a note that names what is missing, not an error."""
    text = REPORT.replace("{text}", "100 %").replace(
        'figure = "ckk"', 'figure = "ckk"\ngoal = "SK-9"')
    result = kinerja.audit(kinerja.loads_report(text))
    (finding,) = [f for f in result if f.location == "Bab III, CKK"]
    assert finding.severity is not kinerja.Severity.ERROR
    assert "SK-9" in finding.message("en")


def _audit_ckk(realizations: tuple[int, int, int], lower: bool = False) -> list:
    """The findings on the printed CKK "100 %" for three outputs with these realizations."""
    text = REPORT.replace("{text}", "100 %")
    for code, value in zip(("RO-1", "RO-2", "RO-3"), realizations, strict=True):
        old = {"RO-1": 122, "RO-2": 80, "RO-3": 142}[code]
        text = text.replace(f"realizations = {{ 2023 = {old} }}",
                            f"realizations = {{ 2023 = {value} }}", 1)
    if lower:
        text = text.replace('code = "RO-2"\n', 'code = "RO-2"\npolarity = "negatif"\n', 1)
    result = kinerja.audit(kinerja.loads_report(text))
    return [f for f in result if f.location == "Bab III, CKK"]


def test_a_negative_ck_makes_the_ckk_uncheckable_not_a_crash():
    """R = 250 against T = 100, lower is better: (200 − 250) % is negative; a note, no error."""
    (finding,) = _audit_ckk((122, 250, 142), lower=True)
    assert (finding.rule, finding.severity) == ("cannot-check", kinerja.Severity.INFO)
    assert "RO-2" in finding.message("en")


def test_small_cks_are_percent_not_fractions():
    """CKs of 1 %, 1 % and 2 %: CKK = (0,01 · 0,01 · 0,02)^(1/3) × 100 = 1,26 %, checked."""
    # 1,26³ = 2,000376 ≥ 2 > 1,255³ = 1,9767…: the cube root of 2 rounds to 1,26.
    assert Fraction("1.255") ** 3 < 2 <= Fraction("1.265") ** 3
    (finding,) = _audit_ckk((1, 1, 2))
    assert (finding.rule, finding.expected) == ("ckk", "1")  # printed "100 %": no decimals
    assert finding.exact.startswith("1.2599")  # 2^(1/3) = 1.259921…
