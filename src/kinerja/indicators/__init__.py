"""Indicators: what was promised and achieved, and the achievement formulas.

The second layer (above :mod:`kinerja.core`): value types (:class:`Indicator`,
:class:`Target`, :class:`Realization`), the achievement (capaian) of a
realization against a target, one indicator-year's assessment, and the
medium-term (Renstra) comparisons.  Formulas and their sources: docs page
*Achievement (capaian)*.
"""

from kinerja.indicators._achievement import AchievementPolicy, achievement
from kinerja.indicators._assessment import AchievementResult, Status, assess
from kinerja.indicators._figures import Realization, Target
from kinerja.indicators._formulas import CAP_120, Cap, Formula
from kinerja.indicators._indicator import Indicator, Level
from kinerja.indicators._percentage import percentage
from kinerja.indicators._periods import aggregate_periods, period_key
from kinerja.indicators._renstra import (
    Direction,
    PlanProgress,
    Trajectory,
    YearFigures,
    history,
    progress,
)

__all__ = [
    "CAP_120",
    "AchievementPolicy",
    "AchievementResult",
    "Cap",
    "Direction",
    "Formula",
    "Indicator",
    "Level",
    "PlanProgress",
    "Realization",
    "Status",
    "Target",
    "Trajectory",
    "YearFigures",
    "achievement",
    "aggregate_periods",
    "assess",
    "history",
    "percentage",
    "period_key",
    "progress",
]


def __dir__() -> list[str]:
    """The public names only (the private modules stay out of sight)."""
    return sorted(__all__)
