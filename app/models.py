"""SQLAlchemy 2 ORM for the local store (SQLite by default, PostgreSQL too).

Schema changes go through Alembic migrations in ``app/migrations``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.ormbase import NAMING, utcnow


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Organisation(Base):
    __tablename__ = "organisations"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))  # domain.OrgKind


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))  # domain.Role
    org_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    department: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    org: Mapped[Organisation | None] = relationship()


class Patient(Base):
    __tablename__ = "patients"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[str] = mapped_column(String(64), unique=True)  # MRN / DICOM PatientID
    name: Mapped[str] = mapped_column(String(200), default="")
    sex: Mapped[str] = mapped_column(String(1), default="")
    birth_date: Mapped[str] = mapped_column(String(8), default="")  # DICOM DA, may be empty
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    # a file without patient details (a bare photo): the user assigns the patient later
    unassigned: Mapped[bool] = mapped_column(Boolean, default=False)


class Study(Base):
    __tablename__ = "studies"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(128), unique=True)
    patient_pk: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    modality: Mapped[str] = mapped_column(String(8), index=True)  # domain.Modality
    description: Mapped[str] = mapped_column(String(300), default="")
    # a description the reader made up, as coded parts (app.descriptions) the UI
    # shows in the user's language; None when the text is data (or from before)
    description_facts: Mapped[list | None] = mapped_column(JSON, default=None)
    study_time: Mapped[datetime | None] = mapped_column(DateTime)
    org_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    patient: Mapped[Patient] = relationship()
    objects: Mapped[list[StoredObject]] = relationship(back_populates="study")
    series: Mapped[list[Series]] = relationship(back_populates="study", order_by="Series.id")
    item: Mapped[WorklistItem | None] = relationship(back_populates="study", uselist=False)
    # regional server (sync): the server case id, set once the case exists there
    server_id: Mapped[int | None] = mapped_column(Integer, index=True, unique=True)


class Series(Base):
    """One series (DICOM series, WFDB record, slide, photo) of a study.

    ``reader`` is the reader that recognised it: the one that opens it again
    (``Store.open_source``).  Its files live in ``series/<id>/`` under the data
    folder with their original names, so multi-file formats reopen.
    """

    __tablename__ = "series"
    id: Mapped[int] = mapped_column(primary_key=True)
    study_pk: Mapped[int] = mapped_column(ForeignKey("studies.id"), index=True)
    uid: Mapped[str] = mapped_column(String(128), index=True)  # DICOM SeriesInstanceUID or made
    modality: Mapped[str] = mapped_column(String(8))
    description: Mapped[str] = mapped_column(String(300), default="")
    reader: Mapped[str] = mapped_column(String(64), default="")
    meta: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    study: Mapped[Study] = relationship(back_populates="series")
    objects: Mapped[list[StoredObject]] = relationship(
        back_populates="series", order_by="StoredObject.id"
    )


class StoredObject(Base):
    """One file of a series, stored under its original name (``path``).

    ``sha256`` identifies the content (re-import is a no-op); ``path`` is
    relative to the data folder (``series/<series id>/<name>``).  Rows from
    before the series level keep ``path`` empty until ``Store`` moves their
    hash-named blob into the series folder.
    """

    __tablename__ = "objects"
    id: Mapped[int] = mapped_column(primary_key=True)
    study_pk: Mapped[int] = mapped_column(ForeignKey("studies.id"), index=True)
    series_pk: Mapped[int | None] = mapped_column(ForeignKey("series.id"), index=True)
    path: Mapped[str | None] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    size: Mapped[int] = mapped_column(Integer)
    reader: Mapped[str] = mapped_column(String(64))
    meta: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    study: Mapped[Study] = relationship(back_populates="objects")
    series: Mapped[Series | None] = relationship(back_populates="objects")
    server_id: Mapped[int | None] = mapped_column(Integer, index=True)  # uploaded / pulled


class WorklistItem(Base):
    __tablename__ = "worklist_items"
    __table_args__ = (Index("ix_worklist_prio_time", "priority", "updated_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    study_pk: Mapped[int] = mapped_column(ForeignKey("studies.id"), unique=True)
    status: Mapped[str] = mapped_column(String(32), index=True)  # domain.Status
    priority: Mapped[int] = mapped_column(Integer, default=2)  # domain.Priority
    ai_summary: Mapped[str] = mapped_column(String(300), default="")
    assigned_to: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    study: Mapped[Study] = relationship(back_populates="item")
    server_version: Mapped[int | None] = mapped_column(Integer)  # case version last pulled


class AIResult(Base):
    """One ``app.ai.AiResult``: ``payload`` is its ``to_dict()``; the columns repeat
    what lists and look-ups need.  ``uid`` is the same on the workstation and the server."""

    __tablename__ = "ai_results"
    id: Mapped[int] = mapped_column(primary_key=True)
    study_pk: Mapped[int] = mapped_column(ForeignKey("studies.id"), index=True)
    uid: Mapped[str | None] = mapped_column(String(32), unique=True)
    source: Mapped[str] = mapped_column(String(8), default="clinic")  # clinic | server
    analyzer: Mapped[str] = mapped_column(String(32), default="")
    model_id: Mapped[str] = mapped_column(String(100), default="")
    model_name: Mapped[str] = mapped_column(String(100))
    model_version: Mapped[str] = mapped_column(String(50))
    urgency: Mapped[str] = mapped_column(String(16), default="routine")
    summary: Mapped[str] = mapped_column(String(300), default="")
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    server_id: Mapped[int | None] = mapped_column(Integer, index=True, unique=True)


class Report(Base):
    __tablename__ = "reports"
    id: Mapped[int] = mapped_column(primary_key=True)
    study_pk: Mapped[int] = mapped_column(ForeignKey("studies.id"), index=True)
    state: Mapped[str] = mapped_column(String(16), default="draft")  # domain.ReportState
    language: Mapped[str] = mapped_column(String(8), default="zh_CN")
    text: Mapped[str] = mapped_column(Text, default="")
    findings: Mapped[list] = mapped_column(JSON, default=list)
    ai_result_id: Mapped[int | None] = mapped_column(ForeignKey("ai_results.id"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    signed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    signed_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    server_id: Mapped[int | None] = mapped_column(Integer, index=True, unique=True)
    conclusion: Mapped[str | None] = mapped_column(Text)
    consult_pk: Mapped[int | None] = mapped_column(Integer)  # consult_requests.id
    template: Mapped[str] = mapped_column(String(32), default="")  # app.report_templates id
    # {"values": {field: text}, "ai": {field: text the AI wrote}, "model": "name version"}
    fields: Mapped[dict | None] = mapped_column(JSON)


class AnnotationSet(Base):
    __tablename__ = "annotation_sets"
    __table_args__ = (UniqueConstraint("study_pk", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    study_pk: Mapped[int] = mapped_column(ForeignKey("studies.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    path: Mapped[str] = mapped_column(String(500))  # GeoJSON file written atomically
    count: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class ConsultRequest(Base):
    __tablename__ = "consult_requests"
    id: Mapped[int] = mapped_column(primary_key=True)
    study_pk: Mapped[int] = mapped_column(ForeignKey("studies.id"), index=True)
    question: Mapped[str] = mapped_column(Text, default="")
    urgency: Mapped[str] = mapped_column(String(16), default="routine")
    target_department: Mapped[str] = mapped_column(String(100), default="")
    target_user: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(16), default="sent")  # domain.ConsultStatus
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    server_id: Mapped[int | None] = mapped_column(Integer, index=True, unique=True)
    server_version: Mapped[int | None] = mapped_column(Integer)
    timeline: Mapped[list | None] = mapped_column(JSON)  # [{status, at, note}] from the server
    ai_text: Mapped[str | None] = mapped_column(Text)  # AI findings attached to the request
    # the requesting doctor's confirmed report draft: {"template", "fields", "text", "by"}
    draft: Mapped[dict | None] = mapped_column(JSON)


class Alert(Base):
    """An AI alert is keyed by (study, AI result uid, finding code): one per finding."""

    __tablename__ = "alerts"
    __table_args__ = (UniqueConstraint("study_pk", "ai_result_uid", "finding_code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    study_pk: Mapped[int] = mapped_column(ForeignKey("studies.id"), index=True)
    ai_result_uid: Mapped[str | None] = mapped_column(String(32))
    finding_code: Mapped[str] = mapped_column(String(64), default="")
    acknowledged_by_name: Mapped[str] = mapped_column(String(200), default="")
    level: Mapped[str] = mapped_column(String(16), default="critical")
    message: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    server_id: Mapped[int | None] = mapped_column(Integer, index=True, unique=True)
    server_acked_at: Mapped[datetime | None] = mapped_column(DateTime)  # ack known to the server


class AuditEvent(Base):
    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    ts: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(32))  # domain.AuditAction
    study_pk: Mapped[int | None] = mapped_column(ForeignKey("studies.id"), index=True)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)


# -- regional server sync (app/sync) ------------------------------------------


class SyncState(Base):
    """Pull cursor and health of the link to one server, per signed-in user."""

    __tablename__ = "sync_state"
    __table_args__ = (UniqueConstraint("server_url", "username"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    server_url: Mapped[str] = mapped_column(String(300))
    username: Mapped[str] = mapped_column(String(64))
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    last_ok: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    directory: Mapped[dict] = mapped_column(JSON, default=dict)  # organisations, departments
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Outbox(Base):
    """A write waiting for the server; sent in id order with its idempotency key."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    username: Mapped[str] = mapped_column(String(64), default="")
    study_pk: Mapped[int | None] = mapped_column(ForeignKey("studies.id"), index=True)
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)


class SyncConflict(Base):
    """Both versions of a resource someone else changed first (409); never auto-merged."""

    __tablename__ = "sync_conflicts"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    study_pk: Mapped[int | None] = mapped_column(ForeignKey("studies.id"), index=True)
    local_pk: Mapped[int | None] = mapped_column(Integer)
    server_id: Mapped[int | None] = mapped_column(Integer)
    local: Mapped[dict] = mapped_column(JSON, default=dict)
    remote: Mapped[dict] = mapped_column(JSON, default=dict)
    detail: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolution: Mapped[str] = mapped_column(String(16), default="")
