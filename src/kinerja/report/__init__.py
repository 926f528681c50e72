"""Report: one satker-year as data, its file format, and the figures it prints.

The fifth layer (above :mod:`kinerja.schemes`): a :class:`Report` ties one work
unit's performance year together (goals, indicators with targets,
realizations and plans, budget, IKPA/NKA scores, printed figures); it is
read from and written to a documented TOML format.  Docs pages *Reports,
plans and tables* and *Report file format*.
"""

from kinerja.report._model import Goal, IndicatorRecord, Report, Satker
from kinerja.report._periods import PeriodFigures
from kinerja.report._printed import PrintedFigure
from kinerja.report._read import example_path, example_report, load_report, loads_report
from kinerja.report._write import dump_report, save_report

__all__ = [
    "Goal",
    "IndicatorRecord",
    "PeriodFigures",
    "PrintedFigure",
    "Report",
    "Satker",
    "dump_report",
    "example_path",
    "example_report",
    "load_report",
    "loads_report",
    "save_report",
]


def __dir__() -> list[str]:
    """The public names only (the private modules stay out of sight)."""
    return sorted(__all__)
