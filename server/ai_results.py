"""AI results on the server: one shape (``app.ai.AiResult``) for results computed
here and results a clinic sends with its case, and the alerts they raise.

A result already on the case (same uid, or same model and version unless it grades
an earlier one again: ``AiResult.supersedes``) is not added again; an alert is raised once per critical finding of a case, keyed by
(case, AI result uid, finding code), and created acknowledged when the clinic
acknowledged it before the case reached the server (so it never escalates).
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.ai.result import AiResult, parse_time
from app.domain import Priority, Status
from server.actions import create_alert, move_case, raise_priority
from server.changes import record
from server.models import AIResult, Alert, Case
from server.serialize import ai_out


def same_model(s: Session, case_id: int, model_id: str, version: str) -> AIResult | None:
    q = select(AIResult).where(
        AIResult.case_id == case_id,
        AIResult.model_version == version,
        or_(AIResult.model_id == model_id, AIResult.model_name == model_id),
    )
    return s.scalars(q.order_by(AIResult.id)).first()


def existing(s: Session, case_id: int, r: AiResult) -> AIResult | None:
    row = s.scalar(select(AIResult).where(AIResult.uid == r.uid))
    if row is not None:
        return row if row.case_id == case_id else None
    if r.supersedes:  # graded again (a prior arrived later): a new result of the same model
        return None
    return same_model(s, case_id, r.model.id, r.model.version)


def add_result(
    s: Session,
    case: Case,
    r: AiResult,
    object_id: int | None,
    acks: dict[str, dict] | None = None,
    user_id: int | None = None,
) -> tuple[AIResult, bool]:
    """Store ``r`` on ``case`` (caller commits); (row, False) when it was there."""
    row = existing(s, case.id, r)
    if row is not None:
        return row, False
    data = r.to_dict()
    row = AIResult(
        case_id=case.id,
        object_id=object_id,
        uid=r.uid,
        source=r.source.value,
        model_id=r.model.id[:100],
        urgency=r.urgency.value,
        summary=r.summary,
        findings=data["findings"],
        details=data["details"],
        model_name=r.model.name[:100],
        model_version=r.model.version[:50],
        payload=data,
        created_at=r.created_at,
    )
    s.add(row)
    s.flush()
    record(s, "ai_result", row.id, "created", ai_out(row), case_id=case.id, org_id=case.org_id)
    raise_priority(s, case, Priority(r.urgency.rank))  # not graded: looked at soon
    if case.status in (Status.NEW, Status.AI_PREREAD):
        move_case(s, case, Status.AWAITING_REVIEW)
    raise_alerts(s, case, r, acks or {}, user_id)
    return row, True


def raise_alerts(s: Session, case: Case, r: AiResult, acks: dict[str, dict], user_id) -> None:
    from app.modalities import alerts_on_urgent

    for f in r.alert_findings(alerts_on_urgent(r.analyzer)):
        code = f.code[:64]
        known = s.scalar(
            select(Alert.id).where(Alert.case_id == case.id, Alert.finding_code == code)
        )
        if known is not None:
            continue
        message = f"AI pre-read ({r.model.label}): {f.text}".strip()
        alert = create_alert(
            s, case, r.urgency.value, message, "ai", None, ai_result_uid=r.uid, finding_code=code
        )
        ack = acks.get(code)
        if ack:
            from server.actions import acknowledge

            when = parse_time(ack.get("acknowledged_at"))
            acknowledge(s, alert, case, user_id, str(ack.get("acknowledged_by_name") or ""), when)
