"""A patient assigned at the clinic to a bare photo that is already on the
server reaches the server case (outbox kind ``case.patient``), audited; only the
case's own organisation may change it.  The photo is scikit-image's real
``retina.jpg`` under a camera file name (no patient details)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sync_helpers import Api, signed_in

from app.importer import run_import
from app.patients import Assignment, assign_patient
from app.sync import SyncState, run_sync_once
from app.sync.outbox import request_consult


def test_assigned_patient_reaches_the_server_case(server, clinic_store, specialist_store, tmp_path):
    import skimage

    photo = tmp_path / "IMG_0042.jpg"
    photo.write_bytes((Path(skimage.__file__).parent / "data" / "retina.jpg").read_bytes())
    (entry,) = run_import(clinic_store, [photo]).entries
    pk = entry.study_pk
    request_consult(clinic_store, pk, "Diabetic retinopathy?", "routine", "ophthalmology")
    clinic = signed_in(server.url, "doctor")
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    doctor = Api(server.url, "doctor")
    [case] = [c for c in doctor.ok("GET", "/cases")["cases"] if c["modality"] == "OP"]
    placeholder = case["patient"]["id"]
    assert placeholder != "MRN-7"
    eye = signed_in(server.url, "ophthalmologist")
    assert run_sync_once(specialist_store, eye).state == SyncState.SYNCED
    [row] = specialist_store.worklist_rows()
    assert row.patient_id == placeholder

    when = datetime(2026, 11, 20, 9, 30)
    assign_patient(clinic_store, pk, Assignment("MRN-7", "王^芳", "F", "1961-03-04", "L", when))
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    now = doctor.ok("GET", f"/cases/{case['id']}")
    assert now["patient"] == {"id": "MRN-7", "name": "王^芳", "sex": "F", "birth_date": "19610304"}
    assert now["study"]["time"].startswith("2026-11-20T09:30")
    audit = Api(server.url, "admin").ok("GET", "/admin/audit", params={"action": "patient_assign"})
    [entry] = [e for e in audit["entries"] if e["resource_id"] == str(case["id"])]
    assert entry["username"] == "doctor" and entry["detail"]["previous"] == placeholder

    # the specialist's workstation follows on its next pull
    assert run_sync_once(specialist_store, eye).state == SyncState.SYNCED
    [row] = specialist_store.worklist_rows()
    assert (row.patient_id, row.patient_name, row.sex) == ("MRN-7", "王^芳", "F")
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED  # the clinic keeps it
    [mine] = [r for r in clinic_store.worklist_rows() if r.study_pk == pk]
    assert mine.patient_id == "MRN-7" and not mine.unassigned

    # the specialist sees the case (consult) but may not change another clinic's patient
    spec = Api(server.url, "ophthalmologist")
    assert spec.ok("GET", f"/cases/{case['id']}")["patient"]["id"] == "MRN-7"
    r = spec.put(f"/cases/{case['id']}/patient", json={"patient": {"id": "X-1"}})
    assert r.status_code == 404
    assert doctor.ok("GET", f"/cases/{case['id']}")["patient"]["id"] == "MRN-7"
