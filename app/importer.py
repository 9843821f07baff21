"""Import files into the local store.

``run_import(store, paths, state)`` expands folders and lets the reader
registries recognise each file (highest confidence wins).  A reader names the
companions of what it recognised (a WFDB ``.hea`` its ``.dat`` and ``.atr``,
an MRXS index its data folder), so companions are never reported on their
own.  Records of one DICOM series are grouped into one series.  Each record
is stored with its original file names in its series folder, with patient /
study / series rows, in one transaction per series, and reported in one line.

Nothing a file does stops the import: every file ends imported, skipped as a
duplicate or failed with a reason (whatever a reader raises is caught at the
file).  Re-importing is a no-op: content is identified by its SHA-256.
"""

from __future__ import annotations

import enum
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from app.importer_store import find_duplicate, store_records
from app.readers import ReadError, ReadReason, best_reader
from app.readers.base import Reader, StudyMeta

log = logging.getLogger(__name__)
OBJECT_READER = "dicom-object"  # app.readers.dicom_objects: SEG/SR/PR/KO kept with their study
# DICOMDIR: the index of a CD/DVD (PS3.10); its images are imported from their own files
SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini", "DICOMDIR"}


class Outcome(enum.StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    UNSUPPORTED = "unsupported"


@dataclass
class ImportEntry:
    path: str
    outcome: Outcome
    reason: str = ""
    modality: str = ""
    study_pk: int | None = None
    reader: str = ""
    kind: str = ""  # ReadError.kind for failures: the UI explains it in the user's language
    files: int = 1  # files of the record or series this line stands for
    # ReadError.reason for failures (a coded ReadReason the UI translates; ``reason`` is
    # the English message logs and the CLI show)
    why: ReadReason | None = None


@dataclass
class ImportReport:
    entries: list[ImportEntry] = field(default_factory=list)
    cancelled: bool = False

    def count(self, outcome: Outcome) -> int:
        return sum(1 for e in self.entries if e.outcome is outcome)

    @property
    def study_pks(self) -> list[int]:
        return sorted({e.study_pk for e in self.entries if e.study_pk is not None})

    @property
    def new_study_pks(self) -> list[int]:
        """Studies that received new images in this import (the ones to pre-read); a SEG /
        SR / PR / KO object added to a study is no new image for the AI."""
        return sorted(
            {
                e.study_pk
                for e in self.entries
                if e.outcome is Outcome.IMPORTED and e.study_pk and e.reader != OBJECT_READER
            }
        )

    @property
    def problems(self) -> list[ImportEntry]:
        return [e for e in self.entries if e.outcome in (Outcome.FAILED, Outcome.UNSUPPORTED)]


@dataclass
class Record:
    """One recognised object: its main file first, then its companions."""

    reader: Reader
    meta: StudyMeta
    files: list[Path]
    names: list[str]  # original names relative to the main file's folder
    digests: list[str] = field(default_factory=list)


def expand(paths: list[str | os.PathLike]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file()))
        elif p.name.upper() == "DICOMDIR" and p.is_file():
            out.extend(_dicomdir(p))
        else:
            out.append(p)
    unique = {_key(p): p for p in reversed(out)}  # a file named twice (folder + DICOMDIR) once
    out = [p for p in out if unique.get(_key(p)) is p]
    return [p for p in out if p.name not in SKIP_NAMES and not p.name.endswith(".json")]


def _dicomdir(path: Path) -> list[Path]:
    """The files a CD index names; every file beside it when the index cannot be read."""
    from app.imaging.files import dicomdir_files

    try:
        files, _missing = dicomdir_files(path)  # missing ones are simply not there to import
    except ReadError as err:
        log.warning("%s: %s; importing every file beside it", path, err)
        return sorted(f for f in path.parent.rglob("*") if f.is_file())
    return files


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def failure(path: Path, err: BaseException) -> ImportEntry:
    """An import line for anything a reader or the file system raised."""
    if isinstance(err, ReadError):
        return ImportEntry(str(path), Outcome.FAILED, str(err), kind=err.kind, why=err.reason)
    if isinstance(err, OSError):
        reason = f"cannot read file: {err.strerror or err}"
        return ImportEntry(str(path), Outcome.FAILED, reason, kind="unreadable")
    log.info("import of %s failed: %r", path, err)
    reason = f"the file could not be read ({type(err).__name__}: {err})"[:500]
    return ImportEntry(str(path), Outcome.FAILED, reason, kind="corrupt")


