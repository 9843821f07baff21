"""Server-side AI pre-read: the one analyzer registry (``app.ai.registry``) and its runner.

The analyzers are the workstation's (built from ``app/modalities.py``); plugins
(``--plugin module`` or ``--plugin file.py``) call ``register`` and may return an
``AiResult`` or a dict of its shape.  When an object of a modality with an
analyzer is stored, the runner analyses it on a worker thread (never holding the
database lock while it computes) -- unless the case already holds a result of
that model and version (the clinic's, sent with the case): the server never runs
a model the case already has.  Storing the result raises the case priority,
moves it through the AI pre-read status and raises one alert per critical
finding (``server/ai_results.py``).  Objects still ``pending`` after a crash are
picked up again at start-up.  Missing analyzer dependencies mark the object
``skipped`` with a log note.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.ai import registry
from app.ai.result import AiResult, Source
from app.domain import Status
from server.actions import move_case
from server.ai_results import add_result, same_model
from server.changes import record
from server.models import Case, StoredObject
from server.record_files import RecordFile, companions, head_of, link_record
from server.serialize import object_out

log = logging.getLogger("huizhen.server.preread")
register = registry.register


class Unavailable(RuntimeError):
    """The analyzer's dependencies are not installed; the object is skipped."""


def get(modality: str) -> registry.Analyzer | None:
    """The analyzer the server runs on one stored file of ``modality``.  None for a modality
    whose analysis needs a whole series (a CT volume): the server stores a series file by
    file, and a slice alone would be graded "not a chest study" once per slice; the clinic's
    workstation runs those on the whole series and its result travels with the case."""
    from app.domain import Modality
    from app.modalities import DESCRIPTORS

    desc = DESCRIPTORS.get(Modality.from_dicom(modality))
    if desc is not None and desc.source_kind == "volume":
        return None
    return registry.first_analyzer(modality)


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


class PrereadRunner:
    """Runs pre-reads in ``server.prereadpool`` worker processes (bounded in
    number, memory and time), most urgent first."""

    def __init__(
        self, sessions: sessionmaker[Session], files, workers: int = 2, timeout_s: float = 120.0,
        memory_mb: int = 2048, plugins: list[str] | None = None, window_s: float = 30.0,
    ) -> None:  # fmt: skip
        from server.prereadpool import PrereadPool

        self.sessions, self.files = sessions, files
        self.pool = PrereadPool(workers, timeout_s, memory_mb << 20, list(plugins or []), window_s)

    def has(self, modality: str) -> bool:
        return get(modality) is not None

    def submit(self, object_id: int) -> None:
        self.pool.submit(self._key(object_id), lambda analyse: self._run_logged(object_id, analyse))

    def _key(self, object_id: int) -> tuple:
        """Queue order: critical cases first, then ECGs, then smaller files."""
        with self.sessions() as s:
            obj = s.get(StoredObject, object_id)
            case = s.get(Case, obj.case_id) if obj is not None else None
            if obj is None or case is None:
                return (9, True, 0)
            return (int(case.priority), obj.modality != "ECG", int(obj.size or 0))

    def resume_pending(self) -> int:
        with self.sessions() as s:
            q = select(StoredObject.id).where(StoredObject.preread_state == "pending")
            ids = list(s.scalars(q))
        for oid in ids:
            self.submit(oid)
        return len(ids)

    def shutdown(self) -> None:
        self.pool.shutdown()

    def _run_logged(self, object_id: int, analyse) -> None:
        try:
            self.run(object_id, analyse)
        except Exception:
            log.exception("pre-read of object %s failed", object_id)
            self._finish(object_id, "failed")

    def run(self, object_id: int, analyse) -> None:
        with self.sessions() as s:
            obj = s.get(StoredObject, object_id)
            if obj is None or obj.preread_state != "pending":
                return
            analyzer, case = get(obj.modality), s.get(Case, obj.case_id)
            known = analyzer.model_version() if analyzer is not None else None
            has = known is not None and same_model(s, case.id, *known) is not None
            files, head = record_of(s, obj)
            if head.object_id != object_id:  # a companion: the record is read from its header
                self._mark(s, obj, case, "none")
                s.commit()
                if head.preread_state == "done":
                    return
                object_id = head.object_id
            if analyzer is not None and not has:
                move_case(s, case, Status.AI_PREREAD)
                s.commit()
            blob, filename, digest = self.files.blob_path(head.sha256), head.filename, head.sha256
            modality = obj.modality
            others = [(str(self.files.blob_path(f.sha256)), f.filename) for f in files]
        if analyzer is None:
            return self._finish(object_id, "none")
        if has:  # the clinic's result of this model and version came with the case
            log.info("case of object %s already has %s %s: not run again", object_id, *known)
            return self._finish(object_id, "done")
        job = (modality, str(blob), filename, digest, others)
        kind, payload = analyse(job)  # a worker process
        if kind == "skipped":
            log.warning("pre-read skipped for object %s: %s", object_id, payload)
            return self._finish(object_id, "skipped")
        if kind != "ok":
            log.warning("pre-read of object %s failed: %s", object_id, payload)
            return self._finish(object_id, "failed")
        result = AiResult.from_dict(payload)
        with self.sessions() as s:
            obj = s.get(StoredObject, object_id)
            # the case row locked: two pre-reads of one record (its header re-read when the
            # .dat arrives) must not both store a result (PostgreSQL runs them concurrently)
            case = s.get(Case, obj.case_id, with_for_update=True)
            add_result(s, case, result, obj.id)
            if case.status == Status.AI_PREREAD:
                move_case(s, case, Status.AWAITING_REVIEW)
            self._mark(s, obj, case, "done")
            for f in files:  # companions that came first failed alone: read with their header
                other = s.get(StoredObject, f.object_id)
                if other is not None and other.preread_state == "failed":
                    self._mark(s, other, case, "none")
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


