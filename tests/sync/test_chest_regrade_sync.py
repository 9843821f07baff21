"""A chest CT re-graded at the clinic because its prior was imported later reaches the
regional server and the specialist as a new AI result beside the earlier one (same
model and version, ``AiResult.supersedes``), with the case made urgent; the doctor's
decisions follow it.  Real server process; the two SYNTHETIC phantom CTs of
tests/chest/test_prior_urgency (the solid nodule grows into Lung-RADS 4B)."""

from __future__ import annotations

from app import chest_review as cr
from app.sync import SyncState, run_sync_once
from app.sync.chest_reviews import other_reviews
from app.sync.outbox import request_consult
from tests.chest.test_prior_urgency import series  # noqa: F401


def test_the_new_grading_reaches_the_specialist(
    server,
    clinic_store,
    specialist_store,
    series,  # noqa: F811
):
    from sync_helpers import signed_in

    from app.ai.store import latest_result
    from app.importer import run_import
    from inference.preread import run_preread

    _tmp, before, after = series
    clinic = signed_in(server.url, "doctor")
    specialist = signed_in(server.url, "radiologist")
    second = run_import(clinic_store, after).study_pks[0]
    run_preread(clinic_store, [second])
    old = latest_result(clinic_store, second)[1]
    review = cr.load_review(clinic_store, second, old.to_dict())
    review.decide(1, "accepted", "doctor")
    cr.save_review(clinic_store, second, review)
    request_consult(clinic_store, second, "Nodule follow-up?", "routine", "radiology")
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    # the prior arrives at the clinic afterwards
    first = run_import(clinic_store, before).study_pks[0]
    run_preread(clinic_store, [first])
    new = latest_result(clinic_store, second)[1]
    assert new.supersedes == old.uid and new.urgency.value == "urgent"
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED

    case = clinic.get(f"/cases/{_case_id(clinic_store, second)}")
    uids = [r["uid"] for r in case.get("ai_results") or []]
    assert old.uid in uids and new.uid in uids
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    (row,) = specialist_store.worklist_rows()
    theirs = latest_result(specialist_store, row.study_pk)[1]
    assert theirs.uid == new.uid and theirs.details["follow_up"]["lung_rads"] == "4B"
    assert row.priority == 1  # urgent
    (site,) = other_reviews(specialist_store, row.study_pk, new.uid)
    assert site.decisions[1].status == "accepted"  # the decision went over with it


def _case_id(store, study_pk: int) -> int:
    from app.models import Study

    with store.read_session() as s:
        return s.get(Study, study_pk).server_id
