"""The three transcriptions in docs/examples: no false alarm, every planted error found.

Hand computations (each file's comments say what was planted):

* semester_lapas_2024: months 48+52+50+47+55+49 = 301 of a semester target 300 is
  100,333... %; April is 47 (printed 74); 101 % is not 100,33 % rounded; TW I 45/60 =
  75 %, 75/80 = 93,75 %; TW II 52/62 = 83,870... % (printed 83,78), /80 = 104,838... %.
* dinkes_2023: AKI 5/6000 × 100.000 = 83,33; T / R = 90 / 83,33... = 108 % (R / T =
  92,59 % is the polarity ignored); AKB 42/6000 × 1.000 = 7, 10 / 7 = 142,857 %; 0,7 % is
  another unit; persalinan 5700/6000 = 95 %, 95/95 = 100 %; APBD belanja operasi
  (7,8 + 4,55) / (8 + 5) miliar = 95,00 % (printed 93,50), belanja modal 1,9 / 2 = 95 %,
  total 14,25 / 15 = 95 %.
* siaran_pers_2024: pagu 45.723.456.789 + 2.000.000.000 (the new line) = 47,7 miliar;
  spending of 51 + 52 43.976.543.210 = 43,98 miliar; 43.976.543.210 / 45.723.456.789 =
  96,179... %; the new line's pagu is 2,0 miliar (printed 2,5); goods 14,1 / 15,6 = 90,384... %
  (printed 91,38); Nilai Akhir 97,10 is Sangat Baik (≥ 95); PER-4/PB/2020 weighs Belanja
  Kontraktual 15; the NKA weight of Penyerapan is 9,7 (printed 10).
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

import kinerja

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"

PLANTED = {
    "semester_lapas_2024.toml": [
        ("realization-mismatch", "Tabel 3.2", "74"),
        ("achievement", "Ikhtisar Eksekutif", "101 %"),
        ("realization-counts", "Tabel 3.4", "83,78 %"),
    ],
    "dinkes_2023.toml": [
        ("achievement-polarity", "Tabel 3.1", "92,59 %"),
        ("unit-mismatch", "Tabel 3.2, kolom persen", "0,7 %"),
        ("budget-absorption", "Tabel 3.9", "93,50 %"),
    ],
    "siaran_pers_2024.toml": [
        ("budget-absorption", "Paragraf 2", "91,38 %"),
        ("nka-weight", "Paragraf 5", "10"),
        ("budget-amount", "Paragraf 2, belanja modal baru", "Rp2,5 miliar"),
    ],
}


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_every_planted_error_is_found_and_nothing_else_is_wrong(name):
    """The errors are exactly the planted ones; the rest are at most notes."""
    result = kinerja.audit(kinerja.load_report(EXAMPLES / name))
    errors = sorted((f.rule, f.location, f.printed) for f in result.findings
                    if f.severity is kinerja.Severity.ERROR)
    assert errors == sorted(PLANTED[name])
    assert not [f for f in result.findings if f.severity is kinerja.Severity.WARNING]


def test_the_right_figures_are_right_by_hand():
    """The figures the examples print as right agree with the hand computations above."""
    assert round(Fraction(301, 300) * 100, 2) == Fraction("100.33")
    assert round(Fraction(52, 62) * 100, 2) == Fraction("83.87")
    assert round(Fraction(52, 62) * 100 / 80 * 100, 2) == Fraction("104.84")
    aki = Fraction(5, 6000) * 100_000
    assert round(90 / aki * 100) == 108
    assert round(aki / 90 * 100, 2) == Fraction("92.59")
    assert round(10 / (Fraction(42, 6000) * 1000) * 100, 2) == Fraction("142.86")
    assert round(Fraction(43_976_543_210, 45_723_456_789) * 100, 2) == Fraction("96.18")
    assert round(Fraction(141, 156) * 100, 2) == Fraction("90.38")
    assert round(Fraction(45_723_456_789 + 2_000_000_000, 10**9), 1) == Fraction("47.7")
    assert Fraction(7_800_000_000 + 4_550_000_000, 8_000_000_000 + 5_000_000_000) * 100 == 95
    assert Fraction(7_800 + 4_550 + 1_900, 8_000 + 5_000 + 2_000) * 100 == 95


def test_the_notes_say_what_cannot_be_checked():
    """A Nilai Akhir without components, and an absorption over a line not realized, are notes."""
    result = kinerja.audit(kinerja.load_report(EXAMPLES / "siaran_pers_2024.toml"))
    notes = [(f.rule, f.location) for f in result.findings
             if f.severity is kinerja.Severity.INFO]
    assert notes == [("cannot-check", "Paragraf 1, seluruh belanja"),
                     ("cannot-check", "Paragraf 3")]


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_every_example_round_trips(name):
    """dump_report writes each example so that loads_report reads the same report."""
    report = kinerja.load_report(EXAMPLES / name)
    assert kinerja.loads_report(kinerja.dump_report(report)) == report


def test_the_polarity_message_names_the_reports_formula():
    """Under T / R, the message says the achievement with T / R × 100, not the default formula."""
    result = kinerja.audit(kinerja.load_report(EXAMPLES / "dinkes_2023.toml"))
    finding = next(f for f in result.findings if f.rule == "achievement-polarity")
    assert "With T / R × 100 it is 108.00 %" in finding.message("en")
    assert "Dengan T / R × 100 capaiannya 108,00 %" in finding.message("id")
