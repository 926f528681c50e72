"""Reading published reports (text, Word, PDF) into draft report files, and the findings page.

A layer above the outputs and below the command line (ARCHITECTURE.md).
:func:`extract` reads a document into an :class:`Extraction`: a draft
:class:`~kinerja.Report`, the :class:`ReviewItem` list a person must check, and the
:class:`Provenance` of every value (docs page *Extracting a report*, ``docs/extract.md``).
"""

from kinerja.documents._extract import extract, extract_text
from kinerja.documents._model import Extraction, Provenance, ReviewItem

__all__ = ["Extraction", "Provenance", "ReviewItem", "extract", "extract_text"]


def __dir__() -> list[str]:
    """The public names only (the private modules stay out of sight)."""
    return sorted(__all__)
