"""JSON shapes of the API resources (also stored as change snapshots)."""

from __future__ import annotations

from datetime import datetime

from app.ai.result import from_row
from server import models as m


def ts(value: datetime | None) -> str | None:
    return value.isoformat(timespec="milliseconds") + "Z" if value else None


def org_out(o: m.Organisation) -> dict:
    return {
        "id": o.id,
        "code": o.code,
        "name": o.name,
        "kind": o.kind,
        "departments": list(o.departments or []),
        "is_demo": o.is_demo,
    }


def user_out(u: m.User) -> dict:
    return {
        "id": u.id,
        "username": u.username,
        "display_name": u.display_name,
        "role": u.role,
        "org_id": u.org_id,
        "department": u.department,
        "active": u.active,
        "version": u.version,
        "locked_until": ts(u.locked_until) if u.locked_until else None,
    }


def case_out(c: m.Case) -> dict:
    return {
        "id": c.id,
        "org_id": c.org_id,
        "created_by": c.created_by,
        "patient": {
            "id": c.patient_id,
            "name": c.patient_name,
            "sex": c.patient_sex,
            "birth_date": c.patient_birth_date,
        },
        "study": {
            "uid": c.study_uid,
            "description": c.study_description,
            "description_facts": c.study_description_facts,
            "time": ts(c.study_time),
        },
        "modality": c.modality,
        "status": c.status,
        "priority": c.priority,
        "version": c.version,
        "created_at": ts(c.created_at),
        "updated_at": ts(c.updated_at),
    }


# why an object was not pre-read, for the states that need saying (server/preread_products.py)
PREREAD_NOTES = {"unsubscribed": "no subscribed AI product for this modality"}


def object_out(o: m.StoredObject) -> dict:
    body = {
        "id": o.id,
        "case_id": o.case_id,
        "filename": o.filename,
        "size": o.size,
        "sha256": o.sha256,
        "modality": o.modality,
        "preread_state": o.preread_state,
        "created_at": ts(o.created_at),
    }
    if o.preread_state in PREREAD_NOTES:
        body["preread_note"] = PREREAD_NOTES[o.preread_state]
    return body


def upload_out(u: m.Upload, offset: int) -> dict:
    return {
        "id": u.id,
        "case_id": u.case_id,
        "filename": u.filename,
        "size": u.size,
        "sha256": u.sha256,
        "offset": offset,
        "complete": u.object_id is not None,
        "object_id": u.object_id,
    }


def ai_out(r: m.AIResult) -> dict:
    """The result in the one AI result shape (``app.ai.AiResult.to_dict()``) plus its ids."""
    data = dict(r.payload or {})
    if not data.get("uid"):  # a row stored before the one shape existed
        legacy = {"findings": r.findings, "details": r.details}
        data = from_row(r, legacy).to_dict()
    return {**data, "id": r.id, "case_id": r.case_id, "object_id": r.object_id}


def consult_out(c: m.Consult, timeline: list[m.ConsultEvent] | None = None) -> dict:
    out = {
        "id": c.id,
        "case_id": c.case_id,
        "requester_id": c.requester_id,
        "question": c.question,
        "urgency": c.urgency,
        "target_department": c.target_department,
        "target_user_id": c.target_user_id,
        "assignee_id": c.assignee_id,
        "status": c.status,
        "version": c.version,
        "created_at": ts(c.created_at),
        "updated_at": ts(c.updated_at),
        "draft": c.draft,
    }
    if timeline is not None:
        out["timeline"] = [
            {"status": e.status, "user_id": e.user_id, "note": e.note, "at": ts(e.at)}
            for e in timeline
        ]
    return out


def report_out(r: m.Report) -> dict:
    return {
        "id": r.id,
        "case_id": r.case_id,
        "consult_id": r.consult_id,
        "author_id": r.author_id,
        "text": r.text,
        "conclusion": r.conclusion,
        "state": r.state,
        "signed_by": r.signed_by,
        "signed_at": ts(r.signed_at),
        "version": r.version,
        "created_at": ts(r.created_at),
        "updated_at": ts(r.updated_at),
        "template": r.template or "",
        "fields": r.fields,
    }


def alert_out(a: m.Alert) -> dict:
    return {
        "id": a.id,
        "case_id": a.case_id,
        "severity": a.severity,
        "message": a.message,
        "source": a.source,
        "created_by": a.created_by,
        "acknowledged_by": a.acknowledged_by,
        "acknowledged_by_name": a.acknowledged_by_name,
        "acknowledged_at": ts(a.acknowledged_at),
        "ai_result_uid": a.ai_result_uid,
        "finding_code": a.finding_code,
        "escalation_level": a.escalation_level,
        "escalated_at": ts(a.escalated_at),
        "version": a.version,
        "created_at": ts(a.created_at),
    }


def annotation_out(a: m.Annotation) -> dict:
    return {
        "case_id": a.case_id,
        "data": a.data,
        "updated_by": a.updated_by,
        "version": a.version,
        "updated_at": ts(a.updated_at),
    }
