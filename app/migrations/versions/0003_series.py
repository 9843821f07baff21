"""series level: studies -> series -> objects; objects keep their original names

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 03:30:00

Existing objects are moved into series rows here: one series per DICOM
SeriesInstanceUID of a study, companions (a WFDB .dat) with the file they
belong to, everything else of a study in one series.  Their hash-named blobs
are moved into ``series/<id>/<original name>`` by ``Store`` when it opens the
data folder (the migration does not know the folder).
"""

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("study_pk", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=128), nullable=False),
        sa.Column("modality", sa.String(length=8), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("reader", sa.String(length=64), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["study_pk"], ["studies.id"], name=op.f("fk_series_study_pk_studies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series")),
    )
    with op.batch_alter_table("series", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_series_study_pk"), ["study_pk"], unique=False)
        batch_op.create_index(batch_op.f("ix_series_uid"), ["uid"], unique=False)
    # plain ALTER (no table copy: other tables refer to patients)
    op.add_column(
        "patients",
        sa.Column("unassigned", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    with op.batch_alter_table("objects", schema=None) as batch_op:
        batch_op.add_column(sa.Column("series_pk", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("path", sa.String(length=500), nullable=True))
        # the same bytes may belong to two records (e.g. identical annotation files)
        batch_op.drop_constraint("uq_objects_sha256", type_="unique")
        batch_op.create_index(batch_op.f("ix_objects_sha256"), ["sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_objects_series_pk"), ["series_pk"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_objects_series_pk_series"), "series", ["series_pk"], ["id"]
        )
    move_rows()


def move_rows() -> None:
    """Put every existing object into a series of its study."""
    conn = op.get_bind()
    objects = sa.table(
        "objects",
        sa.column("id", sa.Integer),
        sa.column("study_pk", sa.Integer),
        sa.column("sha256", sa.String),
        sa.column("reader", sa.String),
        sa.column("meta", sa.JSON),
        sa.column("series_pk", sa.Integer),
    )
    studies = sa.table(
        "studies",
        sa.column("id", sa.Integer),
        sa.column("uid", sa.String),
        sa.column("modality", sa.String),
        sa.column("description", sa.String),
    )
    series = sa.table(
        "series",
        sa.column("id", sa.Integer),
        sa.column("study_pk", sa.Integer),
        sa.column("uid", sa.String),
        sa.column("modality", sa.String),
        sa.column("description", sa.String),
        sa.column("reader", sa.String),
        sa.column("meta", sa.JSON),
        sa.column("created_at", sa.DateTime),
    )
    info = {r.id: r for r in conn.execute(sa.select(studies))}
    rows = list(conn.execute(sa.select(objects).order_by(objects.c.id)))
    group_of_digest: dict[str, tuple[int, str]] = {}
    made: dict[tuple[int, str], int] = {}
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc).replace(tzinfo=None)
    for r in rows:
        meta = r.meta or {}
        owner = meta.get("companion_of") if isinstance(meta, dict) else None
        if owner and owner in group_of_digest:
            key = group_of_digest[owner]
        else:
            uid = str(meta.get("series_uid") or "") if isinstance(meta, dict) else ""
            study = info.get(r.study_pk)
            if not uid:
                base = f"{study.uid if study else r.study_pk}|legacy"
                uid = "2.25." + str(int(hashlib.sha256(base.encode()).hexdigest()[:30], 16))
            key = (r.study_pk, uid)
        group_of_digest[r.sha256] = key
        if key not in made:
            study = info.get(r.study_pk)
            res = conn.execute(
                sa.insert(series)
                .returning(series.c.id)
                .values(
                    study_pk=r.study_pk,
                    uid=key[1][:128],
                    modality=(study.modality if study else "OT") or "OT",
                    description=(study.description if study else "") or "",
                    reader=r.reader or "",
                    meta={},
                    created_at=now,
                )
            )
            made[key] = res.scalar_one()
        conn.execute(sa.update(objects).where(objects.c.id == r.id).values(series_pk=made[key]))


def downgrade() -> None:
    with op.batch_alter_table("objects", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_objects_series_pk_series"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_objects_series_pk"))
        batch_op.drop_index(batch_op.f("ix_objects_sha256"))
        batch_op.create_unique_constraint("uq_objects_sha256", ["sha256"])
        batch_op.drop_column("path")
        batch_op.drop_column("series_pk")
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.drop_column("unassigned")
    with op.batch_alter_table("series", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_series_uid"))
        batch_op.drop_index(batch_op.f("ix_series_study_pk"))
    op.drop_table("series")
