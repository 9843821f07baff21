"""Content-addressed local object store.

Each imported file is stored once under ``objects/ab/cdef...`` named by the
SHA-256 of its bytes; re-importing the same file is a no-op.  Multi-file
objects (a WFDB header and its signal file) are stored as their own blobs and
linked by the database.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from app.fileio import atomic_copy

CHUNK = 1 << 20


def sha256_file(path: str | os.PathLike, state=None) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
            if state is not None:
                state.check()
    return h.hexdigest()


class BlobStore:
    def __init__(self, root: str | os.PathLike) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def path_for(self, digest: str) -> Path:
        return self.root / digest[:2] / digest[2:]

    def __contains__(self, digest: str) -> bool:
        return self.path_for(digest).exists()

    def put_file(self, src: str | os.PathLike, digest: str | None = None, state=None) -> str:
        """Copy ``src`` into the store (atomically) and return its digest."""
        digest = digest or sha256_file(src, state)
        dest = self.path_for(digest)
        if dest.exists():
            return digest
        atomic_copy(src, dest, CHUNK)
        return digest
