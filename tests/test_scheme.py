"""Scoring schemes in general (docs/schemes/index.md): validation, files, scoring, laws, batch."""

import re
from decimal import Decimal, localcontext
from pathlib import Path

import attrs
import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import kinerja
from kinerja import NOT_APPLICABLE, Band, Component, Scheme

DOCS = Path(__file__).resolve().parent.parent / "docs" / "schemes"

IKPA_BANDS = [Band(category="Kurang", low=0, high=70), Band(category="Cukup", low=70, high=89),
              Band(category="Baik", low=89, high=95),
              Band(category="Sangat Baik", low=95, high=100)]


def _small(**overrides):
    """A three-component scheme with IKPA's bands."""
    arguments = {
        "name": "Small", "regulation": "test", "valid_from": 2024, "weight_total": 100,
        "components": [Component(key="a", name="A", weight=50),
                       Component(key="b", name="B", weight=30, can_be_not_applicable=True),
                       Component(key="c", name="C", weight=20, can_be_not_applicable=True)],
        "aspects": [kinerja.Aspect(name="AB", components=["a", "b"])],
        "bands": IKPA_BANDS,
    }
    arguments.update(overrides)
    return Scheme(**arguments)


def _fields(error):
    return [member.field for member in error.exceptions]


def _ratio(numerator, denominator, minus=0):
    """Return numerator / denominator × 100 − minus at 50 digits (the test's arithmetic)."""
    with localcontext(prec=50):
        return Decimal(numerator) / Decimal(denominator) * 100 - minus


# --- validation: every problem at once ---------------------------------------------------

def test_validation_collects_every_problem_naming_fields():
    """A bad weight, a duplicate key, an unknown aspect member and two band faults: one group."""
    with pytest.raises(kinerja.ValidationError) as caught:
        Scheme(name="Bad", regulation="x", valid_from=2024,
               components=[Component(key="a", name="A", weight=10),
                           Component(key="b", name="B", weight=10),
                           Component(key="b", name="B2", weight=10),
                           Component(key="d", name="D", weight=0)],
               aspects=[kinerja.Aspect(name="G", components=["a", "z"])],
               bands=[Band(category="low", low=0, high=50),
                      Band(category="mid", low=40, high=80),
                      Band(category="top", low=85, high=100)])
    assert _fields(caught.value) == ["components[2].key", "components[3].weight",
                                     "aspects[0].components[1]", "bands[1]", "bands[2]"]
    assert all(isinstance(e, kinerja.InvalidValueError) for e in caught.value.exceptions)
    assert "overlaps" in str(caught.value.exceptions[3])
    assert "gap" in str(caught.value.exceptions[4])
    assert "also components[1]" in str(caught.value.exceptions[0])


def test_stated_total_must_be_reached():
    """Weights 50 + 30 + 20 = 100 do not reach a stated total of 110."""
    with pytest.raises(kinerja.ValidationError) as caught:
        _small(weight_total=110)
    assert _fields(caught.value) == ["weight_total"]
    assert "add up to 100" in str(caught.value.exceptions[0])


def test_negative_weight_is_reported_without_a_spurious_total_error():
    """A negative weight is its own problem; the total is not checked on top of it."""
    with pytest.raises(kinerja.ValidationError) as caught:
        _small(components=[Component(key="a", name="A", weight=-50),
                           Component(key="b", name="B", weight=150)])
    assert _fields(caught.value) == ["components[0].weight"]


@pytest.mark.parametrize(
    ("bands", "field", "phrase"),
    [
        ([Band(category="x", low=5, high=100)], "bands[0]", "starts at 5"),
        ([Band(category="x", low=0, high=99)], "bands[0]", "ends at 99"),
        ([Band(category="x", low=0, high=50), Band(category="y", low=50, high=50),
          Band(category="z", low=50, high=100)], "bands[1]", "not below"),
        ([Band(category="x", low=0, high=50), Band(category="x", low=50, high=100)],
         "bands[1].category", "duplicate"),
        # Descending order (as regulations often list them) is refused, not re-sorted.
        ([Band(category="top", low=95, high=100), Band(category="rest", low=0, high=95)],
         "bands[0]", "starts at 95"),
    ],
)
def test_band_faults(bands, field, phrase):
    """Bands must start at 0, end at 100, be ascending, non-empty and distinct."""
    with pytest.raises(kinerja.ValidationError) as caught:
        _small(bands=bands)
    assert field in _fields(caught.value)
    assert phrase in caught.value.describe()


