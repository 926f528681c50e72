"""The audit never crashes, the CLI exits 0, 1 or 2, and "also printed as" is linear."""

import subprocess
import sys
from fractions import Fraction

import pytest

import kinerja
from kinerja import Severity
from kinerja.auditing import _checks
from kinerja.auditing._checks import SHOWN, Auditor
from kinerja.cli import _main as cli
from kinerja.report._printed import PrintedFigure

HEAD = """
format = "kinerja-report"
version = 1
year = {year}

[satker]
name = "Satker Uji"
"""

# IKPA weights, by hand from docs/schemes/ikpa.md: PER-5/PB/2022 (2022-2023) and
# PER-5/PB/2024 (2024-, Dispensasi SPM a deduction after the division).
WEIGHTS_2022 = {"revisi_dipa": 10, "deviasi_halaman_iii": 10, "penyerapan_anggaran": 20,
                "belanja_kontraktual": 10, "penyelesaian_tagihan": 10,
                "pengelolaan_up_tup": 10, "dispensasi_spm": 5, "capaian_output": 25}
WEIGHTS_2024 = {"revisi_dipa": 10, "deviasi_halaman_iii": 15, "penyerapan_anggaran": 20,
                "belanja_kontraktual": 10, "penyelesaian_tagihan": 10,
                "pengelolaan_up_tup": 10, "capaian_output": 25}


def ikpa_block(values):
    """An [ikpa.components] table of *values* (numbers written with a decimal point)."""
    return "[ikpa.components]\n" + "".join(f'{k} = "{v}"\n' for k, v in values.items())


def printed(figure, text, where, **refs):
    """One [[printed]] entry."""
    lines = [f'figure = "{figure}"', f'text = "{text}"', f'where = "{where}"']
    lines += [f'{key} = "{value}"' for key, value in refs.items()]
    return "\n[[printed]]\n" + "\n".join(lines) + "\n"


def two_places(value):
    """A Fraction rounded half up to 2 decimals, written with a comma (Indonesian)."""
    cents = (value * 100 + Fraction(1, 2)).__floor__()
    return f"{cents // 100},{cents % 100:02d}"


def lower_is_better(realization, target, lower_method="inverse"):
    """A report with one lower-is-better indicator (code I) and no printed figures yet."""
    return HEAD.format(year=2023) + f"""
[conventions]
lower_method = "{lower_method}"

[[goals]]
code = "G"
level = "activity"
name = "Sasaran"

[[indicators]]
code = "I"
name = "Persentase keterlambatan"
goal = "G"
unit = "%"
polarity = "lower_is_better"

[indicators.targets]
2023 = {target}

[indicators.realizations]
2023 = {realization}
"""


def by_location(result):
    """The findings by where they are printed (one figure per place in these tests)."""
    return {f.location: f for f in result}


# --- (a) a deduction printed as a weighted component ------------------------------------

VALUES_2024 = {"revisi_dipa": "100", "deviasi_halaman_iii": "90", "penyerapan_anggaran": "100",
               "belanja_kontraktual": "100", "penyelesaian_tagihan": "100",
               "pengelolaan_up_tup": "100", "capaian_output": "100", "dispensasi_spm": "1.5"}


def test_a_deduction_printed_as_weighted_is_a_finding_not_a_crash():
    """A 2024 ikpa.weighted / ikpa.weight of Dispensasi SPM is an error naming the deduction."""
    # Hand: Nilai Total = Σ nilai × bobot / 100 = (1000 + 1350 + 2000 + 3000 + 2500) / 100
    # = 98.5; Konversi Bobot 100; Nilai Akhir = 98.5 − 1.5 points = 97.00.
    total = sum(Fraction(VALUES_2024[k]) * w for k, w in WEIGHTS_2024.items()) / 100
    final = total - Fraction(VALUES_2024["dispensasi_spm"])
    assert (total, final) == (Fraction("98.5"), Fraction(97))
    text = (HEAD.format(year=2024) + ikpa_block(VALUES_2024)
            + printed("ikpa.weighted", "5,00", "Gambar 3.2, Dispensasi SPM",
                      component="dispensasi_spm")
            + printed("ikpa.weight", "5", "Gambar 3.2, bobot Dispensasi SPM",
                      component="dispensasi_spm")
            + printed("ikpa.final", two_places(final), "Gambar 3.2, Nilai Akhir")
            + printed("ikpa.total", two_places(final), "Gambar 3.2, Nilai Total"))
    found = by_location(kinerja.audit(kinerja.loads_report(text)))
    weighted = found["Gambar 3.2, Dispensasi SPM"]
    assert (weighted.rule, weighted.severity, weighted.expected) == (
        "ikpa-weighted", Severity.ERROR, "n/a")
    assert "Dispensasi SPM is a deduction (1.5 points taken from Nilai Akhir)" in \
        weighted.message("en")
    assert "no nilai × bobot" in weighted.message("en")
    assert "adalah pengurang (1,5 poin dikurangkan dari Nilai Akhir)" in weighted.message("id")
    weight = found["Gambar 3.2, bobot Dispensasi SPM"]
    assert (weight.rule, weight.expected) == ("ikpa-weight", "n/a")
    assert "it has no bobot" in weight.message("en")
    # The rest is audited: Nilai Akhir is right, Nilai Total is not.
    assert "Gambar 3.2, Nilai Akhir" not in found
    assert (found["Gambar 3.2, Nilai Total"].rule,
            found["Gambar 3.2, Nilai Total"].expected) == ("ikpa-total", "98.50")


