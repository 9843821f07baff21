"""The doctors' decisions on the chest X-ray AI findings travel like the nodule decisions,
through a real regional server process: the clinic's accept and reject reach the
specialist (beside their own decision in the list, and in the findings dock), and the
specialist can start from them.  The real pydicom-data chest CR RG1_UNCR read by a small
real ONNX graph built by the test (not a trained model)."""

from __future__ import annotations

import pytest

pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")

from app import chest_review as cr  # noqa: E402
from app.sync import SyncState, run_sync_once  # noqa: E402
from app.sync.chest_reviews import other_reviews  # noqa: E402
from app.sync.outbox import request_consult  # noqa: E402
from tests.chest.cxr_films import chest_cr, cxr_test_registry, use_model  # noqa: E402


def test_finding_decisions_reach_the_specialist(
    server, clinic_store, specialist_store, qtbot, make_jobs, tmp_path, monkeypatch
):
    from sync_helpers import signed_in

    from app.ai.store import latest_result
    from app.importer import run_import
    from inference.preread import run_preread

    use_model(monkeypatch, cxr_test_registry(tmp_path))
    clinic = signed_in(server.url, "doctor")
    specialist = signed_in(server.url, "radiologist")
    pk = run_import(clinic_store, [chest_cr()]).study_pks[0]
    run_preread(clinic_store, [pk])
    payload = latest_result(clinic_store, pk)[1].to_dict()
    review = cr.load_review(clinic_store, pk, payload)
    review.decide(1, "accepted", "doctor")  # cardiomegaly
    review.decide(2, "rejected", "doctor")  # pneumothorax
    cr.save_review(clinic_store, pk, review)
    request_consult(clinic_store, pk, "Chest film, please read", "routine", "radiology")
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED

    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    (row,) = specialist_store.worklist_rows()
    spk = row.study_pk
    (theirs,) = other_reviews(specialist_store, spk, payload["uid"])
    assert (theirs.kind, theirs.name) == ("clinic", "DEMO 青山村卫生室")
    assert theirs.decisions[1].status == "accepted" and theirs.decisions[2].status == "rejected"
    assert theirs.who(theirs.decisions[1]) == "DEMO 社区医生"

    # the specialist's film: the clinic's decisions beside their own, and a start from them
    from app.domain import Modality
    from app.sync.files import download_study
    from viewers.dicom.qt_image_viewer import ImageViewer
    from viewers.registry import ViewerContext

    assert download_study(specialist_store, specialist, spk) >= 1
    found: list = []
    paths = specialist_store.object_paths(spk)
    v = ImageViewer(ViewerContext(specialist_store, spk, Modality.CR, paths, make_jobs()))
    v.findings_changed.connect(found.append)
    qtbot.addWidget(v)
    qtbot.waitUntil(lambda: getattr(getattr(v, "cxr_panel", None), "review", None) is not None,
                    timeout=60_000)  # fmt: skip
    lst = v.cxr_panel.review
    tree = lst.tree
    assert not tree.isColumnHidden(3) and tree.headerItem().text(3) == "Clinic"
    assert [(tree.topLevelItem(i).text(2), tree.topLevelItem(i).text(3)) for i in range(2)] == [
        ("to review", "accepted"),
        ("to review", "rejected"),
    ]
    assert tree.topLevelItem(1).toolTip(3).startswith("Clinic DEMO 青山村卫生室: rejected — ")
    qtbot.waitUntil(lambda: bool(found) and len(found[-1]) == 2, timeout=60_000)
    assert found[-1][1]["notes"][0].startswith("Clinic DEMO 青山村卫生室: rejected")
    assert lst.take_btn.text() == "Start from the decisions of Clinic DEMO 青山村卫生室"
    assert not lst.take_btn.isHidden()
    lst.take_btn.click()
    qtbot.waitUntil(lambda: "Decision saved" in lst.status.text(), timeout=60_000)
    mine = cr.load_review(specialist_store, spk, payload)
    assert [mine.decisions[i].status for i in (1, 2)] == ["accepted", "rejected"]
    assert lst.take_btn.isHidden()
    # ... and the specialist's own decisions reach the clinic
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    (hospital,) = other_reviews(clinic_store, pk, payload["uid"])
    assert hospital.kind == "regional_hospital" and hospital.decisions[2].status == "rejected"
