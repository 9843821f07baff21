"""The cleanest 10 s of a longer record (noise, baseline wander, saturation, lead-off).

Each 1 s block of each lead gets a score; a 10 s window's score is the sum
over its blocks and leads, and the lowest score wins (the earliest on a tie).
Scores are in "bad leads": 1.0 is one lead fully saturated, off, or at the
reference noise / wander level for that whole window.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WINDOW_S = 10.0
SLACK_S = 0.5  # records up to 10.5 s are analysed whole
NOISE_REF_MV = 0.05  # high-frequency noise (median |2nd difference| at 500 Hz scale)
WANDER_REF_MV = 0.5  # baseline wander: range of the 200 ms medians within 1 s
FLAT_MV = 0.05  # a block whose 1-99 % range is below this is off/flat
RAIL_RUN = 5  # samples at the lead's extreme in a row: saturation


@dataclass(frozen=True)
class Window:
    start_s: float
    end_s: float
    record_s: float
    chosen: bool  # True when picked among several windows

    def describe(self) -> str:
        from app.ecg.warning_codes import EcgWarning

        if not self.chosen:
            return EcgWarning("window_whole", seconds=self.record_s)
        return EcgWarning(
            "window_chosen", start=self.start_s, end=self.end_s, seconds=self.record_s
        )

    def as_dict(self) -> dict:
        return {
            "start_s": self.start_s,
            "end_s": self.end_s,
            "record_s": self.record_s,
            "chosen": self.chosen,
        }


def _block_scores(x: np.ndarray, fs: float) -> np.ndarray:
    """One score per whole second of one lead."""
    n = int(fs)
    blocks = x[: (x.size // n) * n].reshape(-1, n).astype(np.float64)
    step = max(1, int(round(fs / 500.0)))  # noise measured on a 500 Hz grid
    d2 = np.abs(np.diff(blocks[:, ::step], n=2, axis=1))
    noise = np.median(d2, axis=1) / NOISE_REF_MV
    sub = max(1, n // 5)
    med = np.median(blocks[:, : sub * 5].reshape(blocks.shape[0], 5, sub), axis=2)
    wander = np.ptp(med, axis=1) / WANDER_REF_MV
    lo, hi = np.percentile(blocks, [1, 99], axis=1)
    flat = (hi - lo) < FLAT_MV
    top, bottom = float(np.max(x)), float(np.min(x))
    sat = np.zeros(blocks.shape[0])
    if top - bottom > FLAT_MV:
        at_rail = (blocks >= top) | (blocks <= bottom)
        # a run of RAIL_RUN samples at the extreme: the amplifier was saturated
        runs = np.ones_like(at_rail[:, RAIL_RUN - 1 :])
        for k in range(RAIL_RUN):
            runs &= at_rail[:, k : at_rail.shape[1] - RAIL_RUN + 1 + k]
        sat = runs.any(axis=1).astype(float)
    return np.clip(noise, 0, 5) + np.clip(wander, 0, 5) + 3.0 * sat + 3.0 * flat


def choose(data: np.ndarray, fs: float, rows: list[int] | None = None) -> Window:
    """The window to analyse in ``data`` (leads x samples at ``fs``)."""
    total = data.shape[1] / fs
    if total <= WINDOW_S + SLACK_S:
        return Window(0.0, round(total, 3), round(total, 3), False)
    rows = rows if rows else list(range(data.shape[0]))
    scores = sum(_block_scores(data[r], fs) for r in rows)
    width = int(WINDOW_S)
    sums = np.convolve(scores, np.ones(width), mode="valid")
    start = int(np.argmin(sums))  # earliest among equals
    return Window(float(start), float(start + width), round(total, 3), True)
