"""SYNTHETIC changes added to the real pydicom record (waveform_ecg.dcm), for tests.

``inferior_injury`` adds an inferior injury current from the device's own J
point: a frontal-plane ST vector at +100 degrees projected on every limb lead
(so Einthoven's law still holds and aVL shows the reciprocal depression),
rising just after J to its full size by about J+60.
"""

import math

import numpy as np

from app.ecg.signal import EcgSignal

LIMB_ANGLES = {"I": 0, "II": 60, "III": 120, "aVR": -150, "aVL": -30, "aVF": 90}


def inferior_injury(sig: EcgSignal, device_beats, mv: float, rise_ms: float = 20.0):
    """Add an ST vector of ``mv`` at +100 deg, rising from J with time constant ``rise_ms``."""
    data = sig.data.copy()
    fs = sig.fs
    for b in device_beats:
        j, t_end = b["QRS Offset"], b["T Offset"]
        t = np.arange(t_end - j) / fs * 1000.0
        shape = 1.0 - np.exp(-t / rise_ms)
        tail = int(0.04 * fs)
        shape[-tail:] *= 0.5 + 0.5 * np.cos(np.linspace(0, np.pi, tail))
        for lead, deg in LIMB_ANGLES.items():
            proj = math.cos(math.radians(100 - deg))
            data[sig.leads.index(lead), j:t_end] += mv * proj * shape
    return EcgSignal(data, sig.fs, list(sig.leads), sig.age_years, sig.sex, sig.acquired)


# Lead axes: limb leads in the frontal plane (x left, y inferior), chest leads in
# the horizontal plane (x left, z anterior); angles in degrees.
CHEST_ANGLES = {"V1": 115, "V2": 95, "V3": 75, "V4": 60, "V5": 30, "V6": 0}


def project(vector: tuple[float, float, float]) -> dict[str, float]:
    """A heart vector (x left, y inferior, z anterior) projected on the 12 leads."""
    x, y, z = vector
    out = {
        n: x * math.cos(math.radians(a)) + y * math.sin(math.radians(a))
        for n, a in LIMB_ANGLES.items()
    }
    out |= {
        n: x * math.cos(math.radians(a)) + z * math.sin(math.radians(a))
        for n, a in CHEST_ANGLES.items()
    }
    return out


def right_bundle_delay(sig: EcgSignal, device_beats, mv: float = 0.5, ms: float = 60.0):
    """RBBB-like terminal conduction delay: a slow wave of ``ms`` after the device's
    QRS end, its vector pointing right and anterior (R' in V1, wide S in I and V6).
    The ST-T that follows is moved later by the same time (the TP segment is shorter)."""
    data = sig.data.copy()
    fs = sig.fs
    n = int(ms * fs / 1000)
    bump = np.sin(np.linspace(0, np.pi, n)) ** 1.5
    gains = project((-1.0, 0.15, 0.8))
    starts = [b["P Onset"] for b in device_beats[1:]] + [data.shape[1]]
    for b, end in zip(device_beats, starts, strict=True):
        j = b["QRS Offset"] - int(0.01 * fs)
        for lead, g in gains.items():
            row = data[sig.leads.index(lead)]
            row[j + n : end] = row[j : end - n].copy()  # ST-T moved later, TP shortened
            row[j : j + n] = row[j] + mv * g * bump
    return EcgSignal(data, sig.fs, list(sig.leads), sig.age_years, sig.sex, sig.acquired)


def pacer_spikes(sig: EcgSignal, at_samples: list[int], mv: float = 2.0):
    """Pacemaker spikes as a 1 kHz recorder shows them: ~2 ms, then a small recharge tail,
    on every lead by the spike's (bipolar, inferior-left) vector."""
    data = sig.data.copy()
    fs = sig.fs
    shape = np.array([0.35, 1.0, 0.45, -0.12, -0.08, -0.04])
    gains = project((0.6, 0.8, -0.2))
    for k in at_samples:
        for lead, g in gains.items():
            data[sig.leads.index(lead), k : k + shape.size] += mv * g * shape
    assert fs >= 500
    return EcgSignal(data, sig.fs, list(sig.leads), sig.age_years, sig.sex, sig.acquired)
