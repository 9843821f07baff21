"""Health, the changes feed (pull) and the Server-Sent Events stream (push)."""

from __future__ import annotations

import asyncio
import json

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool

from server import __version__
from server.broker import PUSH_KINDS
from server.changes import change_out, current_seq, feed
from server.deps import CtxDep, State, StateDep, StreamUser
from server.models import AuditEntry, User

router = APIRouter(prefix="/api/v1", tags=["sync"])
STREAM_BATCH = 200


@router.get("/health", summary="Liveness: version, database check, current sequence")
def health(st: StateDep):
    try:
        with st.read_sessions() as s:
            s.execute(text("SELECT 1"))
            seq = current_seq(s)
        db = "ok"
    except Exception as err:  # report, don't raise: this is what monitoring polls
        seq, db = None, f"error: {type(err).__name__}"
    return {
        "status": "ok" if db == "ok" else "degraded",
        "version": __version__,
        "db": db,
        "sequence": seq,
    }


@router.get("/changes", summary="Changes the caller may see after sequence number `since`")
def changes(
    c: CtxDep,
    since: int = Query(0, ge=0),
    limit: int = Query(500, ge=1, le=5000),
):
    now = current_seq(c.s)
    rows = feed(c.s, c.user, since, limit)
    more = len(rows) == limit
    nxt = rows[-1].seq if more else max([since, now, *[r.seq for r in rows]])
    body = {"changes": [change_out(r) for r in rows], "next": nxt, "more": more, "sequence": now}
    c.audit("view", "changes", since=since, count=len(rows))
    return c.done(body)


def _fetch(st: State, user: User, since: int) -> list[dict] | None:
    with st.read_sessions() as s:
        fresh = s.get(User, user.id)
        if fresh is None or not fresh.active:
            return None
        return [change_out(r) for r in feed(s, fresh, since, STREAM_BATCH, PUSH_KINDS)]


def _audit_stream(st: State, user: User, since: int) -> int:
    with st.sessions() as s:
        s.add(
            AuditEntry(
                user_id=user.id,
                username=user.username,
                action="view",
                resource="events",
                detail={"since": since},
            )
        )
        seq = current_seq(s)
        s.commit()
        return seq


@router.get(
    "/events",
    summary="Server-Sent Events: new and changed consults and alerts for the caller",
    response_class=StreamingResponse,
)
async def events(
    request: Request,
    user: StreamUser,
    st: StateDep,
    since: int | None = Query(None, ge=0, description="replay from this sequence number"),
    last_event_id: str | None = Header(None),
):
    """Each event's ``id`` is its change sequence number, so a reconnect with
    ``Last-Event-ID`` resumes without gaps; ``GET /changes`` is the pull fallback."""
    start = await run_in_threadpool(_audit_stream, st, user, since or 0)
    if last_event_id and last_event_id.isdigit():
        start = int(last_event_id)
    elif since is not None:
        start = since
    broker = st.broker

    async def stream():
        pos = start
        wake = broker.subscribe()
        try:
            yield f"retry: 2000\n: connected at {pos}\n\n"
            while True:
                wake.clear()
                rows = await run_in_threadpool(_fetch, st, user, pos)
                if rows is None:
                    yield 'event: end\ndata: {"reason": "account deactivated"}\n\n'
                    return
                for r in rows:
                    pos = r["seq"]
                    yield f"id: {pos}\nevent: {r['kind']}\ndata: {json.dumps(r)}\n\n"
                if len(rows) == STREAM_BATCH:
                    continue
                try:
                    await asyncio.wait_for(wake.wait(), timeout=st.settings.heartbeat_s)
                except TimeoutError:
                    yield ": keep-alive\n\n"
        finally:
            broker.unsubscribe(wake)

    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)
