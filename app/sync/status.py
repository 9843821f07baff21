"""The sync state machine, Qt-free.

::

    signed_out --sign in--> connecting --ok--> synced
                                 |  \\--unreachable--> offline --retry--> connecting
                                 |   \\--server/other error--> error --retry--> connecting
                                 \\--401 and refresh refused--> login_expired --sign in--> ...

``SyncStatus`` keeps the current state, the last success and the last error
text, and emits ``changed(snapshot)`` (from the sync thread: listeners
marshal to their own thread).
"""

from __future__ import annotations

import enum
import threading
from dataclasses import dataclass, replace
from datetime import datetime

from app.events import EventEmitter


class SyncState(enum.StrEnum):
    SIGNED_OUT = "signed_out"
    CONNECTING = "connecting"
    SYNCED = "synced"
    OFFLINE = "offline"
    ERROR = "error"
    LOGIN_EXPIRED = "login_expired"


@dataclass(frozen=True)
class Snapshot:
    state: SyncState = SyncState.SIGNED_OUT
    last_ok: datetime | None = None  # local time of the last complete sync
    last_error: str = ""
    pending: int = 0  # outbox rows waiting
    failed: int = 0  # outbox rows the server refused (kept, shown to the user)
    conflicts: int = 0  # unresolved conflicts
    sse: bool = False  # the event stream is connected


class SyncStatus:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._snap = Snapshot()
        self.changed = EventEmitter("changed")

    @property
    def snapshot(self) -> Snapshot:
        with self._lock:
            return self._snap

    @property
    def state(self) -> SyncState:
        return self.snapshot.state

    def update(self, **fields) -> Snapshot:
        with self._lock:
            new = replace(self._snap, **fields)
            changed = new != self._snap
            self._snap = new
        if changed:
            self.changed.emit(new)
        return new
