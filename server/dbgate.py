"""One writer at a time on SQLite, queued fairly inside the server process.

SQLite allows a single write transaction.  Left to itself, a writer that finds
the database locked sleeps and polls (1, 2, 5 ... then 100 ms steps), so under
load the writers that waited longest poll least often and newcomers overtake
them: tail latencies of many seconds.  ``WriteGate`` is a first-come,
first-served lock taken just before ``BEGIN IMMEDIATE`` and handed to the next
waiter when the transaction ends (commit, rollback or close of the DBAPI
connection, see ``GatedConnection``).  SQLite's own busy timeout still guards
against other processes (``huizhen-server migrate``, backups).

A waiter gives up after ``timeout`` seconds with ``DatabaseBusy``, which the
API answers with 503 and ``Retry-After`` instead of hanging.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import deque

GATE_ATTR = "_hz_write_gate"


class DatabaseBusy(Exception):
    """The write lock could not be had in time (overload): retry later."""


class WriteGate:
    def __init__(self, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self._mutex = threading.Lock()
        self._waiters: deque[threading.Lock] = deque()
        self._held = False

    def acquire(self) -> None:
        with self._mutex:
            if not self._held:
                self._held = True
                return
            ticket = threading.Lock()
            ticket.acquire()
            self._waiters.append(ticket)
        if ticket.acquire(timeout=self.timeout):
            return  # handed over by release()
        with self._mutex:
            try:
                self._waiters.remove(ticket)
            except ValueError:
                return  # handed over just as the wait ran out: we hold it
        raise DatabaseBusy(f"the database stayed busy for {self.timeout:.0f} s")

    def release(self) -> None:
        with self._mutex:
            if self._waiters:
                self._waiters.popleft().release()  # stays held: ownership moves on
            else:
                self._held = False

    @property
    def queued(self) -> int:
        return len(self._waiters)


class GatedConnection(sqlite3.Connection):
    """sqlite3 connection that hands its ``WriteGate`` on once the transaction ends."""

    def enter_gate(self, gate: WriteGate) -> None:
        gate.acquire()
        setattr(self, GATE_ATTR, gate)

    def leave_gate(self) -> None:
        gate = self.__dict__.get(GATE_ATTR)
        if gate is None:
            return
        try:
            busy = self.in_transaction
        except sqlite3.Error:  # closed
            busy = False
        if not busy:
            del self.__dict__[GATE_ATTR]
            gate.release()

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self.leave_gate()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self.leave_gate()

    def close(self) -> None:
        try:
            super().close()
        finally:
            gate = self.__dict__.pop(GATE_ATTR, None)
            if gate is not None:
                gate.release()
