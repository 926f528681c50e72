"""kinerja: exact, cited performance-indicator math for Indonesian government work units.

The public API lives here; the modules behind it are private.  Errors are in
:mod:`kinerja.exceptions` (and re-exported here).

>>> import kinerja
>>> kinerja.round_half_up(kinerja.achievement(kinerja.percentage(994, 1327), 60))
Decimal('124.84')
"""

from kinerja._achievement import CAP_120, AchievementPolicy, Cap, Formula, achievement
from kinerja._assessment import AchievementResult, Status, assess
from kinerja._figures import Realization, Target
from kinerja._indicator import Indicator, Level
from kinerja._notation import (
    format_number,
    format_percent,
    format_rupiah,
    parse_number,
    parse_rupiah,
)
from kinerja._percentage import percentage
from kinerja._polarity import Polarity
from kinerja._rounding import round_half_up
from kinerja._sentinels import NOT_APPLICABLE, NotApplicable
from kinerja._units import Unit, UnitKind
from kinerja.exceptions import (
    AmbiguousNumberError,
    InvalidTypeError,
    InvalidValueError,
    KinerjaError,
    MissingValueError,
    NumberFormatError,
    ReportFileError,
    UndefinedRatioError,
    UnitMismatchError,
    ValidationError,
    ZeroTargetError,
)

__version__ = "0.1.0.dev0"

__all__ = [
    "CAP_120",
    "NOT_APPLICABLE",
    "AchievementPolicy",
    "AchievementResult",
    "AmbiguousNumberError",
    "Cap",
    "Formula",
    "Indicator",
    "InvalidTypeError",
    "InvalidValueError",
    "KinerjaError",
    "Level",
    "MissingValueError",
    "NotApplicable",
    "NumberFormatError",
    "Polarity",
    "Realization",
    "ReportFileError",
    "Status",
    "Target",
    "UndefinedRatioError",
    "Unit",
    "UnitKind",
    "UnitMismatchError",
    "ValidationError",
    "ZeroTargetError",
    "achievement",
    "assess",
    "format_number",
    "format_percent",
    "format_rupiah",
    "parse_number",
    "parse_rupiah",
    "percentage",
    "round_half_up",
]
