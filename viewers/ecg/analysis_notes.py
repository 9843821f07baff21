"""The ECG analysis' notes in the user's language: what the AI pre-read could not do
or did differently (``app.ecg.analysis_notes``), translated by code through the
reader warnings' templates (``viewers.ecg.warning_text``).  Shown as part of the AI
output: one "analysis notes" entry under the model's header in the findings panel,
and a line beside the AI notice of the printed report."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.ecg.analysis_notes import notes
from viewers.ecg.warning_text import warning_text

NOTES_CODE = "ANALYSIS_NOTES"


def note_lines(warnings: list[str], grade_note: str = "") -> list[str]:
    """The notes of an analysis' warnings and grade note, translated."""
    return [warning_text(n) for n in notes(list(warnings or []), grade_note or "")]


def notes_finding(analysis, source: str) -> dict | None:
    """The findings panel's entry for ``analysis`` (an EcgAnalysis), None without notes."""
    lines = note_lines(analysis.warnings, analysis.grade_note)
    if not lines:
        return None
    return {
        "text": QCoreApplication.translate("EcgAnalysisNotes", "Analysis notes:"),
        "notes": ["• " + line for line in lines],
        "source": source,
        "severity": "info",
        "kind": "notes",
        "code": NOTES_CODE,
    }


def notes_line(summary: dict) -> str:
    """One line for the printed report (``EcgAnalysis.summary()``), "" without notes."""
    lines = note_lines(summary.get("warnings") or [], summary.get("grade_note") or "")
    if not lines:
        return ""
    text = QCoreApplication.translate("EcgAnalysisNotes", "AI analysis notes: %1")
    sep = QCoreApplication.translate("EcgAnalysisNotes", "; ", "between two notes")
    return text.replace("%1", sep.join(lines))
