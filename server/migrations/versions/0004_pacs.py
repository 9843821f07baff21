"""pacs_objects: Study/Series/SOP Instance UIDs and PACS state of DICOM objects

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pacs_objects",
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("study_uid", sa.String(length=64), nullable=False),
        sa.Column("series_uid", sa.String(length=64), nullable=False),
        sa.Column("sop_uid", sa.String(length=64), nullable=False),
        sa.Column("sop_class_uid", sa.String(length=64), nullable=False),
        sa.Column("patient_id", sa.String(length=64), nullable=False),
        sa.Column("patient_name", sa.String(length=200), nullable=False),
        sa.Column("study_date", sa.String(length=8), nullable=False),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("backend", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_pacs_objects_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["object_id"], ["objects.id"], name=op.f("fk_pacs_objects_object_id_objects")
        ),
        sa.PrimaryKeyConstraint("object_id", name=op.f("pk_pacs_objects")),
    )
    with op.batch_alter_table("pacs_objects", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pacs_objects_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pacs_objects_sop_uid"), ["sop_uid"], unique=False)
        batch_op.create_index(batch_op.f("ix_pacs_objects_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_pacs_objects_study_uid"), ["study_uid"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pacs_objects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pacs_objects_study_uid"))
        batch_op.drop_index(batch_op.f("ix_pacs_objects_state"))
        batch_op.drop_index(batch_op.f("ix_pacs_objects_sop_uid"))
        batch_op.drop_index(batch_op.f("ix_pacs_objects_case_id"))
    op.drop_table("pacs_objects")