def test_other_structural_faults():
    """Aspect overlap, deduction key clash, bad order, bad basis: all reported together."""
    with pytest.raises(kinerja.ValidationError) as caught:
        _small(aspects=[kinerja.Aspect(name="X", components=["a"]),
                        kinerja.Aspect(name="Y", components=["a"])],
               deductions=[kinerja.Deduction(key="b", name="clash"),
                           kinerja.Deduction(key="d", name="D", maximum=0)],
               category_basis="rounded", category_places=-1, valid_until=2020)
    # Top-level fields first, then items in the order they are written.
    assert _fields(caught.value) == [
        "valid_until", "category_basis", "category_places", "aspects[1].components[0]",
        "deductions[0].key", "deductions[1].maximum"]


def test_unknown_deduction_order_is_refused_at_construction():
    """A deduction order outside the two named ones is refused when the Deduction is built."""
    with pytest.raises(kinerja.InvalidValueError) as caught:
        kinerja.Deduction(key="d", name="D", order="sideways")
    assert caught.value.field == "order"
    assert "after_division" in str(caught.value)


def test_wrong_types_raise_at_once_naming_the_field():
    """Type errors (not a number, not a Component) are raised immediately, with the field."""
    with pytest.raises(kinerja.NumberFormatError, match="weight"):
        Component(key="a", name="A", weight="sepuluh")
    with pytest.raises(kinerja.InvalidTypeError, match=re.escape("components[1]")):
        _small(components=[Component(key="a", name="A", weight=50), {"key": "b"}])
    with pytest.raises(kinerja.InvalidTypeError, match="valid_from"):
        _small(valid_from="2024")


def test_weight_total_defaults_to_the_sum():
    """Without a stated total the weights' sum is the total: 3 + 1 → 4."""
    scheme = Scheme(name="S", regulation="r", valid_from=2024,
                    components=[Component(key="a", name="A", weight=3),
                                Component(key="b", name="B", weight=1)])
    assert scheme.total_weight == 4
    # Nilai Total = (80·3 + 40·1) / 4 = 280 / 4 = 70.
    assert scheme.score({"a": 80, "b": 40}).total == 70


def test_identity_and_years():
    """A scheme says which regulation and years it covers."""
    scheme = _small(valid_from=2022, valid_until=2023)
    assert scheme.label == "Small 2022–2023 (test)"
    assert scheme.applies_to(2023)
    assert not scheme.applies_to(2024)
    assert _small().years == "2024–"
    assert _small(valid_until=2024).years == "2024"


# --- files ---------------------------------------------------------------------------------

def _doc_example():
    text = (DOCS / "file-format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", text, re.S)
    assert len(blocks) == 1
    return blocks[0]


def test_documented_file_format_example_loads():
    """The complete example of docs/schemes/file-format.md is a valid scheme."""
    scheme = kinerja.loads_scheme(_doc_example())
    assert scheme.label == "IKPA 2026– (PER-X/PB/2026 (hypothetical))"
    assert scheme.weights["deviasi_halaman_iii"] == Decimal("12.5")
    assert scheme.deductions[0].maximum == 5
    assert [band.category for band in scheme.bands] == ["Kurang", "Cukup", "Baik",
                                                        "Sangat Baik"]
    result = scheme.score({"revisi_dipa": 100, "deviasi_halaman_iii": 80,
                           "penyerapan_anggaran": 100, "belanja_kontraktual": NOT_APPLICABLE,
                           "capaian_output": 100, "dispensasi_spm": 1})
    # Total = (1000 + 80·12.5 + 2000 + 4750) / 100 = (1000 + 1000 + 2000 + 4750) / 100 = 87.5;
    # Konversi Bobot = 90; Nilai Akhir = 87.5 / 90 × 100 = 97.2222…; minus 1 = 96.2222…
    assert result.total == Decimal("87.5")
    assert result.weight_base == 90
    assert round(result.final, 10) == Decimal("96.2222222222")
    assert result.category == "Sangat Baik"


