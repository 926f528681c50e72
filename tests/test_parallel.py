"""Many reports at once: worker processes give the serial audit's results, in order, streamed."""

import itertools

import pytest

import kinerja
import kinerja.batch._chunks as chunks
import kinerja.batch._many as many
from kinerja import batch


@pytest.fixture(scope="module")
def data():
    return batch.synthetic_national(seed=11, satkers=25, years=(2023, 2024))


@pytest.fixture(scope="module")
def files(data, tmp_path_factory):
    """Eight report files of synthetic reports, and a broken one third from the front."""
    folder = tmp_path_factory.mktemp("reports")
    paths = []
    for row, report in enumerate(batch.synthetic_reports(data, range(8))):
        path = folder / f"laporan-{row}.toml"
        kinerja.save_report(report, path)
        paths.append(str(path))
    broken = folder / "rusak.toml"
    broken.write_text('format = "kinerja-report"\nversion = 1\nyear = 20x\n', encoding="utf-8")
    return [*paths[:2], str(broken), *paths[2:]]


def _findings(results):
    return [(r.name, r.year, r.findings) for r in results]


def test_rows_in_workers_are_the_serial_audit(data):
    """workers=2 on rows gives, in input order, what kinerja.audit gives report by report."""
    rows = [40, 3, 17, 17, 0, 49, 22, 8, 31]
    serial = [kinerja.audit(r) for r in batch.synthetic_reports(data, rows)]
    parallel = batch.audit_many(batch.synthetic_rows(data, rows), workers=2, chunksize=2)
    assert _findings(parallel) == _findings(serial)
    assert [r.name for r in parallel][:2] == ["Satker sintetis 16", "Satker sintetis 4"]


def test_rows_give_the_same_reports_in_any_chunking(data):
    """A row's report (its planted mistakes included) does not depend on its neighbours."""
    alone = [batch.synthetic_reports(data, [row])[0] for row in (9, 2, 30)]
    assert batch.synthetic_reports(data, [9, 2, 30]) == alone
    assert list(batch.synthetic_rows(data, [9, 2, 30])) == alone


def test_paths_in_workers_report_a_bad_file_and_go_on(files):
    """A broken file gives its located error; every other file is audited as audit() does."""
    out = list(batch.iter_audits(files, workers=2, chunksize=3))
    assert [a.index for a in out] == list(range(9))
    assert [a.source for a in out] == files
    bad = out[2]
    assert not bad.ok
    assert bad.result is None
    assert isinstance(bad.error, kinerja.ReportFileError)
    assert bad.error.field == files[2]
    assert "line 3" in str(bad.error)
    good = [a for a in out if a.ok]
    assert len(good) == 8
    assert [a.result.findings for a in good] == [
        kinerja.audit(kinerja.load_report(a.source)).findings for a in good]


def test_a_bug_on_one_file_is_that_files_error(files, monkeypatch):
    """An unexpected exception while reading one file is located there; the others go on."""
    real = chunks.load_report

    def flaky(path):
        if path == files[4]:
            raise ZeroDivisionError("division by zero")
        return real(path)

    monkeypatch.setattr(chunks, "load_report", flaky)
    out = list(batch.iter_audits(files))
    assert [a.ok for a in out] == [True, True, False, True, False, True, True, True, True]
    assert out[4].error.field == files[4]
    assert "internal error (ZeroDivisionError: division by zero)" in str(out[4].error)


def test_audit_many_names_every_file_it_could_not_read(files, tmp_path):
    """The list form audits the rest, then raises one group naming each bad file."""
    missing = str(tmp_path / "hilang.toml")
    with pytest.raises(kinerja.ValidationError) as caught:
        batch.audit_many([*files, missing], workers=2)
    assert sorted(e.field for e in caught.value.exceptions) == sorted([files[2], missing])
    assert str(caught.value).startswith("2 of 10 reports could not be read")


def test_serial_and_workers_agree_on_files(files):
    """The same files, serial and in workers: the same outcomes."""
    def outcome(a):
        return a.index, a.source, a.result and a.result.findings, type(a.error)

    assert [outcome(a) for a in batch.iter_audits(files)] == [
        outcome(a) for a in batch.iter_audits(files, workers=2)]


def test_spawned_workers_build_their_own_reports(data, monkeypatch):
    """Under the 'spawn' start method (a fresh interpreter per worker) the results are the same."""
    monkeypatch.setattr(many, "START_METHOD", "spawn")
    rows = batch.synthetic_rows(data, range(6))
    assert _findings(batch.audit_many(rows, workers=2)) == _findings(
        kinerja.audit(r) for r in rows)


def test_results_stream_before_the_input_is_read(files):
    """The first result arrives after a window of chunks, not after the whole input."""
    taken = []

    def paths():
        for path in itertools.cycle(files):
            taken.append(path)
            yield path

    stream = batch.iter_audits(paths(), workers=2, chunksize=2)
    first = next(stream)
    stream.close()  # stops the workers; the endless input is never read to its end
    assert first.source == files[0]
    assert len(taken) <= many.WINDOW * 2 * 2 + 2


def test_report_objects_stay_in_this_process(data):
    """Report objects with workers= are refused (pickling one costs as much as auditing it)."""
    reports = batch.synthetic_reports(data, range(2))
    with pytest.raises(kinerja.InvalidTypeError) as caught:
        batch.audit_many(reports, workers=2)
    assert caught.value.field == "report"
    assert "path" in caught.value.fix


@pytest.mark.parametrize(("kwargs", "error", "field"), [
    ({"workers": 0}, kinerja.InvalidValueError, "workers"),
    ({"workers": 2.5}, kinerja.InvalidTypeError, "workers"),
    ({"chunksize": 0}, kinerja.InvalidValueError, "chunksize"),
    ({"workers": 2, "client": object()}, kinerja.InvalidValueError, "workers"),
    ({"client": object()}, kinerja.InvalidTypeError, "client"),
])
def test_bad_options_name_their_field(files, kwargs, error, field):
    """Bad workers, chunksize or client raise the library's error naming the option."""
    with pytest.raises(error) as caught:
        batch.iter_audits(files, **kwargs)
    assert caught.value.field == field


@pytest.mark.parametrize("reports", ["laporan.toml", kinerja.example_report(), 7])
def test_one_report_instead_of_many_is_refused(reports):
    """A single path or report (not a list of them) is refused, naming the argument."""
    with pytest.raises(kinerja.InvalidTypeError) as caught:
        batch.audit_many(reports)
    assert caught.value.field == "reports"
