"""Philips Sierra / PageWriter ECG XML (SierraECG 1.03, PhilipsECG 1.04.x) -> EcgSignal.

``parsedwaveforms`` holds all leads, Base64 (or plain ASCII) and usually
XLI-compressed (``app.ecg.readers.xli``, which stores III, aVR, aVL and aVF
as residuals from I and II); amplitudes are in units of ``resolution``
microvolts.  The device's own global measurements and statements are exposed
as ``device_measurements`` / ``device_statements``.
"""

from __future__ import annotations

import base64
import binascii
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import numpy as np

from app.ecg.readers.xli import rebuild_limb_leads, xli_decode
from app.ecg.readers.xmlutil import number, parse_xml, text
from app.ecg.signal import (
    STANDARD_LEADS,
    EcgSignal,
    age_from_dates,
    finished,
    normalize_sex,
)
from app.ecg.warning_codes import EcgWarning
from app.readers.base import ReadError
from app.readers.reasons import ReadReason

MAX_SAMPLES = 2_000_000  # per lead (over an hour at 500 Hz)
_MARK = "restingecgdata"
# global measurement element -> EcgSignal.device_measurements key (first found wins)
_MEASURES = (
    ("heartrate", "Heart Rate"),
    ("meanventrate", "Heart Rate"),
    ("rrint", "RR Interval"),
    ("print", "PR Interval"),
    ("meanprint", "PR Interval"),
    ("qrsdur", "QRS Duration"),
    ("meanqrsdur", "QRS Duration"),
    ("qtint", "QT Interval"),
    ("meanqtint", "QT Interval"),
    ("qtcb", "QTc Interval"),
    ("meanqtc", "QTc Interval"),
    ("pfrontaxis", "P Axis"),
    ("qrsfrontaxis", "QRS Axis"),
    ("tfrontaxis", "T Axis"),
)
_LEAD_MEASURES = (("qrsdur", "QRS Duration"), ("qtint", "QT Interval"), ("print", "PR Interval"))
_MEASURE_BLOCKS = (
    "interpretations/interpretation/globalmeasurements",
    "interpretations/interpretation/interpretationmeasurements",
    "measurements/globalmeasurements",
    "internalmeasurements/crossleadmeasurements",
)


def looks_like_sierra(head: bytes) -> bool:
    return _MARK.encode() in head or _MARK.encode("utf-16-le") in head


def _float(value: str | None) -> float:
    """A finite number from an attribute, or 0."""
    try:
        out = float(value or 0)
    except ValueError:
        return 0.0
    return out if np.isfinite(out) else 0.0


def _int(value: str | None) -> int:
    return int(_float(value))


def _labels(root: ET.Element, waves: ET.Element) -> list[str]:
    given = waves.get("leadlabels", "").split()
    count = _int(waves.get("numberofleads"))
    if given:
        return given[: count or len(given)][:16]
    signal = root.find("dataacquisition/signalcharacteristics")
    count = min(max(_int(text(signal, "numberchannelsallocated")), 0), 16)
    if text(signal, "acquisitiontype") in ("STD-12", "10-WIRE"):
        return [STANDARD_LEADS[i] if i < 12 else f"Channel {i + 1}" for i in range(count)]
    return [f"Channel {i + 1}" for i in range(count)]


def _leads(waves: ET.Element, labels: list[str], n_samples: int) -> list[np.ndarray]:
    n_leads = len(labels)
    encoding = waves.get("dataencoding", "Base64")
    body = (waves.text or "").strip()
    if encoding == "Plain":
        try:
            flat = np.array(body.split()[: n_leads * n_samples], dtype=np.int64)
        except ValueError as err:
            raise ReadError(
                f"the waveform samples are not numbers ({err})",
                "corrupt",
                ReadReason("waveform_damaged"),
            ) from err
        return [flat[i * n_samples : (i + 1) * n_samples] for i in range(n_leads)]
    if encoding != "Base64":
        raise ReadError(
            f"waveform data encoding {encoding!r} is not supported",
            "unsupported",
            ReadReason("waveform_encoding", encoding=str(encoding)),
        )
    try:
        raw = base64.b64decode(body)
    except (binascii.Error, ValueError) as err:
        raise ReadError(
            f"the waveform data is not valid Base64 ({err})",
            "corrupt",
            ReadReason("waveform_damaged"),
        ) from err
    method = waves.get("compressmethod") or waves.get("compression") or ""
    if waves.get("compressflag", "").lower() == "false":
        method = ""
    if method:
        if method != "XLI":
            raise ReadError(
                f"waveform compression {method!r} is not supported",
                "unsupported",
                ReadReason("waveform_encoding", encoding=str(method)),
            )
        leads = xli_decode(raw, n_leads, n_samples)
        if [x.upper() for x in labels[:6]] == [x.upper() for x in STANDARD_LEADS[:6]]:
            rebuild_limb_leads(leads)
        return leads
    flat = np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2").astype(np.int64)
    return [flat[i * n_samples : (i + 1) * n_samples] for i in range(n_leads)]


