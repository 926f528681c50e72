"""Rich display in notebooks: the HTML behind the ``_repr_html_`` of kinerja's objects.

Each renderer is registered with :func:`kinerja.core._hooks.html_of` for its
class, so the model classes show themselves without importing presentation.
A notebook shows the Indonesian card (as LKjIPs print figures: ``99,98%``);
each renderer also takes ``lang="en"``.  Every word comes from the catalogs
(:mod:`kinerja.core._l10n`), every number is written in the language's
notation, and figures carry their units as the tables write them
(:class:`~kinerja.outputs._table.Quantity`).  Docs page *Output languages*.
"""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any

from kinerja.auditing._findings import AuditResult, Finding
from kinerja.core._hooks import html_of
from kinerja.core._l10n import label, text
from kinerja.core._notation import DASH, format_number, format_significant
from kinerja.core._options import Lang, check_lang
from kinerja.core._sentinels import NOT_APPLICABLE, NotApplicable, NotStated
from kinerja.core._units import Unit
from kinerja.indicators._assessment import AchievementResult
from kinerja.indicators._figures import Realization, Target
from kinerja.indicators._indicator import Indicator
from kinerja.outputs._lkjip_tables import overview_table
from kinerja.outputs._table import Quantity, Table
from kinerja.report._model import Report
from kinerja.schemes._scoring import ScoreResult

__all__ = ["audit_html", "finding_html", "indicator_html", "report_html", "result_html",
           "score_html", "table_html", "to_html"]

_STYLE = ('style="border-collapse:collapse;font-size:0.9em" '
          'class="kinerja"')
_SEVERITY_COLOUR = {"error": "#c0392b", "warning": "#b9770e", "info": "#2471a3"}
_PERCENT = Unit.percent()


def _e(value: Any) -> str:
    return html.escape(str(value))


def _rows(pairs: list[tuple[str, str]]) -> str:
    return "".join(f"<tr><th style='text-align:left;padding-right:1em'>{_e(k)}</th>"
                   f"<td style='text-align:right'>{v}</td></tr>" for k, v in pairs)


def _card(key: str, lang: Lang, **params: Any) -> str:
    return text(f"card.{key}", lang, **params)


@html_of.register
def indicator_html(indicator: Indicator, lang: Lang = "id") -> str:
    """A card with an indicator's code, name, level, unit and polarity."""
    lang = check_lang(lang)
    return (f"<table {_STYLE}><caption><b>{_e(indicator.code)}</b> {_e(indicator.name)}"
            f"</caption>" + _rows([
                (_card("level", lang), _e(label(indicator.level, lang))),
                (_card("unit", lang), _e(indicator.unit)),
                (_card("polarity", lang), _e(label(indicator.polarity, lang))),
            ]) + "</table>")


def _target_text(target: Target | None, unit: Unit, lang: Lang) -> str:
    if target is None:
        return DASH
    low, high = target.bounds
    return Quantity(value=low, high=high if high != low else None, unit=unit).format(lang)


def _realization_text(realization: Realization | None, unit: Unit, lang: Lang) -> str:
    if realization is None or realization.value is None:
        return DASH
    shown = Quantity(value=realization.value, unit=unit,
                     places=2 if realization.has_counts else None).format(lang)
    if realization.has_counts:
        shown += f" ({realization.numerator} / {realization.denominator})"
    return shown


def _percent(value: Decimal | None, lang: Lang) -> str:
    if value is None:
        return DASH
    return Quantity(value=value, unit=_PERCENT, places=2).format(lang)


@html_of.register
def result_html(result: AchievementResult, lang: Lang = "id") -> str:
    """A card with one indicator-year's target, realization, achievement and explanation."""
    lang = check_lang(lang)
    unit = result.indicator.unit
    pairs = [(_card("target", lang), _e(_target_text(result.target, unit, lang))),
             (_card("realization", lang),
              _e(_realization_text(result.realization, unit, lang))),
             (_card("achievement", lang), _e(_percent(result.raw, lang)))]
    cap = result.policy.cap
    if cap is not None and result.capped is not None:
        pairs.append((_card("capped", lang, upper=cap.upper), _e(_percent(result.capped, lang))))
    pairs.append((_card("status", lang), _e(label(result.status, lang))))
    return (f"<table {_STYLE}><caption><b>{_e(result.indicator.code)}</b> "
            f"{_e(result.indicator.name)} ({result.year})</caption>" + _rows(pairs)
            + f"</table><p style='font-size:0.8em'>{_e(result.explain(lang))}</p>")


@html_of.register
def report_html(report: Report, lang: Lang = "id") -> str:
    """A report's heading, its indicator overview and its budget total."""
    lang = check_lang(lang)
    parts = [f"<h4>{_e(report.satker.name)} — {_e(report.title or report.year)}</h4>",
             overview_table(report).to_html(lang)]
    if "spending_type" in report.budget:
        total = report.budget_total("spending_type")
        absorption = total.absorption
        shown = (label(absorption, lang) if isinstance(absorption, NotApplicable | NotStated)
                 else _percent(absorption, lang))

        def amount(value: int | NotStated) -> str:
            return (label(value, lang) if isinstance(value, NotStated)
                    else format_number(value, 0, notation=lang))

        parts.append("<p>" + _e(_card(
            "budget", lang, year=report.year, pagu=amount(total.pagu),
            spending=amount(total.realization), absorption=shown)) + "</p>")
    return "".join(parts)


def _score(value: Decimal | None, lang: Lang) -> str:
    """A score figure as reports print it: two decimals."""
    return DASH if value is None else format_number(value, 2, notation=lang)


