"""SKP: the PermenPAN-RB 6/2022 predikat, PerBKN 3/2023 credit points, PP 46/2011 capaian."""

from decimal import Decimal
from fractions import Fraction

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kinerja
from kinerja import batch
from kinerja.schemes import SkpScheme

# PermenPAN-RB 6/2022, by hand: (hasil kerja, perilaku) → predikat.
MATRIX = {
    ("above", "below"): "Kurang/Misconduct", ("above", "as_expected"): "Baik",
    ("above", "above"): "Sangat Baik",
    ("as_expected", "below"): "Kurang/Misconduct", ("as_expected", "as_expected"): "Baik",
    ("as_expected", "above"): "Baik",
    ("below", "below"): "Sangat Kurang", ("below", "as_expected"): "Butuh Perbaikan",
    ("below", "above"): "Butuh Perbaikan",
}
# PerBKN 3/2023, by hand: each predikat's share (%), the Ahli coefficients.
SHARES = {"Sangat Baik": 150, "Baik": 100, "Butuh Perbaikan": 75, "Kurang/Misconduct": 50,
          "Sangat Kurang": 25}
COEFFICIENTS = {"Ahli Pertama": Fraction(25, 2), "Ahli Muda": 25, "Ahli Madya": Fraction(75, 2),
                "Ahli Utama": 50}


def half_up(value, places=2):
    """A Fraction rounded half up (away from zero)."""
    scale = 10**places
    sign = -1 if value < 0 else 1
    return sign * Fraction((abs(value) * scale + Fraction(1, 2)).__floor__(), scale)


def efficiency_aspect(realized, target):
    """Perka BKN 1/2013 for waktu (and biaya), by hand."""
    realized, target = Fraction(realized), Fraction(target)
    efficiency = 100 - realized / target * 100
    base = (Fraction(176, 100) * target - realized) / target * 100
    return base if efficiency <= 24 else 76 - (base - 100)


def pp46(ro, to, rk, tk, rw, tw, rb=None, tb=None):
    """Every figure of the PP 46/2011 capaian, by hand."""
    aspects = [Fraction(ro) / Fraction(to) * 100, Fraction(rk) / Fraction(tk) * 100,
               efficiency_aspect(rw, tw)]
    if rb is not None:
        aspects.append(efficiency_aspect(rb, tb))
    return aspects, sum(aspects) / len(aspects)


def pp46_band(capaian, gaps):
    """Perka BKN 1/2013 bands on the presented capaian; a gap goes below or above."""
    x = half_up(capaian)
    bands = [("Sangat Baik", 91, None), ("Baik", 76, 90), ("Cukup", 61, 75), ("Kurang", 51, 60),
             ("Buruk", None, 50)]
    for name, low, high in bands:
        if (low is None or x >= low) and (high is None or x <= high):
            return name
    below = next(name for name, _, high in bands if high is not None and high < x)
    above = next(name for name, low, _ in reversed(bands) if low is not None and low > x)
    return {"lower": below, "upper": above}[gaps]


# --- predikat ----------------------------------------------------------------------------


@pytest.mark.parametrize(("ratings", "predikat"), sorted(MATRIX.items()))
def test_predikat_matrix(ratings, predikat):
    """Each of the nine cells of the PermenPAN-RB 6/2022 matrix."""
    assert kinerja.skp_predikat(*ratings) == predikat


def test_ratings_in_indonesian_and_errors():
    """'di atas ekspektasi' is above; an unknown rating names its field and the choices."""
    assert kinerja.skp_predikat("Di Atas Ekspektasi", "di atas  ekspektasi") == "Sangat Baik"
    assert kinerja.skp_predikat("DIBAWAH EKSPEKTASI", "as expected") == "Butuh Perbaikan"
    with pytest.raises(kinerja.InvalidValueError, match="unknown rating") as caught:
        kinerja.skp_predikat("above", "excellent")
    assert caught.value.field == "perilaku"
    with pytest.raises(kinerja.InvalidValueError):
        kinerja.skp_predikat(None, "above")


# --- credit points -----------------------------------------------------------------------


def test_credit_points_worked_examples():
    """150 % × 12,5 = 18,75; 2/12 × 100 % × 12,5 = 2,0833… printed 2,08 (PerBKN 3/2023)."""
    assert kinerja.skp_credit_points("Sangat Baik", position="Ahli Pertama") == Decimal("18.75")
    points = kinerja.skp_credit_points("Baik", position="Ahli Pertama", months=2)
    exact = Fraction(2, 12) * 1 * Fraction(25, 2)
    assert abs(Fraction(points) - exact) < Fraction(1, 10**45)
    assert kinerja.round_half_up(points) == Decimal("2.08") == half_up(exact)


