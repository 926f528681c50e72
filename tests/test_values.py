"""Value types: validation on creation, parsing the words reports use, round trips."""

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kinerja
from kinerja import Indicator, Level, Polarity, Realization, Target, Unit, UnitKind
from tests.strategies import counts, figures

# --- Polarity ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("positif", Polarity.HIGHER_IS_BETTER),
        ("Polaritas Positif", Polarity.HIGHER_IS_BETTER),
        ("semakin tinggi semakin baik", Polarity.HIGHER_IS_BETTER),
        ("higher_is_better", Polarity.HIGHER_IS_BETTER),
        ("Maximize", Polarity.HIGHER_IS_BETTER),
        ("negatif", Polarity.LOWER_IS_BETTER),
        ("polaritas negatif", Polarity.LOWER_IS_BETTER),
        ("Semakin  rendah semakin baik", Polarity.LOWER_IS_BETTER),
        ("semakin kecil semakin baik", Polarity.LOWER_IS_BETTER),
        ("lower-is-better", Polarity.LOWER_IS_BETTER),
        ("minimize", Polarity.LOWER_IS_BETTER),
    ],
)
def test_polarity_words(text, expected):
    """Polarity is read from the Indonesian and English words reports use."""
    assert Polarity.parse(text) is expected


@pytest.mark.parametrize("polarity", list(Polarity))
def test_polarity_round_trips(polarity):
    """Parsing str() and from_code(code) give the polarity back."""
    assert Polarity.parse(str(polarity)) is polarity
    assert Polarity.from_code(polarity.code) is polarity


@pytest.mark.parametrize(("bad", "error"), [("naik", kinerja.InvalidValueError),
                                            (2, kinerja.InvalidValueError),
                                            (True, kinerja.InvalidTypeError),
                                            (None, kinerja.InvalidTypeError)])
def test_polarity_bad_input(bad, error):
    """Unknown words, codes other than +1/-1 and non-strings are refused with the fix named."""
    with pytest.raises(error, match="polarity"):
        Polarity.parse(bad)


@pytest.mark.parametrize(("code", "polarity"), [(1, Polarity.HIGHER_IS_BETTER),
                                                (-1, Polarity.LOWER_IS_BETTER)])
def test_polarity_code_reads_like_its_name(code, polarity):
    """The codes +1 / -1 read as polarities for scalars as they do in arrays."""
    assert Polarity.parse(code) is polarity
    assert kinerja.achievement(75, 60, polarity=code) == kinerja.achievement(
        75, 60, polarity=polarity)


def test_polarity_bad_code():
    """Only +1 and -1 are polarity codes."""
    with pytest.raises(kinerja.InvalidValueError):
        Polarity.from_code(0)


# --- Unit ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("%", Unit.percent()),
        ("persen", Unit.percent()),
        ("Indeks", Unit.index()),
        ("Rp", Unit.rupiah()),
        ("1 Layanan", Unit.count("Layanan")),
        ("Dokumen", Unit.count("Dokumen")),
        ("Orang", Unit.count("Orang")),
        ("bulan", Unit.duration("bulan")),
        ("7 hari", Unit.duration("hari")),
    ],
)
def test_unit_parse(text, expected):
    """Units are read as reports write them."""
    assert Unit.parse(text) == expected


@pytest.mark.parametrize(
    "unit",
    [Unit.percent(), Unit.index(), Unit.rupiah(), Unit.count("Layanan"),
     Unit.duration("bulan")],
)
def test_unit_round_trips(unit):
    """Parsing str() and rebuilding from asdict() give the unit back."""
    assert Unit.parse(str(unit)) == unit
    assert Unit(**attrs.asdict(unit)) == unit


def test_units_of_different_things_differ():
    """A count of Layanan is not a count of Dokumen, and neither is a percent."""
    assert Unit.count("Layanan") != Unit.count("Dokumen")
    with pytest.raises(kinerja.UnitMismatchError):
        Unit.count("Layanan").check_same(Unit.count("Dokumen"), field="x")
    with pytest.raises(TypeError):
        Unit.percent().check_same(Unit.index(), field="x")


@pytest.mark.parametrize(
    "make",
    [
        lambda: Unit(kind="count"),
        lambda: Unit(kind="count", label="  "),
        lambda: Unit(kind="percent", label="x"),
        lambda: Unit(kind="kg"),
        lambda: Unit.parse(""),
        lambda: Unit.parse("12"),
    ],
)
def test_unit_bad_input(make):
    """Labels are required for counts and durations, refused for the rest."""
    with pytest.raises(kinerja.InvalidValueError):
        make()


# --- Indicator -----------------------------------------------------------------------


def test_indicator_converts_words():
    """Level, unit and polarity may be given as the words a report uses."""
    indicator = Indicator(code="IKK-2.1", name="Dokumen rencana kerja", level="IKK",
                          unit="1 Layanan")
    assert indicator.level is Level.ACTIVITY
    assert indicator.unit == Unit.count("Layanan")
    assert indicator.polarity is Polarity.HIGHER_IS_BETTER


@pytest.mark.parametrize(("text", "level"), [("IKU", Level.STRATEGIC),
                                             ("sasaran strategis", Level.STRATEGIC),
                                             ("IKP", Level.PROGRAM), ("kegiatan", Level.ACTIVITY)])
def test_level_words(text, level):
    """Levels are read from IKU/IKP/IKK and the goal names."""
    assert Level.parse(text) is level


