"""The server's own pre-read runs only the AI products the case's clinic subscribes to:
a real server process (SQLite, loopback, its in-process job loop), the real pydicom
12-lead ECG, subscriptions changed through the admin API."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.server.hzserver_helpers import Api, wait_until

ECG_PRODUCT = "huizhen-ecg"


def _product_id(admin: Api, code: str) -> int:
    return next(
        p["id"] for p in admin.ok("GET", "/admin/ai-products")["products"] if p["code"] == code
    )


def _upload_ecg(api: Api, path: str) -> tuple[int, int]:
    data = Path(path).read_bytes()
    case = api.new_case("ECG")
    obj = api.ok(
        "POST",
        f"/cases/{case['id']}/objects",
        201,
        params={"filename": Path(path).name, "sha256": hashlib.sha256(data).hexdigest()},
        content=data,
    )
    return case["id"], obj["id"]


def _settled(api: Api, case_id: int, object_id: int) -> dict:
    def check():
        case = api.ok("GET", f"/cases/{case_id}")
        obj = next(o for o in case["objects"] if o["id"] == object_id)
        return case if obj["preread_state"] != "pending" else None

    return wait_until(check, timeout=120)


def test_unsubscribed_product_is_not_run_and_the_case_says_so(admin, second_clinic, real_ecg):
    pytest.importorskip("inference.ecg")
    org, doc = second_clinic
    ecg = _product_id(admin, ECG_PRODUCT)
    admin.ok("DELETE", f"/admin/ai-products/{ecg}/subscriptions/{org['id']}")

    case_id, obj_id = _upload_ecg(doc, real_ecg)
    case = _settled(doc, case_id, obj_id)
    (obj,) = case["objects"]
    assert obj["preread_state"] == "unsubscribed"
    assert obj["preread_note"] == "no subscribed AI product for this modality"
    assert case["ai_results"] == [] and case["alerts"] == []
    assert case["status"] != "ai_preread"

    # subscribed again: the next ECG of the clinic is pre-read by the server
    admin.ok("POST", f"/admin/ai-products/{ecg}/subscriptions", 201, json={"org_id": org["id"]})
    case_id, obj_id = _upload_ecg(doc, real_ecg)
    case = _settled(doc, case_id, obj_id)
    (obj,) = case["objects"]
    assert obj["preread_state"] == "done" and "preread_note" not in obj
    (ai,) = case["ai_results"]
    assert ai["source"] == "server" and ai["model"]["id"] == "openecg-codec"


def test_a_subscribed_clinic_is_pre_read(doctor, real_ecg):
    """The demo clinic (subscribed by the migration) gets the server's ECG pre-read."""
    pytest.importorskip("inference.ecg")
    case_id, obj_id = _upload_ecg(doctor, real_ecg)
    case = _settled(doctor, case_id, obj_id)
    assert case["objects"][0]["preread_state"] == "done"
    assert case["ai_results"][0]["model"]["id"] == "openecg-codec"


def test_the_clinic_workstation_is_told_the_server_ran_no_ai(
    admin, second_clinic, real_ecg, server, tmp_path, qtbot
):
    """The server's `unsubscribed` state reaches the clinic's workstation through a pull
    and is said on the case's timeline strip."""
    pytest.importorskip("inference.ecg")
    from app.importer import run_import
    from app.store import Store
    from app.sync import SyncClient, SyncState, run_sync_once
    from app.sync.outbox import request_consult
    from app.sync.preread_state import server_preread_states
    from ui.consult_dialog import TimelineStrip

    org, doc = second_clinic
    ecg = _product_id(admin, ECG_PRODUCT)
    admin.ok("DELETE", f"/admin/ai-products/{ecg}/subscriptions/{org['id']}")
    store = Store(f"sqlite:///{tmp_path / 'huizhen.sqlite'}", tmp_path)
    try:
        pk = run_import(store, [real_ecg]).study_pks[0]
        request_consult(store, pk, "ECG?", "routine", "cardiology")
        client = SyncClient(server.url)
        client.login("hilldoc", "a-Long-pass-phrase-77")
        assert run_sync_once(store, client).state == SyncState.SYNCED

        def told():
            assert run_sync_once(store, client).state == SyncState.SYNCED
            return server_preread_states(store, pk) or None

        assert wait_until(told, timeout=120) == ["unsubscribed"]
        strip = TimelineStrip()
        qtbot.addWidget(strip)
        strip.set_consults([], [], server_preread_states(store, pk))
        assert "no AI pre-read" in strip.text() and not strip.isHidden()
    finally:
        store.close()
        admin.ok("POST", f"/admin/ai-products/{ecg}/subscriptions", 201, json={"org_id": org["id"]})
