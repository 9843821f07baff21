"""The report panel's reloads end out of order too (ui/latest.py): a reload asked
before signing that ends after it must not put the panel back to "confirmed".  Seen
with job callbacks posted late (a descheduled worker): test_report_archive ended with a
signed report shown as confirmed."""

from __future__ import annotations

import threading

import pytest

from tests.ui.report_helpers import WAIT_MS, start, write


@pytest.fixture
def user(store):
    from app.auth import authenticate, seed_demo_users

    seed_demo_users(store)
    return authenticate(store, "doctor", "demo")


def confirmed_panel(qtbot, store, jobs, user, tmp_path):
    """(study pk, report panel) of a DEMO fundus case whose report is confirmed."""
    from app.demo.build import build_fundus
    from app.importer import run_import
    from ui.report.panel import ReportPanel
    from viewers.registry import ViewerContext

    pk = run_import(store, [build_fundus(tmp_path)]).study_pks[0]
    panel = ReportPanel(ViewerContext(store, pk, store.study(pk).modality, [], jobs, user=user))
    qtbot.addWidget(panel)
    start(qtbot, panel)
    write(panel, "os_findings", "No retinopathy.")
    write(panel, "referral", "Screen again in 12 months.")
    panel.confirm_btn.click()
    qtbot.waitUntil(lambda: panel.report.state == "confirmed", timeout=WAIT_MS)
    return pk, panel


def test_a_reload_asked_before_signing_and_ending_after_keeps_it_signed(
    qtbot, store, jobs, user, tmp_path, monkeypatch
):
    from app import reports

    _, panel = confirmed_panel(qtbot, store, jobs, user, tmp_path)

    real, read, release, holding = (
        reports.current_report,
        threading.Event(),
        threading.Event(),
        [True],
    )

    def held(store, pk):
        found = real(store, pk)
        if holding[0]:  # asked before signing: answers last, with the confirmed report
            read.set()
            release.wait(300)
        return found

    monkeypatch.setattr(reports, "current_report", held)
    mine, finished = [], []
    jobs.job_finished.connect(lambda j: finished.append(id(j)))
    submit = jobs.submit

    def counted(fn, *a, **kw):
        job = submit(fn, *a, **kw)
        mine.append(id(job))
        return job

    monkeypatch.setattr(jobs, "submit", counted)
    panel._reload()
    assert read.wait(60)
    holding[0] = False
    panel.sign_btn.click()
    panel.sign_yes_btn.click()
    # signed, and its PDF stored with the case: the panel is idle (PDF export offered)
    qtbot.waitUntil(lambda: panel.report.locked and panel.pdf_btn.isEnabled(), timeout=WAIT_MS)
    shown = []  # every report the panel shows from now on (a later reload may mend it)
    panel.report_changed.connect(lambda r: shown.append(r.state if r is not None else None))
    release.set()
    qtbot.waitUntil(lambda: set(mine) <= set(finished), timeout=WAIT_MS)
    assert "confirmed" not in shown and panel.report.state == "signed" and panel.report.locked


def test_a_change_made_elsewhere_while_typing_is_shown_after_the_save(
    qtbot, store, jobs, user, tmp_path
):
    """A reload that lands while an edit waits to be saved is not shown (it would undo
    the typing); it is looked at again once the save has ended, not lost: here the
    report was signed elsewhere meanwhile."""
    from app import reports

    pk, panel = confirmed_panel(qtbot, store, jobs, user, tmp_path)
    write(panel, "referral", "Screen again in 6 months.")  # typing: the save waits
    assert panel._autosave.isActive()
    reports.sign(store, panel.report.id, user)  # signed elsewhere, as a sync applies it
    store.events.changed.emit([pk])
    qtbot.waitUntil(lambda: panel.report.locked, timeout=WAIT_MS)
    assert panel.report.state == "signed"
