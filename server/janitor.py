"""Retention: what the server prunes, at start and then every hour.

* idempotency keys older than ``idempotency_keep_s``;
* uploads never completed within ``upload_keep_s`` (the row, its ``.part``
  and ``.done`` files), and ``.part`` files no upload row knows;
* ``preread-*`` temporary folders a crashed pre-read left behind;
* audit rows older than ``audit_keep_days`` (0 keeps them forever);
* wrong-password counts (``login_failures``) long past their back-off and lockout.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from server.config import Settings
from server.files import FileStore
from server.logins import prune
from server.models import AuditEntry, IdempotencyKey, Upload, utcnow

log = logging.getLogger("huizhen.server.janitor")
PREREAD_STALE_S = 6 * 3600  # a pre-read never runs this long: its folder is left over


class Janitor:
    def __init__(
        self, sessions: sessionmaker[Session], files: FileStore, settings: Settings,
        every_s: float = 3600.0, tmp_dir: Path | None = None,
    ) -> None:  # fmt: skip
        self.sessions, self.files, self.settings = sessions, files, settings
        self.every_s = every_s
        self.tmp_dir = Path(tmp_dir or tempfile.gettempdir())
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="janitor", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        while True:
            try:
                if counts := {k: v for k, v in self.run_once().items() if v}:
                    log.info("pruned %s", counts)
            except Exception:
                log.exception("pruning failed")
            if self._stop.wait(self.every_s):
                return

    def run_once(self) -> dict[str, int]:
        st, now = self.settings, utcnow()
        out = {"idempotency_keys": 0, "uploads": 0, "part_files": 0, "preread_dirs": 0, "audit": 0,
               "login_failures": 0}  # fmt: skip
        with self.sessions() as s:
            cut = now - timedelta(seconds=st.idempotency_keep_s)
            out["idempotency_keys"] = s.execute(
                delete(IdempotencyKey).where(IdempotencyKey.created_at < cut)
            ).rowcount
            cut = now - timedelta(seconds=st.upload_keep_s)
            stale = list(
                s.scalars(
                    select(Upload.id).where(Upload.object_id.is_(None), Upload.created_at < cut)
                )
            )
            if stale:
                s.execute(delete(Upload).where(Upload.id.in_(stale)))
            # wrong-password counts long past their back-off and lockout
            out["login_failures"] = prune(s, now - timedelta(seconds=2 * max(st.login_lock_s, 900)))
            if st.audit_keep_days > 0:
                cut = now - timedelta(days=st.audit_keep_days)
                out["audit"] = s.execute(delete(AuditEntry).where(AuditEntry.at < cut)).rowcount
            s.commit()
            known = set(s.scalars(select(Upload.id).where(Upload.object_id.is_(None))))
        for upload_id in stale:
            self.files.discard(upload_id)
        out["uploads"] = len(stale)
        out["part_files"] = self._orphan_parts(known, st.upload_keep_s)
        out["preread_dirs"] = self._preread_dirs()
        return out

    def _orphan_parts(self, known: set[str], keep_s: float) -> int:
        n, cutoff = 0, time.time() - keep_s
        for part in self.files.upload_dir.glob("*.part"):
            try:
                if part.stem not in known and part.stat().st_mtime < cutoff:
                    part.unlink()
                    n += 1
            except FileNotFoundError:
                pass
        return n

    def _preread_dirs(self) -> int:
        n, cutoff = 0, time.time() - PREREAD_STALE_S
        for d in self.tmp_dir.glob("preread-*"):
            try:
                if d.is_dir() and d.stat().st_mtime < cutoff:
                    shutil.rmtree(d, ignore_errors=True)
                    n += 1
            except OSError:
                pass
        return n
