"""A KServe ModelServer process on loopback serving an ONNX file (tests/oip/kserve_onnx.py)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
START_TIMEOUT_S = 90


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class KServeProcess:
    def __init__(self, workdir: Path, onnx: Path, name: str, version: str) -> None:
        self.workdir, self.onnx, self.name, self.version = Path(workdir), onnx, name, version
        self.proc: subprocess.Popen | None = None
        self.port = 0
        self.log = self.workdir / f"kserve-{name}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, attempts: int = 3) -> KServeProcess:
        """Start on a free loopback port; another port if that one was taken meanwhile."""
        for attempt in range(attempts):
            try:
                return self._start_once(free_port())
            except RuntimeError:
                if attempt == attempts - 1 or "address already in use" not in self.tail().lower():
                    raise
        raise AssertionError("unreachable")

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""

    def _start_once(self, port: int) -> KServeProcess:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.port = port
        cfg = self.workdir / f"kserve-{self.name}.json"
        body = {"onnx": str(self.onnx), "name": self.name, "version": self.version}
        cfg.write_text(json.dumps({**body, "port": self.port}), "utf-8")
        cmd = [sys.executable, str(HERE / "kserve_onnx.py"), str(cfg)]
        with open(self.log, "a") as log:
            self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"kserve exited:\n{self.tail()}")
            try:
                r = httpx.get(f"{self.url}/v2/models/{self.name}/ready", timeout=2)
                if r.status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"kserve not ready in {START_TIMEOUT_S} s:\n{self.tail()}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