# --- (b) two categories that disagree ------------------------------------------------------

def test_b_two_different_categories_are_checked_and_name_each_other():
    """Two printed IKPA categories that differ: the wrong one is an error naming the other."""
    values = dict.fromkeys(WEIGHTS_2022, "100") | {"deviasi_halaman_iii": "94.18",
                                                 "pengelolaan_up_tup": "97.58"}
    # Hand: (1000 + 941.8 + 2000 + 1000 + 1000 + 975.8 + 500 + 2500) / 100 = 99.176,
    # presented 99.18 ≥ 95: Sangat Baik.
    total = sum(Fraction(values[k]) * w for k, w in WEIGHTS_2022.items()) / 100
    assert total == Fraction("99.176")
    text = (HEAD.format(year=2023) + ikpa_block(values)
            + printed("ikpa.category", "Baik", "Bab III C")
            + printed("ikpa.category", "Sangat  baik", "Gambar 3.2")
            + printed("ikpa.category", "Sangat Baik", "Ikhtisar Eksekutif"))
    result = kinerja.audit(kinerja.loads_report(text))
    assert [(f.rule, f.location, f.expected) for f in result] == [
        ("ikpa-category", "Bab III C", "Sangat Baik")]
    message = result.findings[0].message("en")
    assert message.endswith("Also printed as 'Sangat  baik' (Gambar 3.2); "
                            "'Sangat Baik' (Ikhtisar Eksekutif).")


# --- (c) the inverse formula and a realization that rounds to 0 -----------------------------

@pytest.mark.parametrize(("text", "rule", "expected"), [
    # Hand: T / R × 100 = 1 / 0.45 × 100 = 222.22 %.
    ("222,22%", None, None),
    # R rounded to 1 decimal (half up) = 0.5: 1 / 0.5 × 100 = 200 % (R rounded to 0 is
    # no candidate: T / 0 is undefined).
    # (expected at the printed precision: 222 %)
    ("200%", "rounded-input", "222"),
    # Nothing reproduces 999 %.
    ("999%", "achievement", "222"),
])
def test_c_diagnosis_never_divides_by_a_rounded_to_zero_realization(text, rule, expected):
    """Under T / R, a realization of 0.45 (0 when rounded) is diagnosed without a crash."""
    hand = Fraction(1) / Fraction("0.45") * 100
    assert two_places(hand) == "222,22"
    report = kinerja.loads_report(lower_is_better("0.45", 1)
                                  + printed("achievement", text, "Tabel 3.1", indicator="I"))
    result = kinerja.audit(report)
    assert [(f.rule, f.expected) for f in result] == ([] if rule is None else [(rule, expected)])


@pytest.mark.parametrize(("realization", "target", "why"), [
    ("0", 1, "the inverse formula T / R is undefined for a realization of 0"),
    ("1", 0, "achievement against a target of 0 is undefined"),
])
def test_undefined_achievement_is_unverifiable_not_a_crash(realization, target, why):
    """An achievement the formula cannot give (T / 0, a target of 0) is a warning, no crash."""
    report = kinerja.loads_report(lower_is_better(realization, target)
                                  + printed("achievement", "100%", "Tabel 3.1", indicator="I"))
    [finding] = kinerja.audit(report)
    assert (finding.rule, finding.severity, finding.expected) == (
        "unverifiable", Severity.WARNING, "n/a")
    assert why in finding.message("en")


# --- the safety net -------------------------------------------------------------------------

