"""one AI result shape (uid, source, model id, payload); alerts keyed by result and finding

Revision ID: 0006_ai
Revises: 0005
Create Date: 2026-11-30 03:50:00
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0006_ai"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ai_results", schema=None) as b:
        b.alter_column("object_id", existing_type=sa.Integer(), nullable=True)
        b.add_column(sa.Column("uid", sa.String(length=32), nullable=True))
        b.add_column(
            sa.Column("source", sa.String(length=8), nullable=False, server_default="server")
        )
        b.add_column(
            sa.Column("model_id", sa.String(length=100), nullable=False, server_default="")
        )
        b.add_column(sa.Column("payload", sa.JSON(), nullable=False, server_default="{}"))
        b.create_unique_constraint(b.f("uq_ai_results_uid"), ["uid"])
    conn = op.get_bind()
    for pk in conn.execute(sa.text("SELECT id FROM ai_results")).scalars().all():
        conn.execute(
            sa.text("UPDATE ai_results SET uid = :u WHERE id = :i"),
            {"u": uuid.uuid4().hex, "i": pk},
        )
    with op.batch_alter_table("alerts", schema=None) as b:
        b.add_column(sa.Column("ai_result_uid", sa.String(length=32), nullable=True))
        b.add_column(
            sa.Column("finding_code", sa.String(length=64), nullable=False, server_default="")
        )
        b.add_column(
            sa.Column(
                "acknowledged_by_name", sa.String(length=200), nullable=False, server_default=""
            )
        )
        b.create_unique_constraint(
            b.f("uq_alerts_case_id"), ["case_id", "ai_result_uid", "finding_code"]
        )


def downgrade() -> None:
    with op.batch_alter_table("alerts", schema=None) as b:
        b.drop_constraint(b.f("uq_alerts_case_id"), type_="unique")
        b.drop_column("acknowledged_by_name")
        b.drop_column("finding_code")
        b.drop_column("ai_result_uid")
    with op.batch_alter_table("ai_results", schema=None) as b:
        b.drop_constraint(b.f("uq_ai_results_uid"), type_="unique")
        b.drop_column("payload")
        b.drop_column("model_id")
        b.drop_column("source")
        b.drop_column("uid")
        b.alter_column("object_id", existing_type=sa.Integer(), nullable=False)
