"""A chest CT pre-read graded against the patient's prior chest CT when it is stored
(app.chest_prior_grading through app.ai.store.save_result): a nodule that grew into
Lung-RADS 4B makes the exam urgent on the worklist and raises an alert; without the
prior the same scan is graded by the baseline rules; a prior result stored before the
lungs were kept with it is still aligned (the slow path).

Two SYNTHETIC chest CT phantoms of one patient, written as DICOM: on 2026-01-01 a solid
nodule of about 8 mm (baseline 3 or 4A: routine) and a ground glass one; on 2026-07-01, lying 20 mm
further along the table, the solid nodule measures about 11.5 mm (grown more than
1.5 mm in six months: 4B at follow-up, still 4A by the baseline table)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.ai.result import AiResult, Finding, ModelInfo, Urgency
from app.domain import Priority
from inference.chest.rules import GROUND_GLASS, SOLID
from tests.chest.test_priors import write_study

GROWING_AT = (-70.0, 0.0, 100.0)


def _phantom(long_mm, short_mm):
    from inference.chest.phantom import TruthNodule, build_phantom

    return build_phantom((64, 200, 200), (2.5, 1.75, 1.75), seed=5, nodules=[
        TruthNodule(GROWING_AT, long_mm, short_mm, SOLID),
        TruthNodule((75.0, 10.0, 90.0), 14.0, 13.0, GROUND_GLASS)])  # fmt: skip


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("prior_urgency")
    before = write_study(_phantom(9.0, 8.0), tmp / "a", "20260101")
    after = write_study(_phantom(12.0, 11.0), tmp / "b", "20260701", (0.0, 0.0, 20.0))
    return tmp, before, after


@pytest.fixture(scope="module")
def follow_up(series):
    from app.importer import run_import
    from app.store import Store
    from inference.preread import run_preread

    tmp, before, after = series
    store = Store(f"sqlite:///{tmp / 'fu.sqlite'}", tmp / "fu")
    first = run_import(store, before).study_pks[0]
    second = run_import(store, after).study_pks[0]
    run_preread(store, [first, second])
    yield store, first, second
    store.close()


def _priority(store, pk):
    from app.models import WorklistItem

    with store.read_session() as s:
        return s.scalar(select(WorklistItem.priority).where(WorklistItem.study_pk == pk))


def _alerts(store, pk):
    from app.models import Alert

    with store.read_session() as s:
        return [(a.level, a.finding_code, a.message)
                for a in s.scalars(select(Alert).where(Alert.study_pk == pk))]  # fmt: skip


def test_a_nodule_grown_into_4b_makes_the_follow_up_urgent_with_an_alert(follow_up):
    from app.ai.store import latest_result
    from app.models import Study

    store, first, second = follow_up
    prior = latest_result(store, first)[1]
    assert prior.details["lung_rads"] in ("3", "4A") and "follow_up" not in prior.details
    assert prior.urgency == Urgency.ROUTINE and _priority(store, first) == Priority.ROUTINE
    assert _alerts(store, first) == []
    assert len(prior.details["lungs"]["centre_mm"]) == 3  # kept for the next exam

    r = latest_result(store, second)[1]
    fu = r.details["follow_up"]
    with store.read_session() as s:
        prior_uid = s.get(Study, first).uid
    assert fu["prior"]["study_uid"] == prior_uid and fu["prior"]["study_date"] == "2026-01-01"
    assert fu["prior"]["ai_result_uid"] == prior.uid and fu["prior"]["days"] == 181
    assert fu["prior"]["lung_shift_mm"][2] == pytest.approx(20.0, abs=3.0)
    assert (fu["lung_rads"], fu["baseline_lung_rads"]) == ("4B", "4A")
    grown = next(n for n in fu["nodules"] if n["change"] == "growing")
    assert grown["lung_rads"] == "4B" and grown["growth_mm"] > 1.5
    assert sorted(n["change"] for n in fu["nodules"]) == ["growing", "stable"]
    # the AI result says so (AI output: the doctor still confirms)
    assert r.urgency == Urgency.URGENT and "follow-up vs the chest CT of 2026-01-01" in r.summary
    assert "2026-01-01" in r.rules
    compared = [f for f in r.findings if f.code == "CHEST_PRIOR_COMPARED"]
    assert compared and compared[0].evidence["study_uid"] == prior_uid
    nodule = next(f for f in r.findings if f.evidence.get("id") == grown["id"])
    assert nodule.severity == "urgent" and nodule.evidence["lung_rads"] == "4A"  # baseline kept
    # the worklist and the alerts follow it
    assert _priority(store, second) == Priority.URGENT
    alerts = _alerts(store, second)
    assert [(level, code) for level, code, _m in alerts] == [("urgent", "LUNG_NODULE")]
    assert "follow-up Lung-RADS 4B" in alerts[0][2] and r.model.label in alerts[0][2]
    assert [a.study_pk for a in store.open_alerts()] == [second]


def test_without_the_prior_the_same_scan_is_graded_by_baseline_rules(series):
    from app.ai.store import latest_result
    from app.importer import run_import
    from app.store import Store
    from inference.preread import run_preread

    tmp, _before, after = series
    store = Store(f"sqlite:///{tmp / 'alone.sqlite'}", tmp / "alone")
    try:
        pk = run_import(store, after).study_pks[0]
        run_preread(store, [pk])
        r = latest_result(store, pk)[1]
        assert "follow_up" not in r.details and r.details["lung_rads"] == "4A"
        assert r.urgency == Urgency.ROUTINE and _priority(store, pk) == Priority.ROUTINE
        assert _alerts(store, pk) == []
        assert not [f for f in r.findings if f.code == "CHEST_PRIOR_COMPARED"]
    finally:
        store.close()


def test_an_old_prior_result_without_the_lungs_is_aligned_by_the_slow_path(follow_up, monkeypatch):
    from app import chest_priors
    from app.ai.store import latest_result
    from app.chest_prior_grading import grade_with_prior
    from app.models import AIResult

    store, first, second = follow_up
    found = []
    slow = chest_priors.lung_centre
    monkeypatch.setattr(chest_priors, "lung_centre", lambda *a: found.append(a[1]) or slow(*a))
    fast = chest_priors.find_prior_exam(store, second, keep=False)
    assert found == []  # both results keep their lungs: no volume loaded
    with store.session() as s:  # the prior as stored before the lungs were kept
        row = s.scalars(select(AIResult).where(AIResult.study_pk == first)).one()
        details = dict(row.payload["details"])
        details.pop("lungs")
        row.payload = dict(row.payload, details=details)
    old = chest_priors.find_prior_exam(store, second, keep=False)
    assert found == [first]  # the prior's scan loaded, its lungs found again
    assert old.lung_shift == pytest.approx(fast.lung_shift, abs=0.2)
    current = latest_result(store, second)[1]
    current.details.pop("follow_up")
    current.details.pop("lungs")  # an old current result too: both scans loaded
    graded = grade_with_prior(store, second, current)
    assert found == [first, second, first]
    assert graded.details["follow_up"]["lung_rads"] == "4B"
    assert graded.urgency == Urgency.URGENT


def _result(analyzer, urgency, severity):
    model = ModelInfo("m", "m", "1")
    return AiResult(model, analyzer, "CT", urgency, "s", [Finding("X", "x", severity)])


def test_urgent_results_alert_only_for_analyzers_that_ask():
    from app.modalities import alerts_on_urgent

    assert alerts_on_urgent("chest-ct") and not alerts_on_urgent("ecg")
    chest = _result("chest-ct", Urgency.URGENT, "urgent")
    assert [f.code for f in chest.alert_findings(alerts_on_urgent("chest-ct"))] == ["X"]
    assert _result("ecg", Urgency.URGENT, "urgent").alert_findings(alerts_on_urgent("ecg")) == []
    routine = _result("chest-ct", Urgency.ROUTINE, "routine")
    assert routine.alert_findings(True) == []
    crit = _result("ecg", Urgency.CRITICAL, "critical")
    assert [f.code for f in crit.alert_findings(False)] == ["X"]  # as before
