"""GE CardioSoft / CASE resting ECG XML (``<CardiologyXML>``) -> EcgSignal.

CardioSoft writes the 10 s rhythm strip as ``StripData`` and the 12SL median
beats as ``RestingECGMeasurements/MedianSamples``.  Both hold ``SampleRate``
(Hz), ``ChannelSampleCountTotal`` (samples per lead), ``Resolution`` (units
per bit, e.g. ``uVperLsb``) and one ``WaveformData lead="..."`` per lead with
the samples as comma-separated integers.  All 12 leads are stored.  The
device's global measurements (12SL) are ``RestingECGMeasurements``; its
statements are ``Interpretation/Conclusion`` (as confirmed) or ``Diagnosis``.
"""

from __future__ import annotations

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

FORMAT = "GE CardioSoft XML"
MAX_SAMPLE = 2**31  # a sample beyond a 32-bit integer is not a recorded value
_SAMPLES = re.compile(r"\s*[-+]?\d{1,10}\s*(?:,\s*[-+]?\d{1,10}\s*)*,?\s*")
_PER_LSB = re.compile(r"^\s*(u|µ|μ|m|n)?v\s*(?:per|/)\s*(?:lsb|bit)\s*$", re.IGNORECASE)
_UID = re.compile(r"[0-2](?:\.(?:0|[1-9]\d*))+")
# RestingECGMeasurements element -> (EcgSignal.device_measurements key, accepted units)
_MEASURES = {
    "VentricularRate": ("Heart Rate", ("bpm", "/min")),
    "RRInterval": ("RR Interval", ("ms",)),
    "PQInterval": ("PR Interval", ("ms",)),
    "QRSDuration": ("QRS Duration", ("ms",)),
    "QTInterval": ("QT Interval", ("ms",)),
    "QTCInterval": ("QTc Interval", ("ms",)),
    "PAxis": ("P Axis", ("degrees", "deg")),
    "RAxis": ("QRS Axis", ("degrees", "deg")),
    "TAxis": ("T Axis", ("degrees", "deg")),
}


def looks_like_cardiosoft(head: bytes) -> bool:
    return b"<CardiologyXML" in head


def device_measurements(root: ET.Element) -> dict[str, float]:
    """The 12SL global measurements CardioSoft stores; an empty element is not measured,
    a value in another unit than the one named above is left out."""
    block = root.find("RestingECGMeasurements")
    out: dict[str, float] = {}
    if block is None:
        return out
    for tag, (key, units) in _MEASURES.items():
        el = block.find(tag)
        value = number(block, tag)
        unit = (el.get("units", "") if el is not None else "").strip().lower()
        if value is not None and (not unit or unit in units):
            out[key] = value
    if "RR Interval" not in out and out.get("Heart Rate"):
        out["RR Interval"] = round(60000.0 / out["Heart Rate"], 1)
    return out


def device_statements(root: ET.Element) -> list[str]:
    """The interpretation as confirmed (Conclusion) or as the device read it
    (Diagnosis), up to the "---" line CardioSoft puts before its own arrhythmia
    summary of the full-disclosure recording."""
    for block, tag in (("Conclusion", "ConclusionText"), ("Diagnosis", "DiagnosisText")):
        lines = [
            (el.text or "").strip()
            for el in root.findall(f"Interpretation/{block}/{tag}")
            if (el.text or "").strip()
        ]
        if lines:
            return lines[: lines.index("---")] if "---" in lines else lines
    return []


def _samples(lead: str, raw: str) -> np.ndarray:
    if not _SAMPLES.fullmatch(raw):
        raise ReadError(
            f"lead {lead}: sample data is not a list of integers",
            reason=ReadReason("waveform_damaged"),
        )
    values = np.array([v for v in raw.split(",") if v.strip()], dtype=np.float64)
    if values.size and np.abs(values).max() >= MAX_SAMPLE:
        raise ReadError(
            f"lead {lead}: a sample is out of range", reason=ReadReason("waveform_damaged")
        )
    return values


def _resolution(block: ET.Element) -> tuple[float, str]:
    """(units per bit, unit of the product) from ``Resolution units="uVperLsb"``."""
    el = block.find("Resolution")
    if el is None:
        return 1.0, ""
    per_bit = number(block, "Resolution")
    if per_bit is None or not 0 < per_bit <= 1e6:
        raise ReadError(
            f"the waveform resolution is not a usable number ({text(block, 'Resolution')!r})",
            reason=ReadReason("waveform_damaged"),
        )
    unit = _PER_LSB.match(el.get("units", ""))
    prefix = (unit.group(1) or "").replace("µ", "u").replace("μ", "u") if unit else None
    return per_bit, "" if prefix is None else f"{prefix}V"


def _sampling_rate(block: ET.Element) -> float:
    fs = number(block, "SampleRate")
    unit = (block.find("SampleRate").get("units", "hz") if fs is not None else "").lower()
    if fs is None or unit not in ("hz", "") or not 0 < fs <= 1e6:
        raise ReadError(
            "the CardioSoft waveform gives no usable sampling rate",
            reason=ReadReason("no_sampling_rate"),
        )
    return fs


