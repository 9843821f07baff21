"""AI catalogue: the built-in chest X-ray image checks (the CR analyzer) as a product; clinics
subscribed as to the other built-ins

Revision ID: 0011_aicxr
Revises: 0010
Create Date: 2026-11-30 07:00:00
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0011_aicxr"
down_revision = "0010"
branch_labels = None
depends_on = None

CODE = "huizhen-cxr-checks"


def upgrade() -> None:
    from app.ai.products import builtin

    p = builtin(CODE)
    now = datetime.now(UTC).replace(tzinfo=None)
    conn = op.get_bind()
    conn.execute(
        sa.text(
            "INSERT INTO ai_products (code, name, vendor, version, modality, intended_use,"
            " licence, not_for_clinical_use, runs, analyzer, model_id, endpoint_url,"
            " remote_model, remote_version, fallback, builtin, auto_subscribe, active,"
            " row_version, created_at, updated_at) VALUES (:code, :name, :vendor, :version,"
            " :modality, :use, :licence, :nfcu, 'local', :analyzer, '', '', '', '', 'local',"
            " :yes, :yes, :yes, 1, :now, :now)"
        ),
        dict(code=CODE, name=p.name, vendor=p.vendor, version=p.version, modality=p.modality,
             use=p.intended_use, licence=p.licence, nfcu=True, analyzer=p.analyzer, yes=True,
             now=now),
    )  # fmt: skip
    conn.execute(
        sa.text(
            "INSERT INTO ai_subscriptions (org_id, product_id, created_by, created_at)"
            " SELECT o.id, p.id, 'migration', :now FROM organisations o, ai_products p"
            " WHERE o.kind = 'clinic' AND p.code = :code"
        ),
        dict(now=now, code=CODE),
    )


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(
        sa.text(
            "DELETE FROM ai_subscriptions WHERE product_id IN"
            " (SELECT id FROM ai_products WHERE code = :code)"
        ),
        dict(code=CODE),
    )
    conn.execute(sa.text("DELETE FROM ai_products WHERE code = :code"), dict(code=CODE))
