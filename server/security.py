"""Password hashing and opaque bearer tokens.

Passwords are hashed with Argon2id (argon2-cffi).  Tokens are 256-bit random
strings handed to the client once; the database keeps only their SHA-256, so
a leaked database does not leak usable tokens.  Access tokens are short-lived;
a refresh token buys a new pair and is revoked on use (rotation).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.models import Token, User, utcnow

# Modest cost: a login takes ~20 ms on one core, which keeps tests and a
# regional server responsive while staying far above brute-force speed.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)

ACCESS = "access"
REFRESH = "refresh"


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


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_pair(s: Session, user: User, access_ttl_s: int, refresh_ttl_s: int) -> dict:
    now = utcnow()
    out = {"token_type": "bearer", "expires_in": access_ttl_s}
    for kind, ttl in ((ACCESS, access_ttl_s), (REFRESH, refresh_ttl_s)):
        raw = secrets.token_urlsafe(32)
        s.add(
            Token(
                token_hash=_digest(raw),
                user_id=user.id,
                kind=kind,
                expires_at=now + timedelta(seconds=ttl),
            )
        )
        out[f"{kind}_token"] = raw
    return out


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


def revoke(s: Session, raw: str) -> None:
    tok = s.scalar(select(Token).where(Token.token_hash == _digest(raw)))
    if tok is not None:
        tok.revoked = True
