"""Consult steps around the report (Qt-free): what the consult view shows, the
specialist's "accept", the clinic's confirmed draft sent with a request, and
which departments have someone to answer.

States: requested ("sent") -> accepted -> reported (in review, then the report
is signed) -> signed.  Accepting is queued in the outbox like every other
write, so it works offline; the clinic sees it in its timeline after a sync.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from app.domain import AuditAction
from app.models import ConsultRequest, Report, utcnow
from app.sync import outbox

OPEN = ("sent", "accepted", "in_review")


@dataclass
class ConsultCase:
    """One consult on a case, as the consult view shows it."""

    consult_pk: int
    status: str  # sent | accepted | in_review | reported | cancelled
    urgency: str
    question: str
    target: str
    queued: bool  # a local step not yet accepted by the server
    draft: dict | None = None  # the requesting doctor's confirmed draft
    timeline: list[dict] = field(default_factory=list)
    mine: bool = False  # requested from this workstation

    def when(self, status: str) -> str | None:
        """The time (server ISO string) the consult reached ``status``."""
        return next((e.get("at") for e in self.timeline if e.get("status") == status), None)


def consult_for_case(store, study_pk: int) -> ConsultCase | None:
    """The case's newest consult that is not cancelled, or None."""
    with store.read_session() as s:
        q = (
            select(ConsultRequest)
            .where(ConsultRequest.study_pk == study_pk, ConsultRequest.status != "cancelled")
            .order_by(ConsultRequest.id.desc())
        )
        c = s.scalars(q).first()
        if c is None:
            return None
        pending = s.scalars(
            select(outbox.Outbox.payload).where(
                outbox.Outbox.kind == "consult.status", outbox.Outbox.state == outbox.PENDING
            )
        )
        queued = c.server_id is None or any(p.get("consult_pk") == c.id for p in pending)
        target = c.target_department + (f" / {c.target_user}" if c.target_user else "")
        return ConsultCase(
            c.id, c.status, c.urgency, c.question, target, queued,
            dict(c.draft) if c.draft else None, list(c.timeline or []),
            c.created_by is not None,
        )  # fmt: skip


def accept_consult(store, consult_pk: int, username: str = "") -> None:
    """The specialist takes the consult on; sent to the server with the next sync."""
    with store.session() as s:
        c = s.get(ConsultRequest, consult_pk)
        if c is None:
            raise KeyError(consult_pk)
        if c.status != "sent":
            raise ValueError(f"a consult in state {c.status!r} cannot be accepted")
        c.status = "accepted"
        at = utcnow().isoformat(timespec="seconds") + "Z"
        c.timeline = [*(c.timeline or []), {"status": "accepted", "at": at, "note": ""}]
        outbox.enqueue(s, "consult.status", {"consult_pk": c.id, "status": "accepted"},
                       username, c.study_pk)  # fmt: skip
        store.audit(s, AuditAction.CONSULT, c.study_pk, consult=c.id, status="accepted")
        study_pk = c.study_pk
    store.events.changed.emit([study_pk])


def confirmed_draft(store, study_pk: int, by: str = "") -> dict | None:
    """The case's confirmed (or signed) report as the draft attached to a consult."""
    with store.read_session() as s:
        q = select(Report).where(Report.study_pk == study_pk).order_by(Report.id.desc())
        r = s.scalars(q).first()
        if r is None or r.state not in ("confirmed", "signed"):
            return None
        return {"template": r.template or "", "fields": dict(r.fields or {}),
                "text": r.text or "", "by": by}  # fmt: skip


def department_members(directory: dict) -> dict[str, int]:
    """Department -> how many active specialists the server's directory lists there."""
    out: dict[str, int] = {}
    for org in directory.get("organisations") or []:
        for d in org.get("departments") or []:
            out.setdefault(d, 0)
    for sp in directory.get("specialists") or []:
        d = sp.get("department") or ""
        if d:
            out[d] = out.get(d, 0) + 1
    return out
