"""AI findings as one line in the user's language (worklist, alert banner).

Findings carry a ``code``; modality packages provide the translated template
(the modality descriptors, ``app/modalities.py``).  Unknown codes keep the analyzer's own
English text, so nothing is ever hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.finding_text import finding_text


def ai_line(findings, hr: float | None, fallback: str = "", limited: bool = False) -> str:
    """``findings`` is None when the case has no AI result: the stored text is shown.
    ``limited``: an analysis note says part of the record was not measured or trusted,
    so "no finding" is said only of what the AI could measure."""
    if findings is None:
        return fallback
    if findings:
        parts = [
            finding_text(
                f.get("code", ""), f.get("text", ""), f.get("leads") or (), f.get("territory") or ""
            )
            for f in findings
        ]
    elif limited:
        parts = [
            QCoreApplication.translate(
                "AiText", "No significant finding in what the AI could measure (see AI notes)"
            )
        ]
    else:
        parts = [QCoreApplication.translate("AiText", "No significant finding")]
    if hr:
        parts.append(QCoreApplication.translate("AiText", "HR %1 bpm").replace("%1", f"{hr:.0f}"))
    return " · ".join(parts)
