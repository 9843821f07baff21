"""Wakes Server-Sent-Event streams when consults or alerts change.

The broker carries no data: a woken stream re-reads the changes table with
the caller's own visibility filter (the same query as the pull feed), so the
push and pull paths cannot disagree and a reconnect with ``Last-Event-ID``
misses nothing.  ``notify`` may be called from any thread.

A change wakes only the streams that may see it (``may_see``: a superset of
``server.access.change_filter`` computed from the change's organisation and
addressee, without the database): with thousands of open streams, a consult
of one clinic no longer makes every other clinic's stream re-read the feed.
A stream also re-reads on every heartbeat, so a wake it missed (a user whose
role changed meanwhile) is late by one heartbeat at most, never lost.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from app.domain import Role

PUSH_KINDS = frozenset({"consult", "alert", "annotation"})  # annotation: doctors' AI decisions
CLINICAL_READERS = frozenset({Role.SPECIALIST, Role.PATHOLOGIST})


@dataclass(frozen=True)
class Audience:
    """Who a change is for: its kind, the case's organisation, the consult's addressee."""

    kind: str
    org_id: int | None = None
    target_org_id: int | None = None
    target_department: str | None = None
    target_user_id: int | None = None

    def encode(self) -> str:
        parts = (self.kind, self.org_id, self.target_org_id, self.target_user_id)
        head = ",".join("" if p is None else str(p) for p in parts)
        return f"{head},{self.target_department or ''}"[:7000]

    @classmethod
    def decode(cls, payload: str) -> Audience | None:
        try:
            kind, org, t_org, t_user, dept = payload.split(",", 4)
            num = [int(x) if x else None for x in (org, t_org, t_user)]
        except ValueError:
            return None  # an empty payload (wake everyone) or an older node's
        return cls(kind, num[0], num[1], dept or None, num[2])


@dataclass(frozen=True)
class Viewer:
    """What a stream's user is, as far as waking goes."""

    user_id: int
    role: str
    org_id: int
    department: str = ""

    @classmethod
    def of(cls, user) -> Viewer:
        return cls(user.id, user.role, user.org_id, user.department or "")


def may_see(v: Viewer, a: Audience) -> bool:
    """False only when ``change_filter`` surely hides the change from ``v``."""
    if v.role == Role.ADMIN:
        return True
    if v.role == Role.COMMUNITY_DOCTOR:
        return a.org_id is None or a.org_id == v.org_id
    if v.role in CLINICAL_READERS:
        if a.kind != "consult":  # an alert: seen on the cases consulted to them (not known here)
            return True
        if a.target_user_id == v.user_id:
            return True
        return bool(v.department) and (a.target_org_id, a.target_department) == (
            v.org_id,
            v.department,
        )
    return False


class Broker:
    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self._subs: dict[asyncio.Event, Viewer | None] = {}

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop

    def subscribe(self, user=None) -> asyncio.Event:
        """A wake event for a stream of ``user`` (None: woken by every change)."""
        wake = asyncio.Event()
        self._subs[wake] = Viewer.of(user) if user is not None else None
        return wake

    def unsubscribe(self, wake: asyncio.Event) -> None:
        self._subs.pop(wake, None)

    def notify(self, pending: list[tuple[int, Audience]]) -> None:
        """After a commit: wake the streams that may see one of ``pending``."""
        audiences = [a for _seq, a in pending if a.kind in PUSH_KINDS]
        if audiences:
            self.wake(audiences)

    def wake(self, audiences: list[Audience] | None) -> None:
        """Wake the streams that may see one of ``audiences`` (None: every stream)."""
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self._wake, audiences)

    def wake_all(self) -> None:
        """Wake every stream (a logout: the streams of that login see it and end)."""
        self.wake(None)

    def _wake(self, audiences: list[Audience] | None) -> None:
        for wake, viewer in list(self._subs.items()):
            if audiences is None or viewer is None or any(may_see(viewer, a) for a in audiences):
                wake.set()

    @property
    def subscribers(self) -> int:
        return len(self._subs)
