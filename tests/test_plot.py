"""Charts: rendered with the Agg backend and checked for what was drawn, and where."""

import re

import pytest

import kinerja

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import kinerja.plot  # noqa: E402

#: A number with a dot before one, two or four and more digits: English decimals.
DOT_DECIMAL = re.compile(r"\d\.(?:\d{1,2}|\d{4,})(?!\d)")
#: What is not a number: indicator codes (IKK-1.1) and regulation numbers (PMK.02).
CODES = re.compile(r"\b[A-Z]+-\d+(?:\.\d+)*|PMK\.\d+")
NKA_VALUES = {"penyerapan_anggaran": "95,53", "konsistensi": "99,61",
              "capaian_output": "99,72", "efisiensi": "59,98"}


@pytest.fixture(scope="module")
def report():
    return kinerja.example_report()


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    matplotlib.pyplot.close("all")


def _texts(ax):
    """Every piece of text drawn: labels on the marks, ticks, titles, legend entries."""
    ax.figure.canvas.draw()
    legends = [*ax.figure.legends, *([ax.get_legend()] if ax.get_legend() else [])]
    return ([t.get_text() for t in ax.texts] + [t.get_text() for t in ax.get_xticklabels()]
            + [t.get_text() for t in ax.get_yticklabels()]
            + [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
            + [t.get_text() for legend in legends for t in legend.get_texts()])


def _inside_figure(ax):
    """Whether everything drawn lies inside the figure (nothing clipped by a plain savefig).

    The axes' tight box holds what they draw: the marks' labels, the ticks' labels, the
    title and the axis labels; the figure's legend is checked beside it.
    """
    figure = ax.figure
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    box = figure.bbox
    extents = [ax.get_tightbbox(renderer),
               *(legend.get_window_extent(renderer) for legend in figure.legends)]
    return all(box.x0 - 1 <= e.x0 and e.x1 <= box.x1 + 1 and box.y0 - 1 <= e.y0
               and e.y1 <= box.y1 + 1 for e in extents)


def _legend_clear_of_the_data(ax):
    """Whether the legend lies outside the plotting area (so it hides no bar or point)."""
    figure = ax.figure
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    legend = figure.legends[0] if figure.legends else ax.get_legend()
    return not legend.get_window_extent(renderer).overlaps(ax.get_window_extent(renderer))


def test_trajectory_draws_plan_targets_and_realizations(report, tmp_path):
    """Three lines (plan, agreed targets, realizations) with the report's values, labelled."""
    ax = kinerja.plot.trajectory(report, "IKK-1.1")
    plan, agreed, real = ax.get_lines()
    assert list(plan.get_xdata()) == [2022, 2023, 2024, 2025]
    assert list(plan.get_ydata()) == [50.0, 60.0, 70.0, 70.0]
    assert list(agreed.get_ydata()) == [50.0, 60.0]
    assert real.get_ydata()[1] == pytest.approx(74.9058, abs=1e-4)
    assert [t.get_text() for t in ax.texts] == ["50%", "74,91%"]
    assert ax.get_xlabel() == "Tahun"
    assert ax.get_ylabel() == "Realisasi (%)"
    path = tmp_path / "trajectory.png"
    ax.figure.savefig(path)
    assert path.stat().st_size > 1000


def test_trajectory_leaves_missing_out(report):
    """A missing realization is not drawn (never as zero)."""
    ax = kinerja.plot.trajectory(report, "IKU-1")
    agreed, real = ax.get_lines()
    assert len(real.get_xdata()) == 0
    assert list(agreed.get_ydata()) == [45.0, 50.0]
    assert len(ax.texts) == 0


def test_achievements_bars_carry_their_values(report):
    """One bar per scored indicator, labelled with its capped value in Indonesian notation."""
    ax = kinerja.plot.achievements(report)
    widths = [round(p.get_width(), 2) for p in ax.patches]
    assert widths == [120.0, 80.08, 120.0, 100.0, 100.0, 100.0, 100.0]
    assert [t.get_text() for t in ax.texts] == ["120,00%", "80,08%", "120,00%", "100,00%",
                                                "100,00%", "100,00%", "100,00%"]
    assert [t.get_text() for t in ax.get_yticklabels()][:3] == ["IKK-1.1", "IKK-1.2",
                                                                "IKK-1.3"]
    vertical = sorted(line.get_xdata()[0] for line in ax.get_lines())
    assert vertical == [100, 120]
    assert ax.get_title() == "Capaian kinerja 2023"
    legend = [t.get_text() for t in ax.figure.legends[0].get_texts()]
    assert legend == ["100%", "Konversi 120%", "tercapai", "tidak tercapai"]


def test_achievements_raw_in_english(report):
    """raw=True draws the raw figure; in English the labels use English notation and words."""
    raw = kinerja.plot.achievements(report, raw=True, lang="en")
    assert round(raw.patches[2].get_width(), 2) == 252.1
    assert raw.texts[2].get_text() == "252.10%"
    assert raw.get_xlabel() == "Achievement (%)"
    assert "not met" in _texts(raw)


def test_achievements_of_a_year_without_figures_is_a_clear_error(report):
    """A year in which no indicator has an achievement names the years that have one."""
    with pytest.raises(kinerja.InvalidValueError, match=r"2019.*2022, 2023"):
        kinerja.plot.achievements(report, year=2019)


def test_absorption_dot_plot_shows_the_differences(report):
    """Dots per spending type and year on a zoomed axis, each labelled; pagu 0 says t/a."""
    ax = kinerja.plot.absorptions(report)
    dots = [(round(x, 2), line.get_label()) for line in ax.get_lines()[:2]
            for x in line.get_xdata()]
    assert dots == [(99.99, "2022"), (99.91, "2022"), (99.88, "2022"), (100.0, "2023"),
                    (99.96, "2023")]
    labels = [t.get_text() for t in ax.texts]
    assert labels[:5] == ["99,99%", "99,91%", "99,88%", "100,00%", "99,96%"]
    assert "t/a (pagu 0)" in labels
    low, high = ax.get_xlim()
    assert 99.8 < low < 99.88  # the differences fill the axis
    assert 100 < high < 100.1
    assert "tidak dimulai dari 0" in ax.get_xlabel()  # and the axis says it is zoomed
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Belanja Pegawai",
                                                            "Belanja Barang", "Belanja Modal"]
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert ticks
    assert all("," in t and "." not in t for t in ticks)


