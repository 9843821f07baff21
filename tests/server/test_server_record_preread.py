"""The server's own pre-read opens a multi-file record: a WFDB ``.hea`` + ``.dat``
(+ ``.atr``) uploaded as three objects of one case is read from its header with
the companions beside it under their original names, whichever file arrives
first.  The record is pydicom's real ``waveform_ecg.dcm`` written as WFDB
(tests/samples.py; its ``.atr`` beat marks are synthetic)."""

from __future__ import annotations

import hashlib

import pytest
from hzserver_helpers import wait_until

from tests.samples import wfdb_record


def _upload(api, case_id: int, path) -> dict:
    data = path.read_bytes()
    return api.ok(
        "POST",
        f"/cases/{case_id}/objects",
        201,
        params={"filename": path.name, "sha256": hashlib.sha256(data).hexdigest()},
        content=data,
    )


def _settled(api, case_id: int) -> dict:
    def check():
        case = api.ok("GET", f"/cases/{case_id}")
        busy = any(o["preread_state"] == "pending" for o in case["objects"])
        return case if case["ai_results"] and not busy else None

    return wait_until(check, timeout=60)


@pytest.mark.parametrize("order", [(".hea", ".dat", ".atr"), (".dat", ".atr", ".hea")])
def test_a_wfdb_record_is_pre_read_on_the_server(doctor, tmp_path, order):
    pytest.importorskip("wfdb")
    hea = wfdb_record(tmp_path / "rec")
    case = doctor.new_case("ECG")
    for suffix in order:
        _upload(doctor, case["id"], hea.with_suffix(suffix))
    done = _settled(doctor, case["id"])
    (ai,) = done["ai_results"]
    assert ai["source"] == "server" and ai["model"]["id"] == "openecg-codec"
    assert 30 < ai["measurements"]["hr_bpm"] < 150
    states = {o["filename"]: o["preread_state"] for o in done["objects"]}
    assert states == {"ecg100.hea": "done", "ecg100.dat": "none", "ecg100.atr": "none"}
    assert done["status"] == "awaiting_review"
