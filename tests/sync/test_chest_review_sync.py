"""The doctors' decisions on the AI lung nodules travel through a real regional server
process: the clinic's accept/edit reaches the specialist (shown beside their own decision
in the nodule list and the findings dock), the specialist's reaches the clinic; queued
offline like any sync item; a write in between (409) is merged per nodule, not lost.
SYNTHETIC chest CT phantom written as DICOM."""

from __future__ import annotations

from sqlalchemy import select

from app import chest_review as cr
from app.models import Outbox
from app.sync import SyncState, run_sync_once
from app.sync.chest_reviews import DOC_KEY, KIND, other_reviews
from app.sync.outbox import request_consult


def review_rows(store) -> list[str]:
    with store.read_session() as s:
        return list(s.scalars(select(Outbox.state).where(Outbox.kind == KIND).order_by(Outbox.id)))


def decided(store, pk: int, payload: dict, user: str, **changes) -> None:
    """Decide like the nodule panel does: change the saved review and save it."""
    review = cr.load_review(store, pk, payload)
    for nid, what in changes.items():
        if isinstance(what, tuple):
            review.edit(int(nid[1:]), what[0], what[1], user)
        else:
            review.decide(int(nid[1:]), what, user)
    cr.save_review(store, pk, review)


def test_nodule_decisions_travel_both_ways(
    server, clinic_store, specialist_store, phantom_ct, chest_case, qtbot, make_jobs
):
    from inference.chest.rules import GROUND_GLASS, PART_SOLID

    clinic, specialist, pk, payload = chest_case
    uid = payload["uid"]
    ids = {n["type"]: int(n["id"]) for n in cr.ai_nodules(payload)}
    solid, ggn = ids["solid"], ids[GROUND_GLASS]
    # decided before the case goes to the server: saved here, nothing to send yet
    decided(clinic_store, pk, payload, "doctor", **{f"n{solid}": "accepted",
                                                    f"n{ggn}": (9.5, PART_SOLID)})  # fmt: skip
    assert review_rows(clinic_store) == []
    request_consult(clinic_store, pk, "Nodules?", "routine", "radiology")
    assert review_rows(clinic_store) == ["pending"]  # queued with the case
    server.stop()  # offline: the decisions wait in the outbox
    assert run_sync_once(clinic_store, clinic).state == SyncState.OFFLINE
    assert review_rows(clinic_store) == ["pending"]
    server.start()
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    assert review_rows(clinic_store) == ["done"]

    # the specialist receives the clinic's decisions with who and when
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    (row,) = specialist_store.worklist_rows()
    spk = row.study_pk
    (theirs,) = other_reviews(specialist_store, spk, uid)
    assert (theirs.kind, theirs.name) == ("clinic", "DEMO 青山村卫生室")
    assert theirs.decisions[solid].status == "accepted"
    edited = theirs.decisions[ggn]
    assert (edited.status, edited.mean_diameter_mm, edited.type) == ("modified", 9.5, PART_SOLID)
    assert theirs.who(edited) == "DEMO 社区医生" and edited.at
    assert other_reviews(specialist_store, spk, "another result") == []

    # the specialist's viewer: the clinic's decision beside their own, in the list and dock
    from app.domain import Modality
    from app.sync.files import download_study
    from viewers.dicom.qt_image_viewer import ImageViewer
    from viewers.registry import ViewerContext

    assert download_study(specialist_store, specialist, spk) == len(phantom_ct)
    found: list = []
    paths = specialist_store.object_paths(spk)
    v = ImageViewer(ViewerContext(specialist_store, spk, Modality.CT, paths, make_jobs()))
    v.findings_changed.connect(found.append)
    qtbot.addWidget(v)
    qtbot.waitUntil(lambda: getattr(v, "chest_link", None) is not None, timeout=60_000)
    qtbot.waitUntil(lambda: bool(v.chest_link.others), timeout=60_000)
    panel = v.chest_panel
    cells = {int(panel.tree.topLevelItem(i).text(0)): panel.tree.topLevelItem(i)
             for i in range(panel.tree.topLevelItemCount())}  # fmt: skip
    assert not panel.tree.isColumnHidden(5) and panel.tree.headerItem().text(5) == "Clinic"
    assert cells[solid].text(5) == "accepted" and cells[solid].text(4) == "to review"
    assert "9.5 mm, part-solid" in cells[ggn].toolTip(5)
    dock = {f["text"].split(":")[0]: f for f in found[-1]}
    note = dock[f"Nodule {solid}"]["notes"][0]
    assert note.startswith("Clinic DEMO 青山村卫生室: accepted — DEMO 社区医生, ")
    assert dock[f"Nodule {solid}"]["not_for_clinical_use"] is True

    # the specialist starts from the clinic's decisions (as their own), then rejects one:
    # it reaches the clinic; the clinic's own entry stays
    assert panel.take_btn.text() == "Start from the decisions of Clinic DEMO 青山村卫生室"
    assert not panel.take_btn.isHidden()
    panel.take_btn.click()
    qtbot.waitUntil(lambda: "Decision saved" in panel.status.text(), timeout=60_000)
    mine = cr.load_review(specialist_store, spk, payload)
    assert mine.decisions[solid].status == "accepted"
    assert mine.decisions[solid].by != theirs.decisions[solid].by  # recorded as their own
    assert (mine.decisions[ggn].mean_diameter_mm, mine.decisions[ggn].type) == (9.5, PART_SOLID)
    assert panel.take_btn.isHidden()
    panel.select(solid)
    panel.decide("rejected")
    qtbot.waitUntil(lambda: "Decision saved" in panel.status.text(), timeout=60_000)
    assert review_rows(specialist_store) == ["pending"]
    # ... while the clinic edits again: the clinic reads the document, then the specialist
    # writes (a real race: the clinic's write gets a 409 and merges again)
    real_get, raced = clinic.get, []

    def get(path, **kw):
        out = real_get(path, **kw)
        if path.endswith("/annotations") and not raced:
            raced.append(run_sync_once(specialist_store, specialist).state)
        return out

    clinic.get = get
    decided(clinic_store, pk, payload, "doctor", **{f"n{ggn}": "rejected"})
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    clinic.get = real_get
    assert raced == [SyncState.SYNCED] and review_rows(clinic_store) == ["done", "done"]
    assert review_rows(specialist_store) == ["done"]
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    (hospital,) = other_reviews(clinic_store, pk, uid)
    assert hospital.kind == "regional_hospital" and hospital.decisions[solid].status == "rejected"
    assert hospital.who(hospital.decisions[solid]) == "DEMO 放射科赵医生 (Dr Zhao)"
    mine = cr.load_review(clinic_store, pk, payload)  # the clinic's own review is its own
    assert mine.decisions[solid].status == "accepted"
    # the server holds both sites' reviews, each with its latest decisions
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    (theirs,) = other_reviews(specialist_store, spk, uid)
    assert (
        theirs.decisions[ggn].status == "rejected" and theirs.decisions[solid].status == "accepted"
    )
    sites = specialist.get(f"/cases/{_case_id(specialist_store, spk)}/annotations")["data"][DOC_KEY]
    assert set(sites) == {"demo-qingshan", "demo-regional"}
    # ... and the open viewer shows the clinic's new decision after the sync
    qtbot.waitUntil(lambda: cells_now(panel).get(ggn) == "rejected", timeout=60_000)


