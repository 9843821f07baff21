"""Superseding a file while a pre-read worker finishes the corrected copy's job, on a
real PostgreSQL (issues 11/14): the interleaving that once left the corrected copy
without an AI result in whole-suite runs, forced step by step.

The server is a real process on PostgreSQL (it only queues pre-reads there); this
test is the worker, through the real queue (``server.jobqueue``), runner
(``server.preread.PrereadRunner``) and worker process (``server.prereadpool.Slot``).
A row lock the test holds on the bare photo's AI result stops the supersede request
inside its transaction; meanwhile the copy's job is taken and finished (skipped: the
bare photo's result of the same model is still on the case).  Then the request goes
on.  However the two meet, the copy must end read, with the eye given.

Photo: scikit-image's real retina.jpg (a camera JPEG, CC0)."""

from __future__ import annotations

import itertools
import threading
from datetime import datetime
from pathlib import Path

import pytest
from hzserver_helpers import Api, ServerProcess, wait_until
from sqlalchemy import text
from test_server_supersede import _upload

from app.wrap import op

DATABASES = itertools.count()
WAITING = text(
    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
    " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
)


@pytest.fixture
def pg_server(tmp_path, postgres):
    srv = ServerProcess(
        tmp_path / "srv", db_url=postgres.create_database(f"hz_supersede_race_{next(DATABASES)}")
    )
    srv.cli("init-demo")
    yield srv.start()
    srv.stop()


@pytest.fixture
def worker(pg_server):
    """The test as a pre-read worker on the server's database: ``worker.run()`` takes
    and runs one job (False when none is waiting); ``take()`` and ``end(claim)`` do it
    in two steps."""
    from server.config import Settings
    from server.db import make_engine, sessions
    from server.files import FileStore
    from server.jobqueue import claim
    from server.preread import PrereadRunner
    from server.prereadpool import Slot

    st = Settings(db_url=pg_server.db_url, data_dir=pg_server.data_dir)
    engine = make_engine(st.db_url)
    factory = sessions(engine)
    runner = PrereadRunner(factory, FileStore(st.blob_dir, st.upload_dir), in_process=False)
    slot = Slot([], st.preread_memory_mb << 20)

    class Worker:
        engine = None

        def take(self):
            with factory() as s:
                return claim(s, "test-worker", 60)

        def end(self, c) -> None:
            runner.run(c, lambda job: slot.run(job, st.preread_timeout_s))

        def run(self) -> bool:
            c = self.take()
            if c is not None:
                self.end(c)
            return c is not None

        def drain(self) -> None:
            while self.run():
                pass

    w = Worker()
    w.engine = engine
    yield w
    slot.stop(kill=True)
    engine.dispose()


def _waiting(engine, n: int) -> bool:
    with engine.connect() as conn:
        return conn.scalar(WAITING) >= n


def _deadlocks(postgres) -> int:
    log = postgres.root / "log.txt"
    return log.read_text("utf-8", "replace").count("deadlock detected") if log.exists() else 0


def _supersede_in_background(api, old: dict, new: dict) -> tuple[threading.Thread, dict]:
    answer: dict = {}
    path = f"/objects/{old['id']}/superseded-by/{new['id']}"
    request = threading.Thread(target=lambda: answer.update(r=api.post(path)))
    request.start()
    return request, answer


def _bare_then_copy(doctor, worker, patient: str) -> tuple[dict, dict, dict, dict]:
    """A case with the bare photo read, and its left-eye DICOM copy uploaded (its job queued)."""
    from skimage import data_dir

    jpeg = (Path(data_dir) / "retina.jpg").read_bytes()
    case = doctor.new_case("OP", patient_id=patient)
    bare = _upload(doctor, case["id"], "IMG_0031.jpg", jpeg)
    worker.drain()
    (first,) = doctor.ok("GET", f"/cases/{case['id']}")["ai_results"]
    uid = f"1.2.826.0.1.3680043.8.498.{sum(map(ord, patient))}"
    who = op.Case(patient, study_uid=uid, study_time=datetime.now())
    copy = _upload(doctor, case["id"], "IMG_0031.dcm", op.wrap_photo(jpeg, "L", who))
    return case, bare, copy, first


