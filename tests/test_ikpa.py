"""IKPA (PER-4/PB/2020 to PER-5/PB/2024): presets by year, the reference report, calculators."""

from decimal import Decimal, localcontext
from fractions import Fraction

import attrs
import numpy as np
import pytest

import kinerja
from kinerja import NOT_APPLICABLE, round_half_up
from tests import oracle

KEYS_2022 = ["revisi_dipa", "deviasi_halaman_iii", "penyerapan_anggaran", "belanja_kontraktual",
             "penyelesaian_tagihan", "pengelolaan_up_tup", "dispensasi_spm", "capaian_output"]
KEYS_2020 = [*KEYS_2022, "lpj_bendahara", "renkas", "kesalahan_spm", "retur_sp2d",
             "pagu_minus"]

#: The reference LKjIP's IKPA 2023 components (Bapas Kelas II Pangkalpinang).
REFERENCE_2023 = {
    "revisi_dipa": 100, "deviasi_halaman_iii": "94,18", "penyerapan_anggaran": 100,
    "belanja_kontraktual": 100, "penyelesaian_tagihan": 100, "pengelolaan_up_tup": "97,58",
    "dispensasi_spm": 100, "capaian_output": 100,
}


def _exact(function):
    with localcontext(prec=50):
        return function()


# --- presets -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("year", "regulation", "weights"),
    [
        (2020, "PER-4/PB/2020", [5, 5, 15, 15, 12, 8, 5, 10, 5, 5, 5, 5, 5]),
        (2021, "PER-4/PB/2021", [5, 5, 15, 10, 10, 8, 5, 17, 5, 5, 5, 5, 5]),
        (2022, "PER-5/PB/2022", [10, 10, 20, 10, 10, 10, 5, 25]),
        (2023, "PER-5/PB/2022", [10, 10, 20, 10, 10, 10, 5, 25]),
        (2024, "PER-5/PB/2024", [10, 15, 20, 10, 10, 10, 25]),
        (2031, "PER-5/PB/2024", [10, 15, 20, 10, 10, 10, 25]),
    ],
)
def test_preset_weights_by_year(year, regulation, weights):
    """Each year gets its regulation's weights (docs/schemes/ikpa.md's table), adding to 100."""
    scheme = kinerja.ikpa_scheme(year)
    assert scheme.regulation == regulation
    assert list(scheme.weights.values()) == [Decimal(w) for w in weights]
    assert sum(weights) == 100 == scheme.weight_total


def test_component_keys_by_year():
    """The keys other tools rely on: 13 until 2021, 8 for 2022–2023, 2024 a deduction."""
    assert list(kinerja.ikpa_scheme(2020).keys) == KEYS_2020
    assert list(kinerja.ikpa_scheme(2021).keys) == KEYS_2020
    assert list(kinerja.ikpa_scheme(2023).keys) == KEYS_2022
    scheme_2024 = kinerja.ikpa_scheme(2024)
    assert sorted(scheme_2024.keys) == sorted(KEYS_2022)
    assert [d.key for d in scheme_2024.deductions] == ["dispensasi_spm"]
    assert scheme_2024.deductions[0].provisional


def test_no_preset_before_2020():
    """2019 has no IKPA preset: an error that says how to add one."""
    with pytest.raises(kinerja.InvalidValueError, match="load_scheme") as caught:
        kinerja.ikpa_scheme(2019)
    assert caught.value.field == "year"
    with pytest.raises(kinerja.InvalidTypeError):
        kinerja.ikpa_scheme("2023")
    with pytest.raises(kinerja.InvalidValueError, match="deduction order"):
        kinerja.ikpa_scheme(2024, deduction_order="first")


def test_aspects_from_2022():
    """2022 on: Perencanaan, Pelaksanaan, Hasil; Dispensasi SPM in none; none before 2022."""
    aspects = {a.name: a.components for a in kinerja.ikpa_scheme(2023).aspects}
    assert aspects == {
        "Kualitas Perencanaan Anggaran": ("revisi_dipa", "deviasi_halaman_iii"),
        "Kualitas Pelaksanaan Anggaran": ("penyerapan_anggaran", "belanja_kontraktual",
                                          "penyelesaian_tagihan", "pengelolaan_up_tup"),
        "Kualitas Hasil Pelaksanaan Anggaran": ("capaian_output",),
    }
    assert kinerja.ikpa_scheme(2021).aspects == ()


