"""Batch equals scalar, exactly, at rounding ties and band edges (IKPA, NKA, absorption)."""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import kinerja
from kinerja import batch
from kinerja.schemes._batch import near_tie

# The weights, by hand from docs/schemes/ikpa.md and nka.md (checked against the presets
# below, never taken from them).
IKPA_WEIGHTS = {
    2023: {"revisi_dipa": 10, "deviasi_halaman_iii": 10, "penyerapan_anggaran": 20,
           "belanja_kontraktual": 10, "penyelesaian_tagihan": 10, "pengelolaan_up_tup": 10,
           "dispensasi_spm": 5, "capaian_output": 25},
    2024: {"revisi_dipa": 10, "deviasi_halaman_iii": 15, "penyerapan_anggaran": 20,
           "belanja_kontraktual": 10, "penyelesaian_tagihan": 10, "pengelolaan_up_tup": 10,
           "capaian_output": 25},
}
MAY_NOT_APPLY = ("belanja_kontraktual", "penyelesaian_tagihan", "pengelolaan_up_tup")
# NKA weights in tenths: 9.7, 18.2, 43.5, 28.6.
NKA_TENTHS = {"penyerapan_anggaran": 97, "konsistensi": 182, "capaian_output": 435,
              "efisiensi": 286}
# IKPA bands: Kurang < 70 ≤ Cukup < 89 ≤ Baik < 95 ≤ Sangat Baik, on the presented figure.
BANDS = ((95, "Sangat Baik"), (89, "Baik"), (70, "Cukup"), (0, "Kurang"))


def half_up(value, places=2):
    """A Fraction rounded half up (away from zero for the non-negative figures here)."""
    scale = 10**places
    return Fraction((value * scale + Fraction(1, 2)).__floor__(), scale)


def band(value):
    """The IKPA category of an exact score, judged on its presented (2-decimal) figure."""
    shown = half_up(value)
    return next(name for low, name in BANDS if shown >= low)


def shown(value, places=2):
    """A batch float or a scalar Decimal, rounded half up as a report prints it."""
    return Fraction(kinerja.round_half_up(value, places))


def test_hand_weights_are_the_presets():
    """The hand tables of this module are the presets' weights (a check of the oracle)."""
    for year, weights in IKPA_WEIGHTS.items():
        assert {k: Fraction(v) for k, v in kinerja.ikpa_scheme(year).weights.items()} == weights
    assert kinerja.nka_scheme(2023).weights == {
        k: Decimal(v) / 10 for k, v in NKA_TENTHS.items()}


def assert_rows_agree(scheme, rows, columns, flags, scores):
    """Every row of *scores* presents the figures and the category of Scheme.score."""
    for i, row in enumerate(rows):
        one = scheme.score(row)
        for name in ("final", "total", "weight_base", "before_deductions"):
            assert shown(float(getattr(scores, name)[i])) == shown(getattr(one, name)), (i, name)
        for name, value in one.aspects.items():
            column = scores.aspects[name]
            assert bool(column.mask[i]) is (value is None), (i, name)
            if value is not None:
                assert shown(float(column.data[i])) == shown(value), (i, name)
        if scores.category is not None:
            assert scores.category[i] == one.category, i


@st.composite
def ikpa_ties(draw):
    """IKPA rows whose final score is exactly a 2-decimal rounding tie (T = k/100 + 1/200).

    Every component but Capaian Output is drawn (two decimals, near T), some may not
    apply; Capaian Output (weight 25) is solved with Fractions so that the score is T:
    Σ nilai × bobot / Σ bobot − deduction = T.
    """
    year = draw(st.sampled_from(sorted(IKPA_WEIGHTS)))
    weights = IKPA_WEIGHTS[year]
    cents = draw(st.sampled_from([8899, 9499, 6999, 8000, 9999])
                 | st.integers(min_value=6000, max_value=9998))
    target = Fraction(cents, 100) + Fraction(1, 200)
    row = {}
    for key in weights:
        if key == "capaian_output":
            continue
        if key in MAY_NOT_APPLY and draw(st.booleans()) and draw(st.booleans()):
            row[key] = kinerja.NOT_APPLICABLE
            continue
        step = draw(st.integers(min_value=-500, max_value=500))
        row[key] = Fraction(min(10_000, max(0, (target * 100 + step).__floor__())), 100)
    deduction = Fraction(0)
    if year == 2024:
        deduction = Fraction(draw(st.integers(min_value=0, max_value=200)), 100)
        row["dispensasi_spm"] = deduction
    applicable = [k for k in weights if row.get(k) is not kinerja.NOT_APPLICABLE]
    base = sum(weights[k] for k in applicable)
    others = sum(row[k] * weights[k] for k in applicable if k != "capaian_output")
    free = ((target + deduction) * base - others) / weights["capaian_output"]
    assume(0 <= free <= 100)
    row["capaian_output"] = free  # X / 25: a finite decimal, at most 6 places
    as_floats = {k: v if v is kinerja.NOT_APPLICABLE else float(v) for k, v in row.items()}
    assert all(Fraction(repr(v)) == row[k] for k, v in as_floats.items()
               if v is not kinerja.NOT_APPLICABLE)
    return year, target, as_floats


