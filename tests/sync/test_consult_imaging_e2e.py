"""The consult loop for a chest X-ray and a fundus photo, two workstations and a
real server process: the clinic confirms its own draft and asks a question
(the chest X-ray goes to the demo radiologist, found in radiology; the fundus
photo's department is emptied first, so the dialog warns that nobody is active
and the cardiologist is addressed by name), the specialist is
notified, reads the question and the clinic's draft, accepts (the clinic sees
it), writes and signs the report; the clinic is notified and sees it signed,
read-only, with who signed it and when.  Files are real samples (pydicom-data
chest CR, scikit-image retina photo wrapped as DICOM OP by the demo builder)."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from test_consult_e2e import WAIT_MS, _one, _status, _workstation

from app.models import ConsultRequest, Outbox, Study
from app.sync.files import missing_files
from tests.ui.report_helpers import confirm_and_sign, start, write


def _file(kind: str, folder):
    from app.demo.build import build_crs, build_fundus

    folder.mkdir()
    return build_crs(folder)[0] if kind == "imaging" else build_fundus(folder)


def _panel(win, pk: int):
    tab = win.cases.tab_for(pk)
    return getattr(getattr(tab, "viewer", None), "report_panel", None)


def _status_text(win, pk: int) -> str:
    """The worklist's status cell as the doctor reads it."""
    from ui.worklist_model import COLUMNS

    m = win.worklist.model
    return m.data(m.index(m.find(pk), COLUMNS.index("status"))) or ""


def _shown(viewer) -> bool:
    """The case reopened on the downloaded file (image viewer, or the fundus viewer
    that shows both eyes)."""
    image = getattr(viewer, "image", None) or getattr(viewer, "images_shown", None)
    return image is not None


def _notifier(win):
    from ui.report.notifier import Notifier

    return next(e for e in win.extensions if isinstance(e, Notifier))


