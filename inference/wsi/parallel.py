"""Nuclei detection over many tiles in worker processes, streamed as tiles finish.

Like QuPath's cell detection: the region is cut into analysis tiles, the
tiles nearest the region's centre go first, every core runs a worker process
("spawn" context, so the same code runs on Windows) that opens the slide
itself and returns each tile's nuclei as flat arrays; the pool stays warm for
the next run.  The caller gets
``on_tile(batch)`` for every finished tile (to draw it at once) and progress
counted in tiles from the start.  Cancel terminates the workers, so it takes
effect within ``POLL_S``, not after the tile in flight.

``NucleiBatch`` is the compact form (one coordinate array plus offsets and a
column per measurement) used between processes and by the viewer.
"""

from __future__ import annotations

import atexit
import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from inference.wsi.nuclei import ANALYZER, VERSION, NucleiParams, Nucleus

MEASUREMENTS = (
    "Nucleus: Area µm^2",
    "Nucleus: Perimeter µm",
    "Nucleus: Circularity",
    "Nucleus: Hematoxylin OD mean",
    "Nucleus: Eosin OD mean",
    "Cell: Area µm^2",
    "Nucleus/Cell area ratio",
)


@dataclass
class NucleiBatch:
    coords: np.ndarray  # (M, 2) float32 level-0 px, rings concatenated
    offsets: np.ndarray  # (N + 1,) int64
    centroids: np.ndarray  # (N, 2) float32
    measurements: dict[str, np.ndarray] = field(default_factory=dict)  # name -> (N,) float32

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @classmethod
    def empty(cls) -> NucleiBatch:
        return cls(
            np.zeros((0, 2), np.float32), np.zeros(1, np.int64), np.zeros((0, 2), np.float32)
        )

    @classmethod
    def from_nuclei(cls, nuclei: list[Nucleus]) -> NucleiBatch:
        if not nuclei:
            return cls.empty()
        lens = np.array([len(n.contour) for n in nuclei], np.int64)
        offsets = np.zeros(len(nuclei) + 1, np.int64)
        offsets[1:] = np.cumsum(lens)
        coords = np.concatenate([n.contour for n in nuclei]).astype(np.float32)
        cents = np.array([n.centroid for n in nuclei], np.float32).reshape(-1, 2)
        rows = [n.measurements() for n in nuclei]
        names = [k for k in MEASUREMENTS if k in rows[0]]
        meas = {k: np.array([r[k] for r in rows], np.float32) for k in names}
        return cls(coords, offsets, cents, meas)

    @classmethod
    def concat(cls, batches: list[NucleiBatch]) -> NucleiBatch:
        batches = [b for b in batches if len(b)]
        if not batches:
            return cls.empty()
        coords = np.concatenate([b.coords for b in batches])
        shift = np.cumsum([0] + [len(b.coords) for b in batches[:-1]])
        offsets = np.concatenate(
            [[0]] + [b.offsets[1:] + s for b, s in zip(batches, shift, strict=True)]
        )
        cents = np.concatenate([b.centroids for b in batches])
        names = [k for k in batches[0].measurements if all(k in b.measurements for b in batches)]
        meas = {k: np.concatenate([b.measurements[k] for b in batches]) for k in names}
        return cls(coords, offsets.astype(np.int64), cents, meas)

    def rings(self) -> list[np.ndarray]:
        return [self.coords[a:b] for a, b in zip(self.offsets[:-1], self.offsets[1:], strict=True)]

    def features(self, analyzer: str = ANALYZER, version: str = VERSION) -> list[dict]:
        """QuPath GeoJSON detections (one per nucleus) with their measurements."""
        import uuid

        out = []
        for i, ring in enumerate(self.rings()):
            out.append(
                {
                    "type": "Feature",
                    "id": str(uuid.uuid4()),
                    "geometry": {"type": "Polygon", "coordinates": [np.round(ring, 2).tolist()]},
                    "properties": {
                        "objectType": "detection",
                        "classification": {"name": "Nucleus", "color": [60, 60, 200]},
                        "measurements": {
                            k: round(float(v[i]), 4) for k, v in self.measurements.items()
                        },
                        "metadata": {"analyzer": analyzer, "analyzer_version": version},
                    },
                }
            )
        return out


