"""The ``kinerja`` command line: audit a report file, or print its recomputed tables.

The top layer: it may use everything below it.  Docs page *The audit*.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import kinerja
from kinerja.auditing._checks import audit
from kinerja.auditing._findings import field_labels
from kinerja.cli._import import add_import_parser, run_import
from kinerja.core._l10n import text as text_of
from kinerja.core._options import LANGS, Lang
from kinerja.core._toml import write_text_file
from kinerja.exceptions import KinerjaError, ValidationError
from kinerja.outputs._lkjip_tables import chapter_three
from kinerja.outputs._table import render_tables
from kinerja.report._model import Report
from kinerja.report._read import example_report, load_report

if TYPE_CHECKING:
    from kinerja.batch._chunks import Audited
    from kinerja.documents._model import ReviewItem

# The batch path (worker processes), the document reader and the spreadsheet writers are
# reached through kinerja's attributes (kinerja.batch, kinerja.extract, kinerja.write_xlsx,
# kinerja.write_docx), which load them on first use: auditing one report file does not
# import them (nor numpy).

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
  kinerja tables --format xlsx -o bab3.xlsx   chapter III as a workbook (or docx for Word)
  kinerja audit --format xlsx -o temuan.xlsx  the findings, coloured by severity
  kinerja audit --format html -o temuan.html  one page: marked tables, findings, charts
  kinerja extract lkjip.pdf -o draft.toml   a draft report file from a published report
  kinerja audit lkjip.docx          extract and audit in one step (review the draft first!)
  kinerja audit satker/*.toml --jobs 2 --format csv   many files, two worker processes
  kinerja import budget realisasi.xlsx --layout sakti -o laporan.toml
                                    a SAKTI export's budget into a report file

exit status: 0 on success (also when findings are listed, unless --fail-on-error),
1 when --fail-on-error is given and errors were found, 2 when the file (or the
command line) cannot be used, and 2 with "internal error" on stderr for a bug in
kinerja (please report it).  No other status.  With several files, a file that
cannot be used is named on stderr and the others are still audited; the status
is then 2.
"""

#: Where to report a bug.
_ISSUES = "https://github.com/kinerja/kinerja/issues"


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
    audit.add_argument("files", nargs="*", type=Path, metavar="FILE",
                       help="report files (TOML), or published reports (.pdf, .docx, .md, "
                       ".txt) extracted first; default: the bundled example.  With several, "
                       "each file's findings follow its name (text, markdown), or carry it "
                       "(json: a list of {\"file\", \"findings\"}; csv: a first column)")
    audit.add_argument("--format",
                       choices=("text", "json", "markdown", "csv", "xlsx", "docx", "html"),
                       default="text",
                       help="output format (default: text, grouped by severity); JSON keys "
                       "are English identifiers in both languages; html: one self-contained "
                       "page (tables with the wrong figures marked, findings, charts)")
    audit.add_argument("--lang", choices=LANGS, default="id",
                       help="language of every word (rule names, severities, explanations, "
                       "sources, CSV headers) and the notation of every number: Indonesian "
                       "(default) or English")
    audit.add_argument("--fail-on-error", action="store_true",
                       help="exit with status 1 when any error is found")
    audit.add_argument("-j", "--jobs", type=int, default=1, metavar="K",
                       help="audit several files in K worker processes (default: 1); the "
                       "output keeps the order of the files")
    audit.add_argument("-o", "--output", type=Path, metavar="FILE",
                       help="write here instead of standard output (needed for xlsx, docx)")
    tables = commands.add_parser(
        "tables", help="print the chapter III tables, every figure recomputed",
        description="Print the chapter III tables of a report: every indicator's target, "
        "realization and achievement, its comparison with earlier years and with the "
        "medium-term plan, and the budget tables, all recomputed from the report's inputs.",
    )
    tables.add_argument("file", nargs="?", type=Path, metavar="FILE",
                        help="a report file (TOML); default: the bundled example")
    tables.add_argument("--format", choices=("markdown", "html", "csv", "xlsx", "docx"),
                        default="markdown",
                        help="output format (default: markdown); xlsx and docx need -o and "
                        "the xlsx / docx extras")
    tables.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write here instead of standard output (needed for xlsx, docx)")
    tables.add_argument("--lang", choices=LANGS, default="id",
                        help="language of the titles, headings and words (status, change, "
                        "yes/no) and the notation of every number: Indonesian (default) or "
                        "English")
    draft = commands.add_parser(
        "extract", help="read a published report (PDF, Word, text) into a draft report file",
        description="Read a published LKjIP (a text-layer PDF, a .docx, or text / Markdown "
        "as Word converters write it) into a draft report file. Every value keeps where it "
        "was read; the choices the extractor made are listed for review on stderr.",
    )
    draft.add_argument("file", type=Path, metavar="DOCUMENT", help="the published report")
    draft.add_argument("-o", "--output", type=Path, metavar="FILE",
                       help="write the draft here (default: standard output)")
    add_import_parser(commands)
    return parser


