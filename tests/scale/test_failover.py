"""kill -9 of one node during a load run: clients retry through HAProxy (same
Idempotency-Key), the other node answers; nothing is lost and nothing is doubled."""

from __future__ import annotations

import hashlib
import threading
import time
import uuid

import httpx
from sqlalchemy import create_engine, text

from tests.server.hzserver_helpers import Api, wait_until

CLIENTS = 4
RETRY_FOR_S = 90.0  # how long a client keeps retrying one request (failure bound only)


def _send(client: httpx.Client, method: str, path: str, key: str, served: set, **kw) -> dict:
    """One write, retried with the same key until it is answered 2xx."""
    deadline, pause = time.monotonic() + RETRY_FOR_S, 0.05
    while True:
        try:
            r = client.request(method, path, headers={"Idempotency-Key": key}, **kw)
            if r.status_code < 300:
                served.add(r.headers.get("x-hz-served-by"))
                return r.json()
            assert r.status_code in (502, 503, 504), f"{method} {path}: {r.status_code} {r.text}"
            served.add(f"retried {r.status_code}")
        except httpx.TransportError as err:
            served.add(f"retried {type(err).__name__}")
        assert time.monotonic() < deadline, f"{method} {path} not answered in {RETRY_FOR_S} s"
        time.sleep(pause)
        pause = min(1.0, pause * 2)


def _clinic(url: str, token: str, tag: str, stop: threading.Event, out: list, served: set):
    client = httpx.Client(base_url=f"{url}/api/v1", timeout=10)
    client.headers["Authorization"] = f"Bearer {token}"
    try:
        n = 0
        while not stop.is_set():
            n += 1
            pid = f"LOAD-{tag}-{n}"
            body = {"patient": {"id": pid, "name": "DEMO Load"}, "modality": "OT"}
            case = _send(client, "POST", "/cases", uuid.uuid4().hex, served, json=body)
            data = f"DEMO synthetic {pid}".encode()
            params = {"filename": "note.txt", "sha256": hashlib.sha256(data).hexdigest()}
            obj = _send(client, "POST", f"/cases/{case['id']}/objects", uuid.uuid4().hex,
                        served, params=params, content=data)  # fmt: skip
            out.append((pid, case["id"], obj["id"]))
    finally:
        client.close()


def test_kill_9_of_a_node_during_load_loses_and_doubles_nothing(cluster):
    doctor = Api(cluster.url, "doctor")
    stop, done, served = threading.Event(), [], set()
    threads = [
        threading.Thread(
            target=_clinic, args=(cluster.url, doctor.token, str(i), stop, done, served)
        )
        for i in range(CLIENTS)
    ]
    for t in threads:
        t.start()
    try:
        wait_until(lambda: len(done) >= 20 and {"n1", "n2"} <= served, timeout=120)
        cluster.nodes["n2"].kill9()
        before = len(done)
        wait_until(lambda: len(done) >= before + 20, timeout=120)  # the load goes on
        wait_until(lambda: cluster.proxy.up() == {"n1"}, timeout=60)
    finally:
        stop.set()
        for t in threads:
            t.join(RETRY_FOR_S + 30)
    assert not any(t.is_alive() for t in threads)
    engine = create_engine(cluster.db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT c.patient_id, count(DISTINCT c.id), count(o.id) FROM cases c "
                "LEFT JOIN objects o ON o.case_id = c.id "
                "WHERE c.patient_id LIKE 'LOAD-%' GROUP BY c.patient_id"
            )).all()  # fmt: skip
    finally:
        engine.dispose()
    stored = {pid: (cases, objects) for pid, cases, objects in rows}
    answered = {pid for pid, _case, _obj in done}
    lost = answered - set(stored)
    doubled = {pid: n for pid, n in stored.items() if n != (1, 1)}
    assert len(answered) == len(done)  # each request answered once to its client
    assert lost == set() and doubled == {}, f"lost={lost} doubled={doubled}"
    assert set(stored) == answered  # nothing stored that its client did not get an answer for
    print(f"{len(done)} cases with a file each; answers from / retries: {sorted(served, key=str)}")
