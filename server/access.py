"""Who may see and change what.

* community doctors see the cases of their own organisation;
* specialists and pathologists see cases with a consult addressed to them or
  to their department (at their organisation), and cases they created; of
  the consults they see only those addressed to them;
* admins see everything and manage users, but do not write clinical data.

The same clauses filter lists, the changes feed and the SSE stream, so the
three can never disagree.
"""

from __future__ import annotations

from sqlalchemy import and_, false, or_, select, true

from app.domain import Role
from server.models import Case, Change, Consult, User

CLINICAL_READERS = {Role.SPECIALIST, Role.PATHOLOGIST}


def addressed_to(user: User, org_col, dept_col, user_col):
    mine = user_col == user.id
    if not user.department:
        return mine
    return or_(mine, and_(org_col == user.org_id, dept_col == user.department))


def consult_filter(user: User):
    if user.role == Role.ADMIN:
        return true()
    if user.role == Role.COMMUNITY_DOCTOR:
        return Consult.case_id.in_(select(Case.id).where(Case.org_id == user.org_id))
    if user.role in CLINICAL_READERS:
        return addressed_to(
            user, Consult.target_org_id, Consult.target_department, Consult.target_user_id
        )
    return false()


def visible_case_ids(user: User):
    """A SELECT of the ids of the cases ``user`` may see (admins: all)."""
    if user.role == Role.ADMIN:
        return select(Case.id)
    if user.role == Role.COMMUNITY_DOCTOR:
        return select(Case.id).where(Case.org_id == user.org_id)
    if user.role in CLINICAL_READERS:
        consulted = select(Consult.case_id).where(consult_filter(user))
        return select(Case.id).where(or_(Case.id.in_(consulted), Case.created_by == user.id))
    return select(Case.id).where(false())


def case_filter(user: User):
    if user.role == Role.ADMIN:
        return true()
    if user.role == Role.COMMUNITY_DOCTOR:
        return Case.org_id == user.org_id
    return Case.id.in_(visible_case_ids(user))


def change_filter(user: User):
    if user.role == Role.ADMIN:
        return true()
    if user.role == Role.COMMUNITY_DOCTOR:
        return Change.org_id == user.org_id
    if user.role in CLINICAL_READERS:
        not_consult = Change.kind != "consult"
        mine = addressed_to(
            user, Change.target_org_id, Change.target_department, Change.target_user_id
        )
        return and_(Change.case_id.in_(visible_case_ids(user)), or_(not_consult, mine))
    return false()


def can_write_clinical(user: User) -> bool:
    return user.role in {Role.COMMUNITY_DOCTOR, Role.SPECIALIST, Role.PATHOLOGIST}


def can_sign(user: User) -> bool:
    return user.role in CLINICAL_READERS