def test_load_from_path(tmp_path):
    """A scheme file is read from disk (UTF-8), decimals exactly."""
    path = tmp_path / "ikpa-2026.toml"
    path.write_text(_doc_example(), encoding="utf-8")
    assert kinerja.load_scheme(path).weights["capaian_output"] == Decimal("47.5")
    assert kinerja.load_scheme(str(path)).regulation == "PER-X/PB/2026 (hypothetical)"


def test_file_problems_reported_at_once_with_places():
    """An unknown key, a missing key and a bad weight in one file: three members."""
    text = _doc_example()
    text = text.replace("weight = 12.5", "wieght = 12.5", 1)
    text = text.replace('key = "penyerapan_anggaran"\n', "", 1)
    text = text.replace("weight = 10\ncan_be", "weight = -10\ncan_be", 1)
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.loads_scheme(text)
    assert _fields(caught.value) == ["components[1].wieght", "components[1].weight",
                                     "components[2].key", "components[3].weight"]
    assert isinstance(caught.value.exceptions[1], kinerja.MissingValueError)


def test_file_item_type_errors_are_relocated():
    """A text where a flag is due is reported at its place in the file."""
    text = _doc_example().replace("can_be_not_applicable = true", 'can_be_not_applicable = "ya"')
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.loads_scheme(text)
    assert _fields(caught.value) == ["components[3].can_be_not_applicable"]


def test_unreadable_and_invalid_files(tmp_path):
    """Missing file and broken TOML raise ReportFileError; load_scheme needs a path."""
    with pytest.raises(kinerja.ReportFileError, match="cannot read"):
        kinerja.load_scheme(tmp_path / "nothing.toml")
    with pytest.raises(kinerja.ReportFileError, match="cannot read"):
        kinerja.load_scheme(tmp_path)
    with pytest.raises(kinerja.ReportFileError, match="not valid TOML"):
        kinerja.loads_scheme("name = = 1")
    with pytest.raises(kinerja.InvalidValueError, match="path"):
        kinerja.load_scheme()
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.loads_scheme('name = "x"\nspeed = 3\n')
    assert _fields(caught.value) == ["speed", "regulation", "valid_from", "components"]


def test_load_scheme_text_is_deprecated_but_works():
    """load_scheme(text=...) still reads TOML text, with a warning naming loads_scheme."""
    with pytest.warns(DeprecationWarning, match="loads_scheme"):
        scheme = kinerja.load_scheme(text=_doc_example())
    assert scheme == kinerja.loads_scheme(_doc_example())


def test_scheme_files_round_trip(tmp_path):
    """Every preset written with dump_scheme / save_scheme reads back equal."""
    for scheme in kinerja.preset_schemes():
        assert kinerja.loads_scheme(kinerja.dump_scheme(scheme)) == scheme
        path = tmp_path / "scheme.toml"
        kinerja.save_scheme(scheme, path)
        assert kinerja.load_scheme(path) == scheme


def test_presets_are_installed_data_files():
    """Every preset is read through importlib.resources and valid."""
    from importlib import resources

    folder = resources.files("kinerja.schemes").joinpath("presets")
    names = sorted(item.name for item in folder.iterdir() if item.name.endswith(".toml"))
    assert names == ["emonev.toml", "ikpa-2020.toml", "ikpa-2021.toml", "ikpa-2022.toml",
                     "ikpa-2024.toml", "nka-2021.toml"]
    assert len(kinerja.preset_schemes()) == 5


# --- scoring rules -------------------------------------------------------------------------

def test_not_applicable_renormalises_and_missing_raises():
    """N/A leaves the weight out; a missing score is an error naming the component."""
    scheme = _small()
    # b not applicable: total = (90·50 + 60·20) / 100 = 57; base 70; final = 57 / 70 × 100.
    result = scheme.score({"a": 90, "b": NOT_APPLICABLE, "c": 60})
    assert result.total == 57
    assert result.weight_base == 70
    assert result.final == _ratio(57, 70)
    assert result.components["b"].status == "not_applicable"
    assert result.components["b"].nilai is None
    with pytest.raises(kinerja.MissingValueError) as caught:
        scheme.score({"a": 90, "b": None, "c": 60})
    assert caught.value.field == "b"
    assert "missing='zero'" in str(caught.value)
    with pytest.raises(kinerja.MissingValueError, match="c: "):
        scheme.score({"a": 90, "b": 70})