# --- the reference report ------------------------------------------------------------------

def test_reference_report_ikpa_2023():
    """Recomputed: 99.176 (printed 99,18); Pelaksanaan 99.516 (99,52); Perencanaan 97.09."""
    result = kinerja.ikpa_scheme(2023).score(REFERENCE_2023)
    # Σ nilai × bobot = 100·10 + 94.18·10 + 100·20 + 100·10 + 100·10 + 97.58·10 + 100·5
    #                 + 100·25 = 1000 + 941.8 + 2000 + 1000 + 1000 + 975.8 + 500 + 2500
    #                 = 9917.6, so Nilai Total = 9917.6 / 100 = 99.176.
    assert result.total == Decimal("99.176")
    assert result.weight_base == 100
    assert result.final == Decimal("99.176")
    assert round_half_up(result.final) == Decimal("99.18")
    # Pelaksanaan = (100·20 + 100·10 + 100·10 + 97.58·10) / (20 + 10 + 10 + 10)
    #             = (2000 + 1000 + 1000 + 975.8) / 50 = 4975.8 / 50 = 99.516.
    pelaksanaan = result.aspects["Kualitas Pelaksanaan Anggaran"]
    assert pelaksanaan == Decimal("99.516")
    assert round_half_up(pelaksanaan) == Decimal("99.52")
    # Perencanaan = (100·10 + 94.18·10) / 20 = 1941.8 / 20 = 97.09 (the report prints 97,00).
    assert result.aspects["Kualitas Perencanaan Anggaran"] == Decimal("97.09")
    assert result.aspects["Kualitas Hasil Pelaksanaan Anggaran"] == 100
    assert result.category == "Sangat Baik"
    # Weighted values, as the report's "Nilai Akhir" row: 94.18 × 10 / 100 = 9.418 → 9,42.
    assert result.components["deviasi_halaman_iii"].weighted == Decimal("9.418")
    assert result.components["pengelolaan_up_tup"].weighted == Decimal("9.758")


def test_reference_report_trace():
    """The reference figure's whole trace, compared exactly."""
    text = kinerja.ikpa_scheme(2023).score(REFERENCE_2023).explain()
    assert text == "\n".join([
        "IKPA 2022–2023 (PER-5/PB/2022)",
        "Revisi DIPA: nilai 100 × bobot 10 / 100 = 10",
        "Deviasi Halaman III DIPA: nilai 94,18 × bobot 10 / 100 = 9,418",
        "Penyerapan Anggaran: nilai 100 × bobot 20 / 100 = 20",
        "Belanja Kontraktual: nilai 100 × bobot 10 / 100 = 10",
        "Penyelesaian Tagihan: nilai 100 × bobot 10 / 100 = 10",
        "Pengelolaan UP dan TUP: nilai 97,58 × bobot 10 / 100 = 9,758",
        "Dispensasi SPM: nilai 100 × bobot 5 / 100 = 5",
        "Capaian Output: nilai 100 × bobot 25 / 100 = 25",
        "Aspek Kualitas Perencanaan Anggaran: Σ nilai × bobot / Σ bobot = 1.941,8 / 20 = 97,09",
        "Aspek Kualitas Pelaksanaan Anggaran: Σ nilai × bobot / Σ bobot = 4.975,8 / 50 = 99,516",
        "Aspek Kualitas Hasil Pelaksanaan Anggaran: Σ nilai × bobot / Σ bobot = 2.500 / 25 = 100",
        "Nilai Total = Σ nilai × bobot / 100 = 9.917,6 / 100 = 99,176",
        "Konversi Bobot = Σ bobot komponen yang berlaku / 100 × 100 = 100 / 100 × 100 = 100",
        "Nilai Akhir = Nilai Total / Konversi Bobot × 100 = 99,176 / 100 × 100 = 99,176",
        "Kategori Sangat Baik: 95 ≤ x ≤ 100, dinilai dari 99,18 (dibulatkan setengah ke atas, "
        "2 desimal)",
    ])


