"""The server-wide sequence of changes.

Every write calls ``record``: it takes the next number from the ``counters``
row (an UPDATE, so it holds that row's lock until commit: sequence numbers
become visible in commit order on SQLite and PostgreSQL alike) and stores a
snapshot of the resource.  After the transaction commits, the session's
``after_commit`` hook wakes the SSE broker; on PostgreSQL the transaction also
sends a NOTIFY that wakes the streams of every other node (``server.pgnotify``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import event, select, update
from sqlalchemy.orm import Session, sessionmaker

from server.access import change_filter
from server.broker import PUSH_KINDS, Audience
from server.models import Change, Consult, Counter, User, utcnow
from server.pgnotify import CHANGES_CHANNEL, pg_notify

PENDING = "pending_changes"


def next_seq(s: Session) -> int:
    stmt = (
        update(Counter)
        .where(Counter.name == "seq")
        .values(value=Counter.value + 1)
        .returning(Counter.value)
    )
    return int(s.execute(stmt).scalar_one())


def current_seq(s: Session) -> int:
    return int(s.scalar(select(Counter.value).where(Counter.name == "seq")) or 0)


def record(
    s: Session,
    kind: str,
    resource_id: int | str,
    op: str,
    data: dict,
    *,
    version: int = 1,
    case_id: int | None = None,
    org_id: int | None = None,
    consult: Consult | None = None,
) -> Change:
    ch = Change(
        seq=next_seq(s),
        kind=kind,
        resource_id=str(resource_id),
        op=op,
        version=version,
        case_id=case_id,
        org_id=org_id,
        data=data,
        at=utcnow(),
    )
    if consult is not None:
        ch.target_org_id = consult.target_org_id
        ch.target_department = consult.target_department
        ch.target_user_id = consult.target_user_id
    s.add(ch)
    audience = Audience(kind, org_id, ch.target_org_id, ch.target_department, ch.target_user_id)
    s.info.setdefault(PENDING, []).append((ch.seq, audience))
    if kind in PUSH_KINDS:
        pg_notify(s, CHANGES_CHANNEL, audience.encode())
    return ch


def feed(
    s: Session, user: User, since: int, limit: int, kinds: Iterable[str] | None = None
) -> list[Change]:
    q = select(Change).where(Change.seq > since, change_filter(user))
    if kinds is not None:
        q = q.where(Change.kind.in_(list(kinds)))
    return list(s.scalars(q.order_by(Change.seq).limit(limit)))


def change_out(ch: Change) -> dict:
    from server.serialize import ts

    return {
        "seq": ch.seq,
        "kind": ch.kind,
        "id": ch.resource_id,
        "op": ch.op,
        "version": ch.version,
        "case_id": ch.case_id,
        "at": ts(ch.at),
        "data": ch.data,
    }


def notify_on_commit(factory: sessionmaker, callback: Callable[[list[tuple[int, Audience]]], None]):
    """Call ``callback(changes)`` after each commit that recorded changes."""

    @event.listens_for(factory, "after_commit")
    def _after_commit(session: Session) -> None:
        pending = session.info.pop(PENDING, None)
        if pending:
            callback(pending)

    @event.listens_for(factory, "after_soft_rollback")
    def _after_rollback(session: Session, _previous) -> None:
        session.info.pop(PENDING, None)
