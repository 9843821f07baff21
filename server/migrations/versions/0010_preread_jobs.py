"""preread_jobs: the AI pre-read queue as a table (several server nodes, separate workers)

Revision ID: 0010
Revises: 0009_aicat
Create Date: 2026-11-30 06:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009_aicat"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "preread_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("claim", sa.String(length=32), nullable=True),
        sa.Column("worker", sa.String(length=100), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["object_id"], ["objects.id"], name=op.f("fk_preread_jobs_object_id_objects")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_preread_jobs")),
        sa.UniqueConstraint("object_id", name=op.f("uq_preread_jobs_object_id")),
    )
    with op.batch_alter_table("preread_jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_preread_jobs_state"), ["state"], unique=False)
    # objects a server left pending (queued in its memory before this table) are queued here
    op.execute(
        "INSERT INTO preread_jobs (object_id, rank, size, state, worker, attempts, created_at) "
        "SELECT o.id, c.priority * 2 + CASE WHEN o.modality = 'ECG' THEN 0 ELSE 1 END, o.size, "
        "'queued', '', 0, o.created_at FROM objects o JOIN cases c ON c.id = o.case_id "
        "WHERE o.preread_state = 'pending'"
    )


def downgrade() -> None:
    with op.batch_alter_table("preread_jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_preread_jobs_state"))
    op.drop_table("preread_jobs")
