"""Reading a CSV export (the standard library's csv) into the rows of a sheet.

SAKTI and OM-SPAN offer CSV beside xlsx; a spreadsheet program with
Indonesian settings saves CSV with ``;`` between fields (the comma is the
decimal mark).  The delimiter is found from the first lines (``,``, ``;`` or a
tab), every field is text (numbers are read later by the strict parser, in
the layout's notation), an empty field is an empty cell.  Docs page
*Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from kinerja.exceptions import ReportFileError

__all__ = ["load_csv"]

_DELIMITERS = ",;\t"


def load_csv(file: Path, source: str) -> tuple[str, list[tuple[Any, ...]]]:
    r"""The sheet name (the file's stem) and the rows of a CSV file, every field text or None.

    UTF-8 (with or without a byte-order mark), else Windows-1252, as spreadsheet
    programs save it.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "POK.csv"
    >>> _ = path.write_text("Kode;Uraian;Pagu\n521211;Belanja Bahan;120.750\n;;\n",
    ...                     encoding="utf-8")
    >>> name, rows = load_csv(path, str(path))
    >>> name, rows[1], rows[2]
    ('POK', ('521211', 'Belanja Bahan', '120.750'), (None, None, None))
    """
    try:
        data = file.read_bytes()
    except OSError as error:
        raise ReportFileError(f"cannot open the file: {error.strerror or error}", field=source,
                              fix="check the path") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise ReportFileError("not a CSV text file (it holds binary data)", field=source,
                              fix="export the data again as CSV or as .xlsx")
    sample = "\n".join(text.splitlines()[:20])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        delimiter = max(_DELIMITERS, key=sample.count)
    try:
        rows = [tuple(field if field.strip() else None for field in row)
                for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        raise ReportFileError(f"not a readable CSV file ({error})", field=source,
                              fix="export the data again as CSV or as .xlsx") from None
    width = max((len(row) for row in rows), default=0)
    return file.stem, [row + (None,) * (width - len(row)) for row in rows]