def test_an_exception_while_checking_one_figure_is_a_finding_and_the_rest_is_audited(
        monkeypatch):
    """A check that raises becomes a check-failed warning; every other finding is unchanged."""
    report = kinerja.example_report()
    before = kinerja.audit(report)
    victim = report.printed[5]
    original = Auditor.check

    def failing(self, figure):
        if figure is victim:
            raise KeyError("no such thing")
        return original(self, figure)

    monkeypatch.setattr(Auditor, "check", failing)
    after = kinerja.audit(report)
    failed = [f for f in after if f.rule == "check-failed"]
    assert len(failed) == 1
    [finding] = failed
    assert (finding.severity, finding.location, finding.printed, finding.expected) == (
        Severity.WARNING, victim.where, victim.text, "n/a")
    assert victim.figure in finding.subject
    assert finding.message("en") == (
        f"The {victim.figure} {victim.text!r} ({victim.where}) could not be checked: "
        "KeyError: 'no such thing'. This is a gap in kinerja's checks; the rest of the "
        "report was audited.")
    assert "tidak dapat diperiksa: KeyError: 'no such thing'" in finding.message("id")
    # Before, the victim (IKK-1.1's "124 %", the raw figure where the cap gives 120 %) had
    # its own finding; every other finding stays as it was, in the same order.
    mine = [f for f in before if (f.location, f.printed) == (victim.where, victim.text)]
    assert [f.rule for f in mine] == ["achievement-cap"]
    assert [f for f in after if f is not finding] == [f for f in before if f not in mine]
    assert after.printed_count == before.printed_count


# --- "also printed as": linear, and capped ------------------------------------------------

def many_achievements(count):
    """A report printing the achievement of one indicator-year *count* times, all different."""
    # Texts 100,01 % ... : every one differs from the others and from the right 100 %.
    text = lower_is_better("50", 50, lower_method="mirror")
    return kinerja.loads_report(text + "".join(
        printed("achievement", f"{100 + i // 100},{i % 100:02d} %", f"Tabel {i}", indicator="I")
        for i in range(1, count + 1)))


def test_also_printed_as_names_ten_places_and_counts_the_rest():
    """Of 25 differing prints, a finding names the first 10 others and counts the other 14."""
    result = kinerja.audit(many_achievements(25))
    assert len(result) == 25
    first = by_location(result)["Tabel 1"].message("en")
    named = "; ".join(f"'{100 + i // 100},{i % 100:02d} %' (Tabel {i})" for i in range(2, 12))
    assert first.endswith(f"Also printed as {named}, and differently in 14 more places.")
    assert SHOWN == 10
    last = by_location(result)["Tabel 25"].message("id")
    assert "dan berbeda lagi di 14 tempat lain." in last


def test_also_printed_as_skips_places_that_print_the_same_value():
    """Places printing the same value (in any notation) are not named as differing."""
    text = lower_is_better("50", 50, lower_method="mirror")
    report = kinerja.loads_report(text + printed("achievement", "90%", "A", indicator="I")
                                  + printed("achievement", "90 %", "B", indicator="I")
                                  + printed("achievement", "90,0%", "C", indicator="I")
                                  + printed("achievement", "80%", "D", indicator="I"))
    found = by_location(kinerja.audit(report))
    assert found["A"].message("en").endswith("Also printed as '80%' (D).")
    assert found["D"].message("en").endswith(
        "Also printed as '90%' (A); '90 %' (B); '90,0%' (C).")


def test_the_audit_reads_each_printed_figure_a_bounded_number_of_times(monkeypatch):
    """Linear work: each printed figure is parsed the same number of times at any size."""
    calls = {"n": 0}
    original = PrintedFigure.numbers

    def counting(self):
        calls["n"] += 1
        return original(self)

    per_figure = []
    for count in (100, 400):
        report = many_achievements(count)
        monkeypatch.setattr(PrintedFigure, "numbers", counting)
        calls["n"] = 0
        kinerja.audit(report)
        monkeypatch.setattr(PrintedFigure, "numbers", original)
        per_figure.append(Fraction(calls["n"], count))
    # Quadratic grouping parsed every other figure of the group for each finding: about
    # `count` parses per figure.  Linear work parses each figure a fixed few times.
    assert per_figure[0] == per_figure[1]
    assert per_figure[1] <= 5


def test_others_looks_at_a_bounded_number_of_candidates():
    """The list a finding's others are drawn from keeps at most SHOWN figures per value."""
    report = kinerja.loads_report(lower_is_better("50", 50, lower_method="mirror") + "".join(
        printed("achievement", "90%" if i % 2 else f"{i},5%", f"T{i}", indicator="I")
        for i in range(1, 201)))
    auditor = Auditor(report)
    group = auditor.groups[report.printed[0].identity(default_year=2023)]
    others = _checks.Others(group)
    # 100 prints of 90 % (one value) and 100 distinct values: 10 + 100 candidates.
    assert len(others.candidates) == SHOWN + 100
    shown, more = others.differing(report.printed[0])
    assert [f.where for f in shown] == [f"T{i}" for i in range(2, 22, 2)]
    assert more == 100 - SHOWN


