"""Cold start to a usable worklist with 10,000 cases in the store.

Goal: <= 2 s.  Runs the start-up in a fresh interpreter (cold imports) and
prints the total and the share spent importing Qt vs our own code.  Also
prints worklist filter/sort times on the same 10,000 rows (goal <= 50 ms).

    python bench/startup.py [N]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, os, sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from PySide6 import QtCore, QtGui
t_qt = time.perf_counter()
from app.settings import load_settings
from app.store import Store
from app.jobs import JobRunner
from app.auth import authenticate
from ui.main_app import make_app
from ui import i18n
from ui.main_window import MainWindow
from ui.qt_jobs import QtJobs
t_ours = time.perf_counter()
app = make_app()
settings = load_settings()
i18n.install(settings.language)
store = Store.from_settings(settings)
user = authenticate(store, "doctor", "demo")
jobs = QtJobs(JobRunner())
win = MainWindow(store, jobs, settings, user)
win.show()
while win.worklist.model.total == 0:
    app.processEvents()
app.processEvents()
t_ready = time.perf_counter()
print(json.dumps({"import_qt": t_qt - t0, "import_ours": t_ours - t_qt,
                  "build_ui_and_load": t_ready - t_ours, "rows": win.worklist.model.total}))
jobs.shutdown()
"""


def main(n: int = 10_000) -> None:
    from app.auth import seed_demo_users
    from app.store import Store
    from bench.fill_store import fill

    home = tempfile.mkdtemp(prefix="huizhen-bench-")
    os.environ["HUIZHEN_HOME"] = home
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    store = Store(f"sqlite:///{home}/data/huizhen.sqlite", f"{home}/data")
    fill(store, n)
    seed_demo_users(store)
    store.close()

    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", CHILD],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=True,
        )
        total = time.perf_counter() - t0
        child = json.loads(out.stdout.strip().splitlines()[-1])
        runs.append((total, child))
    total, child = sorted(runs, key=lambda r: r[0])[1]  # median of 3
    interp = total - child["import_qt"] - child["import_ours"] - child["build_ui_and_load"]
    print(f"cold start to usable worklist ({child['rows']} cases): {total:.2f} s  (goal <= 2 s)")
    for key, label in (
        ("import_qt", "import Qt"),
        ("import_ours", "import our code"),
        ("build_ui_and_load", "build UI + load worklist"),
    ):
        print(f"  {label:26s} {child[key]:.3f} s  {100 * child[key] / total:4.0f}%")
    print(f"  {'interpreter start':26s} {interp:.3f} s  {100 * interp / total:4.0f}%")
    bench_model(n)


def bench_model(n: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.store import Store
    from ui.worklist_model import COLUMNS, WorklistFilter, WorklistModel

    QApplication.instance() or QApplication([])
    home = os.environ["HUIZHEN_HOME"]
    store = Store(f"sqlite:///{home}/data/huizhen.sqlite", f"{home}/data")
    t = time.perf_counter()
    rows = store.worklist_rows()
    t_load = time.perf_counter() - t
    model = WorklistModel()
    model.set_rows(rows)
    cases = {
        "sort by patient": lambda: model.sort(
            COLUMNS.index("patient_name"), Qt.SortOrder.AscendingOrder
        ),
        "sort by study time": lambda: model.sort(
            COLUMNS.index("study_time"), Qt.SortOrder.DescendingOrder
        ),
        "filter modality+status": lambda: model.set_filter(
            WorklistFilter(modality="ECG", status="new")
        ),
        "search text": lambda: model.set_filter(WorklistFilter(text="patient 12")),
        "clear filter": lambda: model.set_filter(WorklistFilter()),
    }
    print(f"worklist query of {len(rows)} rows from the store: {1000 * t_load:.1f} ms")
    with store.read_session() as s:  # the consult states' share of that query
        t = time.perf_counter()
        states = store._latest_consult(s)
        t_consult = time.perf_counter() - t
    print(
        f"  of which consult states ({len(states)} consults): {1000 * t_consult:.1f} ms"
        f" = {100 * t_consult / t_load:.0f}% of the query"
    )
    for name, fn in cases.items():
        times = []
        for _ in range(7):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        times.sort()
        print(f"worklist {name:24s} median {1000 * times[3]:5.1f} ms  (goal <= 50 ms)")
    store.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
