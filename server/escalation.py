"""Escalates critical alerts nobody acknowledged in time.

A background thread looks every ``escalation_check_s`` seconds for critical
alerts without acknowledgement whose last escalation (or creation) is older
than ``escalate_after_s``; each such alert gets ``escalation_level + 1`` and an
``escalated`` change, which the SSE stream pushes to everyone who may see the
case (the clinic, the consulted specialists, admins).  Levels stop at 3.
It runs in the server on SQLite and in ``huizhen-server worker`` on PostgreSQL,
where the due alerts are taken with ``FOR UPDATE SKIP LOCKED`` (several workers
never escalate one alert twice).
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from server.actions import record_alert
from server.models import Alert, AuditEntry, Case, utcnow

log = logging.getLogger("huizhen.server.escalation")
MAX_LEVEL = 3


def escalate_due(s: Session, after_s: float) -> list[int]:
    """Escalate the alerts that are due; returns their ids (caller commits)."""
    cutoff = utcnow() - timedelta(seconds=after_s)
    last = func.coalesce(Alert.escalated_at, Alert.created_at)
    q = select(Alert).where(
        Alert.severity == "critical",
        Alert.acknowledged_at.is_(None),
        Alert.escalation_level < MAX_LEVEL,
        last <= cutoff,
    )
    done = []
    # several workers (nodes) may look at once: each alert is escalated by one of them
    for alert in s.scalars(q.order_by(Alert.id).with_for_update(skip_locked=True)):
        alert.escalation_level += 1
        alert.escalated_at = utcnow()
        alert.version += 1
        record_alert(s, alert, s.get(Case, alert.case_id), "escalated")
        s.add(
            AuditEntry(
                action="escalate",
                resource="alert",
                resource_id=str(alert.id),
                detail={"level": alert.escalation_level},
            )
        )
        done.append(alert.id)
    return done


class Escalator:
    def __init__(self, sessions: sessionmaker[Session], after_s: float, every_s: float) -> None:
        self.sessions, self.after_s, self.every_s = sessions, after_s, every_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="escalation", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stop.wait(self.every_s):
            try:
                with self.sessions() as s:
                    ids = escalate_due(s, self.after_s)
                    s.commit()
                if ids:
                    log.warning("escalated unacknowledged critical alerts %s", ids)
            except Exception:
                log.exception("escalation pass failed")
