"""The pre-read queue table (server.jobqueue) on a real PostgreSQL and on SQLite:
concurrent takers never share a job, the most urgent job goes first, a job whose
worker stopped renewing its lease is taken again, and the first taker's result is
then refused (a job is done once)."""

from __future__ import annotations

import itertools
import threading

import pytest

NAMES = itertools.count()


def _db(request, tmp_path, name: str) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.db'}"
    pg = request.getfixturevalue("postgres")
    return pg.create_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def queue_db(request, tmp_path):
    """Sessions on a migrated, seeded database with 12 stored objects of 3 cases."""
    from sqlalchemy import select

    from server.db import make_engine, migrate, sessions
    from server.demo import seed
    from server.jobqueue import enqueue
    from server.models import Case, StoredObject, User

    engine = make_engine(_db(request, tmp_path, f"hz_queue_{next(NAMES)}"))
    migrate(engine)
    factory = sessions(engine)
    with factory() as s:
        seed(s)
        doctor = s.scalar(select(User).where(User.username == "doctor"))
        for priority, modality in ((2, "OT"), (0, "OT"), (2, "ECG")):
            case = Case(org_id=doctor.org_id, created_by=doctor.id, modality=modality,
                        status="new", priority=priority)  # fmt: skip
            s.add(case)
            s.flush()
            for size in (300, 100, 200, 400):
                obj = StoredObject(case_id=case.id, filename=f"f{size}", size=size,
                                   sha256="0" * 64, modality=modality, uploaded_by=doctor.id,
                                   preread_state="pending")  # fmt: skip
                s.add(obj)
                s.flush()
                enqueue(s, obj, case)
        s.commit()
    yield factory
    engine.dispose()


def test_takers_never_share_a_job(queue_db):
    from server.jobqueue import claim

    taken, lock = [], threading.Lock()

    def take(name):
        while True:
            with queue_db() as s:
                c = claim(s, name, 30)
            if c is None:
                return
            with lock:
                taken.append(c)

    threads = [threading.Thread(target=take, args=(f"w{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(taken) == 12
    assert len({c.job_id for c in taken}) == 12  # no job taken twice
    assert len({c.token for c in taken}) == 12


def test_one_taker_follows_the_queue_order(queue_db):
    from server.jobqueue import claim
    from server.models import Case, StoredObject

    order = []
    with queue_db() as s:
        while (c := claim(s, "w", 30)) is not None:
            obj = s.get(StoredObject, c.object_id)
            order.append((s.get(Case, obj.case_id).priority, obj.modality, obj.size))
    assert order == sorted(order, key=lambda k: (k[0], k[1] != "ECG", k[2]))
    assert order[0] == (0, "OT", 100) and order[4] == (2, "ECG", 100)


def test_a_job_whose_lease_ran_out_is_taken_again_and_done_once(queue_db, monkeypatch):
    from datetime import timedelta

    from server import jobqueue
    from server.jobqueue import claim, extend, finish, own

    # the queue's clock moves only when the test moves it: a loaded machine taking over
    # 0.3 s between two claims expired the "living" lease early (it slept 0.5 s before)
    clock = [jobqueue.utcnow()]
    monkeypatch.setattr(jobqueue, "utcnow", lambda: clock[0])

    with queue_db() as s:
        first = claim(s, "dies", 0.3)
    with queue_db() as s:
        other = claim(s, "lives", 30)
    assert other.job_id != first.job_id  # the first job is still leased
    with queue_db() as s:
        assert extend(s, [first], 0.3) == 1  # a living worker renews its lease
    clock[0] += timedelta(seconds=0.5)  # the first worker "died": no renewal past its lease
    taken = None
    with queue_db() as s:
        while (c := claim(s, "rescuer", 30)) is not None:
            if c.job_id == first.job_id:
                taken = c
                break
    assert taken is not None and taken.attempts == 2
    with queue_db() as s:
        assert own(s, first) is None  # the dead worker's late result is refused
        s.rollback()
    with queue_db() as s:
        job = own(s, taken)
        finish(job)
        s.commit()
    with queue_db() as s:
        assert own(s, taken) is None  # done: nobody stores a second result
        assert extend(s, [first, taken], 30) == 0
