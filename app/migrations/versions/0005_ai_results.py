"""one AI result shape: uid/source/analyzer/model id; alerts keyed by result and finding

Revision ID: 0005_ai
Revises: 0004
Create Date: 2026-11-30 03:45:00
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005_ai"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ai_results", schema=None) as b:
        b.add_column(sa.Column("uid", sa.String(length=32), nullable=True))
        b.add_column(
            sa.Column("source", sa.String(length=8), nullable=False, server_default="clinic")
        )
        b.add_column(sa.Column("analyzer", sa.String(length=32), nullable=False, server_default=""))
        b.add_column(
            sa.Column("model_id", sa.String(length=100), nullable=False, server_default="")
        )
        b.create_unique_constraint(b.f("uq_ai_results_uid"), ["uid"])
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id FROM ai_results")).scalars().all()
    for pk in rows:
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
            b.f("uq_alerts_study_pk"), ["study_pk", "ai_result_uid", "finding_code"]
        )


def downgrade() -> None:
    with op.batch_alter_table("alerts", schema=None) as b:
        b.drop_constraint(b.f("uq_alerts_study_pk"), type_="unique")
        b.drop_column("acknowledged_by_name")
        b.drop_column("finding_code")
        b.drop_column("ai_result_uid")
    with op.batch_alter_table("ai_results", schema=None) as b:
        b.drop_constraint(b.f("uq_ai_results_uid"), type_="unique")
        b.drop_column("model_id")
        b.drop_column("analyzer")
        b.drop_column("source")
        b.drop_column("uid")
