"""Embedded file store: content-addressed blobs and resumable upload parts.

Blobs live under ``objects/ab/cdef...`` named by their SHA-256 and are
written by temp-file-then-rename, so a crash never leaves a half blob under
a real name.  An upload in progress is one ``uploads/<id>.part`` file whose
length is the resume offset: bytes are only appended after an fsync'd write
at the offset the client named, so after a dropped connection or a server
crash the client asks for the offset and continues from there.

Finishing an upload moves the part into the blob store; the database row is
written after that.  A crash in between leaves the blob stored but the upload
unrecorded, so before the move a small ``uploads/<id>.done`` note (digest and
size) is written: afterwards the upload reports its full size and finishing
it again finds the blob instead of a missing part.  ``HUIZHEN_SERVER_FAILPOINT
=blob_stored`` makes the process exit right there, ``=slow_chunk`` makes every
chunk write take 0.5 s longer (crash and lock tests only).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections import defaultdict
from pathlib import Path

CHUNK = 1 << 20
FAILPOINT = "HUIZHEN_SERVER_FAILPOINT"
NOTE_MAX_AGE_S = 30 * 86400  # notes of finished uploads are pruned after this


RESERVED = set('<>:"|?*')


def safe_filename(name: str) -> str:
    """A stored file name that names a file and nothing else.

    Upload names are kept for display and downloads only and never build a
    path; still, what is stored has no folders, no NUL or control characters,
    no Windows-reserved characters, and is never ``.``/``..`` or empty.
    """
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join("_" if ch in RESERVED else ch for ch in name if ch >= " " and ch != "\x7f")
    name = name.strip().rstrip(".")
    if name in ("", ".", ".."):
        return "file"
    return name[:255]


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


class FileStore:
    def __init__(self, blob_dir: Path, upload_dir: Path, locker=None) -> None:
        """``locker(name)``: a lock shared by every node (``server.locks``); None:
        this process's own locks (one node)."""
        self.blob_dir, self.upload_dir = Path(blob_dir), Path(upload_dir)
        self.locker = locker
        self.blob_dir.mkdir(parents=True, exist_ok=True)
        self.upload_dir.mkdir(parents=True, exist_ok=True)
        self._locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)
        self.prune_notes()

    def lock(self, upload_id: str):
        """Serialises writers of one upload (two retries of the same chunk, on any node)."""
        if self.locker is not None:
            return self.locker(f"upload:{upload_id}")
        return self._locks[upload_id]

    def blob_path(self, digest: str) -> Path:
        return self.blob_dir / digest[:2] / digest[2:]

    def part_path(self, upload_id: str) -> Path:
        return self.upload_dir / f"{upload_id}.part"

    def note_path(self, upload_id: str) -> Path:
        return self.upload_dir / f"{upload_id}.done"

    def start(self, upload_id: str) -> None:
        self.part_path(upload_id).touch(exist_ok=True)

    def stored(self, upload_id: str) -> tuple[str, int] | None:
        """(digest, size) of an upload already moved into the blob store, else None."""
        try:
            note = json.loads(self.note_path(upload_id).read_text())
            digest, size = str(note["sha256"]), int(note["size"])
        except (FileNotFoundError, ValueError, KeyError, TypeError):
            return None
        return (digest, size) if self.blob_path(digest).exists() else None

    def offset(self, upload_id: str) -> int:
        """Bytes received: the part's length, or the full size once it is a blob."""
        try:
            return self.part_path(upload_id).stat().st_size
        except FileNotFoundError:
            done = self.stored(upload_id)
            return done[1] if done else 0

    def write_chunk(self, upload_id: str, offset: int, data: bytes) -> int:
        """Write ``data`` at ``offset`` (which must equal the current length)."""
        path = self.part_path(upload_id)
        if os.environ.get(FAILPOINT) == "slow_chunk":
            time.sleep(0.5)  # lock tests: two writers would overlap here
        with open(path, "r+b" if path.exists() else "w+b") as f:
            f.seek(offset)
            f.write(data)
            f.truncate()
            f.flush()
            os.fsync(f.fileno())
        return offset + len(data)

    def finish(self, upload_id: str, expected_sha256: str) -> str:
        """Verify a finished part and move it into the blob store.

        On a checksum mismatch the part is emptied (the client starts over)
        and ``ValueError`` is raised with the digest actually received.
        """
        part = self.part_path(upload_id)
        if not part.exists() and (done := self.stored(upload_id)) is not None:
            if done[0] != expected_sha256.lower():
                raise ValueError(done[0])
            return done[0]  # moved before a crash; the blob is there
        digest = sha256_file(part)
        if digest != expected_sha256.lower():
            with open(part, "r+b") as f:
                f.truncate(0)
            raise ValueError(digest)
        self._write_note(upload_id, digest, part.stat().st_size)
        dest = self.blob_path(digest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.exists():
            part.unlink()
        else:
            os.replace(part, dest)
        if os.environ.get(FAILPOINT) == "blob_stored":
            os._exit(75)  # crash tests: stored, not yet recorded
        return digest

    def _write_note(self, upload_id: str, digest: str, size: int) -> None:
        note = self.note_path(upload_id)
        tmp = note.with_name(note.name + ".tmp")
        with open(tmp, "w") as f:
            json.dump({"sha256": digest, "size": size}, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, note)

    def prune_notes(self, max_age_s: float = NOTE_MAX_AGE_S) -> int:
        """Remove old notes of finished uploads (long recorded, or abandoned)."""
        cutoff, n = time.time() - max_age_s, 0
        for note in self.upload_dir.glob("*.done"):
            try:
                if note.stat().st_mtime < cutoff:
                    note.unlink()
                    n += 1
            except FileNotFoundError:
                pass
        return n

    def put_bytes(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        dest = self.blob_path(digest)
        if dest.exists():
            return digest
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".incoming.{os.getpid()}.{digest[:8]}")
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, dest)
        return digest

    def discard(self, upload_id: str) -> None:
        self.part_path(upload_id).unlink(missing_ok=True)
        self.note_path(upload_id).unlink(missing_ok=True)
