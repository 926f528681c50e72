"""How a realization moved since the previous year, judged by the indicator's polarity."""

from decimal import Decimal

import pytest

import kinerja
from kinerja import Direction, Polarity
from kinerja.indicators._renstra import direction

HIGHER = Polarity.HIGHER_IS_BETTER
LOWER = Polarity.LOWER_IS_BETTER


@pytest.mark.parametrize(
    ("before", "after", "polarity", "expected"),
    [
        # Higher is better: up is better, down is worse.
        ("50", "65.96", HIGHER, Direction.IMPROVED),
        ("65.96", "50", HIGHER, Direction.WORSENED),
        # Lower is better (IKK-1.2, children sentenced to prison): up is worse.
        ("50", "65.96", LOWER, Direction.WORSENED),
        ("65.96", "50", LOWER, Direction.IMPROVED),
        # Equal figures, whatever their notation: unchanged for either polarity.
        ("1", "1", HIGHER, Direction.UNCHANGED),
        ("1", "1.00", LOWER, Direction.UNCHANGED),
        ("0", "0", LOWER, Direction.UNCHANGED),
        # No figure in one of the years: unknown, never unchanged.
        (None, "1", HIGHER, Direction.UNKNOWN),
        ("1", None, LOWER, Direction.UNKNOWN),
    ],
)
def test_direction(before, after, polarity, expected):
    """Improved, worsened, unchanged (equal values) or unknown (a year without a figure)."""
    figures = [None if x is None else Decimal(x) for x in (before, after)]
    assert direction(*figures, polarity) is expected


def test_unchanged_realizations_in_the_reference_report():
    """IKK-2.1 gave 1 Layanan in 2022 and in 2023: its history says unchanged ("tetap")."""
    rows = kinerja.example_report().history("IKK-2.1")
    assert [(row.year, row.change) for row in rows] == [(2022, Direction.UNKNOWN),
                                                        (2023, Direction.UNCHANGED)]
    assert rows[1].change.indonesian == "tetap"
