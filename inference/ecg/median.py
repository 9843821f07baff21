"""Median beat and global fiducials from all leads together (12SL/Glasgow style).

The model's per-lead frames find the beats and bound the search; the global
QRS onset/offset, P onset and T end are then placed on the median beat of the
dominant beats from the spatial velocity (the length of the derivative vector
over the independent leads) against a noise-aware threshold: earliest onset
and latest offset across leads, without letting one noisy lead stretch them.
Positions are sample indices at the analysis rate (500 Hz).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from inference.ecg.fiducials import MS, Beat

# The 8 independent leads of a 12-lead ECG (the others are sums of I and II).
INDEPENDENT = ("I", "II", "V1", "V2", "V3", "V4", "V5", "V6")
PRE_MS, POST_MS = 460, 700  # median-beat window around the QRS velocity peak
QRS_FRACTION = 0.04  # onset/offset where velocity falls below this share of its peak...
NOISE_FACTOR = 1.5  # ...or this many times the isoelectric noise, whichever is higher
# Measured (bench/ecg_accuracy.py records, LUDB): the devices place their own QRS onset
# at 1-10 % of this peak on their own records (GE alone 2-9 %), while LUDB's
# cardiologists mark it earlier than we do; the onset also starts the PR and QT, which
# a later onset makes worse against the devices.  No fraction fits them all: not tuned.
P_FRACTION = 0.15  # P onset: share of the P wave's own velocity peak
# A P wave is taken when its velocity bump stands this far above the TP segment's
# level; less when the model also finds a P wave before most beats (the TP level
# can hold a U wave, which makes a small P look like noise).
P_RATIO, P_RATIO_WITH_MODEL = 2.0, 1.5
# A P wave whose velocity bump stands less than this far above the TP level is low and
# slow: the 500 Hz velocity of a median of few beats is then led by sample-to-sample
# noise as large as the P upstroke, and its onset is placed on the velocity of the
# median low-passed at P_LOWPASS_HZ instead (measured: bench/ecg_accuracy.py, LUDB).
P_CLEAR_RATIO, P_LOWPASS_HZ = 2.5, 25.0
# Walking back from the P wave's steepest point: a bump of at least this share of it
# within RESUME_MS before the velocity settled is the same P wave's upstroke (the
# velocity dips at a P apex, down to the noise once the noise is filtered out).
P_RESUME = 0.5
T_FRACTION = 0.12  # T end: share of the T wave's descending-limb velocity peak
T_LIMB_MS = 160  # the T wave's descending limb lies within this time after its apex
HOLD_MS = 6  # the velocity must stay below the threshold this long
RESUME_MS = 40  # a QRS wave resuming this soon after the velocity settled is still QRS
RESUME_THR, RESUME_DIP = 1.5, 2.0  # ...when it peaks this far above the threshold and the dip
# the early ST segment, this long after a provisional QRS end (ms): its own velocity
# (a sloping ST at fast rates runs into the T wave's upstroke) is the level the QRS
# end must come down to, not the quietest stretch up to 200 ms after the R wave
# (which can be the T apex, where the velocity dips to the noise)
EARLY_ST_MS = (10, 40)
KNOT_MS = (30, 10)  # the PR-segment stretch before each QRS onset that sets the baseline
# a ventricular stimulus lies this far before the QRS velocity peak (ms): up to the
# 120 ms onset search plus pacer.paced_beats' 60 ms spike-to-onset, and not inside it
STIM_MS = (180, 4)


@dataclass
class MedianBeat:
    data: np.ndarray  # leads x samples (500 Hz), the median of the aligned beats
    leads: list[str]
    ref: int  # index of the QRS velocity peak in ``data``
    n_beats: int
    qrs_on: int = 0
    qrs_off: int = 0
    p_on: int | None = None
    p_off: int | None = None
    t_end: int | None = None
    noise_uv_ms: float = 0.0  # isoelectric spatial velocity (noise level)
    t_leads: list[str] | None = None  # leads the T end was placed on (clear T waves)
    stim: int | None = None  # a ventricular pacing stimulus before most beats (index)

    def ms(self, a: int | None, b: int | None) -> float | None:
        if a is None or b is None:
            return None
        return round((b - a) / MS, 1)


def velocity(x: np.ndarray) -> np.ndarray:
    """Spatial velocity in uV/ms: the length of the 8 ms central-difference vector."""
    h = 2  # +-2 samples at 500 Hz
    g = np.zeros_like(x, dtype=np.float64)
    g[:, h:-h] = (x[:, 2 * h :] - x[:, : -2 * h]) / (2 * h / MS) * 1000.0
    v = np.sqrt((g**2).sum(axis=0))
    return np.convolve(v, np.ones(3) / 3, mode="same")


def _rows(leads: list[str]) -> list[int]:
    rows = [leads.index(n) for n in INDEPENDENT if n in leads]
    return rows if len(rows) >= 2 else list(range(len(leads)))


def _peak(v: np.ndarray, lo: int, hi: int) -> int:
    lo, hi = max(lo, 0), min(hi, v.size)
    return lo + int(np.argmax(v[lo:hi])) if hi > lo else lo


def detrend(data: np.ndarray, beats: list[Beat]) -> np.ndarray:
    """Baseline wander removed: the PR-segment level just before each QRS is the
    isoelectric knot (as 12SL and Glasgow use it); a line through the knots, beat to
    beat, is subtracted.  A drifting electrode would otherwise survive the median
    (every beat sees the same local drift), tilt the ST-T segment and keep the
    velocity from settling after the T wave."""
    a, b = int(KNOT_MS[0] * MS), int(KNOT_MS[1] * MS)
    spans = sorted((bt.qrs_on - a, bt.qrs_on - b) for bt in beats if bt.qrs_on - a >= 0)
    spans = [(lo, hi) for lo, hi in spans if hi <= data.shape[1] and hi > lo]
    if len(spans) < 2:
        return data
    x = np.array([(lo + hi - 1) / 2.0 for lo, hi in spans])
    levels = np.stack([data[:, lo:hi].mean(axis=1) for lo, hi in spans], axis=1)
    t = np.arange(data.shape[1], dtype=np.float64)
    base = np.stack([np.interp(t, x, row) for row in levels])
    return (data - base).astype(np.float32)


def build(data: np.ndarray, leads: list[str], beats: list[Beat]) -> MedianBeat | None:
    """The median of ``beats`` aligned on their QRS velocity peak (None when none fit)."""
    rows = _rows(leads)
    v = velocity(data[rows])
    pre, post = int(PRE_MS * MS), int(POST_MS * MS)
    refs = [_peak(v, b.qrs_on - int(10 * MS), b.qrs_off + int(10 * MS)) for b in beats]
    refs = [k for k in refs if k - pre >= 0 and k + post <= data.shape[1]]
    if not refs:
        return None
    stack = np.stack([data[:, k - pre : k + post] for k in refs])
    med = np.median(stack, axis=0).astype(np.float32)
    return MedianBeat(med, list(leads), pre, len(refs))


def _held(v: np.ndarray, thr: float) -> np.ndarray:
    """held[j]: v stays below ``thr`` from sample j for HOLD_MS (hold + 1 samples)."""
    hold = int(HOLD_MS * MS)
    below = (v < thr).astype(np.int16)
    if below.size <= hold:
        return np.zeros(0, dtype=bool)
    return np.convolve(below, np.ones(hold + 1, dtype=np.int16), mode="valid") == hold + 1


def _cross(v: np.ndarray, start: int, stop: int, thr: float, step: int) -> int:
    """Walking from ``start`` towards ``stop`` (``step`` +1 forward, -1 back): the
    first index where v stays below thr for HOLD_MS (after it going forward, up to
    it going back)."""
    hold = int(HOLD_MS * MS)
    held = _held(v, thr)
    for i in range(start, stop, step):
        if step > 0 and i + hold >= v.size:
            return min(i, v.size - 1)
        if step < 0 and i - hold < 0:
            return max(i, 0)
        j = i if step > 0 else i - hold
        if j < held.size and held[j]:
            return i
    return stop


def _walk(v: np.ndarray, start: int, stop: int, thr: float, step: int, resumes) -> int:
    """Walking from ``start`` towards ``stop`` (``step`` +1 forward, -1 back): where
    ``v`` settles below ``thr`` (_cross), unless a bump of the same wave resumes
    within RESUME_MS beyond that point; the walk then goes on from the bump's top.
    ``resumes(top, dip)`` judges the bump by its top and by the lowest velocity
    between the settling point and that top (the pause)."""
    at = _cross(v, start, stop, thr, step)
    r = int(RESUME_MS * MS)
    while (stop - at) * step > 0:
        a, b = (at, min(at + r, stop)) if step > 0 else (max(at - r, stop), at)
        seg = v[a:b]
        if seg.size < 2:
            break
        top = a + int(np.argmax(seg))
        if not resumes(float(v[top]), float(v[min(at, top) : max(at, top) + 1].min())):
            break
        at = _cross(v, top, stop, thr, step)
    return at


def _qrs_end(v: np.ndarray, start: int, stop: int, thr: float) -> int:
    """The QRS end: where the velocity settles below ``thr``, unless a wave resumes
    within RESUME_MS: a terminal wave after a pause (the R' in V1 and broad S in I/V6
    of right bundle branch block) is still QRS, since the global offset is the latest
    QRS end in any lead.  A wave is a velocity bump above RESUME_THR x ``thr`` and
    RESUME_DIP x the pause before it; smaller ripples are not."""

    def resumes(top: float, dip: float) -> bool:
        return not (top < RESUME_THR * thr or top < RESUME_DIP * dip)

    return _walk(v, start, stop, thr, +1, resumes)


def _quiet(v: np.ndarray, lo: int, hi: int) -> float:
    """Lowest 20 ms running mean of velocity in [lo, hi): the isoelectric level."""
    lo, hi = max(lo, 0), min(hi, v.size)
    w = int(20 * MS)
    seg = v[lo:hi]
    if seg.size <= w:
        return float(np.min(seg)) if seg.size else 0.0
    run = np.convolve(seg, np.ones(w) / w, mode="valid")
    return float(run.min())


def _p_start(vp: np.ndarray, pk: int, lo: int, thr: float) -> int:
    """The P onset walking back from ``pk`` to where ``vp`` settles below ``thr``,
    through a dip at the P apex: an earlier bump of P_RESUME x vp[pk] within
    RESUME_MS is the same wave's upstroke."""
    return _walk(vp, pk, lo, thr, -1, lambda top, dip: not top < P_RESUME * vp[pk])


