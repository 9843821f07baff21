"""The persistent outbox and the local actions that fill it.

A user action (request a consult, save or sign a report, acknowledge a server
alert) writes its local rows and its outbox rows in one transaction, so it
works offline and survives a restart.  Each row has an idempotency key that
goes to the server with every attempt: a retry after a lost answer returns
the first answer instead of writing twice.  Rows are sent in id order.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta

from sqlalchemy import func, select

from app.domain import AuditAction
from app.models import (
    AIResult,
    Alert,
    ConsultRequest,
    Outbox,
    Report,
    StoredObject,
    Study,
    SyncConflict,
    utcnow,
)

PENDING, DONE, FAILED, CONFLICT = "pending", "done", "failed", "conflict"
BACKOFF_BASE_S = 2.0
BACKOFF_MAX_S = 300.0
URGENCIES = ("routine", "urgent", "critical")


def backoff_s(attempts: int) -> float:
    """Exponential back-off with +-20 % jitter: 2, 4, 8 ... 300 s."""
    base = min(BACKOFF_BASE_S * 2 ** max(attempts - 1, 0), BACKOFF_MAX_S)
    return base * random.uniform(0.8, 1.2)


def enqueue(s, kind: str, payload: dict, username: str = "", study_pk: int | None = None):
    row = Outbox(
        idempotency_key=uuid.uuid4().hex,
        kind=kind,
        payload=payload,
        username=username,
        study_pk=study_pk,
        state=PENDING,
        next_try_at=utcnow(),
    )
    s.add(row)
    s.flush()
    return row


def _pending(s, kind: str, study_pk: int) -> list[Outbox]:
    q = select(Outbox).where(
        Outbox.kind == kind, Outbox.study_pk == study_pk, Outbox.state == PENDING
    )
    return list(s.scalars(q))


def queue_new_objects(store, study_pk: int) -> bool:
    """Queue the study's new objects (SEG/SR, the signed report's PDF) for the server
    when the case is there or queued to be; False when it is not."""
    from app.ai.store import _on_server

    with store.session() as s:
        if not _on_server(s, study_pk):
            return False
        ensure_on_server(s, s.get(Study, study_pk), getattr(store.user, "username", "") or "")
    return True


def ensure_on_server(s, study: Study, username: str = "") -> None:
    """Queue creating the case and uploading its files unless done or queued already."""
    if study.server_id is None and not _pending(s, "case.create", study.id):
        enqueue(s, "case.create", {"study_pk": study.id}, username, study.id)
    # the clinic's AI results go before the files: the server then has the result
    # when a file arrives and does not run the same model again
    sent = {r.payload.get("ai_result_pk") for r in _pending(s, "ai_result.create", study.id)}
    q = select(AIResult.id).where(AIResult.study_pk == study.id, AIResult.server_id.is_(None))
    for pk in s.scalars(q.order_by(AIResult.id)):
        if pk not in sent:
            enqueue(s, "ai_result.create", {"ai_result_pk": pk}, username, study.id)
    queued = {r.payload.get("object_pk") for r in _pending(s, "object.upload", study.id)}
    objs = s.scalars(select(StoredObject).where(StoredObject.study_pk == study.id))
    for obj in objs:
        if obj.server_id is None and obj.id not in queued:
            enqueue(s, "object.upload", {"object_pk": obj.id}, username, study.id)
    from app.sync import chest_reviews  # the doctor's nodule decisions, when reviewed

    chest_reviews.queue_in(s, study.id, username)


def request_consult(
    store,
    study_pk: int,
    question: str,
    urgency: str = "routine",
    target_department: str = "",
    target_user: str = "",
    ai_text: str = "",
    username: str = "",
    draft: dict | None = None,
) -> int:
    """Record a consult request and queue everything the server needs; returns its id."""
    question = question.strip()
    if not question:
        raise ValueError("the question is empty")
    if urgency not in URGENCIES:
        raise ValueError(f"unknown urgency {urgency!r}")
    if not target_department and not target_user:
        raise ValueError("choose a department or a specialist")
    with store.session() as s:
        study = s.get(Study, study_pk)
        if study is None:
            raise KeyError(study_pk)
        consult = ConsultRequest(
            study_pk=study_pk,
            question=question,
            urgency=urgency,
            target_department=target_department,
            target_user=target_user,
            status="sent",
            created_by=store.user.id if store.user else None,
            ai_text=ai_text or None,
            timeline=[],
            draft=draft or None,
        )
        s.add(consult)
        s.flush()
        ensure_on_server(s, study, username)
        enqueue(s, "consult.create", {"consult_pk": consult.id}, username, study_pk)
        store.audit(s, AuditAction.CONSULT, study_pk, consult=consult.id, to=target_department)
        consult_pk = consult.id
    store.events.changed.emit([study_pk])
    return consult_pk


def save_report(
    store,
    study_pk: int,
    text: str,
    conclusion: str = "",
    consult_pk: int | None = None,
    sign: bool = False,
    username: str = "",
) -> int:
    """Write (and optionally sign) the report of a case locally and queue it for the server."""
    with store.session() as s:
        q = select(Report).where(Report.study_pk == study_pk, Report.state != "signed")
        if consult_pk is not None:
            q = q.where(Report.consult_pk == consult_pk)
        report = s.scalars(q.order_by(Report.id.desc())).first()
        if report is None:
            report = Report(study_pk=study_pk, consult_pk=consult_pk, state="draft", version=1)
            s.add(report)
        report.text, report.conclusion = text, conclusion
        report.author_id = store.user.id if store.user else None
        s.flush()
        base = report.version if report.server_id is not None else None
        payload = {"report_pk": report.id, "base_version": base}
        enqueue(s, "report.save", payload, username, study_pk)
        if sign:
            enqueue(s, "report.sign", {"report_pk": report.id}, username, study_pk)
        store.audit(s, AuditAction.REPORT_EDIT, study_pk, report=report.id, sign=sign)
        report_pk = report.id
    store.events.changed.emit([study_pk])
    return report_pk


def queue_alert_acks(store, username: str = "") -> int:
    """Queue acknowledgements of server alerts that were acknowledged here."""
    with store.session() as s:
        q = select(Alert).where(
            Alert.server_id.is_not(None),
            Alert.acknowledged_at.is_not(None),
            Alert.server_acked_at.is_(None),
        )
        alerts = list(s.scalars(q))
        if not alerts:
            return 0
        queued = {
            r.payload.get("alert_pk")
            for r in s.scalars(
                select(Outbox).where(Outbox.kind == "alert.ack", Outbox.state == PENDING)
            )
        }
        n = 0
        for a in alerts:
            if a.id not in queued:
                enqueue(s, "alert.ack", {"alert_pk": a.id}, username, a.study_pk)
                n += 1
        return n


# -- reading and marking rows (used by push) -------------------------------------
def due(store, username: str, now: datetime | None = None) -> list[Outbox]:
    now = now or utcnow()
    with store.read_session() as s:
        q = select(Outbox).where(
            Outbox.state == PENDING,
            Outbox.next_try_at <= now,
            Outbox.username.in_(["", username]),
        )
        return list(s.scalars(q.order_by(Outbox.id)))


def mark_done(s, row_id: int) -> None:
    row = s.get(Outbox, row_id)
    row.state, row.done_at, row.last_error = DONE, utcnow(), ""
    row.attempts += 1


def mark_retry(store, row_id: int, error: str, at_least_s: float | None = None) -> None:
    """Try again later: exponential back-off, but never sooner than the server asked."""
    with store.session() as s:
        row = s.get(Outbox, row_id)
        row.attempts += 1
        row.last_error = error[:1000]
        wait = max(backoff_s(row.attempts), at_least_s or 0.0)
        row.next_try_at = utcnow() + timedelta(seconds=wait)


def mark_failed(store, row_id: int, error: str, state: str = FAILED) -> None:
    with store.session() as s:
        row = s.get(Outbox, row_id)
        row.attempts += 1
        row.state, row.last_error = state, error[:1000]


def counts(store) -> dict[str, int]:
    with store.read_session() as s:
        by_state = dict(s.execute(select(Outbox.state, func.count()).group_by(Outbox.state)).all())
        open_conflicts = s.scalar(
            select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None))
        )
    return {
        "pending": by_state.get(PENDING, 0),
        "failed": by_state.get(FAILED, 0),
        "conflicts": int(open_conflicts or 0),
    }


def rows_for_study(store, study_pk: int) -> list[Outbox]:
    with store.read_session() as s:
        q = select(Outbox).where(Outbox.study_pk == study_pk).order_by(Outbox.id)
        return list(s.scalars(q))
