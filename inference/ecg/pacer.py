"""Pacemaker spike detection on the raw signal (at the recording's own rate).

A pacer spike is far steeper than any QRS slope and narrow: it rises and
falls back within a few milliseconds.  Each lead's slope is compared with
that lead's own QRS slope level (so big QRS complexes are not spikes), a
candidate must return towards its start within ``RETURN_MS`` (so a baseline
step or electrode pop is not a spike), and on a multi-lead record a spike
must show in at least two leads at the same time (two leads with their own
signal: I, II, V1-V6 when present, since the other limb leads are their sums).
Resampling smears spikes, so this runs before the 500 Hz resampling.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from inference.ecg.median import INDEPENDENT

MIN_FS = 250.0  # below this a spike cannot be told from a QRS upstroke
MIN_SLOPE_MV_MS = 0.25  # a spike is at least this steep...
QRS_SLOPE_FACTOR = 4.0  # ...and this many times steeper than the lead's QRS slopes
MIN_SPIKE_MV = 0.2  # smallest spike deflection counted
RETURN_MS = 8.0  # the deflection must come half-way back within this time
MERGE_MS = 4.0  # detections this close (across leads) are one spike
REFRACTORY_MS = 40.0  # two spikes of one pacing event (bipolar ringing) count once
# A spike is removed before measuring (as GE MUSE does: it keeps spikes apart from
# the samples): from this long before its first steep sample to this long after it,
# which covers the stimulus and its recharge ringing, the samples are replaced by a
# straight line.  The paced QRS that follows the spike is not touched (its onset
# comes 10-40 ms after the stimulus).
BLANK_MS = (2.0, 12.0)


@dataclass
class PacerSpikes:
    times_s: list[float] = field(default_factory=list)
    leads: list[list[str]] = field(default_factory=list)  # leads that showed each spike
    amplitudes_mv: list[float] = field(default_factory=list)
    checked: bool = True  # False when the sampling rate is too low to look

    def __len__(self) -> int:
        return len(self.times_s)


def _lead_spikes(x: np.ndarray, fs: float) -> list[tuple[int, float]]:
    slope = np.diff(x.astype(np.float64)) * fs / 1000.0  # mV/ms
    mag = np.abs(slope)
    if mag.size < 10:
        return []
    qrs_level = float(np.percentile(mag, 99.0))  # QRS slopes fill ~10 % of a record
    thr = max(MIN_SLOPE_MV_MS, QRS_SLOPE_FACTOR * qrs_level)
    back = max(2, int(RETURN_MS * fs / 1000.0))
    out: list[tuple[int, float]] = []
    for i in np.flatnonzero(mag > thr):
        if out and i - out[-1][0] <= back:
            continue
        start = float(x[max(i - 1, 0)])
        seg = x[i : i + back + 1].astype(np.float64) - start
        if seg.size < 2:
            continue
        k = int(np.argmax(np.abs(seg)))
        peak = float(seg[k])
        if abs(peak) < MIN_SPIKE_MV:
            continue
        after = seg[k:]
        if np.any(np.abs(after) <= 0.5 * abs(peak)) or np.any(np.sign(after) != np.sign(peak)):
            out.append((int(i), peak))
    return out


def detect(data: np.ndarray, fs: float, leads: list[str]) -> PacerSpikes:
    """Pacer spikes in ``data`` (leads x samples, mV, at ``fs``)."""
    if fs < MIN_FS or data.size == 0:
        return PacerSpikes(checked=fs >= MIN_FS)
    hits: list[tuple[int, str, float]] = []
    for row, name in zip(data, leads, strict=True):
        hits += [(i, name, a) for i, a in _lead_spikes(row, fs)]
    hits.sort()
    need = 2 if len(leads) >= 2 else 1
    # leads that carry their own signal: III, aVR, aVL and aVF are sums of I and II, so
    # an electrode artefact on one limb electrode shows in two of them at once
    own = (
        [n for n in leads if n in INDEPENDENT]
        if sum(n in INDEPENDENT for n in leads) >= 2
        else leads
    )
    merge = max(1, int(MERGE_MS * fs / 1000.0))
    refractory = int(REFRACTORY_MS * fs / 1000.0)
    found = PacerSpikes()
    group: list[tuple[int, str, float]] = []
    last = -(10**9)

    def flush() -> None:
        nonlocal last
        names = sorted({h[1] for h in group}, key=leads.index)
        i0 = min(h[0] for h in group)
        if sum(n in own for n in names) >= need and i0 - last > refractory:
            found.times_s.append(round(i0 / fs, 4))
            found.leads.append(names)
            found.amplitudes_mv.append(round(max(abs(h[2]) for h in group), 3))
            last = i0

    for h in hits:
        if group and h[0] - group[0][0] > merge:
            flush()
            group = []
        group.append(h)
    if group:
        flush()
    return found


def paced_beats(spikes: PacerSpikes, qrs_onsets_s: list[float]) -> tuple[int, int]:
    """(ventricular-paced, atrial-paced) beat counts: a spike 0-60 ms before (or in the
    first 20 ms of) a QRS paces the ventricle; one 60-300 ms before it, the atrium."""
    v = a = 0
    times = np.asarray(spikes.times_s)
    for on in qrs_onsets_s:
        if times.size == 0:
            break
        lead = on - times
        if np.any((lead >= -0.02) & (lead <= 0.06)):
            v += 1
        elif np.any((lead > 0.06) & (lead <= 0.3)):
            a += 1
    return v, a


def remove(data: np.ndarray, fs: float, spikes: PacerSpikes) -> np.ndarray:
    """A copy of ``data`` with the spikes found in it bridged by straight lines, so
    that a stimulus artefact is never measured as the start of a QRS or as part of
    its axis.  Spikes the device listed apart from the samples are already absent."""
    out = np.array(data, dtype=np.float32, copy=True)
    n = out.shape[1]
    pre, post = int(round(BLANK_MS[0] * fs / 1000.0)), int(round(BLANK_MS[1] * fs / 1000.0))
    for t, leads in zip(spikes.times_s, spikes.leads, strict=True):
        if leads == ["device"]:
            continue
        i = int(round(t * fs))
        a, b = max(i - pre, 0), min(i + 1 + post, n - 1)
        if b - a < 2:
            continue
        w = np.linspace(0.0, 1.0, b - a + 1, dtype=np.float32)[1:-1]
        out[:, a + 1 : b] = out[:, a : a + 1] * (1 - w) + out[:, b : b + 1] * w
    return out


def add_device_spikes(found: PacerSpikes, times_s: list[float]) -> PacerSpikes:
    """Add the spikes the recording device listed apart from the waveform (GE MUSE
    removes them from the samples), skipping those already found on the signal."""
    merge = MERGE_MS / 1000.0
    for t in times_s:
        if all(abs(t - s) > merge for s in found.times_s):
            found.times_s.append(round(float(t), 4))
            found.leads.append(["device"])
            found.amplitudes_mv.append(0.0)
    order = sorted(range(len(found.times_s)), key=found.times_s.__getitem__)
    found.times_s = [found.times_s[i] for i in order]
    found.leads = [found.leads[i] for i in order]
    found.amplitudes_mv = [found.amplitudes_mv[i] for i in order]
    if times_s:
        found.checked = True
    return found
