"""Median beats (no Qt): from the file's median group, or computed from the rhythm.

A computed median aligns every dominant beat on the AI's global QRS onset and
takes the sample-wise median, as 12SL/Glasgow build their representative beat.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

PRE_S = 0.35  # before QRS onset
POST_S = 0.65  # after QRS onset


@dataclass
class MedianBeats:
    data: np.ndarray  # leads x samples, mV
    fs: float
    leads: list[str]
    qrs_on_s: float | None  # position of QRS onset within the beat, seconds
    qrs_off_s: float | None  # J point
    source: str  # "file" or "computed"
    n_beats: int = 0

    def lead(self, name: str) -> np.ndarray:
        if name.startswith("-"):
            return -self.lead(name[1:])
        return self.data[self.leads.index(name)]


def from_file(path) -> MedianBeats | None:
    """The DICOM median-beat group when the file has one, else None."""
    from app.ecg.readers import read_ecg

    try:
        med = read_ecg(path, want="median")
        rhythm = read_ecg(path)
    except Exception:
        return None
    if med.n_samples == rhythm.n_samples and med.fs == rhythm.fs:
        return None  # the reader fell back to the rhythm group: no median stored
    return MedianBeats(med.data, med.fs, list(med.leads), None, None, "file")


def _dominant(beats: list) -> list:
    sinus = [b for b in beats if b.kind == "sinus"]
    return sinus or list(beats)


def compute(signal, analysis) -> MedianBeats | None:
    """Median of the dominant beats aligned on the analysis' QRS onsets."""
    beats = _dominant(analysis.beats) if analysis is not None else []
    fs = float(signal.fs)
    pre, post = int(PRE_S * fs), int(POST_S * fs)
    scale = fs / float(analysis.fs) if analysis is not None else 1.0
    segs, offs = [], []
    for b in beats:
        on = int(round(b.qrs_on * scale))
        if on - pre < 0 or on + post > signal.n_samples:
            continue
        segs.append(signal.data[:, on - pre : on + post])
        offs.append((b.qrs_off - b.qrs_on) / float(analysis.fs))
    if not segs:
        return None
    stack = np.stack(segs)  # beats x leads x samples
    data = np.median(stack, axis=0).astype(np.float32)
    return MedianBeats(
        data,
        fs,
        list(signal.leads),
        PRE_S,
        PRE_S + float(np.median(offs)),
        "computed",
        len(segs),
    )


def median_beats(path, signal, analysis) -> MedianBeats | None:
    """File medians when present (read from ``path``), else computed ones."""
    found = from_file(path) if path is not None else None
    return found or compute(signal, analysis)
