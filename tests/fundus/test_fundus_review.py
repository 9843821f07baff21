"""The ophthalmologist's review of the AI: per-lesion confirm/reject (saved at once,
audited) re-judges the eye; the per-eye confirm/correct goes into the report draft,
which autosaves.  A SYNTHETIC two-eye visit (the real retina.jpg; painted lesions
on the right eye)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.ui.report_helpers import WAIT_MS, start


@pytest.fixture
def visit(store, tmp_path):
    from app.importer import run_import
    from inference.fundus.synthetic import write_visit
    from inference.preread import run_preread

    pks = run_import(store, write_visit(tmp_path / "cam")).study_pks
    run_preread(store, pks)
    return pks


@pytest.fixture
def user(store):
    from app.auth import authenticate, seed_demo_users

    seed_demo_users(store)
    return authenticate(store, "specialist", "demo")


def _right_eye(store, pk):
    from app.ai.store import latest_result

    _id, r = latest_result(store, pk)
    return r.uid, r.details["eyes"][0]


def test_rejected_lesions_re_judge_the_eye_and_reach_the_draft(store, visit):
    from app import fundus_review as fv
    from app import reports
    from app.models import AuditEvent

    uid, eye = _right_eye(store, visit[0])
    assert eye["eye"] == "OD" and eye["icdr_grade"] == 2
    beyond_ma = [x for x in eye["lesions"] if x["type"] != "microaneurysm"]
    assert beyond_ma
    for les in beyond_ma:  # the doctor says these are not lesions
        fv.decide(store, visit[0], uid, fv.lesion_key(les), "rejected", "specialist")
    ma = [x for x in eye["lesions"] if x["type"] == "microaneurysm"]
    for les in ma:
        fv.decide(store, visit[0], uid, fv.lesion_key(les), "confirmed", "specialist")
    saved = fv.load(store, visit[0], uid)
    assert len(saved["lesions"]) == len(eye["lesions"])
    assert saved["lesions"][fv.lesion_key(beyond_ma[0])]["by"] == "specialist"
    assert fv.load(store, visit[0], "another-result") == {
        "result_uid": "another-result",
        "lesions": {},
        "eyes": {},
    }
    after = fv.reviewed(eye, saved)
    assert after["review"] == {"confirmed": len(ma), "rejected": len(beyond_ma), "open": 0}
    assert after["icdr_grade"] == (1 if ma else 0) and not after["dme_suspected"]
    assert eye["icdr_grade"] == 2  # the AI's own result is kept as it was
    with store.read_session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.study_pk == visit[0])).all()
    assert any(
        (e.detail or {}).get("fundus_review", {}).get("decision") == "rejected" for e in events
    )
    fv.decide_eye(store, visit[0], uid, "OD", "icdr3", fv.grade_code(after), "specialist")
    values = reports.create_draft(store, visit[0], language="en").values
    assert values["od_grade"] == "icdr3"  # the doctor's correction
    assert f"{len(beyond_ma)} rejected" in values["od_findings"]
    assert "Grade corrected by specialist" in values["od_findings"]
    # undoing a decision
    fv.decide(store, visit[0], uid, fv.lesion_key(beyond_ma[0]), None, "specialist")
    assert fv.lesion_key(beyond_ma[0]) not in fv.load(store, visit[0], uid)["lesions"]
    with pytest.raises(ValueError):
        fv.decide(store, visit[0], uid, "x", "maybe")


def test_viewer_lesion_decisions_and_eye_confirmation(qtbot, store, jobs, user, visit):
    from PySide6.QtCore import Qt

    from app import fundus_review as fv
    from app.domain import Modality
    from viewers.fundus.qt_fundus_viewer import FundusViewer
    from viewers.registry import ViewerContext

    ctx = ViewerContext(store, visit[1], Modality.OP, store.object_paths(visit[1]), jobs, user=user)
    v = FundusViewer(ctx)
    qtbot.addWidget(v)
    v.resize(1366, 768)
    v.show()
    qtbot.waitUntil(lambda: v.images_shown is not None, timeout=60000)
    od = v.views["OD"]
    key, (item, les) = next(
        (k, x) for k, x in od.lesion_items.items() if x[1]["type"] == "haemorrhage"
    )
    assert od.lesion_at(item.rect().center()) == key  # a right-click here opens the menu
    with qtbot.waitSignal(v.reviewed, timeout=WAIT_MS):
        v.decide("OD", key, "rejected")
    assert item.pen().style() == Qt.PenStyle.DotLine
    assert "1 rejected" in v.results["OD"].text()
    uid = v.visit.eyes["OD"].result_uid
    assert fv.load(store, visit[0], uid)["lesions"][key]["by"] == "specialist"
    # per-eye: the doctor corrects the right eye's grade with the report open
    panel = v.report_panel
    start(qtbot, panel)
    box = v.confirms["OD"]
    box.set_grade("icdr3")
    with qtbot.waitSignal(v.reviewed, timeout=WAIT_MS):
        box.button.click()
    assert panel.fields.values()["od_grade"] == "icdr3"
    assert "1 rejected" in panel.fields.values()["od_findings"]

    def saved():
        from app import reports

        r = reports.current_report(store, visit[1])
        return r is not None and r.values.get("od_grade") == "icdr3"

    qtbot.waitUntil(saved, timeout=WAIT_MS)  # autosaved
    doctor = fv.load(store, visit[0], uid)["eyes"]["OD"]
    assert doctor["action"] == "corrected" and doctor["grade"] == "icdr3"