def _exact(value: Decimal, lang: Lang) -> str:
    """A weight or deduction at its real precision (NKA's 9,7; 28,6)."""
    return format_significant(value, notation=lang)


@html_of.register
def score_html(result: ScoreResult, lang: Lang = "id") -> str:
    """A score's components (nilai, bobot, weighted value), deductions, aspects and result.

    Weights are shown at their real precision (9,7, not 10); each deduction
    has its row, where the scheme subtracts it, between Nilai Total and
    Nilai Akhir.
    """
    lang = check_lang(lang)
    head = "".join(f"<th>{_e(_card(h, lang))}</th>"
                   for h in ("component", "nilai", "weight", "weighted"))
    body = []
    for component in result.components.values():
        if component.status == "not_applicable":
            na = label(NOT_APPLICABLE, lang)
            cells = [_e(component.name), na, _exact(component.weight, lang), na]
        else:
            nilai = _score(component.nilai, lang)
            if component.status == "missing_as_zero":
                nilai += " (" + _card("missing_as_zero", lang) + ")"
            cells = [_e(component.name), _e(nilai), _exact(component.weight, lang),
                     _score(component.weighted, lang)]
        body.append("<tr><td>" + cells[0] + "</td>" + "".join(
            f"<td style='text-align:right'>{c}</td>" for c in cells[1:]) + "</tr>")
    summary = [(_card("total", lang), _score(result.total, lang))]
    deductions = {d.key: d for d in result.scheme.deductions}
    for key, points in result.deductions.items():
        if deductions[key].order == "before_division":
            summary.append((_card("deduction", lang, name=deductions[key].name),
                            "−" + _exact(points, lang)))
    summary.append((_card("weight_base", lang), _score(result.weight_base, lang)))
    after = [(k, p) for k, p in result.deductions.items()
             if deductions[k].order == "after_division"]
    if after:
        summary.append((_card("before_deductions", lang),
                        _score(result.before_deductions, lang)))
        summary += [(_card("deduction", lang, name=deductions[k].name), "−" + _exact(p, lang))
                    for k, p in after]
    summary.append((_card("final", lang), _score(result.final, lang)))
    summary += [(_card("aspect", lang, name=name), _score(value, lang))
                for name, value in result.aspects.items()]
    if result.category is not None:
        summary.append((_card("category", lang), _e(result.category)))
    return (f"<table {_STYLE}><caption>{_e(result.scheme.label)}</caption><thead><tr>{head}"
            f"</tr></thead><tbody>{''.join(body)}</tbody></table>"
            f"<table {_STYLE}>{_rows(summary)}</table>")


def _finding_words(finding: Finding, lang: Lang) -> str:
    return _card("finding", lang, location=_e(finding.location),
                 subject=_e(finding.subject_text(lang)),
                 printed=f"<code>{_e(finding.printed_text(lang))}</code>",
                 expected=f"<code>{_e(finding.expected_text(lang))}</code>")


@html_of.register
def finding_html(finding: Finding, lang: Lang = "id") -> str:
    """One finding, coloured by severity, every word in *lang*."""
    lang = check_lang(lang)
    colour = _SEVERITY_COLOUR[finding.severity.value]
    source = text("audit.source", lang, source=finding.source_text(lang))
    return (f"<div><span style='color:{colour};font-weight:bold'>"
            f"{_e(finding.severity.label(lang))}</span> [{_e(finding.rule_name(lang))}] "
            f"{_finding_words(finding, lang)} {_e(finding.message(lang))} "
            f"<span style='font-size:0.8em'>({_e(source)})</span></div>")


@html_of.register
def audit_html(result: AuditResult, lang: Lang = "id") -> str:
    """The audit summary and a table of findings, every word in *lang*."""
    lang = check_lang(lang)
    columns = ("severity_name", "rule_name", "location", "subject", "printed",
               "expected_text", "message", "source")
    head = "".join(f"<th>{_e(text(f'audit.column.{c}', lang))}</th>" for c in columns)
    rows = []
    for f in result.findings:
        row = f.as_dict(lang)
        colour = _SEVERITY_COLOUR[f.severity.value]
        cells = [f"<span style='color:{colour}'>{_e(row['severity_name'])}</span>",
                 *(_e(row[c]) for c in columns[1:4]),
                 f"<code>{_e(f.printed_text(lang))}</code>",
                 f"<code>{_e(row['expected_text'])}</code>", _e(row["message"]),
                 f"<span style='font-size:0.8em'>{_e(row['source'])}</span>"]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return (f"<p><b>{_e(result.summary(lang))}</b></p><table {_STYLE}><thead><tr>{head}"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")


@html_of.register
def table_html(table: Table, lang: Lang = "id") -> str:
    """A table, in Indonesian unless *lang* says otherwise."""
    return table.to_html(check_lang(lang))


def to_html(value: Any, lang: Lang = "id") -> str:
    """The notebook card of a kinerja object in *lang*: what ``_repr_html_`` shows, in Indonesian.

    Examples
    --------
    >>> import kinerja
    >>> card = kinerja.outputs.to_html(kinerja.example_report().assess("IKK-1.1"), "en")
    >>> "Achievement (capped at 120 %)" in card, "124.84%" in card
    (True, True)
    """
    lang = check_lang(lang)
    renderer = html_of.dispatch(type(value))
    if renderer is html_of.dispatch(object):
        return html_of(value)  # no card for this type: the hook's error says so
    card: str = renderer(value, lang)
    return card