def test_satker_without_contracts():
    """No contracts: Konversi Bobot 90, Nilai Akhir = 89.176 / 90 × 100 = 99.08 (rounded)."""
    values = dict(REFERENCE_2023, belanja_kontraktual=NOT_APPLICABLE)
    result = kinerja.ikpa_scheme(2023).score(values)
    # Σ = 9917.6 − 100·10 = 8917.6 → Nilai Total 89.176; applicable weights 100 − 10 = 90.
    assert result.total == Decimal("89.176")
    assert result.weight_base == 90
    assert result.final == _exact(lambda: Decimal("89.176") / 90 * 100)
    assert round_half_up(result.final) == Decimal("99.08")
    # Pelaksanaan without Kontraktual: (2000 + 1000 + 975.8) / 40 = 3975.8 / 40 = 99.395.
    assert result.aspects["Kualitas Pelaksanaan Anggaran"] == Decimal("99.395")


def test_missing_is_not_not_applicable():
    """A missing component is an error by default; 0 only under missing='zero'."""
    values = dict(REFERENCE_2023, belanja_kontraktual=None)
    with pytest.raises(kinerja.MissingValueError, match="belanja_kontraktual"):
        kinerja.ikpa_scheme(2023).score(values)
    zero = kinerja.ikpa_scheme(2023).score(values, missing="zero")
    # Scored 0 with its weight kept: (9917.6 − 1000) / 100 = 89.176 over a base of 100.
    assert zero.final == Decimal("89.176")
    assert zero.category == "Baik"  # 89 ≤ 89,18 < 95, against Sangat Baik when excluded


def test_2024_dispensasi_spm_deduction_after_division():
    """2024: Dispensasi SPM subtracts points after the division by Konversi Bobot."""
    values = dict(REFERENCE_2023, belanja_kontraktual=NOT_APPLICABLE, dispensasi_spm="1,5")
    result = kinerja.ikpa_scheme(2024).score(values)
    # Deviasi weighs 15: Σ = 1000 + 94.18·15 + 2000 + 1000 + 975.8 + 2500 = 8888.5;
    # Nilai Total 88.885; base 90; Nilai Akhir = 88.885 / 90 × 100 = 98.7611…; − 1.5 = 97.2611…
    assert result.total == Decimal("88.885")
    assert result.weight_base == 90
    assert result.before_deductions == _exact(lambda: Decimal("88.885") / 90 * 100)
    assert result.final == _exact(lambda: Decimal("88.885") / 90 * 100 - Decimal("1.5"))
    assert round_half_up(result.final) == Decimal("97.26")
    assert result.deductions == {"dispensasi_spm": Decimal("1.5")}
    assert "Deduction Dispensasi SPM (after division, provisional)" in result.explain("en")


def test_2024_deduction_order_is_a_named_option():
    """before_division subtracts from Nilai Total: (88.885 − 1.5) / 90 × 100 = 97.09 (rounded)."""
    values = dict(REFERENCE_2023, belanja_kontraktual=NOT_APPLICABLE, dispensasi_spm="1,5")
    result = kinerja.ikpa_scheme(2024, deduction_order="before_division").score(values)
    assert result.final == _exact(lambda: Decimal("87.385") / 90 * 100)
    assert round_half_up(result.final) == Decimal("97.09")
    # With every component applicable (base 100) the two orders agree: 98.885 − 1.5.
    full = dict(REFERENCE_2023, dispensasi_spm="1,5")
    after = kinerja.ikpa_scheme(2024).score(full).final
    before = kinerja.ikpa_scheme(2024, deduction_order="before_division").score(full).final
    assert after == before == Decimal("97.385")


def test_2024_dispensasi_needs_a_value():
    """The 2024 deduction is required like a component (0 when none); missing='zero' → 0."""
    values = {k: v for k, v in REFERENCE_2023.items() if k != "dispensasi_spm"}
    with pytest.raises(kinerja.MissingValueError, match="dispensasi_spm"):
        kinerja.ikpa_scheme(2024).score(values)
    # Σ = 9888.5 with Kontraktual: Nilai Akhir 98.885, no deduction.
    assert kinerja.ikpa_scheme(2024).score(values, missing="zero").final == Decimal("98.885")


def test_2020_scheme_scores_thirteen_components():
    """2020: 13 components; all 100 except Capaian Output 80 → 100 − 10·20/100 = 98."""
    values = dict.fromkeys(KEYS_2020, 100)
    values["capaian_output"] = 80
    result = kinerja.ikpa_scheme(2020).score(values)
    assert result.final == 98
    assert result.aspects == {}
    assert result.category == "Sangat Baik"


