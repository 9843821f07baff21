"""HTTP client for the regional server API (httpx), Qt-free.

Tokens live in memory only.  A 401 triggers one refresh (rotation) and a
retry; when the refresh fails too the client forgets its tokens and raises
``LoginExpired``.  Every failure becomes one of a few exceptions with a plain
message, so callers can tell "server not reachable" from "wrong address",
"login expired" and a real server error.
"""

from __future__ import annotations

import threading
from typing import Any
from urllib.parse import urlsplit

import httpx

API = "/api/v1"


class SyncError(Exception):
    """Base class; ``str(err)`` is a message fit for the status bar."""


class Offline(SyncError):
    """The server could not be reached (down, no network, connection dropped)."""


class BadAddress(SyncError):
    """The URL is malformed or does not point at a Huizhen server."""


class LoginExpired(SyncError):
    """No valid login: never signed in, or the refresh token was refused."""


class ApiFailure(SyncError):
    """The server answered with an error status."""

    def __init__(self, status: int, body: dict, retry_after: float | None = None) -> None:
        self.status, self.body = status, body
        self.retry_after = retry_after  # seconds the server asked us to wait (429/503)
        self.code = str(body.get("error", ""))
        super().__init__(f"{status} {self.code}: {body.get('detail', '')}".strip())

    @property
    def transient(self) -> bool:
        return self.status >= 500 or self.status in (408, 425, 429)


def retry_after_s(r: httpx.Response) -> float | None:
    """The ``Retry-After`` header in seconds (numeric form), capped at 10 minutes."""
    try:
        value = float(r.headers.get("Retry-After", ""))
    except ValueError:
        return None
    return min(max(value, 0.0), 600.0)


