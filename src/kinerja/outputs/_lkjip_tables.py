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
from kinerja.core._sentinels import NOT_APPLICABLE, NotApplicable, NotStated
from kinerja.indicators._assessment import AchievementResult, Status
from kinerja.indicators._figures import Realization, Target
from kinerja.indicators._indicator import Indicator
from kinerja.outputs._table import Column, Quantity, Table
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

_INDICATOR = Column(key="indicator", id="Indikator", en="Indicator")
_TARGET = Column(key="target", id="Target", en="Target", kind="quantity")
_REALIZATION = Column(key="realization", id="Realisasi", en="Realization", kind="quantity")


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


def _status(result: AchievementResult | None) -> str:
    return (result.status if result is not None else Status.MISSING).indonesian


def _capaian_columns(report: Report, suffix: str = "") -> list[Column]:
    raw = Column(key=f"raw{suffix}", id=f"Capaian{suffix} (%)", en=f"Achievement{suffix} (%)",
                 kind="percent")
    if report.policy.cap is None:
        return [raw]
    upper = report.policy.cap.upper
    return [raw, Column(key=f"capped{suffix}", id=f"Konversi {upper}%{suffix} (%)",
                        en=f"Capped at {upper}%{suffix} (%)", kind="percent")]


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
    columns = [Column(key="code", id="Kode", en="Code"), _INDICATOR, _TARGET, _REALIZATION,
               *_capaian_columns(report), Column(key="status", id="Status", en="Status")]
    return Table(key="overview", title_id=f"Capaian Kinerja Tahun {year}",
                 title_en=f"Performance achievement {year}", columns=columns, rows=rows)


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
    return Table(
        key=f"{code}.target",
        title_id=f"Target, Realisasi dan Capaian {record.indicator.name} Tahun {year}",
        title_en=f"Target, realization and achievement: {record.indicator.name}, {year}",
        columns=[_INDICATOR, _TARGET, _REALIZATION, *_capaian_columns(report)], rows=[row],
        notes=[result.explain()] if result.raw is not None else [],
    )


def comparison_table(report: Report, code: str) -> Table:
    """One indicator's target, realization and achievement per year, and the change (comparison 2).

    Examples
    --------
    >>> import kinerja
    >>> table = comparison_table(kinerja.example_report(), "IKK-1.2")
    >>> [c.id for c in table.columns][:4]
    ['Indikator', 'Target 2022', 'Realisasi 2022', 'Capaian 2022 (%)']
    >>> table.rows[0]["change"]
    'menurun'
    """
    record = report.indicator(code)
    rows = report.history(code)
    row: dict[str, Any] = {"indicator": record.indicator.name}
    columns = [_INDICATOR]
    for figures in rows:
        y = figures.year
        columns += [
            Column(key=f"target{y}", id=f"Target {y}", en=f"Target {y}", kind="quantity"),
            Column(key=f"realization{y}", id=f"Realisasi {y}", en=f"Realization {y}",
                   kind="quantity"),
            *_capaian_columns(report, f" {y}"),
        ]
        cells = _achievement_cells(figures.result)
        row |= {f"target{y}": _target_cell(record.indicator, figures.target),
                f"realization{y}": _realization_cell(record.indicator, figures.realization),
                f"raw {y}": cells["raw"], f"capped {y}": cells["capped"]}
    last = rows[-1].change if rows else None
    columns.append(Column(key="change", id="Perubahan", en="Change"))
    row["change"] = last.indonesian if last is not None else None
    return Table(
        key=f"{code}.years",
        title_id=f"Perbandingan Realisasi dan Capaian Kinerja {record.indicator.name}",
        title_en=f"Realization and achievement over the years: {record.indicator.name}",
        columns=columns, rows=[row],
    )


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
        columns.append(Column(key=f"plan{y}", id=f"Target {y}", en=f"Target {y}",
                              kind="quantity"))
        row[f"plan{y}"] = _target_cell(record.indicator, target)
    final_year = record.plan.final_year
    year = report.year
    columns += [
        Column(key="realization", id=f"Realisasi {year}", en=f"Realization {year}",
               kind="quantity"),
        Column(key="year", id=f"Capaian thd Target {year}",
               en=f"Achievement against the {year} target", kind="percent"),
        Column(key="final", id=f"Capaian thd Target Akhir ({final_year})",
               en=f"Achievement against the final target ({final_year})", kind="percent"),
        Column(key="on_track", id="Sesuai Rencana", en="On track"),
    ]
    row |= {
        "realization": _realization_cell(record.indicator, plan_progress.realization),
        "year": plan_progress.achievement_year,
        "final": plan_progress.achievement_final,
        "on_track": None if plan_progress.on_track is None else
        ("ya" if plan_progress.on_track else "tidak"),
    }
    return Table(
        key=f"{code}.plan",
        title_id="Perbandingan Realisasi Kinerja dengan Target Jangka Menengah "
        + record.indicator.name,
        title_en=f"Realization against the medium-term targets: {record.indicator.name}",
        columns=columns, rows=[row],
        notes=[f"Sumber: {record.plan.source}"] if record.plan.source else [],
    )


