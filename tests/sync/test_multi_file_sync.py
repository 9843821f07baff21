"""A WFDB record (.hea + .dat + .atr) travels clinic -> server -> specialist as one
case and opens at the specialist: the files arrive with their original names in
one series folder, so the header finds its signal file."""

from __future__ import annotations

from sync_helpers import signed_in

from app.importer import run_import
from app.sync import SyncState, run_sync_once
from app.sync.files import download_study, missing_files
from app.sync.outbox import request_consult
from tests.samples import wfdb_record


def test_wfdb_record_reopens_at_the_specialist(server, clinic_store, specialist_store, tmp_path):
    clinic = signed_in(server.url, "doctor")
    specialist = signed_in(server.url, "specialist")
    wfdb_record(tmp_path / "rec")
    (entry,) = run_import(clinic_store, [tmp_path / "rec"]).entries
    request_consult(clinic_store, entry.study_pk, "Rhythm?", "routine", "cardiology")
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    (row,) = specialist_store.worklist_rows()
    assert len(missing_files(specialist_store, row.study_pk)) == 3
    assert download_study(specialist_store, specialist, row.study_pk) == 3
    names = sorted(p.name for _o, p in specialist_store.object_paths(row.study_pk))
    assert names == ["ecg100.atr", "ecg100.dat", "ecg100.hea"]
    sig = specialist_store.open_source(row.study_pk)
    assert sig.data.shape == (12, 10000)
    (ser,) = specialist_store.series_list(row.study_pk)
    assert ser.reader == "wfdb"  # recognised once, on first opening, and kept
