"""The database half of an import: patient, study, series and object rows,
and the files copied into the series folder under their original names."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from app.descriptions import facts_of
from app.domain import AuditAction, Modality, Priority, Status
from app.models import Patient, Series, StoredObject, Study, WorklistItem
from app.readers.base import StudyMeta


def find_duplicate(store, digest: str) -> int | None:
    """The study already holding a file with this content, or None."""
    with store.read_session() as s:
        return s.scalars(select(StoredObject.study_pk).where(StoredObject.sha256 == digest)).first()


def made_uid(*parts: object) -> str:
    key = "|".join(str(p) for p in parts)
    return "2.25." + str(int(hashlib.sha256(key.encode()).hexdigest()[:30], 16))


def fallback_ids(meta: StudyMeta, digest: str) -> bool:
    """Fill in ids a file lacks; True when it names no patient (to be assigned)."""
    unassigned = not meta.patient_id
    if unassigned:
        meta.patient_id = f"UNKNOWN-{digest[:8]}"
    if not meta.study_uid:
        # stable per patient + description + time + content, so re-import finds the same study
        meta.study_uid = made_uid(meta.patient_id, meta.modality, meta.study_time, digest)
    return unassigned


def _patient(s, meta: StudyMeta, unassigned: bool) -> Patient:
    patient = s.scalars(select(Patient).where(Patient.patient_id == meta.patient_id)).first()
    if patient is None:
        patient = Patient(
            patient_id=meta.patient_id,
            name=meta.patient_name,
            sex=meta.sex,
            birth_date=meta.birth_date,
            is_demo=meta.patient_id.startswith("DEMO") or "DEMO" in meta.patient_name,
            unassigned=unassigned,
        )
        s.add(patient)
        s.flush()
    return patient


def _study(s, meta: StudyMeta, patient: Patient) -> Study:
    study = s.scalars(select(Study).where(Study.uid == meta.study_uid)).first()
    if study is None:
        study = Study(
            uid=meta.study_uid,
            patient_pk=patient.id,
            modality=meta.modality.value,
            description=meta.description,
            description_facts=facts_of(meta.description),
            study_time=meta.study_time,
        )
        s.add(study)
        s.flush()
        s.add(
            WorklistItem(study_pk=study.id, status=Status.NEW.value, priority=int(Priority.ROUTINE))
        )
    elif study.modality == Modality.OTHER.value and meta.modality is not Modality.OTHER:
        # the study was created by its SEG/SR/PR/KO objects: the images name its modality
        study.modality = meta.modality.value
        if not study.description:
            study.description = meta.description
            study.description_facts = facts_of(meta.description)
    return study


def _series(s, study: Study, rec) -> Series:
    meta = rec.meta
    uid = str(meta.extra.get("series_uid") or "") or made_uid(study.uid, rec.digests[0])
    ser = s.scalars(
        select(Series).where(Series.study_pk == study.id, Series.uid == uid[:128])
    ).first()
    if ser is None:
        ser = Series(
            study_pk=study.id,
            uid=uid[:128],
            modality=str(meta.extra.get("series_modality") or meta.modality.value)[:8],
            description=str(meta.extra.get("series_description") or meta.description)[:300],
            reader=rec.reader.name,
            meta={},
        )
        s.add(ser)
        s.flush()
    return ser


def store_records(store, recs: list, state=None) -> int:
    """Rows and files for records of one series (none already stored); returns the study pk."""
    first = recs[0]
    unassigned = fallback_ids(first.meta, first.digests[0])
    for rec in recs[1:]:
        rec.meta.patient_id, rec.meta.study_uid = first.meta.patient_id, first.meta.study_uid
    written = []
    try:
        with store.session() as s:
            patient = _patient(s, first.meta, unassigned)
            study = _study(s, first.meta, patient)
            ser = _series(s, study, first)
            taken = {
                p.lower()
                for p in s.scalars(
                    select(StoredObject.path).where(StoredObject.series_pk == ser.id)
                )
                if p
            }
            for rec in recs:
                for i, (f, name, digest) in enumerate(
                    zip(rec.files, rec.names, rec.digests, strict=True)
                ):
                    if state is not None:
                        state.check()
                    rel = store.files.relpath(ser.id, name, taken)
                    written.append(store.files.put(f, rel))
                    s.add(
                        StoredObject(
                            study_pk=study.id,
                            series_pk=ser.id,
                            path=rel,
                            sha256=digest,
                            filename=name[:300],
                            size=f.stat().st_size,
                            reader=rec.reader.name,
                            meta=rec.meta.extra if i == 0 else {"companion_of": rec.digests[0]},
                        )
                    )
            store.audit(
                s,
                AuditAction.IMPORT,
                study.id,
                file=first.names[0],
                files=sum(len(r.files) for r in recs),
                reader=first.reader.name,
                series=ser.id,
            )
            return study.id
    except BaseException:
        for p in written:  # the rows were rolled back: leave no orphan file
            try:
                p.unlink()
            except OSError:
                pass
        raise
