"""Translated display names for domain values (all through Qt translation)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain import Modality, Priority, Role, Status


def status_label(status: str) -> str:
    return {
        Status.NEW: QCoreApplication.translate("Labels", "New"),
        Status.AI_PREREAD: QCoreApplication.translate("Labels", "AI pre-read"),
        Status.AWAITING_REVIEW: QCoreApplication.translate("Labels", "Awaiting review"),
        Status.IN_CONSULT: QCoreApplication.translate("Labels", "In consultation"),
        Status.REPORTED: QCoreApplication.translate("Labels", "Reported"),
        Status.SIGNED: QCoreApplication.translate("Labels", "Signed"),
    }.get(Status(status), status)


def consult_state_label(state: str) -> str:
    """Where a consult request stands (requested -> accepted -> in review -> reported)."""
    return {
        "sent": QCoreApplication.translate("Labels", "requested"),
        "accepted": QCoreApplication.translate("Labels", "accepted"),
        "in_review": QCoreApplication.translate("Labels", "in review"),
        "reported": QCoreApplication.translate("Labels", "reported"),
        "cancelled": QCoreApplication.translate("Labels", "cancelled"),
    }.get(state, state)


def status_with_consult(status: str, consult: str) -> str:
    """The worklist status: "In consultation · accepted" while a consult runs."""
    label = status_label(status)
    if status == Status.IN_CONSULT and consult:
        return f"{label} · {consult_state_label(consult)}"
    return label


def priority_label(priority: int) -> str:
    return {
        Priority.CRITICAL: QCoreApplication.translate("Labels", "Critical"),
        Priority.URGENT: QCoreApplication.translate("Labels", "Urgent"),
        Priority.ROUTINE: QCoreApplication.translate("Labels", "Routine"),
    }.get(Priority(priority), str(priority))


def modality_label(modality: str) -> str:
    return {
        Modality.ECG: QCoreApplication.translate("Labels", "ECG"),
        Modality.CT: QCoreApplication.translate("Labels", "CT"),
        Modality.CR: QCoreApplication.translate("Labels", "X-ray (CR/DX)"),
        Modality.US: QCoreApplication.translate("Labels", "Ultrasound"),
        Modality.OP: QCoreApplication.translate("Labels", "Fundus photo"),
        Modality.SM: QCoreApplication.translate("Labels", "Pathology slide"),
        Modality.OTHER: QCoreApplication.translate("Labels", "Other"),
    }.get(Modality(modality), modality)


def role_label(role: str) -> str:
    return {
        Role.COMMUNITY_DOCTOR: QCoreApplication.translate("Labels", "Community doctor"),
        Role.SPECIALIST: QCoreApplication.translate("Labels", "Specialist"),
        Role.PATHOLOGIST: QCoreApplication.translate("Labels", "Pathologist"),
        Role.ADMIN: QCoreApplication.translate("Labels", "Administrator"),
    }.get(Role(role), role)


def sex_label(sex: str) -> str:
    return {
        "M": QCoreApplication.translate("Labels", "Male"),
        "F": QCoreApplication.translate("Labels", "Female"),
        "O": QCoreApplication.translate("Labels", "Other"),
    }.get(sex, QCoreApplication.translate("Labels", "Unknown"))


def outcome_label(outcome: str) -> str:
    return {
        "imported": QCoreApplication.translate("Labels", "Imported"),
        "duplicate": QCoreApplication.translate("Labels", "Already in store"),
        "failed": QCoreApplication.translate("Labels", "Failed"),
        "unsupported": QCoreApplication.translate("Labels", "Unsupported"),
    }.get(outcome, outcome)


def display_name(dicom_pn: str) -> str:
    """DICOM person name 'DEMO^张建国' -> 'DEMO 张建国'."""
    return " ".join(p for p in dicom_pn.replace("=", "^").split("^") if p).strip()


def department_label(code: str) -> str:
    """A department code of the server's directory (``cardiology``) in the user's language;
    a code the table does not know is shown as the server spells it."""
    return {
        "cardiology": QCoreApplication.translate("Labels", "Cardiology"),
        "radiology": QCoreApplication.translate("Labels", "Radiology"),
        "pathology": QCoreApplication.translate("Labels", "Pathology"),
        "ophthalmology": QCoreApplication.translate("Labels", "Ophthalmology"),
        "general_practice": QCoreApplication.translate("Labels", "General practice"),
        "emergency": QCoreApplication.translate("Labels", "Emergency"),
        "respiratory": QCoreApplication.translate("Labels", "Respiratory medicine"),
        "endocrinology": QCoreApplication.translate("Labels", "Endocrinology"),
    }.get(code, code)