def recognise(path: Path) -> Record | ImportEntry:
    if not path.exists():
        why = ReadReason("file_missing", name=path.name)
        return ImportEntry(str(path), Outcome.FAILED, "file not found", kind="missing", why=why)
    if path.stat().st_size == 0:
        why = ReadReason("file_empty", name=path.name)
        return ImportEntry(str(path), Outcome.FAILED, "file is empty", kind="empty", why=why)
    found = best_reader(path)
    if found is None:
        return ImportEntry(
            str(path), Outcome.UNSUPPORTED, "not a format Huizhen can read", kind="unsupported"
        )
    reader = found[1]
    meta = reader.read_meta(path)
    files, names = [path], [path.name]
    for c in meta.companions:
        c = Path(c)
        if _key(c) == _key(path) or not c.is_file():
            continue
        try:
            names.append(c.relative_to(path.parent).as_posix())
        except ValueError:
            names.append(c.name)
        files.append(c)
    return Record(reader, meta, files, names)


def recognise_all(files: list[Path], report: ImportReport, state=None) -> list[Record]:
    """Recognise every file; failures go to ``report``; companions are claimed."""
    records: list[Record] = []
    pending: list[ImportEntry] = []
    claimed: set[Path] = set()
    for i, path in enumerate(files):
        if state is not None:
            state.check()
            state.progress(0.5 * i / max(len(files), 1), path.name)
        if _key(path) in claimed:
            continue
        try:
            found = recognise(path)
        except Exception as err:
            if type(err).__name__ == "Cancelled":
                raise
            found = failure(path, err)
        if isinstance(found, Record):
            claimed.update(_key(f) for f in found.files[1:])
            records.append(found)
        else:
            pending.append(found)
    # a companion seen before the file that names it (100.atr before 100.hea) is not a problem
    report.entries.extend(collapse([e for e in pending if _key(Path(e.path)) not in claimed]))
    return [r for r in records if _key(r.files[0]) not in claimed]


def collapse(entries: list[ImportEntry]) -> list[ImportEntry]:
    """Files of one folder failing for the same reason (a series of an unsupported
    modality) are reported in one line."""
    out: list[ImportEntry] = []
    same: dict[tuple, ImportEntry] = {}
    for e in entries:
        key = (str(Path(e.path).parent), e.outcome, e.kind, e.reason)
        if key in same:
            same[key].files += 1
            continue
        same[key] = e
        out.append(e)
    return out


def group(records: list[Record]) -> list[list[Record]]:
    """Records of one DICOM series together, every other record on its own."""
    groups: dict[object, list[Record]] = {}
    for n, rec in enumerate(records):
        series_uid = str(rec.meta.extra.get("series_uid") or "")
        if rec.meta.study_uid and series_uid:
            key: object = (rec.reader.name, rec.meta.study_uid, series_uid)
        else:
            key = n
        groups.setdefault(key, []).append(rec)
    return list(groups.values())


def import_group(store, recs: list[Record], state=None) -> ImportEntry:
    from app.blobstore import sha256_file

    first = recs[0]
    path = str(first.files[0])
    for rec in recs:
        rec.digests = [sha256_file(f, state) for f in rec.files]
    new, seen, dup_pk = [], set(), None
    for rec in recs:
        if rec.digests[0] in seen:
            continue
        seen.add(rec.digests[0])
        existing = find_duplicate(store, rec.digests[0])
        if existing is None:
            new.append(rec)
        else:
            dup_pk = existing
    total = sum(len(r.files) for r in recs)
    modality = str(first.meta.extra.get("series_modality") or first.meta.modality.value)
    reader = first.reader.name
    if not new:
        return ImportEntry(
            path, Outcome.DUPLICATE, "already in the store", modality, dup_pk, reader, files=total
        )
    study_pk = store_records(store, new, state)
    n = sum(len(r.files) for r in new)
    return ImportEntry(path, Outcome.IMPORTED, "", modality, study_pk, reader, files=n)


def run_import(store, paths: list[str | os.PathLike], state=None) -> ImportReport:
    from app.jobs import Cancelled

    report = ImportReport()
    try:
        records = recognise_all(expand(paths), report, state)
        groups = group(records)
        for i, recs in enumerate(groups):
            if state is not None:
                state.check()
                state.progress(0.5 + 0.5 * i / max(len(groups), 1), recs[0].files[0].name)
            try:
                entry = import_group(store, recs, state)
            except Cancelled:
                raise
            except Exception as err:
                entry = failure(recs[0].files[0], err)
                entry.files = sum(len(r.files) for r in recs)
            report.entries.append(entry)
    except Cancelled:
        report.cancelled = True
    if state is not None and not report.cancelled:
        state.progress(1.0, "")
    if report.study_pks:
        store.events.changed.emit(report.study_pks)
    return report
