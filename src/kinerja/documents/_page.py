"""The findings page: one self-contained HTML file of an audit, for an auditor to open and forward.

:func:`findings_page` writes a summary (the work unit, the year, the counts by
severity), the report's chapter III tables recomputed with every cell whose
printed figure is wrong marked (the printed figure and the rule beside it and
on hover), the findings list, the findings no table cell holds, the review list
of an extraction, and two charts as inline SVG.  Everything is inline (CSS,
SVG): the page needs no network to be viewed.  ``kinerja audit --format html``;
docs page *The audit*.

How a finding is matched to a cell (best effort, :func:`match_findings`):

1. its location must name a table (``"Tabel 3.2"``, ``"Table 3.2"``): findings
   printed in the text, in a chart (``"Gambar 3.2"``) or in the report file are
   not in a table;
2. its subject (``"IKK-1.1: achievement 2023"``, ``"spending_type 51: remainder
   2022"``) names what the cell holds: an indicator's target, realization or
   achievement (capped as reported, or raw) of the report's year is the cell of
   the indicator's target table, of another year the cell of its years table, a
   Renstra target the cell of its plan table; a budget figure (pagu, spending,
   remainder, absorption) the cell of its line (or the total) in the budget
   table of its breakdown, in its year;
3. when a recomputed table carries the number the location names
   (``Table.number``), a cell of that table is preferred; else a cell of the kind
   of table (target, years, plan) that the other findings of the same printed
   table fit alone: a 2022 target printed in "Tabel 3.8" makes it a years table,
   so its 2023 figures mark the years table too; else the first candidate.

Several findings may mark one cell (the same figure printed wrongly in two
tables); the others are listed as not marked in a table.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from kinerja.auditing._checks import audit
from kinerja.auditing._findings import AuditResult, Finding, Severity
from kinerja.core._extras import optional_import
from kinerja.core._l10n import text
from kinerja.core._options import Lang, check_lang
from kinerja.documents._model import ReviewItem
from kinerja.exceptions import KinerjaError
from kinerja.outputs._lkjip_tables import chapter_three
from kinerja.outputs._plot import absorptions, achievements
from kinerja.outputs._table import Table
from kinerja.report._model import Report

__all__ = ["CellMatch", "findings_page", "match_findings"]

_TABLE = re.compile(r"\b(?:Tabel|Table)\s+(\d+(?:\.\d+)*)", re.IGNORECASE)
_SUBJECT = re.compile(r"(?P<about>.*): (?P<figure>\S+) (?P<year>\d{4})")
#: An indicator's figure → the column of its target table (the report's year) and the
#: prefix of the column of its years table (another year).
_INDICATOR_COLUMNS = {"target": ("target", "target{y}"),
                      "realization": ("realization", "realization{y}"),
                      "achievement": ("capped", "capped {y}"),
                      "achievement_raw": ("raw", "raw {y}")}
#: A budget figure → the column of the budget tables.
_BUDGET_COLUMNS = {"pagu": "pagu", "spending": "realization", "remainder": "remainder",
                   "absorption": "absorption"}


@attrs.frozen
class CellMatch:
    """A finding matched to a cell: the table's index in the tables, the row's, the column's key."""

    finding: Finding
    table: int
    row: int
    column: str


def _value(label: Any) -> str:
    return str(getattr(label, "value", label))


def _candidates(finding: Finding, tables: Sequence[Table],
                year: int) -> list[tuple[int, int, str]]:
    """The cells (table, row, column) that may hold *finding*'s figure, best first."""
    found = _SUBJECT.fullmatch(finding.subject)
    if not found:
        return []
    about, figure, when = found["about"], found["figure"], int(found["year"])
    cells: list[tuple[int, int, str]] = []
    keys = {table.key: i for i, table in enumerate(tables)}
    if figure in _INDICATOR_COLUMNS:
        this, other = _INDICATOR_COLUMNS[figure]
        for key, column in ((f"{about}.target", this), (f"{about}.years", other.format(y=when))):
            if (key in keys and (key.endswith(".years") or when == year)
                    and any(c.key == column for c in tables[keys[key]].columns)):
                cells.append((keys[key], 0, column))
    elif figure == "plan_target" and f"{about}.plan" in keys:
        i = keys[f"{about}.plan"]
        if any(c.key == f"plan{when}" for c in tables[i].columns):
            cells.append((i, 0, f"plan{when}"))
    elif figure in _BUDGET_COLUMNS:
        breakdown, _, line = about.partition(" ")
        budget = keys.get(f"budget.{breakdown}")
        if budget is not None:
            for j, row in enumerate(tables[budget].rows):
                if row.get("year", year) != when:
                    continue
                label = _value(row.get("label"))
                if label == line or (line.lower() == "total" and label.lower() == "total"):
                    cells.append((budget, j, _BUDGET_COLUMNS[figure]))
    return cells


