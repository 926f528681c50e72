"""The ``kinerja`` command line: audit a report file, or print its recomputed tables.

The top layer: it may use everything below it.  Docs page *The audit*.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kinerja.auditing._checks import audit
from kinerja.exceptions import KinerjaError, ValidationError
from kinerja.outputs._lkjip_tables import chapter_three
from kinerja.outputs._table import render_tables
from kinerja.report._model import Report
from kinerja.report._read import example_report, load_report

_DESCRIPTION = """\
Recompute the performance figures of an Indonesian government work unit's
yearly performance report (LKjIP) from a report file in kinerja's TOML format.
Without a FILE, the bundled example is used: the 2023 LKjIP of Balai
Pemasyarakatan Kelas II Pangkalpinang.
"""

_EPILOG = """\
examples:
  kinerja audit                     audit the bundled example (findings grouped by severity)
  kinerja audit laporan.toml --format json --fail-on-error
  kinerja tables                    chapter III tables of the bundled example
  kinerja tables laporan.toml --lang en --format csv

exit status: 0 on success (also when findings are listed, unless --fail-on-error),
1 when --fail-on-error is given and errors were found, 2 when the file cannot be used.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kinerja", description=_DESCRIPTION, epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    audit = commands.add_parser(
        "audit", help="recompute every printed figure and list the discrepancies",
        description="Recompute every figure the report prints (the [[printed]] entries of "
        "the report file) from its inputs and list each discrepancy: the rule it breaks, "
        "its severity (error, warning, info), where it is printed, the printed and the "
        "recomputed figure, an explanation and the rule's source.",
    )
    audit.add_argument("file", nargs="?", type=Path, metavar="FILE",
                       help="a report file (TOML); default: the bundled example")
    audit.add_argument("--format", choices=("text", "json", "markdown", "csv"), default="text",
                       help="output format (default: text, grouped by severity)")
    audit.add_argument("--lang", choices=("id", "en"), default="id",
                       help="language of the explanations: Indonesian (default) or English")
    audit.add_argument("--fail-on-error", action="store_true",
                       help="exit with status 1 when any error is found")
    tables = commands.add_parser(
        "tables", help="print the chapter III tables, every figure recomputed",
        description="Print the chapter III tables of a report: every indicator's target, "
        "realization and achievement, its comparison with earlier years and with the "
        "medium-term plan, and the budget tables, all recomputed from the report's inputs.",
    )
    tables.add_argument("file", nargs="?", type=Path, metavar="FILE",
                        help="a report file (TOML); default: the bundled example")
    tables.add_argument("--format", choices=("markdown", "html", "csv"), default="markdown",
                        help="output format (default: markdown)")
    tables.add_argument("--lang", choices=("id", "en"), default="id",
                        help="headings and number notation: Indonesian (default) or English")
    return parser


def _load(file: Path | None) -> Report:
    return example_report() if file is None else load_report(file)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (2 when a file cannot be used)."""
    args = _parser().parse_args(argv)
    try:
        report = _load(args.file)
    except ValidationError as group:
        print(f"kinerja: {group.describe()}", file=sys.stderr)
        return 2
    except KinerjaError as error:
        print(f"kinerja: {error}", file=sys.stderr)
        return 2
    if args.command == "tables":
        sys.stdout.write(render_tables(chapter_three(report), args.format, args.lang))
        return 0
    result = audit(report)
    sys.stdout.write(result.render(args.format, args.lang))
    return 1 if args.fail_on_error and result.errors else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
