"""Nuclei worker processes that die (killed, out of memory) never stall a run.

With ``multiprocessing.Pool`` a worker killed while it waited for a tile left
the pool's shared queue lock held: the next run waited for ever, no tile came
back (the hang a pathologist met as "detecting nuclei… 0 of N").
"""

from __future__ import annotations

import math
import multiprocessing
import os
import signal
import threading

import pytest

from inference.wsi.nuclei import NucleiParams
from inference.wsi.parallel import plan_tiles, stream_nuclei

SMALL_TILES = NucleiParams(tile_px=256)
KILL = getattr(signal, "SIGKILL", signal.SIGTERM)  # TerminateProcess on Windows


def tile_workers() -> list:
    return [p for p in multiprocessing.active_children() if p.name == "huizhen-tiles"]


def run_with_deadline(fn, seconds: float):
    out: dict = {}

    def target():
        try:
            out["value"] = fn()
        except BaseException as err:  # handed to the test
            out["error"] = err

    t = threading.Thread(target=target, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"no result within {seconds:g} s: the run is stalled"
    if "error" in out:
        raise out["error"]
    return out["value"]


def test_workers_killed_while_idle_do_not_stall_the_next_run(source):
    plan = plan_tiles(source, (1200, 900, 1400, 1000), SMALL_TILES, None)
    assert len(plan.todo) >= 4
    first = stream_nuclei(source, plan, SMALL_TILES, lambda i, b: None, workers=2)
    idle = tile_workers()
    assert len(idle) == 2  # warm, waiting for the next run
    for proc in idle:  # e.g. the system ends them for memory while the viewer is idle
        os.kill(proc.pid, KILL)
    again = run_with_deadline(
        lambda: stream_nuclei(source, plan, SMALL_TILES, lambda i, b: None, workers=2), 180
    )
    assert again == first > 20


def test_a_worker_killed_during_a_run_has_its_tile_run_again(source):
    plan = plan_tiles(source, (1200, 900, 1400, 1000), SMALL_TILES, None)
    expected = stream_nuclei(source, plan, SMALL_TILES, lambda i, b: None, workers=2)
    seen: list[int] = []

    def on_tile(index, _batch):
        if not seen:
            os.kill(tile_workers()[0].pid, KILL)
        seen.append(index)

    count = run_with_deadline(
        lambda: stream_nuclei(source, plan, SMALL_TILES, on_tile, workers=2), 180
    )
    assert sorted(seen) == list(range(len(plan.todo)))  # every tile once, none lost
    assert count == expected


def test_a_failing_task_raises_its_error_and_a_crashing_one_stops_the_run():
    from inference.workers import MAX_DEATHS, WorkerDied, WorkerPool

    pool = WorkerPool(1)
    try:
        got = {}
        pool.run(math.sqrt, [(4.0,), (9.0,)], got.__setitem__)
        assert got == {0: 2.0, 1: 3.0}
        with pytest.raises(RuntimeError, match="ValueError"):
            pool.run(math.sqrt, [(-1.0,)], got.__setitem__)
        with pytest.raises(WorkerDied, match=f"{MAX_DEATHS + 1} times"):
            run_with_deadline(lambda: pool.run(os._exit, [(3,)], got.__setitem__), 180)
    finally:
        mine = set(pool.pids())
        pool.close(kill=True)
    assert mine and not mine & {p.pid for p in tile_workers()}  # none left running


def test_workers_that_cannot_load_the_task_stop_the_run_with_a_message(tmp_path, monkeypatch):
    """The application's files replaced on disk (an update installed while it runs): a new
    worker cannot load the code the running one sends; multiprocessing.Pool started such
    workers again without end and the run never ended."""
    import importlib
    import shutil
    import sys

    from inference.workers import WorkerDied, WorkerPool

    (tmp_path / "hz_replaced_module.py").write_text("def work(x):\n    return x\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    mod = importlib.import_module("hz_replaced_module")
    (tmp_path / "hz_replaced_module.py").unlink()
    shutil.rmtree(tmp_path / "__pycache__", ignore_errors=True)
    pool = WorkerPool(1)
    try:
        with pytest.raises(WorkerDied):
            run_with_deadline(lambda: pool.run(mod.work, [(1,)], lambda i, v: None), 180)
    finally:
        pool.close(kill=True)
        sys.modules.pop("hz_replaced_module", None)