def _slow_velocity(x: np.ndarray, end: int, w: int) -> tuple[np.ndarray, np.ndarray]:
    """The spatial velocity of ``x`` low-passed at P_LOWPASS_HZ (zero phase) up to
    ``end`` (the PR segment's end), and that velocity smoothed over ``w`` samples.
    The QRS is left out (the last sample held instead) so that its slopes do not
    leak back into the PR segment through the filter."""
    from scipy.signal import butter, filtfilt

    seg = x[:, :end].astype(np.float64)
    seg = np.concatenate([seg, np.repeat(seg[:, -1:], int(60 * MS), axis=1)], axis=1)
    b, a = butter(2, P_LOWPASS_HZ / (1000.0 * MS / 2))  # cut-off / Nyquist
    v = velocity(filtfilt(b, a, seg, axis=1))[:end]
    return v, np.convolve(v, np.ones(w) / w, mode="same")


def _t_apex(x: np.ndarray, qrs_on: int, lo: int, hi: int) -> int:
    """The T apex: the largest deflection from the PR baseline in the lead with the tallest T."""
    base = x[:, max(qrs_on - int(20 * MS), 0) : qrs_on + 1].mean(axis=1, keepdims=True)
    seg = np.abs(x[:, lo:hi] - base)
    lead = int(np.argmax(seg.max(axis=1)))
    return lo + int(np.argmax(seg[lead]))


