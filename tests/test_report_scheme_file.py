"""A report file that names its own IKPA scheme file: read relative to it, used by the audit.

Hand computation for the Kanwil scheme below (weights 60 and 40 of 100): a
score of 90 for Ketepatan and 80 for Kelengkapan gives 90 × 0,60 + 80 × 0,40 =
54 + 32 = 86,00, category "Baik" (80 up to 90).
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import kinerja

SCHEME = '''
name = "IKPA Kanwil"
regulation = "SE Kanwil 1/2024"
valid_from = 2024
valid_until = 2024
weight_total = 100

[[components]]
key = "ketepatan"
name = "Ketepatan"
weight = 60

[[components]]
key = "kelengkapan"
name = "Kelengkapan"
weight = 40

[[bands]]
category = "Kurang"
low = 0
high = 80

[[bands]]
category = "Baik"
low = 80
high = 90

[[bands]]
category = "Sangat Baik"
low = 90
high = 100
'''

REPORT = '''
format = "kinerja-report"
version = 2
year = 2024
[satker]
name = "Satker Contoh"

[ikpa]
scheme_file = "aturan/ikpa_kanwil.toml"

[ikpa.components]
ketepatan = 90
kelengkapan = 80
'''


def _printed(figure: str, text: str, where: str, extra: str = "") -> str:
    return f'\n[[printed]]\nfigure = "{figure}"\ntext = "{text}"\nwhere = "{where}"\n{extra}'


def _write(folder: Path, report: str, scheme: str | None = SCHEME) -> Path:
    if scheme is not None:
        (folder / "aturan").mkdir(exist_ok=True)
        (folder / "aturan" / "ikpa_kanwil.toml").write_text(scheme, encoding="utf-8")
    path = folder / "laporan.toml"
    path.write_text(report, encoding="utf-8")
    return path


def test_the_scheme_file_scores_the_report(tmp_path):
    """The report's IKPA is scored under its own scheme: 86,00, Baik."""
    report = kinerja.load_report(_write(tmp_path, REPORT))
    result = report.ikpa_score()
    assert result is not None
    assert (result.final, result.category) == (86, "Baik")
    assert report.scheme("ikpa").regulation == "SE Kanwil 1/2024"
    assert report.scheme_files == {"ikpa": "aturan/ikpa_kanwil.toml"}


def test_the_audit_judges_printed_figures_under_the_scheme_file(tmp_path):
    """Printed 86,00 / Baik / weight 60 are right; 87,00 is found wrong."""
    right = REPORT + _printed("ikpa.final", "86,00", "P1") + _printed(
        "ikpa.category", "Baik", "P1") + _printed(
        "ikpa.weight", "60", "P2", 'component = "ketepatan"\n')
    assert kinerja.audit(kinerja.load_report(_write(tmp_path, right))).findings == ()
    wrong = REPORT + _printed("ikpa.final", "87,00", "P1")
    (finding,) = kinerja.audit(kinerja.load_report(_write(tmp_path, wrong))).findings
    assert (finding.rule, finding.expected, finding.location) == ("ikpa-final", "86.00", "P1")


def test_other_years_use_the_scheme_in_force(tmp_path):
    """The Kanwil scheme covers 2024 only: a 2020 weight is judged by PER-4/PB/2020 (15)."""
    text = REPORT + _printed("ikpa.weight", "15", "P3",
                             'component = "belanja_kontraktual"\nyear = 2020\n')
    report = kinerja.load_report(_write(tmp_path, text))
    assert kinerja.audit(report).findings == ()
    assert report.scheme("ikpa", 2020).regulation == kinerja.ikpa_scheme(2020).regulation


