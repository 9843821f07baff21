"""Consult requests: clinic -> department or specialist, with a timeline."""

from __future__ import annotations

import json
from typing import Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from sqlalchemy import select

from app.domain import AuditAction, OrgKind, Role, Status, TransitionError
from server.access import consult_filter
from server.actions import consult_step, move_case, raise_priority, record_consult
from server.deps import Ctx, CtxDep
from server.errors import ApiError
from server.fhir import consult_bundle
from server.models import Case, Consult, ConsultEvent, Organisation, Report, User, utcnow
from server.routes.common import load_case, load_consult
from server.rules import check_consult_status
from server.serialize import consult_out
from server.workflow import priority_for

router = APIRouter(prefix="/api/v1", tags=["consults"])
Urgency = Literal["routine", "urgent", "critical"]


class ConsultIn(BaseModel):
    question: str = Field(min_length=1, max_length=8000)
    urgency: Urgency = "routine"
    target_org_id: int | None = Field(None, description="defaults to the regional hospital")
    target_department: str = Field("", max_length=100)
    target_user_id: int | None = None
    draft: dict[str, Any] | None = Field(
        None, description="the requesting doctor's confirmed report draft (template, fields, text)"
    )


class ConsultStatusIn(BaseModel):
    status: Literal["accepted", "in_review", "reported", "cancelled"]
    version: int | None = None
    note: str = Field("", max_length=8000)


def _timeline(c: Ctx, consult: Consult) -> list[ConsultEvent]:
    q = select(ConsultEvent).where(ConsultEvent.consult_id == consult.id)
    return list(c.s.scalars(q.order_by(ConsultEvent.id)))


def _target(c: Ctx, body: ConsultIn) -> tuple[int, str, int | None]:
    if body.target_user_id is not None:
        target = c.s.get(User, body.target_user_id)
        if (
            target is None
            or not target.active
            or target.role
            not in (
                Role.SPECIALIST,
                Role.PATHOLOGIST,
            )
        ):
            raise ApiError(422, "bad_target", "the target user is not an active specialist")
        return target.org_id, body.target_department or target.department, target.id
    if not body.target_department:
        raise ApiError(422, "bad_target", "name a target_department or a target_user_id")
    org = (
        c.s.get(Organisation, body.target_org_id)
        if body.target_org_id
        else c.s.scalar(
            select(Organisation)
            .where(Organisation.kind == OrgKind.REGIONAL_HOSPITAL.value)
            .order_by(Organisation.id)
        )
    )
    if org is None or body.target_department not in (org.departments or []):
        raise ApiError(422, "bad_target", f"no department {body.target_department!r} there")
    return org.id, body.target_department, None


DRAFT_KEYS = {"template": str, "fields": dict, "text": str, "by": str}
DRAFT_MAX = 64_000  # characters of JSON


def _draft(draft: dict | None) -> dict | None:
    """Only the known keys with the expected types; bounded in size."""
    if not draft:
        return None
    out = {k: v for k, v in draft.items() if isinstance(v, DRAFT_KEYS.get(k, ()))}
    if len(json.dumps(out)) > DRAFT_MAX:
        raise ApiError(413, "draft_too_large", "the attached draft is too large")
    return out or None


@router.post("/cases/{case_id}/consults", status_code=201, summary="Request a consult")
def create_consult(case_id: int, body: ConsultIn, c: CtxDep):
    case = load_case(c, case_id, write=True)
    org_id, dept, user_id = _target(c, body)
    now = utcnow()
    consult = Consult(
        case_id=case.id,
        requester_id=c.user.id,
        question=body.question,
        urgency=body.urgency,
        target_org_id=org_id,
        target_department=dept,
        target_user_id=user_id,
        status="sent",
        created_at=now,
        updated_at=now,
        draft=_draft(body.draft),
    )
    c.s.add(consult)
    c.s.flush()
    c.s.add(ConsultEvent(consult_id=consult.id, user_id=c.user.id, status="sent", at=now))
    record_consult(c.s, consult, case, "created")
    move_case(c.s, case, Status.IN_CONSULT)
    raise_priority(c.s, case, priority_for(body.urgency))
    c.audit(AuditAction.CONSULT, "consult", consult.id, case_id=case.id, to=dept)
    return c.done(consult_out(consult, _timeline(c, consult)), 201, etag=consult.version)


@router.get("/consults", summary="Consults the caller may see (addressed to them or their org)")
def list_consults(c: CtxDep, status: str | None = None):
    q = select(Consult).where(consult_filter(c.user))
    if status:
        q = q.where(Consult.status == status)
    rows = c.s.scalars(q.order_by(Consult.created_at.desc()))
    return c.done({"consults": [consult_out(x) for x in rows]})


@router.get("/consults/{consult_id}", summary="One consult with its timeline")
def get_consult(consult_id: int, c: CtxDep):
    consult = load_consult(c, consult_id)
    return c.done(consult_out(consult, _timeline(c, consult)), etag=consult.version)


@router.post("/consults/{consult_id}/status", summary="Accept, start review, report or cancel")
def set_status(consult_id: int, body: ConsultStatusIn, c: CtxDep):
    consult = load_consult(c, consult_id)
    case = load_case(c, consult.case_id, write=True)
    if body.status == "cancelled":
        if c.user.id != consult.requester_id and c.user.org_id != case.org_id:
            raise c.forbid("only the requesting organisation can cancel", "consult", consult.id)
    elif c.user.role not in (Role.SPECIALIST, Role.PATHOLOGIST):
        raise c.forbid("only the consulted specialist can do this", "consult", consult.id)
    c.check_version(consult, "consult", consult_out, body.version)
    check_consult_status(c, consult, body.status)
    try:
        consult_step(c.s, consult, case, body.status, c.user.id, body.note)
    except TransitionError as err:
        raise ApiError(422, "bad_transition", str(err)) from None
    if body.status == "accepted" and consult.assignee_id is None:
        consult.assignee_id = c.user.id
    if body.status == "in_review":
        consult.assignee_id = consult.assignee_id or c.user.id
    c.audit(AuditAction.CONSULT, "consult", consult.id, status=body.status)
    return c.done(consult_out(consult, _timeline(c, consult)), etag=consult.version)


@router.get("/consults/{consult_id}/fhir", summary="FHIR R4 Bundle of the consult")
def fhir_export(
    consult_id: int,
    c: CtxDep,
    anonymise: bool = Query(False, description="no names, ids, birth date or UIDs (sharing)"),
):
    consult = load_consult(c, consult_id)
    case = c.s.get(Case, consult.case_id)
    report = c.s.scalar(
        select(Report).where(Report.consult_id == consult.id).order_by(Report.id.desc())
    )
    users = {
        u.id: u for u in c.s.scalars(select(User).where(User.id.in_(_people(consult, report))))
    }
    orgs = {o.id: o for o in c.s.scalars(select(Organisation))}
    bundle = consult_bundle(consult, case, _timeline(c, consult), report, users, orgs)
    if anonymise:
        from app.anon import anonymise_bundle

        bundle = anonymise_bundle(bundle)
        c.audit("export", "consult", consult.id, anonymised=True)
    return c.done(bundle)


def _people(consult: Consult, report: Report | None) -> set[int]:
    ids = {consult.requester_id, consult.target_user_id, consult.assignee_id}
    if report is not None:
        ids |= {report.author_id, report.signed_by}
    return {i for i in ids if i is not None}
