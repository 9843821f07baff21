"""SQLAlchemy 2 ORM of the server database.

Schema changes go through Alembic migrations in ``server/migrations``.
Every mutable clinical resource carries a ``version`` for optimistic
concurrency; every change also gets a row in ``changes`` with a server-wide
sequence number (the pull feed and the SSE stream both read it).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.ormbase import NAMING, utcnow


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Organisation(Base):
    __tablename__ = "organisations"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))  # domain.OrgKind
    departments: Mapped[list] = mapped_column(JSON, default=list)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(32))  # domain.Role
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    department: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # password guessing: consecutive failures, the last one, a temporary lockout
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column(DateTime)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    # an initial password set by an admin outside demo organisations
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)


class Token(Base):
    """Opaque bearer tokens; only their SHA-256 is stored."""

    __tablename__ = "tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # access | refresh | stream
    # one login's tokens (all refreshes of it): logout or refresh reuse revokes them all
    family: Mapped[str] = mapped_column(String(32), default="", index=True)
    parent_id: Mapped[int | None] = mapped_column(Integer)  # a stream ticket's access token
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Counter(Base):
    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Change(Base):
    __tablename__ = "changes"
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    resource_id: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer, default=1)
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    org_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # For consult changes: who the consult is addressed to (specialists see only theirs).
    target_org_id: Mapped[int | None] = mapped_column(Integer)
    target_department: Mapped[str | None] = mapped_column(String(100))
    target_user_id: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class IdempotencyKey(Base):
    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("user_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(8))
    path: Mapped[str] = mapped_column(String(500))
    status_code: Mapped[int] = mapped_column(Integer)
    body: Mapped[dict] = mapped_column(JSON)
    # SHA-256 of the request (query and body): the same key with another request is 422
    request_sha256: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class AuditEntry(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer, index=True)
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(32))  # domain.AuditAction or read/write/denied
    resource: Mapped[str] = mapped_column(String(200), default="")
    resource_id: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    ip: Mapped[str] = mapped_column(String(64), default="")


class Case(Base):
    """A worklist item: one patient, one study, one status."""

    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    patient_id: Mapped[str] = mapped_column(String(64), default="")
    patient_name: Mapped[str] = mapped_column(String(200), default="")
    patient_sex: Mapped[str] = mapped_column(String(1), default="")
    patient_birth_date: Mapped[str] = mapped_column(String(8), default="")
    study_uid: Mapped[str] = mapped_column(String(128), default="")
    study_description: Mapped[str] = mapped_column(String(300), default="")
    # coded parts of a description the clinic's reader made up (app.descriptions), or None
    study_description_facts: Mapped[list | None] = mapped_column(JSON, default=None)
    study_time: Mapped[datetime | None] = mapped_column(DateTime)
    modality: Mapped[str] = mapped_column(String(8))  # domain.Modality
    status: Mapped[str] = mapped_column(String(32))  # domain.Status
    priority: Mapped[int] = mapped_column(Integer)  # domain.Priority
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class StoredObject(Base):
    """A file of a case, kept once in the content-addressed blob store."""

    __tablename__ = "objects"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    modality: Mapped[str] = mapped_column(String(8))
    uploaded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    preread_state: Mapped[str] = mapped_column(String(16), default="none")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Upload(Base):
    """A resumable chunked upload in progress (bytes live in data_dir/uploads)."""

    __tablename__ = "uploads"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    modality: Mapped[str] = mapped_column(String(8))
    object_id: Mapped[int | None] = mapped_column(Integer)  # set once completed
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class AIResult(Base):
    """One ``app.ai.AiResult`` (``payload`` is its ``to_dict()``), computed here
    (source server) or at the clinic and sent with the case (source clinic)."""

    __tablename__ = "ai_results"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    object_id: Mapped[int | None] = mapped_column(ForeignKey("objects.id"), index=True)
    uid: Mapped[str | None] = mapped_column(String(32), unique=True)
    source: Mapped[str] = mapped_column(String(8), default="server")
    model_id: Mapped[str] = mapped_column(String(100), default="")
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    urgency: Mapped[str] = mapped_column(String(16))  # routine | urgent | critical
    summary: Mapped[str] = mapped_column(Text, default="")
    findings: Mapped[list] = mapped_column(JSON, default=list)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    model_name: Mapped[str] = mapped_column(String(100), default="")
    model_version: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Consult(Base):
    __tablename__ = "consults"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    question: Mapped[str] = mapped_column(Text)
    urgency: Mapped[str] = mapped_column(String(16))  # routine | urgent | critical
    target_org_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    target_department: Mapped[str] = mapped_column(String(100), default="", index=True)
    target_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(16))  # domain.ConsultStatus
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # the requesting doctor's confirmed report draft: {"template", "fields", "text"}
    draft: Mapped[dict | None] = mapped_column(JSON)


class ConsultEvent(Base):
    """The timeline of a consult: one row per status change or note."""

    __tablename__ = "consult_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    consult_id: Mapped[int] = mapped_column(ForeignKey("consults.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Report(Base):
    __tablename__ = "reports"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    consult_id: Mapped[int | None] = mapped_column(ForeignKey("consults.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16))  # domain.ReportState
    signed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    signed_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    template: Mapped[str] = mapped_column(String(32), default="")  # app.report_templates id
    fields: Mapped[dict | None] = mapped_column(JSON)  # {"values", "ai", "model"}


class Alert(Base):
    """AI alerts are keyed by (case, AI result uid, finding code); user alerts have no uid."""

    __tablename__ = "alerts"
    __table_args__ = (UniqueConstraint("case_id", "ai_result_uid", "finding_code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    ai_result_uid: Mapped[str | None] = mapped_column(String(32))
    finding_code: Mapped[str] = mapped_column(String(64), default="")
    acknowledged_by_name: Mapped[str] = mapped_column(String(200), default="")
    severity: Mapped[str] = mapped_column(String(16))  # critical | urgent
    message: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))  # ai | user
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    escalation_level: Mapped[int] = mapped_column(Integer, default=0)
    escalated_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class Annotation(Base):
    """One opaque JSON document of annotations per case (e.g. QuPath GeoJSON)."""

    __tablename__ = "annotations"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    data: Mapped[dict | list] = mapped_column(JSON)
    updated_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PacsObject(Base):
    """Where a DICOM object of a case is archived (one row per DICOM object).

    ``state``: ``local`` (embedded store, no PACS configured), ``pending``
    (waiting for STOW-RS), ``stored`` (in the PACS) or ``failed`` (the last
    STOW failed; ``error`` says why, and it is retried).
    """

    __tablename__ = "pacs_objects"
    object_id: Mapped[int] = mapped_column(ForeignKey("objects.id"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    study_uid: Mapped[str] = mapped_column(String(64), index=True)
    series_uid: Mapped[str] = mapped_column(String(64))
    sop_uid: Mapped[str] = mapped_column(String(64), index=True)
    sop_class_uid: Mapped[str] = mapped_column(String(64), default="")
    patient_id: Mapped[str] = mapped_column(String(64), default="")
    patient_name: Mapped[str] = mapped_column(String(200), default="")
    study_date: Mapped[str] = mapped_column(String(8), default="")
    modality: Mapped[str] = mapped_column(String(16), default="")  # the DICOM Modality
    backend: Mapped[str] = mapped_column(String(16))  # embedded | dicomweb
    state: Mapped[str] = mapped_column(String(16), index=True)
    error: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    stored_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PrereadJob(Base):
    """An AI pre-read waiting for, or taken by, a worker (``server.jobqueue``).

    ``state``: ``queued``, ``running`` (``claim`` names the taking; its worker
    extends ``lease_until`` while it works, and a job whose lease ran out -- its
    worker died -- is taken again) or ``done``.  ``rank`` orders the queue: the
    case priority, then ECGs before other files, then smaller files first.
    """

    __tablename__ = "preread_jobs"
    id: Mapped[int] = mapped_column(primary_key=True)
    object_id: Mapped[int] = mapped_column(ForeignKey("objects.id"), unique=True)
    rank: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    state: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    claim: Mapped[str | None] = mapped_column(String(32))
    worker: Mapped[str] = mapped_column(String(100), default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)


class LoginFailure(Base):
    """Wrong passwords of a client address (``addr:...``) or of a user name without an
    account (``name:...``), shared by every node (``server.logins``)."""

    __tablename__ = "login_failures"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)


from server import catalogue_models  # noqa: E402, F401  (AI catalogue tables)
