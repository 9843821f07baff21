"""Wakes Server-Sent-Event streams when consults or alerts change.

The broker carries no data: a woken stream re-reads the changes table with
the caller's own visibility filter (the same query as the pull feed), so the
push and pull paths cannot disagree and a reconnect with ``Last-Event-ID``
misses nothing.  ``notify`` may be called from any thread.
"""

from __future__ import annotations

import asyncio

PUSH_KINDS = frozenset({"consult", "alert"})


class Broker:
    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self._subs: set[asyncio.Event] = set()

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop

    def subscribe(self) -> asyncio.Event:
        wake = asyncio.Event()
        self._subs.add(wake)
        return wake

    def unsubscribe(self, wake: asyncio.Event) -> None:
        self._subs.discard(wake)

    def notify(self, pending: list[tuple[int, str]]) -> None:
        if self.loop is None or self.loop.is_closed():
            return
        if any(kind in PUSH_KINDS for _seq, kind in pending):
            self.loop.call_soon_threadsafe(self._wake_all)

    def wake_all(self) -> None:
        """Wake every stream (a logout: the streams of that login see it and end)."""
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self._wake_all)

    def _wake_all(self) -> None:
        for wake in self._subs:
            wake.set()

    @property
    def subscribers(self) -> int:
        return len(self._subs)
