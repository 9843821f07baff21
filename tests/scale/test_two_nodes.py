"""Two server processes on one PostgreSQL behind HAProxy, one worker: what a clinic sees
does not depend on the node it is connected to."""

from __future__ import annotations

import hashlib
import json

from tests.server.hzserver_helpers import Api, EventStream, wait_until


def _pinned(url: str, username: str, node: str) -> Api:
    api = Api(url, username)
    api.client.headers["X-Hz-Node"] = node
    return api


def _is(kind: str, case_id: int, **data):
    def match(ch):
        return (
            ch["kind"] == kind
            and ch["case_id"] == case_id
            and all(ch["data"].get(k) == v for k, v in data.items())
        )

    return match


def test_report_signed_on_node_2_reaches_the_clinic_on_node_1_by_sse(cluster):
    doctor = _pinned(cluster.url, "doctor", "n1")
    specialist = _pinned(cluster.url, "specialist", "n2")
    stream = EventStream(doctor, **{"X-Hz-Node": "n1"})
    try:
        assert stream.headers.get("x-hz-served-by") == "n1"  # the clinic's stream is on node 1
        case = doctor.new_case("ECG", patient_id="NODES-1")
        ask = {"question": "ST elevation?", "urgency": "urgent", "target_department": "cardiology"}
        consult = doctor.ok("POST", f"/cases/{case['id']}/consults", 201, json=ask)
        body = {"status": "accepted", "version": consult["version"]}
        r = specialist.post(f"/consults/{consult['id']}/status", json=body)
        assert r.status_code == 200 and r.headers["x-hz-served-by"] == "n2", r.text
        draft = specialist.ok("POST", f"/cases/{case['id']}/reports", 201, json={
            "text": "2 mm ST elevation II, III, aVF.", "conclusion": "Acute inferior STEMI",
            "consult_id": consult["id"],
        })  # fmt: skip
        r = specialist.post(f"/reports/{draft['id']}/sign", json={"version": draft["version"]})
        assert r.status_code == 200 and r.headers["x-hz-served-by"] == "n2", r.text
        ev = stream.next(_is("consult", case["id"], status="reported"), timeout=60)
        assert ev["data"]["data"]["id"] == consult["id"]
        reports = doctor.ok("GET", f"/cases/{case['id']}/reports")["reports"]
        assert [(x["state"], x["conclusion"]) for x in reports] == [
            ("signed", "Acute inferior STEMI")
        ]
    finally:
        stream.close()


def test_pre_read_by_the_worker_and_its_alert_reach_both_nodes(cluster):
    """The upload is stored by node 2; the separate worker analyses it; the critical
    alert it raises is pushed to the clinic's stream on node 1 and escalates once."""
    doctor1 = _pinned(cluster.url, "doctor", "n1")
    doctor2 = _pinned(cluster.url, "doctor", "n2")
    stream = EventStream(doctor1, **{"X-Hz-Node": "n1"})
    try:
        case = doctor2.new_case("OT", patient_id="NODES-2")
        data = json.dumps({"urgency": "critical", "summary": "test: critical",
                           "findings": [{"code": "t1", "text": "x", "severity": "critical"}]})  # fmt: skip
        raw = data.encode()
        params = {"filename": "grade.json", "sha256": hashlib.sha256(raw).hexdigest()}
        doctor2.ok("POST", f"/cases/{case['id']}/objects", 201, params=params, content=raw)
        alert = stream.next(_is("alert", case["id"]), timeout=60)["data"]["data"]
        escalated = stream.next(_is("alert", case["id"], escalation_level=1), timeout=60)
        assert escalated["data"]["data"]["id"] == alert["id"]

        def settled():
            got = doctor1.ok("GET", f"/cases/{case['id']}")
            return got if got["objects"][0]["preread_state"] == "done" else None

        got = wait_until(settled, timeout=60)
        assert len(got["ai_results"]) == 1 and got["ai_results"][0]["urgency"] == "critical"
    finally:
        stream.close()
