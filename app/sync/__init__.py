"""Sync with the regional server, Qt-free.

* ``client.SyncClient`` — the HTTP API with login / refresh (tokens in memory);
* ``outbox`` — local actions (consult requests, reports, alert acks) queued
  persistently with idempotency keys;
* ``push`` / ``pull`` — the outbox out, the change feed in (cursor saved with
  the data);
* ``engine.run_sync_once(store, client, state)`` — one exchange; the UI and
  the tests call it; ``engine.SyncService`` drives it from a thread, woken by
  the SSE listener (``events``) when a consult or alert arrives;
* ``files`` (study downloads), ``links`` (huizhen:// deep links),
  ``conflicts`` (409s kept with both versions).
"""

from app.sync.client import ApiFailure, BadAddress, LoginExpired, Offline, SyncClient, SyncError
from app.sync.engine import SyncReport, SyncService, run_sync_once
from app.sync.status import Snapshot, SyncState, SyncStatus

__all__ = [
    "ApiFailure",
    "BadAddress",
    "LoginExpired",
    "Offline",
    "Snapshot",
    "SyncClient",
    "SyncError",
    "SyncReport",
    "SyncService",
    "SyncState",
    "SyncStatus",
    "run_sync_once",
]
