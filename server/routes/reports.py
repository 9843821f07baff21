"""Reports: drafts by the consulted specialist, then signed and locked."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field
from sqlalchemy import select

from app.domain import AuditAction, ReportState, Role, Status
from server.access import can_sign
from server.actions import consult_step, move_case
from server.changes import record
from server.deps import Ctx, CtxDep
from server.errors import ApiError, not_found
from server.models import Case, Consult, Report, utcnow
from server.routes.common import load_case, load_consult
from server.serialize import report_out

router = APIRouter(prefix="/api/v1", tags=["reports"])


class ReportIn(BaseModel):
    text: str = Field("", max_length=200_000)
    conclusion: str = Field("", max_length=20_000)
    consult_id: int | None = None
    template: str = Field("", max_length=32)
    fields: dict[str, Any] | None = None


class ReportPatch(BaseModel):
    version: int | None = None
    text: str | None = Field(None, max_length=200_000)
    conclusion: str | None = Field(None, max_length=20_000)
    template: str | None = Field(None, max_length=32)
    fields: dict[str, Any] | None = None


class SignIn(BaseModel):
    version: int | None = Field(None, description="the version being signed (or If-Match)")


def _record(c: Ctx, report: Report, case: Case, op: str) -> None:
    record(
        c.s,
        "report",
        report.id,
        op,
        report_out(report),
        version=report.version,
        case_id=case.id,
        org_id=case.org_id,
    )


def _load(c: Ctx, report_id: int) -> tuple[Report, Case]:
    report = c.s.get(Report, report_id)
    if report is None:
        raise not_found("report", report_id)
    return report, load_case(c, report.case_id, shown=("report", report_id))


def _writer(c: Ctx, report: Report | None = None) -> None:
    if not can_sign(c.user):
        raise c.forbid("only specialists and pathologists write reports", "report")
    if report is not None and report.state == ReportState.SIGNED:
        raise ApiError(
            409, "report_locked", "a signed report is locked", current_version=report.version
        )


@router.post("/cases/{case_id}/reports", status_code=201, summary="Start a report draft")
def create_report(case_id: int, body: ReportIn, c: CtxDep):
    case = load_case(c, case_id, write=True)
    _writer(c)
    consult = None
    if body.consult_id is not None:
        consult = load_consult(c, body.consult_id)
        if consult.case_id != case.id:
            raise ApiError(422, "bad_consult", "that consult belongs to another case")
    now = utcnow()
    report = Report(
        case_id=case.id,
        consult_id=consult.id if consult else None,
        author_id=c.user.id,
        text=body.text,
        conclusion=body.conclusion,
        template=body.template,
        fields=body.fields,
        state=ReportState.DRAFT.value,
        created_at=now,
        updated_at=now,
    )
    c.s.add(report)
    c.s.flush()
    _record(c, report, case, "created")
    if consult is not None and consult.status in ("sent", "accepted"):
        consult_step(c.s, consult, case, "in_review", c.user.id)
        consult.assignee_id = consult.assignee_id or c.user.id
    c.audit(AuditAction.REPORT_EDIT, "report", report.id, case_id=case.id)
    return c.done(report_out(report), 201, etag=report.version)


@router.get("/reports/{report_id}", summary="One report")
def get_report(report_id: int, c: CtxDep):
    report, _case = _load(c, report_id)
    return c.done(report_out(report), etag=report.version)


@router.get("/cases/{case_id}/reports", summary="Reports of a case")
def list_reports(case_id: int, c: CtxDep):
    load_case(c, case_id)
    rows = c.s.scalars(select(Report).where(Report.case_id == case_id).order_by(Report.id))
    return c.done({"reports": [report_out(r) for r in rows]})


@router.patch("/reports/{report_id}", summary="Edit a draft (If-Match: version)")
def edit_report(report_id: int, body: ReportPatch, c: CtxDep):
    report, case = _load(c, report_id)
    _writer(c, report)
    c.check_version(report, "report", report_out, body.version)
    if body.text is not None:
        report.text = body.text
    if body.conclusion is not None:
        report.conclusion = body.conclusion
    if body.template is not None:
        report.template = body.template
    if body.fields is not None:
        report.fields = body.fields
    report.version += 1
    report.updated_at = utcnow()
    _record(c, report, case, "updated")
    c.audit(AuditAction.REPORT_EDIT, "report", report.id)
    return c.done(report_out(report), etag=report.version)


@router.post("/reports/{report_id}/sign", summary="Sign and lock a report (If-Match: version)")
def sign_report(report_id: int, body: SignIn, c: CtxDep):
    report, case = _load(c, report_id)
    c.require_role(Role.SPECIALIST, Role.PATHOLOGIST)
    _writer(c, report)
    c.check_version(report, "report", report_out, body.version)
    if not (report.text or report.conclusion).strip():
        raise ApiError(422, "empty_report", "write the report before signing it")
    report.state = ReportState.SIGNED.value
    report.signed_by = c.user.id
    report.signed_at = utcnow()
    report.version += 1
    report.updated_at = report.signed_at
    _record(c, report, case, "signed")
    if report.consult_id is not None:
        consult = c.s.get(Consult, report.consult_id)
        consult_step(c.s, consult, case, "reported", c.user.id, "report signed")
    move_case(c.s, case, Status.SIGNED)
    c.audit(AuditAction.SIGN, "report", report.id, case_id=case.id, version=report.version)
    return c.done(report_out(report), etag=report.version)