# --- component calculators -----------------------------------------------------------------

def test_penyerapan_2021_targets_for_every_type():
    """2021: 15/40/60/90 for all types; min(absorption / target, 100 %), pagu-weighted."""
    result = kinerja.ikpa_penyerapan(
        year=2021, pagu={51: 1000, 53: 1000},
        realization={51: [150, 400, 600, 850], 53: [75, 400, 660, 900]})
    # Q1: 51 15 % / 15 → 100; 53 7.5 % / 15 → 50; mean (equal pagu) 75.
    # Q2: 40/40 → 100; 40/40 → 100 → 100.   Q3: 60/60 → 100; 66/60 capped → 100 → 100.
    # Q4: 85/90 → 94.444…; 90/90 → 100 → 97.222…
    # Score = (75 + 100 + 100 + 97.222…) / 4 = 93.0555…
    expected = _exact(lambda: (75 + 100 + 100 + (Decimal(85) / 90 * 100 + 100) / 2) / 4)
    assert abs(result.value - expected) < Decimal("1e-45")
    assert result.key == "penyerapan_anggaran"
    assert result.provisional
    assert "PER-4/PB/2021" in result.source


def test_penyerapan_2024_table_and_caller_targets():
    """2024 targets differ by type; a caller's targets replace the table's for their type."""
    pagu = {"51": 500, "52": 300, "53": 200}
    realization = {"51": [100], "52": [30], "53": [30]}
    # Q1: 51 20 % / 20 → 100; 52 10 % / 15 → 66.666…; 53 15 % / 10 → capped 100.
    # Pagu-weighted: (500·100 + 300·66.666… + 200·100) / 1000 = 90.
    assert kinerja.ikpa_penyerapan(year=2024, pagu=pagu, realization=realization).value == 90
    # With a caller's 52 target of 10 %: 10 / 10 → 100 for every type → 100.
    result = kinerja.ikpa_penyerapan(year=2024, pagu=pagu, realization=realization,
                                     targets={52: [10, 40, 60, 90]})
    assert result.value == 100


def test_penyerapan_missing_targets_are_asked_for():
    """The elided 2024 bansos Q3 target and the 2022 table are not invented."""
    with pytest.raises(kinerja.MissingValueError, match="Q3") as caught:
        kinerja.ikpa_penyerapan(year=2024, pagu={57: 100}, realization={57: [25, 50, 75]})
    assert caught.value.field == "targets[57]"
    ok = kinerja.ikpa_penyerapan(year=2024, pagu={57: 100}, realization={57: [25, 50, 75]},
                                 targets={57: [25, 50, 75, 95]})
    assert ok.value == 100
    with pytest.raises(kinerja.MissingValueError, match="2023"):
        kinerja.ikpa_penyerapan(year=2023, pagu={52: 100}, realization={52: [10]})


@pytest.mark.parametrize(
    ("pagu", "realization", "error", "phrase"),
    [
        ({52: 100}, {52: [10.5]}, kinerja.InvalidValueError, "whole number"),
        ({52: 100}, {52: [-10]}, kinerja.InvalidValueError, "negative"),
        ({52: 100.25}, {52: [10]}, kinerja.InvalidValueError, "whole number"),
        ({52: 0}, {52: [0]}, kinerja.UndefinedRatioError, "pagu 0"),
        ({52: 100}, {53: [10]}, kinerja.InvalidValueError, "different spending types"),
        ({52: 100, 53: 100}, {52: [10], 53: [10, 20]}, kinerja.InvalidValueError,
         "same number"),
        ({52: 100}, {52: [1, 2, 3, 4, 5]}, kinerja.InvalidValueError, "1 to 4"),
        ({52: 100}, {52: "10"}, kinerja.InvalidTypeError, "sequence"),
        ({True: 100}, {True: [10]}, kinerja.InvalidTypeError, "spending type"),
    ],
)
def test_penyerapan_refuses_bad_amounts(pagu, realization, error, phrase):
    """Rupiah are whole and non-negative; the series must line up."""
    with pytest.raises(error, match=phrase):
        kinerja.ikpa_penyerapan(year=2024, pagu=pagu, realization=realization)