# (field the clinic writes, field the specialist writes, department, who answers, their name)
CASES = {
    "imaging": ("findings", "impression", "radiology", "radiologist", "Dr Zhao"),  # chest X-ray
    "fundus": ("os_findings", "referral", "ophthalmology", "specialist", "Dr Wang"),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_imaging_consult_loop(
    kind, qtbot, make_jobs, server, clinic_store, specialist_store, tmp_path
):
    from tests.server.hzserver_helpers import Api
    from ui.consult_dialog import ConsultDialog

    clinic_field, spec_field, dept, who, who_name = CASES[kind]
    if kind == "fundus":  # the warning path: nobody active there
        admin = Api(server.url, "admin")
        [eye] = admin.ok("GET", "/directory/specialists", params={"department": dept})[
            "specialists"
        ]
        admin.ok("POST", f"/admin/users/{eye['id']}/deactivate")
    clinic, cext = _workstation(qtbot, clinic_store, make_jobs(), server.url, "doctor")
    sjobs = make_jobs()
    spec, sext = _workstation(qtbot, specialist_store, sjobs, server.url, who)
    try:
        # -- clinic: import, write and confirm its own draft (it cannot sign at the server)
        with qtbot.waitSignal(clinic.import_finished, timeout=WAIT_MS) as imported:
            clinic.import_paths([str(_file(kind, tmp_path / kind))])
        [pk] = imported.args[0].study_pks
        clinic.open_case(pk)
        qtbot.waitUntil(lambda: _panel(clinic, pk) is not None, timeout=WAIT_MS)
        cpanel = _panel(clinic, pk)
        assert cpanel.template.id == kind
        start(qtbot, cpanel)
        write(cpanel, clinic_field, "Clinic reading: possible abnormality, please advise.")
        for key in cpanel.template.field_keys():
            if cpanel.fields.editors[key].property("plainText") == "to be written by the doctor":
                write(cpanel, key, "Clinic: uncertain.")
        cpanel.confirm_btn.click()
        qtbot.waitUntil(lambda: cpanel.report.state == "confirmed", timeout=WAIT_MS)

        # -- clinic: the consult dialog warns about the empty department, offers another
        cext.a_consult.trigger()
        qtbot.waitUntil(lambda: isinstance(cext.dialog, ConsultDialog), timeout=WAIT_MS)
        dlg = cext.dialog
        assert dlg.department.currentData() == dept
        assert dlg.attach_draft.isEnabled() and dlg.attach_draft.isChecked()
        dlg.question.setPlainText(f"Question about this {kind} study: refer or not?")
        if kind == "imaging":  # the demo radiologist is there: no warning
            qtbot.waitUntil(lambda: dlg.specialist.findData("radiologist") >= 0, timeout=WAIT_MS)
            assert not dlg.dept_warning.isVisibleTo(dlg) and dlg.send_button.text() == "Send"
        else:
            qtbot.waitUntil(lambda: dlg.dept_warning.isVisibleTo(dlg), timeout=WAIT_MS)
            assert "Nobody in" in dlg.dept_warning.text()
            assert dlg.other_dept.isVisibleTo(dlg) and "active" in dlg.other_dept.text()
            assert dlg.send_button.text() == "Send anyway"
            offered = dlg.other_dept.property("department")
            dlg.other_dept.click()  # the offer works: a department with someone in it
            assert dlg.department.currentData() == offered != dept
            assert not dlg.dept_warning.isVisibleTo(dlg) and dlg.send_button.text() == "Send"
            dlg.department.setCurrentIndex(dlg.department.findData(dept))  # back: name the person
        dlg.specialist.setEditText(who)
        assert dlg.target_user() == who
        with qtbot.waitSignal(dlg.sent, timeout=WAIT_MS):
            dlg.send_button.click()

        # -- specialist: notified; the question and the clinic's draft are in the case view
        notifier = _notifier(spec)
        case_id = lambda: _one(clinic_store, select(Study.server_id).where(Study.id == pk))  # noqa: E731
        qtbot.waitUntil(lambda: case_id() is not None, timeout=WAIT_MS)
        where = select(Study.id).where(Study.server_id == case_id())
        qtbot.waitUntil(lambda: _one(specialist_store, where) is not None, timeout=WAIT_MS)
        spk = _one(specialist_store, where)
        qtbot.waitUntil(lambda: notifier.last is not None, timeout=WAIT_MS)
        assert notifier.last[:2] == ("consult", spk)
        spec.open_case(spk)

        def settled() -> bool:
            """The files are here and the tab will not be reopened for them any more
            (a download's end reopens the tab: a panel taken before that is deleted)."""
            looking = any(j.name == "missing files" for j in sjobs.runner.active)
            return (
                not looking
                and spk not in sext._downloading
                and not missing_files(specialist_store, spk)
            )

        qtbot.waitUntil(settled, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: _shown(spec.cases.tab_for(spk).viewer), timeout=WAIT_MS)
        qtbot.waitUntil(
            lambda: _panel(spec, spk).consult_view.accept_btn.isVisibleTo(spec), timeout=WAIT_MS
        )
        panel = _panel(spec, spk)
        view = panel.consult_view
        assert "refer or not?" in view.question.text()
        assert "Clinic reading: possible abnormality" in view.draft.text()
        assert not panel.start_btn.isEnabled()  # accept first
        view.accept_btn.click()
        qtbot.waitUntil(lambda: panel.start_btn.isEnabled(), timeout=WAIT_MS)

        # -- clinic: sees the consult accepted (case view and timeline strip)
        sent = select(ConsultRequest).where(ConsultRequest.study_pk == pk)
        qtbot.waitUntil(lambda: _one(clinic_store, sent).status == "accepted", timeout=WAIT_MS)
        qtbot.waitUntil(
            lambda: "accepted by the specialist" in cpanel.consult_view.state.text(),
            timeout=WAIT_MS,
        )
        qtbot.waitUntil(lambda: _status_text(clinic, pk) == "In consultation · accepted",
                        timeout=WAIT_MS)  # fmt: skip
        qtbot.waitUntil(lambda: "Accepted" in clinic.cases.tab_for(pk).hz_timeline.text(),
                        timeout=WAIT_MS)  # fmt: skip

        # -- specialist: the draft starts from the clinic's; write, confirm, sign
        start(qtbot, panel)
        assert "Clinic reading" in panel.report.values[clinic_field]
        write(panel, spec_field, "Specialist: no urgent referral; repeat in 12 months.")
        confirm_and_sign(qtbot, panel)
        done = select(Outbox).where(Outbox.state != "done")
        qtbot.waitUntil(lambda: _one(specialist_store, done) is None, timeout=WAIT_MS)

        # -- clinic: notified, signed, read-only, with who signed and when
        cnotifier = _notifier(clinic)
        qtbot.waitUntil(lambda: _status(clinic, pk) == "signed", timeout=WAIT_MS)
        qtbot.waitUntil(lambda: cpanel.report is not None and cpanel.report.locked,
                        timeout=WAIT_MS)  # fmt: skip
        qtbot.waitUntil(lambda: cnotifier.last is not None, timeout=WAIT_MS)
        assert cnotifier.last[:2] == ("report", pk)
        assert cpanel.report.values[spec_field].startswith("Specialist: no urgent referral")
        assert cpanel.fields.editors[spec_field].isReadOnly()
        label = cpanel.state_label.text()
        assert "Signed by" in label and who_name in label and "UTC" in label
        assert not cpanel.ai_notice.isVisibleTo(cpanel) and not cpanel.amend_btn.isEnabled()
        qtbot.waitUntil(lambda: "Signed" in clinic.cases.tab_for(pk).header.text(),
                        timeout=WAIT_MS)  # fmt: skip
    finally:
        spec.close()
        clinic.close()
