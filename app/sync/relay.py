"""Report steps taken through ``app.reports`` (the ECG report panel) -> the outbox.

``app.reports`` knows nothing about the server: it emits
``store.events.report(study_pk, report_pk, action)`` after each committed
step.  ``queue_report_change`` turns one such step into outbox rows when the
case is known to the server and the acting user may write reports there
(specialists and pathologists); anything else stays local.  Saves are
coalesced: one pending ``report.save`` per report is enough, because the push
reads the current text when it sends.
"""

from __future__ import annotations

from sqlalchemy import select

from app.domain import ReportState, Role
from app.models import ConsultRequest, Outbox, Report, Study
from app.sync import outbox

SERVER_WRITERS = frozenset({Role.SPECIALIST.value, Role.PATHOLOGIST.value})
ACTIONS = frozenset({"create", "edit", "autosave", "confirm", "sign", "amend"})


def _pending(s, kind: str, report_pk: int) -> bool:
    q = select(Outbox.payload).where(Outbox.kind == kind, Outbox.state == outbox.PENDING)
    return any(p.get("report_pk") == report_pk for p in s.scalars(q))


def _consult_for(s, study_pk: int) -> int | None:
    """The consult this report answers: the newest open one on the case."""
    q = (
        select(ConsultRequest.id)
        .where(
            ConsultRequest.study_pk == study_pk,
            ConsultRequest.server_id.is_not(None),
            ConsultRequest.status.not_in(["cancelled", "reported"]),
        )
        .order_by(ConsultRequest.id.desc())
    )
    return s.scalars(q).first()


def queue_report_change(
    store, study_pk: int, report_pk: int, action: str, username: str = "", role: str = ""
) -> list[str]:
    """Queue what the server needs after ``action`` on a report; the kinds queued."""
    if action not in ACTIONS or role not in SERVER_WRITERS:
        return []
    queued: list[str] = []
    with store.session() as s:
        study = s.get(Study, study_pk)
        report = s.get(Report, report_pk)
        if study is None or report is None or study.server_id is None:
            return []  # a local case: the report stays on this computer
        if report.consult_pk is None:
            report.consult_pk = _consult_for(s, study_pk)
        if not _pending(s, "report.save", report_pk):
            base = report.version if report.server_id is not None else None
            payload = {"report_pk": report_pk, "base_version": base}
            outbox.enqueue(s, "report.save", payload, username, study_pk)
            queued.append("report.save")
        signed = report.state == ReportState.SIGNED.value
        if action == "sign" and signed and not _pending(s, "report.sign", report_pk):
            payload = {"report_pk": report_pk, "signed_here": True}
            outbox.enqueue(s, "report.sign", payload, username, study_pk)
            queued.append("report.sign")
    if queued:
        store.events.changed.emit([study_pk])
    return queued
