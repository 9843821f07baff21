"""Workstation sync against a real server on loopback.

* initial sync of N cases (default 10,000) into an empty store (goal <= 3 s),
  next to the baseline of only fetching the same change feed (no store);
* incremental sync of 100 changed cases (goal <= 150 ms, median of 5);
* the longest UI-thread stall while the shell (main window + sync extension)
  does the initial sync and shows the worklist: a 5 ms QTimer heartbeat
  measures gaps (goal < 50 ms).

SYNTHETIC "DEMO" cases are written straight into the server database before
it starts (creating 10,000 through the API would take minutes).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/sync.py [N]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.load import LocalServer, login  # noqa: E402


def seed_cases(data_dir: Path, n: int) -> None:
    from sqlalchemy import select

    from server.actions import record_case
    from server.db import make_engine, sessions
    from server.models import Case, User, utcnow

    engine = make_engine(f"sqlite:///{data_dir / 'server.db'}")
    with sessions(engine)() as s:
        doctor = s.scalar(select(User).where(User.username == "doctor"))
        now = utcnow()
        for i in range(n):
            case = Case(
                org_id=doctor.org_id,
                created_by=doctor.id,
                patient_id=f"DEMO-B{i:05d}",
                patient_name=f"DEMO^Bench{i}",
                patient_sex="MF"[i % 2],
                patient_birth_date="19600101",
                study_uid=f"2.25.{10**20 + i}",
                study_description="SYNTHETIC bench case",
                modality=("ECG", "CR", "OP")[i % 3],
                status="new",
                priority=2 - (i % 7 == 0),
                created_at=now,
                updated_at=now,
            )
            s.add(case)
            s.flush()
            record_case(s, case, "created")
        s.commit()
    engine.dispose()


def fetch_only(url: str, page: int) -> float:
    http = login(url, "doctor")
    t0 = time.perf_counter()
    since, more = 0, True
    while more:
        body = http.get("/changes", params={"since": since, "limit": page}).json()
        since, more = body["next"], body["more"]
    dt = time.perf_counter() - t0
    http.close()
    return dt


def bench_store(root: Path, url: str, n: int) -> None:
    from app.store import Store
    from app.sync import SyncClient, SyncState, run_sync_once
    from app.sync.pull import PAGE

    print(f"baseline: fetch the {n}-case change feed only: {fetch_only(url, PAGE) * 1000:.0f} ms")
    store = Store(f"sqlite:///{root / 'clinic' / 'h.sqlite'}", root / "clinic")
    client = SyncClient(url)
    client.login("doctor", "demo")
    t0 = time.perf_counter()
    report = run_sync_once(store, client)
    dt = time.perf_counter() - t0
    assert report.state == SyncState.SYNCED, report.error
    rows = len(store.worklist_rows())
    verdict = "OK" if dt <= 3.0 else "SLOW"
    print(f"initial sync of {rows} cases: {dt * 1000:.0f} ms (goal <= 3000 ms) {verdict}")

    http = login(url, "doctor")
    cases = http.get("/cases", params={"limit": 1000}).json()["cases"]
    times = []
    for rnd in range(5):
        for c in cases[rnd * 100 : rnd * 100 + 100]:
            r = http.patch(f"/cases/{c['id']}", json={"version": c["version"], "priority": 1})
            r.raise_for_status()
        t0 = time.perf_counter()
        report = run_sync_once(store, client)
        times.append(time.perf_counter() - t0)
        assert report.state == SyncState.SYNCED and report.pulled == 100, report
    med = statistics.median(times)
    verdict = "OK" if med <= 0.150 else "SLOW"
    print(
        f"incremental sync of 100 changes: median {med * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms (goal <= 150 ms) {verdict}"
    )
    http.close()
    client.close()
    store.close()


def bench_ui(root: Path, url: str) -> None:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from app.auth import authenticate, seed_demo_users
    from app.jobs import JobRunner
    from app.settings import Settings
    from app.store import Store
    from app.sync import SyncState
    from ui.main_window import MainWindow
    from ui.qt_jobs import QtJobs
    from ui.sync_extension import SyncExtension

    app = QApplication.instance() or QApplication([])
    os.environ["HUIZHEN_HOME"] = str(root / "home")
    store = Store(f"sqlite:///{root / 'ui' / 'h.sqlite'}", root / "ui")
    seed_demo_users(store)
    jobs = QtJobs(JobRunner())
    win = MainWindow(store, jobs, Settings(language="en", server_url=url),
                     authenticate(store, "doctor", "demo"))  # fmt: skip
    win.show()
    ext = next(e for e in win.extensions if isinstance(e, SyncExtension))
    clock, gaps = QElapsedTimer(), []
    clock.start()
    last = [clock.elapsed()]

    def beat() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(beat)
    timer.start(5)
    for _ in range(20):  # settle start-up before measuring
        app.processEvents()
        time.sleep(0.01)
    gaps.clear()
    last[0] = clock.elapsed()
    ext.client.login("doctor", "demo")
    t0 = time.perf_counter()
    ext.service.signed_in()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        app.processEvents()
        snap = ext.status.snapshot
        if snap.state == SyncState.SYNCED and win.worklist.model.total >= 10000:
            break
        time.sleep(0.001)
    dt = time.perf_counter() - t0
    timer.stop()
    worst = max(gaps) if gaps else 0
    verdict = "OK" if worst < 50 else "SLOW"
    print(
        f"UI: initial sync + worklist of {win.worklist.model.total} cases in {dt * 1000:.0f} ms; "
        f"longest UI-thread stall {worst} ms (goal < 50 ms) {verdict}; "
        f"heartbeats {len(gaps)}, p99 gap {sorted(gaps)[int(len(gaps) * 0.99)] if gaps else 0} ms"
    )
    win.close()
    jobs.shutdown()
    store.close()


def main() -> None:
    if sys.argv[1:2] == ["--seed"]:
        seed_cases(Path(sys.argv[2]), int(sys.argv[3]))
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory(prefix="hz-bench-sync-") as tmp:
        root = Path(tmp)
        srv = LocalServer(root / "server")
        srv.run_cli("init-demo")
        t0 = time.perf_counter()
        # in a child process, so this process's heap is the workstation's, not the seeder's
        subprocess.run(
            [sys.executable, __file__, "--seed", str(root / "server"), str(n)], check=True
        )
        print(f"seeded {n} SYNTHETIC cases in {time.perf_counter() - t0:.1f} s")
        srv.start()
        try:
            bench_store(root, srv.url, n)
            bench_ui(root, srv.url)
        finally:
            srv.stop()


if __name__ == "__main__":
    main()
