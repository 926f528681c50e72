"""kinerja: exact, cited performance-indicator math for Indonesian government work units.

The public API lives here; the modules behind it are private.  Errors are in
:mod:`kinerja.exceptions` (and re-exported here).

>>> import kinerja
>>> kinerja.round_half_up(kinerja.achievement(kinerja.percentage(994, 1327), 60))
Decimal('124.84')
"""

import importlib
from typing import TYPE_CHECKING, Any

from kinerja.exceptions import (
    AmbiguousNumberError,
    InvalidTypeError,
    InvalidValueError,
    KinerjaError,
    MissingDependencyError,
    MissingValueError,
    NumberFormatError,
    ReportFileError,
    UndefinedRatioError,
    UnitMismatchError,
    ValidationError,
    ZeroTargetError,
)

__version__ = "0.1.0.dev0"

# Where each public name lives.  Names are imported on first use (PEP 562), so
# `import kinerja` costs next to nothing; type checkers read the imports below.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "kinerja._absorption": ("absorption",),
    "kinerja._achievement": ("CAP_120", "AchievementPolicy", "Cap", "Formula", "achievement",),
    "kinerja._assessment": ("AchievementResult", "Status", "assess",),
    "kinerja._audit": ("audit",),
    "kinerja._budget": (
        "BudgetLine",
        "BudgetTotal",
        "SpendingType",
        "YearComparison",
        "compare_years",
        "subtotals",
        "total",
        "totals",
    ),
    "kinerja._efficiency": (
        "IndicatorBudget",
        "efficiency_gap",
        "efficiency_pmk214",
        "normalised_efficiency",
    ),
    "kinerja._figures": ("Realization", "Target",),
    "kinerja._findings": ("AuditResult", "Finding", "Severity",),
    "kinerja._ikpa_components": (
        "PENYERAPAN_TARGETS",
        "CalculatedComponent",
        "ikpa_deviasi_halaman_iii",
        "ikpa_penyerapan",
        "ikpa_revisi_dipa",
    ),
    "kinerja._indicator": ("Indicator", "Level",),
    "kinerja._lkjip_tables": (
        "budget_activity_table",
        "budget_type_table",
        "chapter_three",
        "comparison_table",
        "overview_table",
        "plan_table",
        "target_table",
    ),
    "kinerja._notation": (
        "format_number",
        "format_percent",
        "format_rupiah",
        "parse_number",
        "parse_rupiah",
    ),
    "kinerja._percentage": ("percentage",),
    "kinerja._polarity": ("Polarity",),
    "kinerja._presets": ("emonev_scale", "ikpa_scheme", "nka_scheme", "preset_schemes",),
    "kinerja._printed": ("PrintedFigure",),
    "kinerja._progress": ("ProgressScale",),
    "kinerja._renstra": (
        "Direction",
        "PlanProgress",
        "Trajectory",
        "YearFigures",
        "history",
        "progress",
    ),
    "kinerja._report": ("Goal", "IndicatorRecord", "Report", "Satker",),
    "kinerja._reportfile": (
        "dump_report",
        "example_path",
        "example_report",
        "load_report",
        "loads_report",
        "save_report",
    ),
    "kinerja._rounding": ("round_half_up",),
    "kinerja._scheme": ("Aspect", "Band", "Component", "Deduction", "Scheme",),
    "kinerja._scheme_file": ("load_scheme",),
    "kinerja._scoring": ("BatchScore", "ComponentScore", "ScoreResult", "ScoreStep",),
    "kinerja._sentinels": ("NOT_APPLICABLE", "NotApplicable",),
    "kinerja._table": ("Column", "Quantity", "Table", "render_tables",),
    "kinerja._units": ("Unit", "UnitKind",),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'kinerja' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MODULE_OF))