def match_findings(tables: Sequence[Table], findings: Iterable[Finding],
                   year: int) -> tuple[list[CellMatch], list[Finding]]:
    """Match each finding to a cell of *tables*; return the matches and the unmatched findings.

    *year* is the report's year (the year of the target tables).  The rules are
    in the module's docstring.

    >>> import kinerja
    >>> report = kinerja.example_report()
    >>> matched, unmatched = match_findings(kinerja.chapter_three(report),
    ...                                     kinerja.audit(report), report.year)
    >>> first = matched[0]
    >>> first.finding.location, first.column
    ('Tabel 3.2', 'capped')
    """
    listed = list(findings)
    places = {id(f): found[1] for f in listed if (found := _TABLE.search(f.location))}
    options = {id(f): _candidates(f, tables, year) if id(f) in places else [] for f in listed}
    # What each printed table is, learnt from its findings that fit one recomputed table only
    # (a 2022 figure in Tabel 3.8 makes it a years table).
    kinds: dict[str, set[str]] = {}
    for f in listed:
        if len(options[id(f)]) == 1:
            kinds.setdefault(places[id(f)], set()).add(_kind(tables[options[id(f)][0][0]]))
    matched: list[CellMatch] = []
    unmatched: list[Finding] = []
    for finding in listed:
        cells = options[id(finding)]
        if not cells:
            unmatched.append(finding)
            continue
        place = places[id(finding)]
        numbered = [c for c in cells if tables[c[0]].number == place]
        known = [c for c in cells if _kind(tables[c[0]]) in kinds.get(place, ())]
        table, row, column = (numbered or known or cells)[0]
        matched.append(CellMatch(finding, table, row, column))
    return matched, unmatched


