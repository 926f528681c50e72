"""kinerja import budget: an export into a new report file, or merged into an existing one."""

import argparse
import io
import shutil
from pathlib import Path

import openpyxl
import pytest

import kinerja
from kinerja import sheets
from kinerja.cli._import import ProgressBar, add_import_parser, run_import

FIXTURES = Path(__file__).parent / "fixtures" / "sheets"
EXPORT = FIXTURES / "sakti_export.xlsx"

# The fixture's akun rows in thousands (make_fixtures.TREE), summed by hand:
# 51: pagu 1.250.000 + 95.000; realization (104.000 + 7.900) × 12
# 52: pagu 180.500 + 60.000 + 120.750 + 450.000;
#     realization 15.000 × 12 + (10.000 + 20.000 + 15.000 + 10.062,5) + 10.000 × 12 + 37.500 × 12
# 53: pagu 50.000; realization 49.990
BY_TYPE_2024 = {"51": (1_345_000_000, 1_342_800_000), "52": (811_250_000, 805_062_500),
                "53": (50_000_000, 49_990_000)}
# Kegiatan 5976 holds akun 511111, 511121, 521111, 523111; 5975 holds 521211, 524111, 532111.
BY_ACTIVITY_2024 = {
    "Dukungan Manajemen dan Teknis Lainnya UPT Pemasyarakatan": (1_585_500_000, 1_577_862_500),
    "Penyelenggaraan Pemasyarakatan di Wilayah": (620_750_000, 619_990_000)}


def _run(*argv):
    """Parse *argv* with a parser holding only the import command, and run it."""
    parser = argparse.ArgumentParser(prog="kinerja")
    add_import_parser(parser.add_subparsers(dest="command", required=True))
    return run_import(parser.parse_args(["import", "budget", *map(str, argv)]))


def _by(report, breakdown, year):
    """{classification: (pagu, realization)} of one breakdown's lines of *year*."""
    out = {}
    for line in report.budget_lines(breakdown, year):
        key = getattr(line, breakdown)
        out[key.value if breakdown == "spending_type" else key] = (line.pagu, line.realization)
    return out


@pytest.fixture
def example_copy(tmp_path):
    """A copy of the bundled reference report file (budget of 2022 and 2023, comments)."""
    path = tmp_path / "laporan.toml"
    shutil.copy(kinerja.example_path(), path)
    return path


def test_new_report_file_holds_the_budget_per_type_and_activity(tmp_path, capsys):
    """A new file: the satker given, its code and the year from the title rows, sums by hand."""
    out = tmp_path / "baru.toml"
    assert _run(EXPORT, "--layout", "sakti", "--satker", "Bapas Contoh", "-o", out) == 0
    report = kinerja.load_report(out)
    assert (report.satker.name, report.satker.code, report.year) == ("Bapas Contoh", "693222",
                                                                     2024)
    assert _by(report, "spending_type", 2024) == BY_TYPE_2024
    assert _by(report, "activity", 2024) == BY_ACTIVITY_2024
    assert not kinerja.audit(report).errors
    assert "7 akun lines of 2024" in capsys.readouterr().err


def test_without_output_the_report_goes_to_stdout(capsys):
    """No -o: the new report file's text on standard output, readable by loads_report."""
    assert _run(EXPORT, "--layout", "sakti", "--satker", "Bapas Contoh") == 0
    report = kinerja.loads_report(capsys.readouterr().out)
    assert report.budget_total("spending_type").pagu == 2_206_250_000


def test_a_new_report_needs_the_satker_name(tmp_path, capsys):
    """The export states only the satker's code: exit 2, saying to give --satker; no file."""
    out = tmp_path / "baru.toml"
    assert _run(EXPORT, "--layout", "sakti", "-o", out) == 2
    assert "--satker" in capsys.readouterr().err
    assert not out.exists()


