"""Store, migrations and audit trail."""

from sqlalchemy import select, text

from app import db
from app.domain import Status
from app.models import AuditEvent, Base, WorklistItem


def test_migrations_match_the_models(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diffs == []
    assert db.current_revision(store.engine) == db.head_revision()


def test_sqlite_runs_in_wal_mode(store):
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar().lower() == "wal"


def test_migrate_is_idempotent(store):
    db.migrate(store.engine)
    db.migrate(store.engine)
    assert db.current_revision(store.engine) == db.head_revision()


def test_status_change_is_audited_and_checked(store, tmp_path):
    from pydicom.data import get_testdata_file

    from app.importer import run_import

    report = run_import(store, [get_testdata_file("RG1_UNCR.dcm", download=False)])
    pk = report.study_pks[0]
    store.set_status(pk, Status.AWAITING_REVIEW)
    with store.read_session() as s:
        item = s.scalars(select(WorklistItem).where(WorklistItem.study_pk == pk)).one()
        assert item.status == "awaiting_review" and item.version == 2
        actions = [e.action for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert actions == ["import", "status"]
    import pytest

    from app.domain import TransitionError

    with pytest.raises(TransitionError):
        store.set_status(pk, Status.SIGNED)


def test_worklist_rows_flatten_patient_and_study(store):
    from pydicom.data import get_testdata_file

    from app.importer import run_import

    run_import(store, [get_testdata_file("RG1_UNCR.dcm", download=False)])
    (row,) = store.worklist_rows()
    assert row.modality == "CR"
    assert row.patient_id == "9RG1"
    assert row.status == "new"
