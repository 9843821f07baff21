"""Progress messages of the Qt-free core in the user's language.

Core jobs report plain English step names (``state.progress(0.2, "measurements")``);
the job adapter shows them through this table.  Text the table does not know (a file
name being imported) is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Progress"
KNOWN = {
    QT_TRANSLATE_NOOP("Progress", "AI pre-read"),
    QT_TRANSLATE_NOOP("Progress", "resampling"),
    QT_TRANSLATE_NOOP("Progress", "AI delineation"),
    QT_TRANSLATE_NOOP("Progress", "measurements"),
    QT_TRANSLATE_NOOP("Progress", "done"),
    QT_TRANSLATE_NOOP("Progress", "filtering"),
    QT_TRANSLATE_NOOP("Progress", "finding tissue"),
    QT_TRANSLATE_NOOP("Progress", "tissue found"),
    QT_TRANSLATE_NOOP("Progress", "slide"),
    QT_TRANSLATE_NOOP("Progress", "slide ready"),
    QT_TRANSLATE_NOOP("Progress", "downloading"),
    QT_TRANSLATE_NOOP("Progress", "uploading"),
    QT_TRANSLATE_NOOP("Progress", "importing"),
}


def progress_text(message: str) -> str:
    if message in KNOWN:
        return QCoreApplication.translate(CONTEXT, message)
    return message
