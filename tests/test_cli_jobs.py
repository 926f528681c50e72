"""kinerja audit FILE... --jobs K: each file in order, bad files named, exit status kept."""

import csv
import io
import json
from pathlib import Path

import pytest

import kinerja
import kinerja.batch._reports as synthetic
from kinerja import batch
from kinerja.cli import _main as cli


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """Three synthetic report files, every printed figure of the first two wrong."""
    folder = tmp_path_factory.mktemp("cli-jobs")
    data = batch.synthetic_national(seed=21, satkers=3)
    saved = synthetic.MISTAKE_SHARE
    synthetic.MISTAKE_SHARE = 1.0
    try:
        reports = batch.synthetic_reports(data, range(3))
    finally:
        synthetic.MISTAKE_SHARE = saved
    paths = []
    for row, report in enumerate(reports):
        path = folder / f"satker-{row}.toml"
        kinerja.save_report(report, path)
        paths.append(str(path))
    broken = folder / "rusak.toml"
    broken.write_text("year = 20x\n", encoding="utf-8")
    return paths, str(broken)


def _run(capsys, *argv):
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_each_file_follows_its_name_as_one_file_alone(files, capsys):
    """Text with -j 2: a '==> FILE <==' line, then exactly what auditing that file alone prints."""
    paths, _ = files
    alone = [_run(capsys, "audit", path)[1] for path in paths]
    status, out, _ = _run(capsys, "audit", *paths, "--jobs", "2")
    assert status == 0
    assert out == "\n".join(f"==> {path} <==\n{text}" for path, text in zip(paths, alone,
                                                                         strict=True))


def test_a_bad_file_is_named_and_the_others_audited(files, capsys):
    """A file that cannot be read: one line on stderr naming it, status 2, the rest printed."""
    paths, broken = files
    status, out, err = _run(capsys, "audit", paths[0], broken, paths[1], "-j", "2")
    assert status == 2
    assert err.count("\n") == 1
    assert err.startswith(f"kinerja: {broken}: not valid TOML")
    assert [line for line in out.splitlines() if line.startswith("==>")] == [
        f"==> {paths[0]} <==", f"==> {paths[1]} <=="]


def test_fail_on_error_counts_every_file(files, capsys):
    """--fail-on-error exits 1 when any file has errors; without it, 0."""
    paths, _ = files
    assert _run(capsys, "audit", *paths, "-j", "2", "--fail-on-error")[0] == 1
    assert _run(capsys, "audit", *paths, "-j", "2")[0] == 0


def test_json_is_one_list_of_files(files, capsys):
    """JSON: one list, each file with its findings (as its own JSON) or its error."""
    paths, broken = files
    status, out, _ = _run(capsys, "audit", paths[1], broken, "--format", "json", "-j", "2")
    assert status == 2
    entries = json.loads(out)
    assert [entry["file"] for entry in entries] == [paths[1], broken]
    assert entries[0]["findings"] == json.loads(_run(capsys, "audit", paths[1], "--format",
                                                     "json")[1])
    assert "not valid TOML" in entries[1]["error"]


def test_csv_is_one_table_with_a_file_column(files, capsys):
    """CSV: one header, then each file's rows with the file first."""
    paths, _ = files
    status, out, _ = _run(capsys, "audit", *paths[:2], "--format", "csv", "--lang", "en",
                          "-j", "2")
    assert status == 0
    rows = list(csv.reader(io.StringIO(out)))
    one = list(csv.reader(io.StringIO(_run(capsys, "audit", paths[0], "--format", "csv",
                                           "--lang", "en")[1])))
    assert rows[0] == ["file", *one[0]]
    assert rows[1:len(one)] == [[paths[0], *row] for row in one[1:]]
    assert {row[0] for row in rows[1:]} == set(paths[:2])


def test_output_file_holds_what_stdout_shows(files, capsys, tmp_path):
    """-o FILE with several files writes the same text as standard output."""
    paths, _ = files
    target = tmp_path / "temuan.md"
    shown = _run(capsys, "audit", *paths, "--format", "markdown")[1]
    assert _run(capsys, "audit", *paths, "--format", "markdown", "-j", "2", "-o",
                str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == shown


def test_one_document_formats_need_one_file(files, capsys):
    """html, xlsx and docx make one document per report: several files exit 2 with a fix."""
    paths, _ = files
    status, out, err = _run(capsys, "audit", *paths, "--format", "html")
    assert (status, out) == (2, "")
    assert "give one FILE" in err


@pytest.mark.parametrize("jobs", ["two", "1.5"])
def test_jobs_not_a_number_is_a_command_line_error(files, capsys, jobs):
    """--jobs takes a whole number: anything else is argparse's status 2."""
    with pytest.raises(SystemExit) as caught:
        cli.main(["audit", *files[0], "--jobs", jobs])
    assert caught.value.code == 2
    assert "--jobs" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["0", "-1"])
def test_jobs_below_one_is_refused(files, capsys, jobs):
    """--jobs 0 or below: one message on stderr naming --jobs, status 2, no output."""
    status, out, err = _run(capsys, "audit", *files[0], "--jobs", jobs)
    assert (status, out) == (2, "")
    assert err == f"kinerja: --jobs: give a whole number of worker processes from 1 (got {jobs})\n"


def test_a_published_document_is_extracted_in_its_worker(files, capsys):
    """A .md report among the files: extracted as `kinerja audit DOC` does, the note on stderr."""
    document = str(Path(__file__).parent / "fixtures" / "documents"
                   / "lkjip_2023_bapas_pangkalpinang.md")
    alone = _run(capsys, "audit", document, "--format", "json")
    status, out, err = _run(capsys, "audit", files[0][0], document, "--format", "json",
                            "-j", "2")
    assert status == 0
    assert json.loads(out)[1] == {"file": document, "findings": json.loads(alone[1])}
    # The same note; a single document also lists its review items (one per line).
    assert err.splitlines()[0] == alone[2].splitlines()[0]
    assert "figures read from the document, not yet reviewed" in err
    assert all(line.startswith("review: ") for line in alone[2].splitlines()[1:])
