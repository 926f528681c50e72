"""SMART DJA NKA (PMK 22/PMK.02/2021, docs/schemes/nka.md) and the e-Monev Bappenas scale."""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

import kinerja
from kinerja import round_half_up
from tests import oracle

PUSLATBANG_2021 = {"penyerapan_anggaran": "95,53", "konsistensi": "99,61",
                   "capaian_output": "99,72", "efisiensi": "59,98"}


def test_nka_keys_and_provisional_weights():
    """Four components, weights 9.7 / 18.2 / 43.5 / 28.6 (sum 100), all marked provisional."""
    scheme = kinerja.nka_scheme(2021)
    assert scheme.regulation == "PMK 22/PMK.02/2021"
    assert scheme.weights == {"penyerapan_anggaran": Decimal("9.7"),
                              "konsistensi": Decimal("18.2"),
                              "capaian_output": Decimal("43.5"),
                              "efisiensi": Decimal("28.6")}
    assert sum(scheme.weights.values()) == 100
    assert all(c.provisional for c in scheme.components)
    assert kinerja.nka_scheme(2030) is scheme


def test_nka_lan_puslatbang_2021_worked_example():
    """95.53; 99.61; 99.72; 59.98 → 87.92791: 87.928 to three places, printed 87.93."""
    result = kinerja.nka_scheme(2021).score(PUSLATBANG_2021)
    # 95.53 × 9.7 = 926.641; 99.61 × 18.2 = 1812.902; 99.72 × 43.5 = 4337.82;
    # 59.98 × 28.6 = 1715.428; Σ = 926.641 + 1812.902 + 4337.82 + 1715.428 = 8792.791;
    # / 100 = 87.92791.
    assert result.final == Decimal("87.92791")
    assert round_half_up(result.final, 3) == Decimal("87.928")
    assert round_half_up(result.final) == Decimal("87.93")
    assert result.weight_base == 100


@pytest.mark.parametrize("year", [2021, 2024])
def test_nka_figures_are_the_oracles(year):
    """Every weighted value, Nilai Total and NKA of the worked example, exactly the oracle's."""
    result = kinerja.nka_scheme(year).score(PUSLATBANG_2021)
    values = {key: text.replace(",", ".") for key, text in PUSLATBANG_2021.items()}
    expected = oracle.score(oracle.preset("nka", year), values)
    assert {k: Fraction(c.weighted) for k, c in result.components.items()} == expected.weighted
    assert (Fraction(result.total), Fraction(result.weight_base), Fraction(result.final)) == (
        expected.total, expected.weight_base, expected.final)


def test_nka_has_no_invented_category():
    """No NKA bands were found, so the score has no category."""
    scheme = kinerja.nka_scheme(2021)
    assert scheme.bands == ()
    assert scheme.score(PUSLATBANG_2021).category is None
    assert "No category bands" in " ".join(scheme.notes)


def test_nka_reference_report_values_are_values_not_weights():
    """The report's "bobot" 98.98 / 99.94 / 49.99 / 99.96 scored as values: 85.24034."""
    result = kinerja.nka_scheme(2023).score({
        "capaian_output": "98,98", "penyerapan_anggaran": "99,94",
        "efisiensi": "49,99", "konsistensi": "99,96"})
    # 99.94 × 9.7 = 969.418; 99.96 × 18.2 = 1819.272; 98.98 × 43.5 = 4305.63;
    # 49.99 × 28.6 = 1429.714; Σ = 8524.034 → 85.24034.
    assert result.final == Decimal("85.24034")


def test_nka_batch_matches_worked_example():
    """The batch path gives 87.928 (three places) for the same satker."""
    columns = {key: np.array([float(value.replace(",", "."))])
               for key, value in PUSLATBANG_2021.items()}
    batch = kinerja.nka_scheme(2021).score_batch(columns)
    assert round_half_up(batch.final, 3).tolist() == [87.928]
    assert batch.category is None


def test_nka_before_2021_is_not_covered():
    """PMK 214/PMK.02/2017 years have no preset."""
    with pytest.raises(kinerja.InvalidValueError, match="PMK 214"):
        kinerja.nka_scheme(2020)


def test_emonev_scale_as_printed():
    """Belum dilapor 0, Perencanaan 25, Persiapan 75, Pelaksanaan 100, Penyelesaian 100."""
    scale = kinerja.emonev_scale()
    assert scale.levels == {"Belum dilapor": 0, "Perencanaan": 25, "Persiapan": 75,
                            "Pelaksanaan": 100, "Penyelesaian": 100}
    assert "no regulation" in scale.source.lower()
    assert scale.value(" perencanaan ") == 25


def test_emonev_unknown_category_lists_the_known_ones():
    """An unknown category is an error naming the scale's categories."""
    with pytest.raises(kinerja.InvalidValueError, match="'Persiapan'"):
        kinerja.emonev_scale().value("Selesai")
    with pytest.raises(kinerja.InvalidValueError):
        kinerja.emonev_scale().value(25)


def test_progress_scale_is_replaceable_and_validated():
    """A user's scale replaces the preset; its problems are reported together."""
    mine = kinerja.ProgressScale(name="mine", levels={"Belum": 0, "Jalan": "50,5"})
    assert mine.value("jalan") == Decimal("50.5")
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.ProgressScale(name="bad", levels={"A": 120, "a": -1, " ": 5})
    assert len(caught.value.exceptions) == 4  # 120 > 100; "a" duplicates "A"; −1; empty
    with pytest.raises(kinerja.ValidationError):
        kinerja.ProgressScale(name="empty", levels={})
    with pytest.raises(kinerja.InvalidTypeError):
        kinerja.ProgressScale(name="list", levels=[("A", 1)])
