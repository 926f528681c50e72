"""The IKPA component calculators explain themselves in Indonesian and in English.

Every calculator's ``CalculatedComponent.explain(lang)`` is rendered in both
languages: the Indonesian text has no dot-decimal number and none of a few English
words, and both texts hold the same numbers (each read in its own notation).
"""

from __future__ import annotations

import pickle
import re
from decimal import Decimal

import pytest

import kinerja
from kinerja.schemes._parts import TraceLine

CALCULATED = {
    "penyerapan": lambda: kinerja.ikpa_penyerapan(
        year=2024, pagu={52: 1_000_000, 53: 3_000_000},
        realization={52: [150_000, 400_000], 53: [300_000, 1_200_000]}),
    "penyerapan_one_quarter": lambda: kinerja.ikpa_penyerapan(
        year=2021, pagu={52: 3_000_000}, realization={52: [1_000_000]}),
    "penyerapan_blokir": lambda: kinerja.ikpa_penyerapan(
        year=2026, pagu={52: 1_000_000, 53: 3_000_000}, blokir={52: 200_000},
        realization={52: [120_000, 400_000], 53: [240_000, 1_200_000]}),
    "deviasi_mean": lambda: kinerja.ikpa_deviasi_halaman_iii(
        year=2023, plan={52: [100, 200]}, realization={52: [90, 230]}),
    "deviasi_weighted": lambda: kinerja.ikpa_deviasi_halaman_iii(
        year=2024, plan={51: [1_000_000, 100], 52: [50, 40]},
        realization={51: [1_234_567, 90], 52: [60, 40]}, pagu={51: 300, 52: 100}),
    "revisi_quarters": lambda: kinerja.ikpa_revisi_dipa(year=2020, revisions=[0, 3, 1, 1]),
    "revisi_semesters": lambda: kinerja.ikpa_revisi_dipa(year=2024, revisions=[2, 1]),
    "revisi_count": lambda: kinerja.ikpa_revisi_dipa(year=2025, revisions=[2, 1],
                                                     rule="semester_count"),
    "revisi_count_one": lambda: kinerja.ikpa_revisi_dipa(year=2025, revisions=[1],
                                                         rule="semester_count"),
    "dispensasi": lambda: kinerja.ikpa_dispensasi_spm(year=2025, dispensations=3, spm=40,
                                                      bands=[1, 5, 10, 20]),
    "dispensasi_none": lambda: kinerja.ikpa_dispensasi_spm(year=2025, dispensations=0, spm=0,
                                                           bands=[0.5, 5, 10, 20]),
    "kontraktual": lambda: kinerja.ikpa_belanja_kontraktual(
        year=2024, early_procurement=100, capital_acceleration=92.5, distribution=60),
    "up_tup": lambda: kinerja.ikpa_up_tup(year=2024, timeliness=100, monthly_gup=80,
                                          tup_repaid=100, kkp=0),
    "capaian": lambda: kinerja.ikpa_capaian_output(year=2025, month=6, reporting=100,
                                                   pcro=[40, 60, 10], tpcro=[50, 50, 30]),
    "capaian_december": lambda: kinerja.ikpa_capaian_output(year=2025, month=12, reporting=90,
                                                            rvro=[9, 12], volume=[10, 10]),
}
ENGLISH_WORDS = re.compile(r"\b(quarters?|absorbed|target|mean|provisional|weighted|"
                           r"score|month|ratio|band|point|revisions?|allowed|of|and)\b",
                           re.IGNORECASE)
#: A dot decimal (1.5, 84.210526): not a thousands group (1.234.567), which the
#: comparison of the numbers of both languages reads instead.
DOT_DECIMAL = re.compile(r"\d\.(?:\d{1,2}|\d{4,})(?![\d.])")
COMMA_DECIMAL = re.compile(r"\d,(?:\d{1,2}|\d{4,})(?!\d)")
#: Codes that hold digits and dots in any language (PER-5/PB/2024 has none).
CODES = re.compile(r"\b[A-Z]+[-.]\d+(?:\.\d+)*")
NUMBER = {"id": re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"),
          "en": re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")}


def _numbers(text: str, lang: str) -> list[Decimal]:
    """Every number of *text*, read in *lang*'s notation."""
    thousands, decimal = (".", ",") if lang == "id" else (",", ".")
    return [Decimal(n.replace(thousands, "").replace(decimal, "."))
            for n in NUMBER[lang].findall(CODES.sub(" ", text))]


@pytest.fixture(params=sorted(CALCULATED))
def result(request):
    return CALCULATED[request.param]()


def test_indonesian_is_indonesian(result):
    """Words and numbers of the Indonesian explanation are Indonesian (the default)."""
    indonesian = result.explain()
    assert indonesian == result.explain("id")
    assert ENGLISH_WORDS.findall(indonesian) == []
    assert DOT_DECIMAL.findall(CODES.sub(" ", indonesian)) == []
    assert "sementara" in indonesian.splitlines()[0]


def test_english_is_english(result):
    """The English explanation writes English notation, and its lines are the text of .lines."""
    english = result.explain("en")
    assert COMMA_DECIMAL.findall(english) == []
    assert "provisional" in english.splitlines()[0]
    assert english.splitlines()[1:] == [str(line) for line in result.lines]
    assert english.splitlines()[0].startswith(f"{result.key} {result.year} = ")


def test_same_numbers_in_both_languages(result):
    """Both explanations hold the same numbers, line by line."""
    english, indonesian = result.explain("en"), result.explain("id")
    assert len(english.splitlines()) == len(indonesian.splitlines())
    for en, id_ in zip(english.splitlines(), indonesian.splitlines(), strict=True):
        assert _numbers(en, "en") == _numbers(id_, "id"), (en, id_)


def test_lines_keep_their_figures():
    """A line is data (a catalog key and its figures) and pickles as it is."""
    result = CALCULATED["penyerapan"]()
    line = result.lines[-1]
    assert isinstance(line, TraceLine)
    assert line.key == "calculator.mean"
    assert line.params["value"] == Decimal("97.5")
    assert line.render("id") == "rata-rata 2 triwulan = (100 + 95) / 2 = 97,5"
    copy = pickle.loads(pickle.dumps(result))
    assert copy.explain("id") == result.explain("id")
    assert copy.explain("en") == result.explain("en")


def test_unknown_language_is_refused():
    with pytest.raises(kinerja.InvalidValueError, match="lang"):
        CALCULATED["up_tup"]().explain("fr")  # type: ignore[arg-type]
