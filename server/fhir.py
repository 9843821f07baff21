"""FHIR R4 export of a consult: Bundle(Patient, ServiceRequest, Task, DiagnosticReport).

Plain R4 JSON (no FHIR library at run time).  The consult request is the
ServiceRequest; its workflow state is the Task (``businessStatus`` keeps our
own status, ``note`` the timeline); the report, once started, is the
DiagnosticReport (``preliminary`` while a draft, ``final`` once signed).
"""

from __future__ import annotations

import base64
import uuid

from server.models import Case, Consult, ConsultEvent, Organisation, Report, User, utcnow
from server.serialize import ts

SR_STATUS = {
    "sent": "active",
    "accepted": "active",
    "in_review": "active",
    "reported": "completed",
    "cancelled": "revoked",
}
TASK_STATUS = {
    "sent": "requested",
    "accepted": "accepted",
    "in_review": "in-progress",
    "reported": "completed",
    "cancelled": "cancelled",
}
PRIORITY = {"routine": "routine", "urgent": "urgent", "critical": "stat"}
GENDER = {"M": "male", "F": "female", "O": "other"}
NS = uuid.UUID("6f1d3c1e-5d1b-4b0e-9a55-6b7a3c2e9d10")


def _urn(kind: str, ident) -> str:
    return f"urn:uuid:{uuid.uuid5(NS, f'{kind}/{ident}')}"


def _who(users: dict[int, User], user_id: int | None) -> dict | None:
    user = users.get(user_id) if user_id is not None else None
    if user is None:
        return None
    return {"display": user.display_name or user.username, "identifier": {"value": user.username}}


def _date(dicom_da: str) -> str | None:
    if len(dicom_da) == 8 and dicom_da.isdigit():
        return f"{dicom_da[:4]}-{dicom_da[4:6]}-{dicom_da[6:]}"
    return None


def patient(case: Case, org: Organisation | None) -> dict:
    res = {
        "resourceType": "Patient",
        "id": f"case-{case.id}-patient",
        "identifier": [
            {"system": f"urn:huizhen:{org.code if org else 'org'}:mrn", "value": case.patient_id}
        ],
        "name": [{"text": case.patient_name}] if case.patient_name else [],
        "gender": GENDER.get(case.patient_sex, "unknown"),
    }
    if birth := _date(case.patient_birth_date):
        res["birthDate"] = birth
    return res


def service_request(consult: Consult, case: Case, users, orgs, patient_ref: str) -> dict:
    target_org = orgs.get(consult.target_org_id)
    performer = [{"display": consult.target_department}] if consult.target_department else []
    if who := _who(users, consult.target_user_id):
        performer.insert(0, who)
    res = {
        "resourceType": "ServiceRequest",
        "id": f"consult-{consult.id}",
        "identifier": [{"system": "urn:huizhen:consult", "value": str(consult.id)}],
        "status": SR_STATUS[consult.status],
        "intent": "order",
        "priority": PRIORITY.get(consult.urgency, "routine"),
        "category": [
            {
                "coding": [
                    {
                        "system": "http://snomed.info/sct",
                        "code": "11429006",
                        "display": "Consultation",
                    }
                ]
            }
        ],
        "code": {"text": f"Remote consultation ({case.modality}) - {consult.target_department}"},
        "subject": {"reference": patient_ref},
        "authoredOn": ts(consult.created_at),
        "requester": _who(users, consult.requester_id),
        "performer": performer,
        "reasonCode": [{"text": consult.question}],
        "note": [{"text": consult.question}],
    }
    if target_org is not None:
        res["locationCode"] = [{"text": target_org.name}]
    if case.study_uid:
        res["supportingInfo"] = [
            {
                "type": "ImagingStudy",
                "identifier": {"system": "urn:dicom:uid", "value": f"urn:oid:{case.study_uid}"},
            }
        ]
    return {k: v for k, v in res.items() if v is not None}


def task(consult, timeline, users, sr_ref, patient_ref, report_ref) -> dict:
    res = {
        "resourceType": "Task",
        "id": f"consult-{consult.id}-task",
        "status": TASK_STATUS[consult.status],
        "businessStatus": {"text": consult.status},
        "intent": "order",
        "priority": PRIORITY.get(consult.urgency, "routine"),
        "basedOn": [{"reference": sr_ref}],
        "focus": {"reference": sr_ref},
        "for": {"reference": patient_ref},
        "authoredOn": ts(consult.created_at),
        "lastModified": ts(consult.updated_at),
        "requester": _who(users, consult.requester_id),
        "owner": _who(users, consult.assignee_id or consult.target_user_id),
        "note": [
            {"time": ts(e.at), "text": f"{e.status}{': ' + e.note if e.note else ''}"}
            for e in timeline
        ],
    }
    if report_ref:
        res["output"] = [
            {"type": {"text": "consultation report"}, "valueReference": {"reference": report_ref}}
        ]
    return {k: v for k, v in res.items() if v is not None}


def diagnostic_report(report: Report, users, sr_ref, patient_ref) -> dict:
    signed = report.state == "signed"
    res = {
        "resourceType": "DiagnosticReport",
        "id": f"report-{report.id}",
        "status": "final" if signed else "preliminary",
        "basedOn": [{"reference": sr_ref}],
        "code": {"text": "Consultation report"},
        "subject": {"reference": patient_ref},
        "issued": ts(report.signed_at or report.updated_at),
        "conclusion": report.conclusion or None,
        "presentedForm": [
            {
                "contentType": "text/plain; charset=utf-8",
                "data": base64.b64encode(report.text.encode("utf-8")).decode("ascii"),
            }
        ],
    }
    if who := _who(users, report.signed_by if signed else report.author_id):
        res["resultsInterpreter" if signed else "performer"] = [who]
    return {k: v for k, v in res.items() if v is not None}


def consult_bundle(
    consult: Consult,
    case: Case,
    timeline: list[ConsultEvent],
    report: Report | None,
    users: dict[int, User],
    orgs: dict[int, Organisation],
) -> dict:
    refs = {
        "patient": _urn("patient", case.id),
        "sr": _urn("consult", consult.id),
        "task": _urn("task", consult.id),
        "report": _urn("report", report.id) if report else None,
    }
    entries = [
        (refs["patient"], patient(case, orgs.get(case.org_id))),
        (refs["sr"], service_request(consult, case, users, orgs, refs["patient"])),
        (refs["task"], task(consult, timeline, users, refs["sr"], refs["patient"], refs["report"])),
    ]
    if report is not None:
        entries.append(
            (refs["report"], diagnostic_report(report, users, refs["sr"], refs["patient"]))
        )
    return {
        "resourceType": "Bundle",
        "id": f"consult-{consult.id}-export",
        "type": "collection",
        "timestamp": ts(utcnow()),
        "entry": [{"fullUrl": url, "resource": res} for url, res in entries],
    }