def _drop_calibration(data: np.ndarray) -> tuple[np.ndarray, int]:
    """Cut the trailing stretch where every lead is identical (zero line and the
    1 mV calibration pulse cartographs append after the ECG)."""
    if data.shape[0] < 2:
        return data, 0
    same = np.ptp(data, axis=0) == 0
    if not same[-1]:
        return data, 0
    differs = np.flatnonzero(~same)
    start = int(differs[-1]) + 1 if differs.size else 0
    cut = data.shape[1] - start
    if cut < 25 or start == 0:
        return data, 0
    return data[:, :start], cut


def device_measurements(root: ET.Element) -> dict[str, float]:
    out: dict[str, float] = {}
    for path in _MEASURE_BLOCKS:
        block = root.find(path)
        for tag, key in _MEASURES:
            value = number(block, tag)
            if key not in out and value is not None:
                out[key] = value
    if out.get("Heart Rate") and "RR Interval" not in out:
        out["RR Interval"] = round(60000.0 / out["Heart Rate"], 1)
    return out


def device_lead_measurements(root: ET.Element) -> dict[str, dict[str, float]]:
    """Per-lead QRS duration and QT interval as the device measured them (first block found)."""
    out: dict[str, dict[str, float]] = {}
    for path in ("measurements/leadmeasurements", "internalmeasurements/leadmeasurements"):
        block = root.find(path)
        if block is None:
            continue
        for lead in block.findall("leadmeasurement"):
            name = (lead.get("leadname") or "").strip()
            values = {key: number(lead, tag) for tag, key in _LEAD_MEASURES}
            values = {k: v for k, v in values.items() if v is not None}
            if name and values and name not in out:
                out[name] = values
        if out:
            break
    return out


def device_statements(root: ET.Element) -> list[str]:
    out = []
    for interp in root.findall("interpretations/interpretation"):
        for el in interp.iter():
            value = (el.text or "").strip()
            if el.tag in ("leftstatement", "lhsstatement") and value and value not in out:
                out.append(value)
    return out


def _acquired(root: ET.Element) -> datetime | None:
    acq = root.find("dataacquisition")
    if acq is None:
        return None
    try:
        return datetime.strptime(
            f"{acq.get('date', '')} {acq.get('time', '')}", "%Y-%m-%d %H:%M:%S"
        )
    except ValueError:
        return None


def _check_type(root: ET.Element) -> None:
    if root.tag != _MARK:
        raise ReadError(
            "not a Philips ECG XML file (root element is not restingecgdata)",
            reason=ReadReason("wrong_format", format="Philips ECG XML"),
        )
    doc = text(root, "documentinfo/documenttype")
    if doc and doc not in ("SierraECG", "PhilipsECG"):
        raise ReadError(
            f"Philips XML of type {doc} is not a Sierra ECG",
            "unsupported",
            ReadReason("wrong_format", format="Philips Sierra ECG"),
        )