def test_missing_as_zero_is_a_named_policy():
    """missing='zero' scores a missing component 0, keeps its weight, and says so."""
    result = _small().score({"a": 90, "b": 70}, missing="zero")
    # (90·50 + 70·30 + 0·20) / 100 = (4500 + 2100) / 100 = 66; base 100.
    assert result.final == 66
    assert result.components["c"].status == "missing_as_zero"
    assert "C: missing, scored 0 (missing='zero')" in result.explain("en")
    with pytest.raises(kinerja.InvalidValueError, match="missing policy"):
        _small().score({"a": 1, "b": 1, "c": 1}, missing="ignore")


def test_input_errors():
    """Unknown keys list the valid ones; N/A only where allowed; scores within 0–100."""
    scheme = _small()
    with pytest.raises(kinerja.InvalidValueError, match="use the keys a, b, c") as caught:
        scheme.score({"a": 1, "b": 1, "c": 1, "x": 1, "y": 2})
    assert caught.value.value == ["x", "y"]
    with pytest.raises(kinerja.InvalidValueError, match="applies to every work unit"):
        scheme.score({"a": NOT_APPLICABLE, "b": 1, "c": 1})
    for bad in (-1, "100,01", Decimal("100.0001")):
        with pytest.raises(kinerja.InvalidValueError, match="0–100"):
            scheme.score({"a": bad, "b": 1, "c": 1})
    with pytest.raises(kinerja.InvalidTypeError):
        scheme.score({"a": True, "b": 1, "c": 1})


def test_nothing_applicable_is_an_error():
    """With every component not applicable there is nothing to divide by."""
    scheme = _small(components=[Component(key="a", name="A", weight=100,
                                          can_be_not_applicable=True)], aspects=[])
    with pytest.raises(kinerja.InvalidValueError, match="no component applies"):
        scheme.score({"a": NOT_APPLICABLE})


def test_deductions_bounds_and_order():
    """Deduction points are 0–maximum, may not exceed the score, and follow their order."""
    deduction = kinerja.Deduction(key="d", name="D", maximum=10)
    scheme = _small(deductions=[deduction])
    values = {"a": 90, "b": NOT_APPLICABLE, "c": 60, "d": 2}
    after = scheme.score(values)
    # 57 / 70 × 100 − 2 = 81.428571… − 2 = 79.428571…
    assert after.final == _ratio(57, 70, minus=2)
    before = _small(deductions=[attrs.evolve(deduction, order="before_division")]).score(values)
    # (57 − 2) / 70 × 100 = 78.571428…
    assert before.final == _ratio(55, 70)
    assert after.deductions == {"d": 2}
    with pytest.raises(kinerja.InvalidValueError, match="0–10"):
        scheme.score(dict(values, d=11))
    tiny = _small(deductions=[kinerja.Deduction(key="d", name="D")])
    with pytest.raises(kinerja.InvalidValueError, match="exceed the score"):
        tiny.score({"a": 5, "b": 0, "c": 0, "d": 50})
    assert tiny.score({"a": 5, "b": 0, "c": 0, "d": NOT_APPLICABLE}).final == Decimal("2.5")


def test_calculated_component_must_match_its_key():
    """A CalculatedComponent is accepted as a value only under its own key."""
    revisi = kinerja.ikpa_revisi_dipa(year=2023, revisions=[2])
    scheme = Scheme(name="R", regulation="r", valid_from=2023,
                    components=[Component(key="revisi_dipa", name="Revisi", weight=1),
                                Component(key="other", name="Other", weight=1)])
    assert scheme.score({"revisi_dipa": revisi, "other": 100}).final == 75
    with pytest.raises(kinerja.InvalidValueError, match="calculation of revisi_dipa"):
        scheme.score({"revisi_dipa": 50, "other": revisi})


# --- the trace -----------------------------------------------------------------------------

