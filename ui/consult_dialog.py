"""Request a consultation (prefilled from the case and its latest AI result) and the
consultation timeline strip shown on a case."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.sync.casefile import ConsultPrefill, ConsultView
from app.sync.links import make_link
from app.sync.outbox import request_consult
from ui.alert_banner import alert_title, local_hm
from ui.description_text import description_text
from ui.labels import department_label, display_name, modality_label, sex_label
from ui.qr_link import QrLink

URGENCIES = ("routine", "urgent", "critical")
STEPS = ("sent", "accepted", "in_review", "reported")


def urgency_label(value: str) -> str:
    return {
        "routine": QCoreApplication.translate("ConsultDialog", "Routine"),
        "urgent": QCoreApplication.translate("ConsultDialog", "Urgent"),
        "critical": QCoreApplication.translate("ConsultDialog", "Critical"),
    }.get(value, value)


def step_label(value: str) -> str:
    return {
        "queued": QCoreApplication.translate("ConsultDialog", "Waiting to be sent"),
        "sent": QCoreApplication.translate("ConsultDialog", "Sent"),
        "accepted": QCoreApplication.translate("ConsultDialog", "Accepted"),
        "in_review": QCoreApplication.translate("ConsultDialog", "In review"),
        "reported": QCoreApplication.translate("ConsultDialog", "Reported"),
        "cancelled": QCoreApplication.translate("ConsultDialog", "Cancelled"),
    }.get(value, value)


class ConsultDialog(QDialog):
    """``sent(consult_pk)`` after the request is in the outbox (works offline)."""

    sent = Signal(int)
    failed = Signal(str)

    def __init__(self, prefill: ConsultPrefill, store, jobs, server: str, username: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.prefill, self.store, self.jobs, self.username = prefill, store, jobs, username
        self.setWindowTitle(self.tr("Request consultation"))
        self.setMinimumWidth(560)
        p = prefill
        self.patient = QLabel(
            f"<b>{display_name(p.patient_name)}</b> · "
            + self.tr("ID %1").replace("%1", p.patient_id)
            + f" · {sex_label(p.sex)}"
        )
        when = p.study_time.strftime("%Y-%m-%d %H:%M") if p.study_time else ""
        self.study = QLabel(
            " · ".join(
                x for x in (modality_label(p.modality), description_text(p.description), when) if x
            )
        )
        self.ai_box = QGroupBox()
        self.ai_text = QPlainTextEdit()
        self.ai_text.setReadOnly(True)
        self.ai_text.setMaximumHeight(90)
        self.attach_ai = QCheckBox(self.tr("Attach the AI findings to the request"))
        ai_lay = QVBoxLayout(self.ai_box)
        ai_lay.addWidget(self.ai_text)
        ai_lay.addWidget(self.attach_ai)
        if p.ai is not None:
            self.ai_box.setTitle(
                self.tr("AI findings (%1 %2) — not a diagnosis")
                .replace("%1", p.ai.model)
                .replace("%2", p.ai.version)
            )
            self.ai_text.setPlainText(p.ai.text())
            self.attach_ai.setChecked(True)
        else:
            self.ai_box.setTitle(self.tr("AI findings"))
            self.ai_text.setPlainText(self.tr("No AI pre-read for this case."))
            self.attach_ai.setEnabled(False)
        self.question = QPlainTextEdit()
        self.question.setPlainText(
            self.tr("Please review this %1 and advise on diagnosis and management.").replace(
                "%1", modality_label(p.modality)
            )
        )
        self.question.setMaximumHeight(100)
        self.urgency = QComboBox()
        for u in URGENCIES:
            self.urgency.addItem(urgency_label(u), u)
        self.urgency.setCurrentIndex(self.urgency.findData(p.urgency))
        self.department = QComboBox()
        for d in p.departments:
            self.department.addItem(department_label(d), d)
        self.department.setCurrentIndex(max(self.department.findData(p.department), 0))
        # the server's specialists of the chosen department; any user name may be typed
        self.specialist = QComboBox()
        self.specialist.setEditable(True)
        self.specialist.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.specialist.lineEdit().setPlaceholderText(
            self.tr("optional: choose a specialist or type a user name")
        )
        self.department.currentIndexChanged.connect(self._fill_specialists)
        # a department with nobody active: say so and offer one that has someone
        self.dept_warning = QLabel()
        self.dept_warning.setWordWrap(True)
        self.dept_warning.setStyleSheet("color:#b3261e")
        self.other_dept = QPushButton()
        self.other_dept.clicked.connect(self._use_other_department)
        self._fill_specialists()
        form = QFormLayout()
        form.addRow(self.tr("Patient"), self.patient)
        form.addRow(self.tr("Study"), self.study)
        form.addRow(self.tr("Question"), self.question)
        form.addRow(self.tr("Urgency"), self.urgency)
        form.addRow(self.tr("Department"), self.department)
        form.addRow("", self.dept_warning)
        form.addRow("", self.other_dept)
        form.addRow(self.tr("Specialist"), self.specialist)
        self.attach_draft = QCheckBox(self.tr("Send my confirmed report draft with the request"))
        self.attach_draft.setEnabled(p.draft is not None)
        self.attach_draft.setChecked(p.draft is not None)
        if p.draft is None:
            self.attach_draft.setToolTip(
                self.tr("Confirm a report draft for this case first to send it along.")
            )
        form.addRow("", self.attach_draft)
        link = make_link(server, p.server_case_id, p.study_uid)
        self.qr = QrLink()
        self.qr.set_link(link, offline=p.server_case_id is None)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b3261e")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("Send"))
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(
            self.tr(
                "The request is kept on this computer and sent as soon as the server is "
                "reachable; you can keep working offline."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color:#5f6368")
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.ai_box)
        lay.addWidget(self.qr)
        lay.addWidget(note)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.consult_pk: int | None = None
        self._check_department()

    def alternative_department(self) -> str:
        """A department with active specialists (the one with most), or ""."""
        members = self.prefill.members
        best = sorted((n, d) for d, n in members.items() if n > 0)
        return best[-1][1] if best else ""

    def _check_department(self) -> None:
        dept = self.department.currentData() or ""
        members = self.prefill.members
        empty = bool(members) and bool(dept) and members.get(dept, 0) == 0
        other = self.alternative_department() if empty else ""
        self.dept_warning.setVisible(empty)
        self.other_dept.setVisible(bool(other))
        if empty:
            text = self.tr(
                "Nobody in %1 is active on the server: the request would wait unanswered."
            )
            self.dept_warning.setText(text.replace("%1", department_label(dept)))
        if other:
            self.other_dept.setText(
                self.tr("Send to %1 instead (%2 active)")
                .replace("%1", department_label(other))
                .replace("%2", str(members[other]))
            )
            self.other_dept.setProperty("department", other)
        self.send_button.setText(self.tr("Send anyway") if empty else self.tr("Send"))

    def _use_other_department(self) -> None:
        other = self.other_dept.property("department")
        i = self.department.findData(other)
        if i >= 0:
            self.department.setCurrentIndex(i)

    def _fill_specialists(self) -> None:
        dept = self.department.currentData() or ""
        self.specialist.clear()
        self.specialist.addItem("", "")
        for sp in self.prefill.specialists:
            if not dept or sp.get("department") == dept:
                name = sp.get("display_name") or sp.get("username", "")
                self.specialist.addItem(f"{name} ({sp.get('username', '')})", sp.get("username"))
        self.specialist.setCurrentIndex(0)
        if hasattr(self, "send_button"):
            self._check_department()

    def target_user(self) -> str:
        """The chosen specialist's user name, or the text typed."""
        text = self.specialist.currentText().strip()
        i = self.specialist.findText(text)
        return (self.specialist.itemData(i) or "") if text and i >= 0 else text

    def send(self) -> None:
        question = self.question.toPlainText().strip()
        if not question:
            self.error.setText(self.tr("Write a question for the specialist."))
            return
        ai = self.ai_text.toPlainText() if self.attach_ai.isChecked() else ""
        draft = self.prefill.draft if self.attach_draft.isChecked() else None
        if draft is not None:
            draft = dict(draft, by=self.username)
        args = (self.store, self.prefill.study_pk, question, self.urgency.currentData(),
                self.department.currentData() or "", self.target_user(), ai,
                self.username, draft)  # fmt: skip
        self.send_button.setEnabled(False)

        def done(pk: int) -> None:
            self.consult_pk = pk
            self.sent.emit(pk)
            self.accept()

        def failed(err: BaseException) -> None:
            self.send_button.setEnabled(True)
            self.error.setText(
                self.tr("The request could not be saved: %1").replace("%1", str(err))
            )
            self.failed.emit(str(err))

        self.jobs.submit(
            lambda state: request_consult(*args), name="consult", on_done=done, on_error=failed
        )