if TYPE_CHECKING:
    from kinerja._absorption import absorption
    from kinerja._achievement import CAP_120, AchievementPolicy, Cap, Formula, achievement
    from kinerja._assessment import AchievementResult, Status, assess
    from kinerja._audit import audit
    from kinerja._budget import (
        BudgetLine,
        BudgetTotal,
        SpendingType,
        YearComparison,
        compare_years,
        subtotals,
        total,
        totals,
    )
    from kinerja._efficiency import (
        IndicatorBudget,
        efficiency_gap,
        efficiency_pmk214,
        normalised_efficiency,
    )
    from kinerja._figures import Realization, Target
    from kinerja._findings import AuditResult, Finding, Severity
    from kinerja._ikpa_components import (
        PENYERAPAN_TARGETS,
        CalculatedComponent,
        ikpa_deviasi_halaman_iii,
        ikpa_penyerapan,
        ikpa_revisi_dipa,
    )
    from kinerja._indicator import Indicator, Level
    from kinerja._lkjip_tables import (
        budget_activity_table,
        budget_type_table,
        chapter_three,
        comparison_table,
        overview_table,
        plan_table,
        target_table,
    )
    from kinerja._notation import (
        format_number,
        format_percent,
        format_rupiah,
        parse_number,
        parse_rupiah,
    )
    from kinerja._percentage import percentage
    from kinerja._polarity import Polarity
    from kinerja._presets import emonev_scale, ikpa_scheme, nka_scheme, preset_schemes
    from kinerja._printed import PrintedFigure
    from kinerja._progress import ProgressScale
    from kinerja._renstra import Direction, PlanProgress, Trajectory, YearFigures, history, progress
    from kinerja._report import Goal, IndicatorRecord, Report, Satker
    from kinerja._reportfile import (
        dump_report,
        example_path,
        example_report,
        load_report,
        loads_report,
        save_report,
    )
    from kinerja._rounding import round_half_up
    from kinerja._scheme import Aspect, Band, Component, Deduction, Scheme
    from kinerja._scheme_file import load_scheme
    from kinerja._scoring import BatchScore, ComponentScore, ScoreResult, ScoreStep
    from kinerja._sentinels import NOT_APPLICABLE, NotApplicable
    from kinerja._table import Column, Quantity, Table, render_tables
    from kinerja._units import Unit, UnitKind


__all__ = [
    "CAP_120",
    "NOT_APPLICABLE",
    "PENYERAPAN_TARGETS",
    "AchievementPolicy",
    "AchievementResult",
    "AmbiguousNumberError",
    "Aspect",
    "AuditResult",
    "Band",
    "BatchScore",
    "BudgetLine",
    "BudgetTotal",
    "CalculatedComponent",
    "Cap",
    "Column",
    "Component",
    "ComponentScore",
    "Deduction",
    "Direction",
    "Finding",
    "Formula",
    "Goal",
    "Indicator",
    "IndicatorBudget",
    "IndicatorRecord",
    "InvalidTypeError",
    "InvalidValueError",
    "KinerjaError",
    "Level",
    "MissingDependencyError",
    "MissingValueError",
    "NotApplicable",
    "NumberFormatError",
    "PlanProgress",
    "Polarity",
    "PrintedFigure",
    "ProgressScale",
    "Quantity",
    "Realization",
    "Report",
    "ReportFileError",
    "Satker",
    "Scheme",
    "ScoreResult",
    "ScoreStep",
    "Severity",
    "SpendingType",
    "Status",
    "Table",
    "Target",
    "Trajectory",
    "UndefinedRatioError",
    "Unit",
    "UnitKind",
    "UnitMismatchError",
    "ValidationError",
    "YearComparison",
    "YearFigures",
    "ZeroTargetError",
    "absorption",
    "achievement",
    "assess",
    "audit",
    "budget_activity_table",
    "budget_type_table",
    "chapter_three",
    "compare_years",
    "comparison_table",
    "dump_report",
    "efficiency_gap",
    "efficiency_pmk214",
    "emonev_scale",
    "example_path",
    "example_report",
    "format_number",
    "format_percent",
    "format_rupiah",
    "history",
    "ikpa_deviasi_halaman_iii",
    "ikpa_penyerapan",
    "ikpa_revisi_dipa",
    "ikpa_scheme",
    "load_report",
    "load_scheme",
    "loads_report",
    "nka_scheme",
    "normalised_efficiency",
    "overview_table",
    "parse_number",
    "parse_rupiah",
    "percentage",
    "plan_table",
    "preset_schemes",
    "progress",
    "render_tables",
    "round_half_up",
    "save_report",
    "subtotals",
    "target_table",
    "total",
    "totals",
]
