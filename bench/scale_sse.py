"""SSE fan-out cost on one node (used by bench/scale.py): what each open event
stream costs the node when consults and alerts change.

Every push change wakes every stream (on every node, through NOTIFY) and each
woken stream re-reads the changes feed with its own visibility filter.  This
creates ``alerts`` alerts one after another with no stream open, then again with
``streams`` streams open (spread over the clinics' logins, so most streams wake
for a change they may not see), and divides the node's extra CPU by the stream
wakes.  SYNTHETIC data only.
"""

from __future__ import annotations

import asyncio
import threading
import time

import httpx


def _alerts(client: httpx.Client, case_id: int, n: int) -> float:
    """Create ``n`` alerts (one at a time); the wall seconds taken."""
    t = time.monotonic()
    for i in range(n):
        r = client.post(f"/cases/{case_id}/alerts", json={"message": f"DEMO fan-out {i}"})
        r.raise_for_status()
    return time.monotonic() - t


class Streams:
    """``n`` SSE streams held open on an asyncio loop in a thread."""

    def __init__(self, url: str, tokens: list[str], n: int) -> None:
        self.url, self.tokens, self.n = url, tokens, n
        self.connected = 0
        self.events = 0
        self.ready, self._stop = threading.Event(), None
        self._thread = threading.Thread(target=asyncio.run, args=(self._main(),), daemon=True)

    def __enter__(self) -> Streams:
        self._thread.start()
        if not self.ready.wait(120):
            raise RuntimeError(f"only {self.connected} of {self.n} streams connected")
        return self

    def __exit__(self, *exc) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(30)

    async def _main(self) -> None:
        self._loop, self._stop = asyncio.get_running_loop(), asyncio.Event()
        limits = httpx.Limits(max_connections=self.n + 10)
        async with httpx.AsyncClient(
            base_url=f"{self.url}/api/v1", timeout=None, limits=limits
        ) as c:
            tasks = [
                asyncio.create_task(self._one(c, self.tokens[i % len(self.tokens)]))
                for i in range(self.n)
            ]
            await self._stop.wait()
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _one(self, client: httpx.AsyncClient, token: str) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        async with client.stream("GET", "/events", headers=headers) as r:
            async for line in r.aiter_lines():
                if line.startswith(": connected"):
                    self.connected += 1
                    if self.connected == self.n:
                        self.ready.set()
                elif line.startswith("data:"):
                    self.events += 1


def fanout(url: str, clients: list[httpx.Client], streams: int, alerts: int, cpu) -> dict:
    """``cpu()``: the node's CPU seconds so far.  Returns ms of node CPU per stream wake."""
    tokens = [c.headers["Authorization"].removeprefix("Bearer ") for c in clients]
    body = {"patient": {"id": "DEMO-FANOUT", "name": "DEMO"}, "modality": "OT"}
    case = clients[0].post("/cases", json=body)
    case.raise_for_status()
    case_id = case.json()["id"]
    c0 = cpu()
    _alerts(clients[0], case_id, alerts)
    alone = cpu() - c0
    with Streams(url, tokens, streams) as s:
        time.sleep(1.0)
        c1 = cpu()
        _alerts(clients[0], case_id, alerts)
        time.sleep(2.0)  # the last wakes are served
        held = cpu() - c1  # idle streams cost a keep-alive line per heartbeat only
        seen = s.events
    extra = max(0.0, held - alone)
    return {
        "streams": streams,
        "alerts": alerts,
        "ms per alert alone": alone / alerts * 1000,
        "ms per stream wake": extra / (alerts * streams) * 1000,
        "ms per event delivered": extra / max(1, seen) * 1000,
        "events delivered": seen,
    }