@given(st.lists(ikpa_ties(), min_size=1, max_size=8))
def test_ikpa_batch_equals_scalar_at_ties(drawn):
    """Rows scored exactly on a tie: batch and scalar print the same figures and category."""
    for year in IKPA_WEIGHTS:
        mine = [(target, row) for y, target, row in drawn if y == year]
        if not mine:
            continue
        scheme = kinerja.ikpa_scheme(year)
        rows = [row for _, row in mine]
        flags = {k: np.array([row[k] is kinerja.NOT_APPLICABLE for row in rows])
                 for k in MAY_NOT_APPLY}
        columns = {k: np.array([0.0 if row[k] is kinerja.NOT_APPLICABLE else row[k]
                                for row in rows]) for k in scheme.keys}
        scores = scheme.score_batch(columns, not_applicable=flags)
        for i, (target, row) in enumerate(mine):
            # The hand oracle: the score is the tie T, printed T + 1/200 rounded up.
            assert Fraction(scheme.score(row).final) == target
            assert shown(float(scores.final[i])) == half_up(target) == target + Fraction(1, 200)
            assert scores.category[i] == band(target)
        assert_rows_agree(scheme, rows, columns, flags, scores)


def test_the_tie_of_issue_12():
    """94.995 exactly is printed 95.00, "Sangat Baik", one at a time and in a batch."""
    row = {"revisi_dipa": 95.83, "deviasi_halaman_iii": 98.71, "penyerapan_anggaran": 98.25,
           "belanja_kontraktual": 91.02, "penyelesaian_tagihan": 94.89,
           "pengelolaan_up_tup": 90.66, "dispensasi_spm": 92.08, "capaian_output": 94.52}
    weights = IKPA_WEIGHTS[2023]
    exact = sum(Fraction(repr(row[k])) * w for k, w in weights.items()) / 100
    assert exact == Fraction("94.995")
    scheme = kinerja.ikpa_scheme(2023)
    assert (scheme.score(row).presented, scheme.score(row).category) == (
        Decimal("95.00"), "Sangat Baik")
    scores = batch.ikpa_scores(2023, {k: np.array([v, v]) for k, v in row.items()})
    assert [shown(float(x)) for x in scores.final] == [Fraction(95)] * 2
    assert scores.category.tolist() == ["Sangat Baik"] * 2


@st.composite
def nka_ties(draw):
    """NKA rows whose score is exactly a 2-decimal tie, solved in whole cents.

    With nilai in cents c and weights in tenths W, NKA × 10⁵ = Σ c × W; a tie at 2
    decimals is Σ c × W ≡ 500 (mod 1000).  Penyerapan's weight 97 is prime to 1000,
    so one shift of its cents by k (97 k ≡ 500 − Σ, mod 1000) makes any row a tie.
    """
    cents = {k: draw(st.integers(min_value=5_000, max_value=10_000)) for k in NKA_TENTHS}
    total = sum(cents[k] * w for k, w in NKA_TENTHS.items())
    shift = ((500 - total) * pow(97, -1, 1000)) % 1000
    shift -= 1000 * draw(st.integers(min_value=0, max_value=1))
    cents["penyerapan_anggaran"] += shift
    assume(0 <= cents["penyerapan_anggaran"] <= 10_000)
    exact = Fraction(sum(cents[k] * w for k, w in NKA_TENTHS.items()), 100_000)
    assert (exact * 1000) % 10 == 5
    return exact, {k: c / 100 for k, c in cents.items()}