def _tp_level(vp: np.ndarray, mb: MedianBeat, rr: int, lo: int, noise: float) -> float:
    """The TP segment's typical velocity (noise a P onset must rise above): the
    median between the previous beat's T end and the P search start, when at
    least 40 ms of it lies in the window; else the isoelectric level."""
    prev_t = (mb.t_end - rr) if mb.t_end is not None else mb.qrs_off - rr + int(400 * MS)
    start = max(prev_t + int(20 * MS), 0)
    if lo - start < int(40 * MS):
        return noise
    return max(float(np.median(vp[start:lo])), noise)


def _t_end(
    mb: MedianBeat, rows: list[int], rr: int, hints: list[Beat]
) -> tuple[int | None, list[str] | None]:
    """T end after the descending limb's steepest point, where velocity settles,
    on the leads whose T wave is clear (inference/ecg/t_wave.py), and those leads
    (None: no T wave to look for; []: T waves found but none clear of the noise)."""
    from inference.ecg.t_wave import clear_rows

    t_lo = mb.qrs_off + int(80 * MS)
    t_hi = min(mb.ref + int(0.9 * rr) - int(40 * MS), mb.data.shape[1] - 1)
    t_ends = [b.t_end for b in hints if b.t_end is not None]
    if not t_ends or t_hi - t_lo <= int(60 * MS):
        return None, None
    # the T apex comes before the next beat's P wave (or pacing spike), even when
    # a fast rate fuses the T end with that P wave
    pr = [b.qrs_on - b.p_on for b in hints if b.p_on is not None]
    next_p = mb.qrs_on + rr - int(np.median(pr)) - int(20 * MS) if pr else t_hi
    apex_hi = next_p if t_lo + int(60 * MS) < next_p < t_hi else t_hi
    # the descending limb and the T end lie before that P wave too: at a fast rate
    # with a normal PR (e.g. 100/min, PR 170 ms) it starts well before 0.9 RR, and
    # its upstroke would be taken for the limb and hold the velocity up
    limb_hi = min(next_p + int(20 * MS), t_hi) if apex_hi == next_p else t_hi
    clear = clear_rows(mb.data, rows, mb.qrs_on, mb.qrs_off, t_lo, apex_hi, T_FRACTION)
    if not clear:
        return None, []
    v = velocity(mb.data[clear])
    noise = _quiet(v, mb.ref - int(200 * MS), mb.ref - int(20 * MS))
    apex = _t_apex(mb.data[clear], mb.qrs_on, t_lo, apex_hi)
    # the steepest point of the descending limb, which follows the apex within
    # T_LIMB_MS (so a spike or P wave of the next beat is never taken for it)
    late = _peak(v, apex, min(apex + int(T_LIMB_MS * MS), limb_hi))
    base = _quiet(v, late, t_hi)
    thr = base + T_FRACTION * (float(v[late]) - base)
    end = _cross(v, late, limb_hi, max(thr, NOISE_FACTOR * noise), +1)
    return end, [mb.leads[r] for r in clear]


