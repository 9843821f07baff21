"""Where the local store keeps files.

Each series has a folder ``series/<series id>/`` under the data folder; its
files keep their original names there (a WFDB ``.hea`` next to its ``.dat``,
an MRXS index next to its data folder), so multi-file formats reopen.  The
SHA-256 of each file is kept in the database: it identifies content, so a
re-import is a no-op.

``BlobStore`` is the older content-addressed layout (``objects/ab/cdef...``),
kept so stores from before the series level can be moved over.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path, PurePosixPath

from app.fileio import atomic_copy

CHUNK = 1 << 20
_UNSAFE = re.compile(r'[\x00-\x1f<>:"|?*\\]')
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(10)}


def sha256_file(path: str | os.PathLike, state=None) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
            if state is not None:
                state.check()
    return h.hexdigest()


def safe_relname(name: str) -> str:
    """A relative POSIX name that stays inside its folder on every system.

    Keeps sub-folders (``slide/Data0000.dat``) and drops anything that could
    climb out (``..``, drive letters, absolute paths) or that Windows refuses.
    """
    parts = []
    for part in PurePosixPath(str(name).replace("\\", "/")).parts:
        part = _UNSAFE.sub("_", part).strip(" .")
        if not part or part in ("/", "..", "."):
            continue
        if part.split(".")[0].lower() in _RESERVED:
            part = "_" + part
        parts.append(part[:120])
    return "/".join(parts) or "file"


class SeriesFiles:
    """Files of each series under ``<data>/series/<id>/`` with their original names."""

    def __init__(self, data_dir: str | os.PathLike) -> None:
        self.data_dir = Path(data_dir)

    def folder(self, series_pk: int) -> Path:
        return self.data_dir / "series" / str(int(series_pk))

    def relpath(self, series_pk: int, name: str, taken: set[str]) -> str:
        """``series/<id>/<name>``, renamed ``name-2`` when another file has it."""
        name = safe_relname(name)
        base = f"series/{int(series_pk)}/"
        cand, n = name, 1
        while (base + cand).lower() in taken or (self.data_dir / (base + cand)).exists():
            n += 1
            stem, dot, ext = name.rpartition(".")
            cand = f"{stem}-{n}.{ext}" if dot and stem else f"{name}-{n}"
        taken.add((base + cand).lower())
        return base + cand

    def abspath(self, relpath: str) -> Path:
        return self.data_dir.joinpath(*PurePosixPath(relpath).parts)

    def put(self, src: str | os.PathLike, relpath: str) -> Path:
        dest = self.abspath(relpath)
        atomic_copy(src, dest, CHUNK)
        return dest


class BlobStore:
    """The content-addressed layout of stores from before the series level."""

    def __init__(self, root: str | os.PathLike) -> None:
        self.root = Path(root)

    def path_for(self, digest: str) -> Path:
        return self.root / digest[:2] / digest[2:]

    def __contains__(self, digest: str) -> bool:
        return self.path_for(digest).exists()
