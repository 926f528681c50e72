"""The charts of :mod:`kinerja.plot` (the public module, which says how to use them).

Each function draws on a Matplotlib ``Axes`` (a new figure, with constrained
layout, when none is given) and returns it; Matplotlib is imported, through
``optional_import``, only when a chart is drawn.  Every chart writes its
values on the marks, in the notation of its language (``99,96%``), and its
axis ticks in that notation too; legends stand outside the plot, clear of the
data; a selection with nothing to draw is an error that says what to choose.
Every word comes from the catalogs (:mod:`kinerja.core._l10n`, section
``chart``).  Docs pages *Analysts (notebooks)*, section "Charts", and *Output
languages*.
"""

from __future__ import annotations

import textwrap
import warnings
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kinerja.budget._totals import totals
from kinerja.core._extras import optional_import
from kinerja.core._input import to_year
from kinerja.core._l10n import label, text
from kinerja.core._notation import format_number, format_percent, format_significant
from kinerja.core._options import Lang, check_lang
from kinerja.core._rounding import significant_places
from kinerja.core._sentinels import NotApplicable, NotStated
from kinerja.exceptions import InvalidValueError
from kinerja.indicators._figures import Target
from kinerja.outputs._table import Quantity
from kinerja.report._model import Report
from kinerja.schemes._scoring import ScoreResult

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["absorption", "absorptions", "achievements", "ikpa", "trajectory"]

#: Colours: met / not met, and one per year (colour-blind safe, Okabe–Ito).
_MET, _NOT_MET = "#009E73", "#D55E00"
_YEARS = ("#0072B2", "#E69F00", "#CC79A7", "#56B4E9", "#009E73")
_FONT = 8


def _axes(ax: Axes | None, height: float = 4.5) -> Axes:
    """*ax*, or the axes of a new figure whose constrained layout keeps every label inside."""
    if ax is not None:
        return ax
    plt = optional_import("matplotlib.pyplot", extra="plot", feature="plot")
    figure, new = plt.subplots(figsize=(8, height), layout="constrained")
    figure._kinerja_chart = True  # one chart of kinerja's: its legend may use the figure
    result: Axes = new
    return result


def _word(key: str, lang: Lang, **params: Any) -> str:
    return text(f"chart.{key}", lang, **params)


def _places(value: float) -> int:
    """The decimals a tick value needs (at most 6)."""
    return significant_places(Decimal(repr(round(float(value), 6))))


def _notation_ticks(axis: Any, lang: Lang) -> None:
    """Write an axis' tick labels in the notation of *lang*, all with the same decimals."""
    ticker = optional_import("matplotlib.ticker", extra="plot", feature="plot")

    class NotationFormatter(ticker.Formatter):  # type: ignore[misc,name-defined]
        def __call__(self, x: float, pos: int | None = None) -> str:
            return format_number(x, _places(x), notation=lang)

        def format_ticks(self, values: Any) -> list[str]:
            places = max((_places(v) for v in values), default=0)
            return [format_number(v, places, notation=lang) for v in values]

    axis.set_major_formatter(NotationFormatter())


def _legend_beside(ax: Axes, handles: list[Any] | None = None) -> None:
    """The legend outside the plot, where it hides no data.

    On a figure kinerja made (one chart, constrained layout) it is the
    figure's legend, placed "outside" below the chart so that the layout
    makes room for it; on the caller's axes it is the axes' legend, anchored
    to their right.
    """
    found, labels = ax.get_legend_handles_labels()
    handles = found if handles is None else handles
    labels = [h.get_label() for h in handles]
    figure = ax.get_figure()
    if figure is not None and getattr(figure, "_kinerja_chart", False):
        figure.legend(handles, labels, loc="outside lower center", fontsize=_FONT,
                      frameon=False, ncols=min(len(handles), 5))
    else:
        ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  fontsize=_FONT, frameon=False, borderaxespad=0.0)


def _wrapped(title: str, width: int = 70) -> str:
    """A long title broken into lines of at most *width* characters."""
    return textwrap.fill(title, width)


