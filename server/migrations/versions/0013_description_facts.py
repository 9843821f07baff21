"""cases.study_description_facts: the coded parts of a description a clinic's reader made up

Revision ID: 0013_desc
Revises: 0012
Create Date: 2026-11-30 09:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_desc"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # cases from before keep only their text (NULL facts): shown as it is
    with op.batch_alter_table("cases", schema=None) as b:
        b.add_column(sa.Column("study_description_facts", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as b:
        b.drop_column("study_description_facts")