def test_only_the_scheme_file_without_components(tmp_path):
    """A summary with only the scheme file: its printed weights are checked, the total is a note."""
    text = REPORT.replace("[ikpa.components]\nketepatan = 90\nkelengkapan = 80\n", "") + \
        _printed("ikpa.weight", "40", "P1", 'component = "kelengkapan"\n') + \
        _printed("ikpa.weight", "45", "P2", 'component = "kelengkapan"\n')
    report = kinerja.load_report(_write(tmp_path, text))
    assert report.ikpa is None
    assert [(f.rule, f.location) for f in kinerja.audit(report).findings] == [
        ("ikpa-weight", "P2")]


def test_a_missing_scheme_file_is_a_located_error(tmp_path):
    """No such file: the error names ikpa.scheme_file, its line and what to do."""
    path = _write(tmp_path, REPORT, scheme=None)
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.load_report(path)
    errors = [e for e in caught.value.exceptions if e.field and "scheme_file" in e.field]
    assert len(errors) == 1
    assert errors[0].field == "ikpa.scheme_file (line 9)"
    assert errors[0].fix is not None
    assert "relative to the report file" in errors[0].fix


@pytest.mark.parametrize("content", ["not toml = = 1", 'name = "x"\n', SCHEME.replace(
    "weight = 40", "weight = -40")])
def test_a_bad_scheme_file_is_a_located_error(tmp_path, content):
    """Not TOML, or not a valid scheme: one error at ikpa.scheme_file."""
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.load_report(_write(tmp_path, REPORT, scheme=content))
    fields = [e.field for e in caught.value.exceptions]
    assert "ikpa.scheme_file (line 9)" in fields


@pytest.mark.parametrize("value", ["1", '""', "[1, 2]", "true"])
def test_a_scheme_file_that_is_no_path_is_refused(tmp_path, value):
    """scheme_file must be a non-empty string."""
    text = REPORT.replace('"aturan/ikpa_kanwil.toml"', value)
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.load_report(_write(tmp_path, text))
    assert any(e.field and e.field.startswith("ikpa.scheme_file")
               for e in caught.value.exceptions)


def test_components_of_another_scheme_are_refused(tmp_path):
    """Under the Kanwil scheme, a preset component key is unknown (located)."""
    text = REPORT.replace("kelengkapan = 80", "revisi_dipa = 80")
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.load_report(_write(tmp_path, text))
    assert "ikpa.components.revisi_dipa" in caught.value.describe()


def test_save_and_load_round_trip(tmp_path):
    """save_report writes scheme_file as given; loading beside the scheme gives the same report."""
    report = kinerja.load_report(_write(tmp_path, REPORT))
    text = kinerja.dump_report(report)
    assert 'scheme_file = "aturan/ikpa_kanwil.toml"' in text
    copy = tmp_path / "salinan.toml"
    kinerja.save_report(report, copy)
    assert kinerja.load_report(copy) == report


def test_a_report_saved_elsewhere_still_finds_its_scheme_file(tmp_path):
    """Saved into another folder, the scheme file is named relative to the new file."""
    report = kinerja.load_report(_write(tmp_path, REPORT))
    elsewhere = tmp_path / "arsip" / "2024"
    elsewhere.mkdir(parents=True)
    kinerja.save_report(report, elsewhere / "laporan.toml")
    text = (elsewhere / "laporan.toml").read_text(encoding="utf-8")
    assert 'scheme_file = "../../aturan/ikpa_kanwil.toml"' in text
    again = kinerja.load_report(elsewhere / "laporan.toml")
    result = again.ikpa_score()
    assert result is not None
    assert (result.final, result.category) == (86, "Baik")  # 90 × 0,60 + 80 × 0,40
    assert again.scheme("ikpa").regulation == "SE Kanwil 1/2024"


def test_a_custom_scheme_without_its_file_is_not_silently_dropped(tmp_path):
    """A report given a scheme object but no file for it refuses to be written, saying how."""
    report = kinerja.load_report(_write(tmp_path, REPORT))
    bare = attrs.evolve(report, scheme_files={})
    with pytest.raises(kinerja.InvalidValueError, match="scheme_files") as caught:
        kinerja.dump_report(bare)
    assert caught.value.field == "schemes.ikpa"
