"""A file replaced by a corrected copy (server/routes/supersede.py): a bare fundus
camera photo, then the same photo wrapped as DICOM OP with its eye (what a clinic
sends once it gives the eye).  The copy's own pre-read is skipped while the bare
photo's result is on the case; superseding removes that result and reads the copy
again, with the eye given -- one result on the case.

Photo: scikit-image's real retina.jpg (a camera JPEG, CC0)."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from hzserver_helpers import wait_until

from app.wrap import op


def _upload(api, case_id: int, name: str, data: bytes) -> dict:
    params = {"filename": name, "sha256": hashlib.sha256(data).hexdigest()}
    return api.ok("POST", f"/cases/{case_id}/objects", 201, params=params, content=data)


def _settled(api, case_id: int, object_id: int) -> dict:
    def check():
        case = api.ok("GET", f"/cases/{case_id}")
        states = {o["id"]: o["preread_state"] for o in case["objects"]}
        mine = [r for r in case["ai_results"] if r["object_id"] == object_id]
        return case if states[object_id] != "pending" and mine else None

    return wait_until(check, timeout=90)


def test_a_corrected_copy_supersedes_the_bare_photo(doctor, other_doctor):
    from skimage import data_dir

    jpeg = (Path(data_dir) / "retina.jpg").read_bytes()
    case = doctor.new_case("OP", patient_id="P-SUP-1")
    bare = _upload(doctor, case["id"], "IMG_0031.jpg", jpeg)
    (first,) = _settled(doctor, case["id"], bare["id"])["ai_results"]
    assert first["details"]["eyes"][0]["eye_source"] != "given"

    who = op.Case("P-SUP-1", study_uid="1.2.826.0.1.3680043.8.498.77", study_time=datetime.now())
    copy = _upload(doctor, case["id"], "IMG_0031.dcm", op.wrap_photo(jpeg, "L", who))
    path = f"/objects/{bare['id']}/superseded-by/{copy['id']}"
    assert other_doctor.post(path).status_code == 404  # another clinic's case
    other = doctor.new_case("OP", patient_id="P-SUP-2")
    elsewhere = _upload(doctor, other["id"], "x.jpg", jpeg)
    r = doctor.post(f"/objects/{bare['id']}/superseded-by/{elsewhere['id']}")
    assert r.status_code == 422 and r.json()["error"] == "not_same_case"
    assert doctor.post(f"/objects/{bare['id']}/superseded-by/999999").status_code == 404

    assert doctor.ok("POST", path)["preread_state"] == "superseded"
    done = _settled(doctor, case["id"], copy["id"])
    (only,) = done["ai_results"]  # the bare photo's result is gone, none stored twice
    assert only["object_id"] == copy["id"] and only["uid"] != first["uid"]
    eye = only["details"]["eyes"][0]
    assert eye["eye"] == "OS" and eye["eye_source"] == "given"
    # superseding again changes nothing
    assert doctor.ok("POST", path)["preread_state"] == "superseded"
    again = doctor.ok("GET", f"/cases/{case['id']}")
    assert [a["id"] for a in again["ai_results"]] == [only["id"]]
    states = {o["id"]: o["preread_state"] for o in again["objects"]}
    assert states == {bare["id"]: "superseded", copy["id"]: "done"}

    # the eye corrected: the left-eye DICOM is replaced by the right-eye one, and the
    # server's DICOM index serves only the right eye's series
    right = _upload(doctor, case["id"], "IMG_0031.dcm", op.wrap_photo(jpeg, "R", who))
    assert len(doctor.ok("GET", f"/cases/{case['id']}/series")["series"]) == 2
    doctor.ok("POST", f"/objects/{copy['id']}/superseded-by/{right['id']}")
    (only,) = _settled(doctor, case["id"], right["id"])["ai_results"]
    assert only["details"]["eyes"][0]["eye"] == "OD"
    (series,) = doctor.ok("GET", f"/cases/{case['id']}/series")["series"]
    assert series["object_ids"] == [right["id"]]
