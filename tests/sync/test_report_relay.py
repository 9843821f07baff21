"""Report steps in app.reports reach the server through the outbox (store.events.report)."""

from __future__ import annotations

from sqlalchemy import select
from sync_helpers import Api, ecg_consult_at_specialist, import_sample, signed_in

from app import reports
from app.auth import authenticate, seed_demo_users
from app.models import Outbox, Report
from app.sync import SyncState, run_sync_once
from app.sync.outbox import request_consult
from app.sync.relay import queue_report_change


def _relay(store, role: str, seen: list):
    def on_report(study_pk, report_pk, action):
        seen.append(action)
        queue_report_change(store, study_pk, report_pk, action, "", role)

    store.events.report.connect(on_report)


def _decide_all(store, r, user):
    return reports.edit(store, r.id, findings=[dict(f, confirmed=True) for f in r.findings],
                        user=user)  # fmt: skip


SUMMARY = {"model": {"name": "test", "version": "1"}, "measurements": {}, "findings": []}


def test_specialist_steps_are_sent_and_the_clinic_sees_the_signer(
    server, clinic_store, specialist_store
):
    clinic, specialist, pk, spk, user = ecg_consult_at_specialist(
        server.url, clinic_store, specialist_store
    )
    seen: list[str] = []
    _relay(specialist_store, user.role, seen)
    r = reports.create_draft(specialist_store, spk, SUMMARY, language="en", user=user)
    r = reports.edit(specialist_store, r.id, text=r.text + "\nSinus rhythm.", user=user)
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    r = reports.confirm(specialist_store, r.id, user)
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    assert reports.get_report(specialist_store, r.id).state == "confirmed"  # kept here
    reports.sign(specialist_store, r.id, user)
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    assert seen == ["create", "edit", "confirm", "sign"]
    with specialist_store.read_session() as s:
        sid = s.get(Report, r.id).server_id
        assert all(o.state == "done" for o in s.scalars(select(Outbox)))
    there = Api(server.url, "doctor").ok("GET", f"/reports/{sid}")
    assert there["state"] == "signed" and there["text"].endswith("Sinus rhythm.")

    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    view = reports.current_report(clinic_store, pk)
    assert view.locked and view.text.endswith("Sinus rhythm.")
    assert view.signed_by_name  # the signer, named from the server's directory
    with clinic_store.read_session() as s:
        from app.models import User

        signer = s.get(User, view.signed_by)
        assert signer.username == "specialist" and not signer.active  # cannot sign in here
    clinic.close()
    specialist.close()


def test_local_cases_and_community_doctors_queue_nothing(server, clinic_store):
    seed_demo_users(clinic_store)
    doctor = authenticate(clinic_store, "doctor", "demo")
    pk = import_sample(clinic_store)
    r = reports.create_draft(clinic_store, pk, SUMMARY, language="en", user=doctor)
    # not on the server yet: stays local whatever the role
    assert queue_report_change(clinic_store, pk, r.id, "create", "", "specialist") == []
    request_consult(clinic_store, pk, "ECG?", "routine", "cardiology")
    clinic = signed_in(server.url, "doctor")
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    # on the server, but a community doctor's own report is not the server's
    assert queue_report_change(clinic_store, pk, r.id, "edit", "", doctor.role) == []
    # a specialist's save is queued once however often it autosaves
    kinds = [queue_report_change(clinic_store, pk, r.id, "autosave", "", "specialist")
             for _ in range(3)]  # fmt: skip
    assert kinds == [["report.save"], [], []]
    clinic.close()
