"""Reading published reports (text, Word, PDF) into draft report files, and the findings page.

A layer above the outputs and below the command line (ARCHITECTURE.md).
"""

__all__: list[str] = []


def __dir__() -> list[str]:
    """The public names only (the private modules stay out of sight)."""
    return sorted(__all__)
