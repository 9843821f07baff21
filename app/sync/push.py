"""Push: send due outbox rows in order, each with its idempotency key.

Network work happens outside database transactions; the server's answer and
the row's "done" mark are written in one local transaction.  A lost
connection stops the pass (the row stays pending and is retried as it is,
with the same key); a server error backs the row off exponentially; a refusal
(4xx) marks it failed with the reason, keeping the local data; a 409 on a
report records a conflict with both versions.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from app.models import (
    AIResult,
    Alert,
    ConsultRequest,
    Outbox,
    Report,
    StoredObject,
    Study,
    SyncConflict,
    WorklistItem,
    utcnow,
)
from app.sync import chest_reviews, eye_resend, outbox, patient_push
from app.sync.client import ApiFailure
from app.sync.convert import apply_consult_fields, apply_report_fields
from app.sync.people import find
from app.wrap import op as wrap_op

log = logging.getLogger(__name__)

SMALL_FILE = 1 << 20  # single request below this size
CHUNK = 1 << 20


class WaitFor(Exception):
    """A dependency (the case on the server) is not there yet; try this row later."""


@dataclass
class PushResult:
    sent: int = 0
    failed: int = 0
    conflicts: int = 0
    waiting: int = 0


def push(store, client, state=None, chunk: int = CHUNK) -> PushResult:
    res = PushResult()
    blocked: set[int | None] = set()
    for row in outbox.due(store, client.username):
        if state is not None:
            state.check()
        if row.study_pk in blocked and row.study_pk is not None:
            res.waiting += 1
            continue
        handler = HANDLERS.get(row.kind)
        try:
            if handler is None:
                raise ApiFailure(400, {"error": "unknown_kind", "detail": row.kind})
            handler(store, client, row, chunk)
            res.sent += 1
        except WaitFor as why:
            blocked.add(row.study_pk)
            res.waiting += 1
            if str(why):
                outbox.mark_failed(store, row.id, str(why))
                res.failed += 1
        except ApiFailure as err:
            blocked.add(row.study_pk)
            if err.status == 409 and row.kind.startswith("report."):
                record_conflict(store, row, err.body)
                res.conflicts += 1
            elif err.transient:
                outbox.mark_retry(store, row.id, str(err), err.retry_after)
            else:
                outbox.mark_failed(store, row.id, str(err))
                res.failed += 1
    return res


def _case_id(store, study_pk: int) -> int:
    with store.read_session() as s:
        sid = s.scalar(select(Study.server_id).where(Study.id == study_pk))
        if sid is not None:
            return sid
        waiting = s.scalar(
            select(Outbox.id).where(
                Outbox.kind == "case.create",
                Outbox.study_pk == study_pk,
                Outbox.state == outbox.PENDING,
            )
        )
    if waiting is None:
        raise WaitFor("the case could not be created on the server")
    raise WaitFor()


# -- handlers ------------------------------------------------------------------
def push_case(store, client, row: Outbox, _chunk: int) -> None:
    with store.read_session() as s:
        study = s.get(Study, row.payload["study_pk"])
        if study.server_id is not None:
            body = None
        else:
            p, item = study.patient, study.item
            body = {
                "patient": {
                    "id": p.patient_id[:64],
                    "name": p.name[:200],
                    "sex": (p.sex or "")[:1],
                    "birth_date": (p.birth_date or "")[:8],
                },
                "study": {
                    "uid": study.uid[:128],
                    "description": study.description[:300],
                    "description_facts": study.description_facts,
                    "time": study.study_time.isoformat() if study.study_time else None,
                },
                "modality": study.modality,
                "priority": item.priority if item else 2,
            }
    out = client.call("POST", "/cases", key=row.idempotency_key, json=body) if body else None
    with store.session() as s:
        if out is not None:
            study = s.get(Study, row.payload["study_pk"])
            other = s.scalar(select(Study).where(Study.server_id == out["id"]))
            if other is None or other.id == study.id:
                study.server_id = out["id"]
                item = s.scalar(select(WorklistItem).where(WorklistItem.study_pk == study.id))
                if item is not None:
                    item.server_version = out["version"]
        outbox.mark_done(s, row.id)


def push_object(store, client, row: Outbox, chunk: int) -> None:
    with store.read_session() as s:
        obj = s.get(StoredObject, row.payload["object_pk"])
        done = obj.server_id is not None
        digest, name, study_pk = obj.sha256, obj.filename, obj.study_pk
        path = store.object_file(obj)
    sent_eye = None
    if not done:
        case_id = _case_id(store, study_pk)
        wrapped = wrap_op.for_upload(store, obj_pk := row.payload["object_pk"])
        if wrapped is not None:  # a camera photo goes as DICOM OP, with its eye
            path, name, digest = wrapped
            sent_eye = wrap_op.eye_of(store, obj_pk)
            log.info("object %s sent wrapped as DICOM OP (%s)", obj_pk, name)
        out = send_file(client, case_id, path, name, digest, row.idempotency_key, chunk)
    with store.session() as s:
        if not done:
            obj = s.get(StoredObject, row.payload["object_pk"])
            obj.server_id = out["id"]
            if sent_eye:  # a later change of the eye re-sends it (app/sync/eye_resend.py)
                obj.meta = {**(obj.meta or {}), "sent_laterality": sent_eye}
        outbox.mark_done(s, row.id)


def send_file(client, case_id, path, name: str, digest: str, key: str, chunk: int) -> dict:
    """Upload one file to a case (one request when small, else resumable)."""
    if not path.exists():
        raise ApiFailure(410, {"error": "missing", "detail": f"{name}: local file is gone"})
    size = path.stat().st_size
    if size <= min(chunk, SMALL_FILE):
        params = {"filename": name[:255], "sha256": digest}
        return client.call(
            "POST", f"/cases/{case_id}/objects", key=key, params=params, content=path.read_bytes()
        )
    return upload_chunked(client, case_id, path, name, size, digest, key, chunk)


def upload_chunked(client, case_id, path, name, size, digest, key: str, chunk) -> dict:
    """Resumable upload: start (idempotent), ask the offset, append, complete."""
    body = {"filename": name[:255], "size": size, "sha256": digest}
    r = client.raw(
        "POST",
        f"/cases/{case_id}/uploads",
        headers={"Idempotency-Key": key},
        json=body,
    )
    up = client._json(r)
    uid = up["id"]
    chunk = min(chunk, int(up.get("chunk_max_bytes") or chunk))
    if r.headers.get("idempotent-replayed") == "true":
        # started before (a crash or lost answer): the server may have finished the file
        # without recording it, and then reports offset 0; completing first finds it
        try:
            return client.call("POST", f"/uploads/{uid}/complete", key=key + "-c")
        except ApiFailure as err:
            if err.code not in ("incomplete", "checksum_mismatch"):
                raise
    for _attempt in range(3):
        cur = client.get(f"/uploads/{uid}")
        offset = size if cur["complete"] else cur["offset"]
        with open(path, "rb") as f:
            while offset < size:
                f.seek(offset)
                data = f.read(chunk)
                r = client.raw("PUT", f"/uploads/{uid}", params={"offset": offset}, content=data)
                if r.status_code == 409:
                    offset = int(r.json().get("offset", 0))
                    continue
                offset = client._json(r)["offset"]
        try:
            return client.call("POST", f"/uploads/{uid}/complete", key=key + "-c")
        except ApiFailure as err:
            if err.code not in ("checksum_mismatch", "incomplete"):
                raise
    raise ApiFailure(422, {"error": "checksum_mismatch", "detail": "upload kept failing"})


def push_consult(store, client, row: Outbox, _chunk: int) -> None:
    with store.read_session() as s:
        c = s.get(ConsultRequest, row.payload["consult_pk"])
        done = c.server_id is not None
        question = c.question
        if c.ai_text:
            question += "\n\n" + c.ai_text
        person = find(store, client.base_url, c.target_user) if c.target_user else None
        if c.target_user and person is None:  # free text: tell the department who
            question += f"\n\n(requested specialist: {c.target_user})"
        body = {
            "question": question,
            "urgency": c.urgency,
            "target_department": c.target_department or "",
        }
        if person is not None:
            body["target_user_id"] = person["id"]
        if c.draft:
            body["draft"] = dict(c.draft)
        study_pk = c.study_pk
    if not done:
        case_id = _case_id(store, study_pk)
        out = client.call("POST", f"/cases/{case_id}/consults", key=row.idempotency_key, json=body)
    with store.session() as s:
        if not done:
            c = s.get(ConsultRequest, row.payload["consult_pk"])
            twin = s.scalar(select(ConsultRequest).where(ConsultRequest.server_id == out["id"]))
            if twin is not None and twin.id != c.id:  # pulled before our answer came back
                twin.server_id = None
                s.flush()
                s.delete(twin)
                s.flush()
            apply_consult_fields(c, out)
        outbox.mark_done(s, row.id)


def push_report(store, client, row: Outbox, _chunk: int) -> None:
    with store.read_session() as s:
        r = s.get(Report, row.payload["report_pk"])
        body = {
            "text": r.text or "",
            "conclusion": r.conclusion or "",
            "template": r.template or "",
        }
        if r.fields:
            body["fields"] = dict(r.fields)
        sid, study_pk, consult_pk = r.server_id, r.study_pk, r.consult_pk
        consult_sid = None
        if consult_pk is not None:
            consult_sid = s.scalar(
                select(ConsultRequest.server_id).where(ConsultRequest.id == consult_pk)
            )
    if sid is None:
        case_id = _case_id(store, study_pk)
        body["consult_id"] = consult_sid
        out = client.call("POST", f"/cases/{case_id}/reports", key=row.idempotency_key, json=body)
    else:
        base = row.payload.get("base_version")
        headers = {"If-Match": str(base)} if base is not None else {}
        out = client.call(
            "PATCH", f"/reports/{sid}", key=row.idempotency_key, json=body, headers=headers
        )
    with store.session() as s:
        r = s.get(Report, row.payload["report_pk"])
        edited = (r.text or "") != body["text"] or (r.fields or None) != body.get("fields")
        if edited:  # changed while this request was out: keep the edit, send it next
            r.server_id, r.version = out["id"], out.get("version", r.version)
            again = s.get(Outbox, row.id)
            again.payload = dict(again.payload, base_version=r.version)
            again.idempotency_key = uuid.uuid4().hex
        else:
            apply_report_fields(r, out)
            outbox.mark_done(s, row.id)
    if edited:
        raise WaitFor()  # the case's later rows (a sign) wait for the resend


def push_sign(store, client, row: Outbox, _chunk: int) -> None:
    with store.read_session() as s:
        r = s.get(Report, row.payload["report_pk"])
        sid, version, state = r.server_id, r.version, r.state
    if sid is None:
        raise WaitFor("the report was not saved on the server")
    out = None
    # "signed_here": signed in the report panel, so the local state says nothing
    # about the server's; sign there unless it turns out to be signed already
    if state != "signed" or row.payload.get("resend") or row.payload.get("signed_here"):
        try:
            out = client.call(
                "POST",
                f"/reports/{sid}/sign",
                key=row.idempotency_key,
                json={"version": version},
            )
        except ApiFailure as err:
            if err.code != "report_locked":
                raise
            out = client.get(f"/reports/{sid}")
    with store.session() as s:
        if out is not None:
            apply_report_fields(s.get(Report, row.payload["report_pk"]), out)
        outbox.mark_done(s, row.id)


def push_ai_result(store, client, row: Outbox, _chunk: int) -> None:
    """The clinic's AI result, with the acknowledgements of its alerts made here."""
    from app.ai.store import result_of

    with store.read_session() as s:
        ai = s.get(AIResult, row.payload["ai_result_pk"])
        done, study_pk = ai is None or ai.server_id is not None, ai.study_pk if ai else None
        if not done:
            body = {"result": result_of(ai).to_dict(), "acknowledged": _acks(s, ai)}
    if not done:
        case_id = _case_id(store, study_pk)
        sha = body["result"].get("object_sha256")
        if sha:  # a photo goes wrapped as DICOM OP: name the object the server will hold
            body["result"]["object_sha256"] = wrap_op.sent_sha256(store, study_pk, sha)
        out = client.call(
            "POST", f"/cases/{case_id}/ai-results", key=row.idempotency_key, json=body
        )
    with store.session() as s:
        if not done:
            ai = s.get(AIResult, row.payload["ai_result_pk"])
            if s.scalar(select(AIResult.id).where(AIResult.server_id == out["id"])) is None:
                ai.server_id = out["id"]  # ours, or the server's own run of the same model
        outbox.mark_done(s, row.id)


