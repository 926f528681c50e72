"""The tables of an LKjIP's chapter III, built from a :class:`~kinerja.Report`.

For every indicator, the three comparisons of PermenPAN-RB 53/2014 (outline
of chapter III): target and realization this year; this year against earlier
years; realization against the medium-term (Renstra) targets.  For the
budget: spending per type over two years (the reference report's Tabel 3.22)
and per activity (Tabel 3.23).
"""

from __future__ import annotations

from typing import Any

from kinerja.budget._lines import BudgetLine
from kinerja.budget._totals import total, totals
from kinerja.core._input import to_year
from kinerja.core._l10n import Phrase, text
from kinerja.core._options import LANGS
from kinerja.core._sentinels import NOT_APPLICABLE, NotApplicable, NotStated
from kinerja.indicators._assessment import AchievementResult, Status
from kinerja.indicators._figures import Realization, Target
from kinerja.indicators._indicator import Indicator
from kinerja.outputs._table import Column, Kind, Quantity, Table
from kinerja.report._model import Report

__all__ = [
    "budget_activity_table",
    "budget_type_table",
    "chapter_three",
    "comparison_table",
    "overview_table",
    "plan_table",
    "target_table",
]



def _column(heading: str, kind: Kind = "text", *, key: str | None = None, **params: Any
            ) -> Column:
    """A column whose headings are the catalogs' ``column.<heading>`` in both languages."""
    return Column(key=key or heading, id=text(f"column.{heading}", "id", **params),
                  en=text(f"column.{heading}", "en", **params), kind=kind)


def _titles(table: str, /, **params: Any) -> dict[str, str]:
    """The title of a table in both languages, from the catalogs' ``table.<table>``."""
    return {"title_id": text(f"table.{table}", "id", **params),
            "title_en": text(f"table.{table}", "en", **params)}


_INDICATOR = _column("indicator")
_TARGET = _column("target", "quantity")
_REALIZATION = _column("realization", "quantity")


def _target_cell(indicator: Indicator, target: Target | NotApplicable | NotStated) -> Any:
    if isinstance(target, NotApplicable | NotStated):
        return target
    low, high = target.bounds
    return Quantity(value=low, high=high if high != low else None, unit=indicator.unit)


def _realization_cell(indicator: Indicator, realization: Realization | None) -> Any:
    if realization is None or realization.value is None:
        return None
    return Quantity(value=realization.value, unit=indicator.unit,
                    places=2 if realization.has_counts else None)


def _achievement_cells(result: AchievementResult | None) -> dict[str, Any]:
    if result is None or result.status is Status.MISSING:
        return {"raw": None, "capped": None, "status": _status(result)}
    if result.status is Status.NOT_APPLICABLE:
        return {"raw": NOT_APPLICABLE, "capped": NOT_APPLICABLE, "status": _status(result)}
    return {"raw": result.raw, "capped": result.capped, "status": _status(result)}


def _status(result: AchievementResult | None) -> Status:
    return result.status if result is not None else Status.MISSING


def _capaian_columns(report: Report, suffix: str = "") -> list[Column]:
    raw = _column("raw", "percent", key=f"raw{suffix}", suffix=suffix)
    if report.policy.cap is None:
        return [raw]
    return [raw, _column("capped", "percent", key=f"capped{suffix}", suffix=suffix,
                         upper=report.policy.cap.upper)]


def overview_table(report: Report, year: int | None = None) -> Table:
    """Every indicator's target, realization and achievement in one table (like Tabel 3.1).

    Examples
    --------
    >>> import kinerja
    >>> table = overview_table(kinerja.example_report())
    >>> row = table.rows[8]
    >>> row["code"], kinerja.round_half_up(row["raw"])
    ('IKK-1.3', Decimal('252.10'))
    """
    year = report.year if year is None else to_year(year)
    rows = []
    for record in report.indicators:
        result = report.assess(record.code, year)
        rows.append({
            "code": record.code, "indicator": record.indicator.name,
            "target": _target_cell(record.indicator, record.target(year)),
            "realization": _realization_cell(record.indicator,
                                             record.realizations.get(year)),
            **_achievement_cells(result),
        })
    columns = [_column("code"), _INDICATOR, _TARGET, _REALIZATION,
               *_capaian_columns(report), _column("status")]
    return Table(key="overview", **_titles("overview", year=year), columns=columns, rows=rows)


