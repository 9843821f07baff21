"""Load test of the regional server on loopback: N clinics upload at once.

Each simulated clinic has its own community doctor and, until the time is up,
creates a case, uploads a file with the resumable chunked protocol (init ->
PUT chunks -> complete with SHA-256 check), asks for a consult on every
fourth case and pulls the changes feed.  Prints p50/p95 latency per step,
throughput and errors.  SYNTHETIC data only (random bytes, "DEMO" patients).

    .venv/bin/python bench/load.py --clinics 50 --seconds 60
    .venv/bin/python bench/load.py --url http://127.0.0.1:8600   # an already running server

Without --url it starts its own server (``python -m server serve --port 0``)
with a temporary SQLite database and stops it at the end.  Only loopback
servers are accepted.  The clinics start spread over ``--ramp`` seconds.  A
429 (or 503) answer is retried after its Retry-After, as a real client does;
429s are counted as "throttled", everything else that fails is an error by
kind (timeout, transport, 5xx, 4xx) and the clinic carries on.  The last line
is ``errors=N``; the exit status is 1 when N > 0.
"""

from __future__ import annotations

import argparse
import hashlib
import ipaddress
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

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


REQUEST_TIMEOUT_S = 30.0
MAX_BACKOFF_S = 10.0


class Failed(Exception):
    """A request failed; ``kind`` is timeout, transport, 5xx or 4xx."""

    def __init__(self, kind: str, detail: str, status: int = 0, retry: float | None = None):
        super().__init__(detail)
        self.kind, self.status, self.retry_after = kind, status, retry


def retry_after(r: httpx.Response) -> float | None:
    try:
        return min(MAX_BACKOFF_S, max(0.0, float(r.headers["retry-after"])))
    except (KeyError, ValueError):
        return None


def call(
    client: httpx.Client, method: str, path: str, deadline: float, throttled=None, **kw
) -> httpx.Response:
    """One request; 429/503 with Retry-After are retried until ``deadline``.

    Raises ``Failed`` for anything but a 2xx/3xx answer; ``throttled(status)``
    is called for each answer retried.
    """
    while True:
        try:
            r = client.request(method, path, **kw)
        except httpx.TimeoutException as err:
            raise Failed("timeout", f"{method} {path}: {type(err).__name__}") from None
        except httpx.HTTPError as err:
            raise Failed("transport", f"{method} {path}: {type(err).__name__}") from None
        wait = retry_after(r) if r.status_code in (429, 503) else None
        if wait is not None and time.monotonic() + wait < deadline:
            if throttled is not None:
                throttled(r.status_code)
            time.sleep(wait)
            continue
        if r.status_code >= 400:
            kind = "5xx" if r.status_code >= 500 else "4xx"
            detail = f"{method} {path}: {r.status_code} {r.text[:200]}"
            raise Failed(kind, detail, r.status_code, wait)
        return r


def login(url: str, username: str, password: str = "demo", deadline: float | None = None):
    """A logged-in ``httpx.Client`` (honours 429 Retry-After until ``deadline``)."""
    client = httpx.Client(base_url=f"{url}/api/v1", timeout=REQUEST_TIMEOUT_S)
    body = {"username": username, "password": password}
    try:
        end = deadline or time.monotonic() + 120
        r = call(client, "POST", "/auth/login", end, json=body)
    except Failed as err:
        client.close()
        raise httpx.HTTPError(str(err)) from None
    client.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
    return client


def make_clinics(url: str, n: int) -> list[str]:
    admin = login(url, "admin")
    users = []
    tag = uuid.uuid4().hex[:6]
    for i in range(n):
        org = admin.post(
            "/admin/organisations",
            json={
                "code": f"bench-{tag}-{i}",
                "name": f"DEMO bench clinic {i}",
                "kind": "clinic",
                "is_demo": True,
            },
        )
        org.raise_for_status()
        name = f"bench-{tag}-{i}"
        body = {"username": name, "password": "bench-password", "role": "community_doctor"}
        admin.post("/admin/users", json=body | {"org_id": org.json()["id"]}).raise_for_status()
        users.append(name)
    admin.close()
    return users


class Results:
    """Latencies per step and failures by kind, shared by the clinic threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: defaultdict[str, list[float]] = defaultdict(list)
        self.errors: Counter[str] = Counter()  # by kind
        self.detail: Counter[str] = Counter()  # "step kind"
        self.throttled: Counter[str] = Counter()
        self.samples: list[str] = []  # a few error messages

    def add(self, step: str, ms: float) -> None:
        with self.lock:
            self.times[step].append(ms)

    def throttle(self, status: int) -> None:
        with self.lock:
            self.throttled[f"throttled {status}"] += 1

    def fail(self, step: str, err: Failed) -> None:
        with self.lock:
            self.errors[err.kind] += 1
            self.detail[f"{step}: {err.kind}"] += 1
            if len(self.samples) < 5:
                self.samples.append(str(err))


def clinic(url: str, username: str, start_at: float, deadline: float, size: int, chunk: int, res):
    """One clinic's loop; never raises (every failure is counted in ``res``)."""
    time.sleep(max(0.0, start_at - time.monotonic()))
    api = httpx.Client(base_url=f"{url}/api/v1", timeout=REQUEST_TIMEOUT_S)
    since, n = 0, 0

    def timed(step: str, method: str, path: str, **kw) -> dict:
        t = time.perf_counter()
        try:
            r = call(api, method, path, deadline, res.throttle, **kw)
        except Failed as err:
            res.fail(step, err)
            raise
        res.add(step, (time.perf_counter() - t) * 1000)
        return r.json()

    try:
        while time.monotonic() < deadline:
            try:
                if "Authorization" not in api.headers:
                    creds = {"username": username, "password": "bench-password"}
                    token = timed("login", "POST", "/auth/login", json=creds)["access_token"]
                    api.headers["Authorization"] = f"Bearer {token}"
                n += 1
                since = one_case(timed, res, n, since, size, chunk)
            except Failed as err:
                if err.status == 401:
                    api.headers.pop("Authorization", None)
                pause = err.retry_after if err.retry_after is not None else 0.5
                time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
            except Exception as err:  # a bug in the bench or a malformed answer
                res.fail("client", Failed("client", f"{type(err).__name__}: {err}"))
                time.sleep(0.5)
    finally:
        api.close()


