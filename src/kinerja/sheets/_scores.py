"""Writing batch scores (IKPA, NKA of a whole ministry) as an ``.xlsx`` workbook, fast.

One row per work unit: its label, each aspect, Nilai Total, Konversi Bobot,
Nilai Akhir and the category, as real numbers rounded half up to two places
(the figures the scalar scores print) under the number format ``#,##0.00``
(a spreadsheet program with Indonesian settings shows ``94,29``), the heading
row frozen.  openpyxl's write-only mode streams the rows, so the 25.000
satkers of a national run are written in seconds.  Docs page *Spreadsheets*
(``docs/sheets.md``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from kinerja.core._extras import optional_import
from kinerja.core._l10n import text
from kinerja.core._numpy import np
from kinerja.core._options import Lang, check_lang
from kinerja.core._rounding import round_half_up
from kinerja.exceptions import InvalidTypeError, InvalidValueError, ReportFileError
from kinerja.schemes._batch import BatchScore
from kinerja.sheets._workbook import as_path
from kinerja.sheets._write import sheet_name

__all__ = ["write_scores_xlsx"]

_FORMAT = "#,##0.00"


def _check(scores: Any) -> dict[str, BatchScore]:
    if isinstance(scores, BatchScore):
        return {scores.scheme.label: scores}
    if isinstance(scores, Mapping) and scores and all(
            isinstance(s, BatchScore) for s in scores.values()):
        return {str(name): s for name, s in scores.items()}
    raise InvalidTypeError("give a BatchScore, or a mapping of sheet name to BatchScore",
                           field="scores", value=type(scores).__name__,
                           fix="pass batch.ikpa_scores(year, columns, ...)")


def _column(values: Any) -> list[float | None]:
    """Rounded half up to two places; masked or NaN (no component applies) is an empty cell.

    >>> import numpy as np
    >>> _column(np.ma.masked_array([96.508, 2.675, 1.0], mask=[False, False, True]))
    [96.51, 2.68, None]
    """
    data: Any = np.ma.asarray(values, dtype=float)
    empty = np.ma.getmaskarray(data) | np.isnan(data.filled(np.nan))
    rounded = round_half_up(np.where(empty, 0.0, data.filled(0.0)), 2)
    return [None if gap else x for x, gap in zip(rounded.tolist(), empty.tolist(), strict=True)]


def write_scores_xlsx(path: str | Path, scores: BatchScore | Mapping[str, BatchScore], *,
                      labels: Sequence[Any] | None = None, label_heading: str = "Satker",
                      lang: Lang = "id") -> Path:
    """Write batch scores, one sheet per scheme, one row per work unit.

    Parameters
    ----------
    path : str or Path
        The workbook to write (replaced if it exists).
    scores : BatchScore or mapping of str to BatchScore
        E.g. ``batch.ikpa_scores(2024, columns)``; a mapping names each sheet
        (``{"IKPA 2024": ikpa, "NKA 2024": nka}``, same rows in each).
    labels : sequence, optional
        What names each row (satker codes or names); default 1, 2, 3, ….
    label_heading : str, default "Satker"
        The heading of the label column.
    lang : {"id", "en"}, default "id"
        The language of the headings.

    Returns
    -------
    Path
        The path written.

    Examples
    --------
    >>> import numpy as np, openpyxl, pathlib, tempfile
    >>> from kinerja import batch, sheets
    >>> data = batch.synthetic_national(seed=1, satkers=3, years=[2024])
    >>> ikpa = data.ikpa[2024]
    >>> scores = batch.ikpa_scores(2024, ikpa.columns, not_applicable=ikpa.not_applicable,
    ...                           nan="not_applicable")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "ikpa.xlsx"
    >>> _ = sheets.write_scores_xlsx(out, {"IKPA 2024": scores}, labels=["A", "B", "C"])
    >>> sheet = openpyxl.load_workbook(out)["IKPA 2024"]
    >>> [cell.value for cell in sheet[1]][-4:], sheet.freeze_panes
    (['Nilai Total', 'Konversi Bobot', 'Nilai Akhir', 'Kategori'], 'B2')
    >>> sheet["A2"].value, sheet.cell(2, sheet.max_column - 1).number_format
    ('A', '#,##0.00')
    """
    sheets = _check(scores)
    lang = check_lang(lang)
    rows = {len(s.final) for s in sheets.values()}
    if len(rows) != 1:
        raise InvalidValueError("every sheet's scores need the same rows",
                                field="scores", value=sorted(rows),
                                fix="score the same work units under each scheme")
    count = rows.pop()
    names = list(range(1, count + 1)) if labels is None else list(labels)
    if len(names) != count:
        raise InvalidValueError(f"{count} rows of scores but {len(names)} labels",
                                field="labels", value=len(names), fix="give one label per row")
    openpyxl = optional_import("openpyxl", extra="xlsx", feature="writing spreadsheets")
    cells = optional_import("openpyxl.cell", extra="xlsx", feature="writing spreadsheets")
    styles = optional_import("openpyxl.styles", extra="xlsx", feature="writing spreadsheets")
    book = openpyxl.Workbook(write_only=True)
    taken: set[str] = set()
    bold = styles.Font(bold=True)
    for name, score in sheets.items():
        sheet = book.create_sheet(sheet_name(name, taken))
        sheet.freeze_panes = "B2"
        headings = [label_heading, *(text("card.aspect", lang, name=a) for a in score.aspects),
                    *(text(f"card.{key}", lang) for key in ("total", "weight_base", "final",
                                                             "category"))]
        heading_cells = []
        for heading in headings:
            cell = cells.WriteOnlyCell(sheet, value=heading)
            cell.font = bold
            heading_cells.append(cell)
        sheet.append(heading_cells)
        columns = [_column(a) for a in score.aspects.values()] + [
            _column(score.total), _column(score.weight_base), _column(score.final)]
        categories = ([None] * count if score.category is None
                      else score.category.tolist())
        for index in range(count):
            out: list[Any] = [names[index]]
            for column in columns:
                cell = cells.WriteOnlyCell(sheet, value=column[index])
                cell.number_format = _FORMAT
                out.append(cell)
            out.append(categories[index])
            sheet.append(out)
    target = as_path(path, "workbook")
    try:
        book.save(target)
    except OSError as error:
        raise ReportFileError(f"cannot write the workbook: {error.strerror or error}",
                              field=str(target), fix="give the path of a file to write") from None
    return target
