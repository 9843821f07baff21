"""Streaming a case's DICOM series to the workstation (QIDO/WADO-RS through the server).

``GET /cases/{id}/series`` lists the case's DICOM series (from the server's
index); ``GET /cases/{id}/series/{uid}/metadata`` answers the DICOM JSON of
the case's instances of that series (WADO-RS metadata from the PACS for
archived objects, the local header otherwise) and is audited once as a view
of the series; ``GET /objects/{id}/frames/{n}`` sends one frame in its stored
transfer syntax (``X-Transfer-Syntax``), from the PACS or the local copy.
Every request checks that the caller may see the case; the PACS is reached
with the server's own credentials, which never leave the server.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Path, Query, Response
from sqlalchemy import select

from server.deps import CtxDep
from server.dicominfo import info_of
from server.dicomweb import cached_metadata, local_frame, pacs_frame, pacs_series_metadata
from server.errors import ApiError, not_found
from server.models import PacsObject, StoredObject
from server.pacs import PacsError, sync_of
from server.routes import dicomweb_wsi
from server.routes.common import load_case

log = logging.getLogger("huizhen.server.pacs")
router = APIRouter(prefix="/api/v1", tags=["pacs"])
# originals converted on the server, and files replaced by a corrected copy (supersede.py)
HIDDEN = ("converted", "superseded")


@router.get("/cases/{case_id}/series", summary="The DICOM series of a case (server index)")
def case_series(case_id: int, c: CtxDep):
    load_case(c, case_id)
    q = select(PacsObject).where(PacsObject.case_id == case_id, PacsObject.sop_uid != "")
    q = q.where(PacsObject.state.not_in(HIDDEN))  # converted, or superseded
    series: dict[str, dict] = {}  # (a slide converted to DICOM-WSI has no row of its own here)
    for r in c.s.scalars(q.order_by(PacsObject.object_id)):
        entry = series.setdefault(
            r.series_uid,
            {
                "series_uid": r.series_uid,
                "study_uid": r.study_uid,
                "modality": r.modality,
                "object_ids": [],
                "in_pacs": 0,
            },
        )
        entry["object_ids"].append(r.object_id)
        entry["in_pacs"] += r.state == "stored"
    return c.done({"series": list(series.values())})


@router.get(
    "/cases/{case_id}/series/{series_uid}/metadata",
    summary="DICOM JSON of the case's instances of one series (WADO-RS metadata)",
)
def series_metadata(case_id: int, c: CtxDep, series_uid: str = Path(max_length=64)):
    load_case(c, case_id)
    q = select(PacsObject, StoredObject.sha256).join(
        StoredObject, StoredObject.id == PacsObject.object_id
    )
    q = q.where(PacsObject.case_id == case_id, PacsObject.series_uid == series_uid)
    q = q.where(PacsObject.sop_uid != "", PacsObject.state.not_in(HIDDEN))
    rows = list(c.s.execute(q.order_by(PacsObject.object_id)))
    if not rows:
        raise not_found("series", series_uid)
    c.audit("view", "series", series_uid, case_id=case_id, instances=len(rows))
    archive = sync_of(c.request)
    c.done({})  # commits: no database lock is held while the PACS answers
    # Headers from the server's own copies (the bytes uploaded, checked by SHA-256): a
    # PACS's series /metadata reads every file (Orthanc: ~5 s for 600 slices); the PACS
    # answers for the instances whose copy is not here.
    files, out, gone = c.state.files, {}, []
    for r, sha in rows:
        if not files.blob_path(sha).exists():
            gone.append(r)
            continue
        try:
            out[r.object_id] = _entry(r, "local", cached_metadata(files, sha))
        except Exception as err:  # a damaged header: the client is told, the rest goes
            log.warning("object %s: no readable DICOM header: %s", r.object_id, err)
            out[r.object_id] = {"object_id": r.object_id, "sop_uid": r.sop_uid, "error": str(err)}
    in_pacs = {r.sop_uid: r for r in gone if archive.remote and r.state == "stored"}
    if in_pacs:
        first = next(iter(in_pacs.values()))
        try:
            items = pacs_series_metadata(archive.backend, first.study_uid, series_uid)
        except PacsError as err:
            log.warning("series metadata from the PACS failed: %s", err)
            items = []
        for item in items:  # only the instances this case's objects are
            sop = (item.get("00080018", {}).get("Value") or [""])[0]
            if sop in in_pacs:
                out[in_pacs[sop].object_id] = _entry(in_pacs[sop], "pacs", item)
    for r in gone:
        out.setdefault(
            r.object_id,
            {
                "object_id": r.object_id,
                "sop_uid": r.sop_uid,
                "error": "no copy of its header is reachable",
            },
        )
    return {"series_uid": series_uid, "instances": [out[r.object_id] for r, _ in rows]}


def _entry(row: PacsObject, source: str, item: dict) -> dict:
    return {"object_id": row.object_id, "sop_uid": row.sop_uid, "source": source, "dicom": item}


@router.get(
    "/objects/{object_id}/frames/{number}",
    summary="One frame of a DICOM object in its stored transfer syntax (WADO-RS frames)",
)
def object_frame(object_id: int, number: int, c: CtxDep):
    obj = c.s.get(StoredObject, object_id)
    if obj is None:
        raise not_found("object", object_id)
    load_case(c, obj.case_id, shown=("object", object_id))
    row = c.s.get(PacsObject, object_id)
    if row is None:
        raise ApiError(404, "not_dicom", f"object {object_id} is not a DICOM object")
    info, stored, sha = info_of(row), row.state == "stored", obj.sha256
    c.s.rollback()  # the series view was audited with its metadata; no lock while the PACS answers
    data, syntax, source = _frame(c, object_id, info, stored, sha, number)
    headers = {"X-Transfer-Syntax": syntax, "X-Huizhen-Source": source}
    return Response(data, media_type="application/octet-stream", headers=headers)


def _frame(c, object_id: int, info, stored: bool, sha: str, number: int):
    """(bytes, transfer syntax, "pacs"|"local") of one frame of an object."""
    archive = sync_of(c.request)
    if archive.remote and stored:
        try:
            return (*pacs_frame(archive.backend, info, number), "pacs")
        except PacsError as err:
            log.warning("frame %s of object %s from the PACS failed: %s", number, object_id, err)
    try:
        return (*local_frame(c.state.files.blob_path(sha), number), "local")
    except IndexError:
        raise ApiError(404, "not_found", f"object {object_id} has no frame {number}") from None
    except Exception as err:
        raise ApiError(422, "unreadable", f"frame {number}: {err}") from None


MAX_OBJECTS = 32  # slices per request


@router.get(
    "/cases/{case_id}/series/{series_uid}/frames",
    summary="The first frame of several single-frame instances of a series, in one answer",
)
def series_frames(
    case_id: int,
    c: CtxDep,
    series_uid: str = Path(max_length=64),
    objects: str = Query(max_length=400, description="object ids: 3,4,5"),
):
    """The frames one after the other; ``X-Frame-Lengths`` and ``X-Transfer-Syntaxes``
    (comma lists, in the order asked).  Only objects of this case and series."""
    try:
        ids = [int(v) for v in objects.split(",")]
    except ValueError:
        raise ApiError(422, "bad_objects", "objects are ids: 3,4,5") from None
    if not 1 <= len(ids) <= MAX_OBJECTS:
        raise ApiError(422, "bad_objects", f"1 to {MAX_OBJECTS} objects")
    load_case(c, case_id)
    q = select(PacsObject, StoredObject.sha256).join(
        StoredObject, StoredObject.id == PacsObject.object_id
    )
    q = q.where(PacsObject.case_id == case_id, PacsObject.series_uid == series_uid)
    rows = {
        r.object_id: (info_of(r), r.state == "stored", sha)
        for r, sha in c.s.execute(
            q.where(PacsObject.object_id.in_(ids), PacsObject.state.not_in(HIDDEN))
        )
    }
    missing = [i for i in ids if i not in rows]
    if missing:
        raise not_found("object", missing[0])
    c.s.rollback()  # the series view was audited with its metadata
    parts = [_frame(c, i, *rows[i], 1) for i in ids]
    headers = {
        "X-Frame-Lengths": ",".join(str(len(p[0])) for p in parts),
        "X-Transfer-Syntaxes": ",".join(p[1] for p in parts),
    }
    return Response(
        b"".join(p[0] for p in parts), media_type="application/octet-stream", headers=headers
    )


router.include_router(dicomweb_wsi.router)  # slides converted to DICOM-WSI