def _read_once_with_the_eye(doctor, case, bare, copy, first, answer) -> None:
    assert answer["r"].status_code == 200, answer["r"].text
    assert answer["r"].json()["preread_state"] == "superseded"
    done = doctor.ok("GET", f"/cases/{case['id']}")
    states = {o["id"]: o["preread_state"] for o in done["objects"]}
    assert states == {bare["id"]: "superseded", copy["id"]: "done"}
    (only,) = done["ai_results"]  # the copy read again, with its eye given
    assert only["object_id"] == copy["id"] and only["uid"] != first["uid"]
    assert only["details"]["eyes"][0]["eye"] == "OS"
    assert only["details"]["eyes"][0]["eye_source"] == "given"


def test_the_copy_finished_between_the_requests_reads_and_writes(pg_server, worker):
    """The worker commits the copy as read (skipped: same model on the case) after the
    request read the copy as pending and before it wrote: the request must not keep
    its stale view of the copy (it once re-queued the job but left the copy ``done``,
    so the re-run found nothing to do and the copy never got a result)."""
    doctor = Api(pg_server.url, "doctor")
    case, bare, copy, first = _bare_then_copy(doctor, worker, "P-RACE-1")
    engine = worker.engine
    with engine.connect() as seq, engine.connect() as results:
        # the change sequence held: the worker stops where it records the copy as read
        seq.execute(text("SELECT value FROM counters WHERE name = 'seq' FOR UPDATE"))
        job = threading.Thread(target=worker.run)
        job.start()
        wait_until(lambda: _waiting(engine, 1), timeout=60)
        # the AI results table held: the request stops once it has read the copy
        results.execute(text("SET LOCAL lock_timeout = '10s'"))
        results.execute(text("LOCK TABLE ai_results IN ACCESS EXCLUSIVE MODE"))
        request, answer = _supersede_in_background(doctor, bare, copy)
        wait_until(lambda: _waiting(engine, 2), timeout=60)
        seq.rollback()  # the worker finishes the copy's job first
        job.join(60)
        assert not job.is_alive()
        results.rollback()  # then the request writes
        request.join(60)
    worker.drain()
    _read_once_with_the_eye(doctor, case, bare, copy, first, answer)


def test_the_request_meets_a_worker_ending_the_copys_job(pg_server, worker, postgres):
    """The supersede request is stopped inside its transaction (a row it deletes is
    held) while the worker ends the copy's job: whichever waits on the other, neither
    is aborted as a deadlock, and the copy is read again."""
    doctor = Api(pg_server.url, "doctor")
    case, bare, copy, first = _bare_then_copy(doctor, worker, "P-RACE-2")
    deadlocks = _deadlocks(postgres)
    with worker.engine.connect() as holder:  # the bare photo's result, locked
        holder.execute(
            text("SELECT id FROM ai_results WHERE id = :i FOR UPDATE"), {"i": first["id"]}
        )
        request, answer = _supersede_in_background(doctor, bare, copy)
        wait_until(lambda: _waiting(worker.engine, 1), timeout=60)  # the request waits
        job = threading.Thread(target=worker.run)
        job.start()  # the copy's job: ended now, or waiting on the request
        wait_until(lambda: not job.is_alive() or _waiting(worker.engine, 2), timeout=60)
        holder.rollback()
    request.join(60)
    job.join(120)
    worker.drain()
    assert _deadlocks(postgres) == deadlocks
    _read_once_with_the_eye(doctor, case, bare, copy, first, answer)


def test_jobs_a_worker_holds_across_the_supersede(pg_server, worker):
    """The bare photo's and the copy's jobs are both taken when the request comes: the
    bare photo's result is dropped (it stays superseded, nothing read from it is
    stored) and the copy's job, re-queued under its worker, is read once, afterwards."""
    from skimage import data_dir

    doctor = Api(pg_server.url, "doctor")
    jpeg = (Path(data_dir) / "retina.jpg").read_bytes()
    case = doctor.new_case("OP", patient_id="P-RACE-3")
    bare = _upload(doctor, case["id"], "IMG_0031.jpg", jpeg)
    who = op.Case("P-RACE-3", study_uid="1.2.826.0.1.3680043.8.498.79", study_time=datetime.now())
    copy = _upload(doctor, case["id"], "IMG_0031.dcm", op.wrap_photo(jpeg, "L", who))
    held = {c.object_id: c for c in (worker.take(), worker.take())}
    assert set(held) == {bare["id"], copy["id"]}
    answer = {"r": doctor.post(f"/objects/{bare['id']}/superseded-by/{copy['id']}")}
    for c in held.values():
        worker.end(c)  # both lost their claim: nothing stored
    assert doctor.ok("GET", f"/cases/{case['id']}")["ai_results"] == []
    worker.drain()
    _read_once_with_the_eye(doctor, case, bare, copy, {"uid": ""}, answer)