def record_of(s: Session, obj: StoredObject) -> tuple[list[RecordFile], RecordFile]:
    """The case's other files of ``obj``'s record and the record's head (its
    header, on which the analysis runs)."""
    rows = s.execute(
        select(
            StoredObject.id, StoredObject.filename, StoredObject.sha256, StoredObject.preread_state
        )
        .where(StoredObject.case_id == obj.case_id, StoredObject.id != obj.id)
        .order_by(StoredObject.id)
    ).all()
    me = RecordFile(obj.id, obj.filename, obj.sha256, obj.preread_state)
    others = [RecordFile(*r) for r in rows]
    head = head_of(me, others)
    if head is me:
        return companions(me, others), me
    return companions(head, [me, *others]), head


def _call(
    analyzer: registry.Analyzer,
    blob: Path,
    filename: str,
    digest: str,
    window_s: float = 0.0,
    others: list[tuple[str, str]] = (),
):
    """Run the analyzer on links that carry the original file names (readers
    often dispatch on the extension; a WFDB header needs its ``.dat`` beside it)."""
    with tempfile.TemporaryDirectory(prefix="preread-") as tmp:
        link = link_record(Path(tmp), (blob, filename), [(Path(b), n) for b, n in others])
        source = link if analyzer.takes_path else registry.open_file(link, analyzer.modality)
        source = analysis_window(source, window_s)
        return registry.run(analyzer, source, None, Source.SERVER, object_sha256=digest)


def analysis_window(source, window_s: float):
    """A recording longer than ``window_s`` seconds is analysed on its last
    ``window_s`` seconds (the most recent, what an acute alert is about; a resting
    ECG analysis needs 10 s), and says so in its warnings.  Other sources pass."""
    data, fs = getattr(source, "data", None), getattr(source, "fs", None)
    if not window_s or not fs or getattr(data, "ndim", 0) != 2:
        return source
    n = int(round(window_s * fs))
    if data.shape[1] <= n:
        return source
    import dataclasses

    note = f"pre-read on the last {window_s:g} s of a {data.shape[1] / fs / 60:.0f} min recording"
    return dataclasses.replace(source, data=data[:, -n:], warnings=[*source.warnings, note])
