"""Series of the local store: their files, and opening them with their reader.

``open_series(store, study_pk)`` finds a series' files (original names, in
``series/<id>/``) and hands them to the ``open()`` of the reader that
recognised the series at import.  Viewers and analyzers get their source
here; nothing re-sniffs a file.  Only a series whose reader is unknown (files
that came from the regional server) is recognised once, and the reader found
is stored with it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from sqlalchemy import select

from app.models import Series, StoredObject, Study
from app.readers.base import ReadError
from app.readers.reasons import ReadReason

log = logging.getLogger(__name__)


def pick_series(s, study_pk: int, series_pk: int | None = None) -> Series:
    if series_pk is not None:
        ser = s.get(Series, series_pk)
        if ser is None or ser.study_pk != study_pk:
            raise ReadError(f"series {series_pk} is not part of study {study_pk}", "missing")
        return ser
    study = s.get(Study, study_pk)
    if study is None:
        raise ReadError(f"study {study_pk} is not in the store", "missing")
    rows = list(s.scalars(select(Series).where(Series.study_pk == study_pk).order_by(Series.id)))
    if not rows:
        raise ReadError(ReadReason("case_no_file"), "missing")
    same = [r for r in rows if r.modality == study.modality]
    return (same or rows)[0]


def series_files(store, study_pk: int, series_pk: int | None = None):
    """(series, [absolute file paths], [objects]) of a study's series, main file first."""
    with store.read_session() as s:
        ser = pick_series(s, study_pk, series_pk)
        objs = list(
            s.scalars(
                select(StoredObject)
                .where(StoredObject.series_pk == ser.id)
                .order_by(StoredObject.id)
            )
        )
    return ser, [store.object_file(o) for o in objs], objs


def open_series(store, study_pk: int, series_pk: int | None = None, **options):
    """Open a series with the reader that recognised it; raises ``ReadError``."""
    from app.readers import reader_named

    ser, files, objs = series_files(store, study_pk, series_pk)
    if not files:
        raise ReadError(ReadReason("case_no_file"), "missing")
    absent = [o.filename for o, f in zip(objs, files, strict=True) if not f.exists()]
    if absent:
        from app.readers.dicomweb_case import stream_missing  # a server case: from the PACS

        streamed = stream_missing(store, study_pk, objs, **options)
        if streamed is not None:
            return streamed
        raise ReadError(ReadReason("case_files_elsewhere", files=absent[:3]), "missing")
    reader = reader_named(ser.reader) if ser.reader else None
    if reader is None:
        reader, main = recognise_series(store, ser, files)
        k = files.index(main)
        files, objs = [files[k], *files[:k], *files[k + 1 :]], [objs[k], *objs[:k], *objs[k + 1 :]]
    try:
        source = reader.open(files, **options)
        side = (objs[0].meta or {}).get("laterality") if isinstance(objs[0].meta, dict) else ""
        if side and hasattr(source, "laterality"):
            source.laterality = side  # set at import (sidecar) or by the user
        return source
    except ReadError:
        raise
    except Exception as err:  # nothing a file holds may crash a viewer or an analyzer
        if type(err).__name__ == "Cancelled":
            raise
        raise ReadError(f"{files[0].name} could not be opened: {err}", "corrupt") from err


def open_files(files: list[Path], **options):
    """Open files that are not in a store (a file given on the command line, a test)."""
    from app.readers import best_reader

    found = [c for c in (best_reader(Path(f)) for f in files) if c is not None]
    if not found:
        raise ReadError(ReadReason("format_unknown", name=Path(files[0]).name), "unsupported")
    reader = max(found, key=lambda c: c[0])[1]
    return reader.open([Path(f) for f in files], **options)


def _rank(found) -> tuple:
    """SEG/SR/GSPS/KOS objects pulled with their images (one server series) are shown over
    the images: the images' reader names the series."""
    return (found[1].name != "dicom-object", found[0])


def recognise_series(store, ser: Series, files: list[Path]):
    """Recognise files that arrived without a reader name (pulled from the server), once;
    returns the reader and the file it recognised (the record's main file)."""
    from app.readers import best_reader

    best, main = None, files[0]
    for f in files:
        try:
            found = best_reader(f)
        except OSError:
            continue
        if found is not None and (best is None or _rank(found) > _rank(best)):
            best, main = found, f
    if best is None:
        raise ReadError(ReadReason("format_unknown", name=files[0].name), "unsupported")
    reader = best[1]
    with store.session() as s:
        s.get(Series, ser.id).reader = reader.name
    return reader, main


def place_pulled(s, obj: StoredObject) -> None:
    """Put a file announced by the server into its study's series for server files
    (its reader is found when it is first opened), under its original name."""
    from app.blobstore import safe_relname

    uid = f"server.{obj.study_pk}"
    ser = s.scalars(
        select(Series).where(Series.study_pk == obj.study_pk, Series.uid == uid)
    ).first()
    if ser is None:
        study = s.get(Study, obj.study_pk)
        ser = Series(
            study_pk=obj.study_pk,
            uid=uid,
            modality=study.modality if study else "OT",
            description="",
            reader="",
            meta={},
        )
        s.add(ser)
        s.flush()
    taken = {
        (p or "").lower()
        for p in s.scalars(select(StoredObject.path).where(StoredObject.series_pk == ser.id))
    }
    name, n = safe_relname(obj.filename), 1
    rel = f"series/{ser.id}/{name}"
    while rel.lower() in taken:
        n += 1
        rel = f"series/{ser.id}/{n}-{name}"
    obj.series_pk, obj.path = ser.id, rel


def move_legacy_blobs(store) -> int:
    """Move hash-named blobs of stores from before the series level into their
    series folders under their original names (once; cheap when done)."""
    with store.read_session() as s:
        todo = list(
            s.scalars(
                select(StoredObject).where(
                    StoredObject.path.is_(None), StoredObject.series_pk.is_not(None)
                )
            )
        )
    if not todo:
        return 0
    taken: set[str] = set()
    moved = 0
    with store.session() as s:
        for obj in todo:
            rel = store.files.relpath(obj.series_pk, obj.filename, taken)
            src = store.blobs.path_for(obj.sha256)
            if src.exists():
                dest = store.files.abspath(rel)
                dest.parent.mkdir(parents=True, exist_ok=True)
                os.replace(src, dest)
                moved += 1
            s.get(StoredObject, obj.id).path = rel
    log.info("moved %d file(s) into their series folders", moved)
    return moved
