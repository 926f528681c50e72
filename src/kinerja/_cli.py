"""The ``kinerja`` command line: recompute a report file's tables (and, later, audit it)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kinerja._lkjip_tables import chapter_three
from kinerja._report import Report
from kinerja._reportfile import example_report, load_report
from kinerja._table import render_tables
from kinerja.exceptions import KinerjaError, ValidationError

_DESCRIPTION = """\
Recompute the performance figures of an Indonesian government work unit's
yearly performance report (LKjIP) from a report file in kinerja's TOML format.
Without a FILE, the bundled example is used: the 2023 LKjIP of Balai
Pemasyarakatan Kelas II Pangkalpinang.
"""

_EPILOG = """\
examples:
  kinerja tables                    chapter III tables of the bundled example
  kinerja tables laporan.toml --lang en --format csv
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kinerja", description=_DESCRIPTION, epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
