"""Cases (worklist items) and their annotations."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from sqlalchemy import select

from app.domain import Modality, Priority, Role, Status, TransitionError, check_transition
from server.access import case_filter, consult_filter
from server.actions import record_case
from server.deps import CtxDep
from server.errors import ApiError
from server.models import AIResult, Alert, Annotation, Case, Consult, Report, StoredObject, utcnow
from server.routes.common import load_case, record_for_case
from server.rules import check_case_status
from server.serialize import (
    ai_out,
    alert_out,
    annotation_out,
    case_out,
    consult_out,
    object_out,
    report_out,
)

router = APIRouter(prefix="/api/v1/cases", tags=["cases"])


class PatientIn(BaseModel):
    id: str = Field("", max_length=64)
    name: str = Field("", max_length=200)
    sex: str = Field("", max_length=1)
    birth_date: str = Field("", max_length=8)


_Short = Annotated[str, Field(max_length=200)]
_Value = _Short | int | float | Annotated[list[_Short | int | float], Field(max_length=32)]


class DescriptionPartIn(BaseModel):
    """One coded part of a description the clinic's reader made up (app.descriptions)."""

    code: str = Field(max_length=64)
    params: dict[Annotated[str, Field(max_length=32)], _Value] = Field(
        default_factory=dict, max_length=8
    )


class StudyIn(BaseModel):
    uid: str = Field("", max_length=128)
    description: str = Field("", max_length=300)
    # its coded parts, so each workstation shows it in its user's language
    description_facts: list[DescriptionPartIn] | None = Field(None, max_length=8)
    time: datetime | None = None


class CaseIn(BaseModel):
    patient: PatientIn
    study: StudyIn = StudyIn()
    modality: Modality
    priority: Priority = Priority.ROUTINE


class CasePatch(BaseModel):
    version: int | None = None
    status: Status | None = None
    priority: Priority | None = None


class AnnotationIn(BaseModel):
    version: int | None = Field(None, description="current version; omit only when creating")
    data: dict | list


@router.get("", summary="The worklist: cases the caller may see, most urgent first")
def list_cases(
    c: CtxDep,
    status: Status | None = None,
    modality: Modality | None = None,
    limit: int = Query(200, ge=1, le=1000),
):
    q = select(Case).where(case_filter(c.user))
    if status is not None:
        q = q.where(Case.status == status.value)
    if modality is not None:
        q = q.where(Case.modality == modality.value)
    q = q.order_by(Case.priority, Case.created_at.desc()).limit(limit)
    return c.done({"cases": [case_out(x) for x in c.s.scalars(q)]})


@router.post("", status_code=201, summary="Create a case in the caller's organisation")
def create_case(body: CaseIn, c: CtxDep):
    c.require_role(Role.COMMUNITY_DOCTOR, Role.SPECIALIST, Role.PATHOLOGIST)
    now = utcnow()
    case = Case(
        org_id=c.user.org_id,
        created_by=c.user.id,
        patient_id=body.patient.id,
        patient_name=body.patient.name,
        patient_sex=body.patient.sex,
        patient_birth_date=body.patient.birth_date,
        study_uid=body.study.uid,
        study_description=body.study.description,
        study_description_facts=(
            [p.model_dump() for p in body.study.description_facts]
            if body.study.description_facts
            else None
        ),
        study_time=body.study.time.replace(tzinfo=None) if body.study.time else None,
        modality=body.modality.value,
        status=Status.NEW.value,
        priority=int(body.priority),
        created_at=now,
        updated_at=now,
    )
    c.s.add(case)
    c.s.flush()
    record_case(c.s, case, "created")
    return c.done(case_out(case), 201, etag=case.version)


