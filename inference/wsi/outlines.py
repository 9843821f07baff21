"""Outlines of every labelled object in one pass: marching squares at 0.5 on each label's mask.

Gives, for all wanted labels at once, what ``skimage.measure.find_contours``
gives on each label's own padded mask (``labels[bbox] == label``) followed by
taking the longest contour: the same points, in the same order, starting at
the same point.  Segments follow scikit-image's case table (low values
connected at saddles, low side on the left); a contour there starts at the
end of its segment met last in raster order, and the longest contour wins,
ties to the one begun first.  Also the perimeter (sum of the contour's steps)
and the outline with collinear points dropped.
"""

from __future__ import annotations

import numpy as np

# edge midpoints of a square, in half pixels from its top-left corner (row, col)
_EDGE = {"top": (0, 1), "bottom": (2, 1), "left": (1, 0), "right": (1, 2)}
# square case (ul 1, ur 2, ll 4, lr 8 inside) -> segments (from, to)
_CASES = {
    1: [("top", "left")],
    2: [("right", "top")],
    3: [("right", "left")],
    4: [("left", "bottom")],
    5: [("top", "bottom")],
    6: [("right", "top"), ("left", "bottom")],
    7: [("right", "bottom")],
    8: [("bottom", "right")],
    9: [("top", "left"), ("bottom", "right")],
    10: [("bottom", "top")],
    11: [("bottom", "left")],
    12: [("left", "right")],
    13: [("top", "right")],
    14: [("left", "top")],
}


def _table() -> np.ndarray:
    """(16, 2, 4): case, segment -> from dy, from dx, to dy, to dx (-1: no segment)."""
    t = np.full((16, 2, 4), -1, np.int64)
    for case, segs in _CASES.items():
        for j, (a, b) in enumerate(segs):
            t[case, j] = (*_EDGE[a], *_EDGE[b])
    return t


_TABLE = _table()


def _cycles(key: np.ndarray, nxt: np.ndarray, steps: int) -> tuple[np.ndarray, np.ndarray]:
    """Largest and smallest ``key`` over each segment's whole cycle (pointer doubling)."""
    hi, lo, p = key.copy(), key.copy(), nxt.copy()
    for _ in range(steps):
        hi = np.maximum(hi, hi[p])
        lo = np.minimum(lo, lo[p])
        p = p[p]
    return hi, lo


