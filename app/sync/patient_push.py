"""A patient assigned at the clinic after the case went to the server (a photo
imported without patient details) reaches the server case: outbox kind
``case.patient`` -> ``PUT /cases/{id}/patient`` (the owning organisation only,
audited there).  A case not yet on the server needs nothing: ``case.create``
reads the patient when it is sent."""

from __future__ import annotations

from app.models import Outbox, Study
from app.sync import outbox

KIND = "case.patient"


def queue_patient_update(s, study: Study, username: str = "") -> bool:
    """Inside the assignment's transaction: queue the update when the case is on
    the server (one pending row per case: it sends the details current then)."""
    if study.server_id is None:
        return False
    if not outbox._pending(s, KIND, study.id):
        outbox.enqueue(s, KIND, {"study_pk": study.id}, username, study.id)
    return True


def push_patient(store, client, row: Outbox, _chunk: int) -> None:
    from app.sync.push import WaitFor

    with store.read_session() as s:
        study = s.get(Study, row.payload["study_pk"])
        if study is None or study.server_id is None:
            raise WaitFor("the case is not on the server yet")
        p = study.patient
        body = {
            "patient": {
                "id": p.patient_id[:64],
                "name": (p.name or "")[:200],
                "sex": (p.sex or "")[:1],
                "birth_date": (p.birth_date or "")[:8],
            },
            "study_time": study.study_time.isoformat() if study.study_time else None,
        }
        sid = study.server_id
    client.call("PUT", f"/cases/{sid}/patient", key=row.idempotency_key, json=body)
    with store.session() as s:
        outbox.mark_done(s, row.id)
