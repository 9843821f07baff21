"""studies.description_facts: the coded parts of a description the reader made up

Revision ID: 0006_desc
Revises: 0005_ai
Create Date: 2026-11-30 09:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_desc"
down_revision = "0005_ai"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # rows imported before keep only their text (NULL facts): shown as it is
    with op.batch_alter_table("studies", schema=None) as b:
        b.add_column(sa.Column("description_facts", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("studies", schema=None) as b:
        b.drop_column("description_facts")