@given(st.lists(nka_ties(), min_size=1, max_size=8))
def test_nka_batch_equals_scalar_at_ties(drawn):
    """NKA rows on a tie: the batch prints the scalar (and the hand) figure."""
    rows = [row for _, row in drawn]
    columns = {k: np.array([row[k] for row in rows]) for k in NKA_TENTHS}
    scores = batch.nka_scores(2023, columns)
    for i, (exact, row) in enumerate(drawn):
        assert Fraction(kinerja.nka_scheme(2023).score(row).final) == exact
        assert shown(float(scores.final[i])) == half_up(exact)
    assert_rows_agree(kinerja.nka_scheme(2023), rows, columns, {}, scores)


def edge_scheme():
    """A scheme judged on the exact score (no rounding), with a band edge at 95."""
    return kinerja.Scheme(
        name="Tepi", regulation="test", valid_from=2024, weight_total=100,
        category_basis="exact",
        components=[kinerja.Component(key="a", name="A", weight=10),
                    kinerja.Component(key="b", name="B", weight=90)],
        bands=[kinerja.Band(category="bawah", low=0, high=95),
               kinerja.Band(category="atas", low=95, high=100)])


@given(st.lists(st.tuples(st.integers(min_value=9445, max_value=10_000),
                          st.sampled_from([0, 0, 0, -1, 1])), min_size=1, max_size=10))
def test_exact_basis_band_edge_is_decided_exactly(drawn):
    """At an exact band edge (0.1 a + 0.9 b = 95), the batch category is the exact one."""
    scheme = edge_scheme()
    a_values, b_values, expected = [], [], []
    for b_cents, nudge in drawn:
        # 10 a + 90 b = 9500  ⇔  a = 950 − 9 b; the nudge moves a by 0.01.
        a = 950 - 9 * Fraction(b_cents, 100) + Fraction(nudge, 100)
        assume(0 <= a <= 100)
        exact = (10 * a + 90 * Fraction(b_cents, 100)) / 100
        expected.append("atas" if exact >= 95 else "bawah")
        a_values.append(float(a))
        b_values.append(b_cents / 100)
    scores = scheme.score_batch({"a": np.array(a_values), "b": np.array(b_values)})
    assert scores.category.tolist() == expected
    assert [scheme.score({"a": a, "b": b}).category
            for a, b in zip(a_values, b_values, strict=True)] == expected


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=0, max_value=22_000),
       st.integers(min_value=-1, max_value=1))
def test_absorption_batch_equals_scalar_at_ties(scale, tie, nudge):
    """Absorptions rounded to 2 places at (and one Rupiah off) a tie equal the scalar's."""
    # pagu = 20,000 s and realization = (2 j + 1) s: absorption = (2 j + 1) / 200 %, a tie.
    pagu = 20_000 * scale
    realization = (2 * tie + 1) * scale + nudge
    assume(realization >= 0)
    exact = Fraction(realization * 100, pagu)
    printed = batch.absorptions(np.array([realization, realization]), np.array([pagu, pagu]),
                                places=2)
    assert [Fraction(repr(float(x))) for x in printed] == [half_up(exact)] * 2
    assert Fraction(kinerja.absorption(realization, pagu, places=2)) == half_up(exact)


def test_near_tie_finds_the_rows_to_recompute():
    """Floats within a few ulps of x.xx5 are near a tie; x.xx4 and whole cents are not."""
    values = np.array([94.995, 94.99499999999998, 94.99500000000001, 94.994, 95.0, 0.005])
    assert near_tie(values, 2).tolist() == [True, True, True, False, False, True]


@pytest.mark.parametrize("year", [2023, 2024])
def test_synthetic_rows_have_no_disagreement(year):
    """2,000 synthetic satkers per year: batch IKPA and NKA print the scalar figures, every row."""
    data = batch.synthetic_national(seed=12, satkers=2_000, years=[year])
    for columns, scheme, scores in (
            (data.ikpa[year], kinerja.ikpa_scheme(year),
             batch.ikpa_scores(year, data.ikpa[year].columns,
                               not_applicable=data.ikpa[year].not_applicable,
                               nan="not_applicable")),
            (data.nka[year], kinerja.nka_scheme(year),
             batch.nka_scores(year, data.nka[year].columns))):
        rows = [{k: (kinerja.NOT_APPLICABLE if columns.not_applicable.get(k, np.zeros(
            2_000, dtype=bool))[i] else float(v[i])) for k, v in columns.columns.items()}
            for i in range(2_000)]
        disagreements = []
        for i, row in enumerate(rows):
            one = scheme.score(row)
            if (shown(float(scores.final[i])) != shown(one.final)
                    or shown(float(scores.total[i])) != shown(one.total)
                    or (scores.category is not None and scores.category[i] != one.category)):
                disagreements.append(i)
        assert disagreements == []
