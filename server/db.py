"""Engine, sessions and Alembic migrations for the server database.

SQLite (WAL) by default; any SQLAlchemy URL works (PostgreSQL in production).
SQLite write transactions start with ``BEGIN IMMEDIATE`` so that concurrent
requests queue on the write lock instead of failing with "database is locked"
when a reader tries to upgrade; inside the process they queue first-come,
first-served on a ``WriteGate`` (see ``server.dbgate``).  Sessions made by
``read_sessions`` use a plain deferred ``BEGIN`` and never block writers.

The connection pool is larger than the request thread pool (40 threads) plus
the background workers, so a request never waits for a connection while the
connection it waits for is held by a request waiting for a thread.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from app import db as app_db
from app.db import current_revision  # noqa: F401 - part of this module's API
from server.dbgate import GatedConnection, WriteGate

MIGRATIONS = Path(__file__).with_name("migrations")


def make_engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    gate = WriteGate(timeout=30)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 60, "factory": GatedConnection},
        pool_size=20,
        max_overflow=80,
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        if conn.get_execution_options().get("readonly", False):
            conn.exec_driver_sql("BEGIN")
            return
        dbapi_conn = conn.connection.dbapi_connection
        gated = isinstance(dbapi_conn, GatedConnection)
        if gated:
            dbapi_conn.enter_gate(gate)
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            if gated:
                dbapi_conn.leave_gate()
            raise

    return engine


def head_revision() -> str:
    return app_db.head_revision(MIGRATIONS)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (cheap when it already is)."""
    app_db.migrate(engine, MIGRATIONS)


def sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def read_sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine.execution_options(readonly=True), expire_on_commit=False)