def test_merge_keeps_the_rest_of_the_report_and_its_comments(example_copy, capsys):
    """Merging 2024 adds its lines; 2022/2023 lines, indicators, scores, printed, comments stay."""
    before = kinerja.load_report(example_copy)
    assert _run(EXPORT, "--layout", "sakti", "-o", example_copy) == 0
    after = kinerja.load_report(example_copy)
    assert after.budget_years() == [2022, 2023, 2024]
    assert _by(after, "spending_type", 2024) == BY_TYPE_2024
    for year in (2022, 2023):
        assert after.budget_lines("spending_type", year) == \
            before.budget_lines("spending_type", year)
    assert after.budget_lines("activity", 2023) == before.budget_lines("activity", 2023)
    assert (after.indicators, after.printed, after.ikpa, after.satker) == \
        (before.indicators, before.printed, before.ikpa, before.satker)
    text = example_copy.read_text(encoding="utf-8")
    assert "# Tabel 3.22: spending per type, 2022 and 2023." in text
    assert len(kinerja.audit(after).findings) == len(kinerja.audit(before).findings)
    assert "merged into" in capsys.readouterr().err


def test_same_year_and_breakdown_is_a_conflict(example_copy, capsys):
    """The example has 2023 lines: importing 2023 refuses, names them, leaves the file as it was."""
    original = example_copy.read_bytes()
    assert _run(EXPORT, "--layout", "sakti", "--year", 2023, "-o", example_copy) == 2
    err = capsys.readouterr().err
    assert "already has budget lines of 2023 in spending_type (3 lines), activity (2 lines)" \
        in err
    assert "--replace" in err
    assert example_copy.read_bytes() == original


def test_replace_swaps_only_that_year(example_copy):
    """--replace: the 2023 lines are the export's, the 2022 lines and the comments stay."""
    before = kinerja.load_report(example_copy)
    assert _run(EXPORT, "--layout", "sakti", "--year", 2023, "--replace", "-o",
                example_copy) == 0
    after = kinerja.load_report(example_copy)
    assert _by(after, "spending_type", 2023) == BY_TYPE_2024
    assert after.budget_lines("spending_type", 2022) == before.budget_lines("spending_type", 2022)
    assert after.printed == before.printed
    assert "# Tabel 3.23 (per activity, 2023)" in example_copy.read_text(encoding="utf-8")


def test_breakdown_option_chooses_the_breakdowns(tmp_path):
    """--breakdown account twice over: one line per akun, its RO kept (all seven akun differ)."""
    out = tmp_path / "akun.toml"
    assert _run(EXPORT, "--layout", "sakti", "--satker", "X", "--breakdown", "account",
                "--breakdown", "account", "-o", out) == 0
    report = kinerja.load_report(out)
    assert list(report.budget) == ["account"]
    lines = report.budget_lines("account")
    assert [line.account for line in lines] == ["511111", "511121", "521111", "523111",
                                                "521211", "524111", "532111"]
    assert lines[3].realization == 55_062_500
    assert lines[3].output == "Layanan Perkantoran"


def test_bad_export_is_exit_2_with_the_cell(tmp_path, capsys):
    """A missing layout file, the wrong scale, an ambiguous '120.750': exit 2, each located."""
    assert _run(EXPORT, "--satker", "X", "--layout", str(tmp_path / "none.toml")) == 2
    assert "none.toml" in capsys.readouterr().err
    assert _run(EXPORT, "--satker", "X", "--year", 2024) == 2
    assert "POK!A4: the title says the amounts are in thousands of Rupiah" in \
        capsys.readouterr().err
    layout = tmp_path / "ribu.toml"
    layout.write_text('kind = "budget"\nscale = "ribu"\n', encoding="utf-8")
    assert _run(EXPORT, "--satker", "X", "--layout", layout) == 2
    assert "POK!C26" in capsys.readouterr().err


def test_sheet_warnings_are_listed_and_the_import_goes_on(tmp_path, capsys):
    """A total row that disagrees is a warning on stderr, not an error: the file is written."""
    out = tmp_path / "x.toml"
    assert _run(FIXTURES / "sakti_wrong_total.xlsx", "--layout", "sakti", "--satker", "X",
                "-o", out) == 0
    err = capsys.readouterr().err
    assert "warning: POK!C29" in err
    assert "2207250000" in err
    assert kinerja.load_report(out).budget_total("spending_type").pagu == 2_206_250_000


def test_progress_bar_is_quiet_when_piped(capsys):
    """Under pytest stderr is not a terminal: no carriage returns, no bar."""
    assert _run(EXPORT, "--layout", "sakti", "--satker", "X") == 0
    assert "\r" not in capsys.readouterr().err


