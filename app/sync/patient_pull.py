"""A case whose patient was assigned at its clinic after another workstation had
pulled it (a photo imported without patient details): the pull moves the local
study to that patient (found by patient ID, else created from the case)."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Outbox, Patient, Study
from app.sync.convert import patient_fields
from app.sync.outbox import PENDING


def relink_patients(s, changed: dict[int, dict]) -> set[int]:
    """``changed``: study_pk -> its case as the server sent it (cases whose
    version moved).  Returns the study pks moved to another patient."""
    named = {pk: c for pk, c in changed.items() if ((c.get("patient") or {}).get("id") or "")}
    if not named:
        return set()
    waiting = select(Outbox.study_pk).where(  # this workstation's own change not yet sent
        Outbox.kind == "case.patient", Outbox.state == PENDING, Outbox.study_pk.in_(list(named))
    )
    for pk in s.scalars(waiting):
        named.pop(pk, None)
    q = select(Study.id, Patient.patient_id).join(Patient, Study.patient_pk == Patient.id)
    local = dict(s.execute(q.where(Study.id.in_(list(named)))).all())
    moved = set()
    for pk, case in named.items():
        fields = patient_fields(case)
        if pk not in local or local[pk] == fields["patient_id"]:
            continue
        target = s.scalars(
            select(Patient).where(Patient.patient_id == fields["patient_id"])
        ).first()
        if target is None:
            target = Patient(**fields)
            s.add(target)
            s.flush()
        s.get(Study, pk).patient_pk = target.id
        moved.add(pk)
    return moved