def _acks(s, ai: AIResult) -> list[dict]:
    q = select(Alert).where(
        Alert.study_pk == ai.study_pk,
        Alert.ai_result_uid == ai.uid,
        Alert.acknowledged_at.is_not(None),
    )
    return [
        {
            "finding_code": a.finding_code,
            "acknowledged_at": a.acknowledged_at.isoformat(timespec="milliseconds"),
            "acknowledged_by_name": a.acknowledged_by_name or "",
        }
        for a in s.scalars(q)
    ]


def push_ack(store, client, row: Outbox, _chunk: int) -> None:
    with store.read_session() as s:
        a = s.get(Alert, row.payload["alert_pk"])
        sid, when = a.server_id, a.acknowledged_at
    body = {"acknowledged_at": when.isoformat(timespec="milliseconds")} if when else None
    try:
        client.call("POST", f"/alerts/{sid}/ack", key=row.idempotency_key, json=body)
    except ApiFailure as err:
        if err.code != "already_acknowledged":
            raise
    with store.session() as s:
        s.get(Alert, row.payload["alert_pk"]).server_acked_at = utcnow()
        outbox.mark_done(s, row.id)


def push_consult_status(store, client, row: Outbox, _chunk: int) -> None:
    """The specialist accepts a consult (the clinic sees it in its timeline)."""
    with store.read_session() as s:
        c = s.get(ConsultRequest, row.payload["consult_pk"])
        sid, version = c.server_id, c.server_version
    if sid is None:
        raise WaitFor("the consult is not known to the server")
    status = row.payload.get("status", "accepted")
    out = None
    for attempt in range(2):
        body = {"status": status, "version": version}
        key = row.idempotency_key + ("-r" if attempt else "")
        try:
            out = client.call("POST", f"/consults/{sid}/status", key=key, json=body)
            break
        except ApiFailure as err:
            if err.code != "bad_transition" and err.status not in (409, 428):
                raise
            out = client.get(f"/consults/{sid}")  # changed meanwhile: take the server's state
            if out.get("status") != "sent":
                break
            version = out.get("version")
    with store.session() as s:
        apply_consult_fields(s.get(ConsultRequest, row.payload["consult_pk"]), out)
        outbox.mark_done(s, row.id)


