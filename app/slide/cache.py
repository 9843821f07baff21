"""Byte-budget LRU tile cache, thread-safe, with pinning of visible tiles.

Tiles are weighted by their size in bytes (QuPath's tile store does the
same), so a budget means memory, not a tile count.  Pinned keys (the tiles on
screen) are never evicted; the budget may be exceeded while they are pinned.
Concurrent requests for the same missing tile load it once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from concurrent.futures import Future
from typing import Any

DEFAULT_BUDGET = 512 * 2**20


def _size(value: Any) -> int:
    nbytes = getattr(value, "nbytes", None)
    if nbytes is not None:
        return int(nbytes)
    try:
        return len(value)
    except TypeError:
        return 64


class TileCache:
    def __init__(self, max_bytes: int = DEFAULT_BUDGET) -> None:
        if max_bytes <= 0:
            raise ValueError("cache budget must be positive")
        self.max_bytes = int(max_bytes)
        self._lock = threading.Lock()
        self._items: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._bytes = 0
        self._pinned: set[Hashable] = set()
        self._loading: dict[Hashable, Future] = {}
        self.hits = 0
        self.misses = 0

    # -- basic access -------------------------------------------------------
    def get(self, key: Hashable) -> Any | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return item[0]

    def peek(self, key: Hashable) -> Any | None:
        """Like ``get`` but leaves the LRU order and the counters alone."""
        with self._lock:
            item = self._items.get(key)
            return None if item is None else item[0]

    def put(self, key: Hashable, value: Any) -> None:
        size = _size(value)
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._items[key] = (value, size)
            self._bytes += size
            self._evict()

    def discard(self, key: Hashable) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[1]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def get_or_load(self, key: Hashable, loader: Callable[[], Any]) -> Any:
        """The cached value, or ``loader()``'s result stored under ``key``.

        When several threads ask for the same missing key, one loads and the
        others wait for its result (or its exception).
        """
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
                self.hits += 1
                return item[0]
            self.misses += 1
            fut = self._loading.get(key)
            owner = fut is None
            if owner:
                fut = Future()
                self._loading[key] = fut
        if not owner:
            return fut.result()
        try:
            value = loader()
        except BaseException as err:
            with self._lock:
                self._loading.pop(key, None)
            fut.set_exception(err)
            raise
        self.put(key, value)
        with self._lock:
            self._loading.pop(key, None)
        fut.set_result(value)
        return value

    # -- pinning ------------------------------------------------------------
    def pin(self, keys: Iterable[Hashable]) -> None:
        with self._lock:
            self._pinned.update(keys)

    def unpin(self, keys: Iterable[Hashable]) -> None:
        with self._lock:
            self._pinned.difference_update(keys)
            self._evict()

    def set_pinned(self, keys: Iterable[Hashable]) -> None:
        """Replace the pinned set (e.g. with the tiles now on screen)."""
        with self._lock:
            self._pinned = set(keys)
            self._evict()

    @property
    def pinned(self) -> frozenset[Hashable]:
        with self._lock:
            return frozenset(self._pinned)

    # -- introspection ------------------------------------------------------
    @property
    def nbytes(self) -> int:
        with self._lock:
            return self._bytes

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._items

    def _evict(self) -> None:
        # caller holds the lock; oldest first, pinned entries stay
        if self._bytes <= self.max_bytes:
            return
        for key in list(self._items):
            if self._bytes <= self.max_bytes:
                break
            if key in self._pinned:
                continue
            _, size = self._items.pop(key)
            self._bytes -= size