def label_outlines(labels: np.ndarray, wanted: np.ndarray):
    """Outlines of the labels where ``wanted[label]``.

    Returns ``(ids, offsets, rings, perimeters, simple_offsets, simple)``: the labels
    in increasing order; per label its closed contour (row, col in pixels, first
    point repeated last) in ``rings[offsets[i]:offsets[i + 1]]``; its length; and
    the contour without collinear points (closed too) in ``simple``.
    """
    h, w = labels.shape
    pad = np.pad(labels, 1)
    ul, ur, ll, lr = pad[:-1, :-1], pad[:-1, 1:], pad[1:, :-1], pad[1:, 1:]
    sr, sc = np.nonzero((ul != ur) | (ul != ll) | (ul != lr))
    corners = np.stack([ul[sr, sc], ur[sr, sc], ll[sr, sc], lr[sr, sc]])
    sq, lab = [], []
    for k in range(4):
        good = (corners[k] != 0) & wanted[corners[k]]
        for j in range(k):
            good &= corners[k] != corners[j]
        sq.append(np.flatnonzero(good))
        lab.append(corners[k][good])
    sq, lab = np.concatenate(sq), np.concatenate(lab)
    if not len(sq):
        none = np.zeros((0, 2))
        return (
            np.zeros(0, np.int64),
            np.zeros(1, np.int64),
            none,
            np.zeros(0),
            np.zeros(1, np.int64),
            none,
        )
    case = sum((corners[k][sq] == lab).astype(np.int64) << k for k in range(4))
    segs = _TABLE[case]  # (P, 2, 4)
    two = segs[:, 1, 0] >= 0
    seg = np.concatenate([segs[:, 0], segs[two, 1]])
    sq_all = np.concatenate([sq, sq[two]])
    lab = np.concatenate([lab, lab[two]]).astype(np.int64)
    order_key = np.concatenate([2 * sq, 2 * sq[two] + 1])  # raster order, then within square
    y0 = 2 * sr[sq_all]
    x0 = 2 * sc[sq_all]
    fy, fx, ty, tx = y0 + seg[:, 0], x0 + seg[:, 1], y0 + seg[:, 2], x0 + seg[:, 3]
    span_y, span_x = 2 * (h + 2), 2 * (w + 2)
    from_key = (lab * span_y + fy) * span_x + fx
    to_key = (lab * span_y + ty) * span_x + tx
    by_from = np.argsort(from_key)
    nxt = by_from[np.searchsorted(from_key[by_from], to_key)]
    longest = int(np.bincount(lab).max())  # no cycle has more segments than its label
    steps = max(1, int(np.ceil(np.log2(max(longest, 2)))))
    cyc_max, cyc_min = _cycles(order_key, nxt, steps)  # names the cycle; when it was begun
    last = order_key == cyc_max  # the segment met last closes the contour
    rank, p = (~last).astype(np.int64), nxt.copy()
    p[last] = np.flatnonzero(last)
    for _ in range(steps):  # rank: steps to the closing segment
        rank = rank + rank[p]
        p = p[p]
    cycles, cyc_index, cyc_len = np.unique(cyc_max, return_inverse=True, return_counts=True)
    first = np.zeros(len(cycles), np.int64)
    first[cyc_index] = np.arange(len(cyc_index))
    c_lab, c_min = lab[first], cyc_min[first]
    pick = np.lexsort((c_min, -cyc_len, c_lab))  # per label: longest, then begun first
    chosen = np.zeros(len(cycles), bool)
    pl = c_lab[pick]
    chosen[pick[np.r_[True, pl[1:] != pl[:-1]]]] = True
    keep = chosen[cyc_index]
    pos = cyc_len[cyc_index] - 1 - rank  # 0 at the point after the closing segment
    sel = np.flatnonzero(keep)
    sel = sel[np.lexsort((pos[sel], lab[sel]))]
    ids, counts = np.unique(lab[sel], return_counts=True)
    pts = np.column_stack((fy[sel], fx[sel]))  # half pixels, padded frame
    starts = np.zeros(len(ids) + 1, np.int64)
    starts[1:] = np.cumsum(counts)
    return ids, *_close_and_measure(pts, starts)


def _close_and_measure(pts: np.ndarray, starts: np.ndarray):
    n = len(starts) - 1
    counts = np.diff(starts)
    ring_of = np.repeat(np.arange(n), counts)
    # closed rings: each ring's points then its first point again
    offsets = starts + np.arange(n + 1)
    rings = np.empty((len(pts) + n, 2), np.int64)
    idx = np.arange(len(pts)) + ring_of
    rings[idx] = pts
    rings[offsets[1:] - 1] = pts[starts[:-1]]
    step = np.diff(rings, axis=0).astype(float) / 2
    length = np.hypot(step[:, 0], step[:, 1])
    length[offsets[1:-1] - 1] = 0.0  # the jump from one ring to the next
    perim = np.add.reduceat(length, offsets[:-1]) if n else np.zeros(0)
    # collinear points dropped (as nuclei 0.2.0 did per contour), rings of fewer than 4 kept whole
    prev = np.roll(pts, 1, axis=0)
    prev[starts[:-1]] = pts[starts[1:] - 1]
    nxt = np.roll(pts, -1, axis=0)
    nxt[starts[1:] - 1] = pts[starts[:-1]]
    a, b = pts - prev, nxt - pts
    bend = a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0] != 0
    kept = np.bincount(ring_of, bend, n)
    bend |= ((kept < 3) | (counts < 4))[ring_of]
    s_counts = np.bincount(ring_of[bend], minlength=n)
    s_pts = pts[bend]
    s_starts = np.zeros(n + 1, np.int64)
    s_starts[1:] = np.cumsum(s_counts)
    s_offsets = s_starts + np.arange(n + 1)
    simple = np.empty((len(s_pts) + n, 2), np.int64)
    simple[np.arange(len(s_pts)) + np.repeat(np.arange(n), s_counts)] = s_pts
    simple[s_offsets[1:] - 1] = s_pts[s_starts[:-1]]
    to_px = lambda v: v / 2.0 - 1.0  # noqa: E731 - half pixels in the padded frame -> pixels
    return offsets, to_px(rings), perim, s_offsets, to_px(simple)
