"""AI pre-read of newly imported studies, stored as AI output (never as a report).

``ANALYZERS`` maps a modality to ``"module:function"``; the function takes the
study's source (what ``Store.open_source`` returns) and ``state`` and returns a ``Preread``.  ``run_preread``
stores each result with its model name and version, sets the worklist
priority and AI summary, moves the case to "awaiting review", and raises an
alert (store event + Alert row) when the grade is critical.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.domain import AuditAction, Modality, Priority, Status
from app.models import AIResult, Alert, WorklistItem

log = logging.getLogger(__name__)

ANALYZERS: dict[Modality, str] = {
    Modality.ECG: "inference.preread:ecg_preread",
}
URGENCY_PRIORITY = {
    "critical": Priority.CRITICAL,
    "urgent": Priority.URGENT,
    "routine": Priority.ROUTINE,
}


@dataclass
class Preread:
    model_name: str
    model_version: str
    urgency: str  # critical | urgent | routine
    summary: str  # one line for the worklist
    findings: list[dict[str, Any]] = field(default_factory=list)
    payload: dict[str, Any] = field(default_factory=dict)


def ecg_preread(signal, state=None) -> Preread:
    """``signal``: the ``EcgSignal`` the record's reader opened (``Store.open_source``)."""
    from inference.ecg import analyze

    if isinstance(signal, (str, Path)):  # a bare file (command line, tests)
        from app.ecg.readers import read_ecg

        signal = read_ecg(signal)
    result = analyze(signal, state=state)
    summary = result.summary()
    texts = [f["text"] for f in summary["findings"]]
    m = summary["measurements"]
    line = "; ".join(texts) if texts else "no significant finding"
    if m.get("hr_bpm"):
        line += f" · HR {m['hr_bpm']:.0f}"
    return Preread(
        model_name=result.model.name,
        model_version=result.model.version,
        urgency=result.urgency,
        summary=line,
        findings=summary["findings"],
        payload=summary,
    )


def analyzer_for(modality: Modality):
    target = ANALYZERS.get(modality)
    if not target:
        return None
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def run_preread(store, study_pks: list[int], state=None) -> dict[int, Preread | str]:
    """Pre-read each study that has an analyzer; returns results or error messages."""
    out: dict[int, Preread | str] = {}
    todo = []
    for pk in study_pks:
        st = store.study(pk)
        fn = analyzer_for(Modality(st.modality))
        if fn is not None and st.objects:
            todo.append((pk, fn))
    for i, (pk, fn) in enumerate(todo):
        if state is not None:
            state.check()
            state.progress(i / len(todo), "AI pre-read")
        try:
            # the reader that recognised the record opens it (a WFDB .hea with its .dat)
            result = fn(store.open_source(pk), state=state)
        except Exception as err:  # one bad study must not stop the others
            if type(err).__name__ == "Cancelled":
                raise
            log.warning("pre-read of study %s failed: %s", pk, err)
            out[pk] = str(err)
            continue
        save(store, pk, result)
        out[pk] = result
    if state is not None:
        state.progress(1.0, "")
    if out:
        store.events.changed.emit(sorted(out))
    return out


def save(store, study_pk: int, r: Preread) -> None:
    prio = URGENCY_PRIORITY.get(r.urgency, Priority.ROUTINE)
    with store.session() as s:
        ai = AIResult(
            study_pk=study_pk,
            model_name=r.model_name,
            model_version=r.model_version,
            urgency=r.urgency,
            summary=r.summary[:300],
            payload={"findings": r.findings, **r.payload},
        )
        s.add(ai)
        item = s.scalars(select(WorklistItem).where(WorklistItem.study_pk == study_pk)).one()
        item.priority = int(prio)
        item.ai_summary = r.summary[:300]
        if item.status in (Status.NEW.value, Status.AI_PREREAD.value):
            item.status = Status.AWAITING_REVIEW.value
        item.version += 1
        store.audit(
            s,
            AuditAction.AI_PREREAD,
            study_pk,
            model=r.model_name,
            version=r.model_version,
            urgency=r.urgency,
        )
        if prio == Priority.CRITICAL:
            s.add(
                Alert(
                    study_pk=study_pk,
                    level="critical",
                    message=f"AI ({r.model_name} {r.model_version}): {r.summary}"[:500],
                )
            )
    if prio == Priority.CRITICAL:
        store.events.alert.emit(study_pk, "critical", r.summary)
