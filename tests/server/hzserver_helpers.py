"""Helpers for the server tests: a real server process, an API client, an SSE reader."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60


class ServerProcess:
    def __init__(self, data_dir: Path, *extra: str, db_url: str | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.db_url = db_url or f"sqlite:///{self.data_dir / 'server.db'}"
        self.extra = extra
        self.proc: subprocess.Popen | None = None
        self.url = ""
        self.log = self.data_dir / "server.log"

    def cli(self, *args: str) -> str:
        cmd = [sys.executable, "-m", "server", *args, "--data-dir", str(self.data_dir)]
        out = subprocess.run(
            [*cmd, "--db", self.db_url], cwd=REPO, capture_output=True, text=True, check=True
        )
        return out.stdout

    def start(self) -> ServerProcess:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        start = self.log.stat().st_size if self.log.exists() else 0
        cmd = [sys.executable, "-m", "server", "serve", "--port", "0", "--db", self.db_url]
        cmd += ["--data-dir", str(self.data_dir), "--log-level", "warning", *self.extra]
        with open(self.log, "a") as log:
            self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited:\n{self.log.read_text()[-3000:]}")
            text = self.log.read_bytes()[start:].decode("utf-8", "replace")
            found = re.findall(r"listening on (https?://\S+)", text)
            if found:
                self.url = found[-1]
                try:
                    health = httpx.get(f"{self.url}/api/v1/health", timeout=2, verify=False)
                    if health.status_code == 200:
                        return self
                except httpx.TransportError:
                    pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("server did not become healthy in time")

    def kill9(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill9()


class Api:
    """A logged-in user: ``api.get("/cases")`` -> httpx.Response."""

    def __init__(self, base: str, username: str, password: str = "demo", **login) -> None:
        self.base, self.username = base, username
        self.client = httpx.Client(base_url=f"{base}/api/v1", timeout=30)
        r = self.client.post(
            "/auth/login", json={"username": username, "password": password, **login}
        )
        assert r.status_code == 200, r.text
        self.session = r.json()
        self.token = self.session["access_token"]
        self.user = self.session["user"]

    def request(self, method: str, path: str, **kw) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token}", **kw.pop("headers", {})}
        return self.client.request(method, path, headers=headers, **kw)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)

    def put(self, path, **kw):
        return self.request("PUT", path, **kw)

    def patch(self, path, **kw):
        return self.request("PATCH", path, **kw)

    def ok(self, method: str, path: str, status: int = 200, **kw) -> dict:
        r = self.request(method, path, **kw)
        assert r.status_code == status, f"{method} {path}: {r.status_code} {r.text}"
        return r.json()

    def new_case(self, modality: str = "ECG", patient_id: str = "P-1", **kw) -> dict:
        body = {"patient": {"id": patient_id, "name": "DEMO Patient"}, "modality": modality, **kw}
        return self.ok("POST", "/cases", 201, json=body)

    def sequence(self) -> int:
        return self.ok("GET", "/changes", params={"since": 10**12})["sequence"]


class EventStream:
    """Reads ``GET /events`` on a thread; ``next(match)`` waits for an event."""

    def __init__(self, api: Api, last_event_id: int | None = None, **headers: str) -> None:
        self.events: queue.Queue = queue.Queue()
        self.headers: dict = {}
        headers = {**headers, "Authorization": f"Bearer {api.token}"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(last_event_id)
        self.client = httpx.Client(base_url=f"{api.base}/api/v1", timeout=None)
        self.connected = threading.Event()
        self.thread = threading.Thread(target=self._read, args=(headers,), daemon=True)
        self.thread.start()
        assert self.connected.wait(60), "event stream did not connect"

    def _read(self, headers) -> None:
        event = {}
        try:
            with self.client.stream("GET", "/events", headers=headers) as r:
                self.status, self.headers = r.status_code, dict(r.headers)
                for line in r.iter_lines():
                    if line.startswith(": connected"):
                        self.connected.set()
                    elif line.startswith("id:"):
                        event["id"] = int(line[3:].strip())
                    elif line.startswith("event:"):
                        event["event"] = line[6:].strip()
                    elif line.startswith("data:"):
                        event["data"] = json.loads(line[5:])
                    elif line == "" and "data" in event:
                        self.events.put(event)
                        event = {}
        except (httpx.HTTPError, RuntimeError):
            pass
        finally:
            self.connected.set()

    def next(self, match, timeout: float = 60.0) -> dict:
        """The first event for which ``match(change)`` is true; the skipped ones are kept."""
        deadline = time.monotonic() + timeout
        self.skipped = []
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no matching event; got {self.skipped}")
            try:
                ev = self.events.get(timeout=left)
            except queue.Empty:
                continue
            if match(ev["data"]):
                return ev
            self.skipped.append(ev)

    def close(self) -> None:
        self.client.close()


def wait_until(fn, timeout: float = 60.0, every: float = 0.05):
    """Poll ``fn`` until it returns something truthy (failure bound, not a speed check)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := fn():
            return value
        time.sleep(every)
    raise AssertionError(f"condition not met within {timeout} s")


class WorkerProcess(ServerProcess):
    """``huizhen-server worker`` (pre-reads and escalations) as a real process
    (``kill9``/``stop`` as a server's)."""

    def __init__(self, data_dir: Path, db_url: str, *extra: str, name: str = "worker") -> None:
        self.data_dir, self.db_url, self.extra = Path(data_dir), db_url, extra
        self.log = self.data_dir / f"{name}.log"
        self.proc: subprocess.Popen | None = None

    def start(self) -> WorkerProcess:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        start = self.log.stat().st_size if self.log.exists() else 0
        cmd = [sys.executable, "-m", "server", "worker", "--db", self.db_url]
        cmd += ["--data-dir", str(self.data_dir), "--log-level", "warning", *self.extra]
        with open(self.log, "a") as log:
            self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"worker exited:\n{self.log.read_text()[-3000:]}")
            if b"worker running" in self.log.read_bytes()[start:]:
                return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("worker did not start in time")
