"""Indonesian number notation: parsing, refusing ambiguity, formatting."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kinerja
from kinerja import format_number, format_percent, format_rupiah, parse_number, parse_rupiah


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Figures as the reference report prints them.
        ("4.100.832.000", "4100832000"),
        ("99,98", "99.98"),
        ("Rp. 570.750.000,-", "570750000"),
        ("RP 4.100.832.000,-", "4100832000"),
        ("75 %", "75"),
        ("66 %", "66"),
        ("88,2 %", "88.2"),
        ("77,5", "77.5"),
        # English notation where it cannot be misread.
        ("4,100,921,041", "4100921041"),
        ("570,750,000,-", "570750000"),
        ("4,100,832,000.50", "4100832000.50"),
        ("2.5", "2.5"),
        ("0,125", "0.125"),
        ("0.125", "0.125"),
        ("12345,678", "12345.678"),
        # Signs and odd spacing.
        ("-1.234,5", "-1234.5"),
        ("−1.629.959", "-1629959"),
        ("  1.234.567  ", "1234567"),
        ("Rp\u00a01.000.000", "1000000"),
        ("0", "0"),
        ("100", "100"),
    ],
)
def test_parse_number(text, expected):
    """Printed numbers read as their exact value."""
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["4,100", "1.234", "999,999", "-4,100"])
def test_ambiguous_numbers_are_refused(text):
    """A single separator followed by three digits could be either notation: refused."""
    with pytest.raises(kinerja.AmbiguousNumberError) as caught:
        parse_number(text)
    assert isinstance(caught.value, ValueError)
    assert "notation" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "notation", "expected"),
    [
        ("4,100", "id", "4.1"),
        ("4,100", "en", "4100"),
        ("1.234", "id", "1234"),
        ("1.234", "en", "1.234"),
    ],
)
def test_named_notation_resolves_ambiguity(text, notation, expected):
    """Naming the notation resolves an ambiguous string."""
    assert parse_number(text, notation=notation) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "notation"),
    [
        ("", None),
        ("-", None),
        ("sembilan", None),
        ("12a", None),
        ("1.2.3", None),  # dot groups must be three digits
        ("1,23,456", None),
        ("3,529.557.791,-", None),  # mixed: Tabel 3.23 of the reference report
        ("1.234,5,6", None),
        (",5", None),
        ("5,", None),
        ("4.100.832", "en"),  # dots group thousands, which is not English
        ("99,98", "en"),
        ("12.34", "id"),
    ],
)
def test_malformed_numbers_are_refused(text, notation):
    """Strings that are not numbers in the (named) notation raise NumberFormatError."""
    with pytest.raises(kinerja.NumberFormatError) as caught:
        parse_number(text, notation=notation)
    assert caught.value.value == text


def test_non_string_and_bad_notation():
    """parse_number takes strings only, and only the notations 'id' and 'en'."""
    with pytest.raises(kinerja.InvalidTypeError):
        parse_number(4100)
    with pytest.raises(kinerja.InvalidValueError):
        parse_number("1", notation="fr")


def test_parse_rupiah_is_whole():
    """Rupiah are integers; a fraction of a Rupiah is refused."""
    assert parse_rupiah("Rp. 4.100.202.041,-") == 4_100_202_041
    assert isinstance(parse_rupiah("1.000"), int)
    # A single separator before three digits is a thousands group for Rupiah:
    # the other reading would be a fraction of a Rupiah.
    assert parse_rupiah("Rp 1.000") == 1000
    assert parse_rupiah("4,100") == 4100
    with pytest.raises(kinerja.InvalidValueError, match="whole"):
        parse_rupiah("1.000,5")


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (4100832000, 0, "4.100.832.000"),
        (Decimal("99.98464"), 2, "99,98"),
        (Decimal("99.985"), 2, "99,99"),
        (2.675, 2, "2,68"),
        (100, 2, "100,00"),
        (Decimal("-1234.5"), 1, "-1.234,5"),
        (Decimal("0.004"), 2, "0,00"),
    ],
)
def test_format_number(value, places, expected):
    """Formatting rounds half up first, then writes Indonesian notation."""
    assert format_number(value, places) == expected


def test_format_helpers():
    """Percent and Rupiah helpers write what LKjIPs print."""
    assert format_percent(Decimal("99.98464")) == "99,98%"
    assert format_percent(120, 0) == "120%"
    assert format_rupiah(4100202041) == "Rp 4.100.202.041"
    assert format_number(4100202041, 0, notation="en") == "4,100,202,041"
    with pytest.raises(kinerja.InvalidValueError):
        format_rupiah(Decimal("1.5"))


def test_babel_formatting_rounds_half_up_first():
    """With a Babel locale, the figure is rounded half up before Babel formats it."""
    pytest.importorskip("babel")
    assert format_number(Decimal("2.675"), 2, locale="id_ID") == "2,68"
    assert format_number(Decimal("0.125"), 2, locale="id_ID") == "0,13"
    assert format_number(4100832000, 0, locale="id_ID") == "4.100.832.000"


@given(st.decimals(min_value=-(10**15), max_value=10**15, places=2),
       st.sampled_from(["id", "en"]))
def test_format_then_parse_round_trips(value, notation):
    """A formatted figure parses back to the same value in the same notation."""
    assert parse_number(format_number(value, 2, notation=notation), notation=notation) == value


@given(st.integers(min_value=0, max_value=10**16))
def test_rupiah_round_trip(amount):
    """Whole Rupiah amounts up to 10^16 survive formatting and parsing."""
    assert parse_rupiah(format_rupiah(amount)) == amount
