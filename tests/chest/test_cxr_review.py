"""The doctor accepts or rejects each chest X-ray AI finding: the same review as the CT
nodules' (saved with the case, autosaved), the report draft quotes only accepted
findings, and a report is confirmed only when every AI finding is decided.  The model
is a small real ONNX graph built by the test (not a trained model) reading the real
pydicom-data chest CR RG1_UNCR: it finds cardiomegaly (1) and pneumothorax (2)."""

from __future__ import annotations

import pytest

pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")

from app import chest_review as cr  # noqa: E402
from tests.chest.cxr_films import chest_cr, cxr_test_registry, open_cr_viewer, use_model  # noqa: E402

CARDIO, PTX = 1, 2


@pytest.fixture
def model(tmp_path, monkeypatch):
    return use_model(monkeypatch, cxr_test_registry(tmp_path))


def _film(store) -> tuple[int, dict]:
    from app.ai.store import latest_result
    from app.importer import run_import
    from inference.preread import run_preread

    pk = run_import(store, [chest_cr()]).study_pks[0]
    run_preread(store, [pk])
    return pk, latest_result(store, pk)[1].to_dict()


def test_the_draft_quotes_only_accepted_findings_and_confirming_waits_for_every_one(store, model):
    from app import cxr_review, reports

    pk, payload = _film(store)
    assert [(f["id"], f["code"]) for f in cxr_review.ai_findings(payload)] == [
        (CARDIO, "CXR_AI_CARDIOMEGALY"),
        (PTX, "CXR_AI_PNEUMOTHORAX"),
    ]
    view = reports.create_draft(store, pk, language="en")
    assert "Cardiomegaly" not in view.values["findings"]
    assert "2 AI finding(s) not yet reviewed" in view.values["findings"]
    with pytest.raises(reports.ReportError) as err:
        reports.confirm(store, view.id)
    assert err.value.code == "undecided" and len(err.value.items) == 2
    # the doctor writes their own line above the AI's block, then decides
    mine = "Heart size at the upper limit of normal.\n" + view.values["findings"]
    reports.edit(store, view.id, values={"findings": mine, "impression": "Normal film."})
    review = cr.load_review(store, pk, payload)
    review.decide(CARDIO, "accepted", "doctor")
    cr.save_review(store, pk, review)
    view = cxr_review.refresh_draft(store, pk)
    assert view.values["findings"].startswith("Heart size at the upper limit of normal.\nAI pre")
    assert "- Cardiomegaly" in view.values["findings"]
    assert "Pneumothorax" not in view.values["findings"]
    assert "1 AI finding(s) not yet reviewed" in view.values["findings"]
    with pytest.raises(reports.ReportError):
        reports.confirm(store, view.id)
    review.decide(PTX, "rejected", "doctor")
    cr.save_review(store, pk, review)
    view = cxr_review.refresh_draft(store, pk)
    assert "1 AI finding(s) rejected by the doctor." in view.values["findings"]
    assert "not yet reviewed" not in view.values["findings"]
    assert "Pneumothorax" not in view.text and "Cardiomegaly" in view.text
    assert reports.confirm(store, view.id).state == "confirmed"
    # a findings field the doctor rewrote without the AI's block is left alone
    reports.edit(store, view.id, values={"findings": "My own reading."})
    review.decide(PTX, "accepted", "doctor")
    cr.save_review(store, pk, review)
    assert cxr_review.refresh_draft(store, pk).values["findings"] == "My own reading."


def test_a_film_read_without_findings_or_without_a_model_drafts_as_before(store):
    """No model installed: the check notes, nothing to decide, confirming not held up."""
    from app import cxr_review, reports

    pk, payload = _film(store)
    assert cxr_review.ai_findings(payload) == []
    view = reports.create_draft(store, pk, language="en")
    assert view.values["findings"].startswith("- Image checks only")
    with store.read_session() as s:
        assert cxr_review.undecided_findings(s, pk) == []


def test_each_finding_accepted_or_rejected_beside_the_film(qtbot, jobs, store, lang, model):
    """zh_CN: the list, keys and buttons; the decisions autosaved, the open draft and the
    findings dock follow them, and a viewer opened again shows them."""
    from app import reports

    lang("zh_CN")
    pk, payload = _film(store)
    reports.create_draft(store, pk, language="zh_CN")
    v, got = open_cr_viewer(qtbot, jobs, store)
    p = v.cxr_panel
    qtbot.waitUntil(lambda: p.review is not None, timeout=60_000)
    lst = p.review
    qtbot.waitUntil(lst.tree.isVisible, timeout=60_000)
    assert "报告只引用已认可的所见" in lst.heading.text()
    assert lst.tree.headerItem().text(0) == "AI 所见" and lst.accept_btn.text() == "认可"
    assert lst.current_id() == CARDIO
    lst.accept_btn.click()  # on to the pneumothorax
    assert lst.current_id() == PTX
    v.activateWindow()  # the keys work while the list has the focus
    qtbot.waitUntil(lambda: (lst.tree.setFocus(), lst.tree.hasFocus())[1], timeout=60_000)
    qtbot.keyClick(lst.tree, "r")
    qtbot.waitUntil(lambda: "已随病例保存" in lst.status.text(), timeout=60_000)
    assert [lst.tree.topLevelItem(i).text(2) for i in range(2)] == ["已认可", "已否定"]
    saved = cr.load_review(store, pk, payload)
    assert saved.decisions[CARDIO].status == "accepted"
    assert saved.decisions[PTX].status == "rejected"
    view = reports.current_report(store, pk)
    assert "- 心影增大（AI）" in view.values["findings"] and "气胸" not in view.values["findings"]
    qtbot.waitUntil(lambda: v.report_panel.report is not None
                    and "心影增大" in v.report_panel.report.values["findings"],
                    timeout=60_000)  # fmt: skip
    dock = got[-1]  # the rejected finding left out, the accepted one says so
    assert len(dock) == 1 and dock[0]["text"].startswith("心影增大（AI）  p=")
    assert dock[0]["text"].endswith("(已认可)") and dock[0]["model"]["name"] == "CXR test graph"
    # opened again: the decisions are there
    from app.domain import Modality
    from viewers.dicom.qt_image_viewer import ImageViewer
    from viewers.registry import ViewerContext

    again = ImageViewer(ViewerContext(store, pk, Modality.CR, store.object_paths(pk), jobs))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: getattr(getattr(again, "cxr_panel", None), "review", None) is not None,
                    timeout=60_000)  # fmt: skip
    tree = again.cxr_panel.review.tree
    assert [tree.topLevelItem(i).text(2) for i in range(2)] == ["已认可", "已否定"]