@pytest.mark.parametrize("predikat", sorted(SHARES))
@pytest.mark.parametrize("position", sorted(COEFFICIENTS))
def test_credit_points_every_predikat_and_position(predikat, position):
    """AK = share × coefficient for a whole year, from the hand tables."""
    expected = Fraction(SHARES[predikat], 100) * COEFFICIENTS[position]
    assert kinerja.skp_credit_points(predikat, position=position) == expected


def test_credit_points_errors_name_the_fix():
    """Both or neither of position and coefficient; an unknown position; 13 months."""
    with pytest.raises(kinerja.InvalidValueError, match="either the position"):
        kinerja.skp_credit_points("Baik")
    with pytest.raises(kinerja.InvalidValueError, match="Ahli Pertama"):
        kinerja.skp_credit_points("Baik", position="Terampil")
    assert kinerja.skp_credit_points("Baik", coefficient=5, months=6) == Decimal("2.5")
    with pytest.raises(kinerja.InvalidValueError) as caught:
        kinerja.skp_credit_points("Baik", position="Ahli Muda", months=13)
    assert caught.value.field == "months"
    with pytest.raises(kinerja.InvalidValueError, match="unknown predikat"):
        kinerja.skp_credit_points("Istimewa", position="Ahli Muda")
    assert kinerja.skp_credit_points("misconduct", position="Ahli Muda") == Decimal("12.5")


# --- distribution ------------------------------------------------------------------------


def test_distribution_is_a_table_without_a_rule():
    """No rule is known: counts and exact shares, and the table says so."""
    table = kinerja.skp_distribution(["Baik"] * 5 + ["Sangat Baik", "Kurang"],
                                     organisation="Baik")
    assert dict(table.counts) == {"Sangat Baik": 1, "Baik": 5, "Butuh Perbaikan": 0,
                                  "Kurang/Misconduct": 1, "Sangat Kurang": 0}
    assert abs(Fraction(table.shares["Baik"]) - Fraction(500, 7)) < Fraction(1, 10**40)
    assert not table.has_rule
    assert table.breaches == ()
    assert "No distribution rule for Baik: the table only." in table.explain()


def test_distribution_checked_against_a_users_rule():
    """A rule the user supplies: at most 20 % Sangat Baik for an organisation rated Baik."""
    scheme = attrs.evolve(kinerja.skp_scheme(), distribution={
        "Baik": {"Sangat Baik": {"maximum": 20}, "Baik": {"minimum": 50}}})
    ok = kinerja.skp_distribution(["Sangat Baik"] + ["Baik"] * 4, organisation="Baik",
                                  scheme=scheme)
    assert ok.has_rule
    assert ok.breaches == ()
    bad = kinerja.skp_distribution(np.array(["Sangat Baik", "Sangat Baik", "Baik", "Butuh "
                                             "Perbaikan"]), organisation="Baik", scheme=scheme)
    assert bad.breaches == (
        "Sangat Baik: 2 of 4 = 50 %, outside the limit Sangat Baik at most 20 % for Baik",
        "Baik: 1 of 4 = 25 %, outside the limit Baik at least 50 % for Baik")


def test_distribution_refuses_missing_and_unknown_predikat():
    """A None predikat is missing; an unknown one names its row."""
    with pytest.raises(kinerja.MissingValueError) as caught:
        kinerja.skp_distribution(["Baik", None])
    assert caught.value.field == "predikat[1]"
    with pytest.raises(kinerja.InvalidValueError) as caught:
        kinerja.skp_distribution(["Baik", "Bagus"])
    assert caught.value.field == "predikat[1]"
    with pytest.raises(kinerja.MissingValueError):
        kinerja.skp_distribution([])


# --- the SKP scheme as data -----------------------------------------------------------------


def test_scheme_round_trips_through_its_file_format(tmp_path):
    """dump_skp_scheme → loads_skp_scheme (and a file) gives the same scheme, rule included."""
    scheme = kinerja.skp_scheme()
    assert kinerja.loads_skp_scheme(kinerja.dump_skp_scheme(scheme)) == scheme
    ruled = attrs.evolve(scheme, distribution={"Istimewa": {"Sangat Baik": (10, 30)}})
    path = tmp_path / "skp.toml"
    path.write_text(kinerja.dump_skp_scheme(ruled), encoding="utf-8")
    assert kinerja.load_skp_scheme(path) == ruled
    assert isinstance(ruled, SkpScheme)


