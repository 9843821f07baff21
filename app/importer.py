"""Import files into the local store.

``run_import(store, paths, state)`` expands folders, lets the reader
registries examine each file (highest confidence wins), stores the bytes in
the content-addressed blob store and creates patient / study / worklist rows
in one transaction per file.  Nothing a bad file does affects the others: it
is listed in the ``ImportReport`` with the reason.  Re-importing is a no-op.
"""

from __future__ import annotations

import enum
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.blobstore import sha256_file
from app.domain import AuditAction, Priority, Status
from app.models import Patient, StoredObject, Study, WorklistItem
from app.readers import ReadError, best_reader
from app.readers.base import StudyMeta

SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


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
    def problems(self) -> list[ImportEntry]:
        return [e for e in self.entries if e.outcome in (Outcome.FAILED, Outcome.UNSUPPORTED)]


def expand(paths: list[str | os.PathLike]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file()))
        else:
            out.append(p)
    return [p for p in out if p.name not in SKIP_NAMES and not p.name.endswith(".json")]


def run_import(store, paths: list[str | os.PathLike], state=None) -> ImportReport:
    report = ImportReport()
    files = expand(paths)
    consumed: set[Path] = set()
    from app.jobs import Cancelled

    for i, path in enumerate(files):
        if state is not None:
            if state.cancelled:
                report.cancelled = True
                break
            state.progress(i / max(len(files), 1), path.name)
        if path.resolve() in consumed:
            continue
        try:
            entry = import_one(store, path, consumed, state)
        except Cancelled:
            report.cancelled = True
            break
        except ReadError as err:
            entry = ImportEntry(str(path), Outcome.FAILED, str(err), kind=err.kind)
        except OSError as err:
            entry = ImportEntry(
                str(path),
                Outcome.FAILED,
                f"cannot read file: {err.strerror or err}",
                kind="unreadable",
            )
        report.entries.append(entry)
    if state is not None and not report.cancelled:
        state.progress(1.0, "")
    if report.study_pks:
        store.events.changed.emit(report.study_pks)
    return report


def import_one(store, path: Path, consumed: set[Path], state=None) -> ImportEntry:
    if not path.exists():
        return ImportEntry(str(path), Outcome.FAILED, "file not found", kind="missing")
    if path.stat().st_size == 0:
        return ImportEntry(str(path), Outcome.FAILED, "file is empty", kind="empty")
    found = best_reader(path)
    if found is None:
        return ImportEntry(str(path), Outcome.UNSUPPORTED, "not a format Huizhen can read")
    _, reader = found
    meta = reader.read_meta(path)
    files = [path, *meta.companions]
    for f in meta.companions:
        consumed.add(f.resolve())
    digests = [sha256_file(f, state) for f in files]

    with store.read_session() as s:
        existing = s.scalars(select(StoredObject).where(StoredObject.sha256 == digests[0])).first()
        if existing is not None:
            return ImportEntry(
                str(path),
                Outcome.DUPLICATE,
                "already in the store",
                meta.modality.value,
                existing.study_pk,
                reader.name,
            )
    for f, d in zip(files, digests, strict=True):
        store.blobs.put_file(f, d, state)
    study_pk = record(store, meta, files, digests, reader.name)
    return ImportEntry(str(path), Outcome.IMPORTED, "", meta.modality.value, study_pk, reader.name)


def fallback_ids(meta: StudyMeta, digest: str) -> None:
    if not meta.patient_id:
        meta.patient_id = f"UNKNOWN-{digest[:8]}"
    if not meta.study_uid:
        # stable per patient + description + time + content, so re-import finds the same study
        key = f"{meta.patient_id}|{meta.modality}|{meta.study_time}|{digest}"
        meta.study_uid = "2.25." + str(int(hashlib.sha256(key.encode()).hexdigest()[:30], 16))


def record(store, meta: StudyMeta, files: list[Path], digests: list[str], reader: str) -> int:
    fallback_ids(meta, digests[0])
    with store.session() as s:
        patient = s.scalars(select(Patient).where(Patient.patient_id == meta.patient_id)).first()
        if patient is None:
            patient = Patient(
                patient_id=meta.patient_id,
                name=meta.patient_name,
                sex=meta.sex,
                birth_date=meta.birth_date,
                is_demo=meta.patient_id.startswith("DEMO") or "DEMO" in meta.patient_name,
            )
            s.add(patient)
            s.flush()
        study = s.scalars(select(Study).where(Study.uid == meta.study_uid)).first()
        if study is None:
            study = Study(
                uid=meta.study_uid,
                patient_pk=patient.id,
                modality=meta.modality.value,
                description=meta.description,
                study_time=meta.study_time,
            )
            s.add(study)
            s.flush()
            s.add(
                WorklistItem(
                    study_pk=study.id, status=Status.NEW.value, priority=int(Priority.ROUTINE)
                )
            )
        for i, (f, d) in enumerate(zip(files, digests, strict=True)):
            if s.scalars(select(StoredObject.id).where(StoredObject.sha256 == d)).first():
                continue
            s.add(
                StoredObject(
                    study_pk=study.id,
                    sha256=d,
                    filename=f.name,
                    size=f.stat().st_size,
                    reader=reader,
                    meta=meta.extra if i == 0 else {"companion_of": digests[0]},
                )
            )
        store.audit(s, AuditAction.IMPORT, study.id, file=files[0].name, reader=reader)
        return study.id