def target_table(report: Report, code: str, year: int | None = None) -> Table:
    """Target, realization and achievement of one indicator this year (comparison 1).

    Examples
    --------
    >>> import kinerja
    >>> target_table(kinerja.example_report(), "IKK-1.2").text_rows()[0][1:]
    ['55%', '65,96%', '80,08', '80,08']
    """
    year = report.year if year is None else to_year(year)
    record = report.indicator(code)
    result = report.assess(code, year)
    row = {"indicator": record.indicator.name,
           "target": _target_cell(record.indicator, record.target(year)),
           "realization": _realization_cell(record.indicator, record.realizations.get(year)),
           **_achievement_cells(result)}
    explained = result.raw is not None
    return Table(
        key=f"{code}.target", **_titles("target", name=record.indicator.name, year=year),
        columns=[_INDICATOR, _TARGET, _REALIZATION, *_capaian_columns(report)], rows=[row],
        notes_id=[result.explain("id")] if explained else [],
        notes_en=[result.explain("en")] if explained else [],
    )


def comparison_table(report: Report, code: str) -> Table:
    """One indicator's target, realization and achievement per year, and the change (comparison 2).

    Examples
    --------
    >>> import kinerja
    >>> table = comparison_table(kinerja.example_report(), "IKK-1.2")
    >>> [c.id for c in table.columns][:4]
    ['Indikator', 'Target 2022', 'Realisasi 2022', 'Capaian 2022 (%)']
    >>> table.rows[0]["change"], table.text_rows("id")[0][-1], table.text_rows("en")[0][-1]
    (<Direction.WORSENED: 'worsened'>, 'menurun', 'worsened')
    """
    record = report.indicator(code)
    rows = report.history(code)
    row: dict[str, Any] = {"indicator": record.indicator.name}
    columns = [_INDICATOR]
    for figures in rows:
        y = figures.year
        columns += [
            _column("target_year", "quantity", key=f"target{y}", year=y),
            _column("realization_year", "quantity", key=f"realization{y}", year=y),
            *_capaian_columns(report, f" {y}"),
        ]
        cells = _achievement_cells(figures.result)
        row |= {f"target{y}": _target_cell(record.indicator, figures.target),
                f"realization{y}": _realization_cell(record.indicator, figures.realization),
                f"raw {y}": cells["raw"], f"capped {y}": cells["capped"]}
    last = rows[-1].change if rows else None
    columns.append(_column("change"))
    row["change"] = last
    return Table(key=f"{code}.years", **_titles("years", name=record.indicator.name),
                 columns=columns, rows=[row])


def plan_table(report: Report, code: str) -> Table | None:
    """Realization against the medium-term (Renstra) targets (comparison 3); None without a plan.

    Examples
    --------
    >>> import kinerja
    >>> table = plan_table(kinerja.example_report(), "IKK-1.1")
    >>> [c.id for c in table.columns][1:5]
    ['Target 2022', 'Target 2023', 'Target 2024', 'Target 2025']
    >>> kinerja.round_half_up(table.rows[0]["final"])
    Decimal('107.01')
    """
    record = report.indicator(code)
    plan_progress = report.progress(code)
    if record.plan is None or plan_progress is None:
        return None
    row: dict[str, Any] = {"indicator": record.indicator.name}
    columns = [_INDICATOR]
    for y, target in record.plan.targets.items():
        columns.append(_column("target_year", "quantity", key=f"plan{y}", year=y))
        row[f"plan{y}"] = _target_cell(record.indicator, target)
    final_year = record.plan.final_year
    year = report.year
    columns += [
        _column("realization_year", "quantity", key="realization", year=year),
        _column("achievement_year", "percent", key="year", year=year),
        _column("achievement_final", "percent", key="final", year=final_year),
        _column("on_track"),
    ]
    row |= {
        "realization": _realization_cell(record.indicator, plan_progress.realization),
        "year": plan_progress.achievement_year,
        "final": plan_progress.achievement_final,
        "on_track": plan_progress.on_track,
    }
    source = record.plan.source
    return Table(
        key=f"{code}.plan", **_titles("plan", name=record.indicator.name),
        columns=columns, rows=[row],
        notes_id=[text("table.plan_source", "id", source=source)] if source else [],
        notes_en=[text("table.plan_source", "en", source=source)] if source else [],
    )


