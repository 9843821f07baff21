"""audit_log.resource holds route templates: 32 -> 200 characters

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 15:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.alter_column(
            "resource",
            existing_type=sa.String(length=32),
            type_=sa.String(length=200),
            existing_nullable=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.alter_column(
            "resource",
            existing_type=sa.String(length=200),
            type_=sa.String(length=32),
            existing_nullable=False,
        )
