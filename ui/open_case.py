"""``huizhen open FILE_OR_STUDY [--screenshot OUT.png]``.

Imports a file or folder when it is not in the store yet (an already stored
one is found by its content), opens the case in its viewer - offscreen when a
screenshot is asked for - waits until the viewer has loaded, and writes what
the doctor would see.  A study is named by its local number or its UID.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

WINDOW = (1366, 768)  # the smallest clinic screen the UI is made for


class OpenError(Exception):
    pass


def find_study(store, target: str) -> int:
    """The study ``target`` names: a file/folder (imported if needed), a number or a UID."""
    from sqlalchemy import select

    from app.models import Study

    path = Path(target)
    if path.exists():
        return import_target(store, path)
    with store.read_session() as s:
        if target.isdigit() and s.get(Study, int(target)) is not None:
            return int(target)
        pk = s.scalars(select(Study.id).where(Study.uid == target)).first()
    if pk is None:
        raise OpenError(f"{target}: no such file, study number or study UID")
    return pk


def import_target(store, path: Path) -> int:
    from app.cli import preread, print_report
    from app.importer import Outcome, run_import

    report = run_import(store, [path])
    print_report(report)
    preread(store, report.new_study_pks)
    found = [
        e.study_pk
        for e in report.entries
        if e.study_pk and e.outcome in (Outcome.IMPORTED, Outcome.DUPLICATE)
    ]
    if not found:
        reasons = "; ".join(f"{Path(e.path).name}: {e.reason}" for e in report.entries)
        raise OpenError(f"{path} could not be imported ({reasons or 'no file'})")
    return found[0]


def main(args) -> int:
    if args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from app.jobs import JobRunner
    from app.settings import load_settings
    from app.store import Store
    from ui import i18n
    from ui.case_area import CaseTab, load_case
    from ui.main_app import make_app
    from ui.qt_jobs import QtJobs
    from ui.screenshots import wait_until
    from ui.style import set_font_size

    settings = load_settings()
    store = Store.from_settings(settings)
    try:
        study_pk = find_study(store, args.target)
    except OpenError as err:
        print(f"huizhen open: {err}", file=sys.stderr)
        store.close()
        return 1
    app = make_app()
    i18n.install(args.lang or settings.language)
    set_font_size(app, settings.font_size)
    if not args.screenshot:  # an interactive window shows patient data: sign in first
        from ui.login_dialog import LoginDialog

        login = LoginDialog(store)
        if not login.exec():
            store.close()
            return 0
        login.take_credentials()  # no server sign-in from here: drop them at once
    jobs = QtJobs(JobRunner())
    win = QWidget()
    win.setWindowTitle("Huizhen")
    win.resize(*WINDOW)
    tab = CaseTab(study_pk, win)
    QVBoxLayout(win).addWidget(tab)
    loaded: list[bool] = []
    errors: list[str] = []

    def show(info) -> None:
        tab.show_case(info, jobs, store)
        win.setWindowTitle(f"Huizhen - {tab.title()}")
        signal = getattr(tab.viewer, "loaded", None)
        if signal is not None:
            signal.connect(lambda *_a: loaded.append(True))
        else:
            loaded.append(True)  # a message instead of a viewer: nothing more to wait for

    def failed(err: BaseException) -> None:
        tab.show_error(err)
        errors.append(str(err))

    jobs.submit(load_case, store, study_pk, name="open case", on_done=show, on_error=failed)
    win.show()
    try:
        if not args.screenshot:
            return app.exec()
        idle_since = [time.monotonic()]

        def settled() -> bool:
            if loaded or errors:
                return True
            if jobs.runner.active or tab.viewer is None:
                idle_since[0] = time.monotonic()
            return time.monotonic() - idle_since[0] > 3.0  # a viewer that failed quietly

        wait_until(app, settled, 120)
        ok = bool(loaded)
        wait_until(app, lambda: not jobs.runner.active, 60)  # AI overlays, medians, thumbnails
        wait_until(app, lambda: False, 0.3)
        out = Path(args.screenshot)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not win.grab().save(str(out)):
            print(f"huizhen open: cannot write {out}", file=sys.stderr)
            return 1
        print(out)
        if not ok or errors:
            print(f"huizhen open: the case did not load: {'; '.join(errors)}", file=sys.stderr)
            return 1
        return 0
    finally:
        win.close()
        jobs.shutdown()
        store.close()
