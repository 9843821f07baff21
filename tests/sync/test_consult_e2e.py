"""The whole consult loop with two workstations and one real server process.

The clinic ("doctor") signs in once (the server sign-in follows in the
background), imports the real pydicom ECG, and requests a consultation from a
named specialist through the consult dialog.  The specialist's workstation
pulls it, downloads the file on opening the case, and drafts, confirms and
signs the report in the ECG report panel.  The clinic's worklist then shows the
case signed, and its report panel shows the report read-only with the signer.
"""

from __future__ import annotations

from sqlalchemy import select
from sync_helpers import Api, sample

from app.models import ConsultRequest, Outbox, Report, Study
from app.sync.files import missing_files
from tests.ui.report_helpers import confirm_and_sign, start

WAIT_MS = 60_000  # failure bounds, not speed checks


def _workstation(qtbot, store, jobs, url: str, username: str):
    from app.auth import authenticate, seed_demo_users
    from app.settings import Settings
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.sync_extension import SyncExtension

    i18n.install("en")
    seed_demo_users(store)
    user = authenticate(store, username, "demo")
    win = MainWindow(store, jobs, Settings(language="en", server_url=url), user)
    qtbot.addWidget(win)
    ext = next(e for e in win.extensions if isinstance(e, SyncExtension))
    win.on_login(username, "demo")  # what ui/main_app.py does after the login dialog
    qtbot.waitUntil(lambda: win.sync_label.text().startswith("Sync: synced "), timeout=WAIT_MS)
    return win, ext


def _one(store, query):
    with store.read_session() as s:
        return s.scalars(query).first()


def _status(win, pk: int) -> str | None:
    i = win.worklist.model.find(pk)
    return win.worklist.model.row_at(i).status if i >= 0 else None


def _panel(win, pk: int):
    tab = win.cases.tab_for(pk)
    return getattr(getattr(tab, "viewer", None), "report_panel", None)


def test_consult_round_trip_through_both_workstations(
    qtbot, make_jobs, server, clinic_store, specialist_store
):
    from ui.consult_dialog import ConsultDialog

    clinic, cext = _workstation(qtbot, clinic_store, make_jobs(), server.url, "doctor")
    spec, sext = _workstation(qtbot, specialist_store, make_jobs(), server.url, "specialist")
    try:
        # -- clinic: import, open, request a consultation from the specialist by name
        with qtbot.waitSignal(clinic.import_finished, timeout=WAIT_MS) as imported:
            clinic.import_paths([sample("waveform_ecg.dcm")])
        [pk] = imported.args[0].study_pks
        clinic.open_case(pk)
        qtbot.waitUntil(lambda: _panel(clinic, pk) is not None, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: _panel(clinic, pk).start_btn.isEnabled(), timeout=WAIT_MS)
        assert _panel(clinic, pk).report is None
        cext.a_consult.trigger()
        qtbot.waitUntil(lambda: isinstance(cext.dialog, ConsultDialog), timeout=WAIT_MS)
        dlg = cext.dialog
        assert dlg.department.currentData() == "cardiology"
        i = dlg.specialist.findData("specialist")  # from the server's directory
        assert i > 0 and "pathologist" not in [
            dlg.specialist.itemData(j) for j in range(dlg.specialist.count())
        ]
        dlg.specialist.setCurrentIndex(i)
        assert dlg.target_user() == "specialist"
        with qtbot.waitSignal(dlg.sent, timeout=WAIT_MS):
            dlg.send_button.click()
        on_server = select(ConsultRequest).where(ConsultRequest.server_id.is_not(None))
        qtbot.waitUntil(lambda: _one(clinic_store, on_server) is not None, timeout=WAIT_MS)
        sent = _one(clinic_store, on_server)
        case_id = _one(clinic_store, select(Study.server_id).where(Study.id == pk))
        [there] = Api(server.url, "doctor").ok("GET", "/consults")["consults"]
        specialist_id = Api(server.url, "specialist").user["id"]
        assert there["target_user_id"] == specialist_id  # addressed to them by id

        # -- specialist: the consult arrives, the case opens and its file downloads
        where = select(Study.id).where(Study.server_id == case_id)
        qtbot.waitUntil(lambda: _one(specialist_store, where) is not None, timeout=WAIT_MS)
        spk = _one(specialist_store, where)
        remote = _one(specialist_store, select(ConsultRequest))
        assert remote.study_pk == spk and remote.status == "sent"
        qtbot.waitUntil(lambda: spec.worklist.model.find(spk) >= 0, timeout=WAIT_MS)
        spec.open_case(spk)  # the file comes from the server (whenever it arrives: no race)
        qtbot.waitUntil(lambda: not missing_files(specialist_store, spk), timeout=WAIT_MS)
        viewer_ready = lambda: getattr(_panel(spec, spk), "analysis", None) is not None  # noqa: E731
        qtbot.waitUntil(viewer_ready, timeout=WAIT_MS)  # reopened on the downloaded file

        # -- specialist: draft, decide the findings, confirm and sign in the report panel
        from PySide6.QtCore import Qt

        panel = _panel(spec, spk)
        view = panel.consult_view  # the clinic's question, then the explicit accept step
        qtbot.waitUntil(view.can_accept, timeout=WAIT_MS)
        assert "Please review this" in view.question.text() and not panel.start_btn.isEnabled()
        view.accept_btn.click()
        start(qtbot, panel)
        assert panel.report.state == "draft"
        for j in range(panel.checklist.count()):
            panel.checklist.item(j).setCheckState(Qt.CheckState.Checked)
        panel.text.appendPlainText("Reviewed remotely: no acute ischaemia.")
        confirm_and_sign(qtbot, panel)
        assert panel.amend_btn.isEnabled()
        rpk = panel.report.id

        def sent_signed() -> bool:
            with specialist_store.read_session() as s:
                r = s.get(Report, rpk)
                rows = s.scalars(select(Outbox).where(Outbox.kind.like("report.%"))).all()
                return r.server_id is not None and rows and all(x.state == "done" for x in rows)

        qtbot.waitUntil(sent_signed, timeout=WAIT_MS)

        # -- clinic: the case is signed and the report is read-only with the signer
        qtbot.waitUntil(lambda: _status(clinic, pk) == "signed", timeout=WAIT_MS)
        cpanel = _panel(clinic, pk)
        qtbot.waitUntil(lambda: cpanel.report is not None and cpanel.report.locked,
                        timeout=WAIT_MS)  # fmt: skip
        assert cpanel.text.isReadOnly() and not cpanel.checklist.isEnabled()
        assert "no acute ischaemia" in cpanel.text.toPlainText()
        assert "Dr Wang" in cpanel.state_label.text()  # the specialist's name here
        assert "amend" not in cpanel.state_label.text() and not cpanel.amend_btn.isEnabled()
        assert not cpanel.confirm_btn.isEnabled() and not cpanel.sign_btn.isEnabled()
        qtbot.waitUntil(lambda: "Reported" in clinic.cases.tab_for(pk).hz_timeline.text(),
                        timeout=WAIT_MS)  # fmt: skip
        with clinic_store.read_session() as s:
            assert s.get(ConsultRequest, sent.id).status == "reported"
            assert s.scalar(select(Outbox).where(Outbox.state != "done")) is None
    finally:
        spec.close()
        clinic.close()
