"""Fixtures for ECG tests: the real 12-lead record in pydicom and writers for
the other formats, built from that record's samples."""

from __future__ import annotations

import base64
from pathlib import Path

import numpy as np
import pytest


@pytest.fixture(scope="session")
def real_dcm() -> Path:
    from pydicom.data import get_testdata_file

    path = get_testdata_file("waveform_ecg.dcm", download=False)
    if path is None:
        pytest.skip("pydicom test file waveform_ecg.dcm is not installed")
    return Path(path)


@pytest.fixture(scope="session")
def real_signal(real_dcm):
    from app.ecg.readers import read_ecg

    return read_ecg(real_dcm)


@pytest.fixture(scope="session")
def device_beats(real_dcm) -> list[dict[str, int]]:
    """The device's own per-beat fiducials (sample numbers at 1000 Hz)."""
    import pydicom

    ds = pydicom.dcmread(str(real_dcm))
    beats: dict[int, dict[str, int]] = {}
    for a in ds.WaveformAnnotationSequence:
        if a.get("ReferencedSamplePositions") is not None and a.AnnotationGroupNumber >= 100:
            name = a.ConceptNameCodeSequence[0].CodeMeaning
            beats.setdefault(a.AnnotationGroupNumber, {})[name] = int(a.ReferencedSamplePositions)
    return [beats[k] for k in sorted(beats)]


def write_aecg(
    path: Path, data_mv: np.ndarray, leads: list[str], fs: float, sex="F", birth="19710123"
):
    seqs = [
        '<component><sequence><code code="TIME_ABSOLUTE" codeSystem="2.16.840.1.113883.5.4"/>'
        f'<value xsi:type="GLIST_TS"><head value="20130125105919.000"/><increment value="{1 / fs:g}" unit="s"/></value>'
        "</sequence></component>"
    ]
    for name, row in zip(leads, data_mv, strict=True):
        digits = " ".join(str(int(v)) for v in np.round(row * 1000 / 2.5))
        seqs.append(
            f'<component><sequence><code code="MDC_ECG_LEAD_{name.upper()}" codeSystem="2.16.840.1.113883.6.24"/>'
            '<value xsi:type="SLIST_PQ"><origin value="0" unit="uV"/><scale value="2.5" unit="uV"/>'
            f"<digits>{digits}</digits></value></sequence></component>"
        )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<AnnotatedECG xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<id root="1.2.3.4.5"/><effectiveTime><low value="20130125105919"/></effectiveTime>'
        "<componentOf><timepointEvent><componentOf><subjectAssignment><subject><trialSubject>"
        '<id extension="PAT-7"/><subjectDemographicPerson><name><given>Li</given><family>Wei</family></name>'
        f'<administrativeGenderCode code="{sex}"/><birthTime value="{birth}"/></subjectDemographicPerson>'
        "</trialSubject></subject></subjectAssignment></componentOf></timepointEvent></componentOf>"
        '<component><series><code code="RHYTHM"/><component><sequenceSet>'
        + "".join(seqs)
        + "</sequenceSet></component></series></component></AnnotatedECG>"
    )
    path.write_text(xml, "utf-8")
    return path


def write_muse(path: Path, data_mv: np.ndarray, leads: list[str], fs: int, per_bit=4.88):
    parts = []
    for name, row in zip(leads, data_mv, strict=True):
        raw = np.round(row * 1000 / per_bit).astype("<i2").tobytes()
        parts.append(
            f"<LeadData><LeadByteCountTotal>{len(raw)}</LeadByteCountTotal>"
            f"<LeadSampleCountTotal>{row.size}</LeadSampleCountTotal>"
            f"<LeadAmplitudeUnitsPerBit>{per_bit}</LeadAmplitudeUnitsPerBit>"
            f"<LeadAmplitudeUnits>MICROVOLTS</LeadAmplitudeUnits><LeadID>{name}</LeadID>"
            f"<WaveFormData>{base64.b64encode(raw).decode()}</WaveFormData></LeadData>"
        )
    xml = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<RestingECG>'
        "<PatientDemographics><PatientID>M-42</PatientID><PatientAge>55</PatientAge>"
        "<AgeUnits>YEARS</AgeUnits><Gender>MALE</Gender><PatientLastName>ZHANG</PatientLastName>"
        "<PatientFirstName>SAN</PatientFirstName><DateofBirth>03-04-1958</DateofBirth></PatientDemographics>"
        "<TestDemographics><AcquisitionDate>01-25-2013</AcquisitionDate>"
        "<AcquisitionTime>10:59:19</AcquisitionTime></TestDemographics>"
        "<Waveform><WaveformType>Median</WaveformType><SampleBase>500</SampleBase></Waveform>"
        f"<Waveform><WaveformType>Rhythm</WaveformType><SampleBase>{fs}</SampleBase>"
        "<SampleExponent>0</SampleExponent><HighPassFilter>16</HighPassFilter>"
        "<LowPassFilter>150</LowPassFilter>" + "".join(parts) + "</Waveform></RestingECG>"
    )
    path.write_text(xml, "latin-1")
    return path
