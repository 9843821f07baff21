"""Decoded-pixel cache with an explicit memory budget; visible images pinned (Qt-free).

Viewers keep decoded frames here (key: anything hashable, e.g. (file, frame)).
When the bytes held pass the budget, the least recently used unpinned entries
go; pinned ones (the images on screen) stay even over budget, and
``over_budget`` says so.  One process-wide cache (``shared_cache()``) takes a
quarter of the imaging memory budget (setting ``imaging_memory_mb``); volumes
take the rest.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Hashable

import numpy as np


def _nbytes(value) -> int:
    if isinstance(value, np.ndarray):
        return int(value.nbytes)
    pixels = getattr(value, "pixels", None)  # a LoadedImage
    return int(pixels.nbytes) if isinstance(pixels, np.ndarray) else 0


class PixelCache:
    def __init__(self, budget_bytes: int) -> None:
        self.budget = int(budget_bytes)
        self._items: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
        self._pins: Counter[Hashable] = Counter()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = self.evicted = 0

    @property
    def bytes(self) -> int:
        return self._bytes

    @property
    def over_budget(self) -> bool:
        return self._bytes > self.budget

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def get(self, key: Hashable):
        with self._lock:
            item = self._items.get(key)
            if item is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return item[0]

    def put(self, key: Hashable, value) -> None:
        size = _nbytes(value)
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._items[key] = (value, size)
            self._bytes += size
            self._evict()

    def pin(self, key: Hashable) -> None:
        """Keep ``key`` whatever the budget (it is on screen); pins nest."""
        with self._lock:
            self._pins[key] += 1

    def unpin(self, key: Hashable) -> None:
        with self._lock:
            if self._pins[key] > 1:
                self._pins[key] -= 1
            else:
                self._pins.pop(key, None)
            self._evict()

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def _evict(self) -> None:
        if self._bytes <= self.budget:
            return
        for key in list(self._items):
            if self._bytes <= self.budget:
                break
            if self._pins.get(key):
                continue
            _value, size = self._items.pop(key)
            self._bytes -= size
            self.evicted += 1


_shared: PixelCache | None = None
_shared_lock = threading.Lock()


def shared_cache() -> PixelCache:
    """The process-wide 2D frame cache (a quarter of the imaging memory budget)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            from app.imaging.budget import memory_budget

            _shared = PixelCache(memory_budget() // 4)
        return _shared
