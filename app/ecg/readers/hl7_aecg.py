"""HL7 v3 annotated ECG (aECG, FDA format) XML -> EcgSignal.

Reads the first rhythm ``series`` (derived median-beat series are skipped):
its ``sequenceSet`` holds a TIME_ABSOLUTE/TIME_RELATIVE sequence giving the
sample increment, then one SLIST_PQ sequence per lead with origin, scale and
space-separated digits.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import numpy as np

from app.ecg.channels import left_out_item, left_out_warning, non_ecg_reason
from app.ecg.readers.xmlutil import parse_xml
from app.ecg.signal import (
    EcgSignal,
    age_from_dates,
    finished,
    normalize_lead_name,
    normalize_sex,
    to_millivolts,
)
from app.ecg.warning_codes import EcgWarning
from app.readers.base import ReadError
from app.readers.reasons import ReadReason, no_ecg_reason

_TIME_UNITS = {"s": 1.0, "ms": 1e-3, "us": 1e-6}
# global annotation codes -> EcgSignal.device_measurements keys
_MEASURES = {
    "MDC_ECG_HEART_RATE": "Heart Rate",
    "MDC_ECG_TIME_PD_RR": "RR Interval",
    "MDC_ECG_TIME_PD_PR": "PR Interval",
    "MDC_ECG_TIME_PD_QRS": "QRS Duration",
    "MDC_ECG_TIME_PD_QT": "QT Interval",
    "MDC_ECG_TIME_PD_QTc": "QTc Interval",
    "MDC_ECG_TIME_PD_QTcB": "QTc Interval",
    "MDC_ECG_ANGLE_P_FRONT": "P Axis",
    "MDC_ECG_ANGLE_QRS_FRONT": "QRS Axis",
    "MDC_ECG_ANGLE_T_FRONT": "T Axis",
}


def device_measurements(series: ET.Element) -> dict[str, float]:
    """Global measurements from the series' annotation sets (the shallowest of each)."""
    found: dict[str, tuple[int, float]] = {}

    def walk(el: ET.Element, depth: int, per_lead: bool) -> None:
        for child in el:
            if child.tag == "support":
                continue
            lead_bound = per_lead or child.find("support") is not None
            if child.tag == "annotation" and not lead_bound:
                code = child.find("code")
                value = child.find("value")
                key = _MEASURES.get(code.get("code", "") if code is not None else "")
                if key and value is not None:
                    try:
                        number = float(value.get("value", ""))
                    except ValueError:
                        number = None
                    if number is not None and (key not in found or depth < found[key][0]):
                        found[key] = (depth, number)
            walk(child, depth + 1, lead_bound)

    for subject in series.findall("subjectOf"):
        walk(subject, 0, False)
    out = {key: value for key, (_depth, value) in found.items()}
    if out.get("RR Interval") and "Heart Rate" not in out:
        out["Heart Rate"] = round(60000.0 / out["RR Interval"], 1)
    return out


def looks_like_aecg(head: bytes) -> bool:
    return b"AnnotatedECG" in head


def _parse_ts(value: str) -> datetime | None:
    digits = "".join(ch for ch in (value or "").split(".")[0].split("+")[0] if ch.isdigit())
    for fmt, n in (("%Y%m%d%H%M%S", 14), ("%Y%m%d%H%M", 12), ("%Y%m%d", 8)):
        if len(digits) >= n:
            try:
                return datetime.strptime(digits[:n], fmt)
            except ValueError:
                pass
    return None


def _num(value: str, what: str) -> float:
    try:
        out = float(value)
    except ValueError:
        out = float("nan")
    if not np.isfinite(out):
        raise ReadError(
            f"the aECG {what} is not a number ({value[:40]!r})",
            "corrupt",
            ReadReason("header_damaged"),
        )
    return out


def _effective(root: ET.Element) -> ET.Element | None:
    """effectiveTime as an interval (low) or a point (center)."""
    for path in ("effectiveTime/low", "effectiveTime/center"):
        found = root.find(path)
        if found is not None:
            return found
    return None


def _rhythm_series(root: ET.Element) -> ET.Element:
    series = [s for c in root.findall("component") for s in c.findall("series")]
    if not series:
        raise ReadError("this aECG file holds no waveform series", reason=ReadReason("no_waveform"))
    for s in series:
        code = s.find("code")
        if code is not None and "RHYTHM" in code.get("code", "").upper():
            return s
    return series[0]


def _sequences(series: ET.Element) -> list[ET.Element]:
    out = []
    for comp in series.findall("component"):
        for ss in comp.findall("sequenceSet"):
            out += [c.find("sequence") for c in ss.findall("component")]
        if out:
            break
    return [s for s in out if s is not None]


