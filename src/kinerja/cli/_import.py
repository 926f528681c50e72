"""``kinerja import budget``: a SAKTI / OM-SPAN export into a report file's budget.

The export is read (:func:`~kinerja.sheets.read_budget_export`), its akun lines
are summed per breakdown, and written as a new report file, or merged into an
existing one (:func:`~kinerja.sheets.merge_budget_file`: lines of the same
breakdown and year are a conflict unless ``--replace``).  A long read shows a
progress bar on a terminal and stays quiet when stderr is piped.  Docs page
*Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, ClassVar

import kinerja
from kinerja.core._toml import write_text_file
from kinerja.exceptions import KinerjaError, ValidationError
from kinerja.report._write import dump_report

if TYPE_CHECKING:
    from kinerja.sheets import BudgetExport

#: The built-in layouts, the breakdowns and the default ones, named here so that the
#: command line starts without the spreadsheet layer (kinerja.sheets loads when the
#: command runs); tests/test_import_cli.py checks them against kinerja.sheets.
LAYOUT_NAMES = ("sakti", "omspan")
BREAKDOWN_NAMES = ("spending_type", "program", "activity", "output", "account")
DEFAULT_BREAKDOWN_NAMES = ("spending_type", "activity")

__all__ = ["BREAKDOWN_NAMES", "DEFAULT_BREAKDOWN_NAMES", "LAYOUT_NAMES", "ProgressBar",
           "add_import_parser", "run_import"]

_EPILOG = """\
examples:
  kinerja import budget realisasi.xlsx --layout sakti -o laporan.toml
        merge the 2024 budget into laporan.toml (its other content is kept)
  kinerja import budget realisasi.xlsx --layout sakti --satker "Balai ..." -o baru.toml
        a new report file holding the budget only
  kinerja import budget realisasi.xlsx --layout tata-letak.toml --year 2023 --replace -o l.toml
        replace the 2023 lines the report already has

exit status: 0 when written (the sheet's totals that disagree with its lines are
listed on stderr as warnings), 2 when the export, the layout or the report file
cannot be used (one message on stderr; nothing is written).
"""


def add_import_parser(commands: Any) -> argparse.ArgumentParser:
    """Register ``import`` (with its ``budget`` subcommand) on argparse *commands*.

    *commands* is what ``ArgumentParser.add_subparsers`` returned; the parsed
    arguments carry ``command="import"`` (when the subparsers' ``dest`` is
    ``command``) and ``what="budget"``; run them with :func:`run_import`.

    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="kinerja")
    >>> _ = add_import_parser(parser.add_subparsers(dest="command"))
    >>> args = parser.parse_args(["import", "budget", "x.xlsx", "--layout", "sakti"])
    >>> args.command, args.what, args.layout, args.breakdown
    ('import', 'budget', 'sakti', None)
    """
    importer: argparse.ArgumentParser = commands.add_parser(
        "import", help="read a spreadsheet export into a report file",
        description="Read a spreadsheet export into a report file (TOML).",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    kinds = importer.add_subparsers(dest="what", required=True, metavar="WHAT")
    budget = kinds.add_parser(
        "budget", help="a SAKTI / OM-SPAN budget realization export (.xlsx or .csv)",
        description="Read a budget realization export (.xlsx or .csv), sum its akun lines per "
        "spending type and per activity (the chapter III budget tables), and write them as "
        "a report file's [budget], or merge them into an existing report file.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    budget.add_argument("file", type=Path, metavar="EXPORT", help="the export (.xlsx or .csv)")
    budget.add_argument("--layout", metavar="|".join(LAYOUT_NAMES) + "|LAYOUT.toml",
                        help="a built-in layout (sakti: thousands of Rupiah; omspan: Rupiah) "
                        "or a layout file (docs: Spreadsheets); default: Rupiah, the usual "
                        "headings")
    budget.add_argument("-o", "--output", type=Path, metavar="REPORT.toml",
                        help="the report file: merged into when it exists, else written "
                        "(default: a new report on standard output)")
    budget.add_argument("--satker", metavar="NAME",
                        help="the satker's name, for a new report file (the export's title "
                        "rows give its code)")
    budget.add_argument("--year", type=int, metavar="YEAR",
                        help="the export's fiscal year (default: the layout's, or the one "
                        "its title rows state, e.g. 'TA 2024')")
    budget.add_argument("--sheet", metavar="NAME", help="the sheet (default: the layout's, "
                        "else the first)")
    budget.add_argument("--breakdown", action="append", choices=BREAKDOWN_NAMES,
                        help="a breakdown to fill (repeat for several; default: "
                        + " and ".join(DEFAULT_BREAKDOWN_NAMES) + ")")
    budget.add_argument("--replace", action="store_true",
                        help="replace the report's lines of the same breakdown and year "
                        "(without it, such lines are a conflict and nothing is written)")
    return importer


class ProgressBar:
    """A one-line progress bar on *stream* (stderr), drawn only when it is a terminal.

    Called as a reader's ``progress(stage, done, total)``.

    >>> import io
    >>> bar = ProgressBar("POK", io.StringIO())       # not a terminal: quiet
    >>> bar.active, bar("read", 5000, 10000), bar.stream.getvalue()
    (False, None, '')
    """

    _STAGES: ClassVar[dict[str, str]] = {"load": "loading", "read": "reading"}

    def __init__(self, name: str, stream: IO[str] | None = None) -> None:
        self.name = name
        self.stream = sys.stderr if stream is None else stream
        isatty = getattr(self.stream, "isatty", None)
        self.active = bool(isatty and isatty())
        self.drawn = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.active:
            return
        what = f"kinerja: {self._STAGES.get(stage, stage)} {self.name}"
        count = f"{done:,}".replace(",", ".")
        if total:
            filled = min(20, done * 20 // total)
            every = f"{total:,}".replace(",", ".")
            line = f"{what} [{'#' * filled}{' ' * (20 - filled)}] {count}/{every} rows"
        else:
            line = f"{what} {count} rows"
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """End the bar's line (when one was drawn)."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False