def _block(root: ET.Element, want: str) -> tuple[ET.Element, list[str]]:
    strip = root.find("StripData")
    median = root.find("RestingECGMeasurements/MedianSamples")
    if want == "median" and median is not None:
        return median, []
    if strip is not None:
        return strip, []
    if median is not None:
        return median, [EcgWarning("median_only")]
    raise ReadError(
        "this CardioSoft XML file holds no waveform (no StripData)",
        reason=ReadReason("no_waveform"),
    )


def read_leads(block: ET.Element) -> tuple[list[str], list[np.ndarray], list[str]]:
    """(lead names, samples in mV, warnings) of one StripData/MedianSamples block."""
    per_bit, unit = _resolution(block)
    expected = int(number(block, "ChannelSampleCountTotal") or 0)
    names, rows, warnings = [], [], []
    for el in block.findall("WaveformData"):
        name = el.get("lead", "").strip() or f"channel {len(names) + len(warnings) + 1}"
        samples = _samples(name, el.text or "")
        if expected > 0 and samples.size < expected:
            warnings.append(
                EcgWarning("lead_truncated", lead=name, got=int(samples.size), want=expected)
            )
        elif expected > 0:
            samples = samples[:expected]
        if samples.size == 0:
            warnings.append(EcgWarning("lead_empty", lead=name))
            continue
        if name in names:  # a lead stored twice: the first copy is the one read
            continue
        mv, warn = to_millivolts(samples * per_bit, unit)
        if warn and warn not in warnings:
            warnings.append(warn)
        names.append(name)
        rows.append(mv)
    return names, rows, warnings


def _datetime(el: ET.Element | None, with_time: bool = True) -> datetime | None:
    try:
        parts = [int(text(el, tag)) for tag in ("Year", "Month", "Day")]
        if with_time:
            parts += [int(text(el, tag, "0")) for tag in ("Hour", "Minute")]
            parts.append(int(float(text(el, "Second", "0"))))
        return datetime(*parts)
    except (ValueError, OverflowError):
        return None


def _age(info: ET.Element | None) -> float | None:
    age = number(info, "Age")
    if age is None or info is None or not 0 <= age < 150 * 366:
        return None
    unit = info.find("Age").get("units", "YEARS").upper()
    divisor = {"MONTHS": 12.0, "WEEKS": 52.18, "DAYS": 365.25}.get(unit, 1.0)
    return round(age / divisor, 2)


def _filters(root: ET.Element) -> dict[str, float]:
    block = root.find("FilterSetting")
    out: dict[str, float] = {}
    for key, tag in (("highpass", "HighPass"), ("lowpass", "LowPass")):
        value = number(block, tag)
        if value is not None and value > 0:
            out[key] = value
    for hz in (50, 60):
        if text(block, f"Filter{hz}Hz").lower() in ("yes", "on", "true"):
            out["notch"] = float(hz)
    return out


def _root(path: Path) -> ET.Element:
    root = parse_xml(path)
    if root.tag != "CardiologyXML":
        raise ReadError(
            "not a GE CardioSoft XML file (root element is not CardiologyXML)",
            reason=ReadReason("wrong_format", format=FORMAT),
        )
    return root


def read_cardiosoft(path: Path, want: str = "rhythm") -> EcgSignal:
    root = _root(path)
    block, warnings = _block(root, want)
    fs = _sampling_rate(block)
    names, rows, lead_warnings = read_leads(block)
    if not rows:
        raise ReadError(
            "this CardioSoft XML file holds no lead data", reason=ReadReason("no_waveform")
        )
    n = min(r.size for r in rows)
    if any(r.size != n for r in rows):
        lead_warnings.append(EcgWarning("lengths_cut", samples=n))
    info = root.find("PatientInfo")
    sig = EcgSignal(
        np.vstack([r[:n] for r in rows]),
        fs,
        names,
        age_years=_age(info),
        sex=normalize_sex(text(info, "Gender")),
        acquired=_datetime(root.find("ObservationDateTime")),
        warnings=warnings + lead_warnings,
        filters=_filters(root),
        source=FORMAT,
        device_measurements=device_measurements(root),
        device_statements=device_statements(root),
    )
    return finished(sig)


def cardiosoft_meta(path: Path) -> dict:
    root = _root(path)
    info = root.find("PatientInfo")
    family, given = text(info, "Name/FamilyName"), text(info, "Name/GivenName")
    birth = _datetime(info.find("BirthDateTime") if info is not None else None, False)
    uid = text(root, "UID/DICOMStudyUID")
    return {
        "patient_id": text(info, "PID"),
        "patient_name": "^".join(p for p in (family, given) if p),
        "sex": normalize_sex(text(info, "Gender")),
        "birth_date": birth.strftime("%Y%m%d") if birth else "",
        "time": _datetime(root.find("ObservationDateTime")),
        # a placeholder such as "1" is not a study UID (it would merge unrelated records)
        "uid": uid if len(uid) <= 64 and _UID.fullmatch(uid) else "",
    }
