"""Clinic -> server -> specialist -> server -> clinic, with the real server process."""

from __future__ import annotations

from sqlalchemy import select
from sync_helpers import Api, import_sample, signed_in

from app.models import ConsultRequest, Outbox, Report, StoredObject, Study, WorklistItem
from app.sync import SyncState, run_sync_once
from app.sync.files import download_study, missing_files
from app.sync.outbox import counts, request_consult, save_report


def test_offline_consult_is_delivered_once_and_answered(server, clinic_store, specialist_store):
    clinic = signed_in(server.url, "doctor")
    specialist = signed_in(server.url, "specialist")
    pk = import_sample(clinic_store)

    server.stop()  # the clinic works offline
    consult_pk = request_consult(
        clinic_store, pk, "ST changes?", "urgent", "cardiology", ai_text="AI (test 1): none"
    )
    report = run_sync_once(clinic_store, clinic)
    assert report.state == SyncState.OFFLINE
    assert "not reachable" in report.error
    assert counts(clinic_store)["pending"] == 3  # case, file, consult

    server.start()  # same address
    for _ in range(2):  # the second run must not send anything again
        assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    assert counts(clinic_store) == {"pending": 0, "failed": 0, "conflicts": 0}
    doctor = Api(server.url, "doctor")
    consults = doctor.ok("GET", "/consults")["consults"]
    assert len(consults) == 1 and consults[0]["question"].startswith("ST changes?")
    assert len(doctor.ok("GET", "/cases")["cases"]) == 1
    case_id = consults[0]["case_id"]
    objects = doctor.ok("GET", f"/cases/{case_id}/objects")["objects"]
    with clinic_store.read_session() as s:
        digest = s.scalar(select(StoredObject.sha256).where(StoredObject.study_pk == pk))
        assert s.get(Study, pk).server_id == case_id
        assert s.get(ConsultRequest, consult_pk).server_id == consults[0]["id"]
    assert [o["sha256"] for o in objects] == [digest]

    # the specialist pulls the consult addressed to them and downloads the study
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    with specialist_store.read_session() as s:
        remote = s.scalars(select(ConsultRequest)).one()
        spk = remote.study_pk
        assert remote.status == "sent" and remote.urgency == "urgent"
        assert s.get(Study, spk).modality == "ECG"
    assert len(missing_files(specialist_store, spk)) == 1
    assert download_study(specialist_store, specialist, spk) == 1
    assert missing_files(specialist_store, spk) == []
    # the downloaded file is in its series folder under its original name, and opens
    ((obj, path),) = specialist_store.object_paths(spk)
    assert path.name == obj.filename and path.parent.parent.name == "series"
    assert len(specialist_store.open_source(spk).leads) == 12

    save_report(specialist_store, spk, "Sinus rhythm.", "No acute change.", remote.id, sign=True)
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    assert counts(specialist_store)["pending"] == 0

    # the clinic sees the signed report and the status change
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    with clinic_store.read_session() as s:
        rep = s.scalars(select(Report).where(Report.study_pk == pk)).one()
        assert (rep.state, rep.text, rep.conclusion) == (
            "signed",
            "Sinus rhythm.",
            "No acute change.",
        )
        c = s.get(ConsultRequest, consult_pk)
        assert c.status == "reported"
        assert [e["status"] for e in c.timeline][0] == "sent"
        assert [e["status"] for e in c.timeline][-1] == "reported"
        assert "in_review" in [e["status"] for e in c.timeline]
        item = s.scalars(select(WorklistItem).where(WorklistItem.study_pk == pk)).one()
        assert item.status == "signed"
        assert s.scalar(select(Outbox).where(Outbox.state != "done")) is None
    clinic.close()
    specialist.close()