#: Suffixes of report files; anything else is a document to extract first.
_REPORT_FILES = (".toml",)


def _load_reviewed(file: Path | None) -> tuple[Report, tuple[ReviewItem, ...]]:
    """The report, and its review items when it was extracted from a document."""
    if file is None:
        return example_report(), ()
    if file.suffix.lower() in _REPORT_FILES:
        return load_report(file), ()
    extraction = kinerja.extract(file)
    print(f"kinerja: {file}: figures read from the document, not yet reviewed "
          f"({len(extraction.review)} review items; see kinerja extract)", file=sys.stderr)
    for item in extraction.review:  # before the findings, which go to standard output
        print(f"review: {item.describe()}", file=sys.stderr)
    return extraction.report, extraction.review


def _extract(args: argparse.Namespace) -> int:
    """Write the draft of a document, its review items on stderr."""
    extraction = kinerja.extract(args.file)
    for item in extraction.review:
        print(f"review: {item.describe()}", file=sys.stderr)
    text = extraction.draft_toml()
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_text_file(args.output, text, what="draft report file")
    return 0


def _run(args: argparse.Namespace) -> int:
    """Run the parsed command; return 0 or 1 (kinerja errors propagate)."""
    if args.command == "extract":
        return _extract(args)
    if args.command == "import":
        return run_import(args)
    if args.command == "audit":
        if args.jobs < 1:
            return _fail(f"--jobs: give a whole number of worker processes from 1 (got "
                         f"{args.jobs})")
        if len(args.files) > 1:
            return _audit_files(args)
        args.file = args.files[0] if args.files else None
    report, review = _load_reviewed(args.file)
    if args.format in ("xlsx", "docx"):
        return _write_document(args, report)
    if args.command == "tables":
        text = render_tables(chapter_three(report), args.format, args.lang)
        failed = False
    else:
        result = audit(report)
        text = (kinerja.findings_page(report, result, lang=args.lang, review=review)
                if args.format == "html" else result.render(args.format, args.lang))
        failed = bool(args.fail_on_error and result.errors)
    if args.output is not None:
        write_text_file(args.output, text, what=f"{args.command} output")
        return 1 if failed else 0
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped reading (``kinerja audit | head``): quietly
        _silence_stdout()
        return 2
    except OSError as error:
        return _fail(f"cannot write the output: {error}")
    return 1 if failed else 0


