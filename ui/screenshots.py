"""Render every main screen to PNG (``make screenshots`` / ``huizhen screenshots``).

Runs offscreen on a fresh demo store in a temporary folder, in Chinese and
English, so the pictures show what a clinic sees on first start.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def wait_until(app, cond, timeout: float = 20.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if cond():
            return True
        time.sleep(0.02)
    return False


def assign_patient_shot(store, jobs, win, save, lang: str) -> None:
    """The case header's form for a photo imported without patient details."""
    from ui.case_area import load_case
    from ui.patient_assign import PatientAssignDialog

    rows = [r for r in store.worklist_rows() if r.modality == "OP"]
    if not rows:
        return
    info = load_case(store, rows[0].study_pk)
    dlg = PatientAssignDialog(store, jobs, rows[0].study_pk, info, win)
    dlg.show()
    save(dlg, f"assign_patient_{lang}")
    dlg.close()


def banner_shots(store, win, save, lang: str) -> None:
    """The banner in red (open critical alert), in amber (an urgent one: a chest CT nodule
    graded 4B) and after someone acknowledged it."""
    from app.ai.store import AckedAlert
    from app.models import utcnow
    from ui.alert_banner import AlertBanner

    alerts = store.open_alerts()
    if not alerts:
        return
    a = alerts[0]
    banner = AlertBanner()
    banner.resize(1366, 60)
    banner.set_alerts(alerts)
    save(banner, f"banner_open_{lang}")
    urgent = [x for x in alerts if x.level == "urgent"]
    if urgent:
        banner.set_alerts(urgent[:1])
        save(banner, f"banner_urgent_{lang}")
    acked = AckedAlert(a.alert_id, a.study_pk, a.message, "STEMI", "DEMO 王主任 (Dr Wang)",
                       utcnow(), a.patient_name, a.patient_id)  # fmt: skip
    banner.set_alerts([], acked=[acked])
    save(banner, f"banner_acknowledged_{lang}")
    banner.close()


def main(out: str = "screenshots") -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="huizhen-shots-")
    os.environ["HUIZHEN_HOME"] = home
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)

    from app.auth import authenticate
    from app.demo.build import build_demo
    from app.jobs import JobRunner
    from app.settings import load_settings
    from app.store import Store
    from ui import i18n
    from ui.about_dialog import AboutDialog
    from ui.import_report import ImportReportDialog
    from ui.login_dialog import LoginDialog
    from ui.main_app import make_app
    from ui.main_window import MainWindow
    from ui.qt_jobs import QtJobs
    from ui.settings_dialog import SettingsDialog

    app = make_app()
    settings = load_settings()
    store = Store.from_settings(settings)
    report = build_demo(store, with_slide=os.environ.get("HUIZHEN_SHOTS_SLIDE", "1") == "1")
    from inference.preread import run_preread

    run_preread(store, report.study_pks)
    bad = Path(home) / "bad"
    bad.mkdir()
    (bad / "truncated.dcm").write_bytes(b"\0" * 128 + b"DICM" + b"\x02\x00\x10\x00UI")
    (bad / "notes.txt").write_text("not an image")
    from pydicom.data import get_testdata_file

    for name, cut in (("waveform_ecg.dcm", "ecg_cut.dcm"), ("CT_small.dcm", "ct_cut.dcm")):
        real = get_testdata_file(name, download=False)  # None where a bundle left it out
        if real is not None:  # a real DICOM ECG / CT image cut in half
            data = Path(real).read_bytes()
            (bad / cut).write_bytes(data[: len(data) // 2])
    (bad / "rec.hea").write_text("rec 1 500 5000\nrec.dat 16 200 16 0 0 0 0 II\n")  # no rec.dat
    jobs = QtJobs(JobRunner())
    shots: list[Path] = []
    too_big: list[str] = []  # a clinic PC's screen is 1366x768

    def save(widget, name: str) -> None:
        wait_until(app, lambda: not jobs.runner.active, 60)  # background work finished
        wait_until(app, lambda: False, 0.3)
        path = out_dir / f"{name}.png"
        if widget.width() > 1366 or widget.height() > 768:
            too_big.append(f"{name} ({widget.width()}x{widget.height()})")
        widget.grab().save(str(path))
        shots.append(path)

    for lang in ("zh_CN", "en"):
        i18n.install(lang)
        login = LoginDialog(store, demo=True)
        login.show()
        save(login, f"login_{lang}")
        login.close()
        user = authenticate(store, "doctor", "demo")
        win = MainWindow(store, jobs, settings, user)
        win.resize(1366, 768)  # a clinic PC's screen: every main screen must fit it
        win.show()
        wait_until(app, lambda w=win: w.worklist.model.total > 0)
        save(win, f"worklist_{lang}")
        from app.importer import run_import

        # the second language's run finds the CR files already in the store
        dlg = ImportReportDialog(
            run_import(store, [bad, *sorted((Path(home) / "demo-data").glob("cr_*.dcm"))]), win
        )
        dlg.show()
        save(dlg, f"import_report_{lang}")
        dlg.close()
        if lang == "zh_CN":
            for modality in ("CR", "OP", "ECG", "SM"):
                rows = sorted(
                    (r for r in store.worklist_rows() if r.modality == modality),
                    key=lambda r: r.priority,
                )  # the most urgent case of each kind
                if not rows:
                    continue
                tab = win.cases.open_case(rows[0].study_pk)
                wait_until(app, lambda t=tab: t.viewer is not None or t.info is not None)
                viewer_done = getattr(tab.viewer, "loaded", None)
                if viewer_done is not None:
                    flag = []
                    viewer_done.connect(lambda f=flag: f.append(1))
                    wait_until(app, lambda f=flag: bool(f), 20)
                save(win, f"case_{modality.lower()}_{lang}")
            win.cases.setCurrentIndex(0)
            s = SettingsDialog(settings, win)
            s.show()
            save(s, f"settings_{lang}")
            s.close()
            a = AboutDialog(str(settings.data_path), win)
            a.show()
            save(a, f"about_{lang}")
            a.close()
        from viewers.ecg.shots import ecg_shots

        ecg_shots(app, store, win, save, wait_until, lang)
        from viewers.dicom.shots import image_shots

        image_shots(app, store, win, save, wait_until, lang)
        from viewers.chest.shots import chest_shots

        chest_shots(app, store, win, save, wait_until, lang, Path(home))
        from viewers.wsi.shots import slide_case_shots

        slide_case_shots(app, store, win, save, wait_until, lang)
        from viewers.fundus.shots import fundus_shots

        fundus_shots(app, store, jobs, win, save, wait_until, lang, Path(home))
        assign_patient_shot(store, jobs, win, save, lang)
        banner_shots(store, win, save, lang)
        from ui.aiplatform.shots import ai_products_shots

        ai_products_shots(app, win, save, wait_until, lang)
        from ui.report.shots import consult_shot, report_shots

        report_shots(app, store, jobs, win, save, wait_until, lang)
        win.close()
        consult_shot(app, store, jobs, settings, save, wait_until, lang)
    jobs.shutdown()
    store.close()
    for p in shots:
        print(p)
    for name in too_big:
        print(f"does not fit a 1366x768 screen: {name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
