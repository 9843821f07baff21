"""QRS waves per lead on the median beat: what the bundle-branch-block criteria name.

AHA/ACCF/HRS recommendations for the standardization and interpretation of the
ECG, Part III: intraventricular conduction disturbances (Surawicz B, Childers R,
Deal BJ, Gettes LS et al., J Am Coll Cardiol 2009;53:976-981; Circulation
2009;119:e235-e240):

- complete RBBB: QRS >= 120 ms; rsr', rsR' or rSR' in V1 or V2 (the R' usually
  wider than the first R; in a minority a wide, often notched R); S wave of
  greater duration than the R wave or > 40 ms in leads I and V6; R peak time
  normal in V5 and V6 but > 50 ms in V1.
- complete LBBB: QRS >= 120 ms; broad notched or slurred R in I, aVL, V5 and
  V6, an occasional RS pattern in V5 and V6 (displaced transition); absent q in
  I, V5 and V6; R peak time > 60 ms in V5 and V6 but normal in V1-V3; ST and T
  usually opposite to the QRS.

A wave here is a deflection that comes back at least half way to the baseline
before the QRS ends.  That is what tells an R' from the discordant ST elevation
of LBBB in V1 (a rise that carries on into the ST segment), and an S wave from
the discordant ST depression of LBBB in I and V6 (a fall that carries on): the
global QRS end of a wide QRS falls where those slopes are still under way.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from inference.ecg.fiducials import MS

WAVE_MV = 0.05  # a deflection counts from 0.5 mm
R_PRIME_MS = 50  # RBBB: R peak time in V1 > 50 ms
RETURN = 0.5  # a wave falls back at least half way to the baseline within the QRS
SMOOTH = 5  # samples (10 ms at 500 Hz) of moving average against notches of noise
BASELINE_MS = 20  # the baseline: the last 20 ms before the QRS onset


@dataclass
class QrsShape:
    lead: str
    r_mv: float  # tallest positive deflection
    s_mv: float  # deepest negative deflection (<= 0)
    r_peak_ms: float = 0.0  # R peak time: QRS onset to the tallest R's peak
    initial_r_mv: float = 0.0  # the tallest positive deflection before the deepest negative one
    r_prime_mv: float = 0.0  # a late R (R' or wide R) that is the last wave of the QRS; 0: none
    r_prime_ms: float = 0.0  # its peak time from the QRS onset
    s_wave_mv: float = 0.0  # an S wave after the tallest R that comes back up; 0: none
    s_wave_ms: float = 0.0  # how long the QRS stays below the baseline after the tallest R
    r_wave_ms: float = 0.0  # how long the tallest R stays above the baseline


def _smooth(q: np.ndarray) -> np.ndarray:
    if q.size <= SMOOTH:
        return q
    half = SMOOTH // 2
    return np.convolve(np.pad(q, half, mode="edge"), np.ones(SMOOTH) / SMOOTH, mode="valid")


def r_prime(q: np.ndarray) -> tuple[float, float]:
    """(height mV, peak time ms) of the last positive wave peaking more than
    R_PRIME_MS after the onset that is the QRS's last deflection (nothing deeper
    than its height follows) and falls back half way to the baseline; (0, 0) if none."""
    found = (0.0, 0.0)
    for p in range(1, q.size - 1):
        h = float(q[p])
        if not (q[p] >= q[p - 1] and q[p] > q[p + 1] and h >= WAVE_MV and p / MS > R_PRIME_MS):
            continue
        low = float(q[p:].min())
        if h - low >= RETURN * h and low > -h:
            found = (h, p / MS)
    return found


def _run(mask: np.ndarray, at: int) -> int:
    """Length of the run of True in ``mask`` that contains index ``at``."""
    if not mask[at]:
        return 0
    lo = at
    while lo > 0 and mask[lo - 1]:
        lo -= 1
    hi = at
    while hi + 1 < mask.size and mask[hi + 1]:
        hi += 1
    return hi - lo + 1


def s_wave(q: np.ndarray) -> tuple[float, float, float]:
    """(depth mV, duration below the baseline ms, R duration ms) of the S wave after
    the tallest R, when it comes back half way before the QRS ends; depth 0 if none."""
    pr = int(np.argmax(q))
    r_ms = _run(q > 0, pr) / MS
    after = q[pr:]
    depth = float(after.min())
    if depth > -WAVE_MV or float(q[-1]) - depth < RETURN * -depth:
        return 0.0, 0.0, r_ms
    return depth, float(np.sum(after < 0)) / MS, r_ms


def shape_of(name: str, x: np.ndarray, on: int, off: int) -> QrsShape | None:
    """The QRS shape of one lead's median beat between ``on`` and ``off`` (samples)."""
    x = x.astype(np.float64)
    base = float(np.mean(x[max(on - int(BASELINE_MS * MS), 0) : on + 1]))
    raw = x[on : off + 1] - base
    if raw.size < 3:
        return None
    q = _smooth(raw)
    nadir = int(np.argmin(raw))
    prime_mv, prime_ms = r_prime(q)
    s_mv, s_ms, r_ms = s_wave(q)
    return QrsShape(
        name,
        round(float(max(raw.max(), 0.0)), 3),
        round(float(min(raw.min(), 0.0)), 3),
        r_peak_ms=float(np.argmax(q)) / MS,
        initial_r_mv=round(float(max(raw[: nadir + 1].max(), 0.0)), 3),
        r_prime_mv=round(prime_mv, 3),
        r_prime_ms=prime_ms,
        s_wave_mv=round(s_mv, 3),
        s_wave_ms=s_ms,
        r_wave_ms=r_ms,
    )


def qrs_shapes(mb) -> dict[str, QrsShape]:
    """QRS shape per lead of a delineated median beat (inference.ecg.median.MedianBeat)."""
    out = {}
    for i, name in enumerate(mb.leads):
        shape = shape_of(name, mb.data[i], mb.qrs_on, mb.qrs_off)
        if shape is not None:
            out[name] = shape
    return out
