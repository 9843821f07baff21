"""The AI catalogue on a real server process (SQLite, loopback): built-ins seeded,
admins manage products and subscriptions (audited), a clinic lists only its own."""

from __future__ import annotations

from app.ai.products import BUILTIN
from tests.server.hzserver_helpers import Api

REMOTE = {
    "code": "city-ecg-remote",
    "name": "City ECG platform",
    "vendor": "City AI platform (test)",
    "version": "2.1",
    "modality": "ecg",
    "intended_use": "12-lead ECG delineation served by the city platform",
    "licence": "Apache-2.0",
    "runs": "remote",
    "model_id": "openecg-codec",
    "endpoint_url": "http://127.0.0.1:9/",
    "remote_model": "openecg-codec",
    "remote_version": "v6-int8",
    "fallback": "local",
}


def codes(api: Api) -> list[str]:
    return sorted(p["code"] for p in api.ok("GET", "/ai-products")["products"])


def test_builtins_seeded_and_demo_clinic_subscribed(admin, doctor):
    products = admin.ok("GET", "/admin/ai-products")["products"]
    by_code = {p["code"]: p for p in products}
    for b in BUILTIN:
        p = by_code[b.code]
        assert p["builtin"] and p["runs"] == "local" and p["not_for_clinical_use"]
        assert p["analyzer"] == b.analyzer and p["version"] == b.version
        assert doctor.user["org_id"] in p["subscribers"]
    assert codes(doctor) == sorted(b.code for b in BUILTIN)


def test_new_clinic_gets_builtins_and_only_its_subscriptions(admin, doctor, second_clinic):
    org, hill = second_clinic
    assert codes(hill) == sorted(b.code for b in BUILTIN)  # auto-subscribed at creation
    created = admin.ok("POST", "/admin/ai-products", 201, json=REMOTE)
    assert created["modality"] == "ECG" and created["endpoint_url"] == "http://127.0.0.1:9"
    assert created["subscribers"] == []
    assert "city-ecg-remote" not in codes(doctor)
    admin.ok("POST", f"/admin/ai-products/{created['id']}/subscriptions", 201,
             json={"org_id": org["id"]})  # fmt: skip
    mine = {p["code"]: p for p in hill.ok("GET", "/ai-products")["products"]}
    assert mine["city-ecg-remote"]["remote_model"] == "openecg-codec"
    assert mine["city-ecg-remote"]["vendor"] == "City AI platform (test)"
    assert "city-ecg-remote" not in codes(doctor)  # the other clinic does not see it
    admin.ok("DELETE", f"/admin/ai-products/{created['id']}/subscriptions/{org['id']}")
    assert "city-ecg-remote" not in codes(hill)
    ops = [
        e["detail"].get("op")
        for e in admin.ok("GET", "/admin/audit", params={"action": "ai_catalogue"})["entries"]
    ]
    assert {"create", "subscribe", "unsubscribe"} <= set(ops)


def test_only_admins_manage_and_denials_are_audited(admin, doctor):
    r = doctor.post("/admin/ai-products", json={**REMOTE, "code": "sneaky"})
    assert r.status_code == 403
    assert doctor.get("/admin/ai-products").status_code == 403
    denied = admin.ok("GET", "/admin/audit", params={"action": "denied"})["entries"]
    assert any(e["detail"].get("path") == "/api/v1/admin/ai-products" for e in denied)
    assert "sneaky" not in [p["code"] for p in admin.ok("GET", "/admin/ai-products")["products"]]


def test_bad_products_and_stale_edits_are_refused(admin):
    bad = admin.post("/admin/ai-products", json={**REMOTE, "code": "x1", "endpoint_url": ""})
    assert bad.status_code == 422
    local_without_analyzer = admin.post(
        "/admin/ai-products", json={**REMOTE, "code": "x2", "runs": "local"}
    )
    assert local_without_analyzer.status_code == 422
    p = admin.ok("POST", "/admin/ai-products", 201, json={**REMOTE, "code": "city-fundus"})
    body = {**REMOTE, "code": "city-fundus", "version": "2.2"}
    assert admin.put(f"/admin/ai-products/{p['id']}", json=body).status_code == 428
    stale = admin.put(f"/admin/ai-products/{p['id']}", json={**body, "row_version": 7})
    assert stale.status_code == 409
    done = admin.ok("PUT", f"/admin/ai-products/{p['id']}", json={**body, "row_version": 1})
    assert done["version"] == "2.2" and done["row_version"] == 2
    assert (
        admin.post("/admin/ai-products", json={**REMOTE, "code": "city-fundus"}).status_code == 409
    )
    hospital = next(
        o for o in admin.ok("GET", "/organisations")["organisations"]
        if o["kind"] == "regional_hospital"
    )  # fmt: skip
    r = admin.post(f"/admin/ai-products/{p['id']}/subscriptions", json={"org_id": hospital["id"]})
    assert r.status_code == 422


def test_every_registry_analyzer_is_a_builtin_product():
    """A new analyzer needs its product (and a migration seeding it), or clinics that
    follow their subscriptions would never run it."""
    from app.modalities import DESCRIPTORS

    products = {(b.modality, b.analyzer) for b in BUILTIN}
    for modality, d in DESCRIPTORS.items():
        for spec in d.analyzers:
            assert (modality.value, spec.name) in products, spec