def _median_series(series: ET.Element) -> ET.Element | None:
    for derived in series.findall("derivation/derivedSeries"):
        code = derived.find("code")
        if code is not None and code.get("code", "").upper() == "REPRESENTATIVE_BEAT":
            return derived
    return None


def read_aecg(path: Path, want: str = "rhythm") -> EcgSignal:
    """The rhythm series, or with ``want="median"`` its representative beats when stored."""
    root = parse_xml(path)
    if root.tag != "AnnotatedECG":
        raise ReadError(
            "not an HL7 aECG file (root element is not AnnotatedECG)",
            reason=ReadReason("wrong_format", format="HL7 aECG"),
        )
    series = _rhythm_series(root)
    fs = 0.0
    names, rows, warnings, left_out = [], [], [], []
    waves = (_median_series(series) if want == "median" else None) or series
    for seq in _sequences(waves):
        code = seq.find("code")
        value = seq.find("value")
        if code is None or value is None:
            continue
        name = code.get("code", "")
        if name.startswith("TIME_"):
            inc = value.find("increment")
            if inc is not None:
                step = _num(inc.get("value", "0") or "0", "sample increment") * _TIME_UNITS.get(
                    inc.get("unit", "s"), 1.0
                )
                fs = 1.0 / step if step > 0 else 0.0
            continue
        digits = value.find("digits")
        if digits is None or not (digits.text or "").strip():
            warnings.append(EcgWarning("lead_empty", lead=name))
            continue
        try:
            raw = np.array(digits.text.split(), dtype=np.float64)
        except ValueError as err:
            raise ReadError(
                f"lead {name}: samples are not numbers ({err})",
                reason=ReadReason("waveform_damaged"),
            ) from err
        origin = value.find("origin")
        scale = value.find("scale")
        off = _num(origin.get("value", "0"), f"lead {name} origin") if origin is not None else 0.0
        gain = _num(scale.get("value", "1"), f"lead {name} scale") if scale is not None else 1.0
        unit = (scale.get("unit") if scale is not None else "") or ""
        reason = non_ecg_reason(normalize_lead_name(name), unit, raw * gain + off)
        if reason:
            left_out.append(left_out_item(name, unit, reason))
            continue
        mv, warn = to_millivolts(raw * gain + off, unit)
        if warn and warn not in warnings:
            warnings.append(warn)
        names.append(name)
        rows.append(mv)
    if left_out:
        warnings.append(left_out_warning(left_out))
    if not rows:
        raise ReadError(
            "this aECG file holds no ECG lead data",
            reason=no_ecg_reason(left_out),
        )
    if fs <= 0:
        raise ReadError(
            "this aECG file does not give a sample increment (sampling rate)",
            reason=ReadReason("no_sampling_rate"),
        )
    n = min(len(r) for r in rows)
    if any(len(r) != n for r in rows):
        warnings.append(EcgWarning("lengths_cut", samples=n))
    acquired = None
    eff = _effective(root)
    if eff is not None:
        acquired = _parse_ts(eff.get("value", ""))
    person = root.find(".//subjectDemographicPerson")
    sex, age = "", None
    if person is not None:
        gender = person.find("administrativeGenderCode")
        sex = normalize_sex(gender.get("code", "")) if gender is not None else ""
        birth = person.find("birthTime")
        if birth is not None:
            age = age_from_dates(birth.get("value", ""), acquired)
    sig = EcgSignal(
        np.vstack([r[:n] for r in rows]),
        fs,
        names,
        age_years=age,
        sex=sex,
        acquired=acquired,
        warnings=warnings,
        source="HL7 aECG",
        left_out=left_out,
        device_measurements=device_measurements(series),
    )
    return finished(sig)


def aecg_meta(path: Path) -> dict:
    """Patient and study fields for the worklist."""
    root = parse_xml(path)
    out = {"patient_id": "", "patient_name": "", "sex": "", "birth_date": "", "uid": ""}
    ident = root.find("id")
    if ident is not None:
        out["uid"] = ident.get("root", "")
    person = root.find(".//subjectDemographicPerson")
    subject = root.find(".//trialSubject/id")
    if subject is not None:
        out["patient_id"] = subject.get("extension", "") or subject.get("root", "")
    if person is not None:
        name = person.find("name")
        if name is not None:
            parts = [t.strip() for t in name.itertext() if t.strip()]
            out["patient_name"] = " ".join(parts)
        gender = person.find("administrativeGenderCode")
        out["sex"] = normalize_sex(gender.get("code", "")) if gender is not None else ""
        birth = person.find("birthTime")
        out["birth_date"] = birth.get("value", "")[:8] if birth is not None else ""
    eff = _effective(root)
    out["time"] = _parse_ts(eff.get("value", "")) if eff is not None else None
    return out