@dataclass
class Plan:
    """Analysis tiles of one run, in the order they are processed."""

    level: int
    downsample: float
    mpp: float  # analysis pixel size
    margin: int  # overlap in level pixels
    level_size: tuple[int, int]
    boxes: list[tuple[int, int, int, int]]  # every tile of the region (level px)
    todo: list[tuple[int, int, int, int]]  # tiles with tissue, centre first


def plan_tiles(source, region, params: NucleiParams, tissue) -> Plan:
    p = params
    mpp0 = (source.mpp or (0.25, 0.25))[0]
    level = source.best_level(max(p.requested_mpp / mpp0, 1.0))
    ds = source.level_downsamples[level]
    lw, lh = source.level_dimensions[level]
    x0, y0, w0, h0 = region or (0, 0, *source.dimensions)
    rx0, ry0 = max(0, int(x0 / ds)), max(0, int(y0 / ds))
    rx1, ry1 = min(lw, math.ceil((x0 + w0) / ds)), min(lh, math.ceil((y0 + h0) / ds))
    if rx1 <= rx0 or ry1 <= ry0:
        raise ValueError("region lies outside the slide")
    t = p.tile_px
    boxes = [
        (x, y, min(x + t, rx1), min(y + t, ry1))
        for y in range(ry0, ry1, t)
        for x in range(rx0, rx1, t)
    ]
    todo = [
        b
        for b in boxes
        if tissue is None
        or tissue.fraction_in(b[0] * ds, b[1] * ds, (b[2] - b[0]) * ds, (b[3] - b[1]) * ds)
        >= p.min_tissue_fraction
    ]
    cx, cy = (rx0 + rx1) / 2, (ry0 + ry1) / 2
    todo.sort(key=lambda b: ((b[0] + b[2]) / 2 - cx) ** 2 + ((b[1] + b[3]) / 2 - cy) ** 2)
    mpp = mpp0 * ds
    return Plan(level, ds, mpp, int(math.ceil(p.overlap_um / mpp)), (lw, lh), boxes, todo)


def tile_nuclei(source, plan: Plan, box, params: NucleiParams) -> NucleiBatch:
    """Nuclei whose centroid lies in ``box`` (read with its overlap margin)."""
    from inference.wsi.nuclei import detect_nuclei

    lw, lh = plan.level_size
    bx0, by0, bx1, by1 = box
    m, ds = plan.margin, plan.downsample
    ex0, ey0 = max(0, bx0 - m), max(0, by0 - m)
    ex1, ey1 = min(lw, bx1 + m), min(lh, by1 + m)
    rgb = source.read_region(plan.level, ex0, ey0, ex1 - ex0, ey1 - ey0, cached=False)
    core = (bx0 - ex0, by0 - ey0, bx1 - ex0, by1 - ey0)
    found = detect_nuclei(rgb, plan.mpp, params, origin=(ex0 * ds, ey0 * ds), scale=ds, core=core)
    return NucleiBatch.from_nuclei(found)


# -- worker processes ---------------------------------------------------------
# One pool stays warm between runs (starting a "spawn" worker costs seconds: it
# imports numpy, scipy, scikit-image and OpenSlide); a cancel ends its workers.
# ``inference.workers`` says why these are not a ``multiprocessing.Pool``.
_worker: dict = {}
_pool: dict = {}  # workers -> the warm WorkerPool (not in use while a run holds it)
_pool_lock = threading.Lock()


def _slide(path: str, files):
    """The worker's open slide (kept while the next tile is from the same slide)."""
    from app.slide import SlideSource, TileCache

    if _worker.get("path") != path:
        old = _worker.pop("source", None)
        if old is not None:
            old.close()
        _worker["source"] = SlideSource(path, cache=TileCache(16 << 20), files=files)
        _worker["path"] = path
    return _worker["source"]


def _run_tile(
    path: str, files, plan: Plan, params: NucleiParams, index: int, box
) -> tuple[int, NucleiBatch, float]:
    cpu = time.process_time()
    batch = tile_nuclei(_slide(path, files), plan, box, params)
    return index, batch, time.process_time() - cpu


