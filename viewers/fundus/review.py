"""The ophthalmologist's review in the fundus viewer: per-lesion confirm/reject
(right-click a lesion mark) and per-eye confirm/correct of the grade.  Decisions
are saved at once on the job runner (``app.fundus_review``); the eye's result is
re-judged from what the doctor kept, and a confirmed eye goes into the report
draft (which autosaves), so the consult carries the doctor's decisions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from app.report_templates import GRADES
from viewers.fundus import texts


class EyeConfirm(QWidget):
    """Under an eye: the grade to confirm (the AI's after review, or a correction)."""

    confirmed = Signal(str, str)  # eye, grade code

    def __init__(self, eye: str, parent=None) -> None:
        super().__init__(parent)
        self.eye = eye
        self.grade = QComboBox(self)
        self.button = QPushButton(self)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.grade, 1)
        lay.addWidget(self.button)
        self.button.clicked.connect(lambda: self.confirmed.emit(self.eye, self.grade.currentData()))
        self.retranslate()

    def retranslate(self) -> None:
        current = self.grade.currentData()
        self.grade.blockSignals(True)
        self.grade.clear()
        for code in GRADES:
            if code:
                self.grade.addItem(grade_text(code), code)
        self.grade.blockSignals(False)
        self.set_grade(current or "")
        self.button.setText(self.tr("Confirm eye"))
        self.button.setToolTip(self.tr("The grade shown goes into the report as the doctor's"))

    def set_grade(self, code: str) -> None:
        i = self.grade.findData(code)
        if i >= 0:
            self.grade.setCurrentIndex(i)


def grade_text(code: str) -> str:
    if code == "ungradable":
        return QCoreApplication.translate("FundusReview", "Ungradable")
    if code.startswith("icdr") and code[4:].isdigit():
        return texts.grade(int(code[4:]))
    return code


class ReviewSaver(QObject):
    """Saves decisions on the job runner and says when the store has them."""

    saved = Signal(str, dict)  # eye, the saved review
    failed = Signal(str)  # why a decision could not be saved

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        user = getattr(ctx, "user", None)
        self.username = getattr(user, "username", "") or ""

    def lesion(self, eye: str, photo, key: str, decision: str) -> None:
        from app.fundus_review import decide

        args = (self.ctx.store, photo.study_pk, photo.result_uid, key, decision or None)
        self._submit(eye, lambda state=None: decide(*args, self.username))

    def eye(self, eye: str, photo, grade: str, ai_grade: str) -> None:
        from app.fundus_review import decide_eye

        args = (self.ctx.store, photo.study_pk, photo.result_uid, eye, grade, ai_grade)
        self._submit(eye, lambda state=None: decide_eye(*args, self.username))

    def _submit(self, eye: str, work) -> None:
        self.ctx.jobs.submit(
            work,
            on_done=lambda data: self.saved.emit(eye, data),
            on_error=lambda err: self.failed.emit(
                self.tr("The decision could not be saved: %1").replace("%1", str(err))
            ),
        )


def into_report(panel, eye: str, grade: str, findings: str) -> bool:
    """Put the doctor's grade (and, unless edited by hand, the reviewed findings) of
    ``eye`` into the open draft; it autosaves.  False when there is no open draft."""
    report = getattr(panel, "report", None)
    if report is None or report.locked:
        return False
    key = eye.lower()
    values = panel.fields.values()
    values[f"{key}_grade"] = grade
    ai_text = (report.ai_values or {}).get(f"{key}_findings", "")
    if findings and values.get(f"{key}_findings", "") in ("", ai_text):
        values[f"{key}_findings"] = findings
    panel.fields.set_values(values, report.ai_values, report.model)
    panel._changed()
    return True