def test_scheme_file_problems_are_reported_at_once():
    """A missing cell, a predikat without a share and a bad coefficient, together."""
    text = kinerja.dump_skp_scheme(kinerja.skp_scheme())
    text = text.replace('above = "Sangat Baik"\n', 'above = "Istimewa"\n', 1)
    text = text.replace('"Ahli Muda" = 25', '"Ahli Muda" = -25')
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.loads_skp_scheme(text)
    assert sorted(e.field for e in caught.value.exceptions) == [
        "coefficients[Ahli Muda]", "predikat.above.above"]
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.loads_skp_scheme('name = "x"\nregulation = "y"\nkoefisien = 1\n')
    fields = sorted(e.field for e in caught.value.exceptions)
    assert fields == ["coefficients", "credit_percent", "koefisien", "predikat"]


# --- PP 46/2011 capaian --------------------------------------------------------------------


def test_pp46_worked_example():
    """Perka BKN 1/2013: aspects 100, 90, 76, 76 → 85,50, Baik."""
    aspects, capaian = pp46(10, 10, 90, 100, 12, 12, 5_000_000, 5_000_000)
    assert aspects == [100, 90, 76, 76]
    assert capaian == Fraction("85.5")
    result = kinerja.skp_capaian_pp46(ro=10, to=10, rk=90, tk=100, rw=12, tw=12,
                                      rb=5_000_000, tb=5_000_000)
    assert [Fraction(v) for v in result.aspects.values()] == aspects
    assert result.capaian == capaian
    assert result.presented == Decimal("85.50")
    assert result.category == "Baik"


def test_pp46_efficiency_above_24_percent():
    """Half the time (efficiency 50 % > 24 %): 76 − (126 − 100) = 50; mean of 3 = 80."""
    result = kinerja.skp_capaian_pp46(ro=10, to=10, rk=90, tk=100, rw=6, tw=12)
    assert result.aspects["waktu"] == efficiency_aspect(6, 12) == 50
    assert result.capaian == Fraction(240, 3)
    assert "biaya" not in result.aspects
    assert "76 − ((1,76 × 12 − 6) / 12 × 100 − 100) = 76 − (126 − 100) = 50" in result.explain()


def test_pp46_the_peer_bug_is_not_reproduced():
    """Dividing the > 24 % branch by the realization (a public exporter) gives −76, not 50."""
    peer = 76 - ((Fraction(176, 100) * 12 - 6) / 6 * 100 - 100)
    assert peer == -76
    assert kinerja.skp_capaian_pp46(ro=1, to=1, rk=1, tk=1, rw=6, tw=12).aspects["waktu"] == 50


def test_pp46_at_the_24_percent_edge():
    """Efficiency exactly 24 % takes the first branch: (1,76 × 12 − 9,12) / 12 × 100 = 100."""
    result = kinerja.skp_capaian_pp46(ro=1, to=1, rk=1, tk=1, rw="9,12", tw=12)
    assert result.aspects["waktu"] == efficiency_aspect(Fraction("9.12"), 12) == 100
    faster = kinerja.skp_capaian_pp46(ro=1, to=1, rk=1, tk=1, rw="9,11", tw=12)
    exact = efficiency_aspect(Fraction("9.11"), 12)
    assert exact == Fraction(911, 12)  # 24,08 % > 24 %: 76 − (100,083… − 100)
    assert abs(Fraction(faster.aspects["waktu"]) - exact) < Fraction(1, 10**45)


@pytest.mark.parametrize(("rk", "gaps", "category"), [
    ("71,5", "lower", "Baik"), ("71,5", "upper", "Sangat Baik"), ("73", "lower", "Sangat Baik"),
    ("70", "raise", "Baik"), ("26,5", "lower", "Cukup"), ("26,5", "upper", "Baik")])
def test_pp46_gaps_between_printed_bands(rk, gaps, category):
    """(100 + 71,5 + 100) / 3 = 90,50 lies between 90 and 91: below, above, or an error."""
    result = kinerja.skp_capaian_pp46(ro=1, to=1, rk=rk, tk=100, rw="9,12", tw=12, gaps=gaps)
    assert result.category == category == pp46_band(pp46(1, 1, Fraction(rk.replace(",", ".")),
                                                          100, Fraction("9.12"), 12)[1], gaps)


def test_pp46_gap_raises_by_default():
    """Without a named policy a capaian between two bands is an error naming 'gaps'."""
    with pytest.raises(kinerja.InvalidValueError, match="between two bands") as caught:
        kinerja.skp_capaian_pp46(ro=1, to=1, rk="71,5", tk=100, rw="9,12", tw=12)
    assert caught.value.field == "gaps"


