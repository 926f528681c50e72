"""Spreadsheets and Word tables: reading SAKTI / OM-SPAN exports and monitoring sheets, writing tables.

A layer above the outputs and below the command line (ARCHITECTURE.md).
"""

__all__: list[str] = []


def __dir__() -> list[str]:
    """The public names only (the private modules stay out of sight)."""
    return sorted(__all__)
