"""Assigning a patient to a case imported without one (a bare fundus photo).

``assign_patient`` runs on the job runner: it moves the study to the patient
with that id (creating it, or filling in the placeholder the import made),
records the eye and the examination date, and audits the change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.domain import AuditAction
from app.models import Patient, Series, StoredObject, Study, WorklistItem

SEXES = ("M", "F", "O", "")
EYES = ("R", "L", "")


class AssignError(ValueError):
    """Input the user must correct; ``field`` names the form field."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass
class Assignment:
    patient_id: str
    name: str = ""
    sex: str = ""
    birth_date: str = ""  # YYYYMMDD or ""
    laterality: str = ""  # R (OD), L (OS) or ""
    study_time: datetime | None = None

    def checked(self) -> Assignment:
        pid = self.patient_id.strip()
        if not pid or len(pid) > 64:
            raise AssignError("the patient ID is empty or longer than 64 characters", "patient_id")
        if pid.upper().startswith("UNKNOWN-"):
            raise AssignError("give the patient's real ID", "patient_id")
        birth = re.sub(r"[-./ ]", "", self.birth_date.strip())
        if birth:
            try:
                born = datetime.strptime(birth, "%Y%m%d")
            except ValueError:
                raise AssignError("the birth date is not a date", "birth_date") from None
            if born > datetime.now() or born.year < 1880:
                raise AssignError("the birth date is not possible", "birth_date")
        if self.sex not in SEXES:
            raise AssignError(f"unknown sex {self.sex!r}", "sex")
        if self.laterality not in EYES:
            raise AssignError(f"unknown eye {self.laterality!r}", "laterality")
        return Assignment(
            pid, self.name.strip()[:200], self.sex, birth, self.laterality, self.study_time
        )


def assign_patient(store, study_pk: int, assignment: Assignment, state=None) -> int:
    """Give ``study_pk`` its patient, eye and date; returns the patient pk."""
    a = assignment.checked()
    with store.session() as s:
        study = s.get(Study, study_pk)
        if study is None:
            raise KeyError(study_pk)
        old = s.get(Patient, study.patient_pk)
        target = s.scalars(select(Patient).where(Patient.patient_id == a.patient_id)).first()
        others = s.scalar(
            select(func.count())
            .select_from(Study)
            .where(Study.patient_pk == old.id, Study.id != study.id)
        )
        if target is None and old.unassigned and not others:
            target = old  # the import's placeholder becomes the patient
            target.patient_id = a.patient_id
        elif target is None:
            target = Patient(patient_id=a.patient_id)
            s.add(target)
        target.name = a.name or target.name or ""
        target.sex = a.sex or target.sex or ""
        target.birth_date = a.birth_date or target.birth_date or ""
        target.unassigned = False
        s.flush()
        study.patient_pk = target.id
        if a.study_time is not None:
            study.study_time = a.study_time
        if a.laterality:
            _set_laterality(s, study.id, a.laterality)
        item = s.scalars(select(WorklistItem).where(WorklistItem.study_pk == study.id)).first()
        if item is not None:
            item.version += 1
        s.flush()
        if old.id != target.id and old.unassigned and not others:
            s.delete(old)
        from app.sync.eye_resend import queue_eye_resend
        from app.sync.patient_push import queue_patient_update

        user = store.user.username if store.user else ""
        queue_patient_update(s, study, user)
        if a.laterality:  # a photo already on the server goes again, with its eye
            queue_eye_resend(s, study, user)
        store.audit(
            s,
            AuditAction.PATIENT_ASSIGN,
            study.id,
            patient_id=a.patient_id,
            previous=old.patient_id if old.id != target.id else "",
            laterality=a.laterality,
        )
        patient_pk = target.id
    store.events.changed.emit([study_pk])
    return patient_pk


def _set_laterality(s, study_pk: int, side: str) -> None:
    """The eye goes on the main file of each series (what the viewer and the AI read)."""
    for ser in s.scalars(select(Series).where(Series.study_pk == study_pk)):
        ser.meta = {**(ser.meta or {}), "laterality": side}
        obj = s.scalars(
            select(StoredObject).where(StoredObject.series_pk == ser.id).order_by(StoredObject.id)
        ).first()
        if obj is not None:
            obj.meta = {**(obj.meta or {}), "laterality": side}