def test_penyerapan_accepts_whole_amounts_in_any_notation():
    """Integral floats, Decimals and Indonesian number strings are whole Rupiah."""
    result = kinerja.ikpa_penyerapan(year=2024, pagu={52: "1.000.000"},
                                     realization={52: [Decimal(150000), 500000.0]})
    # Q1 15 % / 15 → 100; Q2 50 % / 50 → 100.
    assert result.value == 100


def test_penyerapan_feeds_the_scheme():
    """A CalculatedComponent is accepted by score() under its key."""
    penyerapan = kinerja.ikpa_penyerapan(year=2024, pagu={52: 1000},
                                         realization={52: [75, 500]})
    # Q1 7.5 % / 15 → 50; Q2 50 / 50 → 100; mean 75.
    assert penyerapan.value == 75
    values = dict(REFERENCE_2023, penyerapan_anggaran=penyerapan, dispensasi_spm=0)
    result = kinerja.ikpa_scheme(2024).score(values)
    # 9888.5 − 20·(100 − 75) = 9888.5 − 500 = 9388.5 → 93.885.
    assert result.final == Decimal("93.885")
    assert result.category == "Baik"


def test_deviasi_mean_and_pagu_weighted():
    """2023 averages spending types equally; 2024 weights them by pagu share."""
    plan = {51: [100, 100], 52: [50, 100]}
    spent = {51: [100, 80], 52: [100, 100]}
    # Month 1: 51 0 %, 52 |100 − 50| / 50 = 100 % (capped at 100); month 2: 51 20 %, 52 0 %.
    # 2023: (0 + 100) / 2 = 50; (20 + 0) / 2 = 10; mean 30 → score 70.
    mean = kinerja.ikpa_deviasi_halaman_iii(year=2023, plan=plan, realization=spent)
    assert mean.value == 70
    # 2024 with pagu 51: 900, 52: 100 (shares 0.9, 0.1): month 1 = 10; month 2 = 18; mean 14.
    weighted = kinerja.ikpa_deviasi_halaman_iii(year=2024, plan=plan, realization=spent,
                                                pagu={51: 900, 52: 100})
    assert weighted.value == 86
    assert "pagu share" in weighted.method
    # The method can be named against the year's default.
    named = kinerja.ikpa_deviasi_halaman_iii(year=2024, plan=plan, realization=spent,
                                             method="mean")
    assert named.value == 70


def test_deviasi_edge_cases():
    """Deviation is capped at 100 %; a zero plan is an error unless zero_plan='cap'."""
    capped = kinerja.ikpa_deviasi_halaman_iii(year=2022, plan={52: [10]},
                                              realization={52: [50]})
    assert capped.value == 0  # |50 − 10| / 10 = 400 % → capped 100 % → score 0
    with pytest.raises(kinerja.UndefinedRatioError, match="zero_plan"):
        kinerja.ikpa_deviasi_halaman_iii(year=2022, plan={53: [0, 10]},
                                         realization={53: [0, 10]})
    # zero_plan='cap': month 1 nothing planned, nothing spent → 0 %; month 2 0 % → score 100.
    assert kinerja.ikpa_deviasi_halaman_iii(year=2022, plan={53: [0, 10]},
                                            realization={53: [0, 10]},
                                            zero_plan="cap").value == 100
    # Spent without a plan → 100 %: mean (100 + 0) / 2 = 50 → score 50.
    assert kinerja.ikpa_deviasi_halaman_iii(year=2022, plan={53: [0, 10]},
                                            realization={53: [5, 10]},
                                            zero_plan="cap").value == 50
    with pytest.raises(kinerja.InvalidValueError, match="method"):
        kinerja.ikpa_deviasi_halaman_iii(year=2021, plan={52: [1]}, realization={52: [1]})
    with pytest.raises(kinerja.MissingValueError, match="pagu"):
        kinerja.ikpa_deviasi_halaman_iii(year=2024, plan={52: [1]}, realization={52: [1]})
    with pytest.raises(kinerja.InvalidValueError, match="same spending types"):
        kinerja.ikpa_deviasi_halaman_iii(year=2023, plan={52: [1]}, realization={53: [1]})