def _take_pool(workers: int):
    """The warm pool of ``workers`` processes, or a new one (a run already holds it)."""
    from inference.workers import WorkerPool

    with _pool_lock:
        pool = _pool.pop(workers, None)
        if pool is None:
            for other in list(_pool.values()):  # one warm pool at a time
                other.close(kill=True)
            _pool.clear()
            pool = WorkerPool(workers)
        return pool


def _give_back(workers: int, pool) -> None:
    with _pool_lock:
        if workers in _pool or _pool:  # another run kept its pool meanwhile
            spare = pool
        else:
            _pool[workers], spare = pool, None
    if spare is not None:
        spare.close()


def shutdown_pool() -> None:
    """Stop the warm worker processes (also done at exit)."""
    with _pool_lock:
        pools = list(_pool.values())
        _pool.clear()
    for pool in pools:
        pool.close(kill=True)


atexit.register(shutdown_pool)


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def stream_nuclei(
    source,
    plan: Plan,
    params: NucleiParams,
    on_tile: Callable[[int, NucleiBatch], None],
    state=None,
    workers: int | None = None,
    on_progress: Callable[[int, int, int], None] | None = None,
    stats: dict | None = None,
) -> int:
    """Run ``plan.todo`` on ``workers`` processes; ``on_tile`` per tile as it finishes.

    Returns the number of nuclei; ``stats["cpu_seconds"]`` sums the workers' CPU
    time per tile (what the run costs on an idle machine).  ``on_progress(done, total, nuclei)`` is called
    at once (0 of N tiles) and after every tile.  A cancelled ``state`` stops the
    workers (killed) and raises ``Cancelled`` within ``POLL_S``.  A worker that
    dies has its tile run again on a new one (``workers.WorkerPool``).
    """
    from app.jobs import Cancelled

    total = len(plan.todo)
    done = {"tiles": 0, "nuclei": 0}
    if on_progress:
        on_progress(0, total, 0)
    if not total:
        return 0
    workers = max(1, min(workers or default_workers(), total))
    files = [str(f) for f in source.files] if getattr(source, "files", None) else None
    head = (str(source.path), files, plan, params)

    def result(_task: int, item) -> None:
        index, batch, cpu = item
        if stats is not None:
            stats["cpu_seconds"] = stats.get("cpu_seconds", 0.0) + cpu
        done["tiles"] += 1
        done["nuclei"] += len(batch)
        on_tile(index, batch)
        if on_progress:
            on_progress(done["tiles"], total, done["nuclei"])

    def cancelled() -> bool:
        return state is not None and state.cancelled

    pool = _take_pool(workers)
    try:
        tasks = [(*head, i, box) for i, box in enumerate(plan.todo)]
        pool.run(_run_tile, tasks, result, cancelled)
    except BaseException:
        pool.close(kill=True)  # stops tiles in flight at once; the next run starts afresh
        raise
    if cancelled():
        pool.close(kill=True)
        raise Cancelled()
    _give_back(workers, pool)
    return done["nuclei"]


def run_stream(
    source,
    region=None,
    state=None,
    params: NucleiParams | None = None,
    workers: int | None = None,
    tissue=None,
    on_tile: Callable[[int, NucleiBatch], None] | None = None,
    on_progress: Callable[[int, int, int], None] | None = None,
    stats: dict | None = None,
) -> tuple[NucleiBatch, Plan, float]:
    """Every nucleus of ``region`` (None: all tissue) as one batch, tile order kept."""
    from inference.wsi.tissue import detect_tissue

    p = params or NucleiParams()
    t0 = time.perf_counter()
    if tissue is None:
        tissue = detect_tissue(source)
    plan = plan_tiles(source, region, p, tissue)
    parts: dict[int, NucleiBatch] = {}

    def keep(index: int, batch: NucleiBatch) -> None:
        parts[index] = batch
        if on_tile is not None:
            on_tile(index, batch)

    stream_nuclei(source, plan, p, keep, state, workers, on_progress, stats)
    batch = NucleiBatch.concat([parts[i] for i in sorted(parts)])
    return batch, plan, time.perf_counter() - t0