def _budget_columns(label_id: str, label_en: str) -> list[Column]:
    return [
        Column(key="label", id=label_id, en=label_en),
        Column(key="pagu", id="Pagu (Rp)", en="Ceiling (Rp)", kind="rupiah"),
        Column(key="realization", id="Realisasi (Rp)", en="Spending (Rp)", kind="rupiah"),
        Column(key="remainder", id="Sisa (Rp)", en="Remainder (Rp)", kind="rupiah"),
        Column(key="absorption", id="Capaian (%)", en="Absorption (%)", kind="percent"),
    ]


def _budget_row(label: str, amounts: Any, **extra: Any) -> dict[str, Any]:
    return {"label": label, "pagu": amounts.pagu, "realization": amounts.realization,
            "remainder": amounts.remainder, "absorption": amounts.absorption, **extra}


def budget_type_table(report: Report) -> Table | None:
    """Spending per type for every year of the spending-type breakdown (like Tabel 3.22).

    Examples
    --------
    >>> import kinerja
    >>> table = budget_type_table(kinerja.example_report())
    >>> [(r["year"], r["label"], r["remainder"]) for r in table.rows][:4]
    [(2022, 'Belanja Pegawai', 170260), (2022, 'Belanja Barang', 1805816), \
(2022, 'Belanja Modal', 120000), (2022, 'Total', 2096076)]
    """
    if "spending_type" not in report.budget:
        return None
    lines = report.budget["spending_type"]
    rows = []
    for year in sorted({line.year for line in lines}):
        year_lines = [line for line in lines if line.year == year]
        for (kind,), group in totals(year_lines, "spending_type").items():
            rows.append(_budget_row(kind.indonesian, group, year=year))
        rows.append(_budget_row("Total", total(year_lines), year=year))
    years = sorted({line.year for line in lines})
    span = f"{years[0]} dan {years[-1]}" if len(years) > 1 else str(years[0])
    return Table(
        key="budget.spending_type",
        title_id=f"Perbandingan Realisasi Anggaran {report.satker.name} Tahun {span}",
        title_en=f"Budget realization by spending type, {span.replace('dan', 'and')}",
        columns=[Column(key="year", id="Tahun", en="Year", kind="text"),
                 *_budget_columns("Jenis Belanja", "Spending type")],
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
    rows.append(_budget_row("Total", total(lines)))
    return Table(
        key="budget.activity",
        title_id=f"Realisasi Anggaran Berdasarkan Sasaran Kegiatan Tahun {year}",
        title_en=f"Budget realization by activity, {year}",
        columns=_budget_columns("Sasaran Kegiatan", "Activity"), rows=rows,
    )


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
