"""Study descriptions the readers made up (``app.descriptions``) in the user's
language, for the worklist, the case header and the consult request; a
description without known parts (the file's own text, or stored before parts
existed) is shown as it is."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.coded_text import fill

_CTX = "StudyDescriptions"
# code -> (template, the params that fill %1, %2, ...)
TEMPLATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "ecg": (QT_TRANSLATE_NOOP("StudyDescriptions", "ECG"), ()),
    "ecg_format": (QT_TRANSLATE_NOOP("StudyDescriptions", "ECG (%1)"), ("format",)),
    "ecg_12_lead": (QT_TRANSLATE_NOOP("StudyDescriptions", "12-lead ECG"), ()),
    "ecg_general": (QT_TRANSLATE_NOOP("StudyDescriptions", "General ECG"), ()),
    "ecg_ambulatory": (QT_TRANSLATE_NOOP("StudyDescriptions", "Ambulatory ECG"), ()),
    "ecg_general_32bit": (QT_TRANSLATE_NOOP("StudyDescriptions", "General 32-bit ECG"), ()),
    "ecg_leads_rate": (QT_TRANSLATE_NOOP("StudyDescriptions", "ECG %1 leads, %2 Hz"),
                       ("leads", "hz")),
    "ecg_leads_rate_left_out": (QT_TRANSLATE_NOOP(
        "StudyDescriptions", "ECG %1 leads, %2 Hz (%3 non-ECG channels left out)"
    ), ("leads", "hz", "others")),
    "ecg_channels_rate": (QT_TRANSLATE_NOOP("StudyDescriptions", "ECG %1 channels, %2 Hz"),
                          ("channels", "hz")),
    "fundus_photo": (QT_TRANSLATE_NOOP("StudyDescriptions", "Fundus photograph"), ()),
    "slide_size": (QT_TRANSLATE_NOOP("StudyDescriptions", "Whole-slide image %1x%2"),
                   ("width", "height")),
    "slide_power": (QT_TRANSLATE_NOOP("StudyDescriptions", "%1x objective"), ("power",)),
    "slide_mpp": (QT_TRANSLATE_NOOP("StudyDescriptions", "%1 µm/pixel"), ("mpp",)),
}  # fmt: skip
_SEPARATOR = QT_TRANSLATE_NOOP("StudyDescriptions", ", ")


def description_text(description: str) -> str:
    """A study description in the user's language (text without known parts unchanged)."""
    parts = getattr(description, "parts", None)
    if not parts or any(getattr(p, "code", "") not in TEMPLATES for p in parts):
        return str(description or "")
    shown = [fill(_CTX, *TEMPLATES[p.code], p.shown_values()) for p in parts]
    return QCoreApplication.translate(_CTX, _SEPARATOR).join(shown)
