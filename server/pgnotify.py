"""Wake-ups between server processes through PostgreSQL LISTEN/NOTIFY.

Each node keeps its SSE streams in its own ``Broker``; a change recorded on any
node (or by a worker) sends ``NOTIFY`` in the writing transaction, which
PostgreSQL delivers at commit to every node's listener, which wakes those of its
streams that may see the change.  The notification carries only the change's
audience (``server.broker.Audience``: kind, organisation, addressee); a woken
stream re-reads the changes table.  On SQLite (one
node) nothing is sent and the in-process broker alone wakes the streams.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from server.broker import Audience, Broker

log = logging.getLogger("huizhen.server.pgnotify")
CHANGES_CHANNEL = "huizhen_changes"
JOBS_CHANNEL = "huizhen_jobs"


def is_postgres(bind) -> bool:
    return bind.dialect.name == "postgresql"


def pg_notify(s: Session, channel: str, payload: str = "") -> None:
    """Queue a notification on ``channel``, sent when ``s`` commits (PostgreSQL only;
    equal notifications of one transaction are sent once)."""
    if is_postgres(s.get_bind()):
        s.execute(select(func.pg_notify(channel, payload)))


def listen_dsn(engine: Engine) -> str:
    """A libpq address for psycopg from the SQLAlchemy URL."""
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


class PgListener:
    """A thread holding one connection that LISTENs on ``channels`` and calls
    ``on_wake(payload)`` for each notification; ``on_wake(None)`` after every
    (re)connection, as notifications may have been missed meanwhile."""

    def __init__(
        self, engine: Engine, channels: list[str], on_wake: Callable[[str | None], None]
    ) -> None:
        self.dsn, self.channels, self.on_wake = listen_dsn(engine), list(channels), on_wake
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="huizhen-pg-listen", daemon=True)
        self.listening = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _loop(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self.dsn, autocommit=True, connect_timeout=5) as conn:
                    for channel in self.channels:
                        conn.execute(f"LISTEN {channel}")
                    self.listening.set()
                    self.on_wake(None)
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            self.on_wake(note.payload)
            except psycopg.Error as err:
                self.listening.clear()
                log.warning("LISTEN connection lost (%s); reconnecting", err)
                self._stop.wait(1.0)


class PgBroker(Broker):
    """The broker of one node of several: local wakes as ``Broker``, plus the
    streams of every other node through NOTIFY (a logout ends streams anywhere)."""

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine = engine
        self.listener = PgListener(engine, [CHANGES_CHANNEL], self._heard)

    def start(self) -> None:
        self.listener.start()

    def stop(self) -> None:
        self.listener.stop()

    def _heard(self, payload: str | None) -> None:
        audience = Audience.decode(payload) if payload else None
        Broker.wake(self, [audience] if audience is not None else None)

    def wake_all(self) -> None:
        super().wake_all()
        try:  # an empty payload wakes every stream of every node
            with self.engine.connect() as conn:
                conn.execute(text(f"NOTIFY {CHANGES_CHANNEL}"))
                conn.commit()
        except Exception:  # the streams still re-read on their heartbeat
            log.exception("NOTIFY failed")
