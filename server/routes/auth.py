"""Log in, refresh, log out, who am I.

A login looks the user up (read-only), verifies the password on the bounded
``PasswordChecker`` without holding a request thread or the database, then
writes the audit row and the tokens.  When too many logins wait for a check
it answers 429 with Retry-After (seconds) and the client tries again then.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from app.domain import AuditAction
from server.deps import AnonDep, Ctx, CtxDep, State, bearer, state
from server.errors import ApiError
from server.models import Organisation, User
from server.security import (
    REFRESH,
    LoginBusy,
    PasswordChecker,
    TokenError,
    issue_pair,
    resolve,
    revoke,
)
from server.serialize import org_out, user_out

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


class LoginIn(BaseModel):
    username: str = Field(max_length=200)
    password: str = Field(max_length=4096)
    ttl_seconds: int | None = Field(
        None, ge=1, description="ask for a shorter-lived access token than the server default"
    )


class RefreshIn(BaseModel):
    refresh_token: str


def _pair(c: Ctx, user: User, ttl: int | None) -> dict:
    st = c.settings
    ttl = min(ttl or st.token_ttl_s, st.token_ttl_s)
    out = issue_pair(c.s, user, ttl, st.refresh_ttl_s)
    out["user"] = user_out(user)
    org = c.s.get(Organisation, user.org_id)
    out["organisation"] = org_out(org) if org else None
    return out


def _checker(request: Request) -> PasswordChecker:
    """The app's password checker, made on first use (on the event loop thread)."""
    checker = getattr(request.app.state, "passwords", None)
    if checker is None:
        st = state(request).settings
        checker = PasswordChecker(st.login_workers, st.login_queue)
        request.app.state.passwords = checker
    return checker


def _lookup(st: State, username: str) -> tuple[int | None, str | None]:
    with st.read_sessions() as s:
        user = s.scalar(select(User).where(User.username == username))
        return (user.id, user.password_hash) if user else (None, None)


def _finish(request: Request, st: State, body: LoginIn, uid: int | None):
    with st.sessions() as s:
        c = Ctx(request, s, None, st)
        try:
            user = s.get(User, uid) if uid is not None else None
            if user is None or not user.active:
                c.audit(AuditAction.LOGIN_FAILED, "user", username=body.username)
                s.commit()
                raise ApiError(
                    401, "bad_credentials", "unknown user, wrong password or inactive account"
                )
            c.user = user
            c.audit(AuditAction.LOGIN, "user", user.id)
            return c.done(_pair(c, user, body.ttl_seconds))
        finally:
            if s.in_transaction():
                s.rollback()


@router.post(
    "/login",
    summary="Log in with username and password; returns a token pair",
    responses={429: {"description": "too many logins at once; retry after Retry-After s"}},
)
async def login(body: LoginIn, request: Request):
    st = state(request)
    uid, stored = await run_in_threadpool(_lookup, st, body.username)
    try:
        good = await _checker(request).verify(stored, body.password)
    except LoginBusy as busy:
        raise ApiError(
            429,
            "too_many_logins",
            str(busy),
            headers={"Retry-After": str(busy.retry_after)},
            retry_after=busy.retry_after,
        ) from None
    return await run_in_threadpool(_finish, request, st, body, uid if good else None)


@router.post("/refresh", summary="Trade a refresh token for a new token pair (rotation)")
def refresh(body: RefreshIn, c: AnonDep):
    try:
        tok, user = resolve(c.s, body.refresh_token, REFRESH)
    except TokenError as err:
        raise ApiError(401, err.code, str(err)) from None
    tok.revoked = True
    c.user = user
    c.audit("refresh", "user", user.id)
    return c.done(_pair(c, user, None))


@router.post("/logout", summary="Revoke the access token of this request")
def logout(c: CtxDep):
    revoke(c.s, bearer(c.request))
    return c.done({"ok": True})


@router.get("/me", summary="The logged-in user and organisation")
def me(c: CtxDep):
    org = c.s.get(Organisation, c.user.org_id)
    return c.done({"user": user_out(c.user), "organisation": org_out(org) if org else None})
