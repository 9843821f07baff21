"""The consult on a case, at the top of its report panel.

The specialist reads the clinic's question and its confirmed draft and accepts
the consult (the clinic sees "accepted" after the next sync); the clinic sees
where its request stands: requested -> accepted -> reported -> signed.  Store
reads and the accept step run on the job runner.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import report_templates as rt
from ui.latest import Latest
from ui.report.texts import field_label, grade_label

ANSWERING_ROLES = ("specialist", "pathologist")


def state_text(status: str) -> str:
    return {
        "sent": QCoreApplication.translate("ConsultView", "requested, waiting for a specialist"),
        "accepted": QCoreApplication.translate("ConsultView", "accepted by the specialist"),
        "in_review": QCoreApplication.translate("ConsultView", "being reported"),
        "reported": QCoreApplication.translate("ConsultView", "report signed"),
        "cancelled": QCoreApplication.translate("ConsultView", "cancelled"),
    }.get(status, status)


def _hm(at: str | None) -> str:
    from ui.consult_dialog import _local_hm

    return _local_hm(at) if at else ""


def draft_summary(draft: dict) -> str:
    """The clinic's draft, field by field, labelled in the UI language."""
    template = rt.get(draft.get("template"))
    values = (draft.get("fields") or {}).get("values") or {}
    if not values:
        return str(draft.get("text") or "")
    lines = []
    for spec in template.fields:
        v = values.get(spec.key, "")
        if v:
            shown = grade_label(v) if spec.kind == "grade" else v
            line = QCoreApplication.translate("ConsultView", "%1: %2")
            lines.append(line.replace("%1", field_label(spec.key)).replace("%2", shown))
    return "\n".join(lines)


class ConsultView(QFrame):
    """``accepted`` after the accept step is stored (queued for the server)."""

    accepted = Signal()
    loaded = Signal()

    def __init__(self, store, jobs, study_pk: int, user=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.jobs, self.study_pk, self.user = store, jobs, study_pk, user
        self.consult = None
        self._asked = Latest()  # reloads can end out of order: the newest one is shown
        self.setObjectName("consultView")
        self.setStyleSheet("#consultView{background:#eef3fb;border:1px solid #c6d4ea}")
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight:bold")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.draft_caption = QLabel()
        self.draft_caption.setStyleSheet("font-weight:bold")
        self.draft = QLabel()
        self.draft.setWordWrap(True)
        self.draft.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_btn = QPushButton()
        self.accept_btn.clicked.connect(self.accept)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b3261e")
        self.error.setWordWrap(True)
        self.error.hide()  # until accepting fails
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.accept_btn)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addLayout(top)
        for w in (self.state, self.question, self.draft_caption, self.draft, self.error):
            lay.addWidget(w)
        self.hide()
        events, cb = store.events.changed, self._changed
        events.connect(cb)
        self.destroyed.connect(lambda *_a: events.disconnect(cb))
        self.reload()

    # ---- data --------------------------------------------------------------
    def _changed(self, pks) -> None:
        if self.study_pk in (pks or []):
            self.jobs.on_ui(self.reload)

    def reload(self) -> None:
        from app.sync.consults import consult_for_case

        store, pk = self.store, self.study_pk
        self.jobs.submit(lambda state: consult_for_case(store, pk), name="consult",
                         on_done=self._asked.wrap(self.show_consult))  # fmt: skip

    def show_consult(self, consult) -> None:
        try:
            self.consult = consult
            self.retranslate()
            self.loaded.emit()
        except RuntimeError:  # closed meanwhile
            pass

    def clinic_draft(self) -> dict | None:
        return dict(self.consult.draft) if self.consult and self.consult.draft else None

    def can_accept(self) -> bool:
        role = getattr(self.user, "role", "")
        c = self.consult
        return c is not None and c.status == "sent" and role in ANSWERING_ROLES and not c.mine

    def accept(self) -> None:
        from app.sync.consults import accept_consult

        if not self.can_accept():
            return
        self.accept_btn.setEnabled(False)
        pk, name = self.consult.consult_pk, getattr(self.user, "username", "")
        self.jobs.submit(
            lambda state: accept_consult(self.store, pk, name),
            name="accept consult",
            on_done=lambda _r: (self.accepted.emit(), self.reload()),
            on_error=self._failed,
        )

    def _failed(self, err: BaseException) -> None:
        self.accept_btn.setEnabled(True)
        self.error.setText(self.tr("Not accepted: %1").replace("%1", str(err)))
        self.error.show()

    # ---- text ----------------------------------------------------------------
    def retranslate(self) -> None:
        c = self.consult
        self.setVisible(c is not None)
        if c is None:
            return
        self.heading.setText(
            self.tr("Consultation request (%1)").replace("%1", c.target)
            if c.mine
            else self.tr("Consultation request from the clinic")
        )
        steps = []
        for status in ("sent", "accepted", "in_review", "reported"):
            at = c.when(status)
            if at or status == c.status:
                steps.append(f"{state_text(status)} {_hm(at)}".strip())
        text = self.tr("Status: %1").replace("%1", " → ".join(steps))
        if c.queued:
            text += " · " + self.tr("waiting to be sent to the server")
        self.state.setText(text)
        self.question.setText(self.tr("Question: %1").replace("%1", c.question))
        self.draft_caption.setVisible(bool(c.draft))
        self.draft.setVisible(bool(c.draft))
        self.draft_caption.setText(self.tr("Confirmed draft of the requesting doctor"))
        self.draft.setText(draft_summary(c.draft) if c.draft else "")
        self.accept_btn.setText(self.tr("Accept consultation"))
        self.accept_btn.setVisible(self.can_accept())
        self.accept_btn.setEnabled(self.can_accept())
        self._fit_height()

    def _fit_height(self) -> None:
        """Each wrapped line at least as tall as its text needs at its width: a squeezed
        side column must not cut the clinic's question or draft in half.  Only once laid
        out at a real width, and at most a few lines each (a narrow first layout must not
        make the window taller than the screen); longer text keeps its tooltip."""
        for label in (self.state, self.question, self.draft, self.error):
            label.setToolTip(label.text())
            if label.width() < 150 or not label.text():
                label.setMinimumHeight(0)
                continue
            box = QRect(0, 0, label.width(), 100000)
            need = label.fontMetrics().boundingRect(box, Qt.TextFlag.TextWordWrap, label.text())
            label.setMinimumHeight(min(need.height(), 6 * label.fontMetrics().lineSpacing()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
