"""Orthanc with its PostgreSQL index (Debian ``orthanc-postgresql``) as the store.

The module's Orthanc keeps its index in a real PostgreSQL on loopback; the
Huizhen server archives in it and streams from it as in ``test_ct_stream``.
A second Orthanc process shares the index and the storage folder (Orthanc
>= 1.9.2 with the PostgreSQL plugin 4.0, ``Lock: false``) and answers for
the same instances: what a second PACS node behind a load balancer does.
"""

from __future__ import annotations

import numpy as np
import pydicom
import pytest
from orthanc import OrthancProcess, postgresql_plugin
from sqlalchemy import create_engine, text

from app.readers.dicomweb_source import open_remote_series
from app.readers.images import DicomSource
from app.sync.client import SyncClient

DATABASE = "orthanc_index"

pytestmark = pytest.mark.skipif(
    postgresql_plugin() is None and not __import__("os").environ.get("CI"),
    reason="apt package orthanc-postgresql is not installed",
)


@pytest.fixture(scope="module")
def orthanc(postgres, tmp_path_factory):
    """Overrides the conftest's Orthanc: this module's PACS indexes in PostgreSQL."""
    postgres.create_database(DATABASE)
    root = tmp_path_factory.mktemp("orthanc-pg")
    where = ("127.0.0.1", postgres.port, DATABASE, "huizhen")
    pacs = OrthancProcess(root / "a", postgres=where, storage=root / "storage").start()
    yield pacs
    pacs.stop()


@pytest.fixture(scope="module")
def second_orthanc(orthanc, postgres):
    where = ("127.0.0.1", postgres.port, DATABASE, "huizhen")
    pacs = OrthancProcess(
        orthanc.root.parent / "b", postgres=where, storage=orthanc.root.parent / "storage"
    ).start()
    yield pacs
    pacs.stop()


def test_the_index_is_in_postgresql(postgres, ct_case):
    eng = create_engine(postgres.url(DATABASE))
    try:
        with eng.connect() as conn:
            instances = conn.execute(text("SELECT count(*) FROM resources WHERE resourcetype = 3"))
            assert instances.scalar() >= len(ct_case["objects"])
    finally:
        eng.dispose()


def test_the_server_streams_a_series_indexed_in_postgresql(hz, ct_case, ct_files, tmp_path):
    client = SyncClient(hz.url)
    client.login("radiologist", "demo")
    try:
        source = open_remote_series(client, ct_case["case"]["id"], ct_case["series_uid"], tmp_path)
        volume = source.new_volume().load()
    finally:
        client.close()
    assert volume.loaded.all() and not volume.failed
    mid = len(ct_files) // 2
    np.testing.assert_array_equal(volume.array[mid], DicomSource(ct_files).frame(mid).pixels)


def test_a_second_orthanc_on_the_same_index_serves_the_same_instances(
    second_orthanc, ct_case, ct_files
):
    ds = pydicom.dcmread(ct_files[0])
    study, series, sop = ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID
    with second_orthanc.http() as http:
        found = http.get(f"/dicom-web/studies/{study}/series/{series}/instances")
        assert found.status_code == 200, found.text
        assert len(found.json()) == len(ct_case["objects"])
        accept = 'multipart/related; type="application/octet-stream"; transfer-syntax=*'
        url = f"/dicom-web/studies/{study}/series/{series}/instances/{sop}/frames/1"
        frame = http.get(url, headers={"Accept": accept})
    assert frame.status_code == 200
    assert ds.PixelData in frame.content  # one part of a multipart answer
