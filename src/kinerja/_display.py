"""Rich display in notebooks: the HTML behind the ``_repr_html_`` of kinerja's objects.

Figures are shown in Indonesian notation (``99,98``), as LKjIPs print them.
"""

from __future__ import annotations

import html
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kinerja._notation import format_number

if TYPE_CHECKING:
    from kinerja._assessment import AchievementResult
    from kinerja._findings import AuditResult, Finding
    from kinerja._indicator import Indicator
    from kinerja._report import Report
    from kinerja._scoring import ScoreResult

_STYLE = ('style="border-collapse:collapse;font-size:0.9em" '
          'class="kinerja"')
_SEVERITY_COLOUR = {"error": "#c0392b", "warning": "#b9770e", "info": "#2471a3"}


def _e(value: Any) -> str:
    return html.escape(str(value))


def _n(value: Decimal | None, places: int = 2) -> str:
    return "–" if value is None else format_number(value, places)


def _rows(pairs: list[tuple[str, str]]) -> str:
    return "".join(f"<tr><th style='text-align:left;padding-right:1em'>{_e(k)}</th>"
                   f"<td>{v}</td></tr>" for k, v in pairs)


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


def result_html(result: AchievementResult) -> str:
    """A card with one indicator-year's target, realization, achievement and explanation."""
    target = "–" if result.target is None else _e(result.target)
    realization = "–" if result.realization is None else _e(result.realization)
    pairs = [("Target", target), ("Realisasi", realization),
             ("Capaian", _n(result.raw) + (" %" if result.raw is not None else ""))]
    if result.policy.cap is not None and result.capped is not None:
        pairs.append((f"Capaian (konversi {result.policy.cap.upper} %)",
                      _n(result.capped) + " %"))
    pairs.append(("Status", _e(result.status.indonesian)))
    return (f"<table {_STYLE}><caption><b>{_e(result.indicator.code)}</b> "
            f"{_e(result.indicator.name)} ({result.year})</caption>" + _rows(pairs)
            + f"</table><p style='font-size:0.8em'>{_e(result.explain())}</p>")


def report_html(report: Report) -> str:
    """A report's heading, its indicator overview and its budget total."""
    from kinerja._lkjip_tables import overview_table

    parts = [f"<h4>{_e(report.satker.name)} — {_e(report.title or report.year)}</h4>",
             overview_table(report).to_html()]
    if "spending_type" in report.budget:
        total = report.budget_total("spending_type")
        absorption = total.absorption
        shown = _n(absorption) + " %" if isinstance(absorption, Decimal) else "t/a"
        parts.append(f"<p>Anggaran {report.year}: pagu Rp {_n(Decimal(total.pagu), 0)}, "
                     f"realisasi Rp {_n(Decimal(total.realization), 0)} ({shown}).</p>")
    return "".join(parts)


def score_html(result: ScoreResult) -> str:
    """A score's components (nilai, bobot, weighted value), aspects and result."""
    head = "".join(f"<th>{h}</th>" for h in ("Komponen", "Nilai", "Bobot", "Nilai × Bobot"))
    body = []
    for component in result.components.values():
        if component.status == "not_applicable":
            cells = [_e(component.name), "t/a", _n(component.weight, 0), "t/a"]
        else:
            cells = [_e(component.name), _n(component.nilai), _n(component.weight, 0),
                     _n(component.weighted)]
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    summary = [("Nilai Total", _n(result.total)), ("Konversi Bobot", _n(result.weight_base)),
               ("Nilai Akhir", _n(result.final))]
    summary += [(f"Aspek {name}", _n(value)) for name, value in result.aspects.items()]
    if result.category is not None:
        summary.append(("Kategori", _e(result.category)))
    return (f"<table {_STYLE}><caption>{_e(result.scheme.label)}</caption><thead><tr>{head}"
            f"</tr></thead><tbody>{''.join(body)}</tbody></table>"
            f"<table {_STYLE}>{_rows(summary)}</table>")


def finding_html(finding: Finding) -> str:
    """One finding, coloured by severity."""
    colour = _SEVERITY_COLOUR[finding.severity.value]
    return (f"<div><span style='color:{colour};font-weight:bold'>"
            f"{_e(finding.severity.indonesian)}</span> [{_e(finding.rule)}] "
            f"{_e(finding.location)}: tercetak <code>{_e(finding.printed)}</code>, seharusnya "
            f"<code>{_e(finding.expected)}</code>. {_e(finding.message('id'))}</div>")


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
