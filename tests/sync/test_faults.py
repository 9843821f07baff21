"""kill -9 of the server during push and pull, expired logins, wrong addresses."""

from __future__ import annotations

import random
import time

from sqlalchemy import func, select
from sync_helpers import Api, ecg_copies, import_sample, make_server, signed_in, wait_until

from app.models import ConsultRequest, Outbox, StoredObject, Study
from app.sync import SyncClient, SyncService, SyncState, run_sync_once
from app.sync.client import BadAddress
from app.sync.outbox import counts, request_consult

N = 5


def _count(store, model) -> int:
    with store.read_session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_kill9_during_push_and_pull_loses_and_duplicates_nothing(
    tmp_path, clinic_store, specialist_store
):
    srv = make_server(tmp_path / "srv").start()
    try:
        clinic = signed_in(srv.url, "doctor")
        specialist = signed_in(srv.url, "specialist")
        pks = [import_sample(clinic_store, str(p)) for p in ecg_copies(tmp_path / "in", N)]
        for i, pk in enumerate(pks):
            request_consult(clinic_store, pk, f"question {i}", "routine", "cardiology")
        rng = random.Random(4)
        services = [
            SyncService(clinic_store, clinic, interval=0.05, sse=False),
            SyncService(specialist_store, specialist, interval=0.05, sse=False),
        ]
        seen = []
        for svc in services:
            svc.chunk = 16 * 1024  # many chunked-upload requests to land a kill in
            svc.status.changed.connect(lambda snap: seen.append(snap.state))
            svc.start()
        kills = 0
        try:
            for _ in range(4):
                time.sleep(rng.uniform(0.05, 0.4))
                srv.kill9()
                kills += 1
                time.sleep(0.2)
                srv.start()
        finally:
            for svc in services:
                svc.stop()
        assert kills == 4
        assert seen  # the services ran through the kills (which states they passed through
        # depends on the machine's speed: the outcome below is what must hold)
        for store, client in ((clinic_store, clinic), (specialist_store, specialist)):
            try:
                wait_until(lambda s=store, c=client: _settled(s, c), timeout=120, every=0.2)
            except AssertionError:
                log = srv.log.read_text()[-2500:]
                raise AssertionError(f"not settled: {_settled.last}\n{log}") from None
        doctor = Api(srv.url, "doctor")
        consults = doctor.ok("GET", "/consults")["consults"]
        assert sorted(c["question"] for c in consults) == [f"question {i}" for i in range(5)]
        assert len(doctor.ok("GET", "/cases")["cases"]) == N
        for c in consults:
            objs = doctor.ok("GET", f"/cases/{c['case_id']}/objects")["objects"]
            assert len(objs) == 1, objs
        with clinic_store.read_session() as s:
            assert s.scalar(select(func.count()).where(Study.server_id.is_(None))) == 0
            assert s.scalar(select(func.count()).where(StoredObject.server_id.is_(None))) == 0
        assert _count(clinic_store, ConsultRequest) == 5
        assert _count(specialist_store, ConsultRequest) == 5
        assert _count(specialist_store, Study) == 5
        assert counts(clinic_store) == {"pending": 0, "failed": 0, "conflicts": 0}
    finally:
        srv.stop()


def _settled(store, client) -> bool:
    report = run_sync_once(store, client, chunk=16 * 1024)
    c = counts(store)
    _settled.last = (report, c, [(r.kind, r.state, r.last_error) for r in _open_rows(store)])
    return report.state == SyncState.SYNCED and c["pending"] == 0


def _open_rows(store):
    with store.read_session() as s:
        return s.scalars(select(Outbox).where(Outbox.state != "done")).all()


def test_expired_login_keeps_everything_and_resumes(tmp_path, clinic_store):
    # refresh-ttl 2 left 0.8 s after the first sleep for the first sync to refresh: a loaded
    # machine could take longer, and the login had expired before the test meant it to
    srv = make_server(tmp_path / "srv", "--token-ttl", "1", "--refresh-ttl", "6").start()
    try:
        clinic = signed_in(srv.url, "doctor")
        time.sleep(1.2)  # the access token expires: a refresh renews it silently
        assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
        time.sleep(6.2)  # now the refresh token has expired too
        pk = import_sample(clinic_store)
        request_consult(clinic_store, pk, "please read", "routine", "cardiology")
        report = run_sync_once(clinic_store, clinic)
        assert report.state == SyncState.LOGIN_EXPIRED
        assert "sign in again" in report.error
        assert not clinic.signed_in
        assert counts(clinic_store)["pending"] == 3
        assert run_sync_once(clinic_store, clinic).state == SyncState.LOGIN_EXPIRED
        clinic.login("doctor", "demo")
        assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
        assert counts(clinic_store)["pending"] == 0
        assert len(Api(srv.url, "doctor").ok("GET", "/consults")["consults"]) == 1
    finally:
        srv.stop()


def test_wrong_address_and_down_server_are_told_apart(server, clinic_store, tmp_path):
    client = signed_in(server.url, "doctor")
    client.set_base_url(server.url + "/not-huizhen")
    report = run_sync_once(clinic_store, client)
    assert report.state == SyncState.ERROR and "Huizhen server" in report.error
    try:
        SyncClient("htp:/nowhere").health()
        raise AssertionError("a malformed address must be refused")
    except BadAddress as err:
        assert "valid server address" in str(err)
    client.set_base_url(server.url)
    server.stop()
    assert run_sync_once(clinic_store, client).state == SyncState.OFFLINE
    server.start()
    assert run_sync_once(clinic_store, client).state == SyncState.SYNCED
    with clinic_store.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Outbox)) == 0
