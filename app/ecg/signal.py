"""One ECG signal object shared by readers, analysis and viewers (Qt-free).

``EcgSignal`` holds a float32 array ``leads x samples`` in millivolts, the
sampling rate, lead names normalised to the standard 12-lead vocabulary
(I, II, III, aVR, aVL, aVF, V1-V6), patient age/sex when the file says, the
acquisition time and a list of warnings found while reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime

import numpy as np

from app.ecg.warning_codes import EcgWarning

STANDARD_LEADS = ("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6")
LIMB_LEADS = STANDARD_LEADS[:6]
# records shorter than MIN_RECORD_S are refused by the readers (nothing to show or measure);
# shorter than MIN_ANALYSIS_S they are shown but inference.ecg.scope does not grade them
MIN_RECORD_S = 0.5
MIN_ANALYSIS_S = 5.0
# keys of EcgSignal.device_measurements (ms, bpm, degrees), as DICOM/SCP-ECG name them
DEVICE_MEASURES = (
    "Heart Rate",
    "RR Interval",
    "PR Interval",
    "QRS Duration",
    "QT Interval",
    "QTc Interval",
    "P Axis",
    "QRS Axis",
    "T Axis",
)
# Cabrera order: aVL, I, -aVR, II, aVF, III (aVR shown inverted)
CABRERA_LEADS = ("aVL", "I", "-aVR", "II", "aVF", "III")

# SCP-ECG (5.6.3-9-n) and MDC (2:n, MDC_ECG_LEAD_X) lead numbers
_LEAD_NUMBERS = {
    1: "I",
    2: "II",
    3: "V1",
    4: "V2",
    5: "V3",
    6: "V4",
    7: "V5",
    8: "V6",
    # extra chest leads (paediatric and posterior/right-sided sets): named, never standard
    9: "V7",
    10: "V2R",
    11: "V3R",
    12: "V4R",
    13: "V5R",
    14: "V6R",
    15: "V7R",
    66: "V8",
    67: "V9",
    68: "V8R",
    69: "V9R",
    61: "III",
    62: "aVR",
    63: "aVL",
    64: "aVF",
}
_CANONICAL = {name.upper(): name for name in STANDARD_LEADS}
# French/Spanish/Portuguese notation: DI, DII, DIII (derivacion / derivation)
_CANONICAL.update({"DI": "I", "DII": "II", "DIII": "III"})
_PREFIX = re.compile(r"^(MDC_ECG_LEAD_|ECG_LEAD_|LEAD_|LEAD|ECG_)")
_NOISE = re.compile(r"\(.*?\)|[\s_\-.:]")


def normalize_lead_name(name: str) -> str:
    """The standard name for a lead label, or the stripped label when unknown.

    A label maps to a standard lead only when it names that lead: "Lead I",
    "LEAD_II", "avr", "V1 ", "Lead I (Einthoven)", "MDC_ECG_LEAD_AVF", "DII",
    "ECG II", the MDC code "2:64" and the SCP-ECG code "5.6.3-9-61".  Channel
    numbers ("ECG 1", "ECG1", "1") name no lead and stay as they are.
    """
    raw = str(name or "").strip()
    code = re.fullmatch(r"(?:2:|5\.6\.3-9-|MDC_ECG_LEAD_)(\d+)", raw, flags=re.IGNORECASE)
    if code and int(code.group(1)) in _LEAD_NUMBERS:
        return _LEAD_NUMBERS[int(code.group(1))]
    key = re.sub(r"\(.*?\)", "", raw.upper()).strip()
    key = re.sub(r"^ECG\s+(?=[IV]|AV)", "ECG_", key)
    key = _PREFIX.sub("", key.replace(" ", "_"))
    key = _NOISE.sub("", key)
    return _CANONICAL.get(key, raw)


@dataclass
class EcgSignal:
    data: np.ndarray  # float32, shape (leads, samples), millivolts
    fs: float
    leads: list[str]
    age_years: float | None = None
    sex: str = ""  # "M", "F" or ""
    acquired: datetime | None = None
    warnings: list[str] = field(default_factory=list)
    filters: dict[str, float] = field(default_factory=dict)  # highpass/lowpass/notch Hz
    source: str = ""  # format name, e.g. "DICOM 12-lead ECG"
    # channels the file holds that are not ECG leads, e.g. "ABP (mmHg)"
    left_out: list[str] = field(default_factory=list)
    # the recording device's own measurements (keys in DEVICE_MEASURES) and statements
    device_measurements: dict[str, float] = field(default_factory=dict)
    device_statements: list[str] = field(default_factory=list)
    # the device's own per-lead values, e.g. {"II": {"QRS Duration": 135.0}}
    device_lead_measurements: dict[str, dict[str, float]] = field(default_factory=dict)
    # pacer spikes the device found and stored apart from the waveform (s from the start)
    device_pacer_spikes_s: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.data = np.ascontiguousarray(np.asarray(self.data, dtype=np.float32))
        if self.data.ndim == 1:
            self.data = self.data[None, :]
        if self.data.ndim != 2:
            raise ValueError("ECG data must be leads x samples")
        if len(self.leads) != self.data.shape[0]:
            raise ValueError(f"{len(self.leads)} lead names for {self.data.shape[0]} leads")
        if not self.fs or self.fs <= 0:
            raise ValueError("sampling rate must be positive")
        self.leads = [normalize_lead_name(n) for n in self.leads]

    @property
    def n_samples(self) -> int:
        return int(self.data.shape[1])

    @property
    def duration_s(self) -> float:
        return self.n_samples / float(self.fs)

    def has(self, lead: str) -> bool:
        return lead in self.leads

    def lead(self, name: str) -> np.ndarray:
        """One lead's samples in mV; "-aVR" gives aVR inverted (Cabrera)."""
        if name.startswith("-"):
            return -self.lead(name[1:])
        try:
            return self.data[self.leads.index(name)]
        except ValueError:
            raise KeyError(f"lead {name} is not in this ECG") from None

    def with_derived_limb_leads(self) -> EcgSignal:
        """Add the limb leads the file lacks from two of I, II, III (Einthoven)."""
        have = [n for n in ("I", "II", "III") if self.has(n)]
        if len(have) < 2:
            return self
        if "I" in have and "II" in have:
            lead_i, lead_ii = self.lead("I"), self.lead("II")
        elif "I" in have:
            lead_i, lead_ii = self.lead("I"), self.lead("I") + self.lead("III")
        else:
            lead_i, lead_ii = self.lead("II") - self.lead("III"), self.lead("II")
        derived = {
            "I": lead_i,
            "II": lead_ii,
            "III": lead_ii - lead_i,
            "aVR": -(lead_i + lead_ii) / 2,
            "aVL": lead_i - lead_ii / 2,
            "aVF": lead_ii - lead_i / 2,
        }
        missing = [n for n in derived if not self.has(n)]
        if not missing:
            return self
        data = np.vstack([self.data] + [derived[n][None, :] for n in missing])
        out = replace(
            self,
            data=data,
            leads=self.leads + missing,
            warnings=self.warnings
            + [EcgWarning("derived_leads", first=have[0], second=have[1], leads=missing)],
            filters=dict(self.filters),
        )
        return out.ordered()

    def ordered(self) -> EcgSignal:
        """Standard leads first in standard order, any others after."""
        order = [n for n in STANDARD_LEADS if n in self.leads]
        order += [n for n in self.leads if n not in STANDARD_LEADS]
        if order == self.leads:
            return self
        idx = [self.leads.index(n) for n in order]
        return replace(self, data=self.data[idx], leads=order, warnings=list(self.warnings))

    @property
    def recognised_leads(self) -> list[str]:
        """The leads named as standard 12-lead leads (unknown channels excluded)."""
        return [n for n in self.leads if n in STANDARD_LEADS]

    def missing_standard_leads(self) -> list[str]:
        return [n for n in STANDARD_LEADS if n not in self.leads]