# --- the command line: 0, 1 or 2, nothing else ---------------------------------------------

@pytest.fixture
def clean_file(tmp_path):
    """A report file whose one printed figure is right (100 % of a 50 % target)."""
    path = tmp_path / "laporan.toml"
    path.write_text(lower_is_better("50", 50, lower_method="mirror")
                    + printed("achievement", "100%", "Tabel 3.1", indicator="I"),
                    encoding="utf-8")
    return path


@pytest.fixture
def wrong_file(tmp_path):
    """A report file whose one printed figure is wrong (90 % printed, 100 % right)."""
    path = tmp_path / "salah.toml"
    path.write_text(lower_is_better("50", 50, lower_method="mirror")
                    + printed("achievement", "90%", "Tabel 3.1", indicator="I"),
                    encoding="utf-8")
    return path


def test_cli_status_0_and_1(clean_file, wrong_file, capsys):
    """0 for a clean or a wrong report; 1 only with --fail-on-error and an error found."""
    assert cli.main(["audit", str(clean_file), "--fail-on-error"]) == 0
    assert cli.main(["audit", str(wrong_file)]) == 0
    assert cli.main(["audit", str(wrong_file), "--fail-on-error"]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    assert out.count("[Capaian salah hitung] Tabel 3.1") == 2


@pytest.mark.parametrize("command", ["audit", "tables"])
def test_cli_unusable_file_is_status_2_with_one_line(tmp_path, command, capsys):
    """A file that is not a report: status 2, one line on stderr, no traceback."""
    path = tmp_path / "rusak.toml"
    path.write_text("format = \"kinerja-report\"\nversion = 1\nyear = \n", encoding="utf-8")
    assert cli.main([command, str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("kinerja: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(("command", "target"), [("audit", "audit"),
                                                 ("tables", "chapter_three")])
def test_cli_internal_error_is_status_2_never_1(monkeypatch, capsys, command, target,
                                                wrong_file):
    """An unexpected exception inside kinerja: status 2 and an internal-error message."""

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cli, target, broken)
    assert cli.main([command, str(wrong_file), *(["--fail-on-error"]
                                                  if command == "audit" else [])]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("kinerja: internal error (ZeroDivisionError: division by zero); this is a "
                   "bug in kinerja, please report it at https://github.com/kinerja/kinerja/"
                   "issues with the command and the file\n")


def test_cli_kinerja_error_after_loading_is_status_2(monkeypatch, capsys):
    """A kinerja error raised while rendering (not loading) is still one message and 2."""

    def refuse(*args, **kwargs):
        raise kinerja.InvalidValueError("cannot be rendered", field="format", value="x",
                                        fix="use markdown")

    monkeypatch.setattr(cli, "render_tables", refuse)
    assert cli.main(["tables"]) == 2
    assert capsys.readouterr().err == (
        "kinerja: format: cannot be rendered (got 'x'). Fix: use markdown.\n")


class _Closed:
    """A stdout that fails on write with *error*."""

    def __init__(self, error):
        self.error = error

    def write(self, text):
        raise self.error

    def flush(self):
        raise self.error


@pytest.mark.parametrize(("error", "message"), [
    (BrokenPipeError(32, "Broken pipe"), ""),
    (OSError(28, "No space left on device"),
     "kinerja: cannot write the output: [Errno 28] No space left on device\n"),
])
def test_cli_output_that_cannot_be_written_is_status_2(monkeypatch, capsys, error, message):
    """A closed pipe exits 2 quietly; another write error exits 2 with one message."""
    monkeypatch.setattr(sys, "stdout", _Closed(error))
    assert cli.main(["audit"]) == 2
    assert capsys.readouterr().err == message


def test_cli_interrupt_is_status_2(monkeypatch, capsys):
    """Ctrl-C during the audit: status 2 and one message, not a traceback."""

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "audit", interrupted)
    assert cli.main(["audit"]) == 2
    assert capsys.readouterr().err == "kinerja: interrupted\n"


def test_cli_internal_error_in_a_real_process_exits_2(wrong_file):
    """In a fresh interpreter, an injected internal failure exits with status 2, no traceback."""
    code = ("import sys; import kinerja.cli._main as m\n"
            "def boom(report): raise RuntimeError('injected')\n"
            "m.audit = boom\n"
            f"sys.exit(m.main(['audit', {str(wrong_file)!r}, '--fail-on-error']))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("kinerja: internal error (RuntimeError: injected); ")
    assert "Traceback" not in done.stderr
