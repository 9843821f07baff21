"""ECGs and report PDFs wrapped as DICOM, read back with pydicom and the project's readers.

Real record: pydicom's waveform_ecg.dcm (Mortara 12-lead, 1000 Hz, 10 s); a
PDF the test writes with Pillow (labelled synthetic).
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import numpy as np
import pydicom
import pytest
from pydicom.data import get_testdata_file

from app.ecg.readers.dicom_ecg import read_dicom_ecg
from app.ecg.signal import EcgSignal
from app.wrap.ecg import GENERAL_ECG, TWELVE_LEAD, wrap_ecg
from app.wrap.op import Case, WrapError
from app.wrap.pdf import ENCAPSULATED_PDF, unwrap_pdf, wrap_pdf

CASE = Case(
    patient_id="DEMO-ECG-7",
    patient_name="DEMO^Wrap",
    sex="F",
    birth_date="19600101",
    study_uid="1.2.826.0.1.3680043.8.498.1",
    study_time=datetime(2026, 11, 30, 8, 0),
    institution="DEMO 青山村卫生室",
)


def _write(tmp_path: Path, data: bytes, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_real_12_lead_ecg_survives_the_round_trip(tmp_path):
    src = read_dicom_ecg(Path(get_testdata_file("waveform_ecg.dcm", download=False)), "rhythm")
    data = wrap_ecg(src, CASE)
    ds = pydicom.dcmread(io.BytesIO(data))
    assert ds.SOPClassUID == TWELVE_LEAD and ds.Modality == "ECG"
    assert (ds.PatientID, ds.StudyInstanceUID) == (CASE.patient_id, CASE.study_uid)
    assert ds.InstitutionName == CASE.institution
    arr = ds.waveform_array(0)  # pydicom applies the channel sensitivity: microvolts
    assert arr.shape == (src.n_samples, len(src.leads))
    np.testing.assert_allclose(arr / 1000.0, src.data.T, atol=0.0011)  # 1 uV steps
    back = read_dicom_ecg(_write(tmp_path, data, "wrapped.dcm"), "rhythm")  # the viewer's path
    assert back.leads == src.leads and back.fs == src.fs
    np.testing.assert_allclose(back.data, src.data, atol=0.0011)
    assert wrap_ecg(src, CASE) == data  # the same record: the same object


def test_a_long_strip_is_a_general_ecg(tmp_path):
    """A minute of lead II (the real record's 10 s repeated six times: real samples,
    synthetic length) is beyond the 12-lead IOD's 16384 samples."""
    src = read_dicom_ecg(Path(get_testdata_file("waveform_ecg.dcm", download=False)), "rhythm")
    sig = EcgSignal(np.tile(src.lead("II"), 6)[None, :], src.fs, ["II"], source="strip")
    data = wrap_ecg(sig, CASE)
    ds = pydicom.dcmread(io.BytesIO(data))
    assert ds.SOPClassUID == GENERAL_ECG and ds.WaveformSequence[0].NumberOfWaveformSamples == 60000
    back = read_dicom_ecg(_write(tmp_path, data, "strip.dcm"), "rhythm")
    np.testing.assert_allclose(back.lead("II"), sig.lead("II"), atol=0.0011)


def test_a_big_amplitude_keeps_its_range():
    """Synthetic: a 40 mV spike (pacemaker artefact) needs more than 1 uV a step."""
    data = np.zeros((1, 2000), np.float32)
    data[0, 1000] = 40.0
    data[0, 500] = 0.5
    data = wrap_ecg(EcgSignal(data, 500.0, ["II"]), CASE)
    arr = pydicom.dcmread(io.BytesIO(data)).waveform_array(0)[:, 0] / 1000
    assert arr[1000] == pytest.approx(40.0, abs=0.002) and arr[500] == pytest.approx(0.5, abs=0.002)


def _pdf() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(buf, "PDF")  # synthetic one-page PDF
    return buf.getvalue()


def test_a_report_pdf_is_kept_byte_for_byte():
    pdf = _pdf()
    for doc in (pdf, pdf + b"\n"):  # odd and even lengths
        data = wrap_pdf(doc, CASE, title="会诊报告 ECG")
        ds = pydicom.dcmread(io.BytesIO(data))
        assert ds.SOPClassUID == ENCAPSULATED_PDF and ds.Modality == "DOC"
        assert ds.MIMETypeOfEncapsulatedDocument == "application/pdf"
        assert ds.DocumentTitle == "会诊报告 ECG" and ds.BurnedInAnnotation == "YES"
        assert unwrap_pdf(ds) == doc
    with pytest.raises(WrapError):
        wrap_pdf(b"not a pdf", CASE)