def test_explain_is_a_stable_readable_trace():
    """The whole trace, compared exactly, and its structured steps."""
    result = _small(deductions=[kinerja.Deduction(key="d", name="Potongan")]).score(
        {"a": "94,5", "b": NOT_APPLICABLE, "c": 100, "d": "0,25"})
    # a: 94.5 × 50 / 100 = 47.25; c: 100 × 20 / 100 = 20; total 67.25; base 70;
    # Nilai Akhir = 67.25 / 70 × 100 = 96.071428…; − 0.25 = 95.821428… → presented 95.82.
    assert result.explain("en") == "\n".join([
        "Small 2024– (test)",
        "A: nilai 94.5 × bobot 50 / 100 = 47.25",
        "B: not applicable, bobot 30 excluded",
        "C: nilai 100 × bobot 20 / 100 = 20",
        "Aspect AB: Σ nilai × bobot / Σ bobot = 4,725 / 50 = 94.5",
        "Nilai Total = Σ nilai × bobot / 100 = 6,725 / 100 = 67.25",
        "Konversi Bobot = Σ bobot of applicable components / 100 × 100 = 70 / 100 × 100 = 70",
        "Nilai Akhir = Nilai Total / Konversi Bobot × 100 = 67.25 / 70 × 100 = 96.071429…",
        "Deduction Potongan (after division): Nilai Akhir 96.071429… − 0.25 = 95.821429…",
        "Final score = 95.821429…",
        "Category Sangat Baik: 95 ≤ x ≤ 100, judged on 95.82 (rounded half up to 2 places)",
    ])
    assert result.explain().splitlines()[-1] == (  # Indonesian by default
        "Kategori Sangat Baik: 95 ≤ x ≤ 100, dinilai dari 95,82 (dibulatkan setengah ke atas, "
        "2 desimal)")
    kinds = [step.kind for step in result.steps]
    assert kinds == ["component"] * 3 + ["aspect", "total", "weight_base", "nilai_akhir",
                                         "deduction", "final", "category"]
    assert result.steps[0].value == Decimal("47.25")
    assert result.steps[-1].key == "Sangat Baik"


def test_aspect_without_applicable_component_is_not_applicable():
    """An aspect whose components all do not apply has no value (None), and says so."""
    scheme = _small(aspects=[kinerja.Aspect(name="BC", components=["b", "c"])])
    result = scheme.score({"a": 80, "b": NOT_APPLICABLE, "c": NOT_APPLICABLE})
    assert result.aspects == {"BC": None}
    assert "Aspect BC: not applicable" in result.explain("en")
    assert result.final == 80


# --- category bands ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("score", "presented", "exact"),
    [
        ("95", "Sangat Baik", "Sangat Baik"),
        ("94.995", "Sangat Baik", "Baik"),        # printed 95,00
        ("94.9949999", "Baik", "Baik"),           # printed 94,99
        ("95.004", "Sangat Baik", "Sangat Baik"),
        ("89", "Baik", "Baik"),
        ("88.995", "Baik", "Cukup"),              # printed 89,00
        ("88.99499", "Cukup", "Cukup"),
        ("89.0049", "Baik", "Baik"),
        ("70", "Cukup", "Cukup"),
        ("69.995", "Cukup", "Kurang"),            # printed 70,00
        ("69.9949", "Kurang", "Kurang"),
        ("70.004", "Cukup", "Cukup"),
        ("0", "Kurang", "Kurang"),
        ("100", "Sangat Baik", "Sangat Baik"),    # the top band is closed
    ],
)
def test_band_edges(score, presented, exact):
    """Categories are judged on the presented (2-place, half-up) figure unless asked otherwise."""
    scheme = _small()
    assert scheme.band_for(Decimal(score)).category == presented
    assert attrs.evolve(scheme, category_basis="exact").band_for(Decimal(score)).category == exact
    # The same through score(): a one-component scheme scores exactly its value.
    single = _small(components=[Component(key="a", name="A", weight=100)], aspects=[])
    assert single.score({"a": Decimal(score)}).category == presented


@given(st.decimals(min_value=0, max_value=100, places=6))
def test_every_score_falls_in_exactly_one_band(value):
    """Gap-free, non-overlapping bands: [low, high) with the top band closed."""
    containing = [b for i, b in enumerate(IKPA_BANDS)
                  if b.low <= value < b.high or (i == len(IKPA_BANDS) - 1 and value == b.high)]
    assert len(containing) == 1
    assert _small(category_basis="exact").band_for(value) is containing[0]