@router.get("/{case_id}", summary="One case with its objects, AI results, consults, reports")
def get_case(case_id: int, c: CtxDep):
    case = load_case(c, case_id)
    by_case = {"case_id": case.id}
    out = case_out(case)
    out["objects"] = [object_out(o) for o in c.s.scalars(select(StoredObject).filter_by(**by_case))]
    out["ai_results"] = [ai_out(r) for r in c.s.scalars(select(AIResult).filter_by(**by_case))]
    out["reports"] = [report_out(r) for r in c.s.scalars(select(Report).filter_by(**by_case))]
    out["alerts"] = [alert_out(a) for a in c.s.scalars(select(Alert).filter_by(**by_case))]
    consults = select(Consult).filter_by(**by_case).where(consult_filter(c.user))
    out["consults"] = [consult_out(x) for x in c.s.scalars(consults)]
    ann = c.s.get(Annotation, case.id)
    out["annotation"] = annotation_out(ann) if ann is not None else None
    return c.done(out, etag=case.version)


@router.patch("/{case_id}", summary="Change status or priority (If-Match: version)")
def patch_case(case_id: int, body: CasePatch, c: CtxDep):
    case = load_case(c, case_id, write=True)
    c.check_version(case, "case", case_out, body.version)
    case.version += 1
    if body.status is not None and body.status.value != case.status:
        check_case_status(c, case, body.status)  # role and report state first
        try:
            check_transition(Status(case.status), body.status)
        except TransitionError as err:
            raise ApiError(422, "bad_transition", str(err)) from None
        case.status = body.status.value
        c.audit("status", "case", case.id, status=case.status)
    if body.priority is not None:
        case.priority = int(body.priority)
    case.updated_at = utcnow()
    record_case(c.s, case, "updated")
    return c.done(case_out(case), etag=case.version)


class PatientUpdate(BaseModel):
    patient: PatientIn
    study_time: datetime | None = None


@router.put("/{case_id}/patient", summary="Assign the case's patient (the clinic's own cases)")
def put_patient(case_id: int, body: PatientUpdate, c: CtxDep):
    """A photo imported without patient details gets them at the clinic; only the
    organisation that owns the case may change them (others get 404), audited."""
    case = load_case(c, case_id, write=True)
    if case.org_id != c.user.org_id:
        raise c.hide("case", case_id)
    previous = case.patient_id
    p = body.patient
    case.patient_id, case.patient_name = p.id, p.name
    case.patient_sex, case.patient_birth_date = p.sex, p.birth_date
    if body.study_time is not None:
        case.study_time = body.study_time.replace(tzinfo=None)
    case.version += 1
    case.updated_at = utcnow()
    c.audit("patient_assign", "case", case.id, patient_id=p.id, previous=previous)
    record_case(c.s, case, "updated")
    return c.done(case_out(case), etag=case.version)


@router.get("/{case_id}/annotations", summary="The case's annotation document (opaque JSON)")
def get_annotations(case_id: int, c: CtxDep):
    load_case(c, case_id)
    ann = c.s.get(Annotation, case_id)
    if ann is None:
        return c.done({"case_id": case_id, "data": None, "version": 0})
    return c.done(annotation_out(ann), etag=ann.version)


@router.put("/{case_id}/annotations", summary="Replace the annotation document (If-Match)")
def put_annotations(case_id: int, body: AnnotationIn, c: CtxDep):
    case = load_case(c, case_id, write=True)
    ann = c.s.get(Annotation, case_id)
    if ann is None:
        sent = c.request.headers.get("if-match", "").strip('W/" ') or body.version
        if sent not in (None, 0, "0"):
            raise ApiError(409, "version_conflict", "no annotations exist yet", current_version=0)
        ann = Annotation(case_id=case_id, data=body.data, updated_by=c.user.id, version=1)
        c.s.add(ann)
    else:
        c.check_version(ann, "annotations", annotation_out, body.version)
        ann.version += 1
        ann.data = body.data
        ann.updated_by = c.user.id
    ann.updated_at = utcnow()
    c.s.flush()
    out = annotation_out(ann)
    record_for_case(c, "annotation", case_id, "updated", out, case, version=ann.version)
    return c.done(out, etag=ann.version)
