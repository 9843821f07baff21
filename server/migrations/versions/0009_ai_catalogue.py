"""AI catalogue of the city AI platform: products and clinic subscriptions; built-ins seeded

Revision ID: 0009_aicat
Revises: 0008
Create Date: 2026-11-30 06:40:00
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0009_aicat"
down_revision = "0008"
branch_labels = None
depends_on = None

# the built-in products as of this revision (app/ai/products.py BUILTIN); a later
# change to them needs its own migration
_BUILTIN = [
    ("huizhen-ecg", "Huizhen ECG pre-read", "openecg v6-int8 + rules 1.0", "ECG", "ecg",
     "openecg-codec", "Apache-2.0 (OpenECG model and Huizhen rules)"),
    ("huizhen-chest-ct", "Huizhen chest CT nodules", "classic 0.1", "CT", "chest-ct",
     "chest-ct-nodule", "Apache-2.0"),
    ("huizhen-fundus", "Huizhen fundus screening", "classic 0.1", "OP", "fundus",
     "fundus-multidisease", "Apache-2.0"),
    ("huizhen-nuclei", "Huizhen nuclei detection", "watershed 0.2.0", "SM", "nuclei", "",
     "Apache-2.0"),
]  # fmt: skip


def upgrade() -> None:
    products = op.create_table(
        "ai_products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("vendor", sa.String(length=200), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("intended_use", sa.Text(), nullable=False),
        sa.Column("licence", sa.String(length=200), nullable=False),
        sa.Column("not_for_clinical_use", sa.Boolean(), nullable=False),
        sa.Column("runs", sa.String(length=16), nullable=False),
        sa.Column("analyzer", sa.String(length=64), nullable=False),
        sa.Column("model_id", sa.String(length=64), nullable=False),
        sa.Column("endpoint_url", sa.String(length=500), nullable=False),
        sa.Column("remote_model", sa.String(length=200), nullable=False),
        sa.Column("remote_version", sa.String(length=64), nullable=False),
        sa.Column("fallback", sa.String(length=16), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("auto_subscribe", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ai_products")),
        sa.UniqueConstraint("code", name=op.f("uq_ai_products_code")),
    )
    op.create_index(op.f("ix_ai_products_modality"), "ai_products", ["modality"])
    op.create_table(
        "ai_subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organisations.id"],
            name=op.f("fk_ai_subscriptions_org_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["ai_products.id"],
            name=op.f("fk_ai_subscriptions_product_id_ai_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ai_subscriptions")),
        sa.UniqueConstraint("org_id", "product_id", name=op.f("uq_ai_subscriptions_org_id")),
    )
    op.create_index(op.f("ix_ai_subscriptions_org_id"), "ai_subscriptions", ["org_id"])
    op.create_index(op.f("ix_ai_subscriptions_product_id"), "ai_subscriptions", ["product_id"])
    _seed(products)


def _seed(products) -> None:
    from app.ai.products import builtin

    now = datetime.now(UTC).replace(tzinfo=None)
    rows = []
    for code, name, version, modality, analyzer, model_id, licence in _BUILTIN:
        p = builtin(code)
        use = p.intended_use if p is not None else ""
        rows.append(
            dict(code=code, name=name, vendor="Huizhen (open source)", version=version,
                 modality=modality, intended_use=use, licence=licence,
                 not_for_clinical_use=True, runs="local", analyzer=analyzer, model_id=model_id,
                 endpoint_url="", remote_model="", remote_version="", fallback="local",
                 builtin=True, auto_subscribe=True, active=True, row_version=1,
                 created_at=now, updated_at=now)
        )  # fmt: skip
    op.bulk_insert(products, rows)
    conn = op.get_bind()
    clinics = conn.execute(sa.text("SELECT id FROM organisations WHERE kind = 'clinic'")).all()
    ids = conn.execute(sa.text("SELECT id FROM ai_products")).scalars().all()
    subs = sa.table(
        "ai_subscriptions",
        sa.column("org_id", sa.Integer),
        sa.column("product_id", sa.Integer),
        sa.column("created_by", sa.String),
        sa.column("created_at", sa.DateTime),
    )
    pairs = [
        dict(org_id=o, product_id=p, created_by="migration", created_at=now)
        for (o,) in clinics
        for p in ids
    ]
    if pairs:
        op.bulk_insert(subs, pairs)


def downgrade() -> None:
    op.drop_index(op.f("ix_ai_subscriptions_product_id"), table_name="ai_subscriptions")
    op.drop_index(op.f("ix_ai_subscriptions_org_id"), table_name="ai_subscriptions")
    op.drop_table("ai_subscriptions")
    op.drop_index(op.f("ix_ai_products_modality"), table_name="ai_products")
    op.drop_table("ai_products")
