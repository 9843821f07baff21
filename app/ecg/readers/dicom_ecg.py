"""DICOM waveform ECG (12-lead, General ECG, Ambulatory) -> EcgSignal.

Handles every multiplex group: the rhythm group is preferred over median
beats (MultiplexGroupLabel), amplitudes are scaled from the channel's
sensitivity units (uV/mV) with correction factor and baseline, and samples
stored in fewer bits than allocated (12-bit) are sign-extended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np

from app.descriptions import Description, described
from app.ecg.channels import left_out_item, left_out_warning, non_ecg_reason
from app.ecg.signal import (
    EcgSignal,
    age_from_dates,
    amplitude_warning,
    normalize_lead_name,
    normalize_sex,
    parse_age,
    to_millivolts,
)
from app.ecg.warning_codes import EcgWarning
from app.readers.base import ReadError
from app.readers.dicom_io import header_number
from app.readers.reasons import ReadReason, no_ecg_reason

# the description of a DICOM ECG without its own StudyDescription (app.descriptions)
_SOP_DESCRIPTIONS = {
    "1.2.840.10008.5.1.4.1.1.9.1.1": "ecg_12_lead",
    "1.2.840.10008.5.1.4.1.1.9.1.2": "ecg_general",
    "1.2.840.10008.5.1.4.1.1.9.1.3": "ecg_ambulatory",
    "1.2.840.10008.5.1.4.1.1.9.1.4": "ecg_general_32bit",
}
ECG_SOP_CLASSES = {
    "1.2.840.10008.5.1.4.1.1.9.1.1": "12-lead ECG",
    "1.2.840.10008.5.1.4.1.1.9.1.2": "General ECG",
    "1.2.840.10008.5.1.4.1.1.9.1.3": "Ambulatory ECG",
    "1.2.840.10008.5.1.4.1.1.9.1.4": "General 32-bit ECG",
}


def sop_description(sop: str) -> Description:
    """ "12-lead ECG", "Ambulatory ECG"... (or "ECG") for a waveform SOP class UID."""
    return described(_SOP_DESCRIPTIONS.get(sop, "ecg"))


_DTYPES = {
    (8, "SB"): np.int8,
    (8, "UB"): np.uint8,
    (16, "SS"): np.int16,
    (16, "US"): np.uint16,
    (32, "SL"): np.int32,
    (32, "UL"): np.uint32,
}


@dataclass
class GroupInfo:
    index: int
    label: str
    channels: int
    samples: int
    fs: float


def groups(ds) -> list[GroupInfo]:
    out = []
    for i, g in enumerate(ds.get("WaveformSequence") or []):
        out.append(
            GroupInfo(
                i,
                str(g.get("MultiplexGroupLabel", "") or "").upper(),
                int(g.get("NumberOfWaveformChannels", 0) or 0),
                int(g.get("NumberOfWaveformSamples", 0) or 0),
                float(g.get("SamplingFrequency", 0) or 0),
            )
        )
    return out


def choose_group(infos: list[GroupInfo], want: str = "rhythm") -> GroupInfo:
    """The rhythm group (longest non-median) or the median-beat group."""
    if not infos:
        raise ReadError(
            "this DICOM file has no waveform data (empty Waveform Sequence)",
            reason=ReadReason("no_waveform"),
        )
    median = [g for g in infos if "MEDIAN" in g.label or "AVERAGE" in g.label]
    rhythm = [g for g in infos if g not in median]
    pool = (median or rhythm) if want == "median" else (rhythm or median)
    return max(pool, key=lambda g: g.samples / max(g.fs, 1.0))


def _channel_label(ch) -> str:
    src = ch.get("ChannelSourceSequence")
    if src:
        item = src[0]
        label = normalize_lead_name(str(item.get("CodeValue", "")))
        if label in ("I", "II", "III", "aVR", "aVL", "aVF") or label.startswith("V"):
            return label
        return normalize_lead_name(str(item.get("CodeMeaning", "")))
    return normalize_lead_name(str(ch.get("ChannelLabel", "")))


def _raw_samples(group, index: int) -> np.ndarray:
    bits = int(header_number(group, "WaveformBitsAllocated", 0, f"waveform group {index + 1}"))
    interp = str(group.get("WaveformSampleInterpretation", ""))
    dtype = _DTYPES.get((bits, interp))
    if dtype is None:
        raise ReadError(
            f"waveform group {index + 1}: unsupported sample format {bits}-bit {interp}",
            reason=ReadReason("waveform_encoding", encoding=f"{bits}-bit {interp}"),
        )
    n_ch = int(group.get("NumberOfWaveformChannels", 0) or 0)
    n_s = int(group.get("NumberOfWaveformSamples", 0) or 0)
    data = group.get("WaveformData")
    if n_ch <= 0 or n_s <= 0 or data is None:
        raise ReadError(
            f"waveform group {index + 1} has no samples", reason=ReadReason("no_waveform")
        )
    raw = bytes(data)
    need = n_ch * n_s * np.dtype(dtype).itemsize
    if len(raw) < need:
        have = len(raw) // (n_ch * np.dtype(dtype).itemsize)
        raise ReadError(
            f"the waveform data is truncated: {have} of {n_s} samples per channel present",
            reason=ReadReason("waveform_truncated"),
        )
    arr = np.frombuffer(raw[:need], dtype=dtype).reshape(n_s, n_ch).astype(np.int64)
    return arr.T


def _sign_extend(values: np.ndarray, stored: int, signed: bool) -> np.ndarray:
    mask = (1 << stored) - 1
    v = values & mask
    if signed:
        sign = 1 << (stored - 1)
        v = (v ^ sign) - sign
    return v


def read_dicom_ecg(path: Path, want: str = "rhythm", ds=None) -> EcgSignal:
    from app.readers.dicom_io import read_dicom

    if ds is None:
        ds = read_dicom(path)
    if "WaveformSequence" not in ds:
        raise ReadError(
            "this DICOM file holds no waveform (no Waveform Sequence)",
            reason=ReadReason("no_waveform"),
        )
    try:
        info = choose_group(groups(ds), want)
    except (TypeError, ValueError) as err:
        raise ReadError(
            f"the waveform header is damaged: {err}", reason=ReadReason("header_damaged")
        ) from err
    group = ds.WaveformSequence[info.index]
    if info.fs <= 0:
        raise ReadError(
            "the waveform has no sampling frequency", reason=ReadReason("no_sampling_rate")
        )
    raw = _raw_samples(group, info.index)
    signed = str(group.get("WaveformSampleInterpretation", "")).startswith("S")
    bits = int(header_number(group, "WaveformBitsAllocated", 0))
    warnings: list[str] = []
    defs = list(group.get("ChannelDefinitionSequence") or [])
    if len(defs) != raw.shape[0]:
        raise ReadError(
            f"{raw.shape[0]} channels of data but {len(defs)} channel definitions",
            reason=ReadReason("header_damaged"),
        )
    rows, names, filters, left_out = [], [], {}, []
    for i, ch in enumerate(defs):
        values = raw[i]
        label = _channel_label(ch) or f"ch{i + 1}"
        where = f"channel {label}"
        stored = int(header_number(ch, "WaveformBitsStored", bits, where) or bits)
        if 0 < stored < bits:
            values = _sign_extend(values, stored, signed)
        sens = header_number(ch, "ChannelSensitivity", 1.0, where) or 1.0
        corr = header_number(ch, "ChannelSensitivityCorrectionFactor", 1.0, where) or 1.0
        base = header_number(ch, "ChannelBaseline", 0.0, where)
        physical = values.astype(np.float64) * sens * corr + base
        units = ch.get("ChannelSensitivityUnitsSequence")
        unit = str(units[0].get("CodeValue", "")) if units else ""
        if "ChannelSensitivity" not in ch:
            unit = ""
        reason = non_ecg_reason(label, unit, physical)
        if reason:
            left_out.append(left_out_item(label, unit, reason))
            continue
        mv, warn = to_millivolts(physical, unit)
        if warn and warn not in warnings:
            warnings.append(warn)
        rows.append(mv)
        names.append(label)
        for key, tag in (
            ("highpass", "FilterLowFrequency"),
            ("lowpass", "FilterHighFrequency"),
            ("notch", "NotchFilterFrequency"),
        ):
            try:  # a damaged filter value only loses the filter note
                value = header_number(ch, tag, 0.0)
            except ReadError:
                continue
            if value or (key != "notch" and ch.get(tag) not in (None, "")):
                filters[key] = value
    if left_out:
        warnings.append(left_out_warning(left_out))
    if not rows:
        raise ReadError(
            "this DICOM waveform holds no ECG channel",
            reason=no_ecg_reason(left_out),
        )
    if "MEDIAN" in info.label and want != "median":
        warnings.append(EcgWarning("median_only"))
    acquired = _acquired(ds)
    age = parse_age(str(ds.get("PatientAge", "")))
    if age is None:
        age = age_from_dates(str(ds.get("PatientBirthDate", "")), acquired)
    sig = EcgSignal(
        np.vstack(rows),
        info.fs,
        names,
        age_years=age,
        sex=normalize_sex(str(ds.get("PatientSex", ""))),
        acquired=acquired,
        warnings=warnings,
        filters=filters,
        source="DICOM " + ECG_SOP_CLASSES.get(str(ds.get("SOPClassUID", "")), "waveform"),
        left_out=left_out,
        device_measurements=device_measurements(ds),
        device_statements=device_statements(ds),
    )
    warn = amplitude_warning(sig)
    if warn:
        sig.warnings.append(warn)
    sig = sig.with_derived_limb_leads()
    missing = sig.missing_standard_leads()
    if missing and len(missing) < 12:
        sig.warnings.append(EcgWarning("missing_leads", leads=missing))
    return sig.ordered()


def _acquired(ds) -> datetime | None:
    text = str(ds.get("AcquisitionDateTime", "") or "")
    if not text:
        text = str(ds.get("ContentDate", "") or ds.get("StudyDate", "") or "")
        text += str(ds.get("ContentTime", "") or ds.get("StudyTime", "") or "")
    digits = text.split("+")[0].split("-")[0]
    digits = digits.split(".")[0]
    for fmt, n in (("%Y%m%d%H%M%S", 14), ("%Y%m%d%H%M", 12), ("%Y%m%d", 8)):
        if len(digits) >= n:
            try:
                return datetime.strptime(digits[:n], fmt)
            except ValueError:
                continue
    return None


def device_measurements(ds) -> dict[str, float]:
    """The recording device's own global measurements (WaveformAnnotationSequence)."""
    out: dict[str, float] = {}
    for ann in ds.get("WaveformAnnotationSequence") or []:
        names = ann.get("ConceptNameCodeSequence")
        if not names or ann.get("NumericValue") in (None, ""):
            continue
        try:
            out[str(names[0].get("CodeMeaning", ""))] = float(ann.NumericValue)
        except (TypeError, ValueError):
            continue
    if out.get("RR Interval") and "Heart Rate" not in out:
        out["Heart Rate"] = round(60000.0 / out["RR Interval"], 1)
    return out


def device_statements(ds) -> list[str]:
    return [
        str(a.UnformattedTextValue)
        for a in ds.get("WaveformAnnotationSequence") or []
        if a.get("UnformattedTextValue")
    ]
