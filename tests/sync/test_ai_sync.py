"""AI results and alert acknowledgements between two workstations and a real
server process, without the UI: one result everywhere, acknowledgements both ways."""

from __future__ import annotations

import pydicom
import pytest
from sqlalchemy import func, select
from sync_helpers import Api, signed_in

from app.models import AIResult, Alert, Study


@pytest.fixture
def stemi(store_dir):
    from app.demo.build import build_stemi_ecg, sample_path

    return build_stemi_ecg(pydicom.dcmread(sample_path("waveform_ecg.dcm")), store_dir)


@pytest.fixture
def store_dir(tmp_path):
    d = tmp_path / "files"
    d.mkdir()
    return d


def _count(store, model, **where) -> int:
    with store.read_session() as s:
        return s.scalar(select(func.count()).select_from(model).filter_by(**where))


def _sync(store, client):
    from app.sync import SyncState, run_sync_once

    report = run_sync_once(store, client)
    assert report.state == SyncState.SYNCED, report.error
    return report


def _clinic_case(clinic_store, stemi, acknowledge: bool):
    from app.importer import run_import
    from app.sync.outbox import request_consult
    from inference.preread import run_preread

    [pk] = run_import(clinic_store, [stemi]).study_pks
    assert run_preread(clinic_store, [pk])[pk].urgency == "critical"
    if acknowledge:
        [a] = clinic_store.open_alerts()
        clinic_store.acknowledge_alert(a.alert_id)
    request_consult(clinic_store, pk, "STEMI?", "critical", "cardiology", username="doctor")
    return pk


def test_the_specialists_acknowledgement_reaches_the_clinic(
    server, clinic_store, specialist_store, stemi
):
    clinic, spec = signed_in(server.url, "doctor"), signed_in(server.url, "specialist")
    pk = _clinic_case(clinic_store, stemi, acknowledge=False)
    _sync(clinic_store, clinic)
    _sync(specialist_store, spec)
    with specialist_store.read_session() as s:
        spk = s.scalar(select(Study.id))
    assert _count(specialist_store, AIResult, study_pk=spk) == 1
    [open_there] = specialist_store.open_alerts()  # the red banner at the hospital too
    from app.auth import authenticate, seed_demo_users

    seed_demo_users(specialist_store)
    specialist_store.user = authenticate(specialist_store, "specialist", "demo")
    specialist_store.acknowledge_alert(open_there.alert_id)
    _sync(specialist_store, spec)  # the acknowledgement goes to the server
    _sync(clinic_store, clinic)  # and comes to the clinic
    assert clinic_store.open_alerts() == []
    with clinic_store.read_session() as s:
        a = s.scalars(select(Alert).where(Alert.study_pk == pk)).one()
        # who: the account the server knows (its directory name of the specialist)
        assert a.acknowledged_at is not None and "心内科专家" in a.acknowledged_by_name
    assert _count(clinic_store, AIResult, study_pk=pk) == 1


def test_an_acknowledgement_after_sending_reaches_the_server(
    server, clinic_store, specialist_store, stemi
):
    clinic = signed_in(server.url, "doctor")
    pk = _clinic_case(clinic_store, stemi, acknowledge=False)
    _sync(clinic_store, clinic)
    _sync(clinic_store, clinic)  # the server's alert comes back linked to ours
    assert _count(clinic_store, Alert, study_pk=pk) == 1
    [a] = clinic_store.open_alerts()
    clinic_store.acknowledge_alert(a.alert_id)
    _sync(clinic_store, clinic)
    with clinic_store.read_session() as s:
        case_id = s.scalar(select(Study.server_id).where(Study.id == pk))
        acked_here = s.scalar(select(Alert.acknowledged_at).where(Alert.study_pk == pk))
    [there] = Api(server.url, "doctor").ok("GET", f"/cases/{case_id}")["alerts"]
    assert there["finding_code"] == "STEMI"
    # when: the moment the doctor clicked, not when the sync ran
    assert there["acknowledged_at"] == acked_here.isoformat(timespec="milliseconds") + "Z"


def test_a_consult_brings_what_the_case_had_before_it(
    server, clinic_store, specialist_store, stemi
):
    """The case, its file and its AI result reach the server before the consult; the
    specialist pulls in between (those changes are not theirs yet, the cursor moves on);
    the consult then brings the whole case, result and acknowledged alert included."""
    from app.importer import run_import
    from app.sync.outbox import ensure_on_server, request_consult
    from inference.preread import run_preread

    clinic, spec = signed_in(server.url, "doctor"), signed_in(server.url, "specialist")
    [pk] = run_import(clinic_store, [stemi]).study_pks
    run_preread(clinic_store, [pk])
    [a] = clinic_store.open_alerts()
    clinic_store.acknowledge_alert(a.alert_id)
    with clinic_store.session() as s:
        ensure_on_server(s, s.get(Study, pk), "doctor")
    _sync(clinic_store, clinic)
    _sync(specialist_store, spec)  # nothing of this case is the specialist's yet
    with specialist_store.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Study)) == 0
    request_consult(clinic_store, pk, "STEMI?", "critical", "cardiology", username="doctor")
    _sync(clinic_store, clinic)
    _sync(specialist_store, spec)
    with specialist_store.read_session() as s:
        spk = s.scalar(select(Study.id))
        alert = s.scalars(select(Alert).where(Alert.study_pk == spk)).one()
    assert _count(specialist_store, AIResult, study_pk=spk) == 1
    assert alert.acknowledged_at is not None and specialist_store.open_alerts() == []