class SyncClient:
    """One signed-in user on one server."""

    def __init__(self, base_url: str, timeout: float = 30.0, transport=None) -> None:
        self._lock = threading.Lock()
        self.access_token = ""
        self.refresh_token = ""
        self.user: dict = {}
        self.organisation: dict | None = None
        self.username = ""
        self.password_change_required = False
        self.timeout = timeout
        self._transport = transport
        self.http: httpx.Client | None = None
        self.set_base_url(base_url)

    # -- configuration -------------------------------------------------------
    def set_base_url(self, base_url: str) -> None:
        self.base_url = (base_url or "").strip().rstrip("/")
        if self.http is not None:
            self.http.close()
        self.http = httpx.Client(timeout=self.timeout, transport=self._transport)

    @property
    def server_label(self) -> str:
        """``host:port`` of the server, as used in deep links."""
        return urlsplit(self.base_url).netloc

    @property
    def signed_in(self) -> bool:
        return bool(self.access_token or self.refresh_token)

    def close(self) -> None:
        if self.http is not None:
            self.http.close()

    def url(self, path: str) -> str:
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise BadAddress(f"not a valid server address: {self.base_url!r}")
        return f"{self.base_url}{API}{path}"

    # -- auth ----------------------------------------------------------------
    def login(self, username: str, password: str, ttl_seconds: int | None = None) -> dict:
        body: dict[str, Any] = {"username": username, "password": password}
        if ttl_seconds:
            body["ttl_seconds"] = ttl_seconds
        r = self._send("POST", "/auth/login", json=body)
        if r.status_code == 401:
            raise LoginExpired("wrong user name or password for the server")
        data = self._json(r)
        self._take(data)
        self.username = username
        # an initial password (an account an admin made) must be changed before any other call
        self.password_change_required = bool(data.get("password_change_required"))
        return data

    def change_password(self, current: str, new: str) -> None:
        """Set a new password (the server ends every other login and hands a fresh one)."""
        try:
            data = self.call(
                "POST", "/auth/password", json={"current_password": current, "new_password": new}
            )
        except ApiFailure as err:
            if err.status == 403:
                raise LoginExpired("the current password is wrong") from None
            raise
        self._take(data)
        self.password_change_required = False

    def logout(self) -> None:
        with self._lock:
            self.access_token = self.refresh_token = ""

    def _take(self, data: dict) -> None:
        with self._lock:
            self.access_token = data["access_token"]
            self.refresh_token = data["refresh_token"]
            self.user = data.get("user") or self.user
            self.organisation = data.get("organisation", self.organisation)

    def refresh(self) -> None:
        with self._lock:
            token = self.refresh_token
        if not token:
            raise LoginExpired("login expired — sign in again")
        r = self._send("POST", "/auth/refresh", json={"refresh_token": token})
        if r.status_code == 401:
            with self._lock:
                if self.refresh_token == token:  # nobody refreshed meanwhile
                    self.access_token = self.refresh_token = ""
            raise LoginExpired("login expired — sign in again")
        self._take(self._json(r))

    # -- requests ------------------------------------------------------------
    def _send(self, method: str, path: str, **kw) -> httpx.Response:
        try:
            return self.http.request(method, self.url(path), **kw)
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as err:
            raise BadAddress(f"not a valid server address: {err}") from None
        except httpx.TimeoutException:
            raise Offline("server not reachable (timed out)") from None
        except httpx.TransportError as err:
            raise Offline(f"server not reachable ({type(err).__name__})") from None

    def _json(self, r: httpx.Response) -> dict:
        try:
            data = r.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            if r.status_code == 404 or r.status_code < 400:
                raise BadAddress(f"{self.base_url} does not answer like a Huizhen server")
            raise ApiFailure(
                r.status_code, {"error": "http", "detail": r.text[:200]}, retry_after_s(r)
            )
        if r.status_code >= 400:
            if r.status_code == 404 and "error" not in data:
                raise BadAddress(f"{self.base_url} does not answer like a Huizhen server")
            raise ApiFailure(r.status_code, data, retry_after_s(r))
        return data

    def _token(self, refreshed: bool) -> str:
        with self._lock:
            token = self.access_token
        if token:
            return token
        if refreshed:
            raise LoginExpired("login expired — sign in again")
        self.refresh()
        return self.access_token

    def _rejected(self, token: str, refreshed: bool) -> None:
        """A 401 with ``token``: refresh once, or give up (tokens forgotten)."""
        if refreshed:
            self.logout()
            raise LoginExpired("login expired — sign in again")
        with self._lock:
            if self.access_token == token:
                self.access_token = ""

    def raw(self, method: str, path: str, headers: dict | None = None, **kw) -> httpx.Response:
        """An authenticated request; refreshes once on 401.  Returns the response."""
        refreshed = False
        while True:
            had = bool(self.access_token)
            token = self._token(refreshed)
            refreshed = refreshed or not had
            auth = {**(headers or {}), "Authorization": f"Bearer {token}"}
            r = self._send(method, path, headers=auth, **kw)
            if r.status_code != 401:
                return r
            self._rejected(token, refreshed)
            self.refresh()
            refreshed = True

    def call(self, method: str, path: str, key: str | None = None, **kw) -> dict:
        """JSON request -> JSON body; ``key`` is sent as the Idempotency-Key."""
        if key:
            kw["headers"] = {"Idempotency-Key": key, **kw.get("headers", {})}
        return self._json(self.raw(method, path, **kw))

    def get(self, path: str, **kw) -> dict:
        return self.call("GET", path, **kw)

    def health(self) -> dict:
        data = self._json(self._send("GET", "/health"))
        if "sequence" not in data:
            raise BadAddress(f"{self.base_url} does not answer like a Huizhen server")
        return data

    def download(self, object_id: int, dest, chunk: int = 1 << 20) -> str:
        """Stream an object's bytes into the open binary file ``dest``; returns the SHA-256
        the server announced.  ``dest`` must be empty (it is truncated on a retry)."""
        refreshed = False
        while True:
            had = bool(self.access_token)
            token = self._token(refreshed)
            refreshed = refreshed or not had
            try:
                with self.http.stream(
                    "GET",
                    self.url(f"/objects/{object_id}/content"),
                    headers={"Authorization": f"Bearer {token}"},
                ) as r:
                    if r.status_code == 401:
                        self._rejected(token, refreshed)
                        self.refresh()
                        refreshed = True
                        continue
                    if r.status_code >= 400:
                        r.read()
                        self._json(r)
                    dest.seek(0)
                    dest.truncate()
                    for part in r.iter_bytes(chunk):
                        dest.write(part)
                    return r.headers.get("x-content-sha256", "")
            except httpx.TransportError as err:
                raise Offline(f"server not reachable ({type(err).__name__})") from None
