"""The local store: database + content-addressed blobs + audit trail.

``Store`` is the one object the UI, the importer and the sync engine share.
It emits ``events.changed`` (with the affected study ids) after each write so
views can refresh; listeners must marshal to their own thread.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import db
from app.blobstore import BlobStore, SeriesFiles
from app.descriptions import stored_description
from app.domain import AuditAction, Status, check_transition
from app.events import EventEmitter
from app.models import (
    AIResult,
    Alert,
    AuditEvent,
    ConsultRequest,
    Patient,
    Series,
    StoredObject,
    Study,
    User,
    WorklistItem,
    utcnow,
)


@dataclass(frozen=True)
class LatestAI:
    """What the worklist and the alert banner show of a study's newest AI result."""

    findings: tuple | None  # None: no AI result at all
    model: str = ""
    hr_bpm: float | None = None
    # an analysis note says part of the record was not measured or not trusted (QT
    # not measurable, limb leads inconsistent, ...): "no finding" holds only for the rest
    limited: bool = False


NO_AI = LatestAI(None)


@dataclass(frozen=True)
class OpenAlert:
    alert_id: int
    study_pk: int
    level: str
    message: str
    created_at: datetime
    patient_name: str
    patient_id: str
    ai_model: str = ""  # "name version" of the AI result behind the alert, if any
    ai_findings: tuple = ()  # see WorklistRow.ai_findings


@dataclass(frozen=True)
class WorklistRow:
    """One flat worklist row, cheap to build for tens of thousands of cases."""

    item_id: int
    study_pk: int
    patient_id: str
    patient_name: str
    sex: str
    birth_date: str
    modality: str
    description: str
    study_time: datetime | None
    status: str
    priority: int
    ai_summary: str
    updated_at: datetime
    is_demo: bool
    # findings of the latest AI result: ({"code", "text", "territory", "leads"}, ...),
    # so the UI can show them in the user's language; None when there is no AI result
    ai_findings: tuple | None = None
    ai_hr: float | None = None  # heart rate of the latest AI result (ECG)
    ai_limited: bool = False  # LatestAI.limited
    unassigned: bool = False  # imported without patient details: the user assigns one
    consult: str = ""  # state of the case's latest consult request (domain.ConsultStatus), or ""


class StoreEvents:
    def __init__(self) -> None:
        self.changed = EventEmitter("changed")
        self.alert = EventEmitter("alert")  # (study_pk, level, message)
        # (study_pk, report_pk, action) after a committed report step in app.reports;
        # action: "create", "edit", "autosave", "confirm", "sign" or "amend"
        self.report = EventEmitter("report")
        # (kind, study_pk) after a sync brought a consult ("consult") or a report
        # signed elsewhere ("report"): desktop notifications
        self.arrived = EventEmitter("arrived")


