"""audit_many on a Dask cluster: a local cluster of two worker processes gives the serial audit."""

import pytest

import kinerja
from kinerja import batch

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    """Two worker processes of one thread each, no dashboard; closed after the module."""
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as dask_client:
        yield dask_client


@pytest.fixture(scope="module")
def data():
    return batch.synthetic_national(seed=12, satkers=10, years=(2024,))


def test_rows_on_dask_are_the_serial_audit(client, data):
    """Chunks of rows run as Dask tasks; results come back in input order, equal to audit()."""
    rows = [7, 0, 9, 3, 3, 5]
    serial = [kinerja.audit(r) for r in batch.synthetic_reports(data, rows)]
    on_dask = batch.audit_many(batch.synthetic_rows(data, rows), client=client, chunksize=2)
    assert [(r.name, r.findings) for r in on_dask] == [(r.name, r.findings) for r in serial]
    assert on_dask[0].name == "Satker sintetis 8"


def test_files_on_dask_report_a_bad_file(client, data, tmp_path):
    """A file that cannot be read gives its located error; the others are audited."""
    good = tmp_path / "baik.toml"
    kinerja.save_report(batch.synthetic_reports(data, [4])[0], good)
    missing = str(tmp_path / "hilang.toml")
    out = list(batch.iter_audits([str(good), missing, str(good)], client=client, chunksize=1))
    assert [a.ok for a in out] == [True, False, True]
    assert out[1].error.field == missing
    assert out[0].result.findings == kinerja.audit(kinerja.load_report(good)).findings