def _kind(table: Table) -> str:
    """What a recomputed table is: ``target``, ``years``, ``plan``, or its budget breakdown."""
    return table.key.rsplit(".", 1)[-1]


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem auto;
max-width:72rem;padding:0 1rem;color:#1b1b1b;line-height:1.4}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;
border-bottom:2px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.6rem 0 1.2rem;font-size:.85rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #ccc;padding:.25rem .45rem;vertical-align:top}
th{background:#f2f2f2}td.num{text-align:right}
td.finding{background:#fde2e1;outline:2px solid #c62828;outline-offset:-2px}
td.finding.warning{background:#fff4d6;outline-color:#b26a00}
td.finding.info{background:#e3f0fb;outline-color:#1565c0}
td.finding .printed{display:block;font-size:.75rem;color:#8e1b1b}
td.finding .printed a{color:inherit}
.counts td{text-align:right;min-width:4rem}
.sev-error{color:#c62828;font-weight:600}.sev-warning{color:#b26a00;font-weight:600}
.sev-info{color:#1565c0;font-weight:600}
.note,.kinerja-note{color:#555;font-size:.85rem}
.chart svg{max-width:100%;height:auto}
footer{margin-top:2rem;color:#777;font-size:.8rem}
"""


def _esc(value: object) -> str:
    return html.escape(str(value))


def _summary(result: AuditResult, year: int, marked: int, lang: Lang) -> str:
    rows = [(text("page.unit", lang), result.name), (text("page.report", lang), result.title),
            (text("page.year", lang), str(year)),
            (text("page.printed", lang), str(result.printed_count))]
    facts = "".join(f"<tr><th>{_esc(k)}</th><td>{_esc(v)}</td></tr>" for k, v in rows)
    counts = "".join(
        f'<tr class="count-{s.value}"><th class="sev-{s.value}">{_esc(s.label(lang))}</th>'
        f'<td data-count="{len(result.of(s))}">{len(result.of(s))}</td></tr>'
        for s in Severity)
    counts += (f'<tr><th>{_esc(text("page.total", lang))}</th>'
               f'<td id="count-total">{len(result)}</td></tr>'
               f'<tr><th>{_esc(text("page.marked", lang))}</th>'
               f'<td id="count-marked">{marked}</td></tr>')
    return (f'<section id="summary"><h2>{_esc(text("page.summary", lang))}</h2>'
            f'<table class="facts">{facts}</table><table class="counts">{counts}</table>'
            "</section>")


def _tooltip(finding: Finding, lang: Lang) -> str:
    """The rule, the printed and the correct figure, and the explanation: a cell's title."""
    return text("page.tooltip", lang, rule=finding.rule_name(lang),
                severity=finding.severity.label(lang), printed=finding.printed_text(lang),
                location=finding.location, expected=finding.expected_text(lang)
                ) + "\n" + finding.message(lang)


def _printed_there(finding: Finding, lang: Lang) -> str:
    """"printed 125% (Tabel 3.2)": the table's name only; the whole location is in the title."""
    place = _TABLE.search(finding.location)
    return text("page.printed_there", lang, printed=finding.printed_text(lang),
                location=place[0] if place else finding.location)


def _table(table: Table, index: int, marks: dict[tuple[int, int, str], list[int]],
           findings: Sequence[Finding], lang: Lang) -> str:
    head = "".join(f"<th>{_esc(h)}</th>" for h in table.headings(lang))
    body = []
    for j, cells in enumerate(table.text_rows(lang)):
        tds = []
        for column, value in zip(table.columns, cells, strict=True):
            numbers = marks.get((index, j, column.key), [])
            kind = "num" if column.kind != "text" else "text"
            if not numbers:
                tds.append(f'<td class="{kind}">{_esc(value)}</td>')
                continue
            marked = [findings[n] for n in numbers]
            worst = min(marked, key=lambda f: f.severity.rank).severity.value
            notes = "".join(
                f'<span class="printed"><a href="#f{n + 1}">[{n + 1}]</a> '
                f"{_esc(_printed_there(f, lang))}</span>"
                for n, f in zip(numbers, marked, strict=True))
            title = "\n\n".join(_tooltip(f, lang) for f in marked)
            tds.append(f'<td class="{kind} finding {worst}" id="c{numbers[0] + 1}" '
                       f'data-findings="{len(numbers)}" title="{_esc(title)}">'
                       f'<span class="expected">{_esc(value)}</span>{notes}</td>')
        body.append("<tr>" + "".join(tds) + "</tr>")
    notes = "".join(f"<p class='kinerja-note'>{_esc(n)}</p>" for n in table.notes_in(lang))
    return (f'<table class="kinerja-table" data-key="{_esc(table.key)}"><caption>'
            f"{_esc(table.title(lang))}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>{notes}")


def _findings(findings: Sequence[Finding], cells: dict[int, int], lang: Lang) -> str:
    columns = ("severity_name", "rule_name", "location", "subject", "printed",
               "expected_text", "message", "source")
    head = (f"<th>{_esc(text('page.number', lang))}</th>"
            + "".join(f"<th>{_esc(text(f'audit.column.{c}', lang))}</th>" for c in columns)
            + f"<th>{_esc(text('page.cell', lang))}</th>")
    rows = []
    for n, finding in enumerate(findings):
        row = finding.as_dict(lang)
        link = (f'<a href="#c{cells[n] + 1}">{_esc(text("page.to_cell", lang))}</a>'
                if n in cells else "–")
        rows.append(
            f'<tr id="f{n + 1}" class="{finding.severity.value}"><td>{n + 1}</td>'
            f'<td class="sev-{finding.severity.value}">{_esc(row["severity_name"])}</td>'
            + "".join(f"<td>{_esc(row[c])}</td>" for c in columns[1:]) + f"<td>{link}</td></tr>")
    return (f'<table class="findings"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def _svg(draw: Any, lang: Lang) -> str:
    """A chart as inline SVG, or a note saying why it was not drawn."""
    try:
        ax = draw(lang)
    except KinerjaError as error:
        return f'<p class="note">{_esc(text("page.chart_missing", lang, reason=str(error)))}</p>'
    buffer = io.StringIO()
    ax.figure.savefig(buffer, format="svg")
    optional_import("matplotlib.pyplot", extra="plot", feature="findings page").close(ax.figure)
    svg = buffer.getvalue()
    return f'<div class="chart">{svg[svg.find("<svg"):]}</div>'


def findings_page(report: Report, result: AuditResult | None = None, *, lang: Lang = "id",
                  review: Iterable[ReviewItem] = (), charts: bool = True) -> str:
    """One self-contained HTML page of an audit: summary, marked tables, findings, review, charts.

    Parameters
    ----------
    report : Report
        The audited report; its chapter III tables are recomputed and shown.
    result : AuditResult, optional
        Its audit (``kinerja.audit(report)`` when not given).
    lang : {"id", "en"}
        The language of every word and the notation of every number.
    review : iterable of ReviewItem
        The review list of an extraction (``kinerja.extract(...).review``); the
        section says there is none when empty.
    charts : bool
        Draw the achievement and absorption charts as inline SVG (needs the
        ``plot`` extra; without it the page says why a chart is missing).

    Findings are matched to table cells as the module's docstring says
    (:func:`match_findings`): a marked cell has the class ``finding`` (and its
    severity), ``data-findings`` (how many findings mark it), the printed figures
    under the correct one and the rule in its ``title``.

    >>> import kinerja
    >>> page = kinerja.documents.findings_page(kinerja.example_report(), charts=False)
    >>> page.startswith("<!DOCTYPE html>"), page.count('class="num finding')
    (True, 24)
    """
    lang = check_lang(lang)
    result = audit(report) if result is None else result
    findings = list(result)
    tables = chapter_three(report)
    matched, unmatched = match_findings(tables, findings, report.year)
    number = {id(f): n for n, f in enumerate(findings)}
    marks: dict[tuple[int, int, str], list[int]] = {}
    for match in matched:
        marks.setdefault((match.table, match.row, match.column), []).append(
            number[id(match.finding)])
    cells = {n: numbers[0] for numbers in marks.values() for n in numbers}
    title = text("page.title", lang, name=result.name)
    parts = [f"<h1>{_esc(title)}</h1><p>{_esc(result.title)}</p>",
             _summary(result, report.year, len(matched), lang),
             f'<section id="tables"><h2>{_esc(text("page.tables", lang))}</h2>'
             f'<p class="note">{_esc(text("page.tables_note", lang))}</p>'
             + "".join(_table(t, i, marks, findings, lang) for i, t in enumerate(tables))
             + "</section>",
             f'<section id="findings"><h2>{_esc(text("page.findings", lang))}</h2>'
             + _findings(findings, cells, lang) + "</section>"]
    listed = "".join(
        f'<li><a href="#f{number[id(f)] + 1}">[{number[id(f)] + 1}]</a> '
        f"{_esc(f.location)}: {_esc(f.subject_text(lang))} ({_esc(f.rule_name(lang))})</li>"
        for f in unmatched)
    parts.append(f'<section id="unmatched"><h2>{_esc(text("page.unmatched", lang))}</h2>'
                 f'<p class="note">{_esc(text("page.unmatched_note", lang))}</p>'
                 + (f"<ul>{listed}</ul>" if listed else f"<p>{_esc(text('page.none', lang))}</p>")
                 + "</section>")
    items = "".join(f"<li>{_esc(item.describe())}</li>" for item in review)
    parts.append(f'<section id="review"><h2>{_esc(text("page.review", lang))}</h2>'
                 + (f"<ul>{items}</ul>" if items
                    else f'<p class="note">{_esc(text("page.review_none", lang))}</p>')
                 + "</section>")
    if charts:
        drawn = [_svg(lambda lg: achievements(report, lang=lg), lang),
                 _svg(lambda lg: absorptions(report, lang=lg), lang)]
        parts.append(f'<section id="charts"><h2>{_esc(text("page.charts", lang))}</h2>'
                     + "".join(drawn) + "</section>")
    parts.append(f"<footer>{_esc(text('page.footer', lang))}</footer>")
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_esc(title)}</title><style>{_CSS}</style></head><body>"
            + "".join(parts) + "</body></html>\n")
