"""High finding: unbounded bodies and numbers (issue 13).

The attack run sent a 400 MiB body with ``Transfer-Encoding: chunked`` (no
Content-Length): the server buffered all of it (+796 MB RSS) before its 16 MiB
check answered 413.  Declared upload sizes had no limit or quota, and ids or
offsets of 2**63 and above got 500s.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import httpx
import pytest
from hzserver_helpers import Api, ServerProcess

MiB = 1 << 20


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A server with 1 MiB upload chunks, 10 MiB files and a 20 MiB quota per clinic."""
    srv = ServerProcess(
        tmp_path_factory.mktemp("hz-limits"),
        *("--chunk-max", str(MiB), "--upload-max", str(10 * MiB), "--org-quota", str(20 * MiB)),
    )
    srv.cli("init-demo")
    srv.start()
    yield srv
    srv.stop()


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def send_chunked(url: str, token: str, total: int, method: str = "PUT") -> tuple[int, int | None]:
    """Stream ``total`` bytes without Content-Length; returns (bytes the server took, status)."""
    sent = 0

    def body():
        nonlocal sent
        piece = os.urandom(256 * 1024)
        while sent < total:
            sent += len(piece)
            yield piece

    status = None
    try:
        r = httpx.request(
            method, url, content=body(), headers={"Authorization": f"Bearer {token}"}, timeout=60
        )
        status = r.status_code
    except httpx.TransportError:
        pass  # the server closed the connection after refusing
    return sent, status


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc for RSS")
def test_a_chunked_body_past_the_limit_is_refused_while_it_streams(small):
    doctor = Api(small.url, "doctor")
    case = doctor.new_case("ECG", patient_id="LIMIT-1")
    body = {"filename": "a.bin", "size": MiB, "sha256": "0" * 64}
    up = doctor.ok("POST", f"/cases/{case['id']}/uploads", 201, json=body)
    before = rss_kib(small.proc.pid)
    url = f"{small.url}/api/v1/uploads/{up['id']}?offset=0"
    sent, status = send_chunked(url, doctor.token, 200 * MiB)
    assert status in (413, None)
    assert sent < 40 * MiB, f"the server read {sent // MiB} MiB before refusing"
    assert rss_kib(small.proc.pid) - before < 64 * 1024
    # a JSON endpoint: 2 MiB at most, chunked or not
    sent, status = send_chunked(f"{small.url}/api/v1/cases", doctor.token, 100 * MiB, "POST")
    assert status in (413, None) and sent < 40 * MiB
    r = doctor.post("/cases", content=b"{" + b" " * (3 * MiB) + b"}")
    assert r.status_code == 413 and r.json()["error"] == "body_too_large"
    assert doctor.get("/auth/me").status_code == 200  # still serving


def test_declared_upload_sizes_have_a_limit_and_a_quota_per_clinic(small):
    doctor = Api(small.url, "doctor")
    case = doctor.new_case("ECG", patient_id="QUOTA-1")

    def start(size: int) -> httpx.Response:
        body = {"filename": "x.bin", "size": size, "sha256": "0" * 64}
        return doctor.post(f"/cases/{case['id']}/uploads", json=body)

    assert start(11 * MiB).json()["error"] == "file_too_large"
    assert start(2**63).status_code == 422
    assert start(9 * MiB).status_code == 201
    assert start(9 * MiB).status_code == 201
    over = start(9 * MiB)
    assert over.status_code == 413 and over.json()["error"] == "quota_exceeded"
    data = b"x" * (3 * MiB // 2)
    params = {"filename": "y.bin", "sha256": hashlib.sha256(data).hexdigest()}
    r = doctor.post(f"/cases/{case['id']}/objects", params=params, content=data[: MiB - 1])
    assert r.status_code == 422  # checksum of the part sent
    r = doctor.post(f"/cases/{case['id']}/objects", params=params, content=data)
    assert r.status_code == 413  # larger than one request may be


def test_many_concurrent_oversized_bodies_do_not_grow_the_server(small):
    doctor = Api(small.url, "doctor")
    before = rss_kib(small.proc.pid)
    results = []
    url = f"{small.url}/api/v1/cases"
    threads = [
        threading.Thread(
            target=lambda: results.append(send_chunked(url, doctor.token, 50 * MiB, "POST"))
        )
        for _ in range(6)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert len(results) == 6 and all(status in (413, None) for _s, status in results)
    assert rss_kib(small.proc.pid) - before < 96 * 1024
