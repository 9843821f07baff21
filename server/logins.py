"""Password guessing: per-account and per-address back-off and lockout.

A few failures are free; after that each further failure doubles the wait
before the next attempt is even checked (429 with Retry-After), up to
``max_backoff_s``.  After ``lock_after`` consecutive failures an account is
locked for ``lock_s`` seconds (correct password or not) until it expires or an
admin unlocks it (``POST /admin/users/{id}/unlock``, ``huizhen-server unlock
NAME``).  Account state lives in the ``users`` row, so an unlock from the
command line takes effect at once; user names without an account get the same
treatment in memory, so the answers do not tell which names exist.  Addresses
are counted in memory (a clinic behind one NAT address gets more free tries).
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from server.models import utcnow

MAX_TRACKED = 50_000  # addresses / unknown names remembered (oldest dropped)


@dataclass
class Account:
    """What the guard needs of an account (a ``users`` row, or an unknown name)."""

    failed: int = 0
    last_failed: datetime | None = None
    locked_until: datetime | None = None


@dataclass
class Blocked:
    code: str  # too_many_failures | account_locked
    retry_after: int
    detail: str


class LoginGuard:
    def __init__(
        self,
        free: int = 3,
        lock_after: int = 10,
        lock_s: float = 900.0,
        max_backoff_s: float = 60.0,
        address_free: int = 20,
        forget_s: float = 900.0,
        base_s: float = 1.0,
    ) -> None:
        self.free, self.lock_after, self.lock_s = free, lock_after, lock_s
        self.max_backoff_s, self.address_free, self.forget_s = max_backoff_s, address_free, forget_s
        self.base_s = base_s
        self._lock = threading.Lock()
        self._addresses: dict[str, tuple[int, float]] = {}  # addr -> (failures, monotonic)
        self._unknown: dict[str, Account] = {}

    def backoff_s(self, failures: int, free: int) -> float:
        if failures < free:
            return 0.0
        return min(self.max_backoff_s, self.base_s * 2.0 ** (failures - free))

    def unknown(self, username: str) -> Account:
        with self._lock:
            return self._unknown.get(username.casefold(), Account())

    def check(self, acct: Account, address: str) -> Blocked | None:
        """None when a password may be checked now, else how long to wait."""
        now = utcnow()
        if acct.locked_until and acct.locked_until > now:
            left = (acct.locked_until - now).total_seconds()
            return Blocked(
                "account_locked",
                max(1, math.ceil(left)),
                "this account is locked after too many wrong passwords; "
                "try again later or ask an administrator to unlock it",
            )
        waits = []
        if acct.last_failed is not None:
            since = (now - acct.last_failed).total_seconds()
            waits.append(self.backoff_s(acct.failed, self.free) - since)
        with self._lock:
            failures, last = self._addresses.get(address, (0, 0.0))
        if failures:
            since = time.monotonic() - last
            if since > self.forget_s:
                failures = 0
            waits.append(self.backoff_s(failures, self.address_free) - since)
        wait = max(waits, default=0.0)
        if wait <= 0:
            return None
        return Blocked(
            "too_many_failures",
            max(1, math.ceil(wait)),
            f"too many wrong passwords; wait {math.ceil(wait)} s before trying again",
        )

    def failed(self, acct: Account, address: str) -> bool:
        """Count a failure on ``acct`` (updated in place) and ``address``; True if it locks."""
        now = utcnow()
        if acct.last_failed and (now - acct.last_failed).total_seconds() > self.forget_s:
            acct.failed = 0
        acct.failed += 1
        acct.last_failed = now
        locks = acct.failed >= self.lock_after
        if locks:
            acct.locked_until = now + timedelta(seconds=self.lock_s)
            acct.failed = 0
        with self._lock:
            n, last = self._addresses.pop(address, (0, 0.0))
            if time.monotonic() - last > self.forget_s:
                n = 0
            self._addresses[address] = (n + 1, time.monotonic())
            _trim(self._addresses)
        return locks

    def remember_unknown(self, username: str, acct: Account) -> None:
        with self._lock:
            self._unknown.pop(username.casefold(), None)
            self._unknown[username.casefold()] = acct
            _trim(self._unknown)


def unlock(user) -> None:
    """Clear a ``users`` row's failure count and lockout."""
    user.failed_logins, user.last_failed_at, user.locked_until = 0, None, None


def _trim(d: dict) -> None:
    while len(d) > MAX_TRACKED:
        d.pop(next(iter(d)))