def test_indicator_round_trip_and_frozen():
    """An indicator rebuilds from its fields and cannot be changed in place."""
    indicator = Indicator(code="A", name="B", level="program", unit="%", polarity="negatif")
    assert Indicator(**attrs.asdict(indicator, recurse=False)) == indicator
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        indicator.code = "C"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"code": ""}, "code"),
        ({"name": "   "}, "name"),
        ({"code": 3}, "code"),
        ({"level": "eselon"}, "level"),
        ({"polarity": "naik"}, "polarity"),
    ],
)
def test_indicator_bad_fields(fields, field):
    """Each bad field is named in the error."""
    base = {"code": "A", "name": "B", "level": "IKK", "unit": "%"}
    with pytest.raises(kinerja.KinerjaError) as caught:
        Indicator(**(base | fields))
    assert caught.value.field == field


def test_indicator_is_keyword_only():
    """Value classes take keyword arguments only."""
    with pytest.raises(TypeError):
        Indicator("A", "B", "IKK", "%")  # type: ignore[misc]


# --- Target --------------------------------------------------------------------------


@given(st.integers(min_value=2000, max_value=2100), figures)
def test_point_target_round_trip(year, value):
    """A point target rebuilds from its fields; its bounds are (value, value)."""
    target = Target(year=year, value=value)
    assert Target(**attrs.asdict(target, recurse=False)) == target
    assert target.bounds == (value, value)
    assert not target.is_range


@given(st.integers(min_value=2000, max_value=2100), figures, figures)
def test_range_target_round_trip(year, a, b):
    """A range target rebuilds from its fields."""
    low, high = sorted((a, b))
    target = Target(year=year, low=low, high=high)
    assert Target(**attrs.asdict(target, recurse=False)) == target
    assert target.is_range


@pytest.mark.parametrize(
    ("fields", "error", "field"),
    [
        ({}, kinerja.MissingValueError, "target.value"),
        ({"value": -5}, kinerja.InvalidValueError, "target.value"),
        ({"value": "sixty"}, kinerja.NumberFormatError, "target.value"),
        ({"value": float("nan")}, kinerja.InvalidValueError, "target.value"),
        ({"value": 60, "low": 50, "high": 70}, kinerja.InvalidValueError, "target"),
        ({"low": 50}, kinerja.MissingValueError, "target.high"),
        ({"low": 90, "high": 80}, kinerja.InvalidValueError, "target.low"),
        ({"value": 60, "year": 20}, kinerja.InvalidValueError, "year"),
        ({"value": 60, "year": "2023"}, kinerja.InvalidTypeError, "year"),
        ({"value": 60, "unit": "x"}, None, None),
    ],
)
def test_target_bad_fields(fields, error, field):
    """Missing, negative, non-numeric and contradictory targets are refused by field."""
    fields = {"year": 2023} | fields
    if error is None:
        assert Target(**fields).unit == Unit.count("x")
        return
    with pytest.raises(error) as caught:
        Target(**fields)
    assert caught.value.field == field


# --- Realization ---------------------------------------------------------------------


@given(counts, counts.filter(lambda c: c > 0))
def test_realization_from_counts_round_trip(a, b):
    """Counts give the exact percentage; rebuilding from the fields gives an equal value."""
    part, whole = min(a, b), max(a, b)
    real = Realization(year=2023, numerator=part, denominator=whole)
    assert real.value == kinerja.percentage(part, whole)
    assert Realization(**attrs.asdict(real, recurse=False)) == real


@given(counts, counts.filter(lambda c: c > 0), st.integers(min_value=0, max_value=4))
def test_stated_value_checked_against_counts(a, b, places):
    """A stated value equal to the counts' percentage rounded to its decimals is accepted."""
    part, whole = min(a, b), max(a, b)
    stated = kinerja.round_half_up(kinerja.percentage(part, whole), places)
    real = Realization(year=2023, value=stated, numerator=part, denominator=whole)
    assert kinerja.round_half_up(real.value, places) == stated


@pytest.mark.parametrize(
    ("fields", "error", "field"),
    [
        # The reference report's narrative: "994 … sekitar 63 %" while 994/1327 = 74.91 %.
        ({"value": 63, "numerator": 994, "denominator": 1327}, kinerja.InvalidValueError,
         "realization.value"),
        ({"numerator": 994}, kinerja.MissingValueError, "realization.denominator"),
        ({"numerator": 18, "denominator": 17}, kinerja.InvalidValueError,
         "realization.numerator"),
        ({"numerator": 1, "denominator": 0}, kinerja.UndefinedRatioError,
         "realization.denominator"),
        ({"numerator": -1, "denominator": 5}, kinerja.InvalidValueError,
         "realization.numerator"),
        ({}, kinerja.MissingValueError, "realization.value"),
        ({"value": None}, kinerja.MissingValueError, "realization.value"),
        ({"value": 5, "missing": True}, kinerja.InvalidValueError, "realization.missing"),
        ({"numerator": 1, "denominator": 2, "unit": "Layanan"}, kinerja.InvalidValueError,
         "realization.unit"),
    ],
)
def test_realization_bad_fields(fields, error, field):
    """Inconsistent, incomplete and impossible realizations are refused by field."""
    with pytest.raises(error) as caught:
        Realization(year=2023, **fields)
    assert caught.value.field == field


def test_missing_is_not_zero():
    """A not-reported realization has no value at all, and says so."""
    real = Realization.not_reported(2023)
    assert real.value is None
    assert real.is_missing
    assert str(real) == "missing"
    assert Realization(year=2023, value=0).value == Decimal(0)


def test_realization_str():
    """A realization prints its value (and counts when known)."""
    assert str(Realization(year=2023, numerator=994, denominator=1327)) == "74.91 % (994 / 1327)"
    assert str(Realization(year=2023, value=1, unit="Layanan")) == "1"


def test_unit_kinds_enumerated():
    """The unit kinds: percent, rate per N, index, count, Rupiah and duration."""
    assert {kind.value for kind in UnitKind} == {"percent", "rate", "index", "count", "rupiah",
                                                 "duration"}
