"""``init-demo``: demo organisations and one demo user per role (password "demo").

Clearly marked demo data: organisation names start with "DEMO" and
``is_demo`` is set.  Running it twice changes nothing.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import OrgKind, Role
from server.changes import record
from server.models import Organisation, User
from server.security import hash_password
from server.serialize import org_out, user_out

DEMO_PASSWORD = "demo"
ORGS = [
    ("demo-qingshan", "DEMO 青山村卫生室", OrgKind.CLINIC, []),
    (
        "demo-regional",
        "DEMO 区域中心医院",
        OrgKind.REGIONAL_HOSPITAL,
        ["cardiology", "radiology", "pathology", "ophthalmology"],
    ),
]
USERS = [
    ("doctor", "DEMO 社区医生", Role.COMMUNITY_DOCTOR, "demo-qingshan", ""),
    ("specialist", "DEMO 心内科专家", Role.SPECIALIST, "demo-regional", "cardiology"),
    ("pathologist", "DEMO 病理医生", Role.PATHOLOGIST, "demo-regional", "pathology"),
    ("radiologist", "DEMO 放射科赵医生 (Dr Zhao)", Role.SPECIALIST, "demo-regional", "radiology"),
    (
        "ophthalmologist",
        "DEMO 眼科刘医生 (Dr Liu)",
        Role.SPECIALIST,
        "demo-regional",
        "ophthalmology",
    ),
    ("admin", "DEMO 管理员", Role.ADMIN, "demo-regional", ""),
]


def seed(s: Session) -> dict[str, int]:
    """Create what is missing; returns how many organisations and users were added."""
    added = {"organisations": 0, "users": 0}
    orgs = {}
    for code, name, kind, departments in ORGS:
        org = s.scalar(select(Organisation).where(Organisation.code == code))
        if org is None:
            org = Organisation(
                code=code, name=name, kind=kind.value, departments=departments, is_demo=True
            )
            s.add(org)
            s.flush()
            record(s, "organisation", org.id, "created", org_out(org))
            added["organisations"] += 1
        orgs[code] = org
    password = hash_password(DEMO_PASSWORD)
    for username, display, role, org_code, dept in USERS:
        if s.scalar(select(User).where(User.username == username)) is not None:
            continue
        user = User(
            username=username,
            display_name=display,
            role=role.value,
            org_id=orgs[org_code].id,
            department=dept,
            password_hash=password,
        )
        s.add(user)
        s.flush()
        record(s, "user", user.id, "created", user_out(user))
        added["users"] += 1
    return added