def trajectory(report: Report, code: str, *, ax: Axes | None = None, lang: Lang = "id") -> Axes:
    """Target and realization across the years, with the medium-term (Renstra) trajectory.

    Draws up to three lines: the plan's targets (dashed), the agreed targets
    and the realizations, each realization labelled with its value in the
    indicator's unit; missing realizations are left out, never drawn as 0.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import kinerja, kinerja.plot
    >>> ax = kinerja.plot.trajectory(kinerja.example_report(), "IKK-1.2")
    >>> [line.get_label() for line in ax.get_lines()]
    ['Target jangka menengah', 'Target (PK)', 'Realisasi']
    >>> [t.get_text() for t in ax.texts]
    ['50%', '65,96%']
    """
    lang = check_lang(lang)
    record = report.indicator(code)
    unit = record.indicator.unit
    agreed = {y: t for y, t in record.targets.items() if isinstance(t, Target)}
    reported = {y: r.value for y, r in record.realizations.items() if r.value is not None}
    plan = dict(record.plan.targets) if record.plan is not None else {}
    if not (agreed or reported or plan):
        raise InvalidValueError(f"{code} has no target and no realization to draw",
                                field="code", value=code,
                                fix="give the indicator targets or realizations first")
    ax = _axes(ax)
    if plan:
        ax.plot(list(plan), [float(t.bounds[0]) for t in plan.values()], "--",
                color="grey", marker="o", label=_word("plan", lang))
    ax.plot(list(agreed), [float(t.bounds[0]) for t in agreed.values()], marker="s",
            color=_YEARS[0], label=_word("target", lang))
    ax.plot(list(reported), [float(v) for v in reported.values()], marker="o",
            color=_YEARS[1], linewidth=2, label=_word("realization", lang))
    for year, value in reported.items():
        ax.annotate(Quantity(value=value, unit=unit, places=None).format(lang),
                    (year, float(value)), textcoords="offset points", xytext=(0, 7),
                    ha="center", fontsize=_FONT, color=_YEARS[1])
    ax.set_title(_wrapped(f"{record.code} {record.indicator.name}"), fontsize=9)
    ax.set_xlabel(_word("year", lang))
    ax.set_ylabel(f"{_word('realization', lang)} ({unit})")
    ax.set_xticks(sorted(set(agreed) | set(reported) | set(plan)))
    ax.margins(y=0.15)
    _notation_ticks(ax.yaxis, lang)
    _legend_beside(ax)
    return ax


def _years_with_achievements(report: Report) -> list[int]:
    return [y for y in report.years() if any(r.raw is not None for r in report.results(y))]


def achievements(report: Report, *, year: int | None = None, ax: Axes | None = None,
                 lang: Lang = "id", raw: bool = False) -> Axes:
    """Achievement per indicator as horizontal bars, with the 100 % line and the cap.

    Each bar is labelled with its value (``120,00%``) and coloured by status
    (met, not met).  Indicators without an achievement (missing realization,
    no target) get no bar; a year in which no indicator has one is an error
    that names the years that have.  The bars show the reported (capped)
    figure unless ``raw=True``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import kinerja, kinerja.plot
    >>> ax = kinerja.plot.achievements(kinerja.example_report())
    >>> len(ax.patches), ax.get_xlabel()
    (7, 'Capaian (%)')
    >>> [t.get_text() for t in ax.texts][:2]
    ['120,00%', '80,08%']
    """
    lang = check_lang(lang)
    year = report.year if year is None else to_year(year)
    results = [r for r in report.results(year) if r.raw is not None]
    if not results:
        years = _years_with_achievements(report)
        raise InvalidValueError(
            f"no indicator has an achievement in {year}", field="year", value=year,
            fix="choose a year with targets and realizations: "
            + (", ".join(map(str, years)) or "none in this report"))
    values = [r.raw if raw else r.capped for r in results]
    ax = _axes(ax, height=max(3.0, 1.2 + 0.4 * len(results)))
    codes = [r.indicator.code for r in results]
    met = [r.status.value == "met" for r in results]
    bars = ax.barh(codes, [float(v) for v in values],  # type: ignore[arg-type]
                   color=[_MET if m else _NOT_MET for m in met])
    ax.bar_label(bars, labels=[format_percent(v, 2, notation=lang) for v in values],
                 padding=3, fontsize=_FONT)
    ax.axvline(100, color="black", linewidth=1, label=_word("full", lang))
    cap = report.policy.cap
    lines = [100.0]
    if cap is not None and not raw:
        lines.append(float(cap.upper))
        ax.axvline(float(cap.upper), color="grey", linestyle="--",
                   label=_word("cap", lang, cap=cap.upper))
    patches = optional_import("matplotlib.patches", extra="plot", feature="plot")
    handles = ax.get_legend_handles_labels()[0] + [
        patches.Patch(color=colour, label=text(f"status.{status}", lang))
        for colour, status in ((_MET, "met"), (_NOT_MET, "not_met")) if (colour == _MET) in met]
    widest = max(max(float(v) for v in values), *lines)  # type: ignore[arg-type]
    ax.set_xlim(0, widest * 1.18)  # room for the value labels
    ax.invert_yaxis()
    ax.set_xlabel(_word("achievement", lang))
    ax.set_title(_word("achievements", lang, year=year))
    _notation_ticks(ax.xaxis, lang)
    _legend_beside(ax, handles)
    return ax


