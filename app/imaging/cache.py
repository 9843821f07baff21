"""The decoded-pixel cache of 2D frames: one process-wide byte-budget cache (Qt-free).

It is the slide viewer's ``TileCache`` (thread-safe LRU weighted by bytes,
pinned keys — the frames on screen — never evicted, concurrent loads of one
key done once) with a quarter of the imaging memory budget (setting
``imaging_memory_mb``); volumes take the rest.
"""

from __future__ import annotations

import threading

_shared = None
_lock = threading.Lock()


def shared_cache():
    """The process-wide cache of decoded 2D frames (``app.slide.cache.TileCache``)."""
    global _shared
    with _lock:
        if _shared is None:
            from app.imaging.budget import memory_budget
            from app.slide.cache import TileCache

            _shared = TileCache(memory_budget() // 4)
        return _shared
