"""Why a measurement the AI gave no value for is missing, in the user's language:
the measurement table shows "— (T wave not clear of the noise)" with the whole
reason as its tooltip.  The reasons are the analysis' own: too few beats, no P
wave, the coded "QT not measurable" note (its full text through
``viewers.ecg.warning_text``), no T wave end (as ``inference.ecg.preread`` words
them in English for the stored result).  Context "EcgMissing"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.ecg.warning_codes import code_of

translate = QCoreApplication.translate

P_WAVE = ("pr_ms", "p_axis_deg")
QT = ("qt_ms", "qtc_ms", "qtc_fridericia_ms")
T_WAVE = (*QT, "t_axis_deg")


def missing_reason(key: str, analysis) -> tuple[str, str]:
    """(short reason for the table cell, the whole reason for its tooltip)."""
    from viewers.ecg.warning_text import warning_text

    if len(analysis.beats) < 2:
        short = translate("EcgMissing", "fewer than 2 beats")
        return short, translate("EcgMissing", "Fewer than 2 beats were found: no interval.")
    if key in P_WAVE:
        return translate("EcgMissing", "no P wave found"), translate(
            "EcgMissing", "No P wave found (e.g. atrial fibrillation, or P waves not visible)."
        )
    if key in T_WAVE:
        note = next((w for w in analysis.warnings if code_of(w) == "qt_not_measurable"), None)
        if note is not None and key in QT:
            return translate("EcgMissing", "T wave not clear of the noise"), warning_text(note)
        return translate("EcgMissing", "T wave end not found"), translate(
            "EcgMissing", "The end of the T wave was not found in the median beat."
        )
    short = translate("EcgMissing", "not measurable")
    return short, translate("EcgMissing", "Not measurable in this record.")