def _zoom(values: list[float]) -> tuple[float, float]:
    """Limits that show the differences between *values* (and 100), with room for labels."""
    low, high = min(*values, 100.0), max(*values, 100.0)
    span = max(high - low, 0.05)
    return low - 0.35 * span, high + 0.35 * span


def absorptions(report: Report, *, ax: Axes | None = None, lang: Lang = "id") -> Axes:
    """Budget absorption by spending type and year, as a dot plot on a zoomed axis.

    Absorptions cluster near 100 %: on a 0–100 axis every difference
    disappears.  Each spending type is a row with one dot per year, labelled
    with its value (``99,96%``); the axis spans the values (and 100 %), not
    0–100, and its label says so.  A spending type with a pagu of 0 has no
    absorption: its row says "t/a" for that year instead of a dot.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import kinerja, kinerja.plot
    >>> ax = kinerja.plot.absorptions(kinerja.example_report())
    >>> [line.get_label() for line in ax.get_lines()][:2]
    ['2022', '2023']
    >>> [t.get_text() for t in ax.texts][:3]
    ['99,99%', '99,91%', '99,88%']
    """
    lang = check_lang(lang)
    if "spending_type" not in report.budget or not report.budget["spending_type"]:
        raise InvalidValueError("the report has no spending-type breakdown",
                                field="budget.spending_type",
                                fix="add the budget lines by spending type")
    lines = report.budget["spending_type"]
    years = sorted({line.year for line in lines})
    kinds = list(dict.fromkeys(line.spending_type for line in lines))
    ax = _axes(ax, height=max(3.0, 1.4 + 0.6 * len(kinds)))
    step = 0.5 / len(years)
    shown: list[float] = []
    gaps: list[tuple[float, int]] = []
    for i, year in enumerate(years):
        groups = totals([x for x in lines if x.year == year], "spending_type")
        xs, ys, values = [], [], []
        for j, kind in enumerate(kinds):
            group = groups.get((kind,))
            y = j + (i - (len(years) - 1) / 2) * step
            if group is None:
                continue
            if isinstance(group.absorption, NotStated):
                continue  # a total over a line whose amounts the document does not show
            if isinstance(group.absorption, NotApplicable):
                gaps.append((y, i))
                continue
            xs.append(float(group.absorption))
            ys.append(y)
            values.append(group.absorption)
        ax.plot(xs, ys, "o", color=_YEARS[i % len(_YEARS)], label=str(year), markersize=7)
        for x, y, value in zip(xs, ys, values, strict=True):
            ax.annotate(format_percent(value, 2, notation=lang), (x, y),
                        textcoords="offset points", xytext=(7, 0), va="center",
                        fontsize=_FONT, color=_YEARS[i % len(_YEARS)], zorder=3,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
        shown += xs
    if not shown:
        raise InvalidValueError("no spending type has a pagu: there is no absorption to draw",
                                field="budget.spending_type", fix="check the pagu of the lines")
    low, high = _zoom(shown)
    ax.set_xlim(low, high)
    for y, i in gaps:
        ax.annotate(_word("no_pagu", lang, na=label(NotApplicable.NOT_APPLICABLE, lang)),
                    (low, y), textcoords="offset points", xytext=(4, 0), va="center",
                    fontsize=_FONT, color=_YEARS[i % len(_YEARS)], style="italic")
    ax.axvline(100, color="black", linewidth=1, zorder=1)
    ax.annotate("100%", (100, 0), xycoords=("data", "axes fraction"), xytext=(3, 3),
                textcoords="offset points", fontsize=_FONT)
    ax.set_yticks(range(len(kinds)))
    ax.set_yticklabels([label(k, lang) if k is not None else "–" for k in kinds],
                       fontsize=_FONT)
    ax.set_ylim(len(kinds) - 0.5, -0.5)
    ax.grid(axis="x", color="0.9")
    ax.set_xlabel(_word("absorption", lang))
    ax.set_title(_word("budget", lang))
    ax.xaxis.set_major_locator(_locator(5))
    _notation_ticks(ax.xaxis, lang)
    _legend_beside(ax)
    return ax


def _locator(count: int) -> Any:
    ticker = optional_import("matplotlib.ticker", extra="plot", feature="plot")
    return ticker.MaxNLocator(count)


def absorption(report: Report, *, ax: Axes | None = None, lang: Lang = "id") -> Axes:
    """Deprecated name of :func:`absorptions` (one dot per spending type and year)."""
    warnings.warn("kinerja.plot.absorption is deprecated: use kinerja.plot.absorptions",
                  DeprecationWarning, stacklevel=2)
    return absorptions(report, ax=ax, lang=lang)


def ikpa(result: ScoreResult, *, ax: Axes | None = None, lang: Lang = "id") -> Axes:
    """IKPA (or NKA) components: each component's nilai and its weighted value, as bars.

    One row per component, its name and its weight (at the weight's own
    precision: NKA's 9,7 %) on the axis; two bars, nilai and nilai × bobot /
    100, each labelled with its value.  Components that do not apply get no
    bars; deductions are named under the title.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import kinerja, kinerja.plot
    >>> ax = kinerja.plot.ikpa(kinerja.example_report().ikpa_score())
    >>> len([p for p in ax.patches if p.get_width() > 0]), ax.get_yticklabels()[1].get_text()
    (16, 'Deviasi Halaman III DIPA (10%)')
    >>> [t.get_text() for t in ax.texts][:2]
    ['100', '94,18']
    """
    lang = check_lang(lang)
    scored = [c for c in result.components.values() if c.nilai is not None]
    if not scored:
        raise InvalidValueError("no component of the score applies: nothing to draw",
                                field="result", fix="score at least one component")
    ax = _axes(ax, height=max(3.5, 1.6 + 0.55 * len(scored)))
    positions = range(len(scored))
    nilai = [c.nilai for c in scored]
    weighted = [c.weighted for c in scored]
    first = ax.barh([p - 0.2 for p in positions], [float(v) for v in nilai],  # type: ignore[arg-type]
                    height=0.4, color=_YEARS[0], label=_word("nilai", lang))
    second = ax.barh([p + 0.2 for p in positions],
                     [float(v) for v in weighted],  # type: ignore[arg-type]
                     height=0.4, color=_YEARS[1], label=_word("weighted", lang))
    for bars, values in ((first, nilai), (second, weighted)):
        shown = [format_significant(v, notation=lang, most=2) for v in values
                 if v is not None]
        ax.bar_label(bars, labels=shown, padding=3, fontsize=_FONT)
    ax.set_yticks(list(positions))
    ax.set_yticklabels([f"{c.name} ({_weight(c.weight, lang)})" for c in scored],
                       fontsize=_FONT)
    ax.invert_yaxis()
    ax.set_xlim(0, 100 * 1.15)
    ax.set_xlabel(_word("score", lang))
    final = format_number(result.presented, 2, notation=lang)
    title = _word("ikpa", lang, label=result.scheme.label, final=final)
    deducted = [(d.name, result.deductions[d.key]) for d in result.scheme.deductions
                if result.deductions.get(d.key)]
    if deducted:
        title += "\n" + "; ".join(_word("deduction", lang, name=name, points=points)
                                  for name, points in deducted)
    ax.set_title(title, fontsize=9)
    _notation_ticks(ax.xaxis, lang)
    _legend_beside(ax)
    return ax


def _weight(weight: Decimal, lang: Lang) -> str:
    """A weight at its own precision, in percent: ``10%``, ``9,7%``."""
    return format_percent(weight, significant_places(weight), notation=lang)
