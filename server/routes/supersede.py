"""A file of a case replaced by a corrected copy the clinic sent afterwards (a bare
fundus photo re-sent as DICOM OP once its eye is known at the clinic).

``POST /objects/{id}/superseded-by/{new_id}``: the old object stays (its bytes and
audit trail), marked ``superseded``, and no longer decides: the AI results read
from it (the server's, and a clinic's that names its digest) are removed (the
change feed says ``deleted``, so workstations drop their copies) and the new
object's pre-read is queued again -- a pre-read that ran on it while the old
result was on the case was skipped as "this model already read the case".  A
running pre-read of the old object loses its claim, so its result is
dropped.  Idempotent: superseding twice changes nothing.
"""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select

from server import jobqueue
from server.changes import record
from server.deps import CtxDep
from server.errors import ApiError, not_found
from server.models import AIResult, Case, PacsObject, StoredObject
from server.routes.common import load_case
from server.serialize import ai_out, object_out

router = APIRouter(prefix="/api/v1", tags=["objects"])
SUPERSEDED = "superseded"


@router.post(
    "/objects/{object_id}/superseded-by/{new_id}",
    summary="Replace a file by a corrected copy already uploaded to the same case",
)
def supersede(object_id: int, new_id: int, c: CtxDep):
    old, new = c.s.get(StoredObject, object_id), c.s.get(StoredObject, new_id)
    if old is None:
        raise not_found("object", object_id)
    if new is None:
        raise not_found("object", new_id)
    load_case(c, old.case_id, write=True)
    case = _lock(c.s, old, new)
    if new.case_id != old.case_id or new.id == old.id:
        raise ApiError(422, "not_same_case", "the new file must be another file of the same case")
    if old.preread_state != SUPERSEDED:
        for r in _read_from(c.s, old):
            data = {**ai_out(r), "deleted": True}
            record(c.s, "ai_result", r.id, "deleted", data, case_id=case.id, org_id=case.org_id)
            c.s.delete(r)
        jobqueue.cancel(c.s, old.id)
        old.preread_state = SUPERSEDED
        pacs = c.s.get(PacsObject, old.id)
        if pacs is not None:  # no longer served by the server's DICOMweb, nor retried
            pacs.state = SUPERSEDED
        record(
            c.s, "object", old.id, SUPERSEDED, object_out(old), case_id=case.id, org_id=case.org_id
        )
        if c.state.preread.has(new.modality):
            jobqueue.requeue(c.s, new, case)
        c.audit("supersede", "object", old.id, case_id=case.id, by=new.id)
    resp = c.done(object_out(old))
    c.state.preread.submit(new.id)
    return resp


def _lock(s, old: StoredObject, new: StoredObject) -> Case:
    """Lock the case row, then read both objects afresh.  A pre-read worker ends a job
    of the case under the same lock (``PrereadRunner._end``), so none commits between
    what this request reads and what it writes, and both take their locks in one
    order (case, job, objects): neither waits on the other while holding what the
    other needs."""
    case = s.get(Case, old.case_id, with_for_update=True, populate_existing=True)
    s.refresh(old)
    s.refresh(new)
    return case


def _read_from(s, old: StoredObject) -> list[AIResult]:
    """The case's AI results read from ``old``: linked to it, or a clinic's result
    naming its digest (sent before the file, so not linked)."""
    rows = s.scalars(select(AIResult).where(AIResult.case_id == old.case_id))
    return [
        r
        for r in rows
        if r.object_id == old.id
        or (r.object_id is None and (r.payload or {}).get("object_sha256") == old.sha256)
    ]
