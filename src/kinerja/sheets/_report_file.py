"""An export's budget merged into a report file, keeping the file's own text and comments.

:func:`merge_budget` merges reports; this module edits the file: the new
``[[budget.*]]`` entries are appended as :func:`~kinerja.dump_report` writes
them, replaced entries (``replace=True``) are cut out, and every other line
of the file, its comments included, stays as it was.  The edited text is read
back and must equal the merged report; where the file is written in a way
this edit cannot follow (inline tables, dotted keys), the report is written
anew and :class:`MergedFile` says that the comments were not kept.  Docs page
*Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import attrs

from kinerja.budget._lines import BudgetLine
from kinerja.core._toml import read_text_file, write_text_file
from kinerja.core._validators import checked
from kinerja.exceptions import KinerjaError
from kinerja.report._model import Report, Satker
from kinerja.report._read import loads_report
from kinerja.report._write import dump_report
from kinerja.sheets._budget import BudgetExport
from kinerja.sheets._merge import DEFAULT_BREAKDOWNS, merge_budget

__all__ = ["MergedFile", "merge_budget_file"]

_HEADER = re.compile(r"^\s*\[")
_ENTRY = re.compile(r"^\s*\[\[\s*budget\.([A-Za-z_]+)\s*\]\]")
_YEAR = re.compile(r"^\s*year\s*=\s*(\d{4})\s*(?:#.*)?$")


@checked
@attrs.frozen(kw_only=True)
class MergedFile:
    """The result of :func:`merge_budget_file`: the merged report and how the file was written.

    ``kept_text`` is True when the file's own lines (and comments) were kept
    and only budget entries added or cut; ``replaced`` counts the lines of the
    same year replaced (``replace=True``).

    >>> import kinerja, kinerja.sheets as sheets, pathlib, shutil, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "laporan.toml"
    >>> _ = shutil.copy(kinerja.example_path(), path)
    >>> export = sheets.read_budget_export("tests/fixtures/sheets/sakti_export.xlsx", "sakti")
    >>> merged = sheets.merge_budget_file(path, export)
    >>> merged.kept_text, merged.replaced
    (True, 0)
    """

    report: Report
    kept_text: bool
    replaced: int


def _entries_text(lines_by_name: dict[str, list[BudgetLine]], report: Report) -> str:
    """The ``[[budget.*]]`` entries of the given lines, exactly as dump_report writes them."""
    shell = Report(satker=Satker(name=report.satker.name), year=report.year, goals=(),
                   indicators=(), budget=lines_by_name)
    text = dump_report(shell)
    return text[text.index("[[budget."):]


def _cut(text: str, names: Sequence[str], year: int) -> str:
    """The text without the ``[[budget.NAME]]`` entries of *year*."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    index = 0
    while index < len(lines):
        found = _ENTRY.match(lines[index])
        if not found:
            out.append(lines[index])
            index += 1
            continue
        end = index + 1
        while end < len(lines) and not _HEADER.match(lines[end]):
            end += 1
        # Comments and blank lines at the block's end belong to what follows.
        while end - 1 > index and (not lines[end - 1].strip()
                                   or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        block = lines[index:end]
        years = {int(m.group(1)) for line in block if (m := _YEAR.match(line))}
        if found.group(1) not in names or years != {year}:
            out += block
        index = end
    return "".join(out)


def merge_budget_file(path: str | Path, export: BudgetExport, *,
                      breakdowns: Sequence[str] = DEFAULT_BREAKDOWNS,
                      replace: bool = False) -> MergedFile:
    """Merge an export's budget into an existing report file, keeping its text and comments.

    The file is read (:func:`~kinerja.load_report`'s checks), merged
    (:func:`merge_budget`: a conflict is an error and the file is left as it
    was), and written back only when the result reads back equal to the
    merged report.

    Parameters
    ----------
    path : str or Path
        The report file (TOML), rewritten in place.
    export : BudgetExport
        :func:`~kinerja.sheets.read_budget_export`'s result.
    breakdowns, replace
        As for :func:`merge_budget`.

    Returns
    -------
    MergedFile
        The merged report, whether the file's text was kept, the lines replaced.

    Examples
    --------
    >>> import kinerja, kinerja.sheets as sheets, pathlib, shutil, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "laporan.toml"
    >>> _ = shutil.copy(kinerja.example_path(), path)
    >>> export = sheets.read_budget_export("tests/fixtures/sheets/sakti_export.xlsx", "sakti")
    >>> merged = sheets.merge_budget_file(path, export)
    >>> merged.kept_text, merged.replaced, merged.report.budget_years()
    (True, 0, [2022, 2023, 2024])
    >>> "# Tabel 3.22: spending per type" in path.read_text(encoding="utf-8")
    True
    >>> kinerja.load_report(path) == merged.report
    True
    """
    text = read_text_file(path, what="report file", fix="check the path")
    report = loads_report(text, source=str(path))
    merged = merge_budget(report, export, breakdowns=breakdowns, replace=replace)
    names = [name for name in merged.budget if name in breakdowns]
    kept = _cut(text, names, export.year) if replace else text
    added = {name: [line for line in merged.budget[name] if line.year == export.year]
             for name in names}
    edited = kept.rstrip("\n") + "\n\n" + _entries_text(added, merged)
    try:
        same = loads_report(edited, source=str(path)) == merged
    except KinerjaError:
        same = False
    replaced = sum(1 for name in names for line in report.budget.get(name, ())
                   if line.year == export.year) if replace else 0
    write_text_file(path, edited if same else dump_report(merged), what="report file")
    return MergedFile(report=merged, kept_text=same, replaced=replaced)
