"""Writing tables and audit findings as a Word document (``.docx``), as an LKjIP prints them.

Each :class:`~kinerja.Table` becomes a captioned Word table (its title above,
a bold header row repeated on every page, numbers right-aligned in the
language's notation, the notes below); the audit findings become a table
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
from kinerja.sheets._workbook import as_path
from kinerja.sheets._write import SEVERITY_COLOURS, check_outputs

__all__ = ["write_docx"]

_NUMERIC = ("percent", "number", "rupiah", "quantity")


def write_docx(path: str | Path, tables: Sequence[Table] = (), *,
               findings: AuditResult | None = None, lang: Lang = "id") -> Path:
    """Write tables and audit findings as a Word document.

    Parameters
    ----------
    path : str or Path
        The ``.docx`` file to write (replaced if it exists).
    tables : sequence of Table
        E.g. ``kinerja.chapter_three(report)``.
    findings : AuditResult, optional
        ``kinerja.audit(report)``: a table of the findings after the tables.
    lang : {"id", "en"}, default "id"
        The language of titles, headings, words and number notation.

    Examples
    --------
    >>> import kinerja, kinerja.sheets, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "bab3.docx"
    >>> table = kinerja.budget_activity_table(kinerja.example_report())
    >>> kinerja.sheets.write_docx(out, [table]).name
    'bab3.docx'
    """
    lang = check_outputs(tables, findings, lang)
    docx = optional_import("docx", extra="docx", feature="writing Word documents")
    enum_text = optional_import("docx.enum.text", extra="docx", feature="writing Word documents")
    right = enum_text.WD_ALIGN_PARAGRAPH.RIGHT
    document = docx.Document()
    for table in tables:
        document.add_paragraph(table.title(lang), style="Caption")
        grid = document.add_table(rows=1, cols=len(table.columns))
        grid.style = "Table Grid"
        _header(grid.rows[0], table.headings(lang))
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
    oxml = optional_import("docx.oxml", extra="docx", feature="writing Word documents")
    for cell, heading in zip(row.cells, headings, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(heading).bold = True
    properties = row._tr.get_or_add_trPr()
    repeat = oxml.OxmlElement("w:tblHeader")
    repeat.set(oxml.ns.qn("w:val"), "true")
    properties.append(repeat)


def _shade(cell: Any, colour: str) -> None:
    """Fill a cell with *colour* (RGB hex)."""
    oxml = optional_import("docx.oxml", extra="docx", feature="writing Word documents")
    shading = oxml.OxmlElement("w:shd")
    shading.set(oxml.ns.qn("w:val"), "clear")
    shading.set(oxml.ns.qn("w:color"), "auto")
    shading.set(oxml.ns.qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)
