"""Organisations, users (admins create and deactivate them) and the audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from sqlalchemy import select

from app.domain import OrgKind, Role
from server.changes import record
from server.deps import Ctx, CtxDep
from server.errors import ApiError, not_found
from server.logins import unlock
from server.models import AuditEntry, Organisation, User
from server.security import hash_password, password_problem, revoke_user_tokens
from server.serialize import org_out, ts, user_out

router = APIRouter(prefix="/api/v1", tags=["admin"])


class OrgIn(BaseModel):
    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    kind: OrgKind
    departments: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(
        [], max_length=50
    )
    is_demo: bool = Field(False, description="demo data: its users need not change passwords")


class UserIn(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(max_length=4096, json_schema_extra={"writeOnly": True})
    role: Role
    org_id: int
    department: str = Field("", max_length=100)
    display_name: str = Field("", max_length=200)


@router.get("/organisations", summary="List organisations and their departments")
def list_orgs(c: CtxDep):
    orgs = c.s.scalars(select(Organisation).order_by(Organisation.id))
    return c.done({"organisations": [org_out(o) for o in orgs]})


@router.post("/admin/organisations", status_code=201, summary="Create an organisation (admin)")
def create_org(body: OrgIn, c: CtxDep):
    c.require_role(Role.ADMIN)
    if c.s.scalar(select(Organisation).where(Organisation.code == body.code)):
        raise ApiError(409, "code_taken", f"an organisation with code {body.code!r} exists")
    org = Organisation(
        code=body.code,
        name=body.name,
        kind=body.kind.value,
        departments=body.departments,
        is_demo=body.is_demo,
    )
    c.s.add(org)
    c.s.flush()
    record(c.s, "organisation", org.id, "created", org_out(org))
    return c.done(org_out(org), 201)


@router.get("/admin/users", summary="List users (admin)")
def list_users(c: CtxDep):
    c.require_role(Role.ADMIN)
    users = c.s.scalars(select(User).order_by(User.id))
    return c.done({"users": [user_out(u) for u in users]})


@router.post("/admin/users", status_code=201, summary="Create a user (admin)")
def create_user(body: UserIn, c: CtxDep):
    c.require_role(Role.ADMIN)
    if problem := password_problem(body.username, body.password):
        raise ApiError(422, "weak_password", problem)
    password_hash = hash_password(body.password)  # before the write lock is taken
    org = c.s.get(Organisation, body.org_id)
    if org is None:
        raise not_found("organisation", body.org_id)
    if body.department and body.department not in (org.departments or []):
        raise ApiError(422, "bad_department", f"{org.name} has no department {body.department!r}")
    if c.s.scalar(select(User).where(User.username == body.username)):
        raise ApiError(409, "username_taken", f"the username {body.username!r} is taken")
    user = User(
        username=body.username,
        display_name=body.display_name or body.username,
        role=body.role.value,
        org_id=org.id,
        department=body.department,
        password_hash=password_hash,
        must_change_password=not org.is_demo,  # an initial password is changed at first use
    )
    c.s.add(user)
    c.s.flush()
    record(c.s, "user", user.id, "created", user_out(user))
    c.audit("user_admin", "user", user.id, op="create", role=user.role)
    return c.done(user_out(user), 201)


def _set_active(c: Ctx, user_id: int, active: bool):
    c.require_role(Role.ADMIN)
    user = c.s.get(User, user_id)
    if user is None:
        raise not_found("user", user_id)
    if user.active != active:
        user.active = active
        user.version += 1
        if not active:
            revoke_user_tokens(c.s, user.id)
            c.state.broker.wake_all()
        record(c.s, "user", user.id, "updated", user_out(user), version=user.version)
    c.audit("user_admin", "user", user.id, op="activate" if active else "deactivate")
    return c.done(user_out(user))


@router.post("/admin/users/{user_id}/deactivate", summary="Deactivate a user (admin)")
def deactivate_user(user_id: int, c: CtxDep):
    return _set_active(c, user_id, False)


@router.post("/admin/users/{user_id}/activate", summary="Re-activate a user (admin)")
def activate_user(user_id: int, c: CtxDep):
    return _set_active(c, user_id, True)


@router.post(
    "/admin/users/{user_id}/unlock",
    summary="End a lockout after too many wrong passwords (admin)",
)
def unlock_user(user_id: int, c: CtxDep):
    c.require_role(Role.ADMIN)
    user = c.s.get(User, user_id)
    if user is None:
        raise not_found("user", user_id)
    was = user.locked_until
    unlock(user)
    c.audit("user_admin", "user", user.id, op="unlock", was_locked_until=str(was or ""))
    return c.done(user_out(user))


@router.get("/admin/audit", summary="Read the audit log, newest first (admin)")
def audit_log(
    c: CtxDep,
    user_id: int | None = None,
    action: str | None = None,
    limit: int = Query(100, ge=1, le=1000),
):
    c.require_role(Role.ADMIN)
    q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if user_id is not None:
        q = q.where(AuditEntry.user_id == user_id)
    if action:
        q = q.where(AuditEntry.action == action)
    rows = [
        {
            "id": a.id,
            "at": ts(a.at),
            "user_id": a.user_id,
            "username": a.username,
            "action": a.action,
            "resource": a.resource,
            "resource_id": a.resource_id,
            "ip": a.ip,
            "detail": a.detail,
        }
        for a in c.s.scalars(q)
    ]
    return c.done({"entries": rows})
