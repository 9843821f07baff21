"""The ECG report's title by what the record is: "12-lead ECG report" for a
recognised 12-lead ECG, else "ECG report (3 leads: II, III, V)" naming the
channels recorded (a monitor strip, a 3-channel Holter, unnamed channels) so a
printed page never calls a 3-lead strip a 12-lead ECG.  Used by the printed
report and the report panel's title (context "EcgPdfReport")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def is_twelve_lead(leads) -> bool:
    """The record holds every lead a 12-lead ECG must have (``inference.ecg.scope``)."""
    from inference.ecg.scope import REQUIRED

    have = set(leads or ())
    return all(n in have for n in REQUIRED)


def ecg_report_title(leads) -> str:
    leads = list(leads or ())
    if not leads or is_twelve_lead(leads):
        return translate("EcgPdfReport", "12-lead ECG report")
    names = ", ".join(leads)
    if len(leads) == 1:
        return translate("EcgPdfReport", "ECG report (1 lead: %1)").replace("%1", names)
    text = translate("EcgPdfReport", "ECG report (%1 leads: %2)").replace("%1", str(len(leads)))
    return text.replace("%2", names)
