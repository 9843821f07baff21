"""A chest CT prior imported after the newer chest CT was pre-read re-grades the newer
one (app.chest_regrade, the CT analyzer's on_stored hook in app.ai.store.save_result):
a new AI result graded by the Lung-RADS follow-up rules, urgent on the worklist with an
alert, the earlier result kept, the doctor's decisions carried over and the open draft
rewritten.  The same two SYNTHETIC phantom CTs of one patient as test_prior_urgency
(2026-01-01: solid nodule about 8 mm; 2026-07-01: about 11.5 mm, 4B at follow-up)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.ai.result import Urgency
from app.domain import Priority
from tests.chest.test_prior_urgency import _alerts, _priority, series  # noqa: F401


def _newer_study(store, after):
    """The newer CT pre-read, the doctor's decisions made and a draft started."""
    from app import chest_review as cr
    from app import reports
    from app.ai.store import latest_result
    from app.importer import run_import
    from inference.preread import run_preread

    second = run_import(store, after).study_pks[0]
    run_preread(store, [second])
    old = latest_result(store, second)[1]
    review = cr.load_review(store, second, old.to_dict())
    for n in cr.ai_nodules(old.to_dict()):
        review.decide(int(n["id"]), "accepted" if n["type"] == "solid" else "rejected", "doctor")
    cr.save_review(store, second, review)
    return second, old, reports.create_draft(store, second, language="en")


@pytest.fixture(scope="module")
def newer_first(series):  # noqa: F811
    """The newer CT imported and pre-read (with the doctor's decisions and a draft) before
    its prior arrives."""
    from app.store import Store

    tmp, before, after = series
    store = Store(f"sqlite:///{tmp / 'later.sqlite'}", tmp / "later")
    yield (store, before, *_newer_study(store, after))
    store.close()


def _chest_results(store, pk: int) -> int:
    from app.models import AIResult

    with store.read_session() as s:
        return s.scalar(
            select(func.count(AIResult.id)).where(
                AIResult.study_pk == pk, AIResult.analyzer == "chest-ct"
            )
        )


def test_a_prior_imported_later_regrades_the_newer_ct(newer_first):
    from app import chest_review as cr
    from app import reports
    from app.ai.store import latest_result
    from app.importer import run_import
    from app.models import Study
    from inference.preread import run_preread

    store, before, second, old, draft = newer_first
    # before the prior: baseline rules, routine, no alert
    assert "follow_up" not in old.details and old.details["lung_rads"] == "4A"
    assert old.urgency == Urgency.ROUTINE and _priority(store, second) == Priority.ROUTINE
    assert _alerts(store, second) == []
    assert "(baseline) exam category 4A" in draft.values["lung_rads"]
    # the prior arrives and is pre-read
    first = run_import(store, before).study_pks[0]
    run_preread(store, [first])
    new = latest_result(store, second)[1]
    with store.read_session() as s:
        prior_uid = s.get(Study, first).uid
    assert new.uid != old.uid and _chest_results(store, second) == 2  # the earlier one kept
    fu = new.details["follow_up"]
    assert fu["prior"]["study_uid"] == prior_uid and fu["prior"]["study_date"] == "2026-01-01"
    assert (fu["lung_rads"], fu["baseline_lung_rads"]) == ("4B", "4A")
    assert new.details["regraded"]["previous_result_uid"] == old.uid
    codes = [f.code for f in new.findings]
    assert codes.count("CHEST_PRIOR_ARRIVED") == 1 and codes.count("CHEST_PRIOR_COMPARED") == 1
    assert (
        new.urgency == Urgency.URGENT and "follow-up vs the chest CT of 2026-01-01" in new.summary
    )
    # the worklist and the alerts follow it
    assert _priority(store, second) == Priority.URGENT
    assert [(level, code) for level, code, _m in _alerts(store, second)] == [
        ("urgent", "LUNG_NODULE")
    ]
    # the doctor's decisions are on the new result; the open draft grades against the prior
    review = cr.load_review(store, second, new.to_dict())
    assert review.result_uid == new.uid
    assert {d.status for d in review.decisions.values()} == {"accepted", "rejected"}
    view = reports.current_report(store, second)
    assert (
        "follow-up, compared with the chest CT of 2026-01-01) exam category 4B"
        in (view.values["lung_rads"])
    )
    assert "grew from" in view.values["nodules"]
    # nothing more to do: pre-reading again or storing the prior again adds nothing
    run_preread(store, [first, second])
    from app.chest_regrade import regrade_later

    assert regrade_later(store, first, latest_result(store, first)[1]) == []
    assert _chest_results(store, second) == 2