def cells_now(panel) -> dict[int, str]:
    tree = panel.tree
    return {int(tree.topLevelItem(i).text(0)): tree.topLevelItem(i).text(5)
            for i in range(tree.topLevelItemCount())}  # fmt: skip


def _case_id(store, study_pk: int) -> int:
    from app.models import Study

    with store.read_session() as s:
        return s.get(Study, study_pk).server_id


def test_other_keys_of_the_document_are_kept_and_a_foreign_one_is_refused(server, clinic_store):
    """The review goes in beside what else the case's annotation document holds; a
    document that is not a JSON object is left alone and the row says why."""
    from sync_helpers import import_sample, signed_in

    from app.models import Study

    clinic = signed_in(server.url, "doctor")
    pk = import_sample(clinic_store)  # the real waveform_ecg.dcm: any case will do here
    request_consult(clinic_store, pk, "Please read", "routine", "cardiology")
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    with clinic_store.read_session() as s:
        case = s.get(Study, pk).server_id
    path = f"/cases/{case}/annotations"
    clinic.call("PUT", path, json={"version": 0, "data": {"geojson": {"features": []}}})
    review = cr.Review("result-1", "model 1")
    review.decide(1, "accepted", "doctor")
    cr.save_review(clinic_store, pk, review)
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    doc = clinic.get(path)
    assert doc["data"]["geojson"] == {"features": []}
    assert doc["data"][DOC_KEY]["demo-qingshan"]["review"]["decisions"]["1"]["status"] == "accepted"
    clinic.call("PUT", path, json={"version": doc["version"], "data": [{"type": "Feature"}]})
    review.decide(1, "rejected", "doctor")
    cr.save_review(clinic_store, pk, review)
    report = run_sync_once(clinic_store, clinic)
    assert report.pushed.failed == 1 and review_rows(clinic_store)[-1] == "failed"
    with clinic_store.read_session() as s:
        row = s.scalars(
            select(Outbox).where(Outbox.kind == KIND).order_by(Outbox.id.desc())
        ).first()
        assert "not a JSON object" in row.last_error
    assert clinic.get(path)["data"] == [{"type": "Feature"}]  # left as it was
