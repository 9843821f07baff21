"""Annotations that survive a crash: atomic snapshots plus an append-only journal.

``AnnotationDocument`` keeps the features in memory.  Every edit is first
appended as one JSON line to ``<file>.journal`` (flushed, fsynced by
default), then applied.  Every ``snapshot_every`` edits (and on ``save``) the
whole document is written atomically (temp file, fsync, rename) as QuPath
GeoJSON carrying the journal sequence number it includes, and the journal is
emptied.  On open the snapshot is read and the journal entries newer than it
are replayed; a torn last line (the process was killed mid-write) is dropped.
So a kill -9 at any moment loses at most the edit being written.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from app.annotations.geojson import AnnotationError, normalize_feature, parse_geojson, save_geojson
from app.fileio import atomic_write_bytes

META_KEY = "huizhen"


class AnnotationDocument:
    def __init__(
        self, path: str | os.PathLike, snapshot_every: int = 200, fsync: bool = True
    ) -> None:
        self.path = Path(path)
        self.journal_path = self.path.with_name(self.path.name + ".journal")
        self.snapshot_every = max(1, int(snapshot_every))
        self.fsync = fsync
        self.features: dict[str, dict[str, Any]] = {}
        self.seq = 0
        self.replayed = 0  # journal entries recovered on open
        self.dropped_tail = False  # a torn last journal line was dropped on open
        self._since_snapshot = 0
        self._lock = threading.RLock()
        self._fh = None
        self._load()

    # -- open / recover -----------------------------------------------------
    def _load(self) -> None:
        # temp files of snapshots interrupted by a crash (see app.fileio)
        for name in (self.path.name, self.journal_path.name):
            for stale in self.path.parent.glob(f".{name}.*.tmp"):
                stale.unlink(missing_ok=True)
        snap_seq = 0
        if self.path.exists():
            try:
                data = json.loads(self.path.read_text("utf-8"))
            except (OSError, ValueError) as err:
                raise AnnotationError(f"{self.path.name} cannot be read: {err}") from err
            for f in parse_geojson(data).features:
                self.features[f["id"]] = f
            if isinstance(data, dict):
                snap_seq = int((data.get(META_KEY) or {}).get("journal_seq", 0))
        self.seq = snap_seq
        good_end = 0
        if self.journal_path.exists():
            raw = self.journal_path.read_bytes()
            pos = 0
            while pos < len(raw):
                end = raw.find(b"\n", pos)
                if end < 0:
                    break
                try:
                    entry = json.loads(raw[pos:end])
                    seq = int(entry["seq"])
                except (ValueError, KeyError, TypeError):
                    break
                if seq > self.seq:
                    self._apply(entry)
                    self.seq = seq
                    self.replayed += 1
                pos = good_end = end + 1
            if good_end < len(raw):
                self.dropped_tail = True
                with open(self.journal_path, "r+b") as fh:
                    fh.truncate(good_end)
        self._since_snapshot = self.replayed
        self._fh = open(self.journal_path, "ab")  # noqa: SIM115 - kept open for appends

    # -- edits --------------------------------------------------------------
    def _apply(self, entry: dict[str, Any]) -> None:
        op = entry.get("op")
        if op == "put":
            for f in entry["features"]:
                self.features[f["id"]] = f
        elif op == "remove":
            for fid in entry["ids"]:
                self.features.pop(fid, None)
        elif op == "clear":
            self.features.clear()
        else:
            raise ValueError(f"unknown journal op {op!r}")

    def _record(self, entry: dict[str, Any]) -> None:
        with self._lock:
            if self._fh is None:
                raise AnnotationError("annotation document is closed")
            entry = {"seq": self.seq + 1, **entry}
            line = json.dumps(entry, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
            self._fh.write(line.encode("utf-8") + b"\n")
            self._fh.flush()
            if self.fsync:
                os.fsync(self._fh.fileno())
            self.seq += 1
            self._apply(entry)
            self._since_snapshot += 1
            if self._since_snapshot >= self.snapshot_every:
                self.snapshot()

    def put(self, features: Iterable[dict[str, Any]]) -> list[str]:
        """Add or replace features (by id); returns their ids."""
        clean = [normalize_feature(f) for f in features]
        if clean:
            self._record({"op": "put", "features": clean})
        return [f["id"] for f in clean]

    def add(self, feature: dict[str, Any]) -> str:
        return self.put([feature])[0]

    def update(self, feature: dict[str, Any]) -> None:
        if feature.get("id") not in self.features:
            raise KeyError(feature.get("id"))
        self.put([feature])

    def remove(self, ids: Iterable[str]) -> None:
        ids = [i for i in ids if i in self.features]
        if ids:
            self._record({"op": "remove", "ids": ids})

    def clear(self) -> None:
        self._record({"op": "clear"})

    # -- saving -------------------------------------------------------------
    def snapshot(self) -> None:
        """Write the whole document atomically, then empty the journal."""
        with self._lock:
            save_geojson(
                self.path, list(self.features.values()), **{META_KEY: {"journal_seq": self.seq}}
            )
            if self._fh is not None:
                self._fh.close()
            atomic_write_bytes(self.journal_path, b"")
            self._fh = open(self.journal_path, "ab")  # noqa: SIM115
            self._since_snapshot = 0

    save = snapshot

    def close(self) -> None:
        with self._lock:
            if self._fh is None:
                return
            if self._since_snapshot:
                self.snapshot()
            self._fh.close()
            self._fh = None

    def __enter__(self) -> AnnotationDocument:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self.features)

    def by_type(self, object_type: str) -> list[dict[str, Any]]:
        return [
            f for f in self.features.values() if f["properties"].get("objectType") == object_type
        ]