def run_import(args: argparse.Namespace) -> int:
    """Run ``kinerja import``; return 0 (written) or 2 (an unusable input, said on stderr).

    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="kinerja")
    >>> _ = add_import_parser(parser.add_subparsers(dest="command"))
    >>> run_import(parser.parse_args(["import", "budget", "no-such.xlsx"]))
    2
    """
    bar = ProgressBar(args.file.name if isinstance(args.file, Path) else str(args.file))
    try:
        try:
            export = kinerja.read_budget_export(args.file, args.layout, year=args.year,
                                                sheet=args.sheet, progress=bar)
        finally:
            bar.close()
        return _write(args, export)
    except ValidationError as group:
        return _fail(group.describe())
    except KinerjaError as error:
        return _fail(str(error))


def _write(args: argparse.Namespace, export: BudgetExport) -> int:
    breakdowns = tuple(dict.fromkeys(args.breakdown or DEFAULT_BREAKDOWN_NAMES))
    for warning in export.warnings:
        print(f"kinerja: warning: {warning.cell}: {warning.message} (printed "
              f"{warning.printed}, the rows beneath sum to {warning.expected})", file=sys.stderr)
    read = (f"{len(export.lines)} akun lines of {export.year} from {export.source} "
            f"[{export.sheet}]")
    output: Path | None = args.output
    if output is not None and output.exists():
        if args.satker:
            print(f"kinerja: note: {output} names its satker; --satker is not used",
                  file=sys.stderr)
        merged = kinerja.sheets.merge_budget_file(output, export, breakdowns=breakdowns,
                                                  replace=args.replace)
        print(f"kinerja: {read} merged into {output} ({', '.join(breakdowns)}"
              f"{f'; {merged.replaced} lines replaced' if merged.replaced else ''})",
              file=sys.stderr)
        if not merged.kept_text:
            print(f"kinerja: note: {output} was written anew (its comments were not kept): "
                  "its budget is not written as [[budget.*]] entries", file=sys.stderr)
        return 0
    report = kinerja.sheets.budget_report(export, satker=args.satker, breakdowns=breakdowns)
    text = dump_report(report)
    if output is None:
        sys.stdout.write(text)
        return 0
    write_text_file(output, text, what="report file")
    print(f"kinerja: {read} written to {output} ({', '.join(breakdowns)})", file=sys.stderr)
    return 0


def _fail(message: str) -> int:
    print(f"kinerja: {message}", file=sys.stderr)
    return 2
