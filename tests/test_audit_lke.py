"""A printed SAKIP evaluation (LKE, PermenPAN-RB 88/2021) in the audit: total and grade.

Hand computation: components 24,50 + 20,10 + 10,00 + 15,00 = 69,60; the grades are
AA > 90–100, A > 80–90, BB > 70–80, B > 60–70 (the lower bound belongs to the band
below), so 69,60 is B, and 70,00 exactly is B too.
"""

from __future__ import annotations

import pytest

import kinerja

HEAD = '''
format = "kinerja-report"
version = 2
year = 2024
[satker]
name = "Inspektorat Contoh"
'''
COMPONENTS = [("Perencanaan Kinerja", "24,50"), ("Pengukuran Kinerja", "20,10"),
              ("Pelaporan Kinerja", "10,00"),
              ("Evaluasi Akuntabilitas Kinerja Internal", "15,00")]


def _audit(total: str, grade: str, components=COMPONENTS) -> list[tuple[str, str, str]]:
    text = HEAD + "".join(
        f'\n[[printed]]\nfigure = "lke.component"\ncomponent = "{name}"\ntext = "{points}"\n'
        f'where = "LHE, Tabel 1"\n' for name, points in components)
    text += f'\n[[printed]]\nfigure = "lke.total"\ntext = "{total}"\nwhere = "LHE, Tabel 1"\n'
    text += f'\n[[printed]]\nfigure = "lke.grade"\ntext = "{grade}"\nwhere = "LHE, hlm. 3"\n'
    result = kinerja.audit(kinerja.loads_report(text))
    return sorted((f.rule, f.printed, f.expected) for f in result.findings
                  if f.severity is kinerja.Severity.ERROR)


@pytest.mark.parametrize(("total", "grade", "errors"), [
    ("69,60", "B", []),
    ("70,60", "BB", [("lke-grade", "BB", "B"), ("lke-total", "70,60", "69.60")]),
    ("69,60", "BB", [("lke-grade", "BB", "B")]),
    ("69,6", "B", []),
])
def test_printed_total_and_grade(total, grade, errors):
    """The total is the sum of the printed components; the grade the band of that total."""
    assert _audit(total, grade) == errors


def test_a_grade_exactly_on_a_lower_bound_is_the_band_below():
    """70,00 is B: under PermenPAN-RB 88/2021 BB starts above 70."""
    parts = [("Perencanaan Kinerja", "25,00"), ("Pengukuran Kinerja", "20,00"),
             ("Pelaporan Kinerja", "10,00"),
             ("Evaluasi Akuntabilitas Kinerja Internal", "15,00")]
    assert _audit("70,00", "B", parts) == []
    assert _audit("70,00", "BB", parts) == [("lke-grade", "BB", "B")]
