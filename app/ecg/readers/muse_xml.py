"""GE MUSE XML (RestingECG) -> EcgSignal.

Each ``Waveform`` element is Median or Rhythm; the rhythm one is read.  Lead
samples are base64 little-endian int16 scaled by LeadAmplitudeUnitsPerBit.
MUSE usually stores only I, II and V1-V6: III, aVR, aVL and aVF are derived.
"""

from __future__ import annotations

import base64
import binascii
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import numpy as np

from app.ecg.readers.xmlutil import number, parse_xml, text
from app.ecg.signal import EcgSignal, finished, normalize_sex, to_millivolts
from app.ecg.warning_codes import EcgWarning
from app.readers.base import ReadError
from app.readers.reasons import ReadReason

_UNITS = {"MICROVOLTS": "uV", "MILLIVOLTS": "mV", "VOLTS": "V"}
MAX_SPIKES = 20_000  # more than one spike every 30 ms over 10 minutes is not a pacemaker list


def looks_like_muse(head: bytes) -> bool:
    """A ``RestingECG`` element (not GE CardioSoft's ``RestingECGMeasurements``)."""
    return re.search(rb"<RestingECG[\s>/]", head) is not None


# RestingECGMeasurements element -> EcgSignal.device_measurements key
_MEASURES = {
    "VentricularRate": "Heart Rate",
    "PRInterval": "PR Interval",
    "QRSDuration": "QRS Duration",
    "QTInterval": "QT Interval",
    "QTCorrected": "QTc Interval",
    "PAxis": "P Axis",
    "RAxis": "QRS Axis",
    "TAxis": "T Axis",
}


def device_measurements(root: ET.Element) -> dict[str, float]:
    """The MUSE/12SL global measurements (confirmed ones when both are present)."""
    out: dict[str, float] = {}
    for tag in ("OriginalRestingECGMeasurements", "RestingECGMeasurements"):
        block = root.find(tag)
        for name, key in _MEASURES.items():
            value = number(block, name)
            if value is not None:
                out[key] = value
    if out.get("Heart Rate"):
        out["RR Interval"] = round(60000.0 / out["Heart Rate"], 1)
    return out


def device_statements(root: ET.Element) -> list[str]:
    block = root.find("Diagnosis")
    if block is None:
        block = root.find("OriginalDiagnosis")
    if block is None:
        return []
    return [
        text(st, "StmtText") for st in block.findall("DiagnosisStatement") if text(st, "StmtText")
    ]


def pace_spikes(wave: ET.Element, fs: float, n_samples: int) -> tuple[list[float], list[str]]:
    """Pacer spikes MUSE stores apart from the samples (it removes them from the
    waveform): ``Waveform/PaceSpikes/IndexOffsets`` (restecg.dtd), sample indices
    at the waveform's rate.  Returns (times in seconds, warnings)."""
    times: set[float] = set()
    warnings: list[str] = []
    for block in wave.findall("PaceSpikes"):
        bad = 0
        for token in re.split(r"[\s,;]+", text(block, "IndexOffsets")):
            if not token:
                continue
            try:
                index = int(token)
            except ValueError:
                bad += 1
                continue
            if 0 <= index < n_samples and len(times) < MAX_SPIKES:
                times.add(round(index / fs, 4))
            else:
                bad += 1
        if bad:
            warnings.append(EcgWarning("pacer_positions", count=bad))
    return sorted(times), warnings


def _waveform(root: ET.Element, want: str = "rhythm") -> ET.Element:
    """The rhythm waveform, or the median beats when ``want="median"`` and stored."""
    forms = root.findall("Waveform")
    if not forms:
        raise ReadError("this MUSE XML file holds no Waveform", reason=ReadReason("no_waveform"))
    for kind in (want, "rhythm"):
        for w in forms:
            if text(w, "WaveformType").lower() == kind:
                return w
    return forms[0]


