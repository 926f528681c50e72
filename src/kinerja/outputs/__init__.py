"""Outputs: tables, the LKjIP's chapter III tables, notebook display, DataFrames and charts.

The seventh layer (above :mod:`kinerja.auditing`): everything a person reads.
Importing it registers the notebook HTML and the pandas conversions of the
classes below (:mod:`kinerja.core._hooks`).  Charts are in :mod:`kinerja.plot`.
Docs page *Reports, plans and tables*.
"""

from kinerja.outputs import _frames  # noqa: F401  (registers the hooks)
from kinerja.outputs._display import to_html
from kinerja.outputs._lkjip_tables import (
    budget_activity_table,
    budget_type_table,
    chapter_three,
    comparison_table,
    overview_table,
    plan_table,
    target_table,
)
from kinerja.outputs._table import Column, Quantity, Table, render_tables

__all__ = [
    "Column",
    "Quantity",
    "Table",
    "budget_activity_table",
    "budget_type_table",
    "chapter_three",
    "comparison_table",
    "overview_table",
    "plan_table",
    "render_tables",
    "target_table",
    "to_html",
]


def __dir__() -> list[str]:
    """The public names only (the private modules stay out of sight)."""
    return sorted(__all__)