def _budget_columns(label: str) -> list[Column]:
    return [
        _column(label, key="label"),
        _column("pagu", "rupiah"),
        _column("spending", "rupiah", key="realization"),
        _column("remainder", "rupiah"),
        _column("absorption", "percent"),
    ]


def _budget_row(label: Any, amounts: Any, **extra: Any) -> dict[str, Any]:
    return {"label": label, "pagu": amounts.pagu, "realization": amounts.realization,
            "remainder": amounts.remainder, "absorption": amounts.absorption, **extra}


def budget_type_table(report: Report) -> Table | None:
    """Spending per type for every year of the spending-type breakdown (like Tabel 3.22).

    The labels are the spending types (written in the output's language) and
    "Total".

    Examples
    --------
    >>> import kinerja
    >>> table = budget_type_table(kinerja.example_report())
    >>> [(r["year"], r["label"], r["remainder"]) for r in table.rows][:2]
    [(2022, <SpendingType.PEGAWAI: '51'>, 170260), (2022, <SpendingType.BARANG: '52'>, 1805816)]
    >>> [row[:3] for row in table.text_rows("en")][2:4]
    [['2022', 'Capital spending', '100,000,000'], ['2022', 'Total', '4,882,641,000']]
    """
    if "spending_type" not in report.budget:
        return None
    lines = report.budget["spending_type"]
    rows = []
    for year in sorted({line.year for line in lines}):
        year_lines = [line for line in lines if line.year == year]
        for (kind,), group in totals(year_lines, "spending_type").items():
            rows.append(_budget_row(kind, group, year=year))
        rows.append(_budget_row(Phrase("word.total"), total(year_lines), year=year))
    years = sorted({line.year for line in lines})
    spans = {lang: text("word.span", lang, first=years[0], last=years[-1])
             if len(years) > 1 else str(years[0]) for lang in LANGS}
    name = report.satker.name
    return Table(
        key="budget.spending_type",
        title_id=text("table.budget_type", "id", name=name, span=spans["id"]),
        title_en=text("table.budget_type", "en", name=name, span=spans["en"]),
        columns=[_column("year"), *_budget_columns("spending_type")],
        rows=rows,
    )


def budget_activity_table(report: Report, year: int | None = None) -> Table | None:
    """Spending per activity in one year (like Tabel 3.23), with a total row.

    Examples
    --------
    >>> import kinerja
    >>> [row[-1] for row in budget_activity_table(kinerja.example_report()).text_rows()]
    ['99,98', '99,99', '99,98']
    """
    if "activity" not in report.budget:
        return None
    year = report.year if year is None else to_year(year)
    lines: list[BudgetLine] = list(report.budget_lines("activity", year))
    rows = [_budget_row(str(key[0]), group) for key, group in totals(lines, "activity").items()]
    rows.append(_budget_row(Phrase("word.total"), total(lines)))
    return Table(key="budget.activity", **_titles("budget_activity", year=year),
                 columns=_budget_columns("activity"), rows=rows)


def chapter_three(report: Report) -> list[Table]:
    """Every table of chapter III: the overview, three per indicator, the budget tables.

    Examples
    --------
    >>> import kinerja
    >>> [t.key for t in chapter_three(kinerja.example_report())][:4]
    ['overview', 'IKU-1.target', 'IKU-1.years', 'IKU-2.target']
    """
    tables = [overview_table(report)]
    for record in report.indicators:
        if isinstance(record.target(report.year), NotApplicable):
            continue
        tables.append(target_table(report, record.code))
        if len(record.targets) + len(record.realizations) > 2 or len(record.targets) > 1:
            tables.append(comparison_table(report, record.code))
        plan = plan_table(report, record.code)
        if plan is not None:
            tables.append(plan)
    tables += [t for t in (budget_type_table(report), budget_activity_table(report))
               if t is not None]
    return tables
