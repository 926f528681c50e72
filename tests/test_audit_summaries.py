"""Printed IKPA and NKA figures without component scores, each judged under its own year's rules.

Expected weights are those of the regulations (PER-4/PB/2020: Belanja Kontraktual 15;
PER-4/PB/2021: 10; the NKA provisional weights: Penyerapan 9,7), and the IKPA category
bands (Baik 89 ≤ x < 95, Sangat Baik ≥ 95, judged on the score as printed).
"""

from __future__ import annotations

import pytest

import kinerja

HEAD = '''
format = "kinerja-report"
version = 1
year = {year}
[satker]
name = "Kanwil Contoh"
'''


def _audit(year: int, printed: list[dict[str, object]], extra: str = "") -> kinerja.AuditResult:
    """Audit a summary report (no indicators, no components) printing *printed*."""
    entries = "".join(
        "\n[[printed]]\n" + "\n".join(
            f"{k} = {v!r}" if isinstance(v, int) else f'{k} = "{v}"' for k, v in p.items())
        for p in printed)
    return kinerja.audit(kinerja.loads_report(HEAD.format(year=year) + extra + entries))


def _rules(result: kinerja.AuditResult) -> list[tuple[str, str]]:
    return sorted((f.rule, f.severity.value) for f in result.findings)


@pytest.mark.parametrize(("text", "rules"), [("15", []),
                                             ("10", [("ikpa-weight", "error")])])
def test_printed_weight_is_judged_by_the_scheme_of_its_year(text, rules):
    """A 2020 weight printed in a 2021 report is checked against PER-4/PB/2020 (15), not 2021."""
    result = _audit(2021, [{"figure": "ikpa.weight", "component": "belanja_kontraktual",
                            "year": 2020, "text": text, "where": "Tabel 3.9"}])
    assert _rules(result) == rules


def test_weight_of_the_report_year_without_components():
    """A weight of the report's own year is checked against that year's scheme (2021: 10)."""
    result = _audit(2021, [{"figure": "ikpa.weight", "component": "belanja_kontraktual",
                            "text": "15", "where": "Tabel 3.9"}])
    assert _rules(result) == [("ikpa-weight", "error")]
    assert result.findings[0].expected == "10"


@pytest.mark.parametrize(("final", "category", "rules"), [
    ("93,47", "Baik", []),
    ("93,47", "Sangat Baik", [("ikpa-category", "error")]),
    ("94,9951", "Sangat Baik", []),  # judged at 2 decimals, as presented: 95,00
    ("95", "Sangat Baik", []),
    ("88,99", "Cukup", []),
])
def test_printed_category_follows_the_printed_final_score(final, category, rules):
    """Without components, the category is judged on the printed Nilai Akhir of that year."""
    result = _audit(2023, [{"figure": "ikpa.final", "text": final, "where": "Siaran pers"},
                           {"figure": "ikpa.category", "text": category, "where": "Siaran pers"}])
    assert _rules(result) == sorted([("cannot-check", "info"), *rules])


def test_scores_without_components_cannot_be_checked_not_errors():
    """A printed total without component scores is 'cannot be checked' (info), never an error."""
    result = _audit(2023, [{"figure": "ikpa.total", "text": "97,10", "where": "Siaran pers"},
                           {"figure": "nka.final", "text": "87,93", "where": "Siaran pers"}])
    assert _rules(result) == [("cannot-check", "info"), ("cannot-check", "info")]


def test_year_without_a_known_scheme_cannot_be_checked():
    """A weight printed for a year before any known IKPA scheme is 'cannot be checked'."""
    result = _audit(2023, [{"figure": "ikpa.weight", "component": "revisi_dipa", "year": 2015,
                            "text": "5", "where": "Lampiran"}])
    assert _rules(result) == [("cannot-check", "info")]
    assert "2015" in result.findings[0].message("en")


@pytest.mark.parametrize(("text", "rules"), [("9,7", []), ("9,70", []),
                                             ("10", [("nka-weight", "error")])])
def test_printed_nka_weight(text, rules):
    """An NKA weight is checked against the year's scheme at its printed precision."""
    result = _audit(2023, [{"figure": "nka.weight", "component": "penyerapan_anggaran",
                            "text": text, "where": "Tabel 3.10"}])
    assert _rules(result) == rules


def test_category_without_a_printed_score_cannot_be_checked():
    """A category printed with neither components nor a printed final score is info only."""
    result = _audit(2023, [{"figure": "ikpa.category", "text": "Baik", "where": "Bab III"}])
    assert _rules(result) == [("cannot-check", "info")]


RANGE_REPORT = HEAD.format(year=2023) + '''
[[goals]]
code = "SK-1"
level = "kegiatan"
name = "Meningkatnya layanan"
[[indicators]]
code = "IKK-1"
name = "Persentase layanan tepat waktu"
goal = "SK-1"
unit = "%"
targets = { 2023 = { low = 80, high = 95 } }
realizations = { 2023 = 90 }
'''


@pytest.mark.parametrize(("text", "rules", "bound"), [
    ("80 - 95%", [], None),
    ("80 – 95 %", [], None),
    ("80 s.d. 95", [], None),
    ("80 - 90%", [("target-mismatch", "error")], "high"),
    ("85 - 95%", [("target-mismatch", "error")], "low"),
    ("80", [], None),
    ("85", [("target-mismatch", "error")], "low"),
])
def test_printed_range_target_is_checked_on_both_bounds(text, rules, bound):
    """A range target "80 - 95%" is checked on its low and its high bound, naming the wrong one."""
    result = kinerja.audit(kinerja.loads_report(
        RANGE_REPORT + f'[[printed]]\nfigure = "target"\nindicator = "IKK-1"\n'
                       f'text = "{text}"\nwhere = "Tabel 2.1"\n'))
    assert _rules(result) == rules
    if bound is not None:
        assert f"its {bound} bound is {95 if bound == 'high' else 80}" in \
            result.findings[0].message("en")
        assert ("batas atas" if bound == "high" else "batas bawah") in \
            result.findings[0].message("id")
