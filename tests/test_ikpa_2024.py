"""IKPA component calculators under PER-5/PB/2024 and later (provisional readings, as data)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kinerja
from kinerja.schemes._ikpa_rules import read_rules

# The provisional numbers, by hand from docs/schemes/ikpa-2024.md (checked against the
# rules file by the tests below, never taken from it).
TARGETS_2026 = {"51": [20, 50, 75, 95], "52": [15, 50, 70, 90], "53": [10, 40, 70, 90],
                "57": [25, 50, 75, 95]}
REVISI = {0: 110, 1: 110, 2: 100, 3: 50, 7: 50}


def scores(minimum=0):
    """Part scores 0–100 with 2 decimals."""
    return st.decimals(min_value=minimum, max_value=100, places=2)


# --- Penyerapan ------------------------------------------------------------------------------


def test_2026_targets_include_bansos_q3():
    """2026: 57 is 25 / 50 / 75 / 95; 2024–2025 still do not know its Q3 target."""
    for code, quarters in TARGETS_2026.items():
        assert list(kinerja.PENYERAPAN_TARGETS[2026][code]) == quarters
    assert kinerja.PENYERAPAN_TARGETS[2024]["57"][2] is None
    result = kinerja.ikpa_penyerapan(year=2026, pagu={57: 1_000}, blokir={},
                                     realization={57: [250, 500, 750]})
    assert result.value == 100
    with pytest.raises(kinerja.MissingValueError, match="Q3") as caught:
        kinerja.ikpa_penyerapan(year=2025, pagu={57: 1_000}, realization={57: [250, 500, 750]})
    assert caught.value.field == "targets[57]"


def test_2026_absorbs_against_pagu_minus_blokir():
    """52: pagu 1.000.000, blokir 200.000; Q1 120.000 = 15 % of 800.000 → 100.

    53: pagu 3.000.000, no blokir; Q1 240.000 = 8 % vs 10 → 80.  Weighted by the bases
    800.000 and 3.000.000: (800.000 × 100 + 3.000.000 × 80) / 3.800.000 = 84,21…
    """
    result = kinerja.ikpa_penyerapan(year=2026, pagu={52: 1_000_000, 53: 3_000_000},
                                     blokir={52: 200_000}, realization={52: [120_000],
                                                                        53: [240_000]})
    expected = Fraction(800_000 * 100 + 3_000_000 * 80, 3_800_000)
    assert abs(Fraction(result.value) - expected) < Fraction(1, 10**45)
    assert "52 absorbed 15 % of pagu − blokir vs target 15 % → 100" in result.lines[0]
    # The same figures against pagu (the 2024–2025 base) give 12 % of 15 → 80 for 52.
    plain = kinerja.ikpa_penyerapan(year=2026, pagu={52: 1_000_000, 53: 3_000_000},
                                    base="pagu", realization={52: [120_000], 53: [240_000]})
    assert plain.value == Fraction(1_000_000 * 80 + 3_000_000 * 80, 4_000_000) == 80


def test_blokir_is_required_from_2026_and_refused_before():
    """Missing blokir in 2026 is an error (not 0); blokir with the pagu base is refused."""
    with pytest.raises(kinerja.MissingValueError) as caught:
        kinerja.ikpa_penyerapan(year=2026, pagu={52: 100}, realization={52: [15]})
    assert caught.value.field == "blokir"
    with pytest.raises(kinerja.InvalidValueError, match="blokir is not used") as caught:
        kinerja.ikpa_penyerapan(year=2024, pagu={52: 100}, blokir={}, realization={52: [15]})
    assert caught.value.field == "blokir"
    with pytest.raises(kinerja.UndefinedRatioError) as caught:
        kinerja.ikpa_penyerapan(year=2026, pagu={52: 100}, blokir={52: 100},
                                realization={52: [15]})
    assert caught.value.field == "blokir[52]"
    with pytest.raises(kinerja.InvalidValueError, match="not realized"):
        kinerja.ikpa_penyerapan(year=2026, pagu={52: 100}, blokir={53: 1},
                                realization={52: [15]})
    with pytest.raises(kinerja.InvalidValueError, match="unknown base"):
        kinerja.ikpa_penyerapan(year=2026, pagu={52: 100}, base="dipa", realization={52: [15]})


def test_2024_penyerapan_is_unchanged():
    """The 2024 example of the IKPA docs still gives 96 (no blokir, pagu base)."""
    result = kinerja.ikpa_penyerapan(
        year=2024, pagu={51: 600_000_000, 52: 400_000_000},
        realization={51: [120_000_000, 300_000_000], 52: [48_000_000, 200_000_000]})
    assert result.value == (Fraction(600 * 100 + 400 * 80, 1000) + 100) / 2 == 96


# --- Revisi DIPA ----------------------------------------------------------------------------


@pytest.mark.parametrize(("first", "second"), [(0, 1), (2, 3), (1, 3), (3, 7), (2, 2)])
def test_revisi_semester_count(first, second):
    """0–1 revisions 110, 2 → 100, 3 or more → 50; the mean of the semesters, at most 100."""
    result = kinerja.ikpa_revisi_dipa(year=2025, revisions=[first, second],
                                      rule="semester_count")
    assert result.value == min(Fraction(REVISI[first] + REVISI[second], 2), 100)


def test_revisi_both_readings_are_named():
    """[2, 1] in 2024: allowed/actual (50 + 100) / 2 = 75; semester count (100 + 110) / 2 → 100."""
    assert kinerja.ikpa_revisi_dipa(year=2024, revisions=[2, 1]).value == 75
    counted = kinerja.ikpa_revisi_dipa(year=2024, revisions=[2, 1], rule="semester_count")
    assert counted.value == 100
    assert counted.lines[-1] == "mean of 2 semesters = (100 + 110) / 2 = 105, at most 100 → 100"
    with pytest.raises(kinerja.InvalidValueError, match="2024 on") as caught:
        kinerja.ikpa_revisi_dipa(year=2023, revisions=[1], rule="semester_count")
    assert caught.value.field == "rule"
    with pytest.raises(kinerja.InvalidValueError, match="Revisi DIPA rule"):
        kinerja.ikpa_revisi_dipa(year=2024, revisions=[1], rule="count")


# --- Dispensasi SPM -------------------------------------------------------------------------


@pytest.mark.parametrize(("count", "points"), [(0, 0), (1, 0), (2, "0.25"), (9, "0.25"),
                                               (10, "0.5"), (19, "0.5"), (20, "0.75"),
                                               (50, 1), (200, 1)])
def test_dispensasi_points_by_band(count, points):
    """Bounds 1 / 5 / 10 / 25 % (the caller's) of 200 SPMs: at a bound the band applies."""
    result = kinerja.ikpa_dispensasi_spm(year=2024, dispensations=count, spm=200,
                                         bands=[1, 5, 10, 25])
    assert result.value == Decimal(str(points))


def test_dispensasi_bands_are_the_callers():
    """No bounds are known: an error asking for them; bad bounds are refused."""
    with pytest.raises(kinerja.MissingValueError, match="ratio bands") as caught:
        kinerja.ikpa_dispensasi_spm(year=2024, dispensations=1, spm=10)
    assert caught.value.field == "bands"
    for bands in ([1, 5, 10], [5, 1, 10, 20], [0, 1, 2, 3], "1,5,10,20"):
        with pytest.raises(kinerja.InvalidValueError):
            kinerja.ikpa_dispensasi_spm(year=2024, dispensations=1, spm=10, bands=bands)
    with pytest.raises(kinerja.InvalidValueError, match="more dispensations"):
        kinerja.ikpa_dispensasi_spm(year=2024, dispensations=11, spm=10, bands=[1, 2, 3, 4])
    with pytest.raises(kinerja.InvalidValueError, match="2024 on"):
        kinerja.ikpa_dispensasi_spm(year=2023, dispensations=1, spm=10, bands=[1, 2, 3, 4])


def test_dispensasi_is_the_2024_deduction():
    """Its result is the deduction's value: Nilai Akhir 98,885 − 0,5 = 98,385."""
    values = {"revisi_dipa": 100, "deviasi_halaman_iii": "94,18", "penyerapan_anggaran": 100,
              "belanja_kontraktual": 100, "penyelesaian_tagihan": 100,
              "pengelolaan_up_tup": "97,58", "capaian_output": 100}
    deduction = kinerja.ikpa_dispensasi_spm(year=2024, dispensations=3, spm=40,
                                            bands=[1, 5, 10, 20])
    result = kinerja.ikpa_scheme(2024).score(dict(values, dispensasi_spm=deduction))
    total = (100 * 10 + Fraction("94.18") * 15 + 100 * 20 + 100 * 10 + 100 * 10
             + Fraction("97.58") * 10 + 100 * 25) / 100
    assert result.final == total - Fraction(1, 2) == Fraction("98.385")


# --- Belanja Kontraktual, UP/TUP, Capaian Output ------------------------------------------------


@given(scores(), scores(), scores())
def test_kontraktual_is_40_40_20(early, capital, distribution):
    """The score is 0,4 early + 0,4 capital + 0,2 distribution, within 0–100."""
    result = kinerja.ikpa_belanja_kontraktual(year=2024, early_procurement=early,
                                              capital_acceleration=capital,
                                              distribution=distribution)
    expected = (Fraction(early) * 40 + Fraction(capital) * 40 + Fraction(distribution) * 20) / 100
    assert result.value == expected
    assert min(early, capital, distribution) <= result.value <= max(early, capital, distribution)


@given(scores(), scores(), scores(), scores())
def test_up_tup_is_90_cash_and_10_card(timeliness, gup, tup, card):
    """90 % × (0,5 t + 0,25 g + 0,25 r) + 10 % × KKP; without a card at most 90."""
    result = kinerja.ikpa_up_tup(year=2025, timeliness=timeliness, monthly_gup=gup,
                                 tup_repaid=tup, kkp=card)
    cash = (Fraction(timeliness) * 50 + Fraction(gup) * 25 + Fraction(tup) * 25) / 100
    assert result.value == cash * 90 / 100 + Fraction(card) * 10 / 100
    without = kinerja.ikpa_up_tup(year=2025, timeliness=timeliness, monthly_gup=gup,
                                  tup_repaid=tup, kkp=0)
    assert without.value <= 90


def test_part_scores_are_0_to_100():
    """A part above 100 or missing is an error naming it."""
    with pytest.raises(kinerja.InvalidValueError) as caught:
        kinerja.ikpa_belanja_kontraktual(year=2024, early_procurement=120,
                                         capital_acceleration=90, distribution=60)
    assert caught.value.field == "early_procurement"
    with pytest.raises(kinerja.MissingValueError) as caught:
        kinerja.ikpa_up_tup(year=2024, timeliness=100, monthly_gup=100, tup_repaid=100,
                            kkp=None)
    assert caught.value.field == "kkp"


def test_capaian_output_months():
    """June: min(PCRO / TPCRO × 100, 100); December: min(RVRO / volume × 100, 100)."""
    june = kinerja.ikpa_capaian_output(year=2025, month=6, reporting=80, pcro=[30, 45, 60],
                                       tpcro=[40, 50, 50])
    achievement = (Fraction(30, 40) * 100 + Fraction(45, 50) * 100 + 100) / 3  # 265 / 3
    expected = Fraction(80 * 30, 100) + achievement * 70 / 100
    assert abs(Fraction(june.value) - expected) < Fraction(1, 10**45)
    assert kinerja.round_half_up(june.value) == Decimal("85.83")
    december = kinerja.ikpa_capaian_output(year=2025, month=12, reporting=100,
                                           rvro=[9, 12], volume=[10, 10])
    assert december.value == 30 + (90 + 100) / 2 * Fraction(70, 100)


def test_capaian_output_refuses_the_other_months_inputs():
    """December with PCRO, June without TPCRO, a zero target: errors naming the field."""
    with pytest.raises(kinerja.InvalidValueError, match="month 12 uses rvro and volume"):
        kinerja.ikpa_capaian_output(year=2025, month=12, reporting=100, pcro=[1], tpcro=[1],
                                    rvro=[1], volume=[1])
    with pytest.raises(kinerja.MissingValueError) as caught:
        kinerja.ikpa_capaian_output(year=2025, month=6, reporting=100, pcro=[1])
    assert caught.value.field == "tpcro"
    with pytest.raises(kinerja.UndefinedRatioError) as caught:
        kinerja.ikpa_capaian_output(year=2025, month=6, reporting=100, pcro=[1, 1],
                                    tpcro=[1, 0])
    assert caught.value.field == "tpcro[1]"
    with pytest.raises(kinerja.InvalidValueError) as caught:
        kinerja.ikpa_capaian_output(year=2025, month=13, reporting=100, pcro=[1], tpcro=[1])
    assert caught.value.field == "month"


@given(st.lists(st.tuples(st.decimals(0, 200, places=1), st.decimals(1, 100, places=1)),
                min_size=1, max_size=6), scores())
def test_capaian_output_stays_within_0_to_100(ros, reporting):
    """Each RO is capped at 100, so the component is 0–100 and monotone in reporting."""
    pcro, tpcro = [r for r, _ in ros], [t for _, t in ros]
    result = kinerja.ikpa_capaian_output(year=2024, month=3, reporting=reporting, pcro=pcro,
                                         tpcro=tpcro)
    assert 0 <= result.value <= 100
    more = kinerja.ikpa_capaian_output(year=2024, month=3, reporting=100, pcro=pcro,
                                       tpcro=tpcro)
    assert more.value >= result.value


def test_a_2025_score_from_calculated_components():
    """Every 2024+ calculator's result is a value Scheme.score takes (keys checked)."""
    values = {
        "revisi_dipa": kinerja.ikpa_revisi_dipa(year=2025, revisions=[1, 2],
                                                rule="semester_count"),
        "deviasi_halaman_iii": 100, "penyelesaian_tagihan": 100,
        "penyerapan_anggaran": kinerja.ikpa_penyerapan(year=2025, pagu={52: 100},
                                                       realization={52: [15]}),
        "belanja_kontraktual": kinerja.ikpa_belanja_kontraktual(
            year=2025, early_procurement=100, capital_acceleration=100, distribution=100),
        "pengelolaan_up_tup": kinerja.ikpa_up_tup(year=2025, timeliness=100, monthly_gup=100,
                                                  tup_repaid=100, kkp=100),
        "capaian_output": kinerja.ikpa_capaian_output(year=2025, month=3, reporting=100,
                                                      pcro=[10], tpcro=[10]),
        "dispensasi_spm": kinerja.ikpa_dispensasi_spm(year=2025, dispensations=0, spm=10,
                                                      bands=[1, 2, 3, 4]),
    }
    result = kinerja.ikpa_scheme(2025).score(values)
    assert result.final == 100
    assert result.category == "Sangat Baik"


# --- the rules file ------------------------------------------------------------------------------


def test_rules_file_problems_are_located():
    """A bad base, a target above 100 and parts not adding to 100: each at its place."""
    data = {"penyerapan": [{"from_year": 2024, "base": "dipa", "source": "",
                            "targets": {"51": {"q1": 120}}}],
            "revisi_dipa": {"source": "", "cap": 100, "bands": [{"score": 50}]},
            "dispensasi_spm": {"source": "", "points": [0, 1]},
            "belanja_kontraktual": {"source": "", "parts": {"a": 40, "b": 40}},
            "pengelolaan_up_tup": {"source": "", "cash": 90, "cash_parts": {"t": 100},
                                   "kkp": 10, "kkp_targets": [1]},
            "capaian_output": {"source": "", "parts": {"reporting": 30, "achievement": 70}}}
    with pytest.raises(kinerja.ValidationError) as caught:
        read_rules(data, origin="rules.toml")
    fields = sorted(e.field for e in caught.value.exceptions)
    assert fields == ["belanja_kontraktual.parts", "penyerapan[0].base",
                      "penyerapan[0].targets.51.q1"]


def test_the_docs_whole_score_by_hand():
    """docs/schemes/ikpa-2024.md: Konversi Bobot 90; (Σ / 100) / 90 × 100 − 0,5 = 93,52."""
    penyerapan = (Fraction(800_000 * 100 + 3_000_000 * 80, 3_800_000) + 100) / 2
    nilai = {"revisi_dipa": (10, 100), "deviasi_halaman_iii": (15, 96),
             "penyerapan_anggaran": (20, penyerapan), "penyelesaian_tagihan": (10, 100),
             "pengelolaan_up_tup": (10, Fraction("85.5")),
             "capaian_output": (25, 30 + Fraction(70, 100) * 90)}
    total = sum(w * Fraction(v) for w, v in nilai.values()) / 100
    final = total / 90 * 100 - Fraction(1, 2)
    values = {
        "revisi_dipa": kinerja.ikpa_revisi_dipa(year=2025, revisions=[1, 2],
                                                rule="semester_count"),
        "deviasi_halaman_iii": 96, "penyelesaian_tagihan": 100,
        "penyerapan_anggaran": kinerja.ikpa_penyerapan(
            year=2026, pagu={52: 1_000_000, 53: 3_000_000}, blokir={52: 200_000},
            realization={52: [120_000, 400_000], 53: [240_000, 1_200_000]}),
        "belanja_kontraktual": kinerja.NOT_APPLICABLE,
        "pengelolaan_up_tup": kinerja.ikpa_up_tup(year=2025, timeliness=100, monthly_gup=80,
                                                  tup_repaid=100, kkp=0),
        "capaian_output": kinerja.ikpa_capaian_output(year=2025, month=6, reporting=100,
                                                      pcro=[40, 60], tpcro=[50, 50]),
        "dispensasi_spm": kinerja.ikpa_dispensasi_spm(year=2025, dispensations=3, spm=40,
                                                      bands=[1, 5, 10, 20]),
    }
    score = kinerja.ikpa_scheme(2025).score(values)
    assert abs(Fraction(score.final) - final) < Fraction(1, 10**40)
    assert kinerja.round_half_up(score.final) == Decimal("93.52")
    assert score.category == "Baik"
