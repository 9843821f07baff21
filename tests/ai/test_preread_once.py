"""A study is pre-read once: re-running and re-importing add no second AI result
and no second alert; the stored result has the one shape with measurements."""

from __future__ import annotations

import pydicom
from sqlalchemy import func, select

from app.models import AIResult, Alert, Outbox


def _stemi(tmp_path):
    from app.demo.build import build_stemi_ecg, sample_path

    return build_stemi_ecg(pydicom.dcmread(sample_path("waveform_ecg.dcm")), tmp_path)


def _count(store, model, pk):
    with store.read_session() as s:
        return s.scalar(select(func.count()).select_from(model).where(model.study_pk == pk))


def test_rerun_and_reimport_add_no_duplicate_result_or_alert(store, tmp_path):
    from app.ai.store import latest_result
    from app.importer import run_import
    from inference.preread import run_preread

    path = _stemi(tmp_path)
    [pk] = run_import(store, [path]).study_pks
    first = run_preread(store, [pk])
    assert first[pk].urgency == "critical"
    assert _count(store, AIResult, pk) == 1 and _count(store, Alert, pk) == 1
    assert run_preread(store, [pk]) == {}  # this model and version read it already
    again = run_import(store, [path])
    run_preread(store, again.study_pks or [pk])
    assert _count(store, AIResult, pk) == 1 and _count(store, Alert, pk) == 1
    _, r = latest_result(store, pk)
    assert r.model.name and r.model.version and r.model.id == "openecg-codec"
    assert 30 < r.measurements["hr_bpm"] < 150 and r.units["qrs_ms"] == "ms"
    with store.read_session() as s:
        alert = s.scalars(select(Alert)).one()
        assert (alert.ai_result_uid, alert.finding_code) == (r.uid, "STEMI")
        # a case that is not on a server sends nothing
        assert s.scalar(select(func.count()).select_from(Outbox)) == 0


def test_acknowledged_finding_is_not_alerted_again_by_a_new_result(store, tmp_path):
    from app.ai.result import AiResult
    from app.ai.store import save_result
    from app.importer import run_import
    from inference.preread import run_preread

    [pk] = run_import(store, [_stemi(tmp_path)]).study_pks
    r = run_preread(store, [pk])[pk]
    with store.read_session() as s:
        alert_id = s.scalar(select(Alert.id))
    store.acknowledge_alert(alert_id)
    newer = AiResult.from_dict({**r.to_dict(), "uid": "", "model": {"name": "m2", "version": "9"}})
    assert save_result(store, pk, newer)  # a different model: a second result is fine
    assert store.open_alerts() == []  # but STEMI was acknowledged: no new open alert
