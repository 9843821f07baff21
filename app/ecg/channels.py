"""Which channels of a recording are ECG leads (Qt-free).

Bedside and Holter records carry blood pressure, plethysmogram, respiration
and other channels beside the ECG.  Only ECG channels may reach the analysis:
a channel is left out when its name says it is something else (ABP, PLETH,
RESP, ...), when its unit is not a voltage (mmHg, NU, Ohm, %), or, for an
unnamed channel without a unit, when its signal sits far from a zero baseline
as pressures and oximetry curves do.
"""

from __future__ import annotations

import re

import numpy as np

from app.ecg.signal import STANDARD_LEADS
from app.ecg.warning_codes import EcgWarning

_VOLTS = {
    "uv",
    "mv",
    "v",
    "nv",
    "microvolt",
    "microvolts",
    "millivolt",
    "millivolts",
    "volt",
    "volts",
}
# units that are certainly not a voltage (unknown units are guessed, not dropped)
_NOT_VOLTS = {
    "mmhg", "mm[hg]", "mm hg", "kpa", "cmh2o", "cm[h2o]", "nu", "ohm", "ohms", "kohm", "%",
    "degc", "cel", "°c", "bpm", "/min", "1/min", "{beats}/min", "l/min", "ml", "l", "ml/s",
    "l/s", "g", "m/s2", "m/s^2", "mmol/l", "s", "ms", "hz",
}  # fmt: skip
# first word of a channel name that names a non-ECG signal
_NON_ECG = {
    "ABP", "ART", "AO", "PAP", "CVP", "RAP", "LAP", "ICP", "UAP", "BP", "NBP", "NIBP",
    "SBP", "DBP", "MAP", "PLETH", "PPG", "SPO2", "SAO2", "SPO", "PULSE", "RESP", "RESPIRATION",
    "IMP", "CO2", "ETCO2", "AWP", "AWF", "AWAY", "FLOW", "AIRFLOW", "NASAL", "TEMP", "EEG",
    "EOG", "EMG", "PCG", "SOUND", "THOR", "THORAX", "ABDO", "ABD", "ABDOMEN", "SNORE",
    "HR", "STATUS", "EVENT", "MARKER", "ANNOTATIONS", "TRIGGER", "ACC", "ACCEL", "GYRO",
    "EDA", "GSR", "PRESSURE", "OXIMETRY", "CAPNO",
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z]+[0-9]?")


def is_voltage(unit: str) -> bool:
    u = (unit or "").strip().lower().replace("µ", "u").replace("μ", "u")
    return u in _VOLTS


def not_voltage(unit: str) -> bool:
    """True for a unit known not to be a voltage (mmHg, NU, Ohm, %...)."""
    return (unit or "").strip().lower() in _NOT_VOLTS


def non_ecg_reason(name: str, unit: str, values: np.ndarray | None = None) -> str:
    """Why channel ``name`` (in ``unit``) is not an ECG lead (a coded ``EcgWarning``),
    or "" when it is one."""
    label = str(name or "").strip()
    if label in STANDARD_LEADS:
        return EcgWarning("unit_not_voltage", unit=unit.strip()) if not_voltage(unit) else ""
    word = _WORD.match(label.upper())
    token = word.group(0) if word else ""
    if token in _NON_ECG or token.rstrip("0123456789") in _NON_ECG:
        return EcgWarning("not_ecg_name")
    if not_voltage(unit):
        return EcgWarning("unit_not_voltage", unit=unit.strip())
    if not is_voltage(unit) and values is not None and _offset_baseline(values):
        return EcgWarning("no_zero_baseline")
    return ""


def _offset_baseline(values: np.ndarray) -> bool:
    finite = np.asarray(values, dtype=np.float64)
    finite = finite[np.isfinite(finite)]
    if finite.size < 10:
        return False
    lo, mid, hi = np.percentile(finite, [0.5, 50, 99.5])
    spread = hi - lo
    return bool(spread > 0 and abs(mid) > spread)


def describe(name: str, unit: str) -> str:
    unit = (unit or "").strip()
    return f"{name} ({unit})" if unit else str(name)


def split_channels(
    names: list[str], units: list[str], values: list[np.ndarray] | None = None
) -> tuple[list[int], list[str]]:
    """(indices of the ECG channels, descriptions of those left out with why)."""
    keep, left_out = [], []
    for i, name in enumerate(names):
        unit = units[i] if i < len(units) else ""
        reason = non_ecg_reason(name, unit, values[i] if values is not None else None)
        if reason:
            left_out.append(left_out_item(name, unit, reason))
        else:
            keep.append(i)
    return keep, left_out


def left_out_item(name: str, unit: str, reason: str) -> EcgWarning:
    """One channel left out, ``"ABP (mmHg): not an ECG signal by its name"``."""
    return EcgWarning("channel_left_out", channel=describe(name, unit), reason=reason)


def left_out_warning(left_out: list[str]) -> EcgWarning:
    names = [
        getattr(item, "params", {}).get("channel") or item.split(":", 1)[0] for item in left_out
    ]
    return EcgWarning("channels_left_out", channels=names)