def delineate(mb: MedianBeat, rr_ms: float | None, hints: list[Beat]) -> MedianBeat:
    """Place QRS onset/offset, P onset/offset and T end on the median beat.

    ``hints`` are the model's beats (their median offsets from the velocity
    peak bound each search); ``rr_ms`` keeps the T-end search before the next P.
    """
    rows = _rows(mb.leads)
    v = velocity(mb.data[rows])
    ref = mb.ref
    peak = float(v[ref])
    noise = _quiet(v, ref - int(200 * MS), ref - int(20 * MS))
    noise_st = _quiet(v, ref + int(40 * MS), ref + int(200 * MS))
    mb.noise_uv_ms = round(noise, 2)
    thr_on = max(QRS_FRACTION * peak, NOISE_FACTOR * noise)
    thr_off = max(QRS_FRACTION * peak, NOISE_FACTOR * min(noise, noise_st) + noise_st)
    # a paced QRS starts after its stimulus, never on the P wave that precedes it
    stop = ref - int(120 * MS) if mb.stim is None else max(ref - int(120 * MS), mb.stim)
    mb.qrs_on = _cross(v, ref, stop, thr_on, -1)
    mb.qrs_off = _qrs_end(v, ref, ref + int(160 * MS), thr_off)
    a, b = (mb.qrs_off + int(t * MS) for t in EARLY_ST_MS)
    if b <= v.size:  # the end comes down to the early ST segment's own velocity
        thr_st = NOISE_FACTOR * min(noise, noise_st) + float(np.median(v[a:b]))
        if thr_st > thr_off:
            mb.qrs_off = _qrs_end(v, ref, ref + int(160 * MS), thr_st)
    rr = int((rr_ms or 1000.0) * MS)
    mb.t_end, mb.t_leads = _t_end(mb, rows, rr, hints)
    # P wave: the velocity bump before the PR segment, at most 320 ms before the QRS
    lo = max(mb.qrs_on - int(320 * MS), ref + int(rr * 0.15) - rr, 0)
    if mb.t_end is not None:  # nor before the previous beat's T wave has ended
        lo = max(lo, mb.t_end - rr + int(20 * MS))
    pr_end = mb.qrs_on - int(10 * MS)
    offs = [b.qrs_on - b.p_on for b in hints if b.p_on is not None]
    if offs and pr_end - lo > int(40 * MS):
        w = int(20 * MS)
        vp = np.convolve(v, np.ones(w) / w, mode="same")  # P waves are slow: smooth 20 ms
        p_noise = _tp_level(vp, mb, rr, lo, noise)
        p_pk = _peak(vp, lo, pr_end)
        p_peak = float(vp[p_pk])
        ratio = P_RATIO_WITH_MODEL if 2 * len(offs) >= len(hints) else P_RATIO
        if p_peak > ratio * p_noise:
            if p_peak < P_CLEAR_RATIO * p_noise:  # low, slow P wave: noise-led velocity
                v_lp, vp = _slow_velocity(mb.data[rows], pr_end, w)
                quiet = _quiet(v_lp, ref - int(200 * MS), min(ref - int(20 * MS), pr_end))
                p_noise = _tp_level(vp, mb, rr, lo, quiet)
                p_pk = _peak(vp, lo, pr_end)
                p_peak = float(vp[p_pk])
            thr = p_noise + P_FRACTION * (p_peak - p_noise)
            mb.p_on = _p_start(vp, p_pk, lo, thr)
            mb.p_off = _cross(vp, p_pk, pr_end, thr, +1)
    return mb


