"""Read-only directory of the people a consult can be addressed to.

``GET /api/v1/directory/specialists`` lists the active specialists and
pathologists (id, user name, display name, role, department, organisation);
any signed-in user may read it, so a community clinic can address a consult
to a named specialist and show who signed a report.  No contact details or
account state beyond "active" leave the server.
"""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select

from app.domain import Role
from server.deps import CtxDep
from server.models import Organisation, User

router = APIRouter(prefix="/api/v1/directory", tags=["directory"])
LISTED = (Role.SPECIALIST.value, Role.PATHOLOGIST.value)


@router.get("/specialists", summary="Active specialists and pathologists (read-only)")
def specialists(c: CtxDep, department: str | None = None):
    q = (
        select(User, Organisation.name)
        .join(Organisation, Organisation.id == User.org_id)
        .where(User.active.is_(True), User.role.in_(LISTED))
        .order_by(User.department, User.display_name, User.id)
    )
    if department:
        q = q.where(User.department == department)
    rows = [
        {
            "id": u.id,
            "username": u.username,
            "display_name": u.display_name or u.username,
            "role": u.role,
            "department": u.department,
            "org_id": u.org_id,
            "organisation": org_name,
        }
        for u, org_name in c.s.execute(q)
    ]
    return c.done({"specialists": rows})
