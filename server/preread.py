"""Server-side AI pre-read: a registry ``modality -> analyzer`` and its runner.

An analyzer is ``callable(file_path) -> dict`` returning::

    {"urgency": "routine" | "urgent" | "critical",
     "summary": str, "findings": [...], "model": {"name": str, "version": str},
     "details": {...}}  # optional: measurements etc.

When an object of a registered modality is stored, the runner analyses it on
a worker thread (never holding the database lock while it computes), stores
the AI result, raises the case priority, moves the case through the AI
pre-read status, and on a critical grade raises an alert (pushed over SSE).
Objects still ``pending`` after a crash are picked up again at start-up.

The built-in ECG analyzer imports ``app.ecg`` and ``inference.ecg`` lazily;
when they are not installed the object is marked ``skipped`` with a log note.
Plugins (``--plugin module`` or ``--plugin file.py``) call ``register``.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import logging
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.domain import Status
from server.actions import create_alert, move_case, raise_priority
from server.changes import record
from server.models import AIResult, Case, StoredObject
from server.serialize import ai_out, object_out
from server.workflow import URGENCIES, priority_for

log = logging.getLogger("huizhen.server.preread")
Analyzer = Callable[[Path], dict]
_REGISTRY: dict[str, Analyzer] = {}


class Unavailable(RuntimeError):
    """The analyzer's dependencies are not installed; the object is skipped."""


def register(modality: str, fn: Analyzer | None = None, *, replace: bool = False):
    """Register ``fn`` for ``modality`` (usable as a decorator)."""

    def add(f: Analyzer) -> Analyzer:
        key = str(modality).upper()
        if key in _REGISTRY and not replace and _REGISTRY[key] is not f:
            raise ValueError(f"an analyzer for {key} is already registered")
        _REGISTRY[key] = f
        return f

    return add(fn) if fn is not None else add


def get(modality: str) -> Analyzer | None:
    return _REGISTRY.get(str(modality).upper())


def load_plugins(specs: list[str]) -> None:
    for spec in specs:
        if spec.endswith(".py"):
            name = "huizhen_plugin_" + Path(spec).stem
            module_spec = importlib.util.spec_from_file_location(name, spec)
            module = importlib.util.module_from_spec(module_spec)
            module_spec.loader.exec_module(module)
        else:
            importlib.import_module(spec)
        log.info("loaded pre-read plugin %s", spec)


def normalise(raw) -> dict:
    """Accept a dict, a dataclass or an object with ``to_dict``; check the fields."""
    if dataclasses.is_dataclass(raw) and not isinstance(raw, type):
        raw = dataclasses.asdict(raw)
    elif hasattr(raw, "to_dict"):
        raw = raw.to_dict()
    if not isinstance(raw, dict):
        raise TypeError(f"an analyzer must return a dict, not {type(raw).__name__}")
    urgency = str(raw.get("urgency") or raw.get("grade") or "routine").lower()
    if urgency not in URGENCIES:
        raise ValueError(f"unknown urgency {urgency!r}; use one of {URGENCIES}")
    model = raw.get("model") or {}
    return {
        "urgency": urgency,
        "summary": str(raw.get("summary", "")),
        "findings": list(raw.get("findings") or []),
        "model": {"name": str(model.get("name", "")), "version": str(model.get("version", ""))},
        "details": dict(raw.get("details") or {}),
    }


@register("ECG")
def ecg_analyzer(path: Path) -> dict:
    """The built-in ECG pre-read: ``app.ecg.readers.read_ecg`` + ``inference.ecg.analyze``."""
    try:
        from app.ecg.readers import read_ecg
        from inference.ecg import analyze
    except ImportError as err:
        raise Unavailable(f"ECG pre-read not installed ({err})") from err
    summary = analyze(read_ecg(path)).summary()
    texts = [f["text"] for f in summary.get("findings", [])]
    hr = (summary.get("measurements") or {}).get("hr_bpm")
    parts = ["; ".join(texts) or "no rule-based findings"]
    if hr:
        parts.append(f"HR {hr:.0f}/min")
    model = summary.get("model") or {}
    keep = ("measurements", "st_mv", "rhythm", "rules", "notice", "warnings", "drivers")
    return {
        "urgency": summary["urgency"],
        "summary": ", ".join(parts),
        "findings": summary.get("findings", []),
        "model": {
            "name": model.get("name") or model.get("id", ""),
            "version": model.get("version", ""),
        },
        "details": {k: summary[k] for k in keep if k in summary},
    }


