"""The shell: worklist from the store, import report, opening cases, language switch."""

from pathlib import Path

from PySide6.QtCore import Qt

from app.importer import Outcome


def test_worklist_shows_the_demo_cases(window):
    model = window.worklist.model
    mods = {model.row_at(i).modality for i in range(model.rowCount())}
    assert {"ECG", "CR", "OP"} <= mods
    assert "Sync" in window.sync_label.text()
    assert "doctor" in window.user_label.text().lower() or "Dr Li" in window.user_label.text()


def test_import_reports_bad_files(window, qtbot, tmp_path):
    bad = tmp_path / "broken.dcm"
    bad.write_bytes(b"\0" * 128 + b"DICM" + b"\x02\x00")
    txt = tmp_path / "readme.txt"
    txt.write_text("x")
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as sig:
        window.import_paths([str(bad), str(txt)])
    report = sig.args[0]
    assert {Path(e.path).name: e.outcome for e in report.entries} == {
        "broken.dcm": Outcome.FAILED,
        "readme.txt": Outcome.UNSUPPORTED,
    }
    dlg = window.import_dialog
    assert "0 imported" in dlg.summary.text() and "2 could not be imported" in dlg.summary.text()
    assert dlg.table.rowCount() == 2
    reasons = {dlg.table.item(r, 0).text(): dlg.table.item(r, 3).text() for r in range(2)}
    # one line: what is wrong, then what to do
    assert reasons["broken.dcm"] == (
        "The DICOM file is not an image, a waveform or a known document. "
        "Export it again from the device, or ask the sender for a new copy."
    )
    dlg.close()


def test_open_case_shows_viewer_and_records_view(window, qtbot):
    from sqlalchemy import select

    from app.models import AuditEvent

    model = window.worklist.model
    row = next(i for i in range(model.rowCount()) if model.row_at(i).modality == "CR")
    pk = model.row_at(row).study_pk
    window.worklist.table.doubleClicked.emit(model.index(row, 0))
    tab = window.cases.tab_for(pk)
    qtbot.waitUntil(lambda: tab.viewer is not None, timeout=60_000)
    qtbot.waitUntil(lambda: tab.viewer.image is not None, timeout=60_000)
    assert "DEMO" in tab.header.text()
    assert window.cases.currentWidget() is tab
    with window.store.read_session() as s:
        views = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "view", AuditEvent.study_pk == pk)
        ).all()
    assert len(views) == 1
    window.cases.close_current()
    assert window.cases.tab_for(pk) is None


def test_case_without_viewer_says_so(window, qtbot, monkeypatch):
    from viewers import registry

    monkeypatch.setitem(registry.VIEWERS, registry.Modality.CR, "")
    model = window.worklist.model
    pk = next(
        model.row_at(i).study_pk
        for i in range(model.rowCount())
        if model.row_at(i).modality == "CR"
    )
    tab = window.cases.open_case(pk)
    qtbot.waitUntil(lambda: tab.info is not None, timeout=60_000)
    assert "no viewer" in tab.body.text()


def test_language_switch_retranslates(window, qtbot):
    menus = lambda: [a.text() for a in window.menuBar().actions()]  # noqa: E731
    assert "&File" in menus()
    window.switch_language("zh_CN")
    qtbot.waitUntil(lambda: "文件(&F)" in menus(), timeout=60_000)
    header = window.worklist.model.headerData(1, Qt.Orientation.Horizontal)
    assert header == "患者"
    assert window.worklist.status.itemText(0) == "全部状态"
    window.switch_language("en")
    qtbot.waitUntil(lambda: "&File" in menus(), timeout=60_000)


def test_critical_preread_pins_case_and_shows_alert(window, qtbot):
    """The demo's SYNTHETIC ST-elevation ECG is pre-read as critical: pinned, banner, ack."""
    from sqlalchemy import select

    from app.domain import Priority
    from app.models import AIResult, Alert

    model = window.worklist.model
    ecgs = [
        model.row_at(i).study_pk
        for i in range(model.rowCount())
        if model.row_at(i).modality == "ECG"
    ]
    with qtbot.waitSignal(window.preread_finished, timeout=60000) as sig:
        window.start_preread(ecgs)
    results = sig.args[0]
    assert all(not isinstance(r, str) for r in results.values())
    qtbot.waitUntil(lambda: model.row_at(0).priority == Priority.CRITICAL, timeout=60_000)
    top = model.row_at(0)
    assert top.patient_id == "DEMO-0009" and "STEMI" in top.ai_summary
    assert sum(1 for i in range(model.rowCount()) if model.row_at(i).priority == 0) == 1
    qtbot.waitUntil(lambda: not window.banner.isHidden(), timeout=60_000)
    assert "DEMO-0009" in window.banner.full_text
    with window.store.read_session() as s:
        ai = s.scalars(select(AIResult).where(AIResult.study_pk == top.study_pk)).one()
        assert ai.model_name and ai.model_version  # AI output names its model
    window.banner.ack_btn.click()
    # the red banner becomes a calm line saying who acknowledged and when, until dismissed
    qtbot.waitUntil(lambda: not window.banner.alerts, timeout=60_000)
    assert "acknowledged by" in window.banner.full_text and window.banner.ack_btn.isHidden()
    with window.store.read_session() as s:
        alert = s.scalars(select(Alert).where(Alert.study_pk == top.study_pk)).one()
        assert alert.acknowledged_at is not None and alert.acknowledged_by is not None
        assert alert.acknowledged_by_name in window.banner.full_text
    window.banner.dismiss_btn.click()
    assert window.banner.isHidden()


def test_closing_a_case_while_it_loads_is_harmless(window, qtbot):
    """A job that finishes after its tab was closed must not raise into the event loop."""
    model = window.worklist.model
    pks = [
        model.row_at(i).study_pk
        for i in range(model.rowCount())
        if model.row_at(i).modality in ("ECG", "CR")
    ]
    for pk in pks:
        window.cases.open_case(pk)
        window.cases.close_current()
    qtbot.waitUntil(lambda: not window.jobs.runner.active, timeout=60_000)
    qtbot.wait(200)
    assert window.cases.count() == 1  # only the worklist tab