def test_scheme_without_bands_has_no_category():
    """No bands, no category (never an invented one)."""
    result = _small(bands=[]).score({"a": 1, "b": 1, "c": 1})
    assert result.category is None
    assert result.band is None
    assert not any(step.kind == "category" for step in result.steps)


# --- laws (Hypothesis) ---------------------------------------------------------------------

scores = st.decimals(min_value=0, max_value=100, places=2)
ikpa_2023 = kinerja.ikpa_scheme(2023)
OPTIONAL = [c.key for c in ikpa_2023.components if c.can_be_not_applicable]


@st.composite
def ikpa_values(draw):
    values = {c.key: draw(scores) for c in ikpa_2023.components}
    for key in OPTIONAL:
        if draw(st.booleans()):
            values[key] = NOT_APPLICABLE
    return values


@given(ikpa_values())
def test_score_lies_within_its_component_scores(values):
    """Nilai Akhir is a weighted mean: between the lowest and highest applicable score."""
    result = ikpa_2023.score(values)
    applicable = [v for v in values.values() if v is not NOT_APPLICABLE]
    assert min(applicable) <= result.final <= max(applicable)
    for name, value in result.aspects.items():
        if value is not None:
            members = [values[k] for k in next(a for a in ikpa_2023.aspects
                                               if a.name == name).components]
            members = [m for m in members if m is not NOT_APPLICABLE]
            assert min(members) <= value <= max(members)


@given(ikpa_values(), st.decimals(min_value="0.01", max_value=1000, places=2))
def test_invariant_under_scaling_all_weights(values, factor):
    """Scaling every weight (and the stated total) by one factor changes no figure."""
    scaled = attrs.evolve(
        ikpa_2023,
        components=[attrs.evolve(c, weight=c.weight * factor) for c in ikpa_2023.components],
        weight_total=ikpa_2023.total_weight * factor)
    one, other = ikpa_2023.score(values), scaled.score(values)
    tolerance = Decimal("1e-40")
    assert abs(one.final - other.final) < tolerance
    assert abs(one.total - other.total) < tolerance
    assert abs(one.weight_base - other.weight_base) < tolerance


@given(ikpa_values(), st.sampled_from([c.key for c in ikpa_2023.components]), scores)
def test_monotonic_in_each_component(values, key, new):
    """Raising one applicable component's score never lowers the final score."""
    assume(values[key] is not NOT_APPLICABLE)
    low, high = sorted([values[key], new])
    worse = ikpa_2023.score(dict(values, **{key: low}))
    better = ikpa_2023.score(dict(values, **{key: high}))
    assert worse.final <= better.final


@st.composite
def batches(draw):
    rows = draw(st.integers(min_value=1, max_value=8))
    deduction = draw(st.sampled_from(["after_division", "before_division"]))
    rows_values = []
    for _ in range(rows):
        values = draw(ikpa_values())
        values["dispensasi_spm"] = draw(st.decimals(min_value=0, max_value=3, places=2))
        rows_values.append(values)
    return deduction, rows_values


@given(batches())
def test_batch_agrees_with_the_scalar_path(batch):
    """score_batch gives the exact path's figures to float precision, row by row."""
    order, rows = batch
    scheme = kinerja.ikpa_scheme(2024, deduction_order=order)
    keys = scheme.keys
    columns, flags = {}, {}
    for key in keys:
        na = np.array([row.get(key) is NOT_APPLICABLE for row in rows])
        data = [0.0 if row.get(key) is NOT_APPLICABLE else float(row[key]) for row in rows]
        columns[key] = np.array(data)
        if na.any():
            flags[key] = na
    scalar_rows = [{k: row[k] for k in keys} for row in rows]
    try:
        expected = [scheme.score(row) for row in scalar_rows]
    except kinerja.InvalidValueError:
        with pytest.raises(kinerja.InvalidValueError):
            scheme.score_batch(columns, not_applicable=flags)
        return
    result = scheme.score_batch(columns, not_applicable=flags)
    for i, exact in enumerate(expected):
        assert result.total[i] == pytest.approx(float(exact.total), rel=1e-12, abs=1e-12)
        assert result.weight_base[i] == pytest.approx(float(exact.weight_base), rel=1e-12)
        assert result.final[i] == pytest.approx(float(exact.final), rel=1e-12, abs=1e-12)
        for name, value in exact.aspects.items():
            if value is None:
                assert result.aspects[name].mask[i]
            else:
                assert result.aspects[name][i] == pytest.approx(float(value), rel=1e-12)
        # Categories agree unless the exact score sits on a rounding tie (x.xx5).
        scaled = exact.final * 1000
        if scaled != scaled.to_integral_value() or scaled % 10 != 5:
            assert result.category[i] == exact.category


