"""Bursts against a real server process: logins and authenticated writes.

A login storm must degrade gracefully: every answer is 200 or 429 with a
Retry-After the client can honour, never a 500 or a hang.  More concurrent
requests than the server has request threads must not deadlock on the
SQLite write lock (each request once took the lock in its authentication
dependency and then waited for a thread to run the endpoint).
"""

from __future__ import annotations

import threading
import time
from collections import Counter

import httpx
import pytest
from hzserver_helpers import ServerProcess

LOGINS = 30
WRITERS = 64  # more than the 40 request threads
BURST_TIMEOUT_S = 60  # failure bound, not a speed check


def _burst(n: int, fn) -> list:
    """Run ``fn(i)`` on ``n`` threads released together; their results."""
    gate = threading.Barrier(n)
    out: list = [None] * n

    def run(i: int) -> None:
        gate.wait()
        try:
            out[i] = fn(i)
        except Exception as err:  # recorded, asserted on below
            out[i] = err

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(BURST_TIMEOUT_S)
    assert not any(t.is_alive() for t in threads), "requests still hanging"
    return out


def _login_once(url: str, username: str, password: str = "demo") -> httpx.Response:
    body = {"username": username, "password": password}
    return httpx.post(f"{url}/api/v1/auth/login", json=body, timeout=BURST_TIMEOUT_S)


def _check_answers(answers: list) -> Counter:
    statuses = Counter()
    for r in answers:
        assert isinstance(r, httpx.Response), f"request failed: {r!r}"
        statuses[r.status_code] += 1
        if r.status_code == 429:
            assert int(r.headers["Retry-After"]) >= 1, r.headers
            assert r.json()["error"] == "too_many_logins"
        else:
            assert r.status_code == 200, f"{r.status_code} {r.text}"
            assert r.json()["access_token"]
    return statuses


def test_login_burst_on_the_shared_server(server):
    answers = _burst(LOGINS, lambda _i: _login_once(server.url, "doctor"))
    statuses = _check_answers(answers)
    assert statuses[200] >= 1, statuses


@pytest.fixture(scope="module")
def small_queue_server(tmp_path_factory):
    """A server that lets only 2 logins wait for a password check."""
    srv = ServerProcess(tmp_path_factory.mktemp("hz-login-burst"), "--login-queue", "2")
    srv.cli("init-demo")
    srv.start()
    yield srv
    srv.stop()


def test_login_storm_gets_429_with_retry_after_never_500(small_queue_server):
    url = small_queue_server.url
    statuses = _check_answers(_burst(LOGINS, lambda _i: _login_once(url, "doctor")))
    assert statuses[429] >= 1, f"the queue of 2 should overflow: {statuses}"

    def patient_login(_i: int) -> httpx.Response:
        deadline = time.monotonic() + BURST_TIMEOUT_S
        while True:
            r = _login_once(url, "doctor")
            if r.status_code != 429 or time.monotonic() > deadline:
                return r
            time.sleep(float(r.headers["Retry-After"]))

    retried = _check_answers(_burst(LOGINS, patient_login))
    assert retried == Counter({200: LOGINS}), "clients honouring Retry-After all get in"
    assert "Traceback" not in small_queue_server.log.read_text()


def test_wrong_passwords_in_a_burst_are_401_not_500(small_queue_server):
    url = small_queue_server.url
    answers = _burst(LOGINS, lambda i: _login_once(url, "doctor" if i % 2 else "nobody", "x"))
    for r in answers:
        assert isinstance(r, httpx.Response), r
        assert r.status_code in (401, 429), f"{r.status_code} {r.text}"


def test_more_concurrent_writes_than_request_threads(server, doctor):
    headers = {"Authorization": f"Bearer {doctor.token}"}
    body = {"patient": {"id": "BURST", "name": "DEMO Burst"}, "modality": "ECG"}

    def create(i: int) -> httpx.Response:
        return httpx.post(
            f"{server.url}/api/v1/cases",
            json=body,
            headers=headers | {"Idempotency-Key": f"burst-{time.time_ns()}-{i}"},
            timeout=BURST_TIMEOUT_S,
        )

    t0 = time.monotonic()
    answers = _burst(WRITERS, create)
    for r in answers:
        assert isinstance(r, httpx.Response), f"request failed: {r!r}"
        assert r.status_code == 201, f"{r.status_code} {r.text}"
    assert time.monotonic() - t0 < BURST_TIMEOUT_S / 2, "the writes queued for too long"