def _repbeats(root: ET.Element) -> tuple[np.ndarray, float, list[str]] | None:
    """The device's representative beats (Base64 int16 x resolution uV), or None."""
    block = root.find("waveforms/repbeats")
    if block is None or block.get("dataencoding", "Base64") != "Base64":
        return None
    fs = _float(block.get("samplespersec"))
    resolution = _float(block.get("resolution")) or 1.0
    names, rows = [], []
    for beat in block.findall("repbeat"):
        wave = beat.find("waveform")
        body = ((wave if wave is not None else beat).text or "").strip()
        try:
            raw = base64.b64decode(body)
        except (binascii.Error, ValueError):
            return None
        rows.append(np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2").astype(np.float64))
        names.append(beat.get("leadname", f"Channel {len(names) + 1}"))
    n = min((r.size for r in rows), default=0)
    if not 0 < fs <= 1e6 or n == 0 or n > MAX_SAMPLES or len(rows) > 16:
        return None
    return np.vstack([r[:n] for r in rows]) * resolution / 1000.0, fs, names


def read_sierra(path: Path, want: str = "rhythm") -> EcgSignal:
    """The rhythm leads, or with ``want="median"`` the representative beats when stored."""
    root = parse_xml(path)
    _check_type(root)
    beats = _repbeats(root) if want == "median" else None
    if beats is not None:
        return _signal(root, beats[0], beats[1], beats[2], [], {})
    waves = root.find("waveforms/parsedwaveforms")
    if waves is None:
        raise ReadError(
            "this Philips ECG XML holds no waveform (no parsedwaveforms)",
            "corrupt",
            ReadReason("no_waveform"),
        )
    signal = root.find("dataacquisition/signalcharacteristics")
    fs = _float(waves.get("samplespersecond")) or number(signal, "samplingrate") or 0.0
    resolution = _float(waves.get("resolution")) or number(signal, "signalresolution") or 0.0
    duration_ms = _int(waves.get("durationperchannel"))
    if not 0 < fs <= 1e6 or not 0 < resolution < 1e6:
        raise ReadError(
            "the Philips ECG XML gives no sampling rate or resolution",
            "corrupt",
            ReadReason("no_sampling_rate"),
        )
    n_samples = int(duration_ms * fs / 1000)
    if not 0 < n_samples <= MAX_SAMPLES:
        raise ReadError(
            f"the waveform length ({duration_ms} ms) is not plausible",
            "corrupt",
            ReadReason("header_damaged"),
        )
    labels = _labels(root, waves)
    if not labels:
        raise ReadError(
            "the Philips ECG XML names no leads", "corrupt", ReadReason("header_damaged")
        )
    leads = _leads(waves, labels, n_samples)
    n = min(len(x) for x in leads)
    warnings = []
    if n < n_samples:
        warnings.append(EcgWarning("waveform_truncated", got=n, want=n_samples))
    if n == 0:
        raise ReadError(
            "the Philips ECG XML holds no samples", "corrupt", ReadReason("no_waveform")
        )
    data = np.vstack([x[:n] for x in leads]).astype(np.float64) * resolution / 1000.0
    data, cut = _drop_calibration(data)
    if cut:
        warnings.append(EcgWarning("calibration_cut", ms=round(cut * 1000 / fs)))
    filters = {}
    for key, attr, tag in (
        ("highpass", "hipass", "highpassfiltersetting"),
        ("lowpass", "lowpass", "lowpassfiltersetting"),
    ):
        value = number(root, f"reportinfo/reportbandwidth/{tag}")
        value = _float(waves.get(attr)) or value
        if value:
            filters[key] = value
    return _signal(root, data, fs, labels, warnings, filters)


def _signal(root, data, fs: float, labels: list[str], warnings: list[str], filters) -> EcgSignal:
    person = root.find("patient/generalpatientdata")
    acquired = _acquired(root)
    age = number(person, "age/years")
    if age is None:
        age = age_from_dates(text(person, "age/dateofbirth"), acquired)
    sig = EcgSignal(
        data,
        fs,
        labels,
        age_years=age,
        sex=normalize_sex(text(person, "sex")),
        acquired=acquired,
        warnings=warnings,
        filters=filters,
        source="Philips Sierra ECG XML",
        device_measurements=device_measurements(root),
        device_lead_measurements=device_lead_measurements(root),
        device_statements=device_statements(root),
    )
    return finished(sig)


def sierra_meta(path: Path) -> dict:
    root = parse_xml(path)
    _check_type(root)
    person = root.find("patient/generalpatientdata")
    last, first = text(person, "name/lastname"), text(person, "name/firstname")
    birth = text(person, "age/dateofbirth").replace("-", "")
    return {
        "patient_id": text(person, "patientid"),
        "patient_name": "^".join(p for p in (last, first) if p),
        "sex": normalize_sex(text(person, "sex")),
        "birth_date": birth if len(birth) == 8 and birth.isdigit() else "",
        "time": _acquired(root),
        "uid": "",
    }