def age_from_dates(birth: str, when: datetime | None) -> float | None:
    """Age in years from a YYYYMMDD (or YYYY-MM-DD) birth date."""
    digits = re.sub(r"\D", "", birth or "")
    if len(digits) < 8 or when is None:
        return None
    try:
        born = datetime(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
    return round((when - born).days / 365.25, 1)


def parse_age(text: str) -> float | None:
    """DICOM age string ("042Y", "006M") or a plain number of years."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([DWMY]?)\s*", str(text or ""), flags=re.IGNORECASE)
    if not m:
        return None
    value = float(m.group(1))
    unit = m.group(2).upper() or "Y"
    return round(value / {"D": 365.25, "W": 52.18, "M": 12.0, "Y": 1.0}[unit], 2)


def normalize_sex(value: str) -> str:
    v = str(value or "").strip().upper()
    if v in ("M", "MALE", "1"):
        return "M"
    if v in ("F", "FEMALE", "2"):
        return "F"
    return ""


def to_millivolts(values: np.ndarray, unit: str) -> tuple[np.ndarray, str | None]:
    """Scale ``values`` from ``unit`` to mV; returns (data, warning or None)."""
    u = (unit or "").strip().lower().replace("µ", "u").replace("μ", "u")
    scale = {
        "uv": 1e-3,
        "microvolt": 1e-3,
        "microvolts": 1e-3,
        "mv": 1.0,
        "millivolt": 1.0,
        "millivolts": 1.0,
        "v": 1e3,
        "volt": 1e3,
        "volts": 1e3,
        "nv": 1e-6,
    }.get(u)
    if scale is not None:
        return values * scale, None
    guess = guess_unit(values)
    factor = 1e-3 if guess == "uV" else 1.0
    return values * factor, EcgWarning("unit_unknown", unit=unit or "none", assumed=guess)


def guess_unit(values: np.ndarray) -> str:
    """ "uV" when the signal is far too large to be millivolts, else "mV"."""
    finite = np.asarray(values)[np.isfinite(values)]
    if finite.size == 0:
        return "mV"
    spread = float(np.percentile(finite, 99.5) - np.percentile(finite, 0.5))
    return "uV" if spread > 50 else "mV"


def amplitude_warning(sig: EcgSignal) -> str | None:
    """A warning when amplitudes suggest the units were wrong."""
    if sig.data.size == 0:
        return None
    spread = float(np.median(np.ptp(sig.data, axis=1)))
    if spread > 50:
        return EcgWarning("amplitude_high", mv=round(spread))
    if 0 < spread < 0.05:
        return EcgWarning("amplitude_low", uv=round(spread * 1000))
    return None


def finished(sig: EcgSignal, derive: bool = True) -> EcgSignal:
    """What every reader does last: warn about implausible amplitudes, add the limb
    leads the file lacks (when ``derive``) and put the leads in standard order."""
    warn = amplitude_warning(sig)
    if warn:
        sig.warnings.append(warn)
    return (sig.with_derived_limb_leads() if derive else sig).ordered()