def test_absorption_in_english(report):
    """English spending types, English notation."""
    ax = kinerja.plot.absorptions(report, lang="en")
    assert ax.get_yticklabels()[0].get_text() == "Personnel spending"
    assert ax.texts[0].get_text() == "99.99%"
    assert "n/a (pagu 0)" in [t.get_text() for t in ax.texts]


def test_old_absorption_name_still_draws_with_a_deprecation_warning(report):
    """kinerja.plot.absorption is the old name of absorptions: same dots, a warning."""
    with pytest.warns(DeprecationWarning, match="absorptions"):
        ax = kinerja.plot.absorption(report)
    assert sum(len(line.get_xdata()) for line in ax.get_lines()[:2]) == 5


def test_ikpa_components_against_weights(report):
    """Two bars per component (nilai and nilai × bobot), labelled; weights beside the names."""
    ax = kinerja.plot.ikpa(report.ikpa_score())
    assert len(ax.patches) == 16
    weighted = [round(p.get_width(), 3) for p in ax.patches[8:]]
    assert weighted == [10.0, 9.418, 20.0, 10.0, 10.0, 9.758, 5.0, 25.0]
    assert ax.get_yticklabels()[2].get_text() == "Penyerapan Anggaran (20%)"
    labels = [t.get_text() for t in ax.texts]
    assert labels[:2] == ["100", "94,18"]
    assert "9,42" in labels
    assert "99,18" in ax.get_title()


def test_nka_weights_at_their_precision():
    """NKA's weights 9,7 and 28,6 are not rounded to 10 and 29."""
    ax = kinerja.plot.ikpa(kinerja.nka_scheme(2021).score(NKA_VALUES))
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks[0] == "Penyerapan Anggaran (9,7%)"
    assert ticks[-1] == "Efisiensi (28,6%)"


def test_ikpa_2024_names_the_deduction(report):
    """A score with a deduction says so under the title."""
    result = kinerja.ikpa_scheme(2024).score(dict(report.ikpa, dispensasi_spm="0,5"))
    assert "pengurang Dispensasi SPM −0,5" in kinerja.plot.ikpa(result).get_title()


CHARTS = {
    "trajectory": lambda report, lang: kinerja.plot.trajectory(report, "IKK-1.1", lang=lang),
    "achievements": lambda report, lang: kinerja.plot.achievements(report, lang=lang),
    "absorptions": lambda report, lang: kinerja.plot.absorptions(report, lang=lang),
    "ikpa": lambda report, lang: kinerja.plot.ikpa(report.ikpa_score(), lang=lang),
    "nka": lambda report, lang: kinerja.plot.ikpa(kinerja.nka_scheme(2021).score(NKA_VALUES),
                                                  lang=lang),
}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", list(CHARTS))
def test_nothing_is_clipped_and_the_legend_hides_nothing(report, name, lang):
    """With a plain savefig every label stays inside the figure; the legend is off the data."""
    ax = CHARTS[name](report, lang)
    assert _inside_figure(ax)
    assert _legend_clear_of_the_data(ax)


@pytest.mark.parametrize("name", list(CHARTS))
def test_indonesian_charts_write_indonesian_numbers(report, name):
    """No label of an Indonesian chart writes a decimal point."""
    texts = _texts(CHARTS[name](report, "id"))
    assert [t for t in texts if DOT_DECIMAL.search(CODES.sub("", t))] == []


def test_on_the_callers_axes_the_legend_is_beside_them(report):
    """Given axes, the chart draws on them and anchors its legend to their right."""
    plt = matplotlib.pyplot
    _, (left, right) = plt.subplots(1, 2, figsize=(12, 4), layout="constrained")
    assert kinerja.plot.achievements(report, ax=right) is right
    assert right.get_legend() is not None
    assert right.get_legend().get_bbox_to_anchor().x0 > right.get_window_extent().x1 - 1
    assert len(left.patches) == 0


def test_bad_language_is_refused(report):
    """Only Indonesian and English labels exist."""
    with pytest.raises(kinerja.InvalidValueError, match="lang"):
        kinerja.plot.achievements(report, lang="fr")
