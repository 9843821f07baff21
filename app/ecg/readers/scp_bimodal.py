"""SCP-ECG bimodal compression (EN 1064, section 6 byte 6 = 1), Qt-free.

Outside the protected zones that section 4 lists after its QRS table (the QRS
complexes) the residual is stored decimated: one value per ``rate`` samples
(their mean), at the sample interval section 6 gives; inside a protected zone
every sample is stored at the full rate, the rate of the reference beats
(section 5).  The stored values run in time order, decimated and full-rate
parts interleaved, and are difference-coded as one sequence.  Decoding puts
each decimated value at the centre of the block it stands for and
interpolates linearly between those centres and the neighbouring full-rate
samples of the protected zones, so the reconstruction is continuous where a
zone starts and ends.  Sample numbers are 1-based and absolute, as in
sections 3 and 4.
"""

from __future__ import annotations

import numpy as np

from app.readers.base import ReadError
from app.readers.reasons import ReadReason

Run = tuple[bool, int, int]  # (protected, first sample, last sample), 1-based inclusive


def protected_zones(qrs: bytes | None) -> list[tuple[int, int]]:
    """The protected zones of section 4, sorted and merged where they overlap."""
    if qrs is None or len(qrs) < 6:
        raise ReadError(
            "SCP-ECG bimodal compression without QRS locations (section 4)",
            "corrupt",
            ReadReason("waveform_damaged"),
        )
    count = int.from_bytes(qrs[4:6], "little")
    base = 6 + 14 * count
    if len(qrs) < base + 8 * count:
        raise ReadError(
            "SCP-ECG section 4 lacks the protected zones bimodal data needs",
            "corrupt",
            ReadReason("waveform_damaged"),
        )
    zones = []
    for k in range(count):
        p = base + 8 * k
        start = int.from_bytes(qrs[p : p + 4], "little")
        end = int.from_bytes(qrs[p + 4 : p + 8], "little")
        if 0 < start <= end:
            zones.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(zones):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def runs(start: int, end: int, zones: list[tuple[int, int]]) -> list[Run]:
    """The lead's extent ``start..end`` cut into decimated and protected runs."""
    out: list[Run] = []
    t = start
    for z0, z1 in zones:
        z0, z1 = max(z0, t), min(z1, end)
        if z0 > z1:
            continue
        if z0 > t:
            out.append((False, t, z0 - 1))
        out.append((True, z0, z1))
        t = z1 + 1
    if t <= end:
        out.append((False, t, end))
    return out


def stored_count(lead_runs: list[Run], rate: int) -> int:
    """How many values section 6 holds for a lead cut into ``lead_runs``."""
    return sum(
        (last - first + 1) if protected else -(-(last - first + 1) // rate)
        for protected, first, last in lead_runs
    )


def expand(values: np.ndarray, lead_runs: list[Run], rate: int) -> np.ndarray:
    """The full-rate lead from its stored values (missing values: flat ends)."""
    first = lead_runs[0][1]
    length = lead_runs[-1][2] - first + 1
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    full = np.zeros(length, dtype=np.float64)
    kept = np.zeros(length, dtype=bool)
    pos = 0
    for protected, a, b in lead_runs:
        n = b - a + 1
        if protected:
            seg = values[pos : pos + n]
            at = np.arange(seg.size) + (a - first)
            full[at], kept[at] = seg, True
            pos += n
        else:
            k = -(-n // rate)
            seg = values[pos : pos + k]
            lo = np.arange(seg.size) * rate
            hi = np.minimum(lo + rate, n)
            at = (a - first) + (lo + hi - 1) / 2.0  # the centre of each block
            pos += k
        xs.append(at)
        ys.append(seg.astype(np.float64))
    x, y = np.concatenate(xs), np.concatenate(ys)
    if x.size == 0:
        return full
    out = np.interp(np.arange(length, dtype=np.float64), x, y)
    out[kept] = full[kept]
    return out
