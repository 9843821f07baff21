"""Server-side AI pre-read: the one analyzer registry (``app.ai.registry``) and its runner.

The analyzers are the workstation's (built from ``app/modalities.py``); plugins
(``--plugin module`` or ``--plugin file.py``) call ``register`` and may return an
``AiResult`` or a dict of its shape.  When an object of a modality with an
analyzer is stored, its job is queued (``server.jobqueue``) and a worker analyses it
in a separate process (never holding the database lock while it computes) -- unless the case already holds a result of
that model and version (the clinic's, sent with the case): the server never runs
a model the case already has.  Storing the result raises the case priority,
moves it through the AI pre-read status and raises one alert per critical
finding, or urgent one for an analyzer that asks (``server/ai_results.py``).  Jobs live in the database: a job whose
worker died is taken again, and its result is stored once.  Missing analyzer dependencies mark the object
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
from server import jobqueue
from server.actions import move_case
from server.ai_results import add_result, same_model
from server.changes import record
from server.models import Case, StoredObject
from server.preread_products import choose
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
    found = candidates(modality)
    return found[0] if found else None


def candidates(modality: str) -> list[registry.Analyzer]:
    """The analyzers the server may run on one stored file of ``modality`` (see ``get``)."""
    from app.domain import Modality
    from app.modalities import DESCRIPTORS

    desc = DESCRIPTORS.get(Modality.from_dicom(modality))
    if desc is not None and desc.source_kind == "volume":
        return []
    return registry.analyzers_for(modality)


def named(modality: str, name: str = "") -> registry.Analyzer | None:
    """The worker process's analyzer: ``name`` among the modality's (the first without one)."""
    found = candidates(modality)
    return next((a for a in found if a.name == name), None if name else get(modality))


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
    """Runs queued pre-reads (``server.jobqueue``): in this process on a
    ``JobLoop`` of worker processes (bounded in number, memory and time), or,
    with ``in_process=False``, only queues them for ``huizhen-server worker``."""

    def __init__(
        self, sessions: sessionmaker[Session], files, workers: int = 2, timeout_s: float = 120.0,
        memory_mb: int = 2048, plugins: list[str] | None = None, window_s: float = 30.0,
        *, in_process: bool = True, lease_s: float = 30.0, poll_s: float = 1.0, warm: bool = False,
    ) -> None:  # fmt: skip
        from server.prereadpool import JobLoop

        self.sessions, self.files = sessions, files
        self.loop = None
        if in_process:
            self.loop = JobLoop(
                self, workers, timeout_s, memory_mb << 20, list(plugins or []), window_s,
                lease_s=lease_s, poll_s=poll_s, warm=warm,
            )  # fmt: skip

    def has(self, modality: str) -> bool:
        return get(modality) is not None

    def enqueue(self, s: Session, obj: StoredObject, case: Case) -> None:
        """Queue ``obj``'s pre-read in the caller's transaction."""
        jobqueue.enqueue(s, obj, case)

    def submit(self, object_id: int) -> None:
        """After the commit that queued ``object_id``: wake this process's workers."""
        if self.loop is not None:
            self.loop.wake()

    def start(self) -> int:
        """Queue objects left pending without a job; start the workers of this process."""
        with self.sessions() as s:
            left = jobqueue.orphans(s)
            for obj in left:
                jobqueue.enqueue(s, obj, s.get(Case, obj.case_id))
            s.commit()
        if self.loop is not None:
            self.loop.start()
        return len(left)

    def shutdown(self) -> None:
        if self.loop is not None:
            self.loop.shutdown()

    def run(self, c: jobqueue.Claim, analyse) -> None:
        """Run the claimed job ``c``; ``analyse(job)`` runs the analyzer in a worker process."""
        try:
            self._run(c, analyse)
        except jobqueue.Released:
            with self.sessions() as s:
                jobqueue.release(s, c)
        except Exception:
            log.exception("pre-read of object %s failed", c.object_id)
            self._end(c, {c.object_id: "failed"})

    def _run(self, c: jobqueue.Claim, analyse) -> None:
        with self.sessions() as s:
            early = self._prepare(s, c)
            if isinstance(early, dict):
                s.rollback()
            else:
                analyzer, known, has, files, head, marks, idle = early
                modality = s.get(StoredObject, c.object_id).modality
                s.commit()
                blob, filename, digest = (
                    self.files.blob_path(head.sha256),
                    head.filename,
                    head.sha256,
                )
                others = [(str(self.files.blob_path(f.sha256)), f.filename) for f in files]
        if isinstance(early, dict):  # nothing to analyse
            return self._end(c, early)
        target = head.object_id
        if analyzer is None:
            return self._end(c, marks | {target: idle})
        if has:  # the clinic's result of this model and version came with the case
            log.info("case of object %s already has %s %s: not run again", target, *known)
            return self._end(c, marks | {target: "done"})
        job = (modality, str(blob), filename, digest, others, analyzer.name)
        kind, payload = analyse(job)  # in a worker process
        if kind == "skipped":
            log.warning("pre-read skipped for object %s: %s", target, payload)
            return self._end(c, marks | {target: "skipped"})
        if kind != "ok":
            log.warning("pre-read of object %s failed: %s", target, payload)
            return self._end(c, marks | {target: "failed"})
        self._end(c, marks | {target: "done"}, (target, AiResult.from_dict(payload)))

    def _prepare(self, s: Session, c: jobqueue.Claim):
        """What job ``c`` runs on (the case row locked: other jobs of the case finish
        meanwhile), or the object states to set at once when there is nothing to run."""
        obj = s.get(StoredObject, c.object_id)
        if obj is None or obj.preread_state != "pending":
            return {}
        if c.attempts > jobqueue.MAX_ATTEMPTS:
            log.warning("pre-read of object %s stopped its worker %d times", obj.id, c.attempts - 1)
            return {obj.id: "failed"}
        case = s.get(Case, obj.case_id, with_for_update=True, populate_existing=True)
        # only the products the case's clinic subscribes to (server/preread_products.py)
        analyzer, idle = choose(s, case.org_id, candidates(obj.modality))
        known = analyzer.model_version() if analyzer is not None else None
        has = known is not None and same_model(s, case.id, *known) is not None
        files, head = record_of(s, obj)
        marks = {obj.id: "none"} if head.object_id != obj.id else {}  # a companion
        if marks and head.preread_state == "done":  # its record was read from its header
            return marks
        if analyzer is not None and not has:
            move_case(s, case, Status.AI_PREREAD)
        return analyzer, known, has, files, head, marks, idle or "none"

    def _end(self, c: jobqueue.Claim, marks: dict[int, str], result=None) -> None:
        """In one transaction, while ``c`` still holds its job: store ``result``,
        set the objects' pre-read states and mark the job done."""
        with self.sessions() as s:
            case = None
            if marks:
                case_id = s.get(StoredObject, next(iter(marks))).case_id
                # the case row locked, before the job (the order a supersede request
                # locks them in): two pre-reads of one record (its header re-read when
                # the .dat arrives) must not both store a result (PostgreSQL runs them at once)
                case = s.get(Case, case_id, with_for_update=True, populate_existing=True)
            job = jobqueue.own(s, c)
            if job is None:
                log.warning(
                    "pre-read job %s was taken over by another worker: result dropped", c.job_id
                )
                return
            if result is not None:
                add_result(s, case, result[1], result[0])
            if case is not None and case.status == Status.AI_PREREAD:
                move_case(s, case, Status.AWAITING_REVIEW)
            for oid, state in marks.items():
                obj = s.get(StoredObject, oid, populate_existing=True)  # as of the case lock
                if obj is not None and obj.preread_state != state:
                    self._mark(s, obj, case, state)
            if case is not None:
                self._settle_record(s, case)
            jobqueue.finish(job)
            s.commit()

    def _settle_record(self, s: Session, case: Case) -> None:
        """Companions that failed alone (they came before their header, or finished
        after it) are read with their header once it is done: marked ``none``."""
        q = select(StoredObject).where(
            StoredObject.case_id == case.id, StoredObject.preread_state == "failed"
        )
        for obj in s.scalars(q):
            head = record_of(s, obj)[1]
            if head.object_id != obj.id and head.preread_state == "done":
                self._mark(s, obj, case, "none")

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
        .where(StoredObject.preread_state != "superseded")  # replaced by a corrected copy
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

    from app.ecg.warning_codes import EcgWarning

    minutes = round(data.shape[1] / fs / 60)
    note = EcgWarning("preread_window", seconds=window_s, minutes=minutes)
    return dataclasses.replace(source, data=data[:, -n:], warnings=[*source.warnings, note])
