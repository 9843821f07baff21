"""Pacer stimuli that the sampling rate shrinks to one step between two samples.

A pacing stimulus lasts 0.1-1 ms.  At 500 Hz it falls between two samples,
and a recording device that filters it (bipolar pacing gives small stimuli to
begin with) leaves a single jump of a few tenths of a millivolt: sometimes a
spike that returns the next sample, often a step followed by a plateau that
runs into the paced QRS.  pacer.py's per-lead rule (a steep, narrow deflection
of at least 0.2 mV that returns within 8 ms) misses most of these: on LUDB's
ten pacemaker records it found spikes before most beats on two.

Here a stimulus is a jump between consecutive samples, measured as the length
of the jump vector over the independent leads, that

* is at least ``pacer.MIN_SPIKE_MV`` (0.2 mV);
* stands ``QUIET_FACTOR`` times above every jump of the 20 ms before it: the
  signal before a stimulus is isoelectric or a slow P or T wave, while a jump
  inside a QRS (a clipped R peak, a steep upstroke) has QRS-sized jumps before it;
* is followed by a plateau or a return, not by a jump on in the same direction
  (the next jump, projected on this one, is less than half of it): a QRS or
  artefact upstroke keeps going, a stimulus does not;

and such jumps count only where a stimulus paces something: before the QRS's
velocity peak by 4 ms (not inside its upstroke) to 420 ms (pacer.paced_beats'
atrial window, 300 ms before the onset, plus the 120 ms the onset may lie
before the peak), and before at least ``conduction.PACED_SHARE`` of the beats.
The peak, not the model's QRS onset, is the anchor: the model's QRS frames often
begin before a stimulus-led QRS, or on the stimulus itself.  A lone glitch or
electrode pop has no such place; on LUDB's 190 records without a pacemaker
single jumps of this shape exist (at the ends of records, in electrode pops)
but none recurs before the beats.
"""

from __future__ import annotations

import numpy as np

from inference.ecg.median import INDEPENDENT
from inference.ecg.pacer import MIN_SPIKE_MV, REFRACTORY_MS, PacerSpikes

QUIET_MS = 20.0  # the stretch before a jump that must be quiet
# A jump 8x every jump of the 20 ms before it: 0.2 mV against < 0.025 mV per 2 ms
# sample (12 uV/ms, the slope of a T wave's limb), so the stretch before is no QRS.
QUIET_FACTOR = 8.0
GOES_ON = 0.5  # the next jump, projected on this one, below this share: it stopped
WINDOW_S = (0.004, 0.42)  # stimulus before a QRS velocity peak: 4 .. 420 ms


def candidates(
    data: np.ndarray, fs: float, leads: list[str]
) -> list[tuple[float, list[str], float]]:
    """(time s, leads that carry it, jump mV) for every stimulus-shaped jump."""
    rows = [leads.index(n) for n in INDEPENDENT if n in leads] or list(range(len(leads)))
    if data.shape[1] < 4 or not rows:
        return []
    d = np.diff(data[rows].astype(np.float64), axis=1)
    jump = np.sqrt((d**2).sum(axis=0))
    quiet = max(1, int(round(QUIET_MS * fs / 1000.0)))
    out: list[tuple[float, list[str], float]] = []
    for i in np.flatnonzero(jump >= MIN_SPIKE_MV):
        if i < quiet or i + 1 >= jump.size:
            continue
        if jump[i] < QUIET_FACTOR * float(jump[i - quiet : i].max()):
            continue
        if float(np.dot(d[:, i], d[:, i + 1])) >= GOES_ON * float(jump[i]) ** 2:
            continue
        big = np.abs(d[:, i]) >= 0.5 * np.abs(d[:, i]).max()
        out.append(
            (round((i + 1) / fs, 4), [leads[rows[k]] for k in np.flatnonzero(big)], float(jump[i]))
        )
    return out


def add_pacing(found: PacerSpikes, steps, qrs_peaks_s: list[float]) -> PacerSpikes:
    """Add the ``steps`` (from ``candidates``) that lie where a stimulus paces a beat
    (``qrs_peaks_s``: each beat's QRS velocity peak), when they do so before at least
    PACED_SHARE of the beats; in place."""
    from inference.ecg.conduction import PACED_SHARE

    if not steps or not qrs_peaks_s:
        return found
    times = np.array([t for t, _, _ in steps])
    placed, paced = set(), 0
    for peak in qrs_peaks_s:
        lead = peak - times
        hit = np.flatnonzero((lead >= WINDOW_S[0]) & (lead <= WINDOW_S[1]))
        paced += bool(hit.size)
        placed.update(hit.tolist())
    if paced < PACED_SHARE * len(qrs_peaks_s):
        return found
    refractory = REFRACTORY_MS / 1000.0
    for k in sorted(placed):
        t, names, size = steps[k]
        if any(abs(t - s) <= refractory for s in found.times_s):
            continue  # already found (or the same stimulus's ringing)
        found.times_s.append(t)
        found.leads.append(names)
        found.amplitudes_mv.append(round(size, 3))
    order = sorted(range(len(found.times_s)), key=found.times_s.__getitem__)
    found.times_s = [found.times_s[i] for i in order]
    found.leads = [found.leads[i] for i in order]
    found.amplitudes_mv = [found.amplitudes_mv[i] for i in order]
    return found


def qrs_peaks_s(data: np.ndarray, fs: float, leads: list[str], beats, steps) -> list[float]:
    """Each beat's QRS velocity peak (s) on ``data`` (at ``fs``) with the ``steps``
    bridged, so that a stimulus is never taken for the peak."""
    from inference.ecg.median import peaks
    from inference.ecg.pacer import remove

    cands = PacerSpikes([t for t, _, _ in steps], [n for _, n, _ in steps], [a for *_, a in steps])
    x = remove(data, fs, cands) if steps else data
    return [p / fs for p in peaks(x, leads, beats, fs)]
