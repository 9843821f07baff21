"""Many detections (nuclei, cells) in flat arrays with a grid index, Qt-free.

A million objects are kept as one coordinate array plus offsets, centroids,
bounding boxes and a class index, never as a million dicts.  A uniform grid
over the slide (cells sorted row-major, so one query is one slice per grid
row) finds the objects in a rectangle; QuPath uses a quadtree for the same.
``dots`` rasterises centroids into an RGBA tile with a constant screen size
(the zoomed-out path), ``path_bytes`` serialises outlines in QPainterPath's
QDataStream layout so the Qt side builds one path without a Python loop.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

DEFAULT_COLOR = (60, 60, 200)
PER_CELL = 24  # objects per grid cell on average (sets the cell size)


@dataclass
class DetectionSet:
    coords: np.ndarray  # (M, 2) float32, every ring concatenated
    offsets: np.ndarray  # (N + 1,) int64 into coords
    cls: np.ndarray  # (N,) int16 index into classes
    classes: list[tuple[str, tuple[int, int, int]]]
    label: str = ""
    ai: bool = False
    measurements: dict[str, np.ndarray] = field(default_factory=dict)  # name -> (N,) float
    centroids: np.ndarray | None = None  # the detector's (area) centroids; else vertex means
    boxes: np.ndarray = field(init=False)  # (N, 4) x0 y0 x1 y1
    cell: float = 256.0  # level-0 pixels; adapted to the density in _build_index
    _order: np.ndarray = field(init=False, repr=False)
    _starts: np.ndarray = field(init=False, repr=False)
    _grid: tuple[int, int] = field(init=False, repr=False)
    _margin: float = field(init=False, repr=False)
    _extent: tuple | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        self.coords = np.ascontiguousarray(self.coords, np.float32).reshape(-1, 2)
        self.offsets = np.asarray(self.offsets, np.int64)
        self.cls = np.asarray(self.cls, np.int16)
        n = len(self)
        if n:
            starts, ends = self.offsets[:-1], self.offsets[1:]
            if self.centroids is None or len(self.centroids) != n:
                counts = np.maximum(ends - starts, 1)
                sums = np.add.reduceat(self.coords.astype(np.float64), starts, axis=0)
                self.centroids = (sums / counts[:, None]).astype(np.float32)
            else:
                self.centroids = np.asarray(self.centroids, np.float32).reshape(-1, 2)
            self.boxes = np.hstack(
                [
                    np.minimum.reduceat(self.coords, starts, axis=0),
                    np.maximum.reduceat(self.coords, starts, axis=0),
                ]
            )
        else:
            self.centroids = np.zeros((0, 2), np.float32)
            self.boxes = np.zeros((0, 4), np.float32)
        self._build_index()

    def __len__(self) -> int:
        return len(self.offsets) - 1

    # -- construction -------------------------------------------------------
    @classmethod
    def from_rings(
        cls, rings: list[np.ndarray], classes_idx=None, classes=None, **kw: Any
    ) -> DetectionSet:
        lens = [len(r) for r in rings]
        offsets = np.zeros(len(rings) + 1, np.int64)
        offsets[1:] = np.cumsum(lens)
        coords = np.concatenate(rings) if rings else np.zeros((0, 2), np.float32)
        idx = np.zeros(len(rings), np.int16) if classes_idx is None else classes_idx
        return cls(coords, offsets, idx, classes or [("Nucleus", DEFAULT_COLOR)], **kw)

    @classmethod
    def from_features(cls, features: list[dict[str, Any]], **kw: Any) -> DetectionSet:
        """Outer rings (or points) of GeoJSON features; class from the classification."""
        from viewers.wsi.geometry import rings as geom_rings

        names: dict[str, int] = {}
        classes: list[tuple[str, tuple[int, int, int]]] = []
        out, idx, rows = [], [], []
        for f in features:
            props = f.get("properties") or {}
            r = geom_rings(f.get("geometry") or {})
            if not r or not len(r[0]):
                continue
            c = props.get("classification") or {}
            name = c.get("name") or ""
            if name not in names:
                names[name] = len(classes)
                colour = c.get("color") or props.get("color") or DEFAULT_COLOR
                classes.append((name, tuple(int(v) for v in colour[:3])))
            out.append(np.asarray(r[0], np.float32))
            idx.append(names[name])
            rows.append(props.get("measurements") or {})
        if rows and rows[0] and "measurements" not in kw:
            kw["measurements"] = {
                k: np.array([_number(row.get(k)) for row in rows], np.float32)
                for k in rows[0]
                if isinstance(rows[0][k], int | float)
            }
        return cls.from_rings(out, np.asarray(idx, np.int16), classes or None, **kw)

    # -- index --------------------------------------------------------------
    def _build_index(self) -> None:
        n = len(self)
        c = self.centroids
        if n:
            self._origin = (float(c[:, 0].min()), float(c[:, 1].min()))
            w = float(c[:, 0].max()) - self._origin[0]
            h = float(c[:, 1].max()) - self._origin[1]
            sizes = self.boxes[:, 2:] - self.boxes[:, :2]
            self._margin = float(sizes.max()) / 2 + 1
            area = max(w, 1.0) * max(h, 1.0)
            self.cell = float(np.clip(math.sqrt(area * PER_CELL / n), 32, 4096))
        else:
            self._origin, w, h, self._margin = (0.0, 0.0), 0.0, 0.0, 1.0
        cols, rows = int(w // self.cell) + 1, int(h // self.cell) + 1
        self._grid = (cols, rows)
        key = self._cell_of(c)
        self._order = np.argsort(key, kind="stable").astype(np.int64)
        self._starts = np.searchsorted(key[self._order], np.arange(cols * rows + 1))

    def _cell_of(self, pts: np.ndarray) -> np.ndarray:
        cols, rows = self._grid
        gx = np.clip(((pts[:, 0] - self._origin[0]) // self.cell).astype(np.int64), 0, cols - 1)
        gy = np.clip(((pts[:, 1] - self._origin[1]) // self.cell).astype(np.int64), 0, rows - 1)
        return gy * cols + gx

    def query(self, x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
        """Indices of detections whose outline may touch the level-0 rectangle."""
        if not len(self):
            return np.zeros(0, np.int64)
        cols, rows = self._grid
        m, ox, oy = self._margin, *self._origin
        c0 = max(0, int((x0 - m - ox) // self.cell))
        c1 = min(cols - 1, int((x1 + m - ox) // self.cell))
        r0 = max(0, int((y0 - m - oy) // self.cell))
        r1 = min(rows - 1, int((y1 + m - oy) // self.cell))
        if c1 < c0 or r1 < r0:
            return np.zeros(0, np.int64)
        parts = [
            self._order[self._starts[r * cols + c0] : self._starts[r * cols + c1 + 1]]
            for r in range(r0, r1 + 1)
        ]
        return np.concatenate(parts) if parts else np.zeros(0, np.int64)

    def extent(self) -> tuple[float, float, float, float]:
        """Bounding box of every outline (x0, y0, x1, y1)."""
        if not len(self):
            return (0.0, 0.0, 0.0, 0.0)
        if self._extent is None:
            b = self.boxes
            self._extent = (
                float(b[:, 0].min()),
                float(b[:, 1].min()),
                float(b[:, 2].max()),
                float(b[:, 3].max()),
            )
        return self._extent

    def count_in(self, x0: float, y0: float, x1: float, y1: float) -> int:
        """How many ``query`` would return, from the grid's row offsets (no index arrays)."""
        if not len(self):
            return 0
        cols, rows = self._grid
        m, ox, oy = self._margin, *self._origin
        c0 = max(0, int((x0 - m - ox) // self.cell))
        c1 = min(cols - 1, int((x1 + m - ox) // self.cell))
        r0 = max(0, int((y0 - m - oy) // self.cell))
        r1 = min(rows - 1, int((y1 + m - oy) // self.cell))
        if c1 < c0 or r1 < r0:
            return 0
        base = np.arange(r0, r1 + 1) * cols
        return int((self._starts[base + c1 + 1] - self._starts[base + c0]).sum())

    def class_counts(self) -> np.ndarray:
        """Objects per class; kept until ``cls`` or ``classes`` is replaced (drawn every frame)."""
        key = (id(self.cls), len(self.cls), len(self.classes))
        cached = self.__dict__.get("_counts")
        if cached is None or cached[0] != key:
            counts = np.bincount(self.cls.astype(np.int64), minlength=len(self.classes))
            cached = (key, counts, self.cls)  # the array is held so its id is not reused
            self.__dict__["_counts"] = cached
        return cached[1]

    def colours(self) -> np.ndarray:
        return np.asarray([c for _, c in self.classes] or [DEFAULT_COLOR], np.uint8)

    # -- rendering helpers --------------------------------------------------
    def dots(
        self, idx: np.ndarray, ox: float, oy: float, ds: float, w: int, h: int, radius: int = 1
    ) -> np.ndarray:
        """RGBA tile (h, w, 4) with each centroid as a (2r+1)² dot, whatever the zoom."""
        out = np.zeros((h, w, 4), np.uint8)
        if not len(idx):
            return out
        r = radius
        c = self.centroids[idx]
        px = ((c[:, 0] - ox) / ds).astype(np.int64) + r
        py = ((c[:, 1] - oy) / ds).astype(np.int64) + r
        keep = (px >= 0) & (px < w + 2 * r) & (py >= 0) & (py < h + 2 * r)
        label = np.zeros((h + 2 * r, w + 2 * r), np.int16)  # class + 1, 0 = empty
        label[py[keep], px[keep]] = self.cls[idx][keep] + 1
        grown = np.zeros((h, w), np.int16)
        for dy in range(2 * r + 1):
            for dx in range(2 * r + 1):
                part = label[dy : dy + h, dx : dx + w]
                np.maximum(grown, part, out=grown)
        on = grown > 0
        lut = self.colours()
        out[on, :3] = lut[np.clip(grown[on] - 1, 0, len(lut) - 1)]
        out[on, 3] = 255
        return out

    def path_bytes(self, idx: np.ndarray) -> bytes:
        """QDataStream bytes of one QPainterPath holding the outlines of ``idx``."""
        return path_bytes(self.coords, self.offsets, idx)


def _number(v) -> float:
    return float(v) if isinstance(v, int | float) else math.nan


def path_bytes(coords: np.ndarray, offsets: np.ndarray, idx: np.ndarray) -> bytes:
    """Big-endian: int32 n, n x (int32 type, f64 x, f64 y), int32 cStart, int32 fillRule."""
    idx = np.asarray(idx, np.int64)
    if not len(idx):
        return np.array([0], ">i4").tobytes()
    starts, ends = offsets[idx], offsets[idx + 1]
    lens = ends - starts
    total = int(lens.sum())
    # gather indices of every vertex of every selected ring
    rel = np.arange(total) - np.repeat(np.cumsum(lens) - lens, lens)
    take = np.repeat(starts, lens) + rel
    rec = np.zeros(total, dtype=[("c", ">i4"), ("x", ">f8"), ("y", ">f8")])
    rec["x"] = coords[take, 0]
    rec["y"] = coords[take, 1]
    rec["c"] = 1  # LineTo
    rec["c"][np.cumsum(lens) - lens] = 0  # MoveTo at each ring start
    head = np.array([total], ">i4").tobytes()
    return head + rec.tobytes() + np.array([0, 1], ">i4").tobytes()  # cStart, WindingFill


def synthetic(
    n: int, box: tuple[float, float, float, float], radius: float = 16.0, seed: int = 0, sides=8
) -> DetectionSet:
    """``n`` nucleus-like octagons scattered over ``box`` (x, y, w, h) — tests and benches."""
    rng = np.random.default_rng(seed)
    x, y, w, h = box
    cx = rng.uniform(x, x + w, n).astype(np.float32)
    cy = rng.uniform(y, y + h, n).astype(np.float32)
    a = np.linspace(0, 2 * math.pi, sides, endpoint=False)
    ring = np.column_stack([np.cos(a), np.sin(a)]) * radius
    ring = np.vstack([ring, ring[:1]]).astype(np.float32)
    coords = (ring[None, :, :] + np.stack([cx, cy], 1)[:, None, :]).reshape(-1, 2)
    offsets = np.arange(n + 1, dtype=np.int64) * len(ring)
    cls_idx = (rng.random(n) < 0.2).astype(np.int16)
    classes = [("Nucleus", DEFAULT_COLOR), ("Tumor", (200, 0, 0))]
    return DetectionSet(coords, offsets, cls_idx, classes, label="synthetic")
