"""Domain vocabulary shared by the store, the UI and the server.

Plain enums and rules only: no I/O, no Qt.
"""

from __future__ import annotations

import enum


class Modality(enum.StrEnum):
    ECG = "ECG"
    CT = "CT"
    CR = "CR"  # CR and DX radiographs
    US = "US"
    OP = "OP"  # ophthalmic (fundus) photography
    SM = "SM"  # slide microscopy (whole-slide image)
    OTHER = "OT"

    @classmethod
    def from_dicom(cls, value: str) -> Modality:
        value = (value or "").upper()
        if value == "DX":
            return cls.CR
        try:
            return cls(value)
        except ValueError:
            return cls.OTHER


class Status(enum.StrEnum):
    NEW = "new"
    AI_PREREAD = "ai_preread"
    AWAITING_REVIEW = "awaiting_review"
    IN_CONSULT = "in_consult"
    REPORTED = "reported"
    SIGNED = "signed"


# The status lifecycle. A case can always be re-read by the AI and a signed
# report can be amended (which sends it back to "reported").
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.NEW: frozenset({Status.AI_PREREAD, Status.AWAITING_REVIEW, Status.IN_CONSULT}),
    Status.AI_PREREAD: frozenset({Status.AWAITING_REVIEW, Status.IN_CONSULT}),
    Status.AWAITING_REVIEW: frozenset({Status.IN_CONSULT, Status.REPORTED, Status.AI_PREREAD}),
    Status.IN_CONSULT: frozenset({Status.REPORTED, Status.AWAITING_REVIEW}),
    Status.REPORTED: frozenset({Status.SIGNED, Status.IN_CONSULT, Status.AWAITING_REVIEW}),
    Status.SIGNED: frozenset({Status.REPORTED}),
}


class TransitionError(ValueError):
    pass


def check_transition(old: Status, new: Status) -> None:
    if new not in TRANSITIONS[old]:
        raise TransitionError(f"status cannot go from {old.value} to {new.value}")


class Priority(enum.IntEnum):
    """Lower sorts first; critical items are pinned on top of the worklist."""

    CRITICAL = 0
    URGENT = 1
    ROUTINE = 2


class Role(enum.StrEnum):
    COMMUNITY_DOCTOR = "community_doctor"
    SPECIALIST = "specialist"
    PATHOLOGIST = "pathologist"
    ADMIN = "admin"


class OrgKind(enum.StrEnum):
    CLINIC = "clinic"
    REGIONAL_HOSPITAL = "regional_hospital"


class Sex(enum.StrEnum):
    MALE = "M"
    FEMALE = "F"
    OTHER = "O"
    UNKNOWN = ""


class ConsultStatus(enum.StrEnum):
    SENT = "sent"
    ACCEPTED = "accepted"
    IN_REVIEW = "in_review"
    REPORTED = "reported"
    CANCELLED = "cancelled"


class ReportState(enum.StrEnum):
    DRAFT = "draft"
    CONFIRMED = "confirmed"
    SIGNED = "signed"


class AuditAction(enum.StrEnum):
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    IMPORT = "import"
    VIEW = "view"
    STATUS = "status"
    REPORT_EDIT = "report_edit"
    SIGN = "sign"
    CONSULT = "consult"
    AI_PREREAD = "ai_preread"
    ALERT_ACK = "alert_ack"
    PATIENT_ASSIGN = "patient_assign"
