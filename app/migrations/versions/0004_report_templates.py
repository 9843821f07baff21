"""report templates: structured fields per report, the clinic's draft on a consult

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 03:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as b:
        b.add_column(sa.Column("template", sa.String(length=32), nullable=False, server_default=""))
        b.add_column(sa.Column("fields", sa.JSON(), nullable=True))
    op.execute("UPDATE reports SET template = 'ecg'")  # only ECG could be reported before
    with op.batch_alter_table("consult_requests") as b:
        b.add_column(sa.Column("draft", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("consult_requests") as b:
        b.drop_column("draft")
    with op.batch_alter_table("reports") as b:
        b.drop_column("fields")
        b.drop_column("template")
