"""Core: numbers, units, polarity and the sentinels every other layer builds on.

The lowest layer of kinerja (above :mod:`kinerja.exceptions`): the one door
for caller input (numbers, Rupiah, years, arrays, options), Indonesian
number notation, half-up rounding, the scalar/array operations each formula
is written against, polarity, units, NOT_APPLICABLE, read-only mappings,
the problem collector and the hooks the outputs layer plugs into.  Rules:
docs page *Numbers, rounding and notation*.
"""

from kinerja.core._frozen import FrozenMap
from kinerja.core._notation import format_number, format_percent, format_rupiah
from kinerja.core._parse import parse_number, parse_rupiah
from kinerja.core._polarity import Polarity
from kinerja.core._rounding import round_half_up
from kinerja.core._sentinels import NOT_APPLICABLE, NOT_STATED, NotApplicable, NotStated
from kinerja.core._units import Unit, UnitKind

__all__ = [
    "NOT_APPLICABLE",
    "NOT_STATED",
    "FrozenMap",
    "NotApplicable",
    "NotStated",
    "Polarity",
    "Unit",
    "UnitKind",
    "format_number",
    "format_percent",
    "format_rupiah",
    "parse_number",
    "parse_rupiah",
    "round_half_up",
]


def __dir__() -> list[str]:
    """The public names only (the private modules stay out of sight)."""
    return sorted(__all__)