def test_batch_masked_is_missing_and_flags_are_not_applicable():
    """A masked element is missing (error, or 0 under missing='zero'); a flagged one is N/A."""
    scheme = _small()
    columns = {"a": np.array([90.0, 80.0]), "b": np.ma.masked_array([70.0, 0.0],
                                                                      mask=[False, True]),
               "c": np.array([60.0, 60.0])}
    with pytest.raises(kinerja.MissingValueError, match=r"rows \[1\]"):
        scheme.score_batch(columns)
    zero = scheme.score_batch(columns, missing="zero")
    # Row 1 with b = 0: (80·50 + 0 + 60·20) / 100 = 52.
    assert zero.final[1] == pytest.approx(52)
    flagged = scheme.score_batch(columns, not_applicable={"b": np.array([False, True])})
    # Row 1 without b: (4000 + 1200) / 100 = 52 over base 70 → 74.2857…
    assert flagged.final[1] == pytest.approx(52 / 70 * 100)
    assert list(flagged.weight_base) == [100.0, 70.0]
    whole = scheme.score_batch(dict(columns, b=NOT_APPLICABLE))
    assert list(whole.weight_base) == [70.0, 70.0]


def test_batch_input_errors():
    """Batch refuses N/A where not allowed, scores above 100, NaN and unknown keys."""
    scheme = _small()
    good = {"a": [90.0], "b": [70.0], "c": [60.0]}
    with pytest.raises(kinerja.InvalidValueError, match="applies to every work unit"):
        scheme.score_batch(good, not_applicable={"a": np.array([True])})
    with pytest.raises(kinerja.InvalidValueError, match="rows"):
        scheme.score_batch(dict(good, c=[100.5]))
    with pytest.raises(kinerja.InvalidValueError, match="NaN"):
        scheme.score_batch(dict(good, c=[float("nan")]))
    with pytest.raises(kinerja.InvalidValueError, match="unknown keys"):
        scheme.score_batch(good, not_applicable={"z": np.array([True])})
    with pytest.raises(kinerja.InvalidValueError, match="broadcast"):
        scheme.score_batch(dict(good, c=[1.0, 2.0, 3.0], a=[1.0, 2.0]))


def test_ikpa_docs_weight_table_matches_the_presets():
    """The weight table of docs/schemes/ikpa.md is the presets' weights, year by year."""
    from pathlib import Path

    text = (Path(__file__).parent.parent / "docs" / "schemes" / "ikpa.md").read_text()
    rows = [line.split("|")[1:-1] for line in text.splitlines()
            if line.startswith("| ") and "`" in line and line.count("|") == 7]
    years = (2020, 2021, 2022, 2024)
    checked = 0
    for cells in rows:
        key = cells[1].strip().strip("`")
        for year, cell in zip(years, cells[2:], strict=True):
            scheme = kinerja.ikpa_scheme(year)
            cell = cell.strip()
            if cell.isdigit():
                assert scheme.weights[key] == int(cell), (key, year)
                checked += 1
            else:
                assert key not in scheme.weights or cell == "deduction only", (key, year)
    assert checked >= 30


def test_band_for_refuses_scores_outside_the_bands():
    """A score above 100 or below 0 has no category; it is not clamped silently."""
    scheme = kinerja.ikpa_scheme(2023)
    for value in (120, -5):
        with pytest.raises(kinerja.InvalidValueError, match="outside the bands"):
            scheme.band_for(value)
    assert scheme.band_for(100).category == "Sangat Baik"
    assert scheme.band_for(0).category == "Kurang"
