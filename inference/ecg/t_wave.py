"""Which leads' T waves are clear enough to place the T end in.

The T end is placed on the spatial velocity of the median beat, where the T
wave's descending limb has settled to ``T_FRACTION`` (12 %) of its steepest
slope (inference/ecg/median.py).  A lead whose T wave is not well above the
noise the median beat still carries (muscle tremor survives an 8-beat median)
moves that point by its noise alone: on LUDB 138 the T waves are <= 0.12 mV and
lead II's tremor put the global T end 190 ms after the experts' (QTc 670 ms,
a false urgent "long QT").

Clinical practice measures the QT in the leads where the T wave and its end
are clear, and the AHA/ACCF/HRS 2009 recommendations (Part IV, Rautaharju et
al., Circulation 2009;119:e241) say that rate correction should not be
attempted when the T-wave end cannot be identified reliably.  So:

* a lead's T wave is clear when its amplitude (largest deflection from the PR
  baseline, 20 ms smoothed) is at least ``1 / T_FRACTION`` times the lead's
  noise (RMS of what a 20 ms moving average removes, outside the QRS): the
  end point sits at 12 % of the wave, so the noise must be below 12 % of it
  for that point to be the wave's and not the noise's;
* the T end is placed on the velocity of the clear leads only;
* with no clear lead the QT is "not measurable" and gets no QT grade.
"""

from __future__ import annotations

import numpy as np

from app.ecg.warning_codes import EcgWarning
from inference.ecg.fiducials import MS

SMOOTH_MS = 20  # T waves are slow; what a 20 ms moving average removes is noise
BASELINE_MS = (30, 10)  # PR-segment stretch before the QRS onset


def _smooth(x: np.ndarray) -> np.ndarray:
    w = int(SMOOTH_MS * MS)
    return np.convolve(x, np.ones(w) / w, mode="same")


def lead_snr(x: np.ndarray, qrs_on: int, qrs_off: int, lo: int, hi: int) -> float:
    """T amplitude over the lead's residual noise (both in mV) in [lo, hi)."""
    w = int(SMOOTH_MS * MS)
    x = x.astype(np.float64)
    s = _smooth(x)
    keep = np.zeros(x.size, dtype=bool)
    keep[w : x.size - w] = True
    keep[max(qrs_on - w, 0) : qrs_off + w] = False  # the QRS is not slow
    noise = float(np.sqrt(np.mean((x - s)[keep] ** 2))) if keep.any() else 0.0
    a, b = qrs_on - int(BASELINE_MS[0] * MS), qrs_on - int(BASELINE_MS[1] * MS)
    base = float(np.median(x[max(a, 0) : max(b, 1)]))
    lo, hi = max(lo, 0), min(hi, x.size - w)
    if hi <= lo:
        return 0.0
    amp = float(np.max(np.abs(s[lo:hi] - base)))
    return amp / noise if noise > 0 else float("inf")


def clear_rows(
    data: np.ndarray, rows: list[int], qrs_on: int, qrs_off: int, lo: int, hi: int, fraction: float
) -> list[int]:
    """The rows whose T wave in [lo, hi) stands at least ``1 / fraction`` above their noise."""
    need = 1.0 / fraction
    return [r for r in rows if lead_snr(data[r], qrs_on, qrs_off, lo, hi) >= need]


NOT_MEASURABLE = EcgWarning("qt_not_measurable")


def qt_notes(median, leads: list[str]) -> list[str]:
    """Warnings on where the QT was measured (``median``: a MedianBeat or None)."""
    if median is None or median.t_leads is None:
        return []
    if not median.t_leads:
        return [EcgWarning("qt_not_measurable")]
    from inference.ecg.median import INDEPENDENT

    left = [n for n in INDEPENDENT if n in leads and n not in median.t_leads]
    if not left:
        return []
    return [EcgWarning("qt_leads", leads=list(median.t_leads), noisy=left)]
