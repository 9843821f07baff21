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
