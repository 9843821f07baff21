"""Clinic -> specialist -> signed report, seen by the clinic through the changes feed."""

import base64

import pytest


def _consult_round_trip(doctor, specialist):
    case = doctor.new_case("ECG", patient_id="RT-1", study={"uid": "1.2.826.0.1.3680043.1"})
    since = doctor.sequence()
    consult = doctor.ok(
        "POST",
        f"/cases/{case['id']}/consults",
        201,
        json={
            "question": "Inferior ST elevation?",
            "urgency": "urgent",
            "target_department": "cardiology",
        },
    )
    inbox = specialist.ok("GET", "/consults", params={"status": "sent"})["consults"]
    assert consult["id"] in [c["id"] for c in inbox]
    accepted = specialist.ok(
        "POST",
        f"/consults/{consult['id']}/status",
        json={"status": "accepted", "version": consult["version"]},
    )
    assert accepted["assignee_id"] == specialist.user["id"]
    draft = specialist.ok(
        "POST",
        f"/cases/{case['id']}/reports",
        201,
        json={
            "text": "Sinus rhythm 72/min. 2 mm ST elevation II, III, aVF.",
            "conclusion": "Acute inferior STEMI",
            "consult_id": consult["id"],
        },
    )
    assert draft["state"] == "draft"
    edited = specialist.ok(
        "PATCH",
        f"/reports/{draft['id']}",
        json={"conclusion": "Acute inferior STEMI - activate cath lab"},
        headers={"If-Match": str(draft["version"])},
    )
    signed = specialist.ok(
        "POST", f"/reports/{draft['id']}/sign", json={"version": edited["version"]}
    )
    return case, consult, signed, since


def test_consult_round_trip_reaches_the_clinic_via_changes(doctor, specialist):
    case, consult, signed, since = _consult_round_trip(doctor, specialist)
    assert signed["state"] == "signed"
    assert signed["signed_by"] == specialist.user["id"] and signed["signed_at"]

    # signing locks the report
    r = specialist.patch(
        f"/reports/{signed['id']}", json={"text": "x", "version": signed["version"]}
    )
    assert r.status_code == 409 and r.json()["error"] == "report_locked"
    r = specialist.post(f"/reports/{signed['id']}/sign", json={"version": signed["version"]})
    assert r.status_code == 409

    # the clinic learns everything by pulling the feed
    feed, nxt = [], since
    while True:
        page = doctor.ok("GET", "/changes", params={"since": nxt, "limit": 3})
        feed += page["changes"]
        nxt = page["next"]
        if not page["more"]:
            break
    mine = [ch for ch in feed if ch["case_id"] == case["id"]]
    reports = [ch for ch in mine if ch["kind"] == "report" and ch["op"] == "signed"]
    assert len(reports) == 1
    assert reports[0]["data"]["conclusion"].startswith("Acute inferior STEMI")
    assert reports[0]["data"]["signed_by"] == specialist.user["id"]
    last_case = [ch for ch in mine if ch["kind"] == "case"][-1]
    assert last_case["data"]["status"] == "signed"
    assert last_case["data"]["priority"] == 1  # raised by the urgent consult

    timeline = doctor.ok("GET", f"/consults/{consult['id']}")["timeline"]
    assert [e["status"] for e in timeline] == ["sent", "accepted", "in_review", "reported"]
    assert doctor.ok("GET", f"/cases/{case['id']}")["status"] == "signed"


def test_fhir_export_of_a_consult(doctor, specialist):
    case, consult, signed, _ = _consult_round_trip(doctor, specialist)
    bundle = doctor.ok("GET", f"/consults/{consult['id']}/fhir")
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    by_type = {e["resource"]["resourceType"]: e for e in bundle["entry"]}
    assert set(by_type) == {"Patient", "ServiceRequest", "Task", "DiagnosticReport"}
    urls = {e["fullUrl"] for e in bundle["entry"]}
    assert all(u.startswith("urn:uuid:") for u in urls)

    sr = by_type["ServiceRequest"]["resource"]
    assert sr["status"] == "completed" and sr["intent"] == "order"
    assert sr["priority"] == "urgent"
    assert sr["subject"]["reference"] == by_type["Patient"]["fullUrl"]
    assert sr["reasonCode"][0]["text"] == "Inferior ST elevation?"
    assert sr["supportingInfo"][0]["identifier"]["value"] == "urn:oid:1.2.826.0.1.3680043.1"

    task = by_type["Task"]["resource"]
    assert task["status"] == "completed" and task["businessStatus"]["text"] == "reported"
    assert task["focus"]["reference"] == by_type["ServiceRequest"]["fullUrl"]
    assert [n["text"].split(":")[0] for n in task["note"]] == [
        "sent",
        "accepted",
        "in_review",
        "reported",
    ]
    assert (
        task["output"][0]["valueReference"]["reference"] == by_type["DiagnosticReport"]["fullUrl"]
    )

    dr = by_type["DiagnosticReport"]["resource"]
    assert dr["status"] == "final"
    assert dr["conclusion"] == signed["conclusion"]
    assert base64.b64decode(dr["presentedForm"][0]["data"]).decode() == signed["text"]
    assert dr["resultsInterpreter"][0]["identifier"]["value"] == "specialist"
    assert all(u.endswith("Z") for u in (sr["authoredOn"], dr["issued"], bundle["timestamp"]))


def test_fhir_bundle_validates_against_fhir_models(doctor, specialist):
    """Schema check with fhir.resources (R4B models; these three resources are
    unchanged between R4 and R4B)."""
    pytest.importorskip("fhir.resources.R4B.bundle")
    from fhir.resources.R4B.bundle import Bundle

    _case, consult, _signed, _ = _consult_round_trip(doctor, specialist)
    bundle = doctor.ok("GET", f"/consults/{consult['id']}/fhir")
    parsed = Bundle.model_validate(bundle)
    kinds = [e.resource.__resource_type__ for e in parsed.entry]
    assert kinds == ["Patient", "ServiceRequest", "Task", "DiagnosticReport"]


def test_consult_to_an_unknown_department_is_rejected(doctor):
    case = doctor.new_case("ECG")
    r = doctor.post(
        f"/cases/{case['id']}/consults", json={"question": "?", "target_department": "dentistry"}
    )
    assert r.status_code == 422 and r.json()["error"] == "bad_target"
