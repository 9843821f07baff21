"""Critical alerts: raised by the AI pre-read or a user, acknowledged by a person."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field
from sqlalchemy import select

from app.ai.result import parse_time
from app.domain import AuditAction
from server.access import visible_case_ids
from server.actions import acknowledge as ack_alert
from server.actions import create_alert
from server.deps import CtxDep
from server.errors import ApiError, not_found
from server.models import Alert
from server.routes.common import load_case
from server.serialize import alert_out

router = APIRouter(prefix="/api/v1", tags=["alerts"])


class AlertIn(BaseModel):
    severity: Literal["critical", "urgent"] = "critical"
    message: str = Field(min_length=1, max_length=2000)


@router.post("/cases/{case_id}/alerts", status_code=201, summary="Raise an alert on a case")
def raise_alert(case_id: int, body: AlertIn, c: CtxDep):
    case = load_case(c, case_id, write=True)
    alert = create_alert(c.s, case, body.severity, body.message, "user", c.user.id)
    return c.done(alert_out(alert), 201, etag=alert.version)


@router.get("/alerts", summary="Alerts on cases the caller may see, newest first")
def list_alerts(c: CtxDep, unacknowledged: bool = False):
    q = select(Alert).where(Alert.case_id.in_(visible_case_ids(c.user)))
    if unacknowledged:
        q = q.where(Alert.acknowledged_at.is_(None))
    rows = c.s.scalars(q.order_by(Alert.id.desc()).limit(500))
    return c.done({"alerts": [alert_out(a) for a in rows]})


class AckIn(BaseModel):
    acknowledged_at: str | None = Field(
        None, description="when the person acknowledged it (a workstation that was offline)"
    )


@router.post("/alerts/{alert_id}/ack", summary="Acknowledge an alert (stores who and when)")
def acknowledge(alert_id: int, c: CtxDep, body: AckIn | None = None):
    alert = c.s.get(Alert, alert_id)
    if alert is None:
        raise not_found("alert", alert_id)
    case = load_case(c, alert.case_id, write=True, shown=("alert", alert_id))
    if alert.acknowledged_at is not None:
        raise ApiError(
            409,
            "already_acknowledged",
            "this alert was already acknowledged",
            current_version=alert.version,
            current=alert_out(alert),
        )
    when = parse_time(body.acknowledged_at) if body is not None else None
    ack_alert(c.s, alert, case, c.user.id, c.user.display_name or c.user.username, when)
    c.audit(AuditAction.ALERT_ACK, "alert", alert.id, case_id=case.id)
    return c.done(alert_out(alert), etag=alert.version)
