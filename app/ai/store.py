"""AI results and their alerts in the local store.

``save_result`` is the one way a result enters the store (pre-read here, pulled
from the server): a result already present (same uid, or same model and version
on the study) is not added again, and an alert is raised once per critical
finding of a study, keyed by (study, result uid, finding code).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from app.ai.result import AiResult, Source, from_row
from app.domain import AuditAction, Priority, Status
from app.models import AIResult, Alert, Outbox, Patient, Study, WorklistItem, utcnow


def has_model_result(store, study_pk: int, model_id: str, version: str) -> bool:
    with store.read_session() as s:
        return _same_model(s, study_pk, model_id, version) is not None


def _same_model(s, study_pk: int, model_id: str, version: str) -> int | None:
    q = select(AIResult.id).where(
        AIResult.study_pk == study_pk,
        AIResult.model_version == version,
        (AIResult.model_id == model_id) | (AIResult.model_name == model_id),
    )
    return s.scalar(q.limit(1))


def result_of(row: AIResult) -> AiResult:
    """The row as an ``AiResult`` (also rows stored before the one shape existed)."""
    return from_row(row)


def latest_result(store, study_pk: int) -> tuple[int, AiResult] | None:
    with store.read_session() as s:
        row = s.scalars(
            select(AIResult).where(AIResult.study_pk == study_pk).order_by(AIResult.id.desc())
        ).first()
        return (row.id, result_of(row)) if row is not None else None


def add_row(s, study_pk: int, r: AiResult, server_id: int | None = None) -> AIResult | None:
    """Insert the result unless the study has it (same uid, or same model and version:
    except a result that grades an earlier one again, ``AiResult.supersedes``)."""
    if s.scalar(select(AIResult.id).where(AIResult.uid == r.uid)) is not None:
        return None
    if not r.supersedes and _same_model(s, study_pk, r.model.id, r.model.version) is not None:
        return None
    row = AIResult(
        study_pk=study_pk,
        uid=r.uid,
        source=r.source.value,
        analyzer=r.analyzer[:32],
        model_id=r.model.id[:100],
        model_name=r.model.name[:100],
        model_version=r.model.version[:50],
        urgency=r.urgency.value,
        summary=r.summary[:300],
        payload=r.to_dict(),
        created_at=r.created_at,
        server_id=server_id,
    )
    s.add(row)
    s.flush()
    return row


def raise_alerts(s, study_pk: int, r: AiResult) -> list[Alert]:
    """One alert per critical finding (and urgent one, for an analyzer that asks:
    ``app.modalities.alerts_on_urgent``) the study was not alerted for already."""
    from app.modalities import alerts_on_urgent

    made = []
    for f in r.alert_findings(alerts_on_urgent(r.analyzer)):
        code = f.code[:64]
        known = s.scalar(
            select(Alert.id).where(Alert.study_pk == study_pk, Alert.finding_code == code)
        )
        if known is not None:
            continue
        alert = Alert(
            study_pk=study_pk,
            level=r.urgency.value,
            message=f"AI ({r.model.label}): {f.text}"[:500],
            ai_result_uid=r.uid,
            finding_code=code,
        )
        s.add(alert)
        made.append(alert)
    s.flush()
    return made


def _update_item(s, study_pk: int, r: AiResult) -> None:
    item = s.scalars(select(WorklistItem).where(WorklistItem.study_pk == study_pk)).first()
    if item is None:
        return
    item.priority = int(Priority(r.urgency.rank))
    item.ai_summary = r.summary[:300]
    if item.status in (Status.NEW.value, Status.AI_PREREAD.value):
        item.status = Status.AWAITING_REVIEW.value
    item.version += 1


def save_result(store, study_pk: int, r: AiResult, username: str = "") -> bool:
    """Store a result computed here; False when the study already had it.  A result its
    analyzer grades against the patient's prior exam (``follow_up``) is graded first."""
    r = graded_against_prior(store, study_pk, r)
    with store.session() as s:
        row = add_row(s, study_pk, r)
        if row is None:
            return False
        _update_item(s, study_pk, r)
        alerts = raise_alerts(s, study_pk, r)
        store.audit(
            s,
            AuditAction.AI_PREREAD,
            study_pk,
            model=r.model.name,
            version=r.model.version,
            urgency=r.urgency.value,
        )
        if r.source == Source.CLINIC and _on_server(s, study_pk):
            from app.sync.outbox import enqueue

            enqueue(s, "ai_result.create", {"ai_result_pk": row.id}, username, study_pk)
        raised = [(a.level, a.message) for a in alerts]
    for level, message in raised:
        store.events.alert.emit(study_pk, level, message)
    _hook(store, study_pk, r, "on_stored")
    return True


