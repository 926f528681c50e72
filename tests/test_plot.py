"""Charts: rendered with the Agg backend and checked for what was drawn."""

import pytest

import kinerja

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import kinerja.plot  # noqa: E402


@pytest.fixture(scope="module")
def report():
    return kinerja.example_report()


def test_trajectory_draws_plan_targets_and_realizations(report, tmp_path):
    """Three lines (plan, agreed targets, realizations) with the report's values."""
    ax = kinerja.plot.trajectory(report, "IKK-1.1")
    plan, agreed, real = ax.get_lines()
    assert list(plan.get_xdata()) == [2022, 2023, 2024, 2025]
    assert list(plan.get_ydata()) == [50.0, 60.0, 70.0, 70.0]
    assert list(agreed.get_ydata()) == [50.0, 60.0]
    assert real.get_ydata()[1] == pytest.approx(74.9058, abs=1e-4)
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


def test_achievements_bars_and_reference_lines(report):
    """One bar per scored indicator, the capped value, the 100 % and 120 % lines."""
    ax = kinerja.plot.achievements(report)
    widths = [round(p.get_width(), 2) for p in ax.patches]
    assert widths == [120.0, 80.08, 120.0, 100.0, 100.0, 100.0, 100.0]
    assert [t.get_text() for t in ax.get_yticklabels()][:3] == ["IKK-1.1", "IKK-1.2",
                                                                "IKK-1.3"]
    vertical = sorted(line.get_xdata()[0] for line in ax.get_lines())
    assert vertical == [100, 120]
    assert ax.get_title() == "Capaian kinerja 2023"
    raw = kinerja.plot.achievements(report, raw=True, lang="en")
    assert round(raw.patches[2].get_width(), 2) == 252.1
    assert raw.get_xlabel() == "Achievement (%)"


def test_absorption_grouped_bars(report):
    """Bars per spending type and year; Belanja Modal 2023 (pagu 0) has none."""
    ax = kinerja.plot.absorptions(report)
    heights = [round(p.get_height(), 2) for p in ax.patches]
    assert heights == [99.99, 99.91, 99.88, 100.0, 99.96]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Belanja Pegawai",
                                                            "Belanja Barang", "Belanja Modal"]
    assert ax.get_ylabel() == "Penyerapan anggaran (%)"


def test_old_absorption_name_still_draws_with_a_deprecation_warning(report):
    """kinerja.plot.absorption is the old name of absorptions: same bars, a warning."""
    with pytest.warns(DeprecationWarning, match="absorptions"):
        ax = kinerja.plot.absorption(report)
    assert len(ax.patches) == 5


def test_ikpa_components_against_weights(report):
    """Two bars per component (nilai and nilai × bobot); weights in the tick labels."""
    ax = kinerja.plot.ikpa(report.ikpa_score())
    assert len(ax.patches) == 16
    weighted = [round(p.get_height(), 3) for p in ax.patches[8:]]
    assert weighted == [10.0, 9.418, 20.0, 10.0, 10.0, 9.758, 5.0, 25.0]
    assert "(20 %)" in ax.get_xticklabels()[2].get_text()
    assert "99,18" in ax.get_title()


def test_bad_language_is_refused(report):
    """Only Indonesian and English labels exist."""
    with pytest.raises(kinerja.InvalidValueError, match="lang"):
        kinerja.plot.achievements(report, lang="fr")