def shift(mb: MedianBeat, beat_ref: int) -> dict[str, int | None]:
    """The median beat's fiducials placed on one beat whose velocity peak is ``beat_ref``."""

    def at(i: int | None) -> int | None:
        return None if i is None else beat_ref + (i - mb.ref)

    return {
        "qrs_on": at(mb.qrs_on),
        "qrs_off": at(mb.qrs_off),
        "p_on": at(mb.p_on),
        "p_off": at(mb.p_off),
        "t_end": at(mb.t_end),
    }


def peaks(data: np.ndarray, leads: list[str], beats: list[Beat], fs: float) -> list[int]:
    """Each beat's QRS velocity peak in ``data`` sampled at ``fs`` (beats at 500 Hz)."""
    k = fs / (MS * 1000.0)
    v = velocity(data[_rows(leads)])
    w = int(10 * MS * k)
    return [_peak(v, int(b.qrs_on * k) - w, int(b.qrs_off * k) + w) for b in beats]


def _stimulus(peaks: list[int], stimuli: list[int], ref: int) -> int | None:
    """Where a stimulus sits in the median beat when one comes STIM_MS before the
    QRS velocity peak of at least half the beats (else None)."""
    lo, hi = int(STIM_MS[0] * MS), int(STIM_MS[1] * MS)
    offs = []
    for k in peaks:
        near = [s - k for s in stimuli if -lo <= s - k <= -hi]
        if near:
            offs.append(max(near))
    if not peaks or 2 * len(offs) < len(peaks):
        return None
    return ref + int(np.median(offs))


def refine(
    data: np.ndarray,
    leads: list[str],
    beats: list[Beat],
    rr_ms: float | None,
    stimuli: list[int] | None = None,
) -> MedianBeat | None:
    """Median-beat fiducials placed back on each dominant beat (in place).

    Beats of another kind (VPCs) keep the model's frames.  ``stimuli`` are pacer
    spike positions (samples): a paced QRS onset is not placed before them.
    Returns the delineated median beat, or None when no beat fits the window.
    """
    from inference.ecg.measure import dominant

    dom = dominant(beats)
    mb = build(detrend(data, dom), leads, dom)
    if mb is None:
        return None
    v = velocity(data[_rows(leads)])
    peaks = [_peak(v, b.qrs_on - int(10 * MS), b.qrs_off + int(10 * MS)) for b in dom]
    mb.stim = _stimulus(peaks, stimuli or [], mb.ref)
    delineate(mb, rr_ms, dom)
    for b in dom:
        f = shift(mb, _peak(v, b.qrs_on - int(10 * MS), b.qrs_off + int(10 * MS)))
        b.qrs_on, b.qrs_off = int(f["qrs_on"]), int(f["qrs_off"])
        if f["p_on"] is not None:
            b.p_on, b.p_off = f["p_on"], f["p_off"]
        if f["t_end"] is not None:
            b.t_end = f["t_end"]
            b.t_on = b.qrs_off if b.t_on is None else max(b.t_on, b.qrs_off)
    return mb
