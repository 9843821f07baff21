"""What the workstation's and the server's ORM share: constraint names and UTC time.

Stable constraint names make Alembic migrations portable between SQLite and
PostgreSQL; timestamps are naive UTC in both databases.
"""

from __future__ import annotations

from datetime import UTC, datetime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
