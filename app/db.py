"""Database engine, sessions and migrations.

SQLite (WAL mode) in the data folder is the embedded default; any SQLAlchemy
URL works (PostgreSQL in production).  ``migrate()`` brings the schema to the
newest Alembic revision and is cheap when it already is.
"""

from __future__ import annotations

import ast
import logging
import re
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine, migrations: Path = MIGRATIONS):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations))
    # '%' would be read as configparser interpolation (passwords may contain it)
    url = engine.url.render_as_string(hide_password=False).replace("%", "%%")
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revision(migrations: Path = MIGRATIONS) -> str:
    """Newest revision id, read from the version files without importing Alembic."""
    revs, downs = set(), set()
    for f in (migrations / "versions").glob("*.py"):
        src = f.read_text("utf-8")
        revs.add(_header(src, "revision"))
        downs.add(_header(src, "down_revision"))
    heads = revs - downs
    if len(heads) != 1:
        raise RuntimeError(f"migrations in {migrations} must have one head, found {heads}")
    return heads.pop()


def _header(src: str, name: str) -> str | None:
    m = re.search(rf"^{name}\s*=\s*(.+)$", src, re.M)
    return ast.literal_eval(m.group(1)) if m else None


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine, migrations: Path = MIGRATIONS) -> None:
    """Bring the schema to the newest revision (cheap when it already is)."""
    if current_revision(engine) == head_revision(migrations):
        return
    quiet = logging.getLogger("alembic")
    level = quiet.level
    quiet.setLevel(logging.WARNING)  # Alembic's INFO chatter is not for users
    try:
        from alembic import command

        cfg = alembic_config(engine, migrations)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        quiet.setLevel(level)


def session_factory(engine: Engine) -> sessionmaker:
    return sessionmaker(engine, expire_on_commit=False)