def graded_against_prior(store, study_pk: int, r: AiResult) -> AiResult:
    """``r`` through its analyzer's ``follow_up`` hook (a result computed here only: a
    pulled one was graded where it was made).  A hook that fails leaves ``r`` as the
    analyzer made it (logged): the result itself is never lost for its prior."""
    out = _hook(store, study_pk, r, "follow_up")
    return r if out is None else out


def _hook(store, study_pk: int, r: AiResult, which: str):
    """Call the analyzer's ``follow_up`` / ``on_stored`` hook for a result computed here
    (a pulled one was graded where it was made); a hook that fails is logged and gives
    None: the result is stored (and stays stored) whatever its prior does."""
    import importlib
    import logging

    from app.modalities import analyzer_spec

    spec = analyzer_spec(r.analyzer)
    target = getattr(spec, which, "") if spec is not None else ""
    if not target or r.source != Source.CLINIC:
        return None
    module, name = target.split(":")
    try:
        return getattr(importlib.import_module(module), name)(store, study_pk, r)
    except Exception as err:  # noqa: BLE001 (a prior that cannot be read: baseline grade)
        if type(err).__name__ == "Cancelled":
            raise
        logging.getLogger(__name__).warning("%s of study %s failed: %s", which, study_pk, err)
        return None


def _on_server(s, study_pk: int) -> bool:
    """The case exists on the server or is queued to be created there."""
    if s.scalar(select(Study.server_id).where(Study.id == study_pk)) is not None:
        return True
    q = select(Outbox.id).where(
        Outbox.kind == "case.create", Outbox.study_pk == study_pk, Outbox.state == "pending"
    )
    return s.scalar(q.limit(1)) is not None


@dataclass(frozen=True)
class AckedAlert:
    """An acknowledged alert: who (the name the acknowledging side knows) and when (UTC)."""

    alert_id: int
    study_pk: int
    message: str
    finding_code: str
    acknowledged_by: str
    acknowledged_at: datetime
    patient_name: str = ""
    patient_id: str = ""
    level: str = "critical"  # critical | urgent


def _acked(q) -> list[AckedAlert]:
    return [AckedAlert(*r) for r in q]


def _acked_query():
    return (
        select(
            Alert.id,
            Alert.study_pk,
            Alert.message,
            Alert.finding_code,
            Alert.acknowledged_by_name,
            Alert.acknowledged_at,
            Patient.name,
            Patient.patient_id,
            Alert.level,
        )
        .join(Study, Alert.study_pk == Study.id)
        .join(Patient, Study.patient_pk == Patient.id)
        .where(Alert.acknowledged_at.is_not(None))
    )


def recent_acks(store, minutes: float = 30.0) -> list[AckedAlert]:
    """Alerts acknowledged in the last ``minutes`` (the banner says who and when), newest first."""
    since = utcnow() - timedelta(minutes=minutes)
    q = _acked_query().where(Alert.acknowledged_at >= since)
    with store.read_session() as s:
        return _acked(s.execute(q.order_by(Alert.acknowledged_at.desc(), Alert.id.desc())))


def acknowledged_alerts(store, study_pk: int) -> list[AckedAlert]:
    """The case's acknowledged alerts, oldest first (the case timeline)."""
    q = _acked_query().where(Alert.study_pk == study_pk)
    with store.read_session() as s:
        return _acked(s.execute(q.order_by(Alert.acknowledged_at, Alert.id)))
