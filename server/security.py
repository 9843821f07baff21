"""Password hashing and opaque bearer tokens.

Passwords are hashed with Argon2id (argon2-cffi).  Tokens are 256-bit random
strings handed to the client once; the database keeps only their SHA-256, so
a leaked database does not leak usable tokens.  Access tokens are short-lived;
a refresh token buys a new pair and is revoked on use (rotation).

All tokens of one login share a ``family``: logout revokes the family, and a
refresh token presented again after it was rotated (a stolen copy, or the
thief racing the owner) revokes the whole family too.  The event stream takes
a ``stream`` ticket (30 s, one use) minted from an access token, so no live
token ever appears in a URL; the stream ends when that access token does.

Logins verify on ``PasswordChecker``: a few worker threads (one per core) and
a bounded queue, so a login storm neither starves the request threads nor
piles up without limit; beyond the queue it answers 429 with Retry-After.
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import os
import secrets
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.models import Token, User, utcnow

# The OWASP minimum for Argon2id (m=19 MiB, t=2, p=1): a login takes ~20 ms
# of one core, which keeps a regional server responsive while staying far
# above brute-force speed.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
_dummy: list[str] = []  # a hash to verify against for unknown users (same timing)

ACCESS = "access"
REFRESH = "refresh"
STREAM = "stream"
TICKET_TTL_S = 30
PASSWORD_MIN = 10


def password_problem(username: str, password: str) -> str:
    """Why ``password`` may not be set for ``username`` ('' when it may)."""
    if len(password) < PASSWORD_MIN:
        return f"a password needs at least {PASSWORD_MIN} characters"
    if username and username.casefold() in password.casefold():
        return "a password may not contain the user name"
    if len(set(password)) < 4:
        return "a password needs at least 4 different characters"
    return ""


class TokenError(Exception):
    """Invalid or expired token; ``code`` goes into the 401 body."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


class LoginBusy(Exception):
    """Too many logins queued; ``retry_after`` seconds is a fair wait."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many logins at once; retry in {retry_after} s")
        self.retry_after = retry_after


class PasswordChecker:
    """Argon2 verification on ``workers`` threads with at most ``max_pending`` queued.

    ``verify`` is awaited on the event loop (which alone touches ``pending``).
    An unknown user is checked against a dummy hash, so the answer takes as
    long as for a wrong password.
    """

    def __init__(self, workers: int = 0, max_pending: int = 64) -> None:
        self.workers = workers or max(1, min(4, os.cpu_count() or 1))
        self.max_pending = max(1, max_pending)
        self.pending = 0
        self.cost_s = 0.03  # running mean of one verification
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="argon2")

    async def verify(self, stored: str | None, password: str) -> bool:
        if self.pending >= self.max_pending:
            raise LoginBusy(self.retry_after())
        self.pending += 1
        try:
            job = self._pool.submit(self._verify, stored, password)
            return await asyncio.wrap_future(job)
        finally:
            self.pending -= 1

    def retry_after(self) -> int:
        return max(1, math.ceil(self.pending * self.cost_s / self.workers))

    def _verify(self, stored: str | None, password: str) -> bool:
        t0 = time.perf_counter()
        if not _dummy:
            _dummy.append(hash_password(secrets.token_urlsafe(16)))
        ok = verify_password(stored or _dummy[0], password) and bool(stored)
        self.cost_s = 0.8 * self.cost_s + 0.2 * (time.perf_counter() - t0)
        return ok

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_pair(
    s: Session, user: User, access_ttl_s: int, refresh_ttl_s: int, family: str | None = None
) -> dict:
    """A new access + refresh token; ``family`` continues a login (refresh)."""
    now = utcnow()
    family = family or secrets.token_hex(16)
    out = {"token_type": "bearer", "expires_in": access_ttl_s}
    for kind, ttl in ((ACCESS, access_ttl_s), (REFRESH, refresh_ttl_s)):
        raw = secrets.token_urlsafe(32)
        s.add(
            Token(
                token_hash=_digest(raw),
                user_id=user.id,
                kind=kind,
                family=family,
                expires_at=now + timedelta(seconds=ttl),
            )
        )
        out[f"{kind}_token"] = raw
    return out


def issue_ticket(s: Session, access: Token) -> dict:
    """A one-time stream ticket for ``GET /events?ticket=`` bound to ``access``."""
    raw = secrets.token_urlsafe(32)
    expires = min(access.expires_at, utcnow() + timedelta(seconds=TICKET_TTL_S))
    s.add(
        Token(
            token_hash=_digest(raw),
            user_id=access.user_id,
            kind=STREAM,
            family=access.family,
            parent_id=access.id,
            expires_at=expires,
        )
    )
    return {"ticket": raw, "expires_in": TICKET_TTL_S}


def revoke_family(s: Session, family: str) -> int:
    if not family:
        return 0
    toks = list(s.scalars(select(Token).where(Token.family == family, Token.revoked.is_(False))))
    for tok in toks:
        tok.revoked = True
    return len(toks)


def token_alive(s: Session, token_id: int) -> str:
    """'' while the token may be used, else why not (a stream ends then)."""
    tok = s.get(Token, token_id)
    if tok is None or tok.revoked:
        return "signed out"
    if tok.expires_at <= utcnow():
        return "token expired"
    user = s.get(User, tok.user_id)
    if user is None or not user.active:
        return "account deactivated"
    return ""


def resolve(s: Session, raw: str, kind: str = ACCESS) -> tuple[Token, User]:
    """The token row and its active user, or ``TokenError``."""
    tok = s.scalar(select(Token).where(Token.token_hash == _digest(raw)))
    if tok is None or tok.kind != kind:
        raise TokenError("token_invalid", "the token is not valid; log in again")
    if tok.revoked:
        raise TokenError("token_revoked", "the token has been revoked; log in again")
    if tok.expires_at <= utcnow():
        raise TokenError(
            "token_expired",
            "the token has expired; refresh it or log in again"
            if kind == ACCESS
            else "the refresh token has expired; log in again",
        )
    user = s.get(User, tok.user_id)
    if user is None or not user.active:
        raise TokenError("user_inactive", "this account has been deactivated")
    return tok, user


def revoke_user_tokens(s: Session, user_id: int) -> None:
    for tok in s.scalars(select(Token).where(Token.user_id == user_id, Token.revoked.is_(False))):
        tok.revoked = True


def find(s: Session, raw: str) -> Token | None:
    return s.scalar(select(Token).where(Token.token_hash == _digest(raw)))