HANDLERS = {
    "case.create": push_case,
    "consult.status": push_consult_status,
    "object.upload": push_object,
    "consult.create": push_consult,
    "report.save": push_report,
    "report.sign": push_sign,
    "alert.ack": push_ack,
    "ai_result.create": push_ai_result,
    patient_push.KIND: patient_push.push_patient,
    eye_resend.KIND: eye_resend.push_eye,
    chest_reviews.KIND: chest_reviews.push_review,
}


def record_conflict(store, row: Outbox, body: dict) -> None:
    """Keep both versions; the local report stays as the user wrote it."""
    with store.session() as s:
        r = s.get(Report, row.payload["report_pk"])
        local = {"text": r.text or "", "conclusion": r.conclusion or "", "version": r.version}
        remote = dict(body.get("current") or {})
        remote.setdefault("version", body.get("current_version"))
        s.add(
            SyncConflict(
                kind="report",
                study_pk=r.study_pk,
                local_pk=r.id,
                server_id=r.server_id,
                local=local,
                remote=remote,
                detail=str(body.get("detail", "")),
            )
        )
        row_ = s.get(Outbox, row.id)
        row_.state, row_.last_error = outbox.CONFLICT, str(body.get("detail", ""))[:1000]
        row_.attempts += 1
        # later rows of this report (a sign after the save) wait for the resolution
        for later in s.scalars(
            select(Outbox).where(
                Outbox.id > row.id, Outbox.state == outbox.PENDING, Outbox.kind.like("report.%")
            )
        ):
            if later.payload.get("report_pk") == r.id:
                later.state, later.last_error = outbox.CONFLICT, "waits for the conflict"
