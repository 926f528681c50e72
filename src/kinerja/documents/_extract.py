"""From a published report to a draft report file: :func:`extract_text` and :func:`extract`."""

from __future__ import annotations

import os
from collections.abc import Sequence

import attrs

from kinerja.auditing import audit
from kinerja.core._frozen import FrozenMap
from kinerja.core._toml import read_text_file
from kinerja.documents._draft import Candidate, Draft
from kinerja.documents._files import document_text
from kinerja.documents._layout import layout
from kinerja.documents._model import Extraction, Provenance
from kinerja.documents._sentences import (
    read_amounts,
    read_cap,
    read_formulas,
    read_heading,
    read_listed,
    read_sentences,
)
from kinerja.documents._tables import TableReader
from kinerja.exceptions import ReportFileError, ValidationError
from kinerja.report import loads_report

__all__ = ["extract", "extract_text"]

_FIX = "give a report as text or Markdown (.txt, .md), Word (.docx) or a PDF with a text layer"


def extract_text(text: str, *, source: str = "<text>", year: int | None = None,
                 pages: Sequence[int] | None = None) -> Extraction:
    r"""Read a report's text (as Word converters write it) into a draft report.

    Parameters
    ----------
    text : str
        The report as plain text or Markdown: table rows as tab-separated cells,
        captions as lines (``Tabel 3.2 ...``), formulas as LaTeX.
    source : str, default "<text>"
        The document's name, for messages and the draft's header.
    year : int, optional
        The reporting year, when the text does not name it in its title.
    pages : sequence of int, optional
        The page of each line of *text* (of the PDF it was read from): every
        provenance then names its page, and every printed figure's location
        ends with it (``"Tabel 3.22, Tahun 2022, Belanja Pegawai, hlm. 48"``).

    Returns
    -------
    Extraction
        The draft (a valid :class:`~kinerja.Report`), the review list and the
        provenance of every value.

    Raises
    ------
    ReportFileError
        The text is empty, or names no year and none is given.

    Examples
    --------
    >>> text = '''LAPORAN KINERJA TAHUN 2023
    ... BALAI CONTOH KELAS II
    ... Tabel 2.1 Perjanjian Kinerja Tahun 2023
    ... NO\tSASARAN KEGIATAN\tINDIKATOR KINERJA KEGIATAN\tTARGET
    ... 1\tMeningkatnya layanan\tPersentase klien yang bekerja\t60%
    ...
    ... Dari 1327 klien tersebut sebanyak 994 klien yang telah bekerja.
    ... Tabel 3.2 Capaian
    ... Indikator\tTarget\tRealisasi\tCapaian
    ... Persentase klien yang bekerja\t60 %\t63 %\t105%
    ... '''
    >>> result = extract_text(text, source="contoh.md")
    >>> record = result.report.indicators[0]
    >>> record.code, record.targets[2023].value, record.realizations[2023].numerator
    ('IKK-1.1', Decimal('60'), Decimal('994'))
    >>> result.provenance["indicators.IKK-1.1.realizations.2023"].line
    7
    >>> [f.rule for f in audit(result.report) if f.severity.value == "error"]
    ['realization-counts', 'achievement-realization']
    """
    if not text.strip():
        raise ReportFileError("the document has no text", field=source,
                              fix="give a report with its text (a scanned PDF needs OCR first)")
    cut = layout(text)
    draft = Draft()
    read_heading(draft, cut)
    if year is not None:
        draft.year = year
    if draft.year is None:
        raise ReportFileError("no reporting year found: this does not look like a report",
                              field=source,
                              fix="give a report whose title names its year ('LAPORAN "
                              "KINERJA ... TAHUN 2023'), or in Python pass "
                              "extract_text(text, year=2023)")
    read_cap(draft, cut)
    tables = TableReader(draft, draft.year)
    tables.read(cut.blocks)
    read_sentences(draft, cut, tables.block_indicator)
    read_formulas(draft, cut, tables.block_indicator)
    read_listed(draft, cut)
    read_amounts(draft, cut)
    _absent_indicators(draft, tables)
    if pages is not None:
        _paginate(draft, pages)
    if not draft.indicators:
        draft.note("", "no performance-agreement table was recognised: the draft has no "
                   "indicators")
    if not tables.recognised:
        draft.note("", "no table was recognised: the draft is empty")
    try:
        report = loads_report(draft.toml(), source=f"draft of {source}")
    except ValidationError as error:  # figures that do not fit together: keep the review
        draft.note("", f"the figures read do not make a valid report, so the draft keeps only "
                   f"the satker and the year: {error.describe()[:400]}")
        bare = Draft(year=draft.year, satker=draft.satker, ministry=draft.ministry,
                     code=draft.code, title=draft.title, review=draft.review)
        report = loads_report(bare.toml(), source=f"draft of {source}")
    audit(report)  # the draft must audit; an error here is a bug of the reader
    return Extraction(source=source, report=report, review=tuple(draft.review),
                      provenance=FrozenMap(_with_pages(draft.provenance, pages)))


def _paginate(draft: Draft, pages: Sequence[int]) -> None:
    """Each printed figure's location ending with its page (``..., hlm. 48``)."""
    for index, entry in enumerate(draft.printed):
        line = draft.provenance[f"printed[{index}]"].line
        if 0 < line <= len(pages):
            entry["where"] = f"{entry['where']}, hlm. {pages[line - 1]}"


def _with_pages(provenance: dict[str, Provenance], pages: Sequence[int] | None
                ) -> dict[str, Provenance]:
    """Each provenance with the page of its line."""
    if pages is None:
        return provenance
    return {key: attrs.evolve(source, page=pages[source.line - 1])
            if 0 < source.line <= len(pages) else source for key, source in provenance.items()}


def _absent_indicators(draft: Draft, tables: TableReader) -> None:
    """An indicator missing from a year's agreement of its level: 'not applicable' that year."""
    for record in draft.indicators:
        for (level, year), listed in sorted(tables.agreement_years.items()):
            if level != record.level or record.code in listed or year in record.targets:
                continue
            record.targets[year] = [Candidate(
                value="not applicable", rank=1, label="absence from the agreement",
                source=tables.agreement_sources[(level, year)])]
            draft.note(f"indicators.{record.code}.targets.{year}",
                       f"not in the {year} agreement of its level: the draft writes "
                       "'not applicable'")


def extract(path: str | os.PathLike[str]) -> Extraction:
    """Read a published report file into a draft report (see :func:`extract_text`).

    Text and Markdown (``.txt``, ``.md``) are read as they are; Word (``.docx``)
    and PDF (``.pdf``, with a text layer) are first turned into text, tables as
    tab-separated rows.

    Raises
    ------
    ReportFileError
        The file cannot be read, is empty, corrupt, encrypted, a scan without a
        text layer, or not a report.

    Examples
    --------
    >>> extract("/no/such/report.md")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.ReportFileError: /no/such/report.md: cannot read the report document: \
no such file. Fix: give a report as text or Markdown (.txt, .md), Word (.docx) or a PDF with \
a text layer.
    """
    name = os.fspath(path)
    suffix = os.path.splitext(name)[1].lower()
    pages = None
    if suffix in (".docx", ".pdf"):
        text, pages = document_text(name, suffix, fix=_FIX)
    else:
        text = read_text_file(path, what="report document", fix=_FIX)
    return extract_text(text, source=name, pages=pages)
