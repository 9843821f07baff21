"""Names of the built-in pathology classes in the user's language.

Annotations keep the English class names QuPath uses (``Tumor``, ``Stroma``…) so that
GeoJSON, ASAP and DICOM exchange stays interoperable; only what the pathologist reads is
translated.  A class the user made up is shown as typed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "PathologyClasses"
KNOWN = {
    QT_TRANSLATE_NOOP("PathologyClasses", "Tumor"),
    QT_TRANSLATE_NOOP("PathologyClasses", "Stroma"),
    QT_TRANSLATE_NOOP("PathologyClasses", "Immune cells"),
    QT_TRANSLATE_NOOP("PathologyClasses", "Necrosis"),
    QT_TRANSLATE_NOOP("PathologyClasses", "Other"),
    QT_TRANSLATE_NOOP("PathologyClasses", "Nucleus"),
    QT_TRANSLATE_NOOP("PathologyClasses", "Region"),
    QT_TRANSLATE_NOOP("PathologyClasses", "Ignore"),
    QT_TRANSLATE_NOOP("PathologyClasses", "Positive"),
    QT_TRANSLATE_NOOP("PathologyClasses", "Negative"),
}


def class_label(name: str) -> str:
    return QCoreApplication.translate(CONTEXT, name) if name in KNOWN else name
