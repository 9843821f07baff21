"""Load test of the regional server on loopback: N clinics upload at once.

Each simulated clinic has its own community doctor and, until the time is up,
creates a case, uploads a file with the resumable chunked protocol (init ->
PUT chunks -> complete with SHA-256 check), asks for a consult on every
fourth case and pulls the changes feed.  Prints p50/p95 latency per step,
throughput and errors.  SYNTHETIC data only (random bytes, "DEMO" patients).

    .venv/bin/python bench/load.py --clinics 8 --seconds 20
    .venv/bin/python bench/load.py --url http://127.0.0.1:8600   # an already running server

Without --url it starts its own server (``python -m server serve --port 0``)
with a temporary SQLite database and stops it at the end.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]


class LocalServer:
    """``python -m server serve --port 0`` on a data folder; kill -9 and restart."""

    def __init__(self, data_dir: Path, *extra: str) -> None:
        self.data_dir, self.extra = Path(data_dir), extra
        self.log = self.data_dir / "server.log"
        self.proc: subprocess.Popen | None = None
        self.url = ""

    def run_cli(self, *args: str) -> None:
        cmd = [sys.executable, "-m", "server", *args, "--data-dir", str(self.data_dir)]
        subprocess.run(cmd, cwd=REPO, check=True, capture_output=True)

    def start(self, timeout: float = 60) -> LocalServer:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        start = self.log.stat().st_size if self.log.exists() else 0
        cmd = [sys.executable, "-m", "server", "serve", "--port", "0", "--log-level", "warning"]
        with open(self.log, "a") as log:
            self.proc = subprocess.Popen(
                [*cmd, "--data-dir", str(self.data_dir), *self.extra],
                cwd=REPO,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(self.log.read_text()[-2000:])
            text = self.log.read_bytes()[start:].decode("utf-8", "replace")
            if found := re.findall(r"listening on (https?://\S+)", text):
                self.url = found[-1]
                try:
                    httpx.get(f"{self.url}/api/v1/health", timeout=2).raise_for_status()
                    return self
                except httpx.HTTPError:
                    pass
            time.sleep(0.05)
        raise RuntimeError("server did not start")

    def kill9(self) -> None:
        self.proc.kill()
        self.proc.wait()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=15)


def login(url: str, username: str, password: str = "demo") -> httpx.Client:
    client = httpx.Client(base_url=f"{url}/api/v1", timeout=60)
    r = client.post("/auth/login", json={"username": username, "password": password})
    r.raise_for_status()
    client.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
    return client


def make_clinics(url: str, n: int) -> list[str]:
    admin = login(url, "admin")
    users = []
    tag = uuid.uuid4().hex[:6]
    for i in range(n):
        org = admin.post(
            "/admin/organisations",
            json={"code": f"bench-{tag}-{i}", "name": f"DEMO bench clinic {i}", "kind": "clinic"},
        )
        org.raise_for_status()
        name = f"bench-{tag}-{i}"
        body = {"username": name, "password": "bench-pass", "role": "community_doctor"}
        admin.post("/admin/users", json=body | {"org_id": org.json()["id"]}).raise_for_status()
        users.append(name)
    return users


def clinic(url, username, deadline, size, chunk, times, errors) -> None:
    api = login(url, username, "bench-pass")
    since, n = 0, 0

    def timed(step: str, method: str, path: str, **kw) -> dict:
        t = time.perf_counter()
        r = api.request(method, path, **kw)
        times[step].append((time.perf_counter() - t) * 1000)
        if r.status_code >= 400:
            errors[f"{step} {r.status_code}"] += 1
            raise RuntimeError(r.text)
        return r.json()

    while time.monotonic() < deadline:
        n += 1
        try:
            key = uuid.uuid4().hex
            body = {"patient": {"id": f"DEMO-{key[:8]}", "name": "DEMO"}, "modality": "CR"}
            case = timed(
                "create case", "POST", "/cases", json=body, headers={"Idempotency-Key": key}
            )
            data = os.urandom(size)
            meta = {
                "filename": "demo.bin",
                "size": size,
                "sha256": hashlib.sha256(data).hexdigest(),
            }
            t0 = time.perf_counter()
            up = timed("upload init", "POST", f"/cases/{case['id']}/uploads", json=meta)
            for off in range(0, size, chunk):
                timed(
                    "upload chunk",
                    "PUT",
                    f"/uploads/{up['id']}",
                    params={"offset": off},
                    content=data[off : off + chunk],
                )
            timed("upload complete", "POST", f"/uploads/{up['id']}/complete")
            times["upload whole file"].append((time.perf_counter() - t0) * 1000)
            if n % 4 == 0:
                ask = {"question": "DEMO?", "target_department": "radiology"}
                timed("consult", "POST", f"/cases/{case['id']}/consults", json=ask)
            since = timed("changes", "GET", "/changes", params={"since": since})["next"]
        except httpx.HTTPError as err:
            errors[type(err).__name__] += 1
        except RuntimeError:
            pass  # counted in timed()


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clinics", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--size-kib", type=int, default=512, help="bytes uploaded per case")
    ap.add_argument("--chunk-kib", type=int, default=128)
    ap.add_argument("--url", help="use a running server (needs the demo admin)")
    args = ap.parse_args(argv)
    tmp = server = None
    url = args.url
    if url is None:
        tmp = tempfile.TemporaryDirectory(prefix="hz-load-")
        server = LocalServer(Path(tmp.name))
        server.run_cli("init-demo")
        url = server.start().url
    try:
        users = make_clinics(url, args.clinics)
        times, errors = defaultdict(list), defaultdict(int)
        deadline = time.monotonic() + args.seconds
        threads = [
            threading.Thread(
                target=clinic,
                args=(url, u, deadline, args.size_kib * 1024, args.chunk_kib * 1024, times, errors),
            )
            for u in users
        ]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - t0
    finally:
        if server:
            server.stop()
            tmp.cleanup()
    files = len(times["upload whole file"])
    print(
        f"{args.clinics} clinics, {wall:.1f} s, {files} files of {args.size_kib} KiB "
        f"({files * args.size_kib / 1024 / wall:.1f} MiB/s, {files / wall:.1f} files/s)"
    )
    print(f"{'step':<20}{'n':>7}{'p50 ms':>10}{'p95 ms':>10}")
    for step, vals in times.items():
        print(f"{step:<20}{len(vals):>7}{pct(vals, 50):>10.1f}{pct(vals, 95):>10.1f}")
    print(f"errors: {sum(errors.values())} {dict(errors) if errors else ''}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
