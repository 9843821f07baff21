"""The server's migrations on a real PostgreSQL, upgraded from the schema before the
one AI result shape, match the models (the AI result and alert columns included)."""

from __future__ import annotations


def test_server_migrations_on_postgres(postgres):
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import text

    from app.db import alembic_config
    from server.db import MIGRATIONS, current_revision, head_revision, make_engine, migrate
    from server.models import Base

    engine = make_engine(postgres.create_database("hz_server_migrations"))
    try:
        cfg = alembic_config(engine, MIGRATIONS)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0005")  # the schema before the one AI result shape
        migrate(engine)
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
            cols = {r[0] for r in conn.execute(text(
                "SELECT column_name FROM information_schema.columns WHERE table_name='alerts'"
            ))}  # fmt: skip
        assert {"ai_result_uid", "finding_code", "acknowledged_by_name"} <= cols
    finally:
        engine.dispose()
