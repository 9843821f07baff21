"""The ECG viewer's model line: which model and rules, which AI product and where it ran.

``where`` is what the AI result records about the run (``app.ai.result.ModelInfo``:
runs_at, endpoint, served, product, note — set by ``app.ai.registry.run`` from the
runtime's placements) or, for a run made in the viewer, the placement summary
(``inference.placement.Placement``, the same fields).  Context "EcgViewer".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from inference.placement import LOCAL, NOT_RUN, RAN_LOCALLY, REMOTE

translate = QCoreApplication.translate


def where_text(where) -> str:
    """Where the model ran, translated ("" when the result does not say)."""
    if where is None:
        return ""
    runs_at = getattr(where, "runs_at", "") or ""
    note = getattr(where, "note", "") or ""
    endpoint = getattr(where, "endpoint", "") or ""
    product = getattr(where, "product", "") or ""
    if note.startswith(RAN_LOCALLY):
        text = translate("EcgViewer", "remote AI unavailable (%1 at %2), ran locally")
        return text.replace("%1", product or "?").replace("%2", endpoint or "?")
    if note.startswith(NOT_RUN):
        return translate("EcgViewer", "remote AI unavailable, not run")
    if runs_at == REMOTE:
        served = getattr(where, "served", "") or ""
        text = translate("EcgViewer", "ran remotely: %1 at %2").replace("%2", endpoint or "?")
        text = text.replace("%1", product or served or "?")
        if served and product and served != product:
            text += " " + translate("EcgViewer", "(served as %1)").replace("%1", served)
        return text
    if runs_at == LOCAL:
        return translate("EcgViewer", "ran on this workstation")
    return ""


def model_line(analysis, where) -> str:
    """ "AI: model version, rules · where it ran — not for clinical use"."""
    m = analysis.model
    place = where_text(where)
    if place:
        text = translate("EcgViewer", "AI: %1 %2, %3 · %4 — not for clinical use")
        text = text.replace("%4", place)
    else:
        text = translate("EcgViewer", "AI: %1 %2, %3 — not for clinical use")
    return text.replace("%1", m.name).replace("%2", m.version).replace("%3", analysis.rules)


def model_tooltip(where) -> str:
    """The note as recorded (English, with the endpoint's own reason), for the tooltip."""
    return (getattr(where, "note", "") or "") if where is not None else ""
