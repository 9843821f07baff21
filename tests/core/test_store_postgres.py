"""The local store on PostgreSQL (the production option): migrations, import, worklist."""

import uuid

from pydicom.data import get_testdata_file

from app import db
from app.importer import Outcome, run_import
from app.store import Store


def test_store_runs_on_postgresql(postgres, tmp_path):
    url = postgres.create_database(f"huizhen_{uuid.uuid4().hex[:8]}")
    store = Store(url, tmp_path / "data")
    try:
        assert db.current_revision(store.engine) == db.head_revision()
        files = [get_testdata_file(n, download=False) for n in ("RG1_UNCR.dcm", "waveform_ecg.dcm")]
        report = run_import(store, files)
        assert [e.outcome for e in report.entries] == [Outcome.IMPORTED] * 2
        again = run_import(store, files)
        assert [e.outcome for e in again.entries] == [Outcome.DUPLICATE] * 2
        rows = store.worklist_rows()
        assert sorted(r.modality for r in rows) == ["CR", "ECG"]
        obj, _ = store.object_paths(rows[0].study_pk)[0]
        assert isinstance(obj.meta, dict)  # JSON columns round-trip on PostgreSQL
    finally:
        store.close()
