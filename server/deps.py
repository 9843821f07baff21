"""Per-request context: session, authenticated user, audit and idempotency.

Every endpoint takes a ``Ctx`` (``Depends(ctx)``) and ends with
``return c.done(body)``, which writes the audit row, stores the response
under the request's ``Idempotency-Key`` (same transaction as the write, so a
crash keeps both or neither) and commits.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.domain import Role
from server.broker import Broker
from server.config import Settings
from server.errors import ApiError, Replay, conflict, not_found
from server.files import FileStore
from server.models import AuditEntry, IdempotencyKey, Token, User
from server.preread import PrereadRunner
from server.security import TokenError, resolve

# what an account that must change its initial password may still do
PASSWORD_CHANGE_PATHS = ("/api/v1/auth/password", "/api/v1/auth/me", "/api/v1/auth/logout")

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
SAFE_METHODS = {"GET", "HEAD"}


@dataclass
class State:
    settings: Settings
    sessions: sessionmaker[Session]
    read_sessions: sessionmaker[Session]
    broker: Broker
    preread: PrereadRunner
    files: FileStore


def state(request: Request) -> State:
    return request.app.state.hz


def peer(request: Request) -> str:
    """The caller's address: the socket peer, or, behind a configured trusted
    proxy, the nearest X-Forwarded-For address that is not a trusted proxy."""
    host = request.client.host if request.client else ""
    trusted = state(request).settings.trusted_proxies
    if host not in trusted:
        return host
    hops = [h.strip() for h in request.headers.get("x-forwarded-for", "").split(",")]
    for hop in reversed([h for h in hops if h]):
        if hop not in trusted:
            return hop[:64]
    return host


def bearer(request: Request) -> str:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    raise ApiError(
        401,
        "not_authenticated",
        "this endpoint needs 'Authorization: Bearer <access token>'; log in first",
        headers={"WWW-Authenticate": "Bearer"},
    )


def authenticate(s: Session, raw: str, kind: str = "access") -> tuple[Token, User]:
    try:
        return resolve(s, raw, kind)
    except TokenError as err:
        header = f'Bearer error="invalid_token", error_description="{err}"'
        raise ApiError(401, err.code, str(err), headers={"WWW-Authenticate": header}) from None


class Ctx:
    def __init__(
        self, request: Request, s: Session, user: User | None, st: State, token: Token | None = None
    ) -> None:
        self.request, self.s, self.user, self.state = request, s, user, st
        self.settings, self.token = st.settings, token
        self._audited = False

    @property
    def key(self) -> str | None:
        return self.request.headers.get("idempotency-key") or None

    def audit(self, action: str, resource: str = "", resource_id="", **detail) -> None:
        self._audited = True
        self.s.add(
            AuditEntry(
                user_id=self.user.id if self.user else None,
                username=(self.user.username if self.user else detail.pop("username", ""))[:64],
                action=str(action),
                resource=resource,
                resource_id=str(resource_id),
                detail=detail,
                ip=peer(self.request),
            )
        )

    def forbid(self, detail: str, resource: str = "", resource_id="") -> ApiError:
        """Roll back, record the denial in the audit log, and return a 403 to raise."""
        self.s.rollback()
        self.audit("denied", resource, resource_id, path=self.request.url.path, reason=detail)
        self.s.commit()
        return ApiError(403, "forbidden", detail)

    def hide(self, what: str, ident) -> ApiError:
        """Roll back, audit the denial, and return the same 404 a missing
        ``what`` gets: nobody learns which ids exist in other clinics."""
        self.s.rollback()
        self.audit("denied", what, ident, path=self.request.url.path, reason="not visible")
        self.s.commit()
        return not_found(what, ident)

    def require_role(self, *roles: Role) -> None:
        if self.user is None or self.user.role not in roles:
            allowed = ", ".join(r.value for r in roles)
            raise self.forbid(f"this action needs one of the roles: {allowed}")

    def check_version(self, obj, what: str, out: Callable[[object], dict], sent: int | None):
        """Optimistic concurrency: If-Match (or ``version`` in the body) must match.

        Only checks; the caller bumps ``obj.version`` when it writes.
        """
        header = self.request.headers.get("if-match", "").strip()
        if header:
            try:
                sent = int(header.removeprefix("W/").strip('"'))
            except ValueError:
                raise ApiError(400, "bad_if_match", "If-Match must be a version number") from None
        if sent is None:
            raise ApiError(
                428,
                "version_required",
                f"send the {what} version you edited as If-Match or 'version'",
                current_version=obj.version,
            )
        if sent != obj.version:
            raise conflict(what, obj.version, out(obj))

    def replay_if_seen(self) -> None:
        if self.key is None or self.user is None or self.request.method not in WRITE_METHODS:
            return
        if len(self.key) > 200:
            raise ApiError(400, "bad_idempotency_key", "an Idempotency-Key has at most 200 chars")
        row = self.s.scalar(
            select(IdempotencyKey).where(
                IdempotencyKey.user_id == self.user.id, IdempotencyKey.key == self.key
            )
        )
        if row is None:
            return
        if row.method != self.request.method or row.path != self.request.url.path:
            raise ApiError(
                422,
                "idempotency_key_reused",
                f"this Idempotency-Key was used for {row.method} {row.path}",
            )
        if row.request_sha256 and row.request_sha256 != self.request_digest():
            raise ApiError(
                422,
                "idempotency_key_reused",
                "this Idempotency-Key was used for a different request body; "
                "use a new key for a new request",
            )
        self.s.rollback()
        resp = JSONResponse(row.body, status_code=row.status_code)
        resp.headers["Idempotent-Replayed"] = "true"
        raise Replay(resp)

    def request_digest(self) -> str:
        """SHA-256 of the query and the body (Starlette keeps the body it read
        before the context opened: FastAPI's JSON parsing, ``request.body()``)."""
        h = hashlib.sha256(self.request.url.query.encode())
        h.update(b"\0" + (getattr(self.request, "_body", None) or b""))
        return h.hexdigest()

    def done(self, body, status: int = 200, etag: int | None = None) -> JSONResponse:
        method = self.request.method
        if not self._audited:
            route = self.request.scope.get("route")
            params = self.request.path_params
            self.audit(
                "write" if method in WRITE_METHODS else "view",
                getattr(route, "path", self.request.url.path),
                ",".join(str(v) for v in params.values()),
            )
        if self.key and self.user is not None and method in WRITE_METHODS:
            self.s.add(
                IdempotencyKey(
                    user_id=self.user.id,
                    key=self.key,
                    method=method,
                    path=self.request.url.path,
                    status_code=status,
                    body=body,
                    request_sha256=self.request_digest(),
                )
            )
        try:
            self.s.commit()
        except IntegrityError:  # a concurrent request with the same key won the race
            self.s.rollback()
            self.replay_if_seen()
            raise
        resp = JSONResponse(body, status_code=status)
        if etag is not None:
            resp.headers["ETag"] = f'"{etag}"'
        return resp


def _bearer_audited(request: Request, st: State) -> str:
    try:
        return bearer(request)
    except ApiError as err:
        audit_denial(st, request, err.code)
        raise


def audit_denial(st: State, request: Request, reason: str) -> None:
    """An audit row for a request refused before anyone was authenticated."""
    with st.sessions() as s:
        s.add(
            AuditEntry(
                action="denied",
                resource=request.url.path[:200],
                detail={"reason": reason, "method": request.method},
                ip=peer(request),
            )
        )
        s.commit()


def _open(request: Request, s: Session, raw: str, st: State) -> Ctx:
    """Authenticate and check for a replay in a read-only transaction, then end it.

    FastAPI runs the endpoint on another pool thread than this dependency: a
    write lock taken here would be held while the request waits for a thread,
    and with every thread waiting for that lock the server deadlocks.
    """
    s.connection(execution_options={"readonly": True})
    try:
        tok, user = authenticate(s, raw)
    except ApiError as err:
        s.rollback()
        audit_denial(st, request, err.code)
        raise
    c = Ctx(request, s, user, st, tok)
    if user.must_change_password and request.url.path not in PASSWORD_CHANGE_PATHS:
        raise ApiError(
            403,
            "password_change_required",
            "change the initial password first (POST /api/v1/auth/password)",
        )
    c.replay_if_seen()
    s.commit()  # nothing written; objects stay loaded (expire_on_commit=False)
    return c


def ctx(request: Request, st: Annotated[State, Depends(state)]) -> Iterator[Ctx]:
    """An authenticated request context (401 without a valid access token)."""
    raw = _bearer_audited(request, st)
    with st.sessions() as s:
        c = _open(request, s, raw, st)
        if request.method in SAFE_METHODS and s.get_bind().dialect.name == "postgresql":
            # one snapshot for the whole read: a case read while a worker commits its
            # pre-read must not show the new object state beside the old case status
            s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        try:
            yield c
        finally:
            if s.in_transaction():
                s.rollback()


def anonymous(request: Request, st: Annotated[State, Depends(state)]) -> Iterator[Ctx]:
    with st.sessions() as s:
        try:
            yield Ctx(request, s, None, st)
        finally:
            if s.in_transaction():
                s.rollback()


async def run_in_ctx(request: Request, fn: Callable[[Ctx], object]):
    """For async endpoints: run ``fn(ctx)`` in the thread pool with a fresh context.

    Used where the request body must be read before a transaction starts, so
    a slow client never holds the database write lock.
    """
    from starlette.concurrency import run_in_threadpool

    st = state(request)
    raw = await run_in_threadpool(_bearer_audited, request, st)

    def work():
        with st.sessions() as s:
            c = _open(request, s, raw, st)
            try:
                return fn(c)
            finally:
                if s.in_transaction():
                    s.rollback()

    return await run_in_threadpool(work)


CtxDep = Annotated[Ctx, Depends(ctx)]
AnonDep = Annotated[Ctx, Depends(anonymous)]
StateDep = Annotated[State, Depends(state)]
