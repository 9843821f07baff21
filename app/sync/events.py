"""Listener of the server's Server-Sent Events (``GET /api/v1/events``).

It carries no data into the store: each event (a new or changed consult or
alert) only wakes the sync loop, which pulls the change feed, so the push and
pull paths cannot disagree.  When the stream is down the loop keeps polling;
the listener reconnects with back-off.  It authenticates with a one-time
stream ticket (``POST /auth/stream-ticket``), never with a token in the URL.  ``stop()`` shuts the socket down so a
blocked read returns at once.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from collections.abc import Callable

import httpx

from app.sync.client import LoginExpired

log = logging.getLogger(__name__)
READ_TIMEOUT_S = 90.0  # several server heartbeats: a silent stream is a dead one


class EventListener:
    def __init__(self, client, on_event: Callable[[], None],
                 on_state: Callable[[bool], None] | None = None) -> None:  # fmt: skip
        self.client = client
        self.on_event = on_event
        self.on_state = on_state or (lambda _c: None)
        self._stop = threading.Event()
        self._kick = threading.Event()
        self._thread: threading.Thread | None = None
        self._response: httpx.Response | None = None
        self._lock = threading.Lock()
        self.connected = False
        self.events = 0

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="huizhen-sse", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._kick.set()
        self._shutdown_socket()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def reconnect(self) -> None:
        """Drop the current stream (e.g. after signing in as someone else)."""
        self._kick.set()
        self._shutdown_socket()

    def _shutdown_socket(self) -> None:
        with self._lock:
            r = self._response
        if r is None:
            return
        stream = r.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def _set_connected(self, value: bool) -> None:
        if value != self.connected:
            self.connected = value
            self.on_state(value)

    def _loop(self) -> None:
        delay = 1.0
        with httpx.Client(timeout=httpx.Timeout(10.0, read=READ_TIMEOUT_S)) as http:
            while not self._stop.is_set():
                self._kick.clear()
                if not self.client.signed_in:
                    self._kick.wait(2.0)
                    continue
                try:
                    self._listen(http)
                    delay = 1.0
                except LoginExpired:
                    delay = 5.0
                except Exception as err:  # down, refused, reset: retry later, keep polling
                    log.debug("event stream: %s", err)
                    delay = min(delay * 2, 30.0)
                self._set_connected(False)
                if not self._stop.is_set():
                    self._kick.wait(delay)

    def _listen(self, http: httpx.Client) -> None:
        # A one-time ticket (30 s) instead of the token: no live token in a URL.
        # The stream ends (event: end) at logout and when the access token expires;
        # the loop then reconnects with a fresh ticket (refreshing the token if due).
        ticket = self.client.call("POST", "/auth/stream-ticket")["ticket"]
        headers = {"Accept": "text/event-stream"}
        url = self.client.url("/events")
        with http.stream("GET", url, params={"ticket": ticket}, headers=headers) as r:
            if r.status_code == 401:
                return
            if r.status_code != 200:
                raise RuntimeError(f"event stream refused: {r.status_code}")
            with self._lock:
                self._response = r
            try:
                if self._stop.is_set() or self._kick.is_set():
                    return
                self._set_connected(True)
                self.on_event()  # catch up on what happened while we were away
                pending = False
                for line in r.iter_lines():
                    if self._stop.is_set():
                        return
                    if line.startswith("data:"):
                        pending = True
                    elif line == "" and pending:
                        pending = False
                        self.events += 1
                        self.on_event()
                    elif line.startswith("event: end"):
                        return
            finally:
                with self._lock:
                    self._response = None
