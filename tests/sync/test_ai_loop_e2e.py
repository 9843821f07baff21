"""The STEMI loop with two workstations and one real server process: one AI result
and one alert, acknowledged once, everywhere.

The clinic imports the real pydicom ECG with SYNTHETIC inferior ST elevation
(app/demo), its pre-read raises the alert, the doctor acknowledges it in the red
banner and requests a consultation.  The clinic's AI result travels with the case:
the server keeps it (same uid, measurements, model) and does not run the model
again; the alert reaches the server already acknowledged, so it never escalates.
The specialist sees the clinic's measurements and model in the draft and no red
banner, signs, and the clinic sees the report signed with still one AI result,
the heart rate in its worklist and no reopened alert.
"""

from __future__ import annotations

import pydicom
from sqlalchemy import func, select
from sync_helpers import Api, make_server
from test_consult_e2e import _one, _panel, _status, _workstation

from app.models import AIResult, Alert, ConsultRequest, Study
from tests.ui.report_helpers import confirm_and_sign, start

WAIT_MS = 60_000


def _rows(store, model, **where):
    with store.read_session() as s:
        q = select(model).filter_by(**where)
        return list(s.scalars(q))


def _count(store, model, **where) -> int:
    with store.read_session() as s:
        return s.scalar(select(func.count()).select_from(model).filter_by(**where))


