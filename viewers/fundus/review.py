"""The ophthalmologist's review in the fundus viewer: per-lesion confirm/reject
(right-click a lesion mark) and per-eye confirm/correct of the grade.  Decisions
are saved at once on the job runner (``app.fundus_review``); the eye's result is
re-judged from what the doctor kept, and a confirmed eye goes into the report
draft (which autosaves), so the consult carries the doctor's decisions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from app.report_templates import GRADES
from ui.failure_text import failure_reason
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
        self.grade.setCurrentIndex(self.grade.findData(code))  # -1 (blank) when none


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
                self.tr("The decision could not be saved: %1").replace("%1", failure_reason(err))
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


class ReviewMixin:
    """The fundus viewer's side of the review (``FundusViewer`` mixes it in)."""

    def decide(self, eye: str, key: str, decision: str) -> None:
        """Confirm / reject one lesion of the photo shown for ``eye`` (saved at once)."""
        p = self.photos().get(eye)
        if p is None or not p.ai or self.show_prior:
            return
        self.saver.lesion(eye, p, key, decision)

    def confirm_eye(self, eye: str, grade: str) -> None:
        """The doctor's grade for ``eye``: recorded, and put into the open draft."""
        from app import fundus_report as fr
        from app.fundus_review import grade_code

        p = self.visit.eyes.get(eye) if self.visit else None
        combined = self.visit.combined.get(eye) if self.visit else None
        if p is None or not combined:
            return
        self.saver.eye(eye, p, grade, grade_code(combined))
        lang = (
            "zh_CN"
            if self.report_panel.report and self.report_panel.report.language == "zh_CN"
            else "en"
        )
        body = fr.eye_findings(combined, lang) + fr.review_lines(combined.get("review"), {}, lang)
        if not into_report(self.report_panel, eye, grade, body):
            self.visit_line.setText(
                QCoreApplication.translate(
                    "FundusViewer",
                    "Recorded: the eye's grade goes into the report when it is started",
                )
            )

    def _review_saved(self, eye: str, data: dict) -> None:
        if self.visit is None:
            return
        for p in self.visit.fields.get(eye, []):
            if p.result_uid == data.get("result_uid"):
                p.review = data
        from viewers.fundus.visit import recombine

        recombine(self.visit)
        shown = self.photos().get(eye)
        if shown is not None and shown.result_uid == data.get("result_uid"):
            decided = {k: v.get("decision", "") for k, v in (data.get("lesions") or {}).items()}
            self.views[eye].set_decisions(decided)
        self._show_results()
        self.reviewed.emit(eye)
