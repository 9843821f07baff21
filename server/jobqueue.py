"""The AI pre-read queue as a table (``preread_jobs``), shared by every node.

A stored object that needs a pre-read gets a ``queued`` job in the same
transaction as its row, so no crash can lose it.  Workers take jobs with
``SELECT ... FOR UPDATE SKIP LOCKED`` (PostgreSQL: several workers never take
the same job and never wait on each other; SQLite serialises writers, and the
clause is left out), most urgent first.  A taken job is ``running`` under a
claim token and a lease its worker extends while it works; a job whose lease
ran out (its worker was killed) is taken again.  The result is stored in the
transaction that marks the job ``done``, and only while the claim is still
the job's (``own``): a job is done exactly once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.orm import Session

from server.models import Case, PrereadJob, StoredObject, utcnow
from server.pgnotify import JOBS_CHANNEL, pg_notify

MAX_ATTEMPTS = 3  # a job whose worker died this often is marked failed


class Released(Exception):
    """The worker is stopping: the job it held goes back to the queue, untouched."""


@dataclass(frozen=True)
class Claim:
    job_id: int
    object_id: int
    token: str
    attempts: int


def rank_of(case: Case, modality: str) -> int:
    """Queue order: the case priority (critical first), then ECGs (minutes matter)."""
    return int(case.priority) * 2 + (0 if modality == "ECG" else 1)


def enqueue(s: Session, obj: StoredObject, case: Case) -> None:
    """Queue ``obj``'s pre-read in the caller's transaction (workers are woken at commit)."""
    s.add(
        PrereadJob(
            object_id=obj.id, rank=rank_of(case, obj.modality), size=int(obj.size or 0),
            state="queued", worker="", attempts=0, created_at=utcnow(),
        )
    )  # fmt: skip
    pg_notify(s, JOBS_CHANNEL)


def _takeable(now):
    running_lost = and_(PrereadJob.state == "running", PrereadJob.lease_until < now)
    return or_(PrereadJob.state == "queued", running_lost)


def waiting(s: Session) -> bool:
    """Whether a job can be taken now (a read: idle workers poll without writing)."""
    return bool(s.scalar(select(exists().where(_takeable(utcnow())))))


def claim(s: Session, worker: str, lease_s: float) -> Claim | None:
    """Take the most urgent job (commits); None when there is none."""
    now = utcnow()
    q = (
        select(PrereadJob)
        .where(_takeable(now))
        .order_by(PrereadJob.rank, PrereadJob.size, PrereadJob.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    job = s.scalar(q)
    if job is None:
        s.rollback()
        return None
    job.state, job.claim, job.worker = "running", uuid.uuid4().hex, worker[:100]
    job.attempts += 1
    job.lease_until = now + timedelta(seconds=lease_s)
    out = Claim(job.id, job.object_id, job.claim, job.attempts)
    s.commit()
    return out


def extend(s: Session, claims: list[Claim], lease_s: float) -> int:
    """Extend the leases of ``claims`` still held (commits); how many were."""
    if not claims:
        return 0
    until = utcnow() + timedelta(seconds=lease_s)
    n = 0
    for c in sorted(claims, key=lambda c: c.job_id):  # in one order, as everyone locks jobs
        stmt = (
            update(PrereadJob)
            .where(PrereadJob.id == c.job_id, PrereadJob.claim == c.token)
            .where(PrereadJob.state == "running")
            .values(lease_until=until)
        )
        n += s.execute(stmt).rowcount
    s.commit()
    return n


def release(s: Session, c: Claim) -> None:
    """Put a job this worker holds back in the queue (a clean stop; commits)."""
    stmt = (
        update(PrereadJob)
        .where(PrereadJob.id == c.job_id, PrereadJob.claim == c.token)
        .where(PrereadJob.state == "running")
        .values(state="queued", claim=None, lease_until=None, attempts=PrereadJob.attempts - 1)
    )
    s.execute(stmt)
    s.commit()


def own(s: Session, c: Claim) -> PrereadJob | None:
    """The job row, locked, while ``c`` still holds it; None when another worker took
    it after this one's lease ran out (this worker's result is then dropped)."""
    job = s.get(PrereadJob, c.job_id, with_for_update=True, populate_existing=True)
    if job is None or job.state != "running" or job.claim != c.token:
        return None
    return job


def finish(job: PrereadJob) -> None:
    job.state, job.lease_until, job.finished_at = "done", None, utcnow()


def _job_of(s: Session, object_id: int) -> PrereadJob | None:
    """``object_id``'s job row, locked and read afresh (a worker may have taken or
    ended it since this session last saw it: an attribute set to the value the
    session holds would otherwise not be written at all)."""
    q = select(PrereadJob).where(PrereadJob.object_id == object_id)
    return s.scalar(q.with_for_update().execution_options(populate_existing=True))


def cancel(s: Session, object_id: int) -> None:
    """End ``object_id``'s job: a worker still running it finds it no longer its own."""
    job = _job_of(s, object_id)
    if job is not None and job.state != "done":
        finish(job)
        job.claim = None


def requeue(s: Session, obj: StoredObject, case: Case) -> None:
    """Queue ``obj``'s pre-read again in the caller's transaction, whatever its job's
    state (the caller holds the case row locked and has read ``obj`` afresh)."""
    job = _job_of(s, obj.id)
    obj.preread_state = "pending"
    if job is None:
        enqueue(s, obj, case)
        return
    job.state, job.claim, job.lease_until, job.attempts = "queued", None, None, 0
    job.finished_at = None
    pg_notify(s, JOBS_CHANNEL)


def orphans(s: Session) -> list[StoredObject]:
    """Objects pending a pre-read without a job (stored by a server before the queue table)."""
    no_job = ~exists().where(PrereadJob.object_id == StoredObject.id)
    return list(
        s.scalars(select(StoredObject).where(StoredObject.preread_state == "pending", no_job))
    )
