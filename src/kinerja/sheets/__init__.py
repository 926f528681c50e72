"""Spreadsheets: SAKTI / OM-SPAN exports, IKPA tables and monitoring sheets in; tables out.

A layer above the outputs and below the command line (ARCHITECTURE.md).  The
readers find a sheet's header row by the words a :class:`SheetLayout`
declares, name every unreadable cell by its sheet and A1 address, and read
numbers stored as text with kinerja's strict parser; the writer turns tables
and audit findings into a workbook of real numbers.  openpyxl is an optional
extra: ``pip install "kinerja[xlsx]"``.  Docs page *Spreadsheets*.

>>> import kinerja.sheets
>>> kinerja.sheets.code_level("5976.EBA.962")
'ro'
"""

from kinerja.sheets._budget import BudgetExport, read_budget_export
from kinerja.sheets._docx import write_docx
from kinerja.sheets._ikpa import IkpaSheet, read_ikpa_sheet
from kinerja.sheets._indicators import IndicatorSheet, read_indicator_sheet
from kinerja.sheets._layout import (
    BUDGET_COLUMNS,
    IKPA_COLUMNS,
    INDICATOR_COLUMNS,
    LAYOUTS,
    SheetLayout,
    layout_from_dict,
    load_layout,
)
from kinerja.sheets._levels import LEVELS, code_level
from kinerja.sheets._merge import BREAKDOWNS, budget_breakdown, budget_report, merge_budget
from kinerja.sheets._report_file import MergedFile, merge_budget_file
from kinerja.sheets._rows import ExportRow, SheetWarning
from kinerja.sheets._scores import write_scores_xlsx
from kinerja.sheets._write import SEVERITY_COLOURS, write_xlsx

__all__ = [
    "BREAKDOWNS",
    "BUDGET_COLUMNS",
    "IKPA_COLUMNS",
    "INDICATOR_COLUMNS",
    "LAYOUTS",
    "LEVELS",
    "SEVERITY_COLOURS",
    "BudgetExport",
    "ExportRow",
    "IkpaSheet",
    "IndicatorSheet",
    "MergedFile",
    "SheetLayout",
    "SheetWarning",
    "budget_breakdown",
    "budget_report",
    "code_level",
    "layout_from_dict",
    "load_layout",
    "merge_budget",
    "merge_budget_file",
    "read_budget_export",
    "read_ikpa_sheet",
    "read_indicator_sheet",
    "write_docx",
    "write_scores_xlsx",
    "write_xlsx",
]


def __dir__() -> list[str]:
    """The public names only (the private modules stay out of sight)."""
    return sorted(__all__)
