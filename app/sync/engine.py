"""``run_sync_once`` (push, then pull) and ``SyncService``, the loop that drives it.

``run_sync_once(store, client, state)`` is a plain job function: the UI runs it
on the job runner, tests call it directly, the service calls it from its own
thread.  It never raises for network trouble: the returned ``SyncReport``
says what happened (state + error text), which is also stored in the
``sync_state`` row so the next start shows it.
"""

from __future__ import annotations

import logging
import threading
import weakref
from dataclasses import dataclass, field
from datetime import datetime

from app.jobs import Cancelled
from app.models import utcnow
from app.sync import outbox, people
from app.sync.client import ApiFailure, BadAddress, LoginExpired, Offline, SyncError
from app.sync.events import EventListener
from app.sync.pull import PAGE, pull, sync_row
from app.sync.push import CHUNK, PushResult, push
from app.sync.status import SyncState, SyncStatus

log = logging.getLogger(__name__)
_locks: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_locks_guard = threading.Lock()


@dataclass
class SyncReport:
    state: SyncState
    error: str = ""
    pushed: PushResult = field(default_factory=PushResult)
    pulled: int = 0
    study_pks: set[int] = field(default_factory=set)
    at: datetime = field(default_factory=datetime.now)


def _lock_for(store) -> threading.Lock:
    with _locks_guard:
        lock = _locks.get(store)
        if lock is None:
            lock = _locks[store] = threading.Lock()
        return lock


def run_sync_once(store, client, state=None, page: int = PAGE, chunk: int = CHUNK) -> SyncReport:
    """One full exchange with the server: outbox out, changes in."""
    if not client.signed_in:
        return SyncReport(SyncState.LOGIN_EXPIRED if client.username else SyncState.SIGNED_OUT)
    with _lock_for(store):
        try:
            outbox.queue_alert_acks(store, client.username)
            pushed = push(store, client, state, chunk)
            pulled = pull(store, client, state, page)
        except Cancelled:
            raise
        except Offline as err:
            report = SyncReport(SyncState.OFFLINE, str(err))
        except LoginExpired as err:
            report = SyncReport(SyncState.LOGIN_EXPIRED, str(err))
        except (BadAddress, ApiFailure, SyncError) as err:
            report = SyncReport(SyncState.ERROR, str(err))
        except Exception as err:  # a bug must not kill the loop; say what it was
            log.exception("sync failed")
            report = SyncReport(SyncState.ERROR, f"{type(err).__name__}: {err}")
        else:
            report = SyncReport(SyncState.SYNCED, "", pushed, pulled.changes, pulled.study_pks)
        _remember(store, client, report)
        return report


def _remember(store, client, report: SyncReport) -> None:
    try:
        with store.session() as s:
            row = sync_row(s, client.base_url, client.username)
            if report.state == SyncState.SYNCED:
                row.last_ok, row.last_error = utcnow(), ""
            else:
                row.last_error = report.error[:1000]
    except Exception:  # the store itself failing is reported by the store's users
        log.exception("could not record the sync state")


def refresh_directory(store, client) -> dict:
    """Organisations, departments and specialists, cached for offline use (consult
    targets, signers of reports)."""
    data = client.get("/organisations")
    people.fetch(store, client)
    with store.session() as s:
        row = sync_row(s, client.base_url, client.username)
        row.directory = {**(row.directory or {}), "organisations": data.get("organisations", [])}
        return dict(row.directory)


def cached_directory(store, server_url: str) -> dict:
    from sqlalchemy import select

    from app.models import SyncState as Row

    with store.read_session() as s:
        for d in s.scalars(select(Row.directory).where(Row.server_url == server_url)):
            if d:
                return d
    return {}


class SyncService:
    """Runs ``run_sync_once`` every ``interval`` seconds and on ``trigger()``;
    an SSE listener triggers it at once when a consult or an alert arrives.
    While offline it retries with exponential back-off (1, 2, 4 ... 30 s)."""

    def __init__(self, store, client, status: SyncStatus | None = None, interval: float = 5.0,
                 sse: bool = True) -> None:  # fmt: skip
        self.store, self.client = store, client
        self.status = status or SyncStatus()
        self.interval = interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.listener = EventListener(client, self.trigger, self._sse_state) if sse else None
        self.last_report: SyncReport | None = None
        self.runs = 0
        self.page, self.chunk = PAGE, CHUNK

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="huizhen-sync", daemon=True)
        self._thread.start()
        if self.listener is not None:
            self.listener.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self.listener is not None:
            self.listener.stop(timeout)
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def trigger(self) -> None:
        self._wake.set()

    def signed_in(self) -> None:
        """Call after ``client.login``: sync now and (re)connect the event stream."""
        if self.listener is not None:
            self.listener.reconnect()
        self.trigger()

    def _sse_state(self, connected: bool) -> None:
        self.status.update(sse=connected)

    def _loop(self) -> None:
        delay = 0.0
        while not self._stop.is_set():
            self._wake.wait(delay)
            self._wake.clear()
            if self._stop.is_set():
                break
            report = self.run_now()
            if report.state in (SyncState.OFFLINE, SyncState.ERROR):
                delay = min(max(delay * 2, 1.0), 30.0)
            else:
                delay = self.interval

    def run_now(self) -> SyncReport:
        if self.client.signed_in and self.status.state != SyncState.SYNCED:
            self.status.update(state=SyncState.CONNECTING)
        try:
            report = run_sync_once(self.store, self.client, page=self.page, chunk=self.chunk)
        except Cancelled:
            report = SyncReport(SyncState.ERROR, "cancelled")
        self.last_report = report
        self.runs += 1
        try:
            counts = outbox.counts(self.store)
        except Exception:
            counts = {}
        snap = self.status.snapshot
        self.status.update(
            state=report.state,
            last_ok=report.at if report.state == SyncState.SYNCED else snap.last_ok,
            last_error=report.error,
            **counts,
        )
        return report
