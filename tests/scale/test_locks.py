"""Locks shared by the nodes: one chunk sent through both nodes at once is written
once (the upload lock is a PostgreSQL advisory lock), and two workers escalate an
unacknowledged alert once per level (alert rows taken with SKIP LOCKED)."""

from __future__ import annotations

import hashlib
import os
import threading

import pytest
from scale_helpers import Cluster

from server.files import FAILPOINT
from tests.server.hzserver_helpers import Api, EventStream, WorkerProcess


@pytest.fixture
def slow_cluster(tmp_path, postgres, monkeypatch):
    """Nodes whose chunk writes take 0.5 s: without a lock shared by the nodes, two
    writers of one chunk would both pass the offset check."""
    monkeypatch.setenv(FAILPOINT, "slow_chunk")
    c = Cluster(tmp_path / "cluster", postgres).start()
    yield c
    c.stop()


def test_one_chunk_sent_through_both_nodes_at_once_is_written_once(slow_cluster):
    cluster = slow_cluster
    apis = [Api(cluster.nodes[n].url, "doctor") for n in ("n1", "n2")]
    case = apis[0].new_case("OT", patient_id="LOCK-1")
    data = os.urandom(2 << 20)
    body = {"filename": "x.bin", "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    up = apis[0].ok("POST", f"/cases/{case['id']}/uploads", 201, json=body)
    answers, start = [], threading.Barrier(6)

    def send(api):
        start.wait()
        r = api.put(f"/uploads/{up['id']}", params={"offset": 0}, content=data)
        answers.append(r.status_code)

    threads = [threading.Thread(target=send, args=(apis[i % 2],)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert sorted(answers) == [200] + [409] * 5  # the others learn the new offset
    done = apis[1].ok("POST", f"/uploads/{up['id']}/complete", 201)
    assert done["sha256"] == body["sha256"] and done["size"] == len(data)


def test_two_workers_escalate_each_level_once(cluster):
    second = WorkerProcess(cluster.data, cluster.db_url, *cluster.worker.extra, name="worker2")
    second.start()
    doctor = Api(cluster.url, "doctor")
    stream = EventStream(doctor)
    try:
        case = doctor.new_case("ECG", patient_id="LOCK-2")
        alert = doctor.ok("POST", f"/cases/{case['id']}/alerts", 201, json={"message": "STEMI"})
        levels = []
        while len(levels) < 3:
            ev = stream.next(
                lambda ch: ch["kind"] == "alert" and ch["op"] == "escalated"
                and ch["data"]["id"] == alert["id"], timeout=60,
            )  # fmt: skip
            levels.append(ev["data"]["data"]["escalation_level"])
        assert levels == [1, 2, 3]
        final = {a["id"]: a for a in doctor.ok("GET", "/alerts")["alerts"]}[alert["id"]]
        assert final["escalation_level"] == 3
    finally:
        stream.close()
        second.stop()
