"""Translated names of report templates, fields and grades (UI and PDF).

The stored report keeps its own wording (``app.report_templates``); what the
doctor reads on screen and in the PDF goes through Qt translation here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.failure_text import failure_reason

translate = QCoreApplication.translate


def field_label(key: str) -> str:
    return {
        "interpretation": translate("ReportTexts", "Interpretation"),
        "findings": translate("ReportTexts", "Findings"),
        "impression": translate("ReportTexts", "Impression"),
        "od_findings": translate("ReportTexts", "Right eye (OD) findings"),
        "od_grade": translate("ReportTexts", "Right eye (OD) grade"),
        "os_findings": translate("ReportTexts", "Left eye (OS) findings"),
        "os_grade": translate("ReportTexts", "Left eye (OS) grade"),
        "referral": translate("ReportTexts", "Referral advice"),
        "ai_counts": translate("ReportTexts", "AI counts (AI output, not a diagnosis)"),
        "microscopic": translate("ReportTexts", "Microscopic description"),
        "diagnosis": translate("ReportTexts", "Diagnosis"),
        "nodules": translate("ReportTexts", "Lung nodules (AI, reviewed by the doctor)"),
        "lung_rads": translate("ReportTexts", "Lung-RADS category and advice"),
        "report": translate("ReportTexts", "Report"),
        "conclusion": translate("ReportTexts", "Conclusion"),
    }.get(key, key)


def short_label(key: str) -> str:
    """A field's name under its group's heading (the eye is said once)."""
    return {
        "od_findings": translate("ReportTexts", "Findings in this eye"),
        "os_findings": translate("ReportTexts", "Findings in this eye"),
        "od_grade": translate("ReportTexts", "Grade (ICDR)"),
        "os_grade": translate("ReportTexts", "Grade (ICDR)"),
    }.get(key) or field_label(key)


def grade_label(code: str) -> str:
    return {
        "": translate("ReportTexts", "Not graded"),
        "icdr0": translate("ReportTexts", "ICDR 0: no apparent retinopathy"),
        "icdr1": translate("ReportTexts", "ICDR 1: mild NPDR"),
        "icdr2": translate("ReportTexts", "ICDR 2: moderate NPDR (referable)"),
        "icdr3": translate("ReportTexts", "ICDR 3: severe NPDR (referable)"),
        "icdr4": translate("ReportTexts", "ICDR 4: proliferative DR (referable)"),
        "ungradable": translate("ReportTexts", "Ungradable image (refer)"),
    }.get(code, code)


def template_title(template_id: str) -> str:
    return {
        "ecg": translate("ReportTexts", "12-lead ECG report"),
        "imaging": translate("ReportTexts", "Imaging report (X-ray, CT, ultrasound)"),
        "fundus": translate("ReportTexts", "Fundus photography report"),
        "pathology": translate("ReportTexts", "Pathology report"),
        "chest": translate("ReportTexts", "Chest CT report (lung nodules)"),
        "generic": translate("ReportTexts", "Report"),
    }.get(template_id, translate("ReportTexts", "Report"))


def group_label(group: str) -> str:
    return {
        "od": translate("ReportTexts", "Right eye (OD)"),
        "os": translate("ReportTexts", "Left eye (OS)"),
    }.get(group, "")


def error_text(err) -> str:
    """A report refusal (``app.reports.ReportError``) in the user's language."""
    code, items = getattr(err, "code", ""), list(getattr(err, "items", []) or [])
    if code == "undecided":
        return translate(
            "ReportTexts", "Confirm or reject each AI finding first (%1 left)."
        ).replace("%1", str(len(items)))
    if code == "unfinished":
        names = ", ".join(field_label(k) for k in items)
        return translate("ReportTexts", "Write these fields before confirming: %1").replace(
            "%1", names
        )
    if code == "empty":
        return translate("ReportTexts", "The report is empty.")
    if code == "admin":
        return translate("ReportTexts", "An administrator account cannot sign clinical reports.")
    if code == "not_confirmed":
        return translate("ReportTexts", "Confirm the report before signing it.")
    if code == "locked":
        return translate("ReportTexts", "The report is signed; amend it to change it.")
    if code == "no_user":
        return translate("ReportTexts", "Signing needs a signed-in user.")
    return translate("ReportTexts", "Not done: %1").replace("%1", failure_reason(err))
