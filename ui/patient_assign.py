"""A small form to assign the patient, eye and date of a case imported without
them (a bare fundus photo).  The store call runs on the job runner."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.patients import AssignError, Assignment, assign_patient
from ui.failure_text import failure_reason


class PatientAssignDialog(QDialog):
    """Patient ID, name, sex, birth date, eye and examination date of one case."""

    assigned = Signal(int)  # study pk, once the store has it

    def __init__(
        self, store, jobs, study_pk: int, info=None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.jobs, self.study_pk = store, jobs, study_pk
        self.setWindowTitle(self.tr("Assign patient"))
        self.setMinimumWidth(420)
        self.patient_id = QLineEdit()
        self.patient_id.setMaxLength(64)
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.sex = QComboBox()
        for code, text in (
            ("", self.tr("Unknown")),
            ("F", self.tr("Female")),
            ("M", self.tr("Male")),
            ("O", self.tr("Other")),
        ):
            self.sex.addItem(text, code)
        self.birth = QLineEdit()
        self.birth.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.eye = QComboBox()
        for code, text in (
            ("", self.tr("Unknown")),
            ("R", self.tr("Right eye (OD)")),
            ("L", self.tr("Left eye (OS)")),
        ):
            self.eye.addItem(text, code)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        when = getattr(info, "study_time", None)
        self.date.setDate(QDate(when.year, when.month, when.day) if when else QDate.currentDate())
        self.error = QLabel()
        self.error.setStyleSheet("color:#b3261e")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Patient ID"), self.patient_id)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("Birth date"), self.birth)
        form.addRow(self.tr("Eye"), self.eye)
        form.addRow(self.tr("Examination date"), self.date)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        side = getattr(info, "laterality", "")
        if side:
            self.eye.setCurrentIndex(max(self.eye.findData(side), 0))

    def assignment(self) -> Assignment:
        d = self.date.date()
        when = QDateTime(d, QTime(0, 0)).toPython() if d.isValid() else None
        return Assignment(
            patient_id=self.patient_id.text(),
            name=self.name.text(),
            sex=self.sex.currentData(),
            birth_date=self.birth.text(),
            laterality=self.eye.currentData(),
            study_time=when if isinstance(when, datetime) else None,
        )

    def _explain(self, err: BaseException) -> str:
        field = getattr(err, "field", "")
        return {
            "patient_id": self.tr("Enter the patient's ID (as on the clinic's records)."),
            "birth_date": self.tr("Enter the birth date as YYYY-MM-DD, or leave it empty."),
        }.get(
            field,
            self.tr("The patient could not be assigned: %1").replace("%1", failure_reason(err)),
        )

    def save(self) -> None:
        try:
            a = self.assignment().checked()
        except AssignError as err:
            self.error.setText(self._explain(err))
            return
        self.buttons.setEnabled(False)
        self.error.setText(self.tr("Saving…"))
        self.jobs.submit(
            assign_patient,
            self.store,
            self.study_pk,
            a,
            name="assign patient",
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, _patient_pk: int) -> None:
        self.assigned.emit(self.study_pk)
        self.accept()

    def _failed(self, err: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(self._explain(err))
