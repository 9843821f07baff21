"""Consistent replacements for one export: UIDs, patient ids, names."""

from __future__ import annotations

import hashlib
import hmac
import secrets


class Pseudonyms:
    """Keyed with a random secret per export (not reversible without it)."""

    def __init__(self, secret: bytes | None = None) -> None:
        self.secret = secret or secrets.token_bytes(32)
        self.seen: dict[str, str] = {}  # original -> replacement (for scrubbing text)

    def _digest(self, kind: str, value: str) -> bytes:
        return hmac.new(self.secret, f"{kind}\0{value}".encode(), hashlib.sha256).digest()

    def uid(self, value: str) -> str:
        """A new DICOM UID (2.25.<128-bit integer>) for ``value``."""
        if not value:
            return value
        out = "2.25." + str(int.from_bytes(self._digest("uid", value)[:16], "big"))
        self.seen[value] = out
        return out

    def patient_id(self, value: str) -> str:
        out = "ANON-" + self._digest("pid", value).hex()[:10].upper() if value else ""
        if value:
            self.seen[value] = out
        return out

    def identifier(self, value: str) -> str:
        out = self._digest("id", value).hex()[:16] if value else ""
        if value:
            self.seen[value] = out
        return out

    def remember(self, value: str, replacement: str) -> None:
        """A value (a name, a birth date) that must not appear in any exported text."""
        if value and value.strip():
            self.seen[value.strip()] = replacement
