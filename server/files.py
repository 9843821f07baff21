"""Embedded file store: content-addressed blobs and resumable upload parts.

Blobs live under ``objects/ab/cdef...`` named by their SHA-256 and are
written by temp-file-then-rename, so a crash never leaves a half blob under
a real name.  An upload in progress is one ``uploads/<id>.part`` file whose
length is the resume offset: bytes are only appended after an fsync'd write
at the offset the client named, so after a dropped connection or a server
crash the client asks for the offset and continues from there.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import defaultdict
from pathlib import Path

CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


class FileStore:
    def __init__(self, blob_dir: Path, upload_dir: Path) -> None:
        self.blob_dir, self.upload_dir = Path(blob_dir), Path(upload_dir)
        self.blob_dir.mkdir(parents=True, exist_ok=True)
        self.upload_dir.mkdir(parents=True, exist_ok=True)
        self._locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)

    def lock(self, upload_id: str) -> threading.Lock:
        """Serialises writers of one upload (two retries of the same chunk)."""
        return self._locks[upload_id]

    def blob_path(self, digest: str) -> Path:
        return self.blob_dir / digest[:2] / digest[2:]

    def part_path(self, upload_id: str) -> Path:
        return self.upload_dir / f"{upload_id}.part"

    def start(self, upload_id: str) -> None:
        self.part_path(upload_id).touch(exist_ok=True)

    def offset(self, upload_id: str) -> int:
        try:
            return self.part_path(upload_id).stat().st_size
        except FileNotFoundError:
            return 0

    def write_chunk(self, upload_id: str, offset: int, data: bytes) -> int:
        """Write ``data`` at ``offset`` (which must equal the current length)."""
        path = self.part_path(upload_id)
        with open(path, "r+b") as f:
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
        digest = sha256_file(part)
        if digest != expected_sha256.lower():
            with open(part, "r+b") as f:
                f.truncate(0)
            raise ValueError(digest)
        dest = self.blob_path(digest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.exists():
            part.unlink()
        else:
            os.replace(part, dest)
        return digest

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
