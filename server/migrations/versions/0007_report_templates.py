"""report templates on the server: structured report fields, the clinic's draft on a consult

Revision ID: 0007
Revises: 0006_ai
Create Date: 2026-11-30 03:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006_ai"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as b:
        b.add_column(sa.Column("template", sa.String(length=32), nullable=False, server_default=""))
        b.add_column(sa.Column("fields", sa.JSON(), nullable=True))
    with op.batch_alter_table("consults") as b:
        b.add_column(sa.Column("draft", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("consults") as b:
        b.drop_column("draft")
    with op.batch_alter_table("reports") as b:
        b.drop_column("fields")
        b.drop_column("template")