def one_case(timed, res: Results, n: int, since: int, size: int, chunk: int) -> int:
    """Create a case, upload a file in chunks, maybe ask for a consult, pull changes."""
    key = uuid.uuid4().hex
    # OT: no analyzer, so the bench measures the server, not pre-reads of random bytes
    body = {"patient": {"id": f"DEMO-{key[:8]}", "name": "DEMO"}, "modality": "OT"}
    case = timed("create case", "POST", "/cases", json=body, headers={"Idempotency-Key": key})
    data = os.urandom(size)
    meta = {"filename": "demo.bin", "size": size, "sha256": hashlib.sha256(data).hexdigest()}
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
    res.add("upload whole file", (time.perf_counter() - t0) * 1000)
    if n % 4 == 0:
        ask = {"question": "DEMO?", "target_department": "radiology"}
        timed("consult", "POST", f"/cases/{case['id']}/consults", json=ask)
    return timed("changes", "GET", "/changes", params={"since": since})["next"]


def pct(values: list[float], q: int) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def fmt(v: float | None) -> str:
    return f"{v:>10.1f}" if v is not None else f"{'-':>10}"


def check_loopback(url: str) -> None:
    host = urlsplit(url).hostname or ""
    try:
        ok = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = False
    if not ok:
        raise SystemExit(f"--url must be a loopback server (127.0.0.1, ::1, localhost): {url}")


def report(args, res: Results, wall: float) -> int:
    files = len(res.times["upload whole file"])
    requests = sum(len(v) for k, v in res.times.items() if k != "upload whole file")
    print(
        f"{args.clinics} clinics, {wall:.1f} s, {files} files of {args.size_kib} KiB "
        f"({files * args.size_kib / 1024 / wall:.1f} MiB/s, {files / wall:.1f} files/s, "
        f"{requests / wall:.0f} requests/s)"
    )
    print(f"{'step':<20}{'n':>7}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    steps = ["login", "create case", "upload init", "upload chunk", "upload complete"]
    steps += ["upload whole file", "consult", "changes"]
    for step in steps + sorted(set(res.times) - set(steps)):
        vals = res.times.get(step, [])
        top = max(vals) if vals else None
        print(f"{step:<20}{len(vals):>7}{fmt(pct(vals, 50))}{fmt(pct(vals, 95))}{fmt(top)}")
    if res.throttled:
        print(f"throttled (retried after Retry-After): {dict(res.throttled)}")
    total = sum(res.errors.values())
    if total:
        print(f"errors by kind: {dict(res.errors)}")
        print(f"errors by step: {dict(res.detail)}")
        for line in res.samples:
            print(f"  e.g. {line}")
    print(f"errors={total}")
    return 1 if total else 0


def run_clinics(url: str, users: list[str], args, ramp: float) -> tuple[Results, float]:
    """Every clinic of ``users`` runs its loop for ``args.seconds`` (starts spread over
    ``ramp`` seconds); returns the results and the wall seconds."""
    res = Results()
    t0 = time.monotonic()
    deadline = t0 + args.seconds
    threads = [
        threading.Thread(
            target=clinic,
            args=(url, u, t0 + ramp * i / max(1, len(users)), deadline)
            + (args.size_kib * 1024, args.chunk_kib * 1024, res),
            daemon=True,
        )
        for i, u in enumerate(users)
    ]
    for t in threads:
        t.start()
    for t in threads:  # a request in flight at the deadline may take its timeout
        t.join(timeout=max(0.0, deadline + REQUEST_TIMEOUT_S + 5 - time.monotonic()))
    if stuck := sum(t.is_alive() for t in threads):
        res.fail("join", Failed("timeout", f"{stuck} clinics still busy after the deadline"))
    return res, time.monotonic() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clinics", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--ramp", type=float, default=5, help="seconds over which clinics start")
    ap.add_argument("--size-kib", type=int, default=512, help="bytes uploaded per case")
    ap.add_argument("--chunk-kib", type=int, default=128)
    ap.add_argument("--url", help="use a running loopback server (needs the demo admin)")
    args = ap.parse_args(argv)
    if args.url:
        check_loopback(args.url)
    tmp = server = None
    url = args.url
    if url is None:
        tmp = tempfile.TemporaryDirectory(prefix="hz-load-")
        server = LocalServer(Path(tmp.name))
        server.run_cli("init-demo")
        url = server.start().url
    try:
        users = make_clinics(url, args.clinics)
        res, wall = run_clinics(url, users, args, min(args.ramp, args.seconds / 2))
    finally:
        if server:
            server.stop()
            tmp.cleanup()
    return report(args, res, wall)


if __name__ == "__main__":
    sys.exit(main())
