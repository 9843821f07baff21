"""What the UI shows about a case's link to the server (read-only helpers, Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from app.descriptions import stored_description
from app.modalities import DESCRIPTORS
from app.models import AIResult, ConsultRequest, Outbox, Study
from app.sync.consults import confirmed_draft, department_members

DEFAULT_DEPARTMENTS = ["cardiology", "radiology", "pathology", "ophthalmology"]
# the department a consult goes to by default, from the modality descriptors
DEPARTMENT_FOR = {m.value: d.department for m, d in DESCRIPTORS.items() if d.department}


@dataclass
class AiSummary:
    model: str
    version: str
    urgency: str
    summary: str
    findings: list[str]

    def text(self) -> str:
        """The block attached to a consult request, labelled as AI output."""
        head = f"AI ({self.model} {self.version}".strip() + f"), {self.urgency}: {self.summary}"
        return "\n".join([head, *(f"- {f}" for f in self.findings)])


@dataclass
class ConsultPrefill:
    study_pk: int
    patient_name: str
    patient_id: str
    sex: str
    birth_date: str
    modality: str
    description: str
    study_time: datetime | None
    server_case_id: int | None
    study_uid: str
    ai: AiSummary | None
    departments: list[str]
    department: str
    urgency: str
    specialists: list[dict] = field(default_factory=list)  # the server's directory
    draft: dict | None = None  # this doctor's confirmed report, sent along if they agree
    members: dict[str, int] = field(default_factory=dict)  # department -> active specialists


@dataclass
class ConsultView:
    consult_pk: int
    status: str
    urgency: str
    target: str
    question: str
    queued: bool  # not yet accepted by the server
    timeline: list[dict] = field(default_factory=list)
    department: str = ""
    specialist: str = ""


def _finding_text(f) -> str:
    if isinstance(f, dict):
        return str(f.get("text") or f.get("label") or f.get("code") or "")
    return str(f)


def latest_ai(s, study_pk: int) -> AiSummary | None:
    q = select(AIResult).where(AIResult.study_pk == study_pk)
    ai = s.scalars(q.order_by(AIResult.created_at.desc(), AIResult.id.desc())).first()
    if ai is None:
        return None
    findings = [t for t in map(_finding_text, (ai.payload or {}).get("findings") or []) if t]
    return AiSummary(ai.model_name, ai.model_version, ai.urgency, ai.summary, findings)


def departments(directory: dict) -> list[str]:
    out: list[str] = []
    for org in directory.get("organisations") or []:
        for d in org.get("departments") or []:
            if d not in out:
                out.append(d)
    return out or list(DEFAULT_DEPARTMENTS)


def consult_prefill(store, study_pk: int, directory: dict | None = None) -> ConsultPrefill:
    with store.read_session() as s:
        st = s.get(Study, study_pk)
        if st is None:
            raise KeyError(study_pk)
        p = st.patient
        ai = latest_ai(s, study_pk)
        depts = departments(directory or {})
        dept = DEPARTMENT_FOR.get(st.modality, "")
        urgency = ai.urgency if ai and ai.urgency in ("urgent", "critical") else "routine"
        return ConsultPrefill(
            study_pk, p.name, p.patient_id, p.sex, p.birth_date, st.modality,
            stored_description(st.description, st.description_facts),
            st.study_time, st.server_id, st.uid, ai, depts, dept if dept in depts else depts[0],
            urgency, list((directory or {}).get("specialists") or []),
            confirmed_draft(store, study_pk), department_members(directory or {}),
        )  # fmt: skip


def consults_of(store, study_pk: int) -> list[ConsultView]:
    with store.read_session() as s:
        rows = s.scalars(
            select(ConsultRequest)
            .where(ConsultRequest.study_pk == study_pk)
            .order_by(ConsultRequest.id)
        ).all()
        out = []
        for c in rows:
            target = c.target_department + (f" / {c.target_user}" if c.target_user else "")
            out.append(ConsultView(c.id, c.status, c.urgency, target, c.question,
                                   c.server_id is None, list(c.timeline or []),
                                   c.target_department, c.target_user))  # fmt: skip
        return out


def outbox_rows(store, kind: str | None = None) -> list[Outbox]:
    with store.read_session() as s:
        q = select(Outbox).order_by(Outbox.id)
        if kind:
            q = q.where(Outbox.kind == kind)
        return list(s.scalars(q))
