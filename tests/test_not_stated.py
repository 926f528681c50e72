"""'Not stated': the document's silence is neither missing nor not applicable, nor an error."""

from __future__ import annotations

import pytest

import kinerja

REPORT = '''
format = "kinerja-report"
version = 2
year = 2023
[satker]
name = "Dinas Kesehatan Contoh"
[[goals]]
code = "S1"
level = "kegiatan"
name = "Meningkatnya derajat kesehatan"
[[indicators]]
code = "A"
name = "Cakupan imunisasi"
goal = "S1"
unit = "%"
targets = {{ 2023 = {target_2023}, 2022 = 80 }}
realizations = {{ 2023 = 85, 2022 = {realization_2022} }}
[[printed]]
figure = "achievement"
indicator = "A"
text = "106,25 %"
where = "Tabel 3.1"
[[printed]]
figure = "realization"
indicator = "A"
text = "85"
where = "Tabel 3.1"
[[printed]]
figure = "achievement"
indicator = "A"
year = 2022
text = "99 %"
where = "Tabel 3.2"
'''


def _report(target_2023: str = '"not stated"', realization_2022: str = '"tidak dicantumkan"'
            ) -> kinerja.Report:
    return kinerja.loads_report(REPORT.format(target_2023=target_2023,
                                              realization_2022=realization_2022))


def test_figures_depending_on_an_unstated_input_cannot_be_checked():
    """Achievements needing an unstated target or realization are info, the rest is checked."""
    result = kinerja.audit(_report())
    assert [(f.rule, f.severity.value, f.location) for f in result.findings] == [
        ("cannot-check", "info", "Tabel 3.1"), ("cannot-check", "info", "Tabel 3.2")]
    assert "does not state the agreed target for 2023" in result.findings[0].message("en")
    assert "tidak mencantumkan realisasi tahun 2022" in result.findings[1].message("id")


def test_the_same_report_with_the_figures_stated_is_checked():
    """With target 80 stated, 85 / 80 × 100 = 106,25 % is right; a stated 2022 value is checked."""
    result = kinerja.audit(_report(target_2023="80", realization_2022='"79,2"'))
    # 79,2 / 80 × 100 = 99 %: right as printed.
    assert result.findings == ()


def test_unstated_is_its_own_status_not_missing():
    """An assessment has status 'not stated' (tidak dicantumkan), not missing and not n/a."""
    report = _report()
    assert report.assess("A", 2023).status is kinerja.Status.NOT_STATED
    assert report.assess("A", 2022).status is kinerja.Status.NOT_STATED
    assert kinerja.Status.NOT_STATED.indonesian == "tidak dicantumkan"
    assert report.indicator("A").target(2023) is kinerja.NOT_STATED
    real = report.indicator("A").realizations[2022]
    assert real.is_not_stated
    assert real.value is None
    assert not kinerja.Realization.not_reported(2022).is_not_stated


def test_tables_show_not_stated():
    """Tables write t/d (id) or 'not stated' (en) where the document is silent."""
    table = kinerja.overview_table(_report())
    assert "| t/d |" in table.to_markdown("id")
    assert "| not stated |" in table.to_markdown("en")


def test_round_trip_keeps_not_stated():
    """dump_report writes version 2 with "not stated", and reads back the same report."""
    report = _report()
    text = kinerja.dump_report(report)
    assert "version = 2" in text
    assert '2023 = "not stated"' in text
    assert kinerja.loads_report(text) == report


def test_an_unknown_word_says_how_to_write_an_unknown_value():
    """A word that is no figure is refused with the ways to write an unknown value."""
    with pytest.raises(kinerja.ValidationError) as caught:
        _report(target_2023='"belum ada"')
    message = caught.value.exceptions[0]
    assert message.field.startswith("indicators[0].targets.2023")
    assert '"not stated"' in str(message)
    assert '"not applicable"' in str(message)


def test_a_realization_marked_unstated_carries_no_figure():
    """stated=False without missing=True is refused: an unstated figure has no value."""
    with pytest.raises(kinerja.InvalidValueError, match="not_stated"):
        kinerja.Realization(year=2023, value=5, stated=False)


def test_version_1_files_load_unchanged():
    """The bundled version-1 example still loads, and its audit is unchanged by the new format."""
    report = kinerja.example_report()
    again = kinerja.loads_report(kinerja.example_path().read_text(encoding="utf-8")
                                 .replace("\nversion = 1\n", "\nversion = 2\n", 1))
    assert again == report
