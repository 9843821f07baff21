"""The workstation follows its clinic's subscriptions: fetched from a real server
process, cached for offline use, applied to the analyzer registry and to the model
slots (a remote product runs the pre-read on a real KServe endpoint)."""

from __future__ import annotations

import json

from app.ai import registry, subscriptions
from app.ai.products import BUILTIN
from app.ai.store import latest_result
from app.importer import run_import
from app.store import Store
from app.sync.client import SyncClient
from inference.placement import NOT_RUN, RAN_LOCALLY
from inference.preread import run_preread
from inference.registry import REGISTRY
from tests.oip.conftest import MODEL, SERVED_VERSION
from tests.oip.oip_helpers import free_port


def signed_in(server, user: str = "doctor") -> SyncClient:
    client = SyncClient(server.url)
    client.login(user, "demo")
    return client


def ecg_product(admin) -> dict:
    products = admin.ok("GET", "/admin/ai-products")["products"]
    return next(p for p in products if p["code"] == "huizhen-ecg")


def test_subscriptions_filter_analyzers_and_offline_keeps_builtins(server, admin, doctor, tmp_path):
    client = signed_in(server)
    try:
        st = subscriptions.apply(subscriptions.refresh(client, tmp_path))
        assert st.online and st.known and {p.code for p in st.products} == {b.code for b in BUILTIN}
        assert registry.first_analyzer("ECG") is not None
        cached = json.loads(subscriptions.cache_path(tmp_path).read_text("utf-8"))
        assert cached["server"] == server.url and len(cached["products"]) == len(BUILTIN)
        ecg = ecg_product(admin)
        org = doctor.user["org_id"]
        admin.ok("DELETE", f"/admin/ai-products/{ecg['id']}/subscriptions/{org}")
        try:
            st = subscriptions.apply(subscriptions.refresh(client, tmp_path))
            assert "huizhen-ecg" not in {p.code for p in st.products}
            assert registry.first_analyzer("ECG") is None  # not subscribed: not offered
            assert registry.first_analyzer("OP") is not None
            client.set_base_url(f"http://127.0.0.1:{free_port()}")  # the server is gone
            st = subscriptions.apply(subscriptions.refresh(client, tmp_path))
            assert st.known and not st.online and st.error
            assert "huizhen-ecg" not in {p.code for p in st.products}  # the cached list
            assert registry.first_analyzer("ECG") is not None  # built-ins usable offline
        finally:
            admin.ok("POST", f"/admin/ai-products/{ecg['id']}/subscriptions", 201,
                     json={"org_id": org})  # fmt: skip
    finally:
        client.close()


def remote_product(admin, doctor, url: str, code: str, fallback: str = "local") -> dict:
    body = {
        "code": code,
        "name": "City ECG platform",
        "vendor": "City AI platform (test)",
        "version": "2.1",
        "modality": "ECG",
        "intended_use": "12-lead ECG delineation on the city platform",
        "runs": "remote",
        "model_id": MODEL,
        "endpoint_url": url,
        "remote_model": MODEL,
        "fallback": fallback,
    }
    p = admin.ok("POST", "/admin/ai-products", 201, json=body)
    admin.ok("POST", f"/admin/ai-products/{p['id']}/subscriptions", 201,
             json={"org_id": doctor.user["org_id"]})  # fmt: skip
    return p


def test_remote_product_runs_the_preread_on_kserve(
    server, admin, doctor, kserve_ecg, store, real_ecg, tmp_path
):
    p = remote_product(admin, doctor, kserve_ecg.url, "city-ecg-up")
    client = signed_in(server)
    try:
        subscriptions.apply(subscriptions.refresh(client, tmp_path))
        assert REGISTRY.get(MODEL).runs_remote
        pks = run_import(store, [real_ecg]).new_study_pks
        result = run_preread(store, pks)[pks[0]]
        m = result.model
        assert (m.runs_at, m.endpoint) == ("remote", kserve_ecg.url)
        assert m.served == f"{MODEL} {SERVED_VERSION}" and m.product == "City ECG platform 2.1"
        assert m.label == "OpenECG codec v6-int8 · City ECG platform 2.1"  # reports name it
        _pk, stored = latest_result(store, pks[0])  # kept with the case, where it ran included
        assert (stored.model.runs_at, stored.model.product) == ("remote", m.product)
    finally:
        admin.ok("DELETE", f"/admin/ai-products/{p['id']}/subscriptions/{doctor.user['org_id']}")
        client.close()
    subscriptions.apply(subscriptions.refresh(signed_in(server), tmp_path))
    assert not REGISTRY.get(MODEL).runs_remote  # unsubscribed: the slot is local again


def test_remote_down_runs_locally_or_says_not_run(server, admin, doctor, store, real_ecg, tmp_path):
    dead = f"http://127.0.0.1:{free_port()}"
    p = remote_product(admin, doctor, dead, "city-ecg-down")
    client = signed_in(server)
    try:
        subscriptions.apply(subscriptions.refresh(client, tmp_path))
        pks = run_import(store, [real_ecg]).new_study_pks
        result = run_preread(store, pks)[pks[0]]
        assert result.model.runs_at == "local" and result.model.note.startswith(RAN_LOCALLY)
        assert result.measurements.get("hr_bpm")  # a full result, from the local model
        body = {**{k: p[k] for k in ("code", "name", "vendor", "version", "modality",
                                     "runs", "model_id", "endpoint_url", "remote_model")},
                "fallback": "none", "row_version": p["row_version"]}  # fmt: skip
        admin.ok("PUT", f"/admin/ai-products/{p['id']}", json=body)
        subscriptions.apply(subscriptions.refresh(client, tmp_path))
        second = Store(f"sqlite:///{tmp_path / 'second' / 'hz.sqlite'}", tmp_path / "second")
        try:
            pks = run_import(second, [real_ecg]).new_study_pks
            message = run_preread(second, pks)[pks[0]]
            assert isinstance(message, str) and message.startswith(NOT_RUN) and dead in message
            assert second.study(pks[0]) is not None  # the case stays for manual review
        finally:
            second.close()
    finally:
        admin.ok("DELETE", f"/admin/ai-products/{p['id']}/subscriptions/{doctor.user['org_id']}")
        client.close()


def test_regional_hospital_workstation_keeps_every_builtin(server, tmp_path):
    client = signed_in(server, "specialist")
    try:
        st = subscriptions.apply(subscriptions.refresh(client, tmp_path))
    finally:
        client.close()
    assert st.online and st.org_kind == "regional_hospital" and st.products == []
    assert st.allowed() is None
    assert registry.first_analyzer("ECG") is not None and registry.first_analyzer("OP") is not None
    assert subscriptions.load_cached(tmp_path).org_kind == "regional_hospital"


def test_unreadable_cache_means_no_list_and_every_builtin(tmp_path):
    subscriptions.cache_path(tmp_path).write_text("{not json", "utf-8")
    st = subscriptions.apply(subscriptions.load_cached(tmp_path))
    assert not st.known and "unreadable" in st.error and st.allowed() is None
    assert registry.first_analyzer("ECG") is not None
