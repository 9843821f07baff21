"""Wrapped originals in the PACS: a DICOM ECG and an Encapsulated PDF archived in Orthanc
and read back from it (WADO-RS through the server) with pydicom.

Real ECG: pydicom's waveform_ecg.dcm read by the project's reader and wrapped
again; the PDF is synthetic (Pillow), labelled so.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import numpy as np
import pydicom
from hzserver_helpers import wait_until
from pacs_helpers import pacs_row, upload
from pydicom.data import get_testdata_file

from app.ecg.readers.dicom_ecg import read_dicom_ecg
from app.wrap.ecg import wrap_ecg
from app.wrap.op import Case
from app.wrap.pdf import unwrap_pdf, wrap_pdf


def test_wrapped_ecg_and_report_are_archived_and_read_back(doctor, orthanc, tmp_path):
    src = read_dicom_ecg(Path(get_testdata_file("waveform_ecg.dcm", download=False)), "rhythm")
    server_case = doctor.new_case("ECG", patient_id="DEMO-WRAP-1")
    case = Case(
        patient_id="DEMO-WRAP-1",
        patient_name="DEMO^Wrap",
        study_uid="1.2.826.0.1.3680043.8.498.77",
        study_time=datetime(2026, 11, 30, 9, 0),
    )
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (120, 80), "white").save(buf, "PDF")
    pdf = buf.getvalue()
    files = {
        "ecg.dcm": wrap_ecg(src, case),
        "report.dcm": wrap_pdf(pdf, case, title="ECG consultation report"),
    }
    ids = {}
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        obj = upload(doctor, server_case["id"], path)
        row = wait_until(lambda o=obj: pacs_row(doctor, o["id"], "stored", "failed"), 60)
        assert row["state"] == "stored", row
        ids[name] = obj["id"]
    with orthanc.http() as http:  # both in the PACS, in the case's study
        r = http.get(f"/dicom-web/studies/{case.study_uid}/instances")
    assert r.status_code == 200 and len(r.json()) == 2
    got = {}
    for name, oid in ids.items():
        r = doctor.get(f"/objects/{oid}/content")
        assert r.headers["x-huizhen-source"] == "pacs"
        got[name] = pydicom.dcmread(io.BytesIO(r.content))
    arr = got["ecg.dcm"].waveform_array(0) / 1000.0
    np.testing.assert_allclose(arr, src.data.T, atol=0.0011)
    assert unwrap_pdf(got["report.dcm"]) == pdf


def test_a_wfdb_record_sent_to_the_server_is_archived_as_a_dicom_ecg(doctor, orthanc, tmp_path):
    """The clinic sends the record as it is (header first, its .dat after): the server
    wraps it as DICOM ECG once both are there and stores it in the PACS; the original
    stays the case's object."""
    from app.series import open_files
    from tests.samples import wfdb_record

    hea = wfdb_record(tmp_path / "rec", "ecg7", annotations=False)
    case = doctor.new_case("ECG", patient_id="DEMO-WRAP-2")
    head = upload(doctor, case["id"], hea)
    row = wait_until(lambda: pacs_row(doctor, head["id"], "wrap_failed", "converted"), 60)
    assert row["state"] == "wrap_failed"  # its .dat has not arrived yet
    upload(doctor, case["id"], hea.with_suffix(".dat"))
    row = wait_until(lambda: pacs_row(doctor, head["id"], "converted"), 60)  # retried
    assert row["modality"] == "ECG" and row["patient_id"] == "DEMO-WRAP-2"
    with orthanc.http() as http:
        r = http.get(
            f"/dicom-web/studies/{row['study_uid']}/series/{row['series_uid']}"
            f"/instances/{row['sop_uid']}",
            headers={"Accept": 'multipart/related; type="application/dicom"'},
        )
    assert r.status_code == 200
    start = r.content.index(b"DICM") - 128
    ds = pydicom.dcmread(io.BytesIO(r.content[start:]))
    original = open_files([hea, hea.with_suffix(".dat")])
    np.testing.assert_allclose(ds.waveform_array(0) / 1000.0, original.data.T, atol=0.0011)
    body = doctor.get(f"/objects/{head['id']}/content")
    assert body.content == hea.read_bytes()  # the original, as uploaded