def test_stemi_loop_keeps_one_ai_result_and_the_acknowledgement(
    qtbot,
    make_jobs,
    tmp_path,
    clinic_store,
    specialist_store,
):
    from app.demo.build import build_stemi_ecg, sample_path
    from app.sync.outbox import request_consult

    server = make_server(tmp_path / "srv", "--escalate-after", "1").start()
    clinic, cext = _workstation(qtbot, clinic_store, make_jobs(), server.url, "doctor")
    spec, sext = _workstation(qtbot, specialist_store, make_jobs(), server.url, "specialist")
    try:
        # -- clinic: import, pre-read raises the alert, the doctor acknowledges it
        stemi = build_stemi_ecg(pydicom.dcmread(sample_path("waveform_ecg.dcm")), tmp_path)
        with qtbot.waitSignal(clinic.preread_finished, timeout=WAIT_MS) as done:
            clinic.import_paths([stemi])
        [(pk, result)] = done.args[0].items()
        assert result.urgency == "critical"
        qtbot.waitUntil(lambda: bool(clinic.banner.alerts), timeout=WAIT_MS)  # red banner
        [mine] = _rows(clinic_store, AIResult, study_pk=pk)
        hr = mine.payload["measurements"]["hr_bpm"]
        clinic.banner.ack_btn.click()
        qtbot.waitUntil(lambda: not clinic.banner.alerts, timeout=WAIT_MS)
        [alert] = _rows(clinic_store, Alert, study_pk=pk)
        assert alert.acknowledged_by_name and alert.finding_code == "STEMI"
        assert alert.acknowledged_by_name in clinic.banner.full_text  # who, and when

        request_consult(clinic_store, pk, "Chest pain for 2 h: STEMI?", "critical",
                        "cardiology", "specialist", username="doctor")  # fmt: skip
        cext.service.trigger()
        on_server = select(Study.server_id).where(Study.id == pk)
        qtbot.waitUntil(lambda: _one(clinic_store, on_server) is not None, timeout=WAIT_MS)
        case_id = _one(clinic_store, on_server)
        doctor = Api(server.url, "doctor")

        def case_when(ready):
            case = doctor.ok("GET", f"/cases/{case_id}")
            return case if ready(case) else None

        def settled(case) -> bool:
            objs = case["objects"]
            return bool(objs) and all(o["preread_state"] not in ("pending",) for o in objs)

        qtbot.waitUntil(lambda: case_when(settled) is not None, timeout=WAIT_MS)
        case = case_when(settled)
        # -- server: the clinic's result (not a second run) and the alert acknowledged
        [ai] = case["ai_results"]
        assert ai["uid"] == mine.uid and ai["source"] == "clinic"
        assert ai["measurements"]["hr_bpm"] == hr and ai["model"]["version"] == mine.model_version
        [there] = case["alerts"]
        assert there["finding_code"] == "STEMI" and there["ai_result_uid"] == mine.uid
        assert (
            there["acknowledged_at"] and there["acknowledged_by_name"] == alert.acknowledged_by_name
        )

        # escalation runs (an unacknowledged alert on another case escalates) ...
        other = doctor.new_case("ECG", patient_id="DEMO-ESC")
        raised = doctor.ok("POST", f"/cases/{other['id']}/alerts", 201,
                           json={"message": "control alert"})  # fmt: skip

        def escalated():
            alerts = doctor.ok("GET", "/alerts")["alerts"]
            return next(a for a in alerts if a["id"] == raised["id"])["escalation_level"] >= 1

        qtbot.waitUntil(escalated, timeout=WAIT_MS)
        # ... but never for the STEMI the clinic acknowledged
        [there] = doctor.ok("GET", f"/cases/{case_id}")["alerts"]
        assert there["escalation_level"] == 0

        # -- specialist: the case arrives with the clinic's result, no red banner
        where = select(Study.id).where(Study.server_id == case_id)
        qtbot.waitUntil(lambda: _one(specialist_store, where) is not None, timeout=WAIT_MS)
        spk = _one(specialist_store, where)
        qtbot.waitUntil(lambda: _count(specialist_store, AIResult, study_pk=spk) == 1,
                        timeout=WAIT_MS)  # fmt: skip
        [theirs] = _rows(specialist_store, AIResult, study_pk=spk)
        assert (
            theirs.uid == mine.uid
            and theirs.payload["measurements"] == mine.payload["measurements"]
        )
        qtbot.waitUntil(lambda: _count(specialist_store, Alert, study_pk=spk) == 1, timeout=WAIT_MS)
        [seen] = _rows(specialist_store, Alert, study_pk=spk)
        assert seen.acknowledged_at is not None and seen.acknowledged_by_name
        assert all(a.study_pk != spk for a in specialist_store.open_alerts())

        # -- specialist: the draft quotes the clinic's model and measurements, then signs
        from PySide6.QtCore import Qt

        spec.open_case(spk)
        viewer_ready = lambda: getattr(_panel(spec, spk), "analysis", None) is not None  # noqa: E731
        qtbot.waitUntil(viewer_ready, timeout=WAIT_MS)
        panel = _panel(spec, spk)
        view = panel.consult_view  # the clinic's question, then the explicit accept step
        qtbot.waitUntil(view.can_accept, timeout=WAIT_MS)
        assert "STEMI?" in view.question.text()
        view.accept_btn.click()
        start(qtbot, panel)
        draft = panel.text.toPlainText()
        assert f"{mine.model_name} {mine.model_version}" in draft and "? ?" not in draft
        assert f"{hr:.0f}" in draft
        for j in range(panel.checklist.count()):
            panel.checklist.item(j).setCheckState(Qt.CheckState.Checked)
        panel.text.appendPlainText("Inferior STEMI confirmed remotely.")
        confirm_and_sign(qtbot, panel)

        # -- clinic: signed, still one AI result, HR kept, no reopened alert
        qtbot.waitUntil(lambda: _status(clinic, pk) == "signed", timeout=WAIT_MS)
        assert _count(clinic_store, AIResult, study_pk=pk) == 1
        assert _count(clinic_store, Alert, study_pk=pk) == 1
        assert all(a.study_pk != pk for a in clinic_store.open_alerts())
        row = next(r for r in clinic_store.worklist_rows() if r.study_pk == pk)
        assert row.ai_hr == hr
        with clinic_store.read_session() as s:
            assert s.scalar(select(ConsultRequest.status)) == "reported"
            assert s.scalar(select(Alert.server_id).where(Alert.study_pk == pk)) == there["id"]
        [there] = doctor.ok("GET", f"/cases/{case_id}")["alerts"]
        assert (
            there["escalation_level"] == 0
            and len(doctor.ok("GET", f"/cases/{case_id}")["ai_results"]) == 1
        )
    finally:
        spec.close()
        clinic.close()
        server.stop()
