"""Reading published reports (text, Word, PDF) into draft report files, and the findings page.

A layer above the outputs and below the command line (ARCHITECTURE.md).
:func:`extract` reads a document into an :class:`Extraction`: a draft
:class:`~kinerja.Report`, the :class:`ReviewItem` list a person must check, and the
:class:`Provenance` of every value (docs page *Extracting a report*, ``docs/extract.md``).
:func:`findings_page` writes an audit as one self-contained HTML page, its findings marked
in the recomputed chapter III tables (docs page *The audit*).
"""

from kinerja.documents._extract import extract, extract_text
from kinerja.documents._model import Extraction, Provenance, ReviewItem
from kinerja.documents._page import findings_page, match_findings

__all__ = ["Extraction", "Provenance", "ReviewItem", "extract", "extract_text", "findings_page",
           "match_findings"]


def __dir__() -> list[str]:
    """The public names only (the private modules stay out of sight)."""
    return sorted(__all__)
