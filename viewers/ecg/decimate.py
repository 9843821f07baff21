"""Min/max decimation for long recordings (no Qt).

``MinMaxPyramid`` keeps, for one lead, the min and max of blocks of 2^k
samples at every level k.  ``window(i0, i1, bins)`` returns at most 2 x bins
points whose envelope equals the full-resolution trace's at screen
resolution, in time that depends on ``bins``, not on the record length.

``extreme_indices(y, block)`` picks, for the 12-lead page, the samples a trace
is drawn through at a given zoom (the per-block min and max, in time order).
"""

from __future__ import annotations

import numpy as np

BASE_BLOCK = 4  # first level: blocks of 4 samples
FACTOR = 4  # each level merges 4 blocks of the previous one


class MinMaxPyramid:
    def __init__(self, x: np.ndarray) -> None:
        self.x = np.ascontiguousarray(x, dtype=np.float32)
        self.levels: list[tuple[int, np.ndarray, np.ndarray]] = []  # (block, mins, maxs)
        block = BASE_BLOCK
        if self.x.size < 2 * block:
            return
        starts = np.arange(0, self.x.size, block)
        lo, hi = np.minimum.reduceat(self.x, starts), np.maximum.reduceat(self.x, starts)
        while True:  # the last block of each level may be partial: no sample is lost
            self.levels.append((block, lo, hi))
            if lo.size < 2 * FACTOR:
                break
            starts = np.arange(0, lo.size, FACTOR)
            lo, hi = np.minimum.reduceat(lo, starts), np.maximum.reduceat(hi, starts)
            block *= FACTOR

    @property
    def n(self) -> int:
        return int(self.x.size)

    def window(self, i0: int, i1: int, bins: int) -> tuple[np.ndarray, np.ndarray]:
        """(sample positions, values) for samples ``i0:i1`` with about ``bins`` columns."""
        i0, i1 = max(0, int(i0)), min(self.n, int(i1))
        if i1 <= i0:
            return np.empty(0), np.empty(0, dtype=np.float32)
        span = i1 - i0
        bins = max(1, int(bins))
        if span <= 2 * bins or not self.levels:
            idx = np.arange(i0, i1)
            return idx.astype(np.float64), self.x[i0:i1]
        want = span / bins  # samples per column
        block, lo, hi = self.levels[0]
        for b, lo_b, hi_b in self.levels:
            if b > want:
                break
            block, lo, hi = b, lo_b, hi_b
        j0, j1 = i0 // block, min(lo.size, -(-i1 // block))
        lo, hi = lo[j0:j1], hi[j0:j1]
        pos = np.arange(j0, j1, dtype=np.float64) * block + block / 2
        group = -(-lo.size // bins)  # merge blocks so there are at most ``bins`` columns
        if group > 1:
            starts = np.arange(0, lo.size, group)
            lo, hi = np.minimum.reduceat(lo, starts), np.maximum.reduceat(hi, starts)
            pos = pos[starts] + (group - 1) * block / 2
        # pairs (min, max) per column: the polyline covers the envelope
        ys = np.empty(2 * lo.size, dtype=np.float32)
        ys[0::2], ys[1::2] = lo, hi
        return np.repeat(pos, 2), ys


def block_for(samples_per_px: float) -> int:
    """Samples per min/max block at ``samples_per_px``: whole samples per device
    pixel column (1 = every sample), so each column gets its min and max."""
    if not samples_per_px >= 2.0:  # also NaN-safe
        return 1
    return int(min(samples_per_px, 2.0**20) + 1e-6)  # 10 - 1 ulp is 10 samples


def extreme_indices(y: np.ndarray, block: int) -> np.ndarray:
    """Sorted sample indices keeping, in every block of ``block`` samples, the sample
    with the lowest and the one with the highest value, plus the first and last
    sample: the polyline through them has the full trace's min/max envelope in each
    block, so a one-sample spike (QRS peak, pacer tick) is always drawn."""
    y = np.asarray(y)
    n = int(y.size)
    if block <= 1 or n <= 2 * block:
        return np.arange(n)
    m = n // block
    body = y[: m * block].reshape(m, block)
    base = np.arange(m) * block
    lo, hi = base + body.argmin(axis=1), base + body.argmax(axis=1)
    pairs = np.stack([np.minimum(lo, hi), np.maximum(lo, hi)], axis=1).ravel()  # time order
    parts = [[0], pairs]
    if n > m * block:  # the partial last block
        tail = y[m * block :]
        parts.append(sorted({m * block + int(tail.argmin()), m * block + int(tail.argmax())}))
    parts.append([n - 1])
    idx = np.concatenate(parts).astype(np.intp)
    return idx[np.r_[True, idx[1:] != idx[:-1]]]  # a flat block gives its sample once
