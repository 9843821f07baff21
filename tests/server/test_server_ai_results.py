"""A clinic's AI result sent with its case: one shape, stored once, alerts keyed
by finding and created acknowledged when the clinic acknowledged them first."""

from __future__ import annotations

import uuid


def _result(**kw) -> dict:
    from app.ai import AiResult, Finding, ModelInfo, Urgency

    r = AiResult(
        model=ModelInfo("openecg-codec", "OpenECG codec", "v6-int8"),
        analyzer="ecg",
        modality="ECG",
        urgency=Urgency.CRITICAL,
        summary="ST elevation inferior (II, III, aVF): meets STEMI criteria · HR 72",
        findings=[
            Finding(
                "STEMI",
                "ST elevation inferior (II, III, aVF)",
                "critical",
                "inferior",
                ["II", "III", "aVF"],
            )
        ],  # fmt: skip
        measurements={"hr_bpm": 72.0, "pr_ms": 150.0, "qrs_ms": 90.0, "qt_ms": 380.0},
        units={"hr_bpm": "bpm", "pr_ms": "ms", "qrs_ms": "ms", "qt_ms": "ms"},
    )
    return {**r.to_dict(), **kw}


def test_clinic_result_is_stored_once_with_its_acknowledgement(doctor):
    case = doctor.new_case("ECG", patient_id="DEMO-AI-1")
    body = {
        "result": _result(),
        "acknowledged": [
            {
                "finding_code": "STEMI",
                "acknowledged_at": "2026-01-01T00:00:00Z",
                "acknowledged_by_name": "DEMO Dr Li",
            }
        ],  # fmt: skip
    }
    first = doctor.ok("POST", f"/cases/{case['id']}/ai-results", 201, json=body)
    assert first["source"] == "clinic" and first["measurements"]["hr_bpm"] == 72.0
    assert first["model"]["name"] == "OpenECG codec" and first["units"]["qt_ms"] == "ms"
    again = doctor.ok("POST", f"/cases/{case['id']}/ai-results", 200, json=body)
    assert again["id"] == first["id"]  # the same uid: not stored twice
    other = {"result": _result(uid=uuid.uuid4().hex)}  # same model and version, new uid
    assert (
        doctor.ok("POST", f"/cases/{case['id']}/ai-results", 200, json=other)["id"] == first["id"]
    )
    full = doctor.ok("GET", f"/cases/{case['id']}")
    assert len(full["ai_results"]) == 1 and full["priority"] == 0
    [alert] = full["alerts"]
    assert alert["finding_code"] == "STEMI" and alert["ai_result_uid"] == first["uid"]
    assert alert["acknowledged_by_name"] == "DEMO Dr Li" and alert["acknowledged_at"]
    assert alert["acknowledged_at"] >= alert["created_at"]  # never before it was raised


def test_a_result_without_model_or_with_a_bad_urgency_is_refused(doctor, specialist):
    case = doctor.new_case("ECG", patient_id="DEMO-AI-2")
    path = f"/cases/{case['id']}/ai-results"
    bad = _result(urgency="panic")
    assert doctor.request("POST", path, json={"result": bad}).status_code == 422
    nameless = _result(model={"name": "", "version": ""})
    assert doctor.request("POST", path, json={"result": nameless}).status_code == 422
    # not their case: hidden, so 404 exactly as for a missing case
    assert specialist.request("POST", path, json={"result": _result()}).status_code == 404
    assert doctor.ok("GET", f"/cases/{case['id']}")["ai_results"] == []


def _chest(urgency: str, analyzer: str = "chest-ct") -> dict:
    """A clinic's chest CT result graded against the patient's prior CT (a nodule that
    grew into Lung-RADS 4B: urgent), as the workstation sends it."""
    from app.ai import AiResult, Finding, ModelInfo, Urgency

    severity = "urgent" if urgency == "urgent" else "routine"
    r = AiResult(
        model=ModelInfo("huizhen-chest-ct-classic", "Huizhen chest CT classic", "0.1"),
        analyzer=analyzer,
        modality="CT",
        urgency=Urgency(urgency),
        summary="1 nodule(s); Lung-RADS 4B (follow-up vs the chest CT of 2026-01-01)",
        findings=[
            Finding(
                "LUNG_NODULE",
                "solid nodule 11.5 mm; follow-up Lung-RADS 4B",
                severity,
                evidence={"id": 1},
            )
        ],  # fmt: skip
        details={"follow_up": {"lung_rads": "4B", "prior": {"study_date": "2026-01-01"}}},
    )
    return r.to_dict()


def test_an_urgent_chest_ct_result_raises_an_urgent_alert_and_priority(doctor):
    case = doctor.new_case("CT", patient_id="DEMO-AI-3")
    doctor.ok("POST", f"/cases/{case['id']}/ai-results", 201, json={"result": _chest("urgent")})
    full = doctor.ok("GET", f"/cases/{case['id']}")
    assert full["priority"] == 1
    [alert] = full["alerts"]
    assert (alert["severity"], alert["finding_code"]) == ("urgent", "LUNG_NODULE")
    assert "follow-up Lung-RADS 4B" in alert["message"]
    routine = doctor.new_case("CT", patient_id="DEMO-AI-4")
    doctor.ok("POST", f"/cases/{routine['id']}/ai-results", 201,
              json={"result": _chest("routine")})  # fmt: skip
    assert doctor.ok("GET", f"/cases/{routine['id']}")["alerts"] == []
    other = doctor.new_case("ECG", patient_id="DEMO-AI-5")  # urgent ECG: worklist only
    doctor.ok("POST", f"/cases/{other['id']}/ai-results", 201,
              json={"result": _chest("urgent", analyzer="ecg")})  # fmt: skip
    assert doctor.ok("GET", f"/cases/{other['id']}")["alerts"] == []
