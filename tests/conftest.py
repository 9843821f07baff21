"""Shared fixtures: isolated data folder, a fresh store, thread-leak guard."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HUIZHEN_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def store(home):
    from app.store import Store

    s = Store(f"sqlite:///{home / 'data' / 'huizhen.sqlite'}", home / "data")
    yield s
    s.close()


@pytest.fixture(autouse=True)
def no_leaked_threads():
    """Fail a test that leaves worker threads running (napari-style guard)."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 30  # stopping threads end soon, later on a loaded machine
    while True:
        leaked = [
            t
            for t in threading.enumerate()
            if t not in before and t.is_alive() and t.name.startswith("huizhen")
        ]
        if not leaked or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert not leaked, f"threads left running: {[t.name for t in leaked]}"


@pytest.fixture(autouse=True)
def no_leaked_ai_subscriptions():
    """A signed-in workstation applies its clinic's AI subscriptions process-wide
    (analyzer filter, remote model slots): back to "no list yet" after each test,
    so a later test never runs under another test's clinic."""
    yield
    import sys

    subscriptions = sys.modules.get("app.ai.subscriptions")
    if subscriptions is not None:
        subscriptions.reset()


@pytest.fixture(scope="session")
def postgres(tmp_path_factory):
    """A real PostgreSQL on loopback. Skipped only outside CI when it is not installed."""
    from tests.pgserver import PostgresServer, bindir

    if bindir() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL must be installed in CI (./run test installs it)")
        pytest.skip("PostgreSQL server not installed")
    root = Path(tempfile.mkdtemp(prefix="huizhen-pg-"))
    server = PostgresServer(root)
    server.start()
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def zh(qapp):
    """The application in Chinese (zh_CN) for one test, English again afterwards."""
    from ui import i18n

    i18n.install("zh_CN")
    yield
    i18n.install("en")


@pytest.fixture
def jobs(qapp):
    """The Qt job adapter on a small pool, shut down (no leaked threads) after the test."""
    from app.jobs import JobRunner
    from ui.qt_jobs import QtJobs

    j = QtJobs(JobRunner(max_workers=2))
    yield j
    j.shutdown()
    qapp.processEvents()
