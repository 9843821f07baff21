"""The eye of a camera photo assigned (or corrected) at the clinic after the photo
went to the server: outbox kind ``object.eye`` re-sends the photo wrapped as DICOM
OP with its Image Laterality, then tells the server the new object supersedes the
one it holds (``POST /objects/{old}/superseded-by/{new}``): the old one's AI
results go, and the server's pre-read runs again on the new one, with the eye
given.  A photo still waiting for its upload needs nothing: ``object.upload``
wraps it with the eye current when it is sent."""

from __future__ import annotations

import logging

from sqlalchemy import select

from app.models import Outbox, StoredObject, Study
from app.sync import outbox
from app.wrap import op as wrap_op

KIND = "object.eye"
log = logging.getLogger(__name__)


def queue_eye_resend(s, study: Study, username: str = "") -> bool:
    """Inside the assignment's transaction: queue the re-send when a photo of the
    case is on the server (one pending row per case: it sends the eyes current then)."""
    if study.server_id is None:
        return False
    q = select(StoredObject.id).where(
        StoredObject.study_pk == study.id,
        StoredObject.server_id.is_not(None),
        StoredObject.reader.in_(wrap_op.PHOTO_READERS),
    )
    if s.scalar(q.limit(1)) is None:
        return False
    if not outbox._pending(s, KIND, study.id):
        outbox.enqueue(s, KIND, {"study_pk": study.id}, username, study.id)
    return True


def _stale(store, study_pk: int) -> list[tuple[int, int, str]]:
    """(object pk, server id, eye) of the case's photos on the server whose eye
    there differs from the one recorded here."""
    out = []
    with store.read_session() as s:
        q = select(StoredObject).where(
            StoredObject.study_pk == study_pk,
            StoredObject.server_id.is_not(None),
            StoredObject.reader.in_(wrap_op.PHOTO_READERS),
        )
        for obj in s.scalars(q.order_by(StoredObject.id)):
            meta = obj.meta or {}
            eye = wrap_op.EYE.get(str(meta.get("laterality") or "").strip().upper(), "")
            if eye and meta.get("sent_laterality") != eye:
                out.append((obj.id, obj.server_id, eye))
    return out


def push_eye(store, client, row: Outbox, chunk: int) -> None:
    from app.sync.push import _case_id, send_file

    case_id = _case_id(store, row.payload["study_pk"])  # waits while the case is not there
    for pk, old_id, eye in _stale(store, row.payload["study_pk"]):
        wrapped = wrap_op.for_upload(store, pk)
        if wrapped is None:  # not a photo that can be wrapped: the server keeps what it has
            continue
        path, name, digest = wrapped
        key = f"{row.idempotency_key}-{pk}-{eye}"
        out = send_file(client, case_id, path, name, digest, key, chunk)
        if out["id"] != old_id:
            client.call("POST", f"/objects/{old_id}/superseded-by/{out['id']}", key=key + "-s")
        log.info("object %s re-sent as DICOM OP with eye %s (replaces %s)", pk, eye, old_id)
        with store.session() as s:
            obj = s.get(StoredObject, pk)
            obj.server_id = out["id"]
            obj.meta = {**(obj.meta or {}), "sent_laterality": eye}
    with store.session() as s:
        outbox.mark_done(s, row.id)
