"""Writing tables and audit findings as an ``.xlsx`` workbook: real numbers, one sheet per table.

Each :class:`~kinerja.Table` (the LKjIP chapter III tables of
:func:`~kinerja.chapter_three`) becomes a sheet: its title on row 1, the
headings on row 2 (frozen), then its rows.  Figures are numeric cells rounded
half up to the places the table shows, with a number format that shows them
as the table does (grouped thousands, the decimals, the unit); words are text
in the chosen language.  The audit findings become a sheet whose rows are
coloured by severity.  Docs page *Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from kinerja.auditing._findings import FIELDS, AuditResult, Severity, field_labels
from kinerja.core._extras import optional_import
from kinerja.core._options import Lang
from kinerja.core._options import check_lang as _check_lang
from kinerja.core._rounding import round_half_up, significant_places
from kinerja.core._units import UnitKind
from kinerja.exceptions import InvalidTypeError, ReportFileError
from kinerja.outputs._table import Column, Quantity, Table
from kinerja.sheets._workbook import as_path

__all__ = ["SEVERITY_COLOURS", "cell_value", "check_outputs", "sheet_name", "write_xlsx"]

#: Fill colours of the findings' rows (light red, yellow, blue), as RGB hex.
SEVERITY_COLOURS = {Severity.ERROR: "FFC7CE", Severity.WARNING: "FFEB9C",
                    Severity.INFO: "DDEBF7"}
_BAD_NAME = re.compile(r"[\[\]:*?/\\]")


def _format(places: int, prefix: str = "", suffix: str = "") -> str:
    number = "#,##0" + ("." + "0" * places if places else "")
    return (f'"{prefix}"' if prefix else "") + number + (f'"{suffix}"' if suffix else "")


def _shown(value: Decimal, most: int | None) -> tuple[Decimal, int]:
    """The figure as the table shows it and its places: at most two, trailing zeros dropped."""
    if most is not None:
        return round_half_up(value, most), most
    rounded = round_half_up(value, 2)
    return rounded, significant_places(rounded)


def cell_value(table: Table, row: Any, column: Column, lang: Lang = "id"
               ) -> tuple[Any, str | None]:
    """The value of one table cell in a workbook and its number format (``None`` for text).

    Figures are exact Decimals rounded half up to the places the table shows
    (the xlsx file stores them as numbers); a range, a word, a missing or
    not-applicable figure is the table's text.

    >>> import kinerja
    >>> table = kinerja.budget_activity_table(kinerja.example_report())
    >>> [cell_value(table, table.rows[0], c) for c in table.columns[1:]]
    [(570750000, '#,##0'), (570644250, '#,##0'), (105750, '#,##0'), (Decimal('99.98'), '#,##0.00')]
    """
    value = row.get(column.key)
    shown_text = table.cell(row, column, lang)
    if isinstance(value, Quantity):
        if value.high is not None:
            return shown_text, None
        figure, places = _shown(value.value, value.places)
        kind = value.unit.kind
        if kind is UnitKind.PERCENT:
            return figure, _format(places, suffix="%")
        if kind is UnitKind.INDEX:
            return figure, _format(places)
        if kind is UnitKind.RUPIAH:
            return figure, _format(places, prefix="Rp ")
        return figure, _format(places, suffix=f" {value.unit}")
    if isinstance(value, bool) or not isinstance(value, Decimal | int) or \
            column.kind == "text":
        return shown_text, None
    if column.kind == "percent":
        return round_half_up(Decimal(value), 2), _format(2)
    if column.kind == "rupiah":
        figure, _ = _shown(Decimal(value), 0)
        return int(figure), _format(0)
    figure, places = _shown(Decimal(value), None)
    return (int(figure) if places == 0 else figure), _format(places)


def sheet_name(wanted: str, taken: set[str]) -> str:
    r"""A sheet name Excel accepts (31 characters, no ``[]:*?/\``), unique among *taken*.

    >>> taken = set()
    >>> sheet_name("IKPA 2024", taken), sheet_name("ikpa 2024", taken), sheet_name("a/b", taken)
    ('IKPA 2024', 'ikpa 2024 (2)', 'a-b')
    """
    base = _BAD_NAME.sub("-", wanted).strip("'") or "Sheet"
    name, count = base[:31], 1
    while name.lower() in taken:
        count += 1
        suffix = f" ({count})"
        name = base[: 31 - len(suffix)] + suffix
    taken.add(name.lower())
    return name


def check_outputs(tables: Any, findings: Any, lang: Any) -> Lang:
    """Check what a writer is given (tables, findings, a language); return the language."""
    if isinstance(tables, Table) or not all(isinstance(t, Table) for t in tables):
        raise InvalidTypeError("give a list of Table", field="tables", value=tables,
                               fix="pass kinerja.chapter_three(report), a list of tables")
    if findings is not None and not isinstance(findings, AuditResult):
        raise InvalidTypeError("findings are an AuditResult", field="findings",
                               value=type(findings).__name__, fix="pass kinerja.audit(report)")
    return _check_lang(lang)


def write_xlsx(path: str | Path, tables: Sequence[Table] = (), *,
               findings: AuditResult | None = None, lang: Lang = "id") -> Path:
    """Write tables (one sheet each) and audit findings (one sheet) as an ``.xlsx`` workbook.

    Parameters
    ----------
    path : str or Path
        The workbook to write (replaced if it exists).
    tables : sequence of Table
        E.g. ``kinerja.chapter_three(report)``.
    findings : AuditResult, optional
        ``kinerja.audit(report)``: a sheet "Temuan" (``lang="id"``) or
        "Findings", rows coloured by severity.
    lang : {"id", "en"}, default "id"
        The language of titles, headings and words.

    Returns
    -------
    Path
        The path written.

    Examples
    --------
    >>> import kinerja, kinerja.sheets, tempfile, pathlib
    >>> report = kinerja.example_report()
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "bab3.xlsx"
    >>> kinerja.sheets.write_xlsx(out, kinerja.chapter_three(report)[:2],
    ...                           findings=kinerja.audit(report)).name
    'bab3.xlsx'
    """
    lang = check_outputs(tables, findings, lang)
    openpyxl = optional_import("openpyxl", extra="xlsx", feature="writing spreadsheets")
    styles = optional_import("openpyxl.styles", extra="xlsx", feature="writing spreadsheets")
    book = openpyxl.Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    bold = styles.Font(bold=True)
    for table in tables:
        sheet = book.create_sheet(sheet_name(table.number or table.key, taken))
        sheet["A1"] = table.title(lang)
        sheet["A1"].font = bold
        sheet.append(table.headings(lang))
        for row in table.rows:
            sheet.append([None] * len(table.columns))
            for index, column in enumerate(table.columns, start=1):
                value, number_format = cell_value(table, row, column, lang)
                cell = sheet.cell(row=sheet.max_row, column=index, value=value)
                if number_format is not None:
                    cell.number_format = number_format
        _finish(sheet, bold, [*table.notes_in(lang)])
    if findings is not None:
        _findings_sheet(book, findings, lang, sheet_name(
            "Temuan" if lang == "id" else "Findings", taken), styles, bold)
    if not book.sheetnames:
        book.create_sheet("Kosong" if lang == "id" else "Empty")
    target = as_path(path, 'workbook')
    try:
        book.save(target)
    except OSError as error:
        raise ReportFileError(f"cannot write the workbook: {error.strerror or error}",
                              field=str(target), fix="give the path of a file to write") from None
    return target


def _finish(sheet: Any, bold: Any, notes: list[str]) -> None:
    """Bold headings, the heading row frozen, columns wide enough, notes under the table."""
    for cell in sheet[2]:
        cell.font = bold
    sheet.freeze_panes = "A3"
    widths: dict[str, int] = {}
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            length = len(str(cell.value)) if cell.value is not None else 0
            widths[cell.column_letter] = max(widths.get(cell.column_letter, 8), length + 2)
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = min(width, 60)
    if notes:
        sheet.append([])
        for note in notes:
            sheet.append([note])


def _findings_sheet(book: Any, result: AuditResult, lang: Lang, name: str, styles: Any,
                    bold: Any) -> None:
    sheet = book.create_sheet(name)
    sheet["A1"] = result.summary(lang)
    sheet["A1"].font = bold
    sheet.append(field_labels(lang))
    for finding in result:
        sheet.append([finding.as_dict(lang)[field] for field in FIELDS])
        fill = styles.PatternFill(fill_type="solid",
                                  start_color=SEVERITY_COLOURS[finding.severity],
                                  end_color=SEVERITY_COLOURS[finding.severity])
        for cell in sheet[sheet.max_row]:
            cell.fill = fill
    _finish(sheet, bold, [])
