"""What a clinician sees on the main screens: the findings dock beside a case only (the
worklist gets the whole width) and never widened by its own hint, the case header's
urgency and a patient without a name, heart rate with its unit in both languages, and
the report's fields given room once a draft exists."""

from __future__ import annotations

from sqlalchemy import select


def _pk(window, modality: str) -> int:
    model = window.worklist.model
    return next(
        model.row_at(i).study_pk
        for i in range(model.rowCount())
        if model.row_at(i).modality == modality
    )


def _open(window, qtbot, pk: int):
    tab = window.cases.open_case(pk)
    qtbot.waitUntil(lambda: tab.viewer is not None, timeout=60_000)
    return tab


def test_findings_dock_beside_cases_only_and_as_the_user_wants(window, qtbot):
    window.show()
    dock = window.findings
    assert not dock.isVisible()  # the worklist: no case, the table needs the width
    tab = _open(window, qtbot, _pk(window, "CR"))
    qtbot.waitUntil(dock.isVisible, timeout=60_000)
    dock.close()  # the doctor closes it: it stays closed on every tab
    window.cases.setCurrentIndex(0)
    window.cases.setCurrentWidget(tab)
    assert not dock.isVisible()
    window.a_findings.trigger()  # View > Findings panel brings it back
    assert dock.isVisible()
    window.cases.setCurrentIndex(0)
    assert not dock.isVisible()
    window.cases.setCurrentWidget(tab)
    assert dock.isVisible()


def test_findings_dock_width_does_not_follow_its_hint(qtbot, qt_en):
    from ui.findings_dock import FindingsDock

    dock = FindingsDock()
    qtbot.addWidget(dock)
    empty = dock.sizeHint().width()
    dock.set_findings([{"text": "Rhythm", "source": "AI ECG 2"}])  # the long English hint
    assert len(dock.hint.text()) > 80
    assert dock.sizeHint().width() == empty


def test_case_header_shows_urgency_and_a_missing_name(window, qtbot):
    from app.domain import Priority
    from app.models import Patient, Study, WorklistItem

    pk = _pk(window, "CR")
    with window.store.session() as s:
        s.scalars(
            select(WorklistItem).where(WorklistItem.study_pk == pk)
        ).one().priority = Priority.CRITICAL
        study = s.get(Study, pk)
        s.get(Patient, study.patient_pk).name = ""
    tab = _open(window, qtbot, pk)
    text = tab.header.text()
    assert "Critical" in text and "#b3261e" in text
    assert tab.title().startswith("(no name) · ")
    assert window.cases.tabText(window.cases.indexOf(tab)) == tab.title()


def test_heart_rate_has_its_unit_in_both_languages(qapp):
    from app.report_drafts import measurement_line
    from ui import i18n
    from ui.ai_text import ai_line

    summary = {"measurements": {"hr_bpm": 61.0}}
    assert "HR 61 bpm" in measurement_line(summary, "en")
    assert "心率 61 次/分" in measurement_line(summary, "zh_CN")
    try:
        i18n.install("zh_CN")
        assert ai_line([], 61.0) == "未见明显异常 · 心率 61 次/分"
    finally:
        i18n.install("en")
    assert ai_line([], 61.0) == "No significant finding · HR 61 bpm"


def test_report_fields_get_the_room_once_drafted(window, qtbot):
    """The chest X-ray checks panel sits above the report: with a draft, the report gets
    most of the column and the checks scroll."""
    from app import reports
    from inference.preread import run_preread

    pk = _pk(window, "CR")
    run_preread(window.store, [pk])
    reports.create_draft(window.store, pk, language="en", user=window.user)
    window.resize(1366, 768)
    window.show()
    tab = _open(window, qtbot, pk)
    viewer = tab.viewer
    qtbot.waitUntil(lambda: viewer.side is not None, timeout=60_000)
    qtbot.waitUntil(lambda: viewer.report_panel.report is not None, timeout=60_000)
    qtbot.waitUntil(lambda: viewer.side.sizes()[-1] > 0.55 * sum(viewer.side.sizes()),
                    timeout=60_000)  # fmt: skip


