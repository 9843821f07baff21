"""Local users and password checks (the regional server has its own accounts).

Passwords are hashed with scrypt (standard library) and a per-user salt.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from sqlalchemy import select

from app.domain import AuditAction, OrgKind, Role
from app.models import Organisation, User

N, R, P = 2**14, 8, 1


class LoginError(Exception):
    pass


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${N}${R}${P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(
            password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=32
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(digest))


def authenticate(store, username: str, password: str, role: Role | None = None) -> User:
    username = username.strip()
    with store.session() as s:
        user = s.scalars(select(User).where(User.username == username)).first()
        ok = user is not None and user.active and verify_password(password, user.password_hash)
        if ok and role is not None and user.role != role.value:
            store.audit(s, AuditAction.LOGIN_FAILED, None, username=username, why="role")
            raise LoginError("role")
        if not ok:
            store.audit(s, AuditAction.LOGIN_FAILED, None, username=username, why="password")
            raise LoginError("password")
        _ = user.org
        store.user = user
        store.audit(s, AuditAction.LOGIN, None)
        return user


def ensure_org(s, code: str, name: str, kind: OrgKind) -> Organisation:
    org = s.scalars(select(Organisation).where(Organisation.code == code)).first()
    if org is None:
        org = Organisation(code=code, name=name, kind=kind.value)
        s.add(org)
        s.flush()
    return org


def ensure_user(
    s,
    username: str,
    display: str,
    role: Role,
    org: Organisation,
    password: str,
    department: str = "",
) -> User:
    user = s.scalars(select(User).where(User.username == username)).first()
    if user is None:
        user = User(
            username=username,
            display_name=display,
            role=role.value,
            org_id=org.id,
            department=department,
            password_hash=hash_password(password),
        )
        s.add(user)
        s.flush()
    return user


DEMO_PASSWORD = "demo"
DEMO_USERS = (
    # username, display name, role, org code, department
    ("doctor", "DEMO 李医生 (Dr Li)", Role.COMMUNITY_DOCTOR, "DEMO-CLINIC", ""),
    ("specialist", "DEMO 王主任 (Dr Wang)", Role.SPECIALIST, "DEMO-HOSPITAL", "cardiology"),
    ("pathologist", "DEMO 陈医生 (Dr Chen)", Role.PATHOLOGIST, "DEMO-HOSPITAL", "pathology"),
    ("radiologist", "DEMO 赵医生 (Dr Zhao)", Role.SPECIALIST, "DEMO-HOSPITAL", "radiology"),
    ("ophthalmologist", "DEMO 刘医生 (Dr Liu)", Role.SPECIALIST, "DEMO-HOSPITAL", "ophthalmology"),
    ("admin", "DEMO 管理员 (Admin)", Role.ADMIN, "DEMO-HOSPITAL", ""),
)


def seed_demo_users(store) -> None:
    with store.session() as s:
        orgs = {
            "DEMO-CLINIC": ensure_org(s, "DEMO-CLINIC", "DEMO 青山村卫生室", OrgKind.CLINIC),
            "DEMO-HOSPITAL": ensure_org(
                s, "DEMO-HOSPITAL", "DEMO 区域中心医院", OrgKind.REGIONAL_HOSPITAL
            ),
        }
        for username, display, role, org, dept in DEMO_USERS:
            ensure_user(s, username, display, role, orgs[org], DEMO_PASSWORD, dept)
