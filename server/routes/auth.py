"""Log in, refresh, log out, who am I."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field
from sqlalchemy import select

from app.domain import AuditAction
from server.deps import AnonDep, Ctx, CtxDep, bearer
from server.errors import ApiError
from server.models import Organisation, User
from server.security import REFRESH, TokenError, issue_pair, resolve, revoke, verify_password
from server.serialize import org_out, user_out

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


class LoginIn(BaseModel):
    username: str
    password: str
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


@router.post("/login", summary="Log in with username and password; returns a token pair")
def login(body: LoginIn, c: AnonDep):
    user = c.s.scalar(select(User).where(User.username == body.username))
    uid, stored = (user.id, user.password_hash) if user else (None, "")
    c.s.rollback()  # do not hold the database write lock while Argon2 works
    good = uid is not None and verify_password(stored, body.password)
    user = c.s.get(User, uid) if good else None
    if user is None or not user.active:
        c.audit(AuditAction.LOGIN_FAILED, "user", username=body.username)
        c.s.commit()
        raise ApiError(401, "bad_credentials", "unknown user, wrong password or inactive account")
    c.user = user
    c.audit(AuditAction.LOGIN, "user", user.id)
    return c.done(_pair(c, user, body.ttl_seconds))


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
