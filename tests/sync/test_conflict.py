"""A report changed on the server by someone else: 409 recorded with both versions."""

from __future__ import annotations

from sqlalchemy import select
from sync_helpers import Api, import_sample, signed_in

from app.models import ConsultRequest, Outbox, Report
from app.sync import SyncState, run_sync_once
from app.sync.conflicts import open_conflicts, resolve
from app.sync.outbox import counts, request_consult, save_report


def _setup(server, clinic_store, specialist_store):
    clinic = signed_in(server.url, "doctor")
    specialist = signed_in(server.url, "specialist")
    pk = import_sample(clinic_store)
    request_consult(clinic_store, pk, "conflict?", "routine", "cardiology")
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    with specialist_store.read_session() as s:
        consult = s.scalars(select(ConsultRequest)).one()
    return specialist, consult


def test_conflicting_report_edit_keeps_both_versions(server, clinic_store, specialist_store):
    specialist, consult = _setup(server, clinic_store, specialist_store)
    spk = consult.study_pk
    rpk = save_report(specialist_store, spk, "draft one", "", consult.id)
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    with specialist_store.read_session() as s:
        sid, version = s.get(Report, rpk).server_id, s.get(Report, rpk).version

    other = Api(server.url, "specialist")  # the same report edited at another workstation
    other.ok("PATCH", f"/reports/{sid}", json={"text": "their text", "version": version})

    save_report(specialist_store, spk, "my text", "my conclusion", consult.id)
    report = run_sync_once(specialist_store, specialist)
    assert report.state == SyncState.SYNCED and report.pushed.conflicts == 1
    [conflict] = open_conflicts(specialist_store)
    assert conflict.local["text"] == "my text"
    assert conflict.remote["text"] == "their text"
    assert counts(specialist_store)["conflicts"] == 1
    with specialist_store.read_session() as s:
        assert s.get(Report, rpk).text == "my text"  # not overwritten by the pull
        assert s.scalars(select(Outbox).where(Outbox.state == "conflict")).all()
    assert other.ok("GET", f"/reports/{sid}")["text"] == "their text"  # nor theirs

    resolve(specialist_store, conflict.id, "mine", "specialist")
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    assert open_conflicts(specialist_store) == []
    server_side = other.ok("GET", f"/reports/{sid}")
    assert (server_side["text"], server_side["conclusion"]) == ("my text", "my conclusion")
    assert counts(specialist_store) == {"pending": 0, "failed": 0, "conflicts": 0}


def test_take_theirs_replaces_the_local_text(server, clinic_store, specialist_store):
    specialist, consult = _setup(server, clinic_store, specialist_store)
    rpk = save_report(specialist_store, consult.study_pk, "draft", "", consult.id)
    run_sync_once(specialist_store, specialist)
    with specialist_store.read_session() as s:
        r = s.get(Report, rpk)
    other = Api(server.url, "specialist")
    other.ok("PATCH", f"/reports/{r.server_id}", json={"text": "theirs", "version": r.version})
    save_report(specialist_store, consult.study_pk, "mine", "", consult.id, sign=True)
    assert run_sync_once(specialist_store, specialist).pushed.conflicts == 1
    [conflict] = open_conflicts(specialist_store)
    resolve(specialist_store, conflict.id, "theirs")
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    with specialist_store.read_session() as s:
        assert s.get(Report, rpk).text == "theirs"
    assert other.ok("GET", f"/reports/{r.server_id}")["state"] == "draft"  # the sign was dropped
    assert counts(specialist_store)["pending"] == 0