def test_progress_bar_draws_on_a_terminal():
    """On a terminal the bar shows the stage, a bar and the rows, then clears its line."""

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    stream = Terminal()
    bar = ProgressBar("export.xlsx", stream)
    bar("read", 5000, 10000)
    assert stream.getvalue() == ("\rkinerja: reading export.xlsx [##########          ] "
                                 "5.000/10.000 rows\x1b[K")
    bar.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_reader_reports_progress_through_its_callback():
    """read_budget_export calls progress for both stages and ends at the sheet's last row (35)."""
    calls = []
    sheets.read_budget_export(EXPORT, "sakti", progress=lambda *a: calls.append(a))
    assert ("load", 35, 35) in calls
    assert calls[-1] == ("read", 35, 35)


def test_merge_budget_returns_a_new_report_and_leaves_the_old():
    """merge_budget is pure: the given report is unchanged, the new one has 2024 too."""
    report = kinerja.example_report()
    export = sheets.read_budget_export(EXPORT, "sakti")
    merged = sheets.merge_budget(report, export, breakdowns=["spending_type"])
    assert report.budget_years() == [2022, 2023]
    assert merged.budget_years() == [2022, 2023, 2024]
    assert len(merged.budget_lines("activity")) == len(report.budget_lines("activity"))


def test_breakdown_blokir_is_summed_only_when_every_line_has_it():
    """Blokir 10 + 5 sums to 15; a group with one blokir missing has none (missing is not 0)."""
    line = kinerja.BudgetLine
    full = [line(year=2024, account="521211", pagu=100, realization=90, blokir=10),
            line(year=2024, account="521219", pagu=50, realization=50, blokir=5)]
    part = [full[0], line(year=2024, account="521219", pagu=50, realization=50)]
    assert sheets.budget_breakdown(full, "spending_type")[0].blokir == 15
    assert sheets.budget_breakdown(part, "spending_type")[0].blokir is None


def test_breakdown_needs_the_classification():
    """Akun lines without an activity cannot make an activity breakdown: the line is named."""
    lines = [kinerja.BudgetLine(year=2024, account="521211", pagu=100, realization=90,
                                name="521211 Belanja Bahan")]
    with pytest.raises(kinerja.MissingValueError, match="no activity") as caught:
        sheets.budget_breakdown(lines, "activity")
    assert caught.value.field == "521211 Belanja Bahan 2024"


def test_file_written_another_way_is_written_anew_and_equal(tmp_path):
    """Budget as an inline array cannot be edited in place: written anew, still equal, flagged."""
    path = tmp_path / "inline.toml"
    path.write_text('format = "kinerja-report"\nversion = 2\nyear = 2024\n# komentar\n'
                    '[satker]\nname = "X"\n[budget]\nprogram = [{ year = 2023, program = "P", '
                    'pagu = 10, realization = 9 }]\n', encoding="utf-8")
    export = sheets.read_budget_export(EXPORT, "sakti")
    merged = sheets.merge_budget_file(path, export, breakdowns=["program"])
    assert not merged.kept_text
    assert kinerja.load_report(path) == merged.report
    assert [(x.year, x.pagu) for x in merged.report.budget_lines("program")] == [
        (2023, 10), (2024, 1_585_500_000), (2024, 620_750_000)]


def test_an_export_without_akun_lines_is_refused(tmp_path, capsys):
    """Only subtotal rows: nothing to import, exit 2 naming the file; no report written."""
    book = openpyxl.Workbook()
    book.active.title = "POK"
    for row in (["Kode", "Uraian", "Pagu", "Realisasi"], ["5976", "Kegiatan", 100, 90]):
        book.active.append(row)
    path = tmp_path / "sub.xlsx"
    book.save(path)
    out = tmp_path / "r.toml"
    assert _run(path, "--year", 2024, "--satker", "X", "-o", out) == 2
    assert "no akun line" in capsys.readouterr().err
    assert not out.exists()


def test_the_command_lines_names_are_the_spreadsheet_layers():
    """The layouts and breakdowns `kinerja import` offers are exactly kinerja.sheets' own."""
    from kinerja.cli import _import
    from kinerja.sheets._merge import BREAKDOWNS, DEFAULT_BREAKDOWNS

    assert tuple(kinerja.sheets.LAYOUTS) == _import.LAYOUT_NAMES
    assert _import.BREAKDOWN_NAMES == BREAKDOWNS
    assert _import.DEFAULT_BREAKDOWN_NAMES == DEFAULT_BREAKDOWNS