def test_pp46_inputs_are_checked():
    """A zero target, a negative figure, a lone cost, an unknown policy: kinerja errors."""
    with pytest.raises(kinerja.UndefinedRatioError) as caught:
        kinerja.skp_capaian_pp46(ro=1, to=0, rk=1, tk=1, rw=1, tw=1)
    assert caught.value.field == "to"
    with pytest.raises(kinerja.InvalidValueError) as caught:
        kinerja.skp_capaian_pp46(ro=-1, to=1, rk=1, tk=1, rw=1, tw=1)
    assert caught.value.field == "ro"
    with pytest.raises(kinerja.InvalidValueError, match="both"):
        kinerja.skp_capaian_pp46(ro=1, to=1, rk=1, tk=1, rw=1, tw=1, rb=1)
    with pytest.raises(kinerja.InvalidValueError, match="gap policy"):
        kinerja.skp_capaian_pp46(ro=1, to=1, rk=1, tk=1, rw=1, tw=1, gaps="nearest")


# --- a whole office: batch equals scalar ----------------------------------------------------

ratings = st.sampled_from(["below", "as_expected", "above", "di atas ekspektasi"])


@given(st.lists(st.tuples(ratings, ratings), min_size=1, max_size=30))
def test_batch_predikat_equals_scalar(rows):
    """skp_predikats gives skp_predikat of every row."""
    result = batch.skp_predikats([r[0] for r in rows], [r[1] for r in rows])
    assert result.tolist() == [kinerja.skp_predikat(*row) for row in rows]


def test_batch_predikat_masked_rows_stay_missing():
    """A masked rating gives a masked predikat, never a guess."""
    result = batch.skp_predikats(np.ma.masked_array(["above", "x"], mask=[False, True]),
                                 ["above", "above"])
    assert result.mask.tolist() == [False, True]
    assert result[0] == "Sangat Baik"


@given(st.lists(st.tuples(st.sampled_from(sorted(SHARES)), st.integers(1, 12),
                          st.sampled_from(sorted(COEFFICIENTS))), min_size=1, max_size=30))
def test_batch_credit_points_equal_scalar_presented(rows):
    """Every row presents (2 places) the scalar figure; 3/12 × 12,5 = 3,125 is a tie."""
    names, months, positions = (list(column) for column in zip(*rows, strict=True))
    points = batch.skp_credit_points(names, position=positions, months=np.array(months))
    for i, (name, month, position) in enumerate(rows):
        single = kinerja.skp_credit_points(name, position=position, months=month)
        exact = Fraction(month, 12) * Fraction(SHARES[name], 100) * COEFFICIENTS[position]
        assert kinerja.round_half_up(points[i], 2) == kinerja.round_half_up(single) \
            == half_up(exact)


def test_batch_credit_points_tie():
    """3 months of Baik as Ahli Pertama: 3,125 exactly, printed 3,13 in both paths."""
    points = batch.skp_credit_points(["Baik"], coefficient=[12.5], months=3)
    assert kinerja.round_half_up(points, 2).tolist() == [3.13]
    assert kinerja.round_half_up(kinerja.skp_credit_points("Baik", coefficient="12,5",
                                                           months=3)) == Decimal("3.13")


figures = st.decimals(min_value=0, max_value=200, places=2)
targets = st.decimals(min_value=1, max_value=200, places=2)


@st.composite
def forms(draw):
    """One employee's PP 46/2011 figures, often on a tie or at the 24 % edge."""
    tw = draw(targets)
    kind = draw(st.sampled_from(["free", "edge", "tie"]))
    rw = tw * Decimal("0.76") if kind == "edge" else draw(figures)
    row = {"ro": draw(figures), "to": draw(targets), "rk": draw(figures), "tk": Decimal(100),
           "rw": rw, "tw": tw}
    if kind == "tie":  # kuantitas 100, waktu 76: (176 + x) / 3 = 91,005; 90,995; 85,675; ...
        row.update(ro=Decimal(7), to=Decimal(7), rw=tw, rk=draw(st.sampled_from(
            [Decimal("97.015"), Decimal("94.985"), Decimal("81.025"), Decimal("95.5"),
             Decimal(7), Decimal("4.015")])))
    if draw(st.booleans()):
        tb = draw(targets)
        row.update(rb=draw(st.one_of(figures, st.just(tb * Decimal("0.76")))), tb=tb)
    return row


