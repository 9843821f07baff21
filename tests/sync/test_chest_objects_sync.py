"""The clinic's reviewed AI nodules (SEG + SR stored with the case) reach the specialist
through a real regional server process, with the AI result they came from.
SYNTHETIC chest CT phantom written as DICOM."""

from __future__ import annotations

import numpy as np

from app.sync import SyncState, run_sync_once
from app.sync.files import download_study
from app.sync.outbox import request_consult


def test_reviewed_nodules_reach_the_specialist(
    clinic_store, specialist_store, phantom_ct, chest_case, qtbot, make_jobs
):
    from app import chest_review as cr
    from app.ai.store import latest_result
    from app.chest_objects import store_nodule_objects
    from viewers.dicom.objects import find_objects

    clinic, specialist, pk, payload = chest_case
    nodules = cr.ai_nodules(payload)
    assert len(nodules) == 2
    request_consult(clinic_store, pk, "Nodules?", "routine", "radiology")
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    review = cr.load_review(clinic_store, pk, payload)
    keep = next(n["id"] for n in nodules if n["type"] == "solid")
    review.decide(keep, "accepted", "doctor")
    review.decide(next(n["id"] for n in nodules if n["id"] != keep), "rejected", "doctor")
    out = store_nodule_objects(clinic_store, pk, payload, review)
    assert out["queued"]
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    (row,) = specialist_store.worklist_rows()
    assert download_study(specialist_store, specialist, row.study_pk) == len(phantom_ct) + 2
    # the same AI result (same uid) and the doctor's SEG/SR, found by the viewer's reader
    theirs = latest_result(specialist_store, row.study_pk)[1]
    assert theirs.uid == payload["uid"] and len(cr.ai_nodules(theirs.to_dict())) == 2
    assert theirs.details["masks"] == payload["details"]["masks"]  # the masks came along
    paths = [str(p) for _o, p in specialist_store.object_paths(row.study_pk)]
    objects = {o.kind: o for o in find_objects(paths)}
    assert set(objects) >= {"SEG", "SR"}
    assert [s.label for s in objects["SEG"].segments] == [f"Nodule {keep} (AI)"]
    assert len(objects["SR"].measurements) == 1
    # the nodule list at the specialist says which nodules the clinic accepted
    from app.chest_objects import stored_review

    assert stored_review(specialist_store, row.study_pk)["ids"] == [keep]
    # the specialist's viewer opens the CT series, the nodule list says what the clinic kept
    assert len(specialist_store.open_source(row.study_pk)) == len(phantom_ct)
    # ... with the CT's own pixels on every slice (the SEG's frames, in the same series
    # at the slices' positions, once replaced the nodules' slices)
    theirs_vol = specialist_store.open_source(row.study_pk).volume()
    assert np.array_equal(theirs_vol.array, clinic_store.open_source(pk).volume().array)
    from app.domain import Modality
    from viewers.dicom.qt_image_viewer import ImageViewer
    from viewers.registry import ViewerContext

    paths = specialist_store.object_paths(row.study_pk)
    v = ImageViewer(ViewerContext(specialist_store, row.study_pk, Modality.CT, paths, make_jobs()))
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: getattr(v, "chest_panel", None) is not None, timeout=60_000)
    note = v.chest_panel.stored_note
    assert note.isVisibleTo(v.chest_panel) and note.text().endswith(f"nodule(s) {keep}")
    assert v.chest_panel.tree.topLevelItemCount() == 2  # the AI's list, for their own review
    assert v.chest_panel.adopt_btn.isVisibleTo(v.chest_panel)
    v.chest_panel.adopt_btn.click()  # start from the clinic's review
    qtbot.waitUntil(lambda: "Decision saved" in v.chest_panel.status.text(), timeout=60_000)
    mine = cr.load_review(specialist_store, row.study_pk, theirs.to_dict())
    assert {i: d.status for i, d in mine.decisions.items()} == {keep: "accepted"}
    assert not v.chest_panel.adopt_btn.isVisibleTo(v.chest_panel)
    # the specialist's own SEG/SR is built from the masks kept with the result
    again = store_nodule_objects(specialist_store, row.study_pk, theirs.to_dict(), mine)
    assert again["masks"] == "kept" and len(again["paths"]) == 2
