"""Password guessing: per-account and per-address back-off and lockout.

A few failures are free; after that each further failure doubles the wait
before the next attempt is even checked (429 with Retry-After), up to
``max_backoff_s``.  After ``lock_after`` consecutive failures an account is
locked for ``lock_s`` seconds (correct password or not) until it expires or an
admin unlocks it (``POST /admin/users/{id}/unlock``, ``huizhen-server unlock
NAME``).  Account state lives in the ``users`` row, so an unlock from the
command line takes effect at once; user names without an account get the same
treatment (``login_failures`` rows), so the answers do not tell which names
exist.  Addresses are counted in ``login_failures`` too (a clinic behind one NAT
address gets more free tries): every node sees every failure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, delete, or_
from sqlalchemy.orm import Session

from server.models import LoginFailure, utcnow


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
    """The rules; the counts of addresses and unknown names are ``login_failures`` rows
    (shared by every node), read and written in the caller's session."""

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

    def backoff_s(self, failures: int, free: int) -> float:
        if failures < free:
            return 0.0
        return min(self.max_backoff_s, self.base_s * 2.0 ** (failures - free))

    def unknown(self, s: Session, username: str) -> Account:
        row = s.get(LoginFailure, _name_key(username))
        if row is None:
            return Account()
        return Account(row.failures, row.last_at, row.locked_until)

    def address(self, s: Session, address: str) -> tuple[int, datetime | None]:
        """(failures, last failure) of ``address``."""
        row = s.get(LoginFailure, _addr_key(address))
        return (row.failures, row.last_at) if row is not None else (0, None)

    def check(self, acct: Account, addr: tuple[int, datetime | None]) -> Blocked | None:
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
        failures, last = addr
        if failures and last is not None:
            since = (now - last).total_seconds()
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

    def failed(self, s: Session, acct: Account, address: str) -> bool:
        """Count a failure on ``acct`` (updated in place) and ``address`` (its row, in
        ``s``); True if it locks the account."""
        now = utcnow()
        if acct.last_failed and (now - acct.last_failed).total_seconds() > self.forget_s:
            acct.failed = 0
        acct.failed += 1
        acct.last_failed = now
        locks = acct.failed >= self.lock_after
        if locks:
            acct.locked_until = now + timedelta(seconds=self.lock_s)
            acct.failed = 0
        stale = now - timedelta(seconds=self.forget_s)
        table = LoginFailure.__table__
        counted = case((table.c.last_at < stale, 1), else_=table.c.failures + 1)
        _upsert(s, _addr_key(address), {"failures": 1, "last_at": now}, {"failures": counted})
        return locks

    def remember_unknown(self, s: Session, username: str, acct: Account) -> None:
        values = {"failures": acct.failed, "last_at": acct.last_failed or utcnow(),
                  "locked_until": acct.locked_until}  # fmt: skip
        _upsert(s, _name_key(username), values, {})


def _addr_key(address: str) -> str:
    return f"addr:{address}"[:200]


def _name_key(username: str) -> str:
    return f"name:{username.casefold()}"[:200]


def _upsert(s: Session, key: str, values: dict, on_conflict: dict) -> None:
    """Insert the row ``key`` or update it (``on_conflict`` overrides ``values``), in
    one statement: two nodes counting one address at once both count."""
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(LoginFailure).values(key=key, **values)
    update = {k: stmt.excluded[k] for k in values} | on_conflict
    s.execute(stmt.on_conflict_do_update(index_elements=["key"], set_=update))


def prune(s: Session, older_than: datetime) -> int:
    """Remove counts last touched before ``older_than`` that lock nothing (caller commits)."""
    now = utcnow()
    stmt = delete(LoginFailure).where(
        LoginFailure.last_at < older_than,
        or_(LoginFailure.locked_until.is_(None), LoginFailure.locked_until < now),
    )
    return s.execute(stmt).rowcount


def unlock(user) -> None:
    """Clear a ``users`` row's failure count and lockout."""
    user.failed_logins, user.last_failed_at, user.locked_until = 0, None, None