@settings(max_examples=150)
@given(st.lists(forms(), min_size=1, max_size=12), st.sampled_from(["lower", "upper"]))
def test_batch_capaian_equals_scalar_on_every_figure_and_category(rows, gaps):
    """skp_capaians presents every aspect, the capaian and the category of the scalar path."""
    keys = ("ro", "to", "rk", "tk", "rw", "tw")
    columns = {key: np.array([float(row[key]) for row in rows]) for key in keys}
    cost = np.array(["rb" in row for row in rows])
    rb = np.array([float(row.get("rb", 1)) for row in rows])
    tb = np.array([float(row.get("tb", 1)) for row in rows])
    result = batch.skp_capaians(**columns, rb=rb, tb=tb, with_cost=cost, gaps=gaps)
    for i, row in enumerate(rows):
        single = kinerja.skp_capaian_pp46(**row, gaps=gaps)
        aspects, capaian = pp46(*(row[k] for k in keys), row.get("rb"), row.get("tb"))
        assert Fraction(kinerja.round_half_up(result["capaian"][i], 2)) == half_up(capaian) \
            == Fraction(single.presented)
        assert result["category"][i] == single.category == pp46_band(capaian, gaps)
        for name, value in zip(("kuantitas", "kualitas", "waktu", "biaya"), aspects,
                               strict=False):
            assert Fraction(kinerja.round_half_up(result[name][i], 2)) == half_up(value)
        assert bool(np.ma.is_masked(result["biaya"][i])) == ("rb" not in row)


@given(st.lists(forms(), min_size=1, max_size=5))
def test_capaian_rises_with_the_output(rows):
    """More output (RO) never lowers the capaian; the capaian is the mean of its aspects."""
    for row in rows:
        low = kinerja.skp_capaian_pp46(**row, gaps="lower")
        high = kinerja.skp_capaian_pp46(**dict(row, ro=row["ro"] + 1), gaps="lower")
        assert high.capaian >= low.capaian
        values = list(low.aspects.values())
        assert min(values) <= low.capaian <= max(values)


def test_batch_capaian_missing_rows_and_errors():
    """A masked figure masks its row; a zero target names its rows; a gap raises by default."""
    result = batch.skp_capaians(ro=np.ma.masked_array([1.0, 2.0], mask=[False, True]),
                                to=[1, 1], rk=[1, 1], tk=[1, 1], rw=[1, 1], tw=[1, 1])
    assert result["capaian"].mask.tolist() == [False, True]
    with pytest.raises(kinerja.UndefinedRatioError, match=r"rows \[1\]"):
        batch.skp_capaians(ro=[1, 1], to=[1, 0], rk=[1, 1], tk=[1, 1], rw=[1, 1], tw=[1, 1])
    with pytest.raises(kinerja.InvalidValueError, match=r"between two bands.*rows \[0\]"):
        batch.skp_capaians(ro=[1], to=[1], rk=[71.5], tk=[100], rw=[9.12], tw=[12])


def test_value_classes_refuse_a_wrong_field():
    """SkpScheme, SkpDistribution and SkpCapaian name a field given an object()."""
    samples = [kinerja.skp_scheme(), kinerja.skp_distribution(["Baik"]),
               kinerja.skp_capaian_pp46(ro=1, to=1, rk=1, tk=1, rw=1, tw=1)]
    for sample in samples:
        for field in attrs.fields(type(sample)):
            with pytest.raises(kinerja.KinerjaError) as caught:
                attrs.evolve(sample, **{field.alias: object()})
            error = caught.value
            fields = [e.field for e in error.exceptions] if isinstance(
                error, ExceptionGroup) else [error.field]
            assert any(field.name in (f or "") for f in fields), (type(sample), field.name)


@given(st.dictionaries(st.sampled_from(["Ahli Pertama", "Terampil", "Mahir", "Penyelia"]),
                       st.decimals(min_value="0.5", max_value=100, places=2), min_size=1),
       st.dictionaries(st.sampled_from(["Istimewa", "Baik", "Kurang"]),
                       st.dictionaries(st.sampled_from(sorted(SHARES)),
                                       st.tuples(st.none() | st.integers(0, 50),
                                                 st.none() | st.integers(50, 100)))))
def test_any_skp_scheme_round_trips_through_its_file(coefficients, distribution):
    """Coefficients and distribution rules of any shape: dump → loads gives the same scheme."""
    scheme = attrs.evolve(kinerja.skp_scheme(), coefficients=coefficients,
                          distribution=distribution)
    assert kinerja.loads_skp_scheme(kinerja.dump_skp_scheme(scheme)) == scheme
