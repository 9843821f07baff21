"""Locks several server nodes share: PostgreSQL advisory locks.

One process (SQLite) locks with ``threading.Lock``; with several nodes on one
PostgreSQL a lock must hold across processes and machines, and go away with a
node that dies holding it.  ``advisory_lock(engine, name)`` takes a session-level
``pg_advisory_lock`` on a connection of its own (released at the end of the
block, or by PostgreSQL when that connection drops).  Row locks (``SELECT ...
FOR UPDATE``) cover the rest: the case row while a pre-read stores its result,
the alert rows an escalation pass takes (``SKIP LOCKED``), queue jobs.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, func, select

from server.dbgate import DatabaseBusy

WAIT_S = 60.0  # a lock held longer than this by another node: the caller gets an error


class LockTimeout(DatabaseBusy):
    """Answered 503 with Retry-After, like a busy database."""


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for ``name`` (the advisory lock's key)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


@contextmanager
def advisory_lock(engine: Engine, name: str, wait_s: float = WAIT_S) -> Iterator[None]:
    key, deadline, pause = lock_key(name), time.monotonic() + wait_s, 0.005
    conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    try:
        while not conn.scalar(select(func.pg_try_advisory_lock(key))):
            if time.monotonic() > deadline:
                raise LockTimeout(f"{name} is held elsewhere for more than {wait_s:g} s")
            time.sleep(pause)
            pause = min(0.1, pause * 2)
        try:
            yield
        finally:
            conn.scalar(select(func.pg_advisory_unlock(key)))
    finally:
        conn.close()
