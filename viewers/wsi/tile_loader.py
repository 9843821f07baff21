"""Background tile loading for the slide viewer, newest request first.

``want(tiles)`` replaces the queue: the tiles of the latest view come first
and anything no longer wanted is dropped (ASAP's IO threads do the same), so
fast panning never waits for stale reads.  Prefetch tiles go behind them.
Workers are plain threads reading through ``SlideSource.read_tile`` (which
fills the shared ``TileCache``); ``tile_ready`` is queued onto the UI thread.
"""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import QObject, Signal


class TileLoader(QObject):
    tile_ready = Signal(object)  # (level, col, row)
    tile_failed = Signal(object, str)

    def __init__(self, source, workers: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self._cond = threading.Condition()
        self._queue: list[tuple[int, int, int]] = []
        self._busy: set[tuple[int, int, int]] = set()
        self.failed: set[tuple[int, int, int]] = set()
        self._stop = False
        n = workers or max(2, min(4 * (os.cpu_count() or 2), 16))
        self._threads = [
            threading.Thread(target=self._work, name=f"slide-tiles-{i}", daemon=True)
            for i in range(n)
        ]
        for t in self._threads:
            t.start()

    def want(self, tiles: list[tuple[int, int, int]]) -> None:
        """Replace the queue with ``tiles`` (most important first)."""
        with self._cond:
            cache, src = self.source.cache, self.source
            self._queue = [
                t
                for t in dict.fromkeys(tiles)
                if t not in self._busy and t not in self.failed and src.tile_key(*t) not in cache
            ]
            self._cond.notify_all()

    @property
    def pending(self) -> int:
        with self._cond:
            return len(self._queue) + len(self._busy)

    def _work(self) -> None:
        from app.slide import SlideError

        while True:
            with self._cond:
                while not self._queue and not self._stop:
                    self._cond.wait()
                if self._stop:
                    return
                tile = self._queue.pop(0)
                self._busy.add(tile)
            try:
                self.source.read_tile(*tile)
            except SlideError as err:
                with self._cond:
                    self.failed.add(tile)
                self._emit_failed(tile, str(err))
            except Exception as err:  # a closed source while shutting down
                if not self._stop:
                    self._emit_failed(tile, str(err))
            else:
                if not self._stop:
                    try:
                        self.tile_ready.emit(tile)
                    except RuntimeError:  # the viewer was deleted meanwhile
                        return
            finally:
                with self._cond:
                    self._busy.discard(tile)

    def _emit_failed(self, tile, message: str) -> None:
        if not self._stop:
            try:
                self.tile_failed.emit(tile, message)
            except RuntimeError:
                pass

    def close(self) -> None:
        with self._cond:
            self._stop = True
            self._queue.clear()
            self._cond.notify_all()
        for t in self._threads:
            t.join(5)
