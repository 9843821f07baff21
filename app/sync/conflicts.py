"""Open conflicts and their resolution: keep mine (send again on top of theirs) or
take theirs.  Nothing is resolved without a person choosing."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Outbox, Report, SyncConflict, utcnow
from app.sync import outbox
from app.sync.convert import apply_report_fields


def open_conflicts(store, study_pk: int | None = None) -> list[SyncConflict]:
    with store.read_session() as s:
        q = select(SyncConflict).where(SyncConflict.resolved_at.is_(None))
        if study_pk is not None:
            q = q.where(SyncConflict.study_pk == study_pk)
        return list(s.scalars(q.order_by(SyncConflict.id)))


def resolve(store, conflict_id: int, keep: str, username: str = "") -> None:
    """``keep="mine"``: re-send the local text over the server's current version;
    ``keep="theirs"``: replace the local text with the server's."""
    if keep not in ("mine", "theirs"):
        raise ValueError(keep)
    with store.session() as s:
        c = s.get(SyncConflict, conflict_id)
        if c is None or c.resolved_at is not None:
            return
        report = s.get(Report, c.local_pk)
        waiting = [
            r
            for r in s.scalars(select(Outbox).where(Outbox.state == outbox.CONFLICT))
            if r.payload.get("report_pk") == c.local_pk
        ]
        for r in waiting:  # superseded by this decision
            r.state, r.done_at, r.last_error = outbox.DONE, utcnow(), f"resolved: {keep}"
        if keep == "theirs":
            if c.remote.get("id") is not None:
                apply_report_fields(report, dict(c.remote))
        else:
            report.version = int(c.remote.get("version") or report.version)
            payload = {"report_pk": report.id, "base_version": report.version}
            outbox.enqueue(s, "report.save", payload, username, c.study_pk)
            if any(r.kind == "report.sign" for r in waiting):
                outbox.enqueue(s, "report.sign", {"report_pk": report.id}, username, c.study_pk)
        c.resolved_at, c.resolution = utcnow(), keep
    store.events.changed.emit([c.study_pk] if c.study_pk else [])
