"""Helpers of the PACS tests: uploads as a clinic does, waiting for the PACS."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pydicom
from hzserver_helpers import Api, wait_until

SLICES = 30  # of the head CT's 108: enough for interleaving, quick to upload


def upload(api: Api, case_id: int, path: Path, name: str | None = None) -> dict:
    data = path.read_bytes()
    return api.ok(
        "POST",
        f"/cases/{case_id}/objects",
        201,
        params={"filename": name or path.name, "sha256": hashlib.sha256(data).hexdigest()},
        content=data,
        headers={"Content-Type": "application/octet-stream"},
    )


def pacs_row(api: Api, object_id: int, *states: str) -> dict | None:
    row = api.ok("GET", f"/objects/{object_id}/pacs")
    return row if row["state"] in states else None


def consult(api: Api, case_id: int, department: str) -> None:
    body = {"question": "Please read", "target_department": department}
    api.ok("POST", f"/cases/{case_id}/consults", 201, json=body)


def archived_case(doctor: Api, files: list[Path], state: str = "stored") -> dict:
    ds = pydicom.dcmread(files[0], stop_before_pixels=True)
    case = doctor.new_case("CT", patient_id=str(ds.PatientID))
    objs = [upload(doctor, case["id"], p) for p in files]

    def stored():
        rows = doctor.ok("GET", f"/cases/{case['id']}/pacs")["objects"]
        done = [r for r in rows if r["state"] in ("stored", "failed", "conflict")]
        return rows if len(done) == len(objs) else None

    rows = wait_until(stored, 120)
    assert {r["state"] for r in rows} == {state}, rows
    consult(doctor, case["id"], "radiology")
    return {"case": case, "objects": objs, "series_uid": str(ds.SeriesInstanceUID)}