def test_revisi_dipa_periods_by_year():
    """Quarters until 2023, semesters from 2024; allowed / actual × 100 above the allowance."""
    # 2020: 100, 1/3 × 100, 100, 100 → (300 + 33.333…) / 4 = 83.333…
    result = kinerja.ikpa_revisi_dipa(year=2020, revisions=[0, 3, 1, 1])
    assert result.value == _exact(lambda: (300 + Decimal(100) / 3) / 4)
    assert "quarter 2: 1 / 3 × 100 = 33.333333…" in result.explain("en")
    assert "triwulan 2: 1 / 3 × 100 = 33,333333…" in result.explain()
    # 2024: semester 1 with 4 revisions, 2 allowed: 2 / 4 × 100 = 50; semester 2: 100 → 75.
    assert kinerja.ikpa_revisi_dipa(year=2024, revisions=[4, 0], allowed=2).value == 75
    with pytest.raises(kinerja.InvalidValueError, match="semester"):
        kinerja.ikpa_revisi_dipa(year=2024, revisions=[0, 0, 0])
    with pytest.raises(kinerja.InvalidValueError, match="negative"):
        kinerja.ikpa_revisi_dipa(year=2023, revisions=[-1])
    with pytest.raises(kinerja.InvalidTypeError, match="whole number"):
        kinerja.ikpa_revisi_dipa(year=2023, revisions=[1.5])
    with pytest.raises(kinerja.InvalidValueError, match="no IKPA scheme"):
        kinerja.ikpa_revisi_dipa(year=2019, revisions=[1])


def test_deviasi_mean_is_divided_once():
    """The mean deviation is Σ weight × deviation / Σ weight, divided once: exact ties stay ties.

    Deviations 0.65, 35, 18, 2.5, 6 and 0.1 % (|1987 − 2000| / 2000 ...) sum to 62.25;
    / 6 = 10.375; 100 − 10.375 = 89.625, which presents (half up) as 89.63.
    """
    result = kinerja.ikpa_deviasi_halaman_iii(
        year=2023, plan={50: [2000], 51: [100], 52: [200], 53: [800], 54: [500], 55: [2000]},
        realization={50: [1987], 51: [65], 52: [236], 53: [820], 54: [530], 55: [1998]})
    assert result.value == Decimal("89.625")
    assert kinerja.round_half_up(result.value) == Decimal("89.63")


def test_penyerapan_refuses_falling_cumulative_and_bad_targets():
    """Cumulative realizations cannot fall; targets must be a mapping."""
    with pytest.raises(kinerja.InvalidValueError, match="falls in quarter 2"):
        kinerja.ikpa_penyerapan(year=2024, pagu={52: 100}, realization={52: [50, 10]})
    with pytest.raises(kinerja.InvalidTypeError, match="targets"):
        kinerja.ikpa_penyerapan(year=2024, pagu={52: 100}, realization={52: [50]}, targets=5)


# --- every figure of a score, against the oracle -------------------------------------------

def _close(value, exact):
    """A Decimal computed at 50 digits equals an exact Fraction to 45 significant digits."""
    return abs(Fraction(value) - exact) <= abs(exact) * Fraction(1, 10**45)


def _scaled(scheme, data, scale):
    """A preset (as a kinerja Scheme and as the oracle's data) with every weight × *scale*."""
    if scale == 1:
        return scheme, data
    components = [dict(c, weight=oracle.exact(c["weight"]) * scale) for c in data["components"]]
    data = dict(data, components=components,
                weight_total=oracle.exact(data["weight_total"]) * scale)
    scheme = attrs.evolve(
        scheme, components=[attrs.evolve(c, weight=c.weight * Decimal(str(float(scale))))
                            for c in scheme.components],
        weight_total=scheme.total_weight * Decimal(str(float(scale))))
    return scheme, data