def test_consult_question_and_draft_are_read_whole(window, qtbot):
    """The clinic's question and confirmed draft in the specialist's squeezed side column
    (under the chest X-ray checks): every wrapped line shown, none cut in half."""
    from PySide6.QtCore import QRect, Qt

    from app.models import ConsultRequest
    from inference.preread import run_preread

    pk = _pk(window, "CR")
    run_preread(window.store, [pk])
    question = (
        "Two weeks of chest tightness: does the film show infection or an enlarged heart? " * 2
    )
    findings = "Possible patchy opacity in the right lower zone; heart size looks normal."
    with window.store.session() as s:
        s.add(ConsultRequest(
            study_pk=pk, question=question, urgency="urgent", target_department="radiology",
            status="sent", server_id=990001,
            timeline=[{"status": "sent", "at": "2026-11-30T02:15:00Z", "note": ""}],
            draft={"template": "imaging", "text": findings, "by": "doctor",
                   "fields": {"values": {"findings": findings, "impression": findings}}},
        ))  # fmt: skip
    window.resize(1366, 768)
    window.show()
    view = _open(window, qtbot, pk).viewer.report_panel.consult_view
    qtbot.waitUntil(lambda: view.consult is not None and view.isVisible(), timeout=60_000)
    qtbot.wait(300)  # laid out

    def whole(label) -> bool:
        box = QRect(0, 0, label.width(), 100000)
        need = label.fontMetrics().boundingRect(box, Qt.TextFlag.TextWordWrap, label.text())
        return label.height() >= need.height()

    qtbot.waitUntil(lambda: whole(view.question) and whole(view.draft), timeout=60_000)
    assert view.question.fontMetrics().horizontalAdvance(question) > 2 * view.question.width()
    assert window.height() <= 768  # and the window still fits a clinic's screen


def test_about_lists_empty_model_slots_as_such(qtbot, qt_en):
    """A model slot without its model is no model: one line says which slots are empty,
    not a list entry named '… (slot) slot' with the manifest's English instructions."""
    from PySide6.QtWidgets import QLabel

    from ui.about_dialog import AboutDialog, model_rows

    rows = model_rows()
    empty = [r for r in rows if not r[-1]]
    dlg = AboutDialog("")
    qtbot.addWidget(dlg)
    text = dlg.findChild(QLabel).text()
    assert "(slot) slot" not in text
    assert ("Empty model slots" in text) == bool(empty)
    for name, _v, _lic, use, *_r in empty:
        assert name.removesuffix(" (slot)") in text and use not in text
    assert any(r[-1] for r in rows)  # the built-in ECG model runs


def test_worklist_starts_newest_first_not_by_priority_backwards(qtbot, qt_en):
    """Enabling sorting used to sort by the priority column descending (routine above
    urgent); the worklist opens newest first, critical pinned, as designed."""
    from PySide6.QtCore import Qt

    from ui.worklist_model import COLUMNS
    from ui.worklist_view import WorklistPanel

    panel = WorklistPanel()
    qtbot.addWidget(panel)
    header = panel.table.horizontalHeader()
    assert COLUMNS[panel.model.sort_column] == "study_time"
    assert panel.model.sort_order == Qt.SortOrder.DescendingOrder
    assert COLUMNS[header.sortIndicatorSection()] == "study_time"


def test_worklist_names_a_nameless_patient_and_tips_long_names(window):
    from dataclasses import replace

    from PySide6.QtCore import Qt

    from ui.worklist_model import COLUMNS

    model = window.worklist.model
    col = COLUMNS.index("patient_name")
    rows = [model.row_at(i) for i in range(model.rowCount())]
    model.set_rows([replace(rows[0], patient_name=""),
                    replace(rows[1], patient_name="CompressedSamples^RG1"), *rows[2:]])  # fmt: skip
    texts = {model.row_at(i).study_pk: model.index(i, col) for i in range(model.rowCount())}
    assert model.data(texts[rows[0].study_pk]) == "(no name)"
    tip = model.data(texts[rows[1].study_pk], Qt.ItemDataRole.ToolTipRole)
    assert tip == "CompressedSamples RG1"


def test_times_carry_their_date_unless_today():
    """'Sent 02:15' on a consult from last week read as today's: an older time has its
    date, written as the worklist writes it."""
    from datetime import UTC, datetime, timedelta

    from ui.alert_banner import local_hm
    from ui.consult_dialog import _local_hm

    now = datetime.now(UTC).replace(tzinfo=None)
    assert len(local_hm(now)) == 5  # HH:MM
    week = now - timedelta(days=7)
    local = week.replace(tzinfo=UTC).astimezone()
    assert local_hm(week) == local.strftime("%Y-%m-%d %H:%M")
    assert _local_hm(week.isoformat() + "Z") == local_hm(week)
    assert _local_hm(week.replace(tzinfo=UTC).isoformat()) == local_hm(week)
    assert _local_hm("not a time") == ""
