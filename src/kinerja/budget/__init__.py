"""Budget: pagu, spending, remainder, absorption, totals and efficiency.

The third layer (above :mod:`kinerja.indicators`): whole-Rupiah budget lines,
their totals by any classification, exact absorption for scalars and int64
columns, and the efficiency of spending against achievement.  Formulas and
their sources: docs page *Budget (anggaran)*.
"""

from kinerja.budget._absorption import absorption
from kinerja.budget._efficiency import (
    IndicatorBudget,
    efficiency_gap,
    efficiency_pmk214,
    normalised_efficiency,
    output_achievement_ckk,
)
from kinerja.budget._lines import BudgetLine, SpendingType
from kinerja.budget._regional import ApbdSpendingGroup, ApbdSpendingType
from kinerja.budget._totals import (
    BudgetTotal,
    YearComparison,
    compare_years,
    subtotals,
    total,
    totals,
)

__all__ = [
    "ApbdSpendingGroup",
    "ApbdSpendingType",
    "BudgetLine",
    "BudgetTotal",
    "IndicatorBudget",
    "SpendingType",
    "YearComparison",
    "absorption",
    "compare_years",
    "efficiency_gap",
    "efficiency_pmk214",
    "normalised_efficiency",
    "output_achievement_ckk",
    "subtotals",
    "total",
    "totals",
]


def __dir__() -> list[str]:
    """The public names only (the private modules stay out of sight)."""
    return sorted(__all__)