@pytest.mark.parametrize("scale", [1, Fraction(1, 10), 4])
@pytest.mark.parametrize("year", [2020, 2021, 2023, 2024])
def test_every_figure_is_the_oracles(year, scale):
    """Weighted values, aspects, totals, Nilai Akhir and category under any weight unit."""
    scheme, data = _scaled(kinerja.ikpa_scheme(year), oracle.preset("ikpa", year), scale)
    values = {c.key: Decimal(100) - Decimal("3.37") * i for i, c in enumerate(scheme.components)}
    optional = [c.key for c in scheme.components if c.can_be_not_applicable]
    values[optional[0]] = NOT_APPLICABLE
    values |= {d.key: Decimal("0.5") for d in scheme.deductions}
    result, expected = scheme.score(values), oracle.score(data, values)
    weighted = {k: c.weighted for k, c in result.components.items() if c.weighted is not None}
    assert weighted.keys() == expected.weighted.keys()
    assert all(_close(weighted[k], expected.weighted[k]) for k in weighted)
    assert {k: c.weight for k, c in result.components.items()} == expected.weights
    assert _close(result.total, expected.total)
    assert _close(result.weight_base, expected.weight_base)
    assert _close(result.final, expected.final)
    assert result.category == expected.category
    assert result.aspects.keys() == expected.aspects.keys()
    assert all(_close(result.aspects[k], expected.aspects[k]) for k in expected.aspects)


# --- what a refused score says ---------------------------------------------------------------

_ONE_OPTIONAL = kinerja.Scheme(name="S", regulation="r", valid_from=2024, components=[
    kinerja.Component(key="a", name="A", weight=1, can_be_not_applicable=True)])
_KEYS_2023 = ("use the keys revisi_dipa, deviasi_halaman_iii, penyerapan_anggaran, "
              "belanja_kontraktual, penyelesaian_tagihan, pengelolaan_up_tup, dispensasi_spm, "
              "capaian_output")


@pytest.mark.parametrize(
    ("score", "error", "message", "field", "value", "fix"),
    [
        (lambda: _ONE_OPTIONAL.score({"a": NOT_APPLICABLE}), kinerja.InvalidValueError,
         "no component applies, so there is nothing to score", "values", None,
         "give at least one component a score"),
        (lambda: _ONE_OPTIONAL.score_batch({"a": np.array([1.0, 2.0])},
                                           not_applicable={"a": np.array([False, True])}),
         kinerja.InvalidValueError,
         "no component applies, so there is nothing to score at flat positions [1]", "values",
         None, "give at least one component a score"),
        (lambda: kinerja.ikpa_scheme(2024).score(
            dict.fromkeys(kinerja.ikpa_scheme(2024).keys, "0.5") | {"dispensasi_spm": 1}),
         kinerja.InvalidValueError, "the deductions exceed the score", "dispensasi_spm",
         Decimal("-0.5"), "check the deduction points; kinerja does not floor a score at 0"),
        (lambda: kinerja.ikpa_scheme(2023).score({"zz": 1}), kinerja.InvalidValueError,
         "unknown key for IKPA 2022–2023 (PER-5/PB/2022)", "values", ["zz"], _KEYS_2023),
        (lambda: kinerja.ikpa_scheme(2023).score({"zz": 1, "yy": 2}), kinerja.InvalidValueError,
         "unknown keys for IKPA 2022–2023 (PER-5/PB/2022)", "values", ["zz", "yy"], _KEYS_2023),
        (lambda: kinerja.ikpa_scheme(2023).score(dict.fromkeys(KEYS_2022, 101)),
         kinerja.InvalidValueError, "out of range: a component score is 0–100", "revisi_dipa",
         101, "give a value from 0 to 100"),
        (lambda: kinerja.ikpa_scheme(2023).score(dict.fromkeys(KEYS_2022[1:], 100)),
         kinerja.MissingValueError,
         "the value of Revisi DIPA is missing in IKPA 2022–2023 (PER-5/PB/2022)", "revisi_dipa",
         None, "give it, mark it kinerja.NOT_APPLICABLE if it does not apply to the work unit, "
         "or score missing values as 0 with missing='zero'"),
        (lambda: kinerja.ikpa_scheme(2023).score(dict.fromkeys(KEYS_2022, 100), missing="nol"),
         kinerja.InvalidValueError, "unknown missing policy", "missing", "nol",
         "use one of 'raise', 'zero'"),
    ],
)
def test_refused_scores_say_what_where_and_how_to_fix(score, error, message, field, value, fix):
    """Each refusal of a score names its problem, the key, the value given and the fix."""
    with pytest.raises(error) as caught:
        score()
    assert (caught.value.message, caught.value.field, caught.value.value, caught.value.fix) == (
        message, field, value, fix)