def _local_hm(at: str) -> str:
    from datetime import UTC, datetime

    try:
        when = datetime.fromisoformat(at.removesuffix("Z"))
    except ValueError:
        return ""
    if when.tzinfo is not None:  # an offset given: to UTC, as local_hm expects
        when = when.astimezone(UTC).replace(tzinfo=None)
    return local_hm(when)


class TimelineStrip(QLabel):
    """One line per consult on a case: sent → accepted → in review → reported."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consultTimeline")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setStyleSheet("#consultTimeline { background:#eef3fb; padding:4px 8px; }")
        self.views: list[ConsultView] = []
        self.acked: list = []  # app.ai.store.AckedAlert: who acknowledged which alert, when
        self.preread: list[str] = []  # the server's pre-read states to tell (preread_state.TOLD)
        self.hide()

    def set_consults(self, views: list[ConsultView], acked=None, preread=None) -> None:
        self.views = list(views)
        if acked is not None:
            self.acked = list(acked)
        if preread is not None:
            self.preread = list(preread)
        self.retranslate()

    def preread_line(self, state: str) -> str:
        if state == "unsubscribed":
            return self.tr(
                "Regional server: no AI pre-read. Your clinic subscribes to no AI product for"
                " this kind of examination (the regional AI platform's administrator can add one)."
            )
        return self.tr("Regional server: its AI pre-read failed on this case; read it without AI.")

    def retranslate(self) -> None:
        if not self.views and not self.acked and not self.preread:
            self.hide()
            return
        lines = ["ⓘ " + html.escape(self.preread_line(state)) for state in self.preread]
        for a in self.acked:
            text = self.tr("Critical alert (%3) acknowledged by %1 at %2")
            who = a.acknowledged_by or self.tr("another user")
            text = text.replace("%1", who).replace("%2", local_hm(a.acknowledged_at))
            lines.append("✓ " + html.escape(text.replace("%3", alert_title(a))))
        for v in self.views:
            seen = {e.get("status"): e.get("at") for e in v.timeline}
            parts = []
            if v.queued:
                parts.append("<b>● " + step_label("queued") + "</b>")
            for step in STEPS:
                at = seen.get(step)
                done = step in seen or (step == "sent" and not v.queued)
                text = step_label(step) + (f" {_local_hm(at)}" if done and at else "")
                parts.append(("<b>● " if done else "○ ") + text + ("</b>" if done else ""))
            if v.status == "cancelled":
                parts.append("<b>● " + step_label("cancelled") + "</b>")
            target = " / ".join(x for x in (department_label(v.department), v.specialist) if x)
            head = self.tr("Consultation (%1, %2):").replace("%1", target or v.target)
            lines.append(head.replace("%2", urgency_label(v.urgency)) + " " + " → ".join(parts))
        self.setText("<br>".join(lines))
        self.show()