def _audit_files(args: argparse.Namespace) -> int:
    """Audit several files (in ``--jobs`` processes); each file's findings as they come."""
    if args.format not in _MANY_FORMATS:
        return _fail(f"--format {args.format} makes one document per report: give one FILE, "
                     f"or use {', '.join(_MANY_FORMATS)}")
    out: list[str] = []
    failed = broken = False
    try:
        for audited in kinerja.batch.iter_audits(args.files, workers=args.jobs):
            if audited.error is not None:
                broken = True
                _report_error(audited.source, audited.error)
            elif Path(audited.source).suffix.lower() not in _REPORT_FILES:
                print(f"kinerja: {audited.source}: figures read from the document, not yet "
                      f"reviewed ({audited.review} review items; see kinerja extract)",
                      file=sys.stderr)
            if audited.result is not None:
                failed = failed or bool(args.fail_on_error and audited.result.errors)
            piece = _section(audited, args.format, args.lang)
            if args.output is not None:
                out.append(piece)
            elif piece:
                sys.stdout.write(piece)
                sys.stdout.flush()
        if args.format == "json":  # every file gave an entry: close the list
            out.append("\n]\n")
            if args.output is None:
                sys.stdout.write(out.pop())
    except BrokenPipeError:  # the reader stopped reading: quietly
        _silence_stdout()
        return 2
    except OSError as error:
        return _fail(f"cannot write the output: {error}")
    if args.output is not None:
        write_text_file(args.output, "".join(out), what="audit output")
    return 2 if broken else 1 if failed else 0


#: The formats of ``kinerja audit`` that hold several files' findings in one output.
_MANY_FORMATS = ("text", "markdown", "json", "csv")


def _section(audited: Audited, format: str, lang: Lang) -> str:
    """One file's part of the output of several files."""
    result, first = audited.result, audited.index == 0
    if format == "json":
        entry: dict[str, object] = {"file": audited.source}
        if result is None:
            entry["error"] = str(audited.error)
        else:
            entry["findings"] = [f.as_dict(lang) for f in result.findings]
        text = json.dumps(entry, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        return ("[\n  " if first else ",\n  ") + text
    if format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        if first:
            writer.writerow([text_of("field.file", lang), *field_labels(lang)])
        if result is not None:
            writer.writerows([audited.source, *f.as_dict(lang).values()] for f in result)
        return buffer.getvalue()
    if result is None:
        return ""
    return ("" if first else "\n") + f"==> {audited.source} <==\n" + result.render(format,
                                                                                      lang)


def _report_error(source: str, error: KinerjaError) -> None:
    """One line on stderr for a file that cannot be used, naming the file."""
    message = error.describe() if isinstance(error, ValidationError) else str(error)
    if source not in message:
        message = f"{source}: {message}"
    print(f"kinerja: {message}", file=sys.stderr)


def _write_document(args: argparse.Namespace, report: Report) -> int:
    """Write the tables (or the findings) as a workbook or a Word document."""
    if args.output is None:
        return _fail(f"--format {args.format} writes a file: give it with -o FILE")
    write = kinerja.write_xlsx if args.format == "xlsx" else kinerja.write_docx
    if args.command == "tables":
        write(args.output, chapter_three(report), lang=args.lang)
        return 0
    result = audit(report)
    write(args.output, findings=result, lang=args.lang)
    return 1 if args.fail_on_error and result.errors else 0


def _fail(message: str) -> int:
    """Write one message on stderr; the status of an unusable input (2)."""
    print(f"kinerja: {message}", file=sys.stderr)
    return 2


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at the null device so exiting stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status: 0, 1 or 2, never anything else.

    0: done (findings, if any, are listed); 1: ``--fail-on-error`` and the
    audit found errors; 2: the input cannot be used (a bad file: one message
    on stderr, no traceback), the output cannot be written (a closed pipe
    exits quietly), the run was interrupted, or an internal error (a bug in
    kinerja: one message that says so and asks for a report).  A bad command
    line exits through argparse's ``SystemExit(2)``, ``--help`` through
    ``SystemExit(0)``.
    """
    try:
        return _run(_parser().parse_args(argv))
    except ValidationError as group:
        return _fail(group.describe())
    except KinerjaError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return _fail("interrupted")
    except Exception as error:  # a bug in kinerja: one message, never a traceback or 1
        return _fail(f"internal error ({type(error).__name__}: {error}); this is a bug in "
                     f"kinerja, please report it at {_ISSUES} with the command and the file")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