class Store:
    def __init__(self, db_url: str, data_dir: str | Path) -> None:
        from app.private import private_dir, private_file, private_umask

        private_umask()  # patient data: new files owner-only (POSIX)
        self.data_dir = private_dir(data_dir)
        self.engine = db.make_engine(db_url)
        db.migrate(self.engine)
        if db_url.startswith("sqlite:///"):
            private_file(db_url.removeprefix("sqlite:///"))
        self._sessions = db.session_factory(self.engine)
        self.blobs = BlobStore(self.data_dir / "objects")  # layout before the series level
        self.files = SeriesFiles(self.data_dir)
        self.events = StoreEvents()
        self.user: User | None = None  # who is acting, for the audit trail
        self._write_lock = threading.Lock()
        from app.series import move_legacy_blobs

        move_legacy_blobs(self)

    @classmethod
    def from_settings(cls, settings) -> Store:
        return cls(settings.db_url, settings.data_path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: commits on success, rolls back on error."""
        with self._write_lock, self._sessions() as s, s.begin():
            yield s

    def read_session(self) -> Session:
        return self._sessions()

    def close(self) -> None:
        self.engine.dispose()

    # -- audit -------------------------------------------------------------
    def audit(self, s: Session, action: AuditAction, study_pk: int | None = None, **detail) -> None:
        username = self.user.username if self.user else ""
        s.add(AuditEvent(username=username, action=action.value, study_pk=study_pk, detail=detail))

    def record_view(self, study_pk: int) -> None:
        with self.session() as s:
            self.audit(s, AuditAction.VIEW, study_pk)

    # -- worklist ----------------------------------------------------------
    def worklist_rows(self) -> list[WorklistRow]:
        q = (
            select(
                WorklistItem.id,
                Study.id,
                Patient.patient_id,
                Patient.name,
                Patient.sex,
                Patient.birth_date,
                Study.modality,
                Study.description,
                Study.study_time,
                WorklistItem.status,
                WorklistItem.priority,
                WorklistItem.ai_summary,
                WorklistItem.updated_at,
                Patient.is_demo,
                Patient.unassigned,
                Study.description_facts,
            )
            .join(Study, WorklistItem.study_pk == Study.id)
            .join(Patient, Study.patient_pk == Patient.id)
        )
        with self._sessions() as s:
            latest = self._latest_ai(s)
            consults = self._latest_consult(s)
            rows = []
            for *r, unassigned, facts in s.execute(q):
                r[7] = stored_description(r[7], facts)  # Study.description
                ai = latest.get(r[1], NO_AI)
                rows.append(
                    WorklistRow(
                        *r,
                        ai_findings=ai.findings,
                        ai_hr=ai.hr_bpm,
                        ai_limited=ai.limited,
                        unassigned=bool(unassigned),
                        consult=consults.get(r[1], ""),
                    )
                )
            return rows

    @staticmethod
    def _latest_consult(s: Session) -> dict[int, str]:
        """study_pk -> the state of its newest consult request (one indexed query;
        only cases that were sent for consultation have one)."""
        newest = select(func.max(ConsultRequest.id)).group_by(ConsultRequest.study_pk)
        q = select(ConsultRequest.study_pk, ConsultRequest.status).where(
            ConsultRequest.id.in_(newest)
        )
        return {pk: status or "" for pk, status in s.execute(q)}

    @staticmethod
    def _latest_ai(s: Session, study_pks: list[int] | None = None) -> dict[int, LatestAI]:
        """study_pk -> the findings, model and heart rate of its newest AI result.

        Only the findings are read out of the JSON payload (json_extract on
        SQLite, -> on PostgreSQL), so this stays cheap for 10,000 cases.
        """
        latest = select(func.max(AIResult.id)).group_by(AIResult.study_pk)
        if study_pks is not None:
            latest = latest.where(AIResult.study_pk.in_(study_pks))
        q = select(
            AIResult.study_pk,
            AIResult.payload["findings"],
            AIResult.model_name,
            AIResult.model_version,
            AIResult.payload[("measurements", "hr_bpm")],
            AIResult.payload[("details", "analysis", "warning_codes")],
        ).where(AIResult.id.in_(latest))
        from app.ecg.analysis_notes import limits_codes

        out = {}
        for pk, found, name, version, hr, codes in s.execute(q):
            items = tuple(
                {k: f.get(k) for k in ("code", "text", "territory", "leads")}
                for f in (found or [])
                if isinstance(f, dict)
            )
            try:
                hr = float(hr) if hr is not None else None
            except (TypeError, ValueError):
                hr = None
            out[pk] = LatestAI(items, f"{name} {version}".strip(), hr, limits_codes(codes))
        return out

    def set_status(self, study_pk: int, status: Status) -> None:
        with self.session() as s:
            item = s.scalars(select(WorklistItem).where(WorklistItem.study_pk == study_pk)).one()
            old = Status(item.status)
            if old == status:
                return
            check_transition(old, status)
            item.status = status.value
            item.version += 1
            self.audit(s, AuditAction.STATUS, study_pk, old=old.value, new=status.value)
        self.events.changed.emit([study_pk])

    def study(self, study_pk: int) -> Study:
        with self._sessions() as s:
            st = s.get(Study, study_pk)
            if st is None:
                raise KeyError(study_pk)
            # touch relationships while the session is open
            _ = st.patient, list(st.objects), st.item
            return st

    def object_file(self, obj: StoredObject) -> Path:
        """Where the bytes of ``obj`` are (its series folder, or an older hash-named blob)."""
        return self.files.abspath(obj.path) if obj.path else self.blobs.path_for(obj.sha256)

    def object_paths(self, study_pk: int) -> list[tuple[StoredObject, Path]]:
        with self._sessions() as s:
            objs = s.scalars(
                select(StoredObject)
                .where(StoredObject.study_pk == study_pk)
                .order_by(StoredObject.id)
            ).all()
            return [(o, self.object_file(o)) for o in objs]

    def series_list(self, study_pk: int) -> list[Series]:
        with self._sessions() as s:
            return list(
                s.scalars(select(Series).where(Series.study_pk == study_pk).order_by(Series.id))
            )

    def open_source(self, study_pk: int, series_pk: int | None = None, **options):
        """What the reader that recognised the series opens: an ECG signal, an
        image source, a slide... (see ``app.series.open_series``)."""
        from app.series import open_series

        return open_series(self, study_pk, series_pk, **options)

    def touch(self, study_pk: int) -> None:
        with self.session() as s:
            item = s.scalars(select(WorklistItem).where(WorklistItem.study_pk == study_pk)).one()
            item.updated_at = utcnow()

    # -- alerts ------------------------------------------------------------
    def open_alerts(self) -> list[OpenAlert]:
        """Unacknowledged alerts, newest first."""
        q = (
            select(
                Alert.id,
                Alert.study_pk,
                Alert.level,
                Alert.message,
                Alert.created_at,
                Patient.name,
                Patient.patient_id,
            )
            .join(Study, Alert.study_pk == Study.id)
            .join(Patient, Study.patient_pk == Patient.id)
            .where(Alert.acknowledged_at.is_(None))
            .order_by(Alert.created_at.desc(), Alert.id.desc())
        )
        with self._sessions() as s:
            rows = list(s.execute(q))
            latest = self._latest_ai(s, sorted({r[1] for r in rows}))
            out = []
            for r in rows:
                ai = latest.get(r[1], NO_AI)
                out.append(OpenAlert(*r, ai_model=ai.model, ai_findings=ai.findings or ()))
            return out

    def acknowledge_alert(self, alert_id: int) -> None:
        with self.session() as s:
            alert = s.get(Alert, alert_id)
            if alert is None or alert.acknowledged_at is not None:
                return
            alert.acknowledged_at = utcnow()
            alert.acknowledged_by = self.user.id if self.user else None
            alert.acknowledged_by_name = (
                (self.user.display_name or self.user.username)[:200] if self.user else ""
            )
            self.audit(s, AuditAction.ALERT_ACK, alert.study_pk, alert_id=alert_id)
        self.events.changed.emit([])
