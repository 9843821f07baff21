"""Global fiducials from per-lead model labels (12SL-style beat consensus).

Each lead's P/QRS/T runs are grouped into beats across leads; a beat counts
when enough leads agree.  Global QRS onset is the earliest onset consistent
with the others, QRS offset (J point) and T end the latest consistent ones.
All positions are sample indices at the analysis rate (500 Hz).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from inference.ecg.model import FRAME_P, FRAME_QRS, FRAME_T, MODEL_FS, LeadLabels

BEAT_NAMES = ("none", "sinus", "vpc", "paced", "fusion", "unknown")
RHYTHM_NAMES = ("sinus", "avb", "paced", "afib", "bbb", "ventricular")

MS = MODEL_FS / 1000.0  # samples per millisecond
MIN_RUN_MS = {FRAME_P: 20, FRAME_QRS: 20, FRAME_T: 40}
MERGE_GAP_MS = 10
SAME_BEAT_MS = 80  # QRS midpoints closer than this are one beat
CONSISTENT_MS = 10  # an onset this far before the median is an outlier


@dataclass
class Beat:
    qrs_on: int
    qrs_off: int  # J point
    p_on: int | None = None
    p_off: int | None = None
    t_on: int | None = None
    t_end: int | None = None
    kind: str = "unknown"  # sinus / vpc / paced / fusion / unknown
    votes: int = 0  # leads that saw this QRS


@dataclass
class Fiducials:
    beats: list[Beat] = field(default_factory=list)
    rhythm: str = "unknown"
    rhythm_confidence: float = 0.0
    rhythm_distribution: dict[str, float] = field(default_factory=dict)
    leads: list[str] = field(default_factory=list)


def runs(frame: np.ndarray, cls: int) -> list[tuple[int, int]]:
    """(start, end_exclusive) runs of ``cls``, small gaps merged, short runs dropped."""
    mask = np.concatenate([[False], frame == cls, [False]])
    edges = np.flatnonzero(np.diff(mask.astype(np.int8)))
    pairs = list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))
    merged: list[list[int]] = []
    for s, e in pairs:
        if merged and s - merged[-1][1] <= MERGE_GAP_MS * MS:
            merged[-1][1] = e
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged if e - s >= MIN_RUN_MS[cls] * MS]


def _earliest(values: list[int]) -> int:
    med = float(np.median(values))
    return int(min(v for v in values if v >= med - CONSISTENT_MS * MS))


def _latest(values: list[int]) -> int:
    med = float(np.median(values))
    return int(max(v for v in values if v <= med + CONSISTENT_MS * MS))


def _qrs_clusters(per_lead: dict[str, list[tuple[int, int]]], need: int) -> list[dict]:
    items = sorted(((s + e) / 2, s, e, lead) for lead, segs in per_lead.items() for s, e in segs)
    clusters: list[dict] = []
    for mid, s, e, lead in items:
        c = clusters[-1] if clusters else None
        if c is not None and mid - c["mid"] <= SAME_BEAT_MS * MS and lead not in c["leads"]:
            c["leads"][lead] = (s, e)
        else:
            clusters.append({"mid": mid, "leads": {lead: (s, e)}})
    return [c for c in clusters if len(c["leads"]) >= need]


def global_fiducials(labels: dict[str, LeadLabels], rhythm_lead: str | None = None) -> Fiducials:
    if not labels:
        return Fiducials()
    names = list(labels)
    need = max(1, (len(names) + 1) // 2)
    qrs = {n: runs(labels[n].frame, FRAME_QRS) for n in names}
    p_runs = {n: runs(labels[n].frame, FRAME_P) for n in names}
    t_runs = {n: runs(labels[n].frame, FRAME_T) for n in names}
    beats: list[Beat] = []
    for c in _qrs_clusters(qrs, need):
        ons = [s for s, _ in c["leads"].values()]
        offs = [e for _, e in c["leads"].values()]
        beat = Beat(_earliest(ons), _latest(offs), votes=len(c["leads"]))
        kinds = np.concatenate([labels[n].beat[s:e] for n, (s, e) in c["leads"].items()])
        kinds = kinds[kinds > 0]
        if kinds.size:
            beat.kind = BEAT_NAMES[int(np.bincount(kinds, minlength=6).argmax())]
        beats.append(beat)
    for i, b in enumerate(beats):
        prev_off = beats[i - 1].qrs_off if i else 0
        nxt_on = beats[i + 1].qrs_on if i + 1 < len(beats) else 10**9
        p_on, p_off, t_on, t_end = [], [], [], []
        for n in names:
            ps = [
                (s, e)
                for s, e in p_runs[n]
                if s > prev_off and b.qrs_on - 300 * MS <= e <= b.qrs_on + 10 * MS
            ]
            if ps:
                p_on.append(ps[-1][0])
                p_off.append(min(ps[-1][1], b.qrs_on))
            ts = [
                (s, e)
                for s, e in t_runs[n]
                if b.qrs_off - 20 * MS <= s <= b.qrs_off + 450 * MS and e < nxt_on
            ]
            if ts:
                best = max(ts, key=lambda se: se[1] - se[0])
                t_on.append(max(best[0], b.qrs_off))
                t_end.append(best[1])
        if len(p_on) >= need:
            b.p_on, b.p_off = _earliest(p_on), _latest(p_off)
        if len(t_end) >= need:
            b.t_on, b.t_end = int(np.median(t_on)), _latest(t_end)
    fid = Fiducials(beats=beats, leads=names)
    _rhythm(fid, labels[rhythm_lead if rhythm_lead in labels else names[0]])
    return fid


def _rhythm(fid: Fiducials, lab: LeadLabels) -> None:
    n = lab.rhythm.size
    margin = int(2 * MODEL_FS) if n > 6 * MODEL_FS else 0  # model edges carry less context
    band = lab.rhythm[margin : n - margin] if margin else lab.rhythm
    if band.size == 0:
        return
    counts = np.bincount(band, minlength=len(RHYTHM_NAMES))[: len(RHYTHM_NAMES)]
    total = float(counts.sum())
    fid.rhythm_distribution = {
        RHYTHM_NAMES[i]: round(c / total, 3) for i, c in enumerate(counts) if c
    }
    top = int(counts.argmax())
    fid.rhythm, fid.rhythm_confidence = RHYTHM_NAMES[top], round(counts[top] / total, 3)
