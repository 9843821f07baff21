"""Several server nodes on one PostgreSQL, a worker, and HAProxy in front (loopback only).

Imported by name (``from scale_helpers import ...``).  HAProxy is Debian's
``haproxy`` (./run test installs it); its configuration is written to the test's
temporary folder: round robin over the nodes with health checks, ``option
redispatch`` and retries, a request header ``X-Hz-Node: nK`` pins a request to
node K while it is up, and every answer says which node served it
(``X-Hz-Served-By``).
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.pgserver import free_port
from tests.server.hzserver_helpers import ServerProcess, WorkerProcess, wait_until

PLUGIN = Path(__file__).resolve().parents[1] / "server" / "analyzer_plugin.py"
DATABASES = itertools.count()

HAPROXY_CFG = """global
    maxconn 4096

defaults
    mode http
    timeout connect 1s
    timeout client 120s
    timeout server 120s
    timeout tunnel 1h
    timeout http-keep-alive 5s
    option redispatch
    retries 3
    retry-on conn-failure empty-response 503

frontend huizhen
    bind 127.0.0.1:{port}
    default_backend nodes

backend nodes
    balance roundrobin
    option httpchk GET /api/v1/health
    http-check expect status 200
    default-server inter 300ms fastinter 200ms downinter 300ms fall 2 rise 2
    http-response set-header X-Hz-Served-By %s
{pins}
{servers}
"""


def haproxy_binary() -> str:
    found = shutil.which("haproxy") or (
        "/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None
    )
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("HAProxy must be installed in CI (./run test installs it)")
        pytest.skip("haproxy not installed (apt: haproxy)")
    return found


class HAProxy:
    def __init__(self, root: Path, nodes: dict[str, str]) -> None:
        """``nodes``: name -> "127.0.0.1:port"."""
        self.root, self.nodes, self.port = Path(root), nodes, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> HAProxy:
        binary = haproxy_binary()
        self.root.mkdir(parents=True, exist_ok=True)
        pins = "\n".join(
            f"    use-server {n} if {{ req.hdr(x-hz-node) -m str {n} }}" for n in self.nodes
        )
        servers = "\n".join(f"    server {n} {addr} check" for n, addr in self.nodes.items())
        cfg = self.root / "haproxy.cfg"
        cfg.write_text(HAPROXY_CFG.format(port=self.port, pins=pins, servers=servers))
        subprocess.run([binary, "-c", "-q", "-f", str(cfg)], check=True, timeout=30)
        log = open(self.root / "haproxy.log", "a")  # noqa: SIM115 - kept open with the process
        self.proc = subprocess.Popen([binary, "-db", "-f", str(cfg)], stdout=log, stderr=log)
        wait_until(lambda: self.up() == set(self.nodes), timeout=60)
        return self

    def up(self) -> set[str]:
        """The nodes HAProxy answers from (each asked by a pinned health request)."""
        if self.proc is not None and self.proc.poll() is not None:
            raise RuntimeError(f"haproxy exited: {(self.root / 'haproxy.log').read_text()[-2000:]}")
        seen = set()
        for n in self.nodes:
            try:
                r = httpx.get(f"{self.url}/api/v1/health", headers={"X-Hz-Node": n}, timeout=2)
            except httpx.TransportError:
                continue
            if r.status_code == 200 and r.headers.get("x-hz-served-by") == n:
                seen.add(n)
        return seen

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


class Cluster:
    """``n`` server nodes and one worker on one PostgreSQL database and one shared data
    folder (a shared file system in production), HAProxy in front."""

    def __init__(self, root: Path, postgres, n: int = 2, *extra: str) -> None:
        self.root = Path(root)
        self.db_url = postgres.create_database(f"hz_scale_{os.getpid()}_{next(DATABASES)}")
        self.data = self.root / "data"
        jobs = ("--escalate-after", "2", "--escalation-check", "0.2", "--plugin", str(PLUGIN))
        self.nodes = {  # fixed ports: a node restarted keeps its address in HAProxy
            f"n{i + 1}": ServerProcess(
                self.data,
                "--port",
                str(free_port()),
                "--heartbeat",
                "1",
                *jobs,
                *extra,
                db_url=self.db_url,
            )  # fmt: skip
            for i in range(n)
        }
        for name, node in self.nodes.items():
            node.log = self.root / f"{name}.log"
        self.worker = WorkerProcess(self.data, self.db_url, *jobs, "--job-lease", "2")
        self.proxy: HAProxy | None = None

    def start(self) -> Cluster:
        next(iter(self.nodes.values())).cli("init-demo")
        for node in self.nodes.values():
            node.start()
        self.worker.start()
        addrs = {n: node.url.removeprefix("http://") for n, node in self.nodes.items()}
        self.proxy = HAProxy(self.root / "haproxy", addrs).start()
        return self

    @property
    def url(self) -> str:
        return self.proxy.url

    def stop(self) -> None:
        if self.proxy is not None:
            self.proxy.stop()
        self.worker.stop()
        for node in self.nodes.values():
            node.stop()


def deadline_loop(seconds: float):
    """Yields until ``seconds`` have passed (for load loops)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        yield
