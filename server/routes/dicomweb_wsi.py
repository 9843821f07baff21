"""A slide converted to DICOM-WSI, streamed tile by tile through the server.

``GET /objects/{id}/wsi`` answers the DICOM JSON of every instance of the
slide's DICOM-WSI series (WADO-RS metadata from the PACS: levels, tile
positions, pixel spacing), audited once as a view of the slide;
``GET /objects/{id}/wsi/{sop_uid}/frames/{n}`` sends one tile in its stored
syntax (JPEG as the scanner wrote it).  Both check that the caller may see
the slide's case; the PACS URL is built from the row's own study and series
UIDs, so no other series is reachable through them.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Path, Response

from server.deps import CtxDep
from server.dicominfo import DicomInfo
from server.dicomweb import pacs_frame, pacs_series_metadata
from server.errors import ApiError, not_found
from server.models import PacsObject, StoredObject
from server.pacs import PacsError, sync_of
from server.pacs_wsi import CONVERTED
from server.routes.common import load_case

log = logging.getLogger("huizhen.server.pacs")
router = APIRouter()


def _converted(c, object_id: int) -> PacsObject:
    obj = c.s.get(StoredObject, object_id)
    if obj is None:
        raise not_found("object", object_id)
    load_case(c, obj.case_id, shown=("object", object_id))
    row = c.s.get(PacsObject, object_id)
    if row is None or row.state != CONVERTED:
        state = row.state if row is not None else "not a slide for the PACS"
        raise ApiError(404, "not_in_pacs", f"object {object_id} is not in the PACS ({state})")
    if not sync_of(c.request).remote:
        raise ApiError(409, "no_pacs", "no PACS is configured")
    return row


@router.get("/objects/{object_id}/wsi", summary="DICOM-WSI metadata of a converted slide")
def slide_metadata(object_id: int, c: CtxDep):
    row = _converted(c, object_id)
    study, series = row.study_uid, row.series_uid
    c.audit("view", "object", object_id, case_id=row.case_id, what="dicom-wsi")
    c.done({})  # commits: no database lock is held while the PACS answers
    try:
        items = pacs_series_metadata(sync_of(c.request).backend, study, series)
    except PacsError as err:  # the detail names the PACS: logged, not sent
        log.warning("DICOM-WSI metadata of slide %s: %s", object_id, err)
        raise ApiError(502, "pacs_unavailable", "the PACS did not answer") from None
    return {"study_uid": study, "series_uid": series, "instances": items}


@router.get(
    "/objects/{object_id}/wsi/{sop_uid}/frames/{number}",
    summary="One tile of a converted slide in its stored syntax (WADO-RS frames)",
)
def slide_frame(object_id: int, number: int, c: CtxDep, sop_uid: str = Path(max_length=64)):
    row = _converted(c, object_id)
    info = DicomInfo(row.study_uid, row.series_uid, sop_uid)
    c.s.rollback()  # the slide view was audited with its metadata
    try:
        data, syntax = pacs_frame(sync_of(c.request).backend, info, number)
    except PacsError as err:  # the detail names the PACS: logged, not sent
        log.warning("tile %s/%s of slide %s: %s", sop_uid, number, object_id, err)
        if "HTTP 404" in str(err) or "HTTP 400" in str(err):
            raise not_found("frame", f"{sop_uid}/{number}") from None
        raise ApiError(502, "pacs_unavailable", "the PACS did not answer") from None
    headers = {"X-Transfer-Syntax": syntax, "X-Huizhen-Source": "pacs"}
    return Response(data, media_type="application/octet-stream", headers=headers)
