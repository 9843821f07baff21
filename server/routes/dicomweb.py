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

from fastapi import APIRouter, Path, Response
from sqlalchemy import select

from server.deps import CtxDep
from server.dicominfo import info_of
from server.dicomweb import local_frame, local_metadata, pacs_frame, pacs_series_metadata
from server.errors import ApiError, not_found
from server.models import PacsObject, StoredObject
from server.pacs import PacsError, sync_of
from server.routes import dicomweb_wsi
from server.routes.common import load_case

log = logging.getLogger("huizhen.server.pacs")
router = APIRouter(prefix="/api/v1", tags=["pacs"])


@router.get("/cases/{case_id}/series", summary="The DICOM series of a case (server index)")
def case_series(case_id: int, c: CtxDep):
    load_case(c, case_id)
    q = select(PacsObject).where(PacsObject.case_id == case_id, PacsObject.sop_uid != "")
    q = q.where(PacsObject.state != "converted")  # originals wrapped or converted on the server
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
    q = q.where(PacsObject.sop_uid != "", PacsObject.state != "converted")
    rows = list(c.s.execute(q.order_by(PacsObject.object_id)))
    if not rows:
        raise not_found("series", series_uid)
    c.audit("view", "series", series_uid, case_id=case_id, instances=len(rows))
    archive = sync_of(c.request)
    c.done({})  # commits: no database lock is held while the PACS answers
    in_pacs = {r.sop_uid: r for r, _ in rows if archive.remote and r.state == "stored"}
    from_pacs: dict[str, dict] = {}
    if in_pacs:
        first = next(iter(in_pacs.values()))
        try:
            items = pacs_series_metadata(archive.backend, first.study_uid, series_uid)
        except PacsError as err:
            log.warning("series metadata from the PACS failed, reading local copies: %s", err)
            items = []
        for item in items:  # only the instances this case's objects are
            sop = (item.get("00080018", {}).get("Value") or [""])[0]
            if sop in in_pacs:
                from_pacs[sop] = item
    files = c.state.files
    out = []
    for r, sha in rows:
        item, source = from_pacs.get(r.sop_uid), "pacs"
        if item is None:
            try:
                item, source = local_metadata(files.blob_path(sha)), "local"
            except Exception as err:  # a damaged header: the client is told, the rest goes
                log.warning("object %s: no readable DICOM header: %s", r.object_id, err)
                out.append({"object_id": r.object_id, "sop_uid": r.sop_uid, "error": str(err)})
                continue
        out.append(
            {"object_id": r.object_id, "sop_uid": r.sop_uid, "source": source, "dicom": item}
        )
    return {"series_uid": series_uid, "instances": out}


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
    archive = sync_of(c.request)
    data, source = None, "pacs"
    if archive.remote and stored:
        try:
            data, syntax = pacs_frame(archive.backend, info, number)
        except PacsError as err:
            log.warning("frame %s of object %s from the PACS failed: %s", number, object_id, err)
    if data is None:
        source = "local"
        try:
            data, syntax = local_frame(c.state.files.blob_path(sha), number)
        except IndexError:
            raise ApiError(404, "not_found", f"object {object_id} has no frame {number}") from None
        except Exception as err:
            raise ApiError(422, "unreadable", f"frame {number}: {err}") from None
    headers = {"X-Transfer-Syntax": syntax, "X-Huizhen-Source": source}
    return Response(data, media_type="application/octet-stream", headers=headers)


router.include_router(dicomweb_wsi.router)  # slides converted to DICOM-WSI
