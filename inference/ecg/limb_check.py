"""Do the six limb leads agree with Einthoven's law and Goldberger's equations?

III = II - I, aVR = -(I + II) / 2, aVL = I - II / 2 and aVF = II - I / 2 hold for
any placement of the three limb electrodes, because all six leads are differences
of the same three potentials.  A recording whose stored limb leads do not satisfy
them has wrong per-lead gains or mislabelled leads, and then no amplitude in it
(ST deviation in mm, voltage criteria) can be trusted as written.

The test is the least-squares slope of each augmented lead and III against the
value the equations predict from I and II (after removing baseline wander): 1.00
on every device record of the accuracy harness (Mortara, GE MUSE, HL7 aECG,
SCP-ECG, Philips Sierra: 0.99-1.01); LUDB 1.0.1 as published gives 0.5-2.3, its
header gains being inconsistent with its samples (bench/ecg_ludb.py).
"""

from __future__ import annotations

import numpy as np

LIMB = ("I", "II", "III", "aVR", "aVL", "aVF")
SLOPE_TOLERANCE = 0.1  # a slope outside 0.9-1.1 is a gain or label error, not noise
HIGH_PASS_HZ = 0.5  # baseline wander removed before the fit


def limb_slopes(data: np.ndarray, leads: list[str], fs: float) -> dict[str, float]:
    """Slope of III, aVR, aVL and aVF against Einthoven/Goldberger's prediction
    from I and II; {} when a limb lead is missing or I and II are flat."""
    if not all(n in leads for n in LIMB) or data.shape[1] < int(fs):
        return {}
    from scipy.signal import butter, filtfilt

    b, a = butter(2, HIGH_PASS_HZ / (fs / 2), "high")
    x = filtfilt(b, a, data[[leads.index(n) for n in LIMB]].astype(np.float64), axis=1)
    lead_i, lead_ii = x[0], x[1]
    predicted = {
        "III": lead_ii - lead_i,
        "aVR": -(lead_i + lead_ii) / 2,
        "aVL": lead_i - lead_ii / 2,
        "aVF": lead_ii - lead_i / 2,
    }
    out = {}
    for k, name in enumerate(LIMB[2:], start=2):
        pred = predicted[name]
        power = float(np.dot(pred, pred))
        if power <= 1e-12:
            return {}
        out[name] = round(float(np.dot(x[k], pred)) / power, 3)
    return out


def inconsistent(slopes: dict[str, float]) -> dict[str, float]:
    """The leads whose slope is off 1 by more than the tolerance."""
    return {n: s for n, s in slopes.items() if abs(s - 1.0) > SLOPE_TOLERANCE}