class PrereadRunner:
    def __init__(self, sessions: sessionmaker[Session], files, workers: int = 1) -> None:
        self.sessions, self.files = sessions, files
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="preread")

    def has(self, modality: str) -> bool:
        return get(modality) is not None

    def submit(self, object_id: int):
        return self.pool.submit(self._run_logged, object_id)

    def resume_pending(self) -> int:
        with self.sessions() as s:
            q = select(StoredObject.id).where(StoredObject.preread_state == "pending")
            ids = list(s.scalars(q))
        for oid in ids:
            self.submit(oid)
        return len(ids)

    def shutdown(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)

    def _run_logged(self, object_id: int) -> None:
        try:
            self.run(object_id)
        except Exception:
            log.exception("pre-read of object %s failed", object_id)
            self._finish(object_id, "failed")

    def run(self, object_id: int) -> None:
        with self.sessions() as s:
            obj = s.get(StoredObject, object_id)
            if obj is None or obj.preread_state != "pending":
                return
            analyzer, case = get(obj.modality), s.get(Case, obj.case_id)
            move_case(s, case, Status.AI_PREREAD)
            s.commit()
            blob, filename = self.files.blob_path(obj.sha256), obj.filename
        if analyzer is None:
            return self._finish(object_id, "none")
        try:
            result = normalise(_call(analyzer, blob, filename))
        except Unavailable as note:
            log.warning("pre-read skipped for object %s: %s", object_id, note)
            return self._finish(object_id, "skipped")
        self._store(object_id, result)

    def _store(self, object_id: int, result: dict) -> None:
        with self.sessions() as s:
            obj = s.get(StoredObject, object_id)
            case = s.get(Case, obj.case_id)
            ai = AIResult(
                case_id=case.id,
                object_id=obj.id,
                urgency=result["urgency"],
                summary=result["summary"],
                findings=result["findings"],
                model_name=result["model"]["name"],
                model_version=result["model"]["version"],
                details=result["details"],
            )
            s.add(ai)
            s.flush()
            record(
                s, "ai_result", ai.id, "created", ai_out(ai), case_id=case.id, org_id=case.org_id
            )
            raise_priority(s, case, priority_for(ai.urgency))
            if case.status == Status.AI_PREREAD:
                move_case(s, case, Status.AWAITING_REVIEW)
            if ai.urgency == "critical":
                message = f"AI pre-read ({ai.model_name}): {ai.summary}".strip()
                create_alert(s, case, "critical", message, "ai", None)
            self._mark(s, obj, case, "done")
            s.commit()

    def _finish(self, object_id: int, state: str) -> None:
        with self.sessions() as s:
            obj = s.get(StoredObject, object_id)
            if obj is not None:
                case = s.get(Case, obj.case_id)
                if case.status == Status.AI_PREREAD:
                    move_case(s, case, Status.AWAITING_REVIEW)
                self._mark(s, obj, case, state)
                s.commit()

    @staticmethod
    def _mark(s: Session, obj: StoredObject, case: Case, state: str) -> None:
        obj.preread_state = state
        data = object_out(obj)
        record(s, "object", obj.id, "preread_" + state, data, case_id=case.id, org_id=case.org_id)


def _call(analyzer: Analyzer, blob: Path, filename: str):
    """Run the analyzer on a link that carries the original file name (readers
    often dispatch on the extension)."""
    safe = os.path.basename(filename) or "object"
    with tempfile.TemporaryDirectory(prefix="preread-") as tmp:
        link = Path(tmp) / safe
        os.symlink(blob, link)
        return analyzer(link)
