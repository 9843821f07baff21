"""The files of one record on the server, for the pre-read.

The server keeps files by hash; a multi-file record (a WFDB ``.hea`` with its
``.dat`` and ``.atr``) only opens when the analyzer finds the companions beside
the header under their original names.  The record of an object is the case's
objects sharing its file stem (case-insensitive) plus the files a WFDB header
names; the header is the record's head, the object the analysis runs on.
Files are hard-linked (or copied on another file system), never symlinked:
Windows servers cannot make symlinks.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePath

HEADS = (".hea",)  # suffixes of a record's main file (its header)


@dataclass(frozen=True)
class RecordFile:
    object_id: int
    filename: str
    sha256: str
    preread_state: str = ""


def _stem(name: str) -> str:
    return PurePath(name).stem.lower()


def head_of(obj: RecordFile, others: list[RecordFile]) -> RecordFile:
    """The record's main file: ``obj`` itself when it is a header or has no
    header of its stem in the case, else that header."""
    if PurePath(obj.filename).suffix.lower() in HEADS:
        return obj
    stem = _stem(obj.filename)
    heads = [o for o in others if PurePath(o.filename).suffix.lower() in HEADS]
    return next((o for o in heads if _stem(o.filename) == stem), obj)


def companions(head: RecordFile, others: list[RecordFile]) -> list[RecordFile]:
    """The case's other files of ``head``'s record: the same stem, or named in
    the header (read later by ``link_record``); one file per name."""
    stem, seen, out = _stem(head.filename), {head.filename.lower()}, []
    for o in others:
        if o.object_id != head.object_id and o.filename.lower() not in seen:
            seen.add(o.filename.lower())
            out.append(o)
    same = [o for o in out if _stem(o.filename) == stem]
    if PurePath(head.filename).suffix.lower() not in HEADS:
        return same  # not a header: nothing else can belong to it
    return same + [o for o in out if o not in same]


def _link(blob: Path, target: Path) -> None:
    try:  # a hard link costs nothing
        os.link(blob, target)
    except OSError:  # another file system
        shutil.copyfile(blob, target)


def _named_by_header(hea: Path) -> set[str]:
    try:
        from app.ecg.readers.wfdb_ecg import data_files

        return {p.name.lower() for p in data_files(hea)}
    except Exception:  # a damaged header: the reader will say so
        return set()


def link_record(folder: Path, main: tuple[Path, str], others: list[tuple[Path, str]]) -> Path:
    """Link the main file and its companions into ``folder`` under their original
    names (``others``: same-stem files first, then any file the header names);
    returns the main file's path there."""
    blob, name = main
    path = folder / (os.path.basename(name) or "object")
    _link(blob, path)
    stem = _stem(path.name)
    wanted = _named_by_header(path) if path.suffix.lower() in HEADS else set()
    for _round in range(2):  # a multi-segment record: segment headers name more files
        for other_blob, other_name in others:
            target = folder / (os.path.basename(other_name) or "object")
            if target.exists() or not (_stem(target.name) == stem or target.name.lower() in wanted):
                continue
            _link(other_blob, target)
            if target.suffix.lower() in HEADS:
                wanted |= _named_by_header(target)
    return path
