"""Study files from the server into the local blob store (checked by SHA-256)."""

from __future__ import annotations

import hashlib
import os
import tempfile

from sqlalchemy import select

from app.models import StoredObject
from app.sync.client import SyncError


class ChecksumMismatch(SyncError):
    pass


def missing_files(store, study_pk: int) -> list[tuple[int, int, str, str]]:
    """(object pk, server object id, sha256, filename) of files not here yet."""
    with store.read_session() as s:
        q = select(
            StoredObject.id, StoredObject.server_id, StoredObject.sha256, StoredObject.filename
        ).where(StoredObject.study_pk == study_pk)
        rows = list(s.execute(q))
    return [tuple(r) for r in rows if r[1] is not None and r[2] not in store.blobs]


def download_study(store, client, study_pk: int, state=None) -> int:
    """Download the missing files of a study; returns how many arrived."""
    todo = missing_files(store, study_pk)
    for i, (_pk, server_id, digest, name) in enumerate(todo):
        if state is not None:
            state.check()
            state.progress(i / max(len(todo), 1), name)
        dest = store.blobs.path_for(digest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".download.", dir=dest.parent)
        try:
            with os.fdopen(fd, "w+b") as f:
                client.download(server_id, f)
                f.flush()
                os.fsync(f.fileno())
                f.seek(0)
                h = hashlib.sha256()
                while chunk := f.read(1 << 20):
                    h.update(chunk)
            if h.hexdigest() != digest:
                raise ChecksumMismatch(f"{name}: the downloaded bytes do not match; try again")
            os.replace(tmp, dest)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    if state is not None:
        state.progress(1.0, "")
    return len(todo)
