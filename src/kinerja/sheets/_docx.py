"""Writing tables and audit findings as a Word document (``.docx``), as an LKjIP prints them.

Each :class:`~kinerja.Table` becomes a captioned Word table, in the layout
LKjIPs use: the caption "Tabel 3.x" and the title above, a bold header
repeated on every page (two rows where a year spans its columns: ``2023``
merged over ``Target | Realisasi | Capaian``), numbers right-aligned in the
language's notation, the notes below.  The audit findings become a table
whose severity cells are shaded as in the xlsx writer.  Word tables hold
text, so every cell is the table's own text (:meth:`~kinerja.Table.cell`).
python-docx is an optional extra, ``kinerja[docx]``.  Docs page
*Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kinerja.auditing._findings import COLUMNS, AuditResult, field_labels
from kinerja.core._extras import optional_import
from kinerja.core._options import Lang
from kinerja.exceptions import ReportFileError
from kinerja.outputs._table import Table
from kinerja.sheets._header_groups import HeaderCell, header_rows
from kinerja.sheets._workbook import as_path
from kinerja.sheets._write import SEVERITY_COLOURS, check_outputs

__all__ = ["write_docx"]

_NUMERIC = ("percent", "number", "rupiah", "quantity")
#: The word of a table's caption ("Tabel 3.1 ...").
_CAPTION = {"id": "Tabel", "en": "Table"}
#: The chapter whose tables are numbered when a table carries no number of its own.
CHAPTER = 3


def write_docx(path: str | Path, tables: Sequence[Table] = (), *,
               findings: AuditResult | None = None, lang: Lang = "id") -> Path:
    """Write tables and audit findings as a Word document.

    Parameters
    ----------
    path : str or Path
        The ``.docx`` file to write (replaced if it exists).
    tables : sequence of Table
        E.g. ``kinerja.chapter_three(report)``.  Each is captioned "Tabel"
        ("Table" in English), its own number or else ``3.1``, ``3.2``, … in
        order, and its title.
    findings : AuditResult, optional
        ``kinerja.audit(report)``: a table of the findings after the tables.
    lang : {"id", "en"}, default "id"
        The language of titles, headings, words and number notation.

    Examples
    --------
    >>> import docx, kinerja, kinerja.sheets, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "bab3.docx"
    >>> report = kinerja.example_report()
    >>> kinerja.sheets.write_docx(out, [kinerja.budget_activity_table(report),
    ...                                 kinerja.chapter_three(report)[2]]).name
    'bab3.docx'
    >>> document = docx.Document(str(out))
    >>> [p.text[:30] for p in document.paragraphs if p.style.name == "Caption"]
    ['Tabel 3.1 Realisasi Anggaran B', 'Tabel 3.2 Perbandingan Realisa']
    >>> years = document.tables[1]
    >>> [cell.text for cell in years.rows[0].cells][:6]       # 2022 merged over four columns
    ['Indikator', '2022', '2022', '2022', '2022', '2023']
    >>> [cell.text for cell in years.rows[1].cells][:3]
    ['Indikator', 'Target', 'Realisasi']
    """
    lang = check_outputs(tables, findings, lang)
    docx = optional_import("docx", extra="docx", feature="writing Word documents")
    enum_text = optional_import("docx.enum.text", extra="docx", feature="writing Word documents")
    right = enum_text.WD_ALIGN_PARAGRAPH.RIGHT
    document = docx.Document()
    for number, table in enumerate(tables, start=1):
        document.add_paragraph(f"{_CAPTION[lang]} {table.number or f'{CHAPTER}.{number}'} "
                               f"{table.title(lang)}", style="Caption")
        headings = table.headings(lang)
        merged = header_rows(headings)
        grid = document.add_table(rows=1 if merged is None else 2, cols=len(table.columns))
        grid.style = "Table Grid"
        if merged is None:
            _header(grid.rows[0], headings)
        else:
            _two_rows(grid, merged)
        for cells in table.text_rows(lang):
            row = grid.add_row()
            for cell, text, column in zip(row.cells, cells, table.columns, strict=True):
                cell.text = text
                if column.kind in _NUMERIC:
                    cell.paragraphs[0].alignment = right
        for note in table.notes_in(lang):
            document.add_paragraph(note)
    if findings is not None:
        document.add_paragraph(findings.summary(lang), style="Caption")
        grid = document.add_table(rows=1, cols=len(COLUMNS))
        grid.style = "Table Grid"
        _header(grid.rows[0], field_labels(lang, COLUMNS))
        for finding in findings:
            row = grid.add_row()
            values = finding.as_dict(lang)
            for cell, field in zip(row.cells, COLUMNS, strict=True):
                cell.text = values[field]
            _shade(row.cells[0], SEVERITY_COLOURS[finding.severity])
    target = as_path(path, 'document')
    try:
        document.save(str(target))
    except OSError as error:
        raise ReportFileError(f"cannot write the document: {error.strerror or error}",
                              field=str(target), fix="give the path of a file to write") from None
    return target


def _header(row: Any, headings: list[str]) -> None:
    """Bold headings, repeated at the top of every page the table runs over."""
    for cell, heading in zip(row.cells, headings, strict=True):
        _bold(cell, heading)
    _repeat(row)


def _two_rows(grid: Any, cells: list[HeaderCell]) -> None:
    """A two-row header: group headings merged over their columns, the others over both rows."""
    center = optional_import("docx.enum.text", extra="docx",
                             feature="writing Word documents").WD_ALIGN_PARAGRAPH.CENTER
    top, bottom = grid.rows[0], grid.rows[1]
    for cell in cells:
        row = top if cell.row == 0 else bottom
        target = row.cells[cell.first]
        if cell.rows == 2:
            target = target.merge(bottom.cells[cell.first])
        elif cell.last > cell.first:
            target = target.merge(row.cells[cell.last])
        _bold(target, cell.text)
        target.paragraphs[0].alignment = center
    _repeat(top)
    _repeat(bottom)


def _bold(cell: Any, text: str) -> None:
    """The cell's text, bold, in its only paragraph."""
    cell.text = ""
    cell.paragraphs[0].add_run(text).bold = True


def _repeat(row: Any) -> None:
    """Repeat the row at the top of every page the table runs over."""
    oxml = optional_import("docx.oxml", extra="docx", feature="writing Word documents")
    repeat = oxml.OxmlElement("w:tblHeader")
    repeat.set(oxml.ns.qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(repeat)


def _shade(cell: Any, colour: str) -> None:
    """Fill a cell with *colour* (RGB hex)."""
    oxml = optional_import("docx.oxml", extra="docx", feature="writing Word documents")
    shading = oxml.OxmlElement("w:shd")
    shading.set(oxml.ns.qn("w:val"), "clear")
    shading.set(oxml.ns.qn("w:color"), "auto")
    shading.set(oxml.ns.qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)
