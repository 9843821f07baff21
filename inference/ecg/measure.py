"""Measurements from global fiducials: intervals, axes, ST deviation per lead.

ST is measured on every lead at the J point (global QRS offset), J+40, J+60
and J+80 ms against the PR-segment baseline of the same beat; on the median
beat when there is one, else the median over dominant beats.  The J value is
the mean of the first 4 ms after J (the global offset is where the last lead
ends, so nothing before it is ST).  Values are in ms, degrees and mV.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from inference.ecg.fiducials import MS, Beat

J40_MS, J60_MS, J80_MS = 40, 60, 80
J_SPAN_MS = 4  # the J value: mean over [J, J + 4 ms]
BASELINE_MS = (40, 4)  # PR-segment window: from qrs_on-40 ms (or P end) to qrs_on-4 ms
POINT_HALF_MS = 4
SLOW_RR_MS = 700  # J+80 is reported below 86 bpm (at faster rates it lands in the T wave)  # average +-4 ms around a measurement point
# How far the J point itself is uncertain (ms): our global QRS end lies 2.0 +- 3.4 ms
# from the devices' own on their own median beats (notes/qrsend.md, 20 records)
J_SHIFT_MS = 4


@dataclass
class Measurements:
    hr_bpm: float | None = None
    rr_ms: float | None = None
    rr_cv: float | None = None
    pr_ms: float | None = None
    qrs_ms: float | None = None
    qt_ms: float | None = None
    qtc_ms: float | None = None  # Bazett
    qtc_fridericia_ms: float | None = None
    qt_rr_qrs_ms: float | None = None  # QRS >= 120 ms only: QT adjusted for rate and QRS (qt.py)
    p_axis_deg: float | None = None
    qrs_axis_deg: float | None = None
    t_axis_deg: float | None = None
    beats: int = 0


@dataclass
class LeadST:
    lead: str
    st_j_mv: float
    st_j60_mv: float
    slope: str  # "up", "flat" or "down" from J to J+60
    t_amp_mv: float  # largest T deflection vs baseline (signed)
    r_mv: float  # largest positive QRS deflection
    s_mv: float  # largest negative QRS deflection (<= 0)
    st_j40_mv: float = 0.0
    st_j80_mv: float | None = None  # only at slow rates (RR >= 700 ms), else None
    # the J value's own uncertainty: its change when J moves J_SHIFT_MS either way, plus
    # the lead's isoelectric noise (SD over the PR-segment baseline window)
    st_j_unc_mv: float = 0.0


def _median(values: list[float]) -> float | None:
    vals = [v for v in values if v is not None and math.isfinite(v)]
    return round(float(np.median(vals)), 1) if vals else None


def dominant(beats: list[Beat]) -> list[Beat]:
    """Beats of the most common type (sinus first), used for morphology."""
    kinds = [b.kind for b in beats]
    if "sinus" in kinds:
        return [b for b in beats if b.kind == "sinus"]
    if not kinds:
        return []
    top = max(set(kinds), key=kinds.count)
    return [b for b in beats if b.kind == top]


def _baseline_span(x: np.ndarray, b: Beat) -> np.ndarray:
    start = b.qrs_on - int(BASELINE_MS[0] * MS)
    if b.p_off is not None:
        start = max(start, b.p_off)
    end = b.qrs_on - int(BASELINE_MS[1] * MS)
    start = max(0, min(start, end - 2))
    return x[start:end] if end > start else x[max(0, b.qrs_on - 2) : b.qrs_on + 1]


def baseline(x: np.ndarray, b: Beat) -> float:
    seg = _baseline_span(x, b)
    return float(np.median(seg)) if seg.size else 0.0


def _j_value(x: np.ndarray, j: int, base: float) -> float:
    """The ST level at J: the mean over [J, J + J_SPAN_MS] against ``base``."""
    seg = x[max(j, 0) : j + int(J_SPAN_MS * MS) + 1]
    return float(np.mean(seg)) - base if seg.size else at(x, j) - base


def j_uncertainty(x: np.ndarray, b: Beat, base: float) -> float:
    """How far the J value is from certain: its change per J_SHIFT_MS of J placement
    (half its change from J - J_SHIFT_MS to J + J_SHIFT_MS), plus the SD of the
    PR-segment baseline (noise)."""
    d = int(J_SHIFT_MS * MS)
    late, early = (_j_value(x, b.qrs_off + k, base) for k in (d, -d))
    shift = abs(late - early) / 2
    seg = _baseline_span(x, b)
    return shift + (float(np.std(seg)) if seg.size > 1 else 0.0)


def at(x: np.ndarray, i: int) -> float:
    h = int(POINT_HALF_MS * MS)
    i = int(min(max(i, 0), x.size - 1))
    return float(np.mean(x[max(0, i - h) : i + h + 1]))


def intervals(beats: list[Beat]) -> Measurements:
    m = Measurements(beats=len(beats))
    if len(beats) >= 2:
        rr = np.diff([b.qrs_on for b in beats]) / MS
        m.rr_ms = round(float(np.median(rr)), 1)
        m.rr_cv = round(float(np.std(rr) / np.mean(rr)), 3)
        m.hr_bpm = round(60000.0 / m.rr_ms, 1)
    dom = dominant(beats)
    m.pr_ms = _median([(b.qrs_on - b.p_on) / MS for b in dom if b.p_on is not None])
    m.qrs_ms = _median([(b.qrs_off - b.qrs_on) / MS for b in dom])
    m.qt_ms = _median([(b.t_end - b.qrs_on) / MS for b in dom if b.t_end is not None])
    _qtc(m)
    return m


def _qtc(m: Measurements) -> None:
    m.qtc_ms = m.qtc_fridericia_ms = None
    if m.qt_ms and m.rr_ms:
        rr_s = m.rr_ms / 1000.0
        m.qtc_ms = round(m.qt_ms / math.sqrt(rr_s), 1)
        m.qtc_fridericia_ms = round(m.qt_ms / rr_s ** (1 / 3), 1)


def _area(x: np.ndarray, b: Beat, start: int | None, end: int | None) -> float | None:
    if start is None or end is None or end <= start:
        return None
    return float(np.sum(x[start:end] - baseline(x, b)))


def axis(lead_i: np.ndarray, lead_avf: np.ndarray, beats: list[Beat], wave: str) -> float | None:
    """Frontal axis in degrees from net areas in I and aVF (-180..180]."""
    sums = [0.0, 0.0]
    used = 0
    for b in beats:
        if wave == "P":
            span = (b.p_on, b.p_off)
        elif wave == "QRS":
            span = (b.qrs_on, b.qrs_off)
        else:
            span = (b.t_on if b.t_on is not None else None, b.t_end)
        a_i = _area(lead_i, b, *span)
        a_f = _area(lead_avf, b, *span)
        if a_i is None or a_f is None:
            continue
        sums[0] += a_i
        sums[1] += a_f
        used += 1
    if not used or (sums[0] == 0 and sums[1] == 0):
        return None
    return round(math.degrees(math.atan2(sums[1], sums[0])), 0)


def _st_at(x: np.ndarray, b: Beat, base: float, after_ms: int) -> float:
    k = b.qrs_off + int(after_ms * MS)
    if b.t_end is not None:
        k = min(k, b.t_end)
    return at(x, k) - base


def st_for_lead(name: str, x: np.ndarray, beats: list[Beat], slow: bool = False) -> LeadST | None:
    j, j40, j60, j80, t_amp, r_amp, s_amp, unc = [], [], [], [], [], [], [], []
    for b in beats:
        base = baseline(x, b)
        j.append(_j_value(x, b.qrs_off, base))
        unc.append(j_uncertainty(x, b, base))
        j40.append(_st_at(x, b, base, J40_MS))
        j60.append(_st_at(x, b, base, J60_MS))
        j80.append(_st_at(x, b, base, J80_MS))
        qrs = x[b.qrs_on : b.qrs_off + 1] - base
        if qrs.size:
            r_amp.append(float(max(qrs.max(), 0.0)))
            s_amp.append(float(min(qrs.min(), 0.0)))
        if b.t_end is not None:
            t0 = b.t_on if b.t_on is not None else b.qrs_off
            tw = x[t0 : b.t_end] - base
            if tw.size:
                t_amp.append(float(tw[np.argmax(np.abs(tw))]))
    if not j:
        return None
    st_j, st_60 = float(np.median(j)), float(np.median(j60))
    diff = st_60 - st_j
    slope = "up" if diff > 0.05 else "down" if diff < -0.05 else "flat"
    return LeadST(
        name,
        round(st_j, 3),
        round(st_60, 3),
        slope,
        round(float(np.median(t_amp)), 3) if t_amp else 0.0,
        round(float(np.median(r_amp)), 3) if r_amp else 0.0,
        round(float(np.median(s_amp)), 3) if s_amp else 0.0,
        round(float(np.median(j40)), 3),
        round(float(np.median(j80)), 3) if slow else None,
        round(float(np.median(unc)), 3),
    )


def measure(
    data: np.ndarray, leads: list[str], beats: list[Beat], median=None
) -> tuple[Measurements, dict]:
    """Global measurements and per-lead ST for ``data`` (leads x samples at 500 Hz).

    ``median`` (an inference.ecg.median.MedianBeat) gives the global intervals
    and the ST values when present; the beats give rate and the rest.
    """
    m = intervals(beats)
    dom = dominant(beats)
    slow = m.rr_ms is not None and m.rr_ms >= SLOW_RR_MS
    if median is not None:
        m.qrs_ms = median.ms(median.qrs_on, median.qrs_off)
        m.pr_ms = median.ms(median.p_on, median.qrs_on)
        m.qt_ms = median.ms(median.qrs_on, median.t_end)
        _qtc(m)
    if "I" in leads and "aVF" in leads and dom:
        li, lf = data[leads.index("I")], data[leads.index("aVF")]
        m.p_axis_deg = axis(li, lf, dom, "P")
        m.qrs_axis_deg = axis(li, lf, dom, "QRS")
        m.t_axis_deg = axis(li, lf, dom, "T")
    st = {}
    for i, name in enumerate(leads):
        if median is not None:
            res = st_for_lead(
                name, median.data[median.leads.index(name)], [median_beat(median)], slow
            )
        else:
            res = st_for_lead(name, data[i], dom, slow)
        if res is not None:
            st[name] = res
    return m, st


def median_beat(mb) -> Beat:
    """The median beat's fiducials as a Beat (positions inside ``mb.data``)."""
    return Beat(mb.qrs_on, mb.qrs_off, mb.p_on, mb.p_off, mb.qrs_off, mb.t_end, "sinus")
