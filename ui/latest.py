"""Reloads of one view whose jobs can end in any order: only the newest one asked is shown.

Jobs run on several workers, so a query asked before a change can end after the query
asked after it; showing its result would put back the state before the change (a new
critical alert hidden again, an acknowledgement undone on screen) until the next reload.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Latest:
    """``latest.wrap(show)`` for each reload's done callback: calls ``show`` only when no
    later reload of this view was asked meanwhile (the later one shows its own result)."""

    def __init__(self) -> None:
        self.asked = 0

    def forget(self) -> None:
        """The answers of the reloads asked so far are stale (the view changed itself)."""
        self.asked += 1

    def wrap(self, show: Callable[..., Any]) -> Callable[..., None]:
        self.asked += 1
        mine = self.asked

        def call(*args: Any) -> None:
            if mine == self.asked:
                show(*args)

        return call
