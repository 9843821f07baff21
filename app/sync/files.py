"""Study files from the server into their series folders (checked by SHA-256)."""

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
        objs = s.scalars(select(StoredObject).where(StoredObject.study_pk == study_pk))
        return [
            (o.id, o.server_id, o.sha256, o.filename)
            for o in objs
            if o.server_id is not None and not store.object_file(o).exists()
        ]


def download_study(store, client, study_pk: int, state=None) -> int:
    """Download the missing files of a study; returns how many arrived."""
    todo = missing_files(store, study_pk)
    for i, (pk, server_id, digest, name) in enumerate(todo):
        if state is not None:
            state.check()
            state.progress(i / max(len(todo), 1), name)
        with store.read_session() as s:
            dest = store.object_file(s.get(StoredObject, pk))
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
