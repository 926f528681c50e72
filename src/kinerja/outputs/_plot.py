"""The charts of :mod:`kinerja.plot` (the public module, which says how to use them).

Each function draws on a Matplotlib ``Axes`` (a new one when none is given)
and returns it; Matplotlib is imported, through ``optional_import``, only
when a chart is drawn.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from kinerja.budget._totals import totals
from kinerja.core._extras import optional_import
from kinerja.core._input import to_year
from kinerja.core._notation import format_number, format_plain
from kinerja.core._options import Lang, check_lang
from kinerja.core._sentinels import NotApplicable
from kinerja.exceptions import InvalidValueError
from kinerja.indicators._figures import Target
from kinerja.report._model import Report
from kinerja.schemes._scoring import ScoreResult

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["absorption", "absorptions", "achievements", "ikpa", "trajectory"]

_LABELS = {
    "id": {"year": "Tahun", "target": "Target (PK)", "plan": "Target jangka menengah",
           "realization": "Realisasi", "achievement": "Capaian (%)", "full": "100 %",
           "cap": "Konversi {cap} %", "absorption": "Penyerapan anggaran (%)",
           "achievements": "Capaian kinerja {year}", "budget": "Penyerapan anggaran per "
           "jenis belanja", "score": "Nilai", "weighted": "Nilai × bobot", "nilai": "Nilai",
           "ikpa": "{label}: nilai akhir {final}"},
    "en": {"year": "Year", "target": "Target (agreement)", "plan": "Medium-term target",
           "realization": "Realization", "achievement": "Achievement (%)", "full": "100 %",
           "cap": "Cap {cap} %", "absorption": "Budget absorption (%)",
           "achievements": "Performance achievement {year}", "budget": "Budget absorption "
           "by spending type", "score": "Score", "weighted": "Score × weight", "nilai": "Score",
           "ikpa": "{label}: final score {final}"},
}


def _axes(ax: Axes | None) -> Axes:
    if ax is not None:
        return ax
    plt = optional_import("matplotlib.pyplot", extra="plot", feature="plot")
    _, new = plt.subplots(figsize=(8, 4.5))
    result: Axes = new
    return result


def _labels(lang: str) -> dict[str, str]:
    return _LABELS[check_lang(lang)]


def trajectory(report: Report, code: str, *, ax: Axes | None = None, lang: Lang = "id") -> Axes:
    """Target and realization across the years, with the medium-term (Renstra) trajectory.

    Draws up to three lines: the plan's targets (dashed), the agreed targets
    and the realizations; missing realizations are left out, never drawn as 0.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import kinerja, kinerja.plot
    >>> ax = kinerja.plot.trajectory(kinerja.example_report(), "IKK-1.2")
    >>> [line.get_label() for line in ax.get_lines()]
    ['Target jangka menengah', 'Target (PK)', 'Realisasi']
    """
    labels = _labels(lang)
    record = report.indicator(code)
    ax = _axes(ax)
    if record.plan is not None:
        years = list(record.plan.targets)
        ax.plot(years, [float(t.bounds[0]) for t in record.plan.targets.values()], "--",
                color="grey", marker="o", label=labels["plan"])
    agreed = {y: t for y, t in record.targets.items() if isinstance(t, Target)}
    ax.plot(list(agreed), [float(t.bounds[0]) for t in agreed.values()], marker="s",
            color="tab:blue", label=labels["target"])
    reported = {y: r.value for y, r in record.realizations.items() if r.value is not None}
    ax.plot(list(reported), [float(v) for v in reported.values()], marker="o",
            color="tab:orange", linewidth=2, label=labels["realization"])
    ax.set_title(f"{record.code} {record.indicator.name}", fontsize=9)
    ax.set_xlabel(labels["year"])
    ax.set_ylabel(f"{labels['realization']} ({record.indicator.unit})")
    all_years = sorted(set(agreed) | set(reported) | set(record.plan.targets if record.plan
                                                         else ()))
    ax.set_xticks(all_years)
    ax.legend(fontsize=8)
    return ax


def achievements(report: Report, *, year: int | None = None, ax: Axes | None = None,
                 lang: Lang = "id", raw: bool = False) -> Axes:
    """Achievement per indicator as horizontal bars, with the 100 % line and the cap.

    Indicators without an achievement (missing realization, no target) get no
    bar.  The bars show the reported (capped) figure unless ``raw=True``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import kinerja, kinerja.plot
    >>> ax = kinerja.plot.achievements(kinerja.example_report())
    >>> len(ax.patches), ax.get_xlabel()
    (7, 'Capaian (%)')
    """
    labels = _labels(lang)
    year = report.year if year is None else to_year(year)
    results = [r for r in report.results(year) if r.raw is not None]
    ax = _axes(ax)
    values = [float(r.raw if raw else r.capped) for r in results]  # type: ignore[arg-type]
    codes = [r.indicator.code for r in results]
    colours = ["tab:green" if r.status.value == "met" else "tab:red" for r in results]
    ax.barh(codes, values, color=colours)
    ax.axvline(100, color="black", linewidth=1, label=labels["full"])
    if report.policy.cap is not None and not raw:
        cap = report.policy.cap.upper
        ax.axvline(float(cap), color="grey", linestyle="--",
                   label=labels["cap"].format(cap=cap))
    ax.invert_yaxis()
    ax.set_xlabel(labels["achievement"])
    ax.set_title(labels["achievements"].format(year=year))
    ax.legend(fontsize=8, loc="lower right")
    return ax


def absorptions(report: Report, *, ax: Axes | None = None, lang: Lang = "id") -> Axes:
    """Budget absorption by spending type and year, as grouped bars.

    Spending types with a pagu of 0 have no absorption and get no bar.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import kinerja, kinerja.plot
    >>> ax = kinerja.plot.absorptions(kinerja.example_report())
    >>> len(ax.patches), [t.get_text() for t in ax.get_legend().get_texts()]
    (5, ['2022', '2023'])
    """
    labels = _labels(lang)
    if "spending_type" not in report.budget:
        raise InvalidValueError("the report has no spending-type breakdown",
                                field="budget.spending_type", fix="add the budget lines")
    lines = report.budget["spending_type"]
    years = sorted({line.year for line in lines})
    kinds = list(dict.fromkeys(line.spending_type for line in lines))
    ax = _axes(ax)
    width = 0.8 / len(years)
    for i, year in enumerate(years):
        groups = totals([x for x in lines if x.year == year], "spending_type")
        xs, heights = [], []
        for j, kind in enumerate(kinds):
            group = groups.get((kind,))
            if group is None or isinstance(group.absorption, NotApplicable):
                continue
            xs.append(j + (i - (len(years) - 1) / 2) * width)
            heights.append(float(group.absorption))
        ax.bar(xs, heights, width=width, label=str(year))
    ax.set_xticks(range(len(kinds)))
    ax.set_xticklabels([k.indonesian if lang == "id" else k.english.capitalize()
                        for k in kinds if k is not None], fontsize=8)
    ax.set_ylabel(labels["absorption"])
    ax.set_ylim(0, 105)
    ax.set_title(labels["budget"])
    ax.legend(fontsize=8, loc="lower right")
    return ax


def absorption(report: Report, *, ax: Axes | None = None, lang: Lang = "id") -> Axes:
    """Deprecated name of :func:`absorptions` (one bar per spending type and year)."""
    warnings.warn("kinerja.plot.absorption is deprecated: use kinerja.plot.absorptions",
                  DeprecationWarning, stacklevel=2)
    return absorptions(report, ax=ax, lang=lang)


def ikpa(result: ScoreResult, *, ax: Axes | None = None, lang: Lang = "id") -> Axes:
    r"""IKPA components against their weights: each component's nilai and weighted value.

    Tick labels carry each component's weight; components that do not apply
    get no bars.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import kinerja, kinerja.plot
    >>> ax = kinerja.plot.ikpa(kinerja.example_report().ikpa_score())
    >>> len(ax.patches), ax.get_xticklabels()[1].get_text()
    (16, 'Deviasi Halaman III DIPA\n(10 %)')
    """
    labels = _labels(lang)
    ax = _axes(ax)
    scored = [c for c in result.components.values() if c.nilai is not None]
    positions = range(len(scored))
    ax.bar([p - 0.2 for p in positions], [float(c.nilai) for c in scored  # type: ignore[arg-type]
                                          ], width=0.4, label=labels["nilai"])
    ax.bar([p + 0.2 for p in positions],
           [float(c.weighted) for c in scored],  # type: ignore[arg-type]
           width=0.4, label=labels["weighted"])
    ax.set_xticks(list(positions))
    ax.set_xticklabels([f"{c.name}\n({format_plain(c.weight)} %)" for c in scored], fontsize=7,
                       rotation=30, ha="right")
    ax.set_ylabel(labels["score"])
    ax.set_ylim(0, 105)
    final = format_number(result.presented, 2, notation=lang)
    ax.set_title(labels["ikpa"].format(label=result.scheme.label, final=final), fontsize=9)
    ax.legend(fontsize=8, loc="lower right")
    return ax

