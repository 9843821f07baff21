"""Nuclei over tiles in worker processes: same result as one process, streamed, cancel in < 1 s."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from inference.wsi.nuclei import NucleiParams
from inference.wsi.parallel import NucleiBatch, plan_tiles, stream_nuclei, tile_nuclei
from inference.wsi.regions import keep_inside, points_inside

SMALL_TILES = NucleiParams(tile_px=256)  # many tiles on the small test slide


@pytest.fixture(scope="module")
def tissue(small_slide):
    from app.slide import SlideSource
    from inference.wsi import detect_tissue

    with SlideSource(small_slide) as src:
        return detect_tissue(src)


def test_workers_find_what_one_process_finds_streamed_tile_by_tile(source, tissue):
    region = (1200, 900, 1400, 1000)
    plan = plan_tiles(source, region, SMALL_TILES, tissue)
    assert len(plan.todo) >= 4
    serial = NucleiBatch.concat([tile_nuclei(source, plan, b, SMALL_TILES) for b in plan.todo])
    seen, progress, stats = {}, [], {}
    count = stream_nuclei(
        source,
        plan,
        SMALL_TILES,
        lambda i, b: seen.__setitem__(i, b),
        workers=2,
        on_progress=lambda d, t, n: progress.append((d, t, n)),
        stats=stats,
    )
    assert stats["cpu_seconds"] > 0
    from inference.wsi import parallel

    warm = dict(parallel._pool)
    assert list(warm) == [2]  # the pool stays warm for the next run
    stream_nuclei(source, plan, SMALL_TILES, lambda i, b: None, workers=2)
    assert parallel._pool[2] is warm[2]
    assert progress[0] == (0, len(plan.todo), 0)  # the tile count is known at once
    assert [p[0] for p in progress] == list(range(len(plan.todo) + 1))
    assert sorted(seen) == list(range(len(plan.todo)))
    streamed = NucleiBatch.concat([seen[i] for i in sorted(seen)])
    assert count == len(streamed) == len(serial) > 20
    assert np.allclose(np.sort(streamed.centroids, 0), np.sort(serial.centroids, 0))
    for name in ("Nucleus: Area µm^2", "Nucleus: Perimeter µm", "Nucleus: Eosin OD mean"):
        assert name in streamed.measurements and (streamed.measurements[name] > 0).all()


def test_cell_expansion_gives_nucleus_cell_ratio(source, tissue):
    params = NucleiParams(tile_px=512, cell_expansion_um=5.0)
    plan = plan_tiles(source, (1500, 1100, 600, 600), params, tissue)
    batch = tile_nuclei(source, plan, plan.todo[0], params)
    ratio = batch.measurements["Nucleus/Cell area ratio"]
    cell = batch.measurements["Cell: Area µm^2"]
    assert len(batch) > 5
    assert ((ratio > 0) & (ratio < 1)).all()
    assert (cell > batch.measurements["Nucleus: Area µm^2"]).all()


def test_cancel_stops_the_workers_before_the_work_is_done(source):
    """Cancel stops the run part way: it ends with Cancelled well before its tiles are
    done (a state, not a time: the bound below only keeps a broken cancel from hanging)."""
    from app.jobs import Cancelled, TaskState

    params = NucleiParams(tile_px=128)
    plan = plan_tiles(source, None, params, None)  # every tile of the slide: minutes of work
    state, first, ended, done = TaskState(), threading.Event(), {}, []

    def tile_done(i, b):
        done.append(i)
        first.set()

    def run():
        try:
            stream_nuclei(source, plan, params, tile_done, state, workers=2)
        except Cancelled:
            ended["cancelled"] = len(done)

    t = threading.Thread(target=run)
    t.start()
    assert first.wait(120), "no tile finished"
    state.cancel()
    t.join(timeout=120)
    assert not t.is_alive(), "workers still running after cancel"
    assert "cancelled" in ended, "the run ended without being cancelled"
    assert len(done) < len(plan.todo) // 2  # stopped part way, not after the work
    from inference.wsi import parallel

    assert not parallel._pool  # the cancelled workers were terminated, not kept


def test_nuclei_in_a_hole_are_outside_the_annotation():
    outer = [[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]]
    hole = [[40, 40], [60, 40], [60, 60], [40, 60], [40, 40]]
    geom = {"type": "Polygon", "coordinates": [outer, hole]}
    pts = np.array([[10, 10], [50, 50], [150, 50], [90, 90]], float)
    assert points_inside(pts, geom).tolist() == [True, False, False, True]
    ring = np.array([[0, 0], [1, 0], [1, 1], [0, 0]], np.float32)
    batch = NucleiBatch(
        np.concatenate([ring + p for p in pts]).astype(np.float32),
        np.arange(5, dtype=np.int64) * 4,
        pts.astype(np.float32),
        {"Nucleus: Area µm^2": np.array([1, 2, 3, 4], np.float32)},
    )
    kept = keep_inside(batch, geom)
    assert len(kept) == 2 and kept.measurements["Nucleus: Area µm^2"].tolist() == [1, 4]
    assert np.allclose(kept.coords[4:8], ring + pts[3])