def _date(value: str, time_value: str = "") -> datetime | None:
    value = value.strip()
    for fmt in ("%m-%d-%Y %H:%M:%S", "%m-%d-%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            return datetime.strptime(f"{value} {time_value}".strip(), fmt)
        except ValueError:
            continue
    return None


def read_muse(path: Path, want: str = "rhythm") -> EcgSignal:
    root = parse_xml(path)
    if root.tag != "RestingECG":
        raise ReadError(
            "not a GE MUSE XML file (root element is not RestingECG)",
            reason=ReadReason("wrong_format", format="GE MUSE XML"),
        )
    wave = _waveform(root, want)
    try:
        fs = float(text(wave, "SampleBase", "0")) * 10 ** float(text(wave, "SampleExponent", "0"))
    except (ValueError, OverflowError) as err:
        raise ReadError(
            f"the sampling rate is not a number: {err}", reason=ReadReason("no_sampling_rate")
        ) from err
    if not 0 < fs <= 1e6:
        raise ReadError(
            "the MUSE waveform has no sampling rate", reason=ReadReason("no_sampling_rate")
        )
    names, rows, warnings = [], [], []
    for lead in wave.findall("LeadData"):
        name = text(lead, "LeadID")
        try:
            raw = base64.b64decode(text(lead, "WaveFormData"), validate=False)
        except (binascii.Error, ValueError) as err:
            raise ReadError(
                f"lead {name}: sample data is not valid base64 ({err})",
                reason=ReadReason("waveform_damaged"),
            ) from err
        samples = np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2").astype(np.float64)
        expected = int(number(lead, "LeadSampleCountTotal") or 0)
        if expected and samples.size < expected:
            warnings.append(
                EcgWarning("lead_truncated", lead=name, got=int(samples.size), want=expected)
            )
        elif expected:
            samples = samples[:expected]
        if samples.size == 0:
            warnings.append(EcgWarning("lead_empty", lead=name))
            continue
        per_bit = number(lead, "LeadAmplitudeUnitsPerBit") or 1.0
        unit = _UNITS.get(
            text(lead, "LeadAmplitudeUnits").upper(), text(lead, "LeadAmplitudeUnits")
        )
        mv, warn = to_millivolts(samples * per_bit, unit)
        if warn and warn not in warnings:
            warnings.append(warn)
        names.append(name)
        rows.append(mv)
    if not rows:
        raise ReadError("this MUSE XML file holds no lead data", reason=ReadReason("no_waveform"))
    n = min(r.size for r in rows)
    filters = {}
    for key, tag in (("highpass", "HighPassFilter"), ("lowpass", "LowPassFilter")):
        value = text(wave, tag)
        try:
            if value:  # MUSE writes the high-pass corner in 1/100 Hz (5, 16, 56 = 0.05-0.56 Hz)
                hundredths = key == "highpass" and "." not in value
                filters[key] = float(value) / (100.0 if hundredths else 1)
        except ValueError:
            pass
    demo = root.find("PatientDemographics")
    age = None
    try:
        age = float(text(demo, "PatientAge")) if text(demo, "PatientAge") else None
    except ValueError:
        age = None
    if age is not None and text(demo, "AgeUnits").upper().startswith("MONTH"):
        age /= 12.0
    tests = root.find("TestDemographics")
    spikes, spike_warnings = pace_spikes(wave, fs, n)
    warnings += spike_warnings
    sig = EcgSignal(
        np.vstack([r[:n] for r in rows]),
        fs,
        names,
        age_years=age,
        sex=normalize_sex(text(demo, "Gender")),
        acquired=_date(text(tests, "AcquisitionDate"), text(tests, "AcquisitionTime")),
        warnings=warnings,
        filters=filters,
        source="GE MUSE XML",
        device_measurements=device_measurements(root),
        device_statements=device_statements(root),
        device_pacer_spikes_s=spikes,
    )
    return finished(sig)


def muse_meta(path: Path) -> dict:
    root = parse_xml(path)
    demo = root.find("PatientDemographics")
    tests = root.find("TestDemographics")
    last, first = text(demo, "PatientLastName"), text(demo, "PatientFirstName")
    birth = _date(text(demo, "DateofBirth"))
    return {
        "patient_id": text(demo, "PatientID"),
        "patient_name": "^".join(p for p in (last, first) if p),
        "sex": normalize_sex(text(demo, "Gender")),
        "birth_date": birth.strftime("%Y%m%d") if birth else "",
        "time": _date(text(tests, "AcquisitionDate"), text(tests, "AcquisitionTime")),
        "uid": "",
    }
