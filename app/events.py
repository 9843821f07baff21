"""A minimal event emitter for Qt-free models (napari style).

Models own an ``EventEmitter`` per event; Qt widgets connect callbacks and
marshal them onto the UI thread themselves.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


class EventEmitter:
    def __init__(self, name: str = "") -> None:
        self.name = name
        self._callbacks: list[Callable[..., Any]] = []
        self._lock = threading.Lock()

    def connect(self, callback: Callable[..., Any]) -> Callable[..., Any]:
        with self._lock:
            if callback not in self._callbacks:
                self._callbacks.append(callback)
        return callback

    def disconnect(self, callback: Callable[..., Any] | None = None) -> None:
        with self._lock:
            if callback is None:
                self._callbacks.clear()
            elif callback in self._callbacks:
                self._callbacks.remove(callback)

    def emit(self, *args: Any, **kwargs: Any) -> None:
        with self._lock:
            callbacks = list(self._callbacks)
        for cb in callbacks:
            cb(*args, **kwargs)

    def __len__(self) -> int:
        return len(self._callbacks)
