"""Case workflow rules on top of ``app.domain``: status paths and urgency."""

from __future__ import annotations

from collections import deque

from app.domain import TRANSITIONS, Priority, Status, TransitionError, check_transition

URGENCIES = ("routine", "urgent", "critical")
URGENCY_PRIORITY = {
    "routine": Priority.ROUTINE,
    "urgent": Priority.URGENT,
    "critical": Priority.CRITICAL,
}


def priority_for(urgency: str) -> Priority:
    return URGENCY_PRIORITY.get(urgency, Priority.ROUTINE)


def status_path(old: Status, new: Status) -> list[Status]:
    """The shortest chain of allowed transitions from ``old`` to ``new``."""
    if old == new:
        return []
    prev: dict[Status, Status] = {}
    todo = deque([old])
    while todo:
        cur = todo.popleft()
        for nxt in sorted(TRANSITIONS[cur]):
            if nxt in prev or nxt == old:
                continue
            prev[nxt] = cur
            if nxt == new:
                path = [nxt]
                while prev[path[-1]] != old:
                    path.append(prev[path[-1]])
                return path[::-1]
            todo.append(nxt)
    raise TransitionError(f"status cannot go from {old.value} to {new.value}")


def move(case, new: Status) -> list[Status]:
    """Walk ``case.status`` to ``new`` through allowed steps (checked one by one)."""
    steps = status_path(Status(case.status), new)
    for step in steps:
        check_transition(Status(case.status), step)
        case.status = step.value
    return steps


CONSULT_TRANSITIONS: dict[str, frozenset[str]] = {
    "sent": frozenset({"accepted", "in_review", "cancelled"}),
    "accepted": frozenset({"in_review", "cancelled"}),
    "in_review": frozenset({"reported", "cancelled"}),
    "reported": frozenset({"in_review"}),  # an amended report reopens the consult
    "cancelled": frozenset(),
}