def test_a_result_graded_before_its_baseline_was_kept_is_rebuilt_to_baseline(newer_first):
    """An older follow-up result (no baseline kept with it) gives the analyzer's grades
    back: baseline urgency, texts, summary and rules."""
    from app.ai.store import latest_result
    from app.chest_regrade import again, baseline

    store, _before, second, old, _draft = newer_first
    graded = latest_result(store, second)[1].to_dict()
    if "follow_up" not in graded["details"]:
        pytest.skip("runs after the re-grading test")
    graded["details"]["follow_up"].pop("baseline")
    d = baseline(graded)
    want = old.to_dict()
    assert d["urgency"] == want["urgency"] == "routine"
    assert d["summary"] == want["summary"] and d["rules"] == want["rules"]
    assert [(f["code"], f["text"], f["severity"]) for f in d["findings"]] == [
        (f["code"], f["text"], f["severity"]) for f in want["findings"]
    ]
    r = again(graded, old)
    assert r.uid not in (graded["uid"], old.uid) and r.findings[-1].code == "CHEST_PRIOR_ARRIVED"


def test_the_open_list_offers_the_new_grading_when_the_prior_arrives(qtbot, jobs, series, tmp_path):  # noqa: F811
    """The newer CT is open when its prior is imported and pre-read: the list says so and
    "Show the new grading" follows the new result (decisions kept, follow-up categories)."""
    from app.domain import Modality
    from app.importer import run_import
    from app.store import Store
    from inference.preread import run_preread
    from viewers.dicom.qt_image_viewer import ImageViewer
    from viewers.registry import ViewerContext

    _tmp, before, after = series
    store = Store(f"sqlite:///{tmp_path / 'open.sqlite'}", tmp_path / "open")
    try:
        second, old, _draft = _newer_study(store, after)
        v = ImageViewer(ViewerContext(store, second, Modality.CT, store.object_paths(second), jobs))
        qtbot.addWidget(v)
        v.show()
        qtbot.waitUntil(lambda: getattr(v, "chest_panel", None) is not None, timeout=60_000)
        panel = v.chest_panel
        qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2, timeout=60_000)
        assert panel.prior is None and panel.payload["uid"] == old.uid
        first = run_import(store, before).study_pks[0]
        run_preread(store, [first])
        qtbot.waitUntil(lambda: panel.newer_note is not None and panel.newer_note.isVisibleTo(panel),
                        timeout=60_000)  # fmt: skip
        assert "2026-01-01 was imported after this study's pre-read" in panel.newer_note.text()
        panel.newer_btn.click()
        qtbot.waitUntil(lambda: panel.prior is not None, timeout=60_000)
        assert panel.payload["uid"] != old.uid and not panel.newer_btn.isVisibleTo(panel)
        assert "Graded again when this prior arrived" in panel.prior_note.text()
        rows = [panel.tree.topLevelItem(i) for i in range(2)]
        assert sorted(r.text(4) for r in rows) == ["accepted", "rejected"]  # carried over
        assert any(r.text(3).startswith("4B (+") for r in rows)
        assert "Lung-RADS 4B" in panel.exam.text()
    finally:
        store.close()
