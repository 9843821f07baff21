"""Engine, sessions and Alembic migrations for the server database.

SQLite (WAL) by default; any SQLAlchemy URL works (PostgreSQL in production).
SQLite write transactions start with ``BEGIN IMMEDIATE`` so that concurrent
requests queue on the write lock instead of failing with "database is locked"
when a reader tries to upgrade.  Sessions made by ``read_sessions`` use a plain
deferred ``BEGIN`` and never block writers.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")


def make_engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 60},
        pool_size=10,
        max_overflow=30,
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
        readonly = conn.get_execution_options().get("readonly", False)
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")

    return engine


def alembic_config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option(
        "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
    )
    return cfg


def head_revision() -> str:
    """Newest revision id, read from the version files without importing Alembic."""
    revs, downs = set(), set()
    for f in (MIGRATIONS / "versions").glob("*.py"):
        src = f.read_text("utf-8")
        revs.add(_header(src, "revision"))
        downs.add(_header(src, "down_revision"))
    heads = revs - downs
    if len(heads) != 1:
        raise RuntimeError(f"server migrations must have one head, found {heads}")
    return heads.pop()


def _header(src: str, name: str) -> str | None:
    m = re.search(rf"^{name}\s*=\s*(.+)$", src, re.M)
    return ast.literal_eval(m.group(1)) if m else None


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (cheap when it already is)."""
    if current_revision(engine) == head_revision():
        return
    from alembic import command

    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def read_sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine.execution_options(readonly=True), expire_on_commit=False)
