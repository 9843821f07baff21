"""kill -9 of the worker in the middle of a pre-read: the job's lease runs out, a new
worker takes it again, and the case gets one AI result and one alert."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import create_engine, text

from tests.server.hzserver_helpers import Api, WorkerProcess, wait_until


def _job(engine, object_id: int):
    with engine.connect() as conn:
        q = text("SELECT state, attempts, worker FROM preread_jobs WHERE object_id = :o")
        return conn.execute(q, {"o": object_id}).one_or_none()


def test_a_job_of_a_killed_worker_is_done_once_by_another(cluster):
    doctor = Api(cluster.url, "doctor")
    case = doctor.new_case("OT", patient_id="CRASH-1")
    raw = json.dumps({"urgency": "critical", "summary": "slow", "sleep": 4,
                      "findings": [{"code": "t1", "text": "x", "severity": "critical"}]}).encode()  # fmt: skip
    params = {"filename": "slow.json", "sha256": hashlib.sha256(raw).hexdigest()}
    obj = doctor.ok("POST", f"/cases/{case['id']}/objects", 201, params=params, content=raw)
    engine = create_engine(cluster.db_url)
    try:
        wait_until(lambda: (row := _job(engine, obj["id"])) and row.state == "running", 60)
        cluster.worker.kill9()  # mid-analysis: nothing stored yet
        assert _job(engine, obj["id"]).state == "running"
        cluster.worker = WorkerProcess(
            cluster.data, cluster.db_url, *cluster.worker.extra, name="worker2"
        ).start()

        def done():
            got = doctor.ok("GET", f"/cases/{case['id']}")
            return got if got["objects"][0]["preread_state"] == "done" else None

        got = wait_until(done, timeout=90)
        row = _job(engine, obj["id"])
        assert row.state == "done" and row.attempts == 2
        assert len(got["ai_results"]) == 1  # not duplicated
        alerts = [a for a in doctor.ok("GET", "/alerts")["alerts"] if a["case_id"] == case["id"]]
        assert len(alerts) == 1
    finally:
        engine.dispose()
