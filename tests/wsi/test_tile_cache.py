"""Byte-budget LRU tile cache with pinning."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from app.slide import TileCache


def tile(value: int, n: int = 100) -> np.ndarray:
    return np.full((n,), value, np.uint8)  # 100 bytes


def test_evicts_least_recently_used_by_bytes():
    c = TileCache(max_bytes=300)
    for k in "abc":
        c.put(k, tile(1))
    assert c.nbytes == 300
    c.get("a")  # a is now the most recent
    c.put("d", tile(2))
    assert "b" not in c and {"a", "c", "d"} <= {k for k in "abcd" if k in c}
    c.put("big", tile(3, 250))
    assert c.nbytes <= 300 and "big" in c


def test_pinned_tiles_survive_eviction():
    c = TileCache(max_bytes=200)
    c.put("visible", tile(1))
    c.set_pinned({"visible"})
    for i in range(10):
        c.put(i, tile(i))
    assert "visible" in c
    c.set_pinned(set())
    for i in range(10, 13):
        c.put(i, tile(i))
    assert "visible" not in c


def test_concurrent_loads_of_one_key_run_the_loader_once():
    c = TileCache(max_bytes=10_000)
    calls = []
    gate = threading.Event()

    def loader():
        calls.append(1)
        gate.wait(2)
        return tile(7)

    results = []
    threads = [
        threading.Thread(target=lambda: results.append(c.get_or_load("k", loader)))
        for _ in range(6)
    ]
    for t in threads:
        t.start()
    time.sleep(0.05)
    gate.set()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len(results) == 6 and all(r is results[0] for r in results)


def test_loader_error_reaches_every_waiter_and_is_not_cached():
    c = TileCache(max_bytes=10_000)

    def bad():
        raise OSError("disk gone")

    with pytest.raises(OSError):
        c.get_or_load("k", bad)
    assert "k" not in c
    assert c.get_or_load("k", lambda: tile(1))[0] == 1


def test_thread_safety_under_load():
    c = TileCache(max_bytes=5_000)

    def work(seed):
        rng = np.random.default_rng(seed)
        for _ in range(2000):
            k = int(rng.integers(0, 200))
            c.get_or_load(k, lambda k=k: tile(k % 256))
            if k % 17 == 0:
                c.set_pinned({k})

    threads = [threading.Thread(target=work, args=(s,)) for s in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert c.nbytes <= 5_000 + 100  # at most one pinned tile over budget
    assert c.nbytes == sum(v.nbytes for v in (c.peek(k) for k in range(200)) if v is not None)
