"""Rich display in notebooks: the HTML behind the ``_repr_html_`` of kinerja's objects.

Each renderer is registered with :func:`kinerja.core._hooks.html_of` for its
class, so the model classes show themselves without importing presentation.
Figures are shown in Indonesian notation (``99,98``), as LKjIPs print them.
"""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any

from kinerja.auditing._findings import AuditResult, Finding
from kinerja.core._hooks import html_of
from kinerja.core._notation import format_number, format_optional
from kinerja.indicators._assessment import AchievementResult
from kinerja.indicators._indicator import Indicator
from kinerja.outputs._lkjip_tables import overview_table
from kinerja.outputs._table import Table
from kinerja.report._model import Report
from kinerja.schemes._scoring import ScoreResult

__all__ = ["audit_html", "finding_html", "indicator_html", "report_html", "result_html",
           "score_html", "table_html"]

_STYLE = ('style="border-collapse:collapse;font-size:0.9em" '
          'class="kinerja"')
_SEVERITY_COLOUR = {"error": "#c0392b", "warning": "#b9770e", "info": "#2471a3"}


def _e(value: Any) -> str:
    return html.escape(str(value))


def _rows(pairs: list[tuple[str, str]]) -> str:
    return "".join(f"<tr><th style='text-align:left;padding-right:1em'>{_e(k)}</th>"
                   f"<td>{v}</td></tr>" for k, v in pairs)


@html_of.register
def indicator_html(indicator: Indicator) -> str:
    """A card with an indicator's code, name, level, unit and polarity."""
    polarity = ("semakin tinggi semakin baik" if indicator.polarity.code == 1
                else "semakin rendah semakin baik")
    return (f"<table {_STYLE}><caption><b>{_e(indicator.code)}</b> {_e(indicator.name)}"
            f"</caption>" + _rows([
                ("Tingkat", _e(indicator.level.indonesian)),
                ("Satuan", _e(indicator.unit)),
                ("Polaritas", _e(polarity)),
            ]) + "</table>")


@html_of.register
def result_html(result: AchievementResult) -> str:
    """A card with one indicator-year's target, realization, achievement and explanation."""
    target = "–" if result.target is None else _e(result.target)
    realization = "–" if result.realization is None else _e(result.realization)
    pairs = [("Target", target), ("Realisasi", realization),
             ("Capaian", format_optional(result.raw) + (" %" if result.raw is not None else ""))]
    if result.policy.cap is not None and result.capped is not None:
        pairs.append((f"Capaian (konversi {result.policy.cap.upper} %)",
                      format_optional(result.capped) + " %"))
    pairs.append(("Status", _e(result.status.indonesian)))
    return (f"<table {_STYLE}><caption><b>{_e(result.indicator.code)}</b> "
            f"{_e(result.indicator.name)} ({result.year})</caption>" + _rows(pairs)
            + f"</table><p style='font-size:0.8em'>{_e(result.explain())}</p>")


@html_of.register
def report_html(report: Report) -> str:
    """A report's heading, its indicator overview and its budget total."""
    parts = [f"<h4>{_e(report.satker.name)} — {_e(report.title or report.year)}</h4>",
             overview_table(report).to_html()]
    if "spending_type" in report.budget:
        total = report.budget_total("spending_type")
        absorption = total.absorption
        shown = format_optional(absorption) + " %" if isinstance(absorption, Decimal) else "t/a"
        pagu, spent = format_number(total.pagu, 0), format_number(total.realization, 0)
        parts.append(f"<p>Anggaran {report.year}: pagu Rp {pagu}, realisasi Rp {spent} "
                     f"({shown}).</p>")
    return "".join(parts)


@html_of.register
def score_html(result: ScoreResult) -> str:
    """A score's components (nilai, bobot, weighted value), aspects and result."""
    head = "".join(f"<th>{h}</th>" for h in ("Komponen", "Nilai", "Bobot", "Nilai × Bobot"))
    body = []
    for component in result.components.values():
        if component.status == "not_applicable":
            cells = [_e(component.name), "t/a", format_optional(component.weight, 0), "t/a"]
        else:
            cells = [_e(component.name), format_optional(component.nilai),
                     format_optional(component.weight, 0), format_optional(component.weighted)]
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    summary = [("Nilai Total", format_optional(result.total)),
               ("Konversi Bobot", format_optional(result.weight_base)),
               ("Nilai Akhir", format_optional(result.final))]
    summary += [(f"Aspek {name}", format_optional(value)) for name, value in result.aspects.items()]
    if result.category is not None:
        summary.append(("Kategori", _e(result.category)))
    return (f"<table {_STYLE}><caption>{_e(result.scheme.label)}</caption><thead><tr>{head}"
            f"</tr></thead><tbody>{''.join(body)}</tbody></table>"
            f"<table {_STYLE}>{_rows(summary)}</table>")


@html_of.register
def finding_html(finding: Finding) -> str:
    """One finding, coloured by severity."""
    colour = _SEVERITY_COLOUR[finding.severity.value]
    return (f"<div><span style='color:{colour};font-weight:bold'>"
            f"{_e(finding.severity.indonesian)}</span> [{_e(finding.rule)}] "
            f"{_e(finding.location)}: tercetak <code>{_e(finding.printed)}</code>, seharusnya "
            f"<code>{_e(finding.expected)}</code>. {_e(finding.message('id'))}</div>")


@html_of.register
def audit_html(result: AuditResult) -> str:
    """The audit summary and a table of findings."""
    head = "".join(f"<th>{h}</th>" for h in ("Tingkat", "Aturan", "Letak", "Tercetak",
                                              "Seharusnya", "Penjelasan"))
    rows = []
    for f in result.findings:
        colour = _SEVERITY_COLOUR[f.severity.value]
        cells = [f"<span style='color:{colour}'>{_e(f.severity.indonesian)}</span>",
                 _e(f.rule), _e(f.location), f"<code>{_e(f.printed)}</code>",
                 f"<code>{_e(f.expected)}</code>", _e(f.message("id"))]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return (f"<p><b>{_e(result.summary('id'))}</b></p><table {_STYLE}><thead><tr>{head}"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")


@html_of.register
def table_html(table: Table) -> str:
    """A table, in Indonesian."""
    return table.to_html()
