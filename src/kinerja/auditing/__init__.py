"""Audit: recompute a report's printed figures and explain every discrepancy.

The sixth layer (above :mod:`kinerja.report`): :func:`audit` compares each
printed figure with the figure recomputed from the report's inputs and names
the likely mistake; :class:`AuditResult` holds the findings and renders them
as text, JSON, Markdown or CSV, in Indonesian or English.  Docs page *The
audit*.
"""

from kinerja.auditing._checks import audit
from kinerja.auditing._findings import AuditResult, Finding, Severity

__all__ = ["AuditResult", "Finding", "Severity", "audit"]


def __dir__() -> list[str]:
    """The public names only (the private modules stay out of sight)."""
    return sorted(__all__)
