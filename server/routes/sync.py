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
from server.deps import CtxDep, State, StateDep, audit_denial, authenticate, bearer, peer
from server.errors import ApiError
from server.models import AuditEntry, Token, User, utcnow
from server.security import STREAM, token_alive

router = APIRouter(prefix="/api/v1", tags=["sync"])
MAX_SEQ = 2**63 - 1
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
    since: int = Query(0, ge=0, le=MAX_SEQ),
    limit: int = Query(500, ge=1, le=5000),
):
    now = current_seq(c.s)
    rows = feed(c.s, c.user, since, limit)
    more = len(rows) == limit
    nxt = rows[-1].seq if more else max([since, now, *[r.seq for r in rows]])
    body = {"changes": [change_out(r) for r in rows], "next": nxt, "more": more, "sequence": now}
    c.audit("view", "changes", since=since, count=len(rows))
    return c.done(body)


def _fetch(st: State, user: User, token_id: int, since: int) -> list[dict] | str:
    """The next changes, or why the stream ends (signed out, token expired...)."""
    with st.read_sessions() as s:
        if ended := token_alive(s, token_id):
            return ended
        fresh = s.get(User, user.id)
        return [change_out(r) for r in feed(s, fresh, since, STREAM_BATCH, PUSH_KINDS)]


def _open_stream(request: Request, st: State, ticket: str | None) -> tuple[User, Token, int]:
    """Authenticate the stream: a one-time ticket, or the Authorization header.

    A ticket is spent here; the stream lives as long as the access token it
    was minted from.  Returns the user, that access token and the sequence now.
    """
    if request.query_params.get("access_token"):
        raise ApiError(
            400,
            "token_in_url",
            "never put a token in a URL; get a ticket from POST /api/v1/auth/stream-ticket",
        )
    with st.sessions() as s:
        try:
            if ticket:
                tok, user = authenticate(s, ticket, STREAM)
                tok.revoked = True  # one use
                access = s.get(Token, tok.parent_id)
            else:
                access, user = authenticate(s, bearer(request))
        except ApiError as err:
            s.rollback()
            audit_denial(st, request, err.code)
            raise
        s.add(
            AuditEntry(
                user_id=user.id,
                username=user.username,
                action="view",
                resource="events",
                ip=peer(request),
            )
        )
        seq = current_seq(s)
        s.commit()
        return user, access, seq


@router.get(
    "/events",
    summary="Server-Sent Events: new and changed consults and alerts for the caller",
    response_class=StreamingResponse,
)
async def events(
    request: Request,
    st: StateDep,
    ticket: str | None = Query(None, max_length=200, description="from POST /auth/stream-ticket"),
    since: int | None = Query(None, ge=0, le=MAX_SEQ, description="replay from this sequence"),
    last_event_id: str | None = Header(None, max_length=20),
):
    """Each event's ``id`` is its change sequence number, so a reconnect with
    ``Last-Event-ID`` resumes without gaps; ``GET /changes`` is the pull fallback.
    The stream ends (``event: end``) at logout and when the access token expires."""
    user, access, start = await run_in_threadpool(_open_stream, request, st, ticket)
    expires = access.expires_at
    if last_event_id and last_event_id.isdigit() and int(last_event_id) <= MAX_SEQ:
        start = int(last_event_id)
    elif since is not None:
        start = since
    broker = st.broker

    async def stream():
        pos = start
        wake = broker.subscribe(user)  # woken by the changes it may see
        try:
            yield f"retry: 2000\n: connected at {pos}\n\n"
            while True:
                wake.clear()
                rows = await run_in_threadpool(_fetch, st, user, access.id, pos)
                if isinstance(rows, str):
                    yield f"event: end\ndata: {json.dumps({'reason': rows})}\n\n"
                    return
                for r in rows:
                    pos = r["seq"]
                    yield f"id: {pos}\nevent: {r['kind']}\ndata: {json.dumps(r)}\n\n"
                if len(rows) == STREAM_BATCH:
                    continue
                left = (expires - utcnow()).total_seconds()
                try:
                    wait = max(0.05, min(st.settings.heartbeat_s, left))
                    await asyncio.wait_for(wake.wait(), timeout=wait)
                except TimeoutError:
                    yield ": keep-alive\n\n"
        finally:
            broker.unsubscribe(wake)

    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)
