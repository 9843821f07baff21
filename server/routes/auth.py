"""Log in, refresh, log out, change password, stream tickets, who am I.

A login looks the user up (read-only), asks the ``LoginGuard`` whether a
password may be checked now (back-off and lockout against guessing: 429 with
Retry-After), verifies the password on the bounded ``PasswordChecker``
without holding a request thread or the database, then writes the audit row
and the tokens.  When too many logins wait for a check it also answers 429.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from app.domain import AuditAction
from server.deps import AnonDep, Ctx, CtxDep, State, peer, state
from server.errors import ApiError
from server.logins import Account, Blocked, LoginGuard
from server.models import Organisation, User
from server.security import (
    REFRESH,
    LoginBusy,
    PasswordChecker,
    TokenError,
    find,
    hash_password,
    issue_pair,
    issue_ticket,
    password_problem,
    resolve,
    revoke_family,
    revoke_user_tokens,
)
from server.serialize import org_out, user_out

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])
SECRET = {"writeOnly": True}


class LoginIn(BaseModel):
    username: str = Field(max_length=200)
    password: str = Field(max_length=4096, json_schema_extra=SECRET)
    ttl_seconds: int | None = Field(
        None,
        ge=1,
        le=10**9,
        description="ask for a shorter-lived access token than the server default",
    )


class RefreshIn(BaseModel):
    refresh_token: str = Field(max_length=200, json_schema_extra=SECRET)


class PasswordIn(BaseModel):
    current_password: str = Field(max_length=4096, json_schema_extra=SECRET)
    new_password: str = Field(max_length=4096, json_schema_extra=SECRET)


def _pair(c: Ctx, user: User, ttl: int | None, family: str | None = None) -> dict:
    st = c.settings
    ttl = min(ttl or st.token_ttl_s, st.token_ttl_s)
    out = issue_pair(c.s, user, ttl, st.refresh_ttl_s, family)
    out["user"] = user_out(user)
    out["password_change_required"] = bool(user.must_change_password)
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


def guard_of(request: Request) -> LoginGuard:
    guard = getattr(request.app.state, "login_guard", None)
    if guard is None:
        st = state(request).settings
        guard = LoginGuard(
            st.login_free_failures,
            st.login_lock_after,
            st.login_lock_s,
            address_free=st.login_address_free,
            base_s=st.login_backoff_s,
        )
        request.app.state.login_guard = guard
    return guard


def _lookup(st: State, guard: LoginGuard, username: str, address: str):
    """(user id, password hash, failure counts of the account or unknown name, of the
    address); the counts are shared by every node."""
    with st.read_sessions() as s:
        addr = guard.address(s, address)
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            return None, None, guard.unknown(s, username), addr
        acct = Account(user.failed_logins or 0, user.last_failed_at, user.locked_until)
        return user.id, user.password_hash, acct, addr


def _refuse(request: Request, st: State, username: str, blocked: Blocked):
    with st.sessions() as s:
        c = Ctx(request, s, None, st)
        c.audit("login_throttled", "user", username=username, reason=blocked.code)
        s.commit()
    raise ApiError(
        429,
        blocked.code,
        blocked.detail,
        headers={"Retry-After": str(blocked.retry_after)},
        retry_after=blocked.retry_after,
    )


def _failed(c: Ctx, guard: LoginGuard, body: LoginIn, user: User | None) -> None:
    address = peer(c.request)
    if user is None:
        acct = guard.unknown(c.s, body.username)
        locks = guard.failed(c.s, acct, address)
        guard.remember_unknown(c.s, body.username, acct)
    else:
        acct = Account(user.failed_logins or 0, user.last_failed_at, user.locked_until)
        locks = guard.failed(c.s, acct, address)
        user.failed_logins, user.last_failed_at = acct.failed, acct.last_failed
        user.locked_until = acct.locked_until
    c.audit(AuditAction.LOGIN_FAILED, "user", user.id if user else "", username=body.username)
    if locks:
        c.audit("account_locked", "user", user.id if user else "", username=body.username)
    c.s.commit()


def _finish(request: Request, st: State, body: LoginIn, uid: int | None, good: bool):
    guard = guard_of(request)
    with st.sessions() as s:
        c = Ctx(request, s, None, st)
        try:
            user = s.get(User, uid) if uid is not None else None
            if user is None or not user.active or not good:
                _failed(c, guard, body, user)
                raise ApiError(
                    401, "bad_credentials", "unknown user, wrong password or inactive account"
                )
            user.failed_logins, user.last_failed_at, user.locked_until = 0, None, None
            c.user = user
            c.audit(AuditAction.LOGIN, "user", user.id)
            return c.done(_pair(c, user, body.ttl_seconds))
        finally:
            if s.in_transaction():
                s.rollback()


@router.post(
    "/login",
    summary="Log in with username and password; returns a token pair",
    responses={429: {"description": "back-off, lockout or too many logins: see Retry-After"}},
)
async def login(body: LoginIn, request: Request):
    st = state(request)
    guard = guard_of(request)
    uid, stored, acct, addr = await run_in_threadpool(
        _lookup, st, guard, body.username, peer(request)
    )
    blocked = guard.check(acct, addr)
    if blocked is not None:
        await run_in_threadpool(_refuse, request, st, body.username, blocked)
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
    return await run_in_threadpool(_finish, request, st, body, uid, good)


@router.post("/refresh", summary="Trade a refresh token for a new token pair (rotation)")
def refresh(body: RefreshIn, c: AnonDep):
    tok = find(c.s, body.refresh_token)
    reused = tok is not None and tok.kind == REFRESH and tok.revoked
    # a rotated refresh token used again: someone holds a copy; end the login
    if reused and (n := revoke_family(c.s, tok.family)):
        c.audit("token_reuse", "user", tok.user_id, revoked=n)
        c.s.commit()
        raise ApiError(401, "token_reused", "this refresh token was already used; log in again")
    try:
        tok, user = resolve(c.s, body.refresh_token, REFRESH)
    except TokenError as err:
        raise ApiError(401, err.code, str(err)) from None
    tok.revoked = True
    c.user = user
    c.audit("refresh", "user", user.id)
    return c.done(_pair(c, user, None, tok.family or None))


@router.post("/logout", summary="End this login: revoke every token of its family")
def logout(c: CtxDep):
    if c.token.family:
        revoke_family(c.s, c.token.family)
    else:  # a token from before token families
        c.token.revoked = True
    resp = c.done({"ok": True})
    c.state.broker.wake_all()  # its open event streams end now
    return resp


@router.post("/password", summary="Change the password (needed first after an initial one)")
async def change_password(body: PasswordIn, request: Request):
    from server.deps import run_in_ctx

    def load(c: Ctx):
        return c.user.username, c.user.password_hash

    username, stored = await run_in_ctx(request, load)
    if not await _checker(request).verify(stored, body.current_password):
        raise ApiError(403, "bad_credentials", "the current password is wrong")
    if problem := password_problem(username, body.new_password):
        raise ApiError(422, "weak_password", problem)
    if body.new_password == body.current_password:
        raise ApiError(422, "weak_password", "the new password must differ from the current one")
    new_hash = await run_in_threadpool(hash_password, body.new_password)

    def save(c: Ctx):
        user = c.s.get(User, c.user.id)
        user.password_hash, user.must_change_password = new_hash, False
        user.version += 1
        revoke_user_tokens(c.s, user.id)  # every other login ends
        c.audit("password_changed", "user", user.id)
        resp = c.done(_pair(c, user, None))
        c.state.broker.wake_all()
        return resp

    return await run_in_ctx(request, save)


@router.post(
    "/stream-ticket",
    summary="A one-time ticket (30 s) for GET /events?ticket=, so no token goes in a URL",
)
def stream_ticket(c: CtxDep):
    return c.done(issue_ticket(c.s, c.token))


@router.get("/me", summary="The logged-in user and organisation")
def me(c: CtxDep):
    org = c.s.get(Organisation, c.user.org_id)
    out = {"user": user_out(c.user), "organisation": org_out(org) if org else None}
    out["password_change_required"] = bool(c.user.must_change_password)
    return c.done(out)
