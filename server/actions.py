"""Writes shared by routes and background workers (pre-read, escalation).

Each function changes rows and records the matching changes; the caller
commits.  They take a Session, not a request, so worker threads use them too.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain import Status, TransitionError
from server.changes import record
from server.models import Alert, Case, Consult, ConsultEvent, utcnow
from server.serialize import alert_out, case_out, consult_out
from server.workflow import CONSULT_TRANSITIONS, move


def record_case(s: Session, case: Case, op: str = "updated") -> None:
    record(
        s,
        "case",
        case.id,
        op,
        case_out(case),
        version=case.version,
        case_id=case.id,
        org_id=case.org_id,
    )


def move_case(s: Session, case: Case, new: Status) -> bool:
    """Walk the case to ``new`` if the lifecycle allows; True when it changed."""
    try:
        steps = move(case, new)
    except TransitionError:
        return False
    if steps:
        case.version += 1
        case.updated_at = utcnow()
        record_case(s, case)
    return bool(steps)


def raise_priority(s: Session, case: Case, priority: int) -> bool:
    if priority >= case.priority:
        return False
    case.priority = int(priority)
    case.version += 1
    case.updated_at = utcnow()
    record_case(s, case)
    return True


def record_consult(s: Session, consult: Consult, case: Case, op: str) -> None:
    record(
        s,
        "consult",
        consult.id,
        op,
        consult_out(consult),
        version=consult.version,
        case_id=case.id,
        org_id=case.org_id,
        consult=consult,
    )


def consult_step(
    s: Session, consult: Consult, case: Case, new: str, user_id: int | None, note: str = ""
) -> None:
    """Move a consult to ``new`` (walking through allowed steps) with timeline rows."""
    if new == consult.status:
        return
    path = _consult_path(consult.status, new)
    if path is None:
        raise TransitionError(f"a consult cannot go from {consult.status} to {new}")
    for step in path:
        consult.status = step
        s.add(ConsultEvent(consult_id=consult.id, user_id=user_id, status=step, note=note))
    consult.version += 1
    consult.updated_at = utcnow()
    record_consult(s, consult, case, "updated")


def _consult_path(old: str, new: str) -> list[str] | None:
    if new in CONSULT_TRANSITIONS[old]:
        return [new]
    for mid in sorted(CONSULT_TRANSITIONS[old]):
        if new in CONSULT_TRANSITIONS[mid] and mid != "cancelled":
            return [mid, new]
    return None


def create_alert(
    s: Session,
    case: Case,
    severity: str,
    message: str,
    source: str,
    user_id: int | None,
    ai_result_uid: str | None = None,
    finding_code: str = "",
) -> Alert:
    alert = Alert(
        case_id=case.id,
        severity=severity,
        message=message,
        source=source,
        created_by=user_id,
        created_at=utcnow(),
        ai_result_uid=ai_result_uid,
        finding_code=finding_code,
    )
    s.add(alert)
    s.flush()
    record_alert(s, alert, case, "created")
    return alert


def acknowledge(
    s: Session, alert: Alert, case: Case, user_id: int | None, name: str, at=None
) -> None:
    """The first acknowledgement wins (escalation stops there); who and when are kept."""
    if alert.acknowledged_at is not None:
        return
    alert.acknowledged_by = user_id
    alert.acknowledged_by_name = name[:200]
    now = utcnow()
    alert.acknowledged_at = min(max(at, alert.created_at or at), now) if at is not None else now
    alert.version += 1
    record_alert(s, alert, case, "acknowledged")


def record_alert(s: Session, alert: Alert, case: Case, op: str) -> None:
    record(
        s,
        "alert",
        alert.id,
        op,
        alert_out(alert),
        version=alert.version,
        case_id=case.id,
        org_id=case.org_id,
    )
