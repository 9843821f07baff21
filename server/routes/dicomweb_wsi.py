"""A slide converted to DICOM-WSI, streamed tile by tile through the server.

``GET /objects/{id}/wsi`` answers the slide's tile layout (levels, where each
tile is, pixel spacing: ``app.slide.wsi_layout``), kept by the server since the
conversion (rebuilt from the PACS's WADO-RS metadata when missing), audited
once as a view of the slide; with ``?first=1`` the smallest levels' tiles follow
it in the same answer (``server.wsi_first``: the fitted first view in one round trip);
``GET /objects/{id}/wsi/{sop_uid}/frames/{n}`` sends one tile in its stored
syntax (JPEG as the scanner wrote it).  Both check that the caller may see
the slide's case; the PACS URL is built from the row's own study and series
UIDs, so no other series is reachable through them.
"""

from __future__ import annotations

import json
import logging

from fastapi import APIRouter, Path, Query, Response

from app.slide.wsi_layout import layout_from_json
from server.deps import CtxDep
from server.dicominfo import DicomInfo
from server.dicomweb import pacs_frame, pacs_series_metadata
from server.errors import ApiError, not_found
from server.models import PacsObject, StoredObject
from server.pacs import PacsError, sync_of
from server.pacs_wsi import CONVERTED, layout_bytes, layout_path, save_layout
from server.routes.common import load_case
from server.wsi_first import first_tiles, pacs_tiles

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
def slide_metadata(object_id: int, c: CtxDep, first: bool = Query(False)):
    row = _converted(c, object_id)
    study, series, patient = row.study_uid, row.series_uid, row.patient_id
    c.audit("view", "object", object_id, case_id=row.case_id, what="dicom-wsi")
    c.done({})  # commits: no database lock is held while the PACS answers
    files = c.state.files
    raw = layout_bytes(files, object_id)
    if raw is None:  # kept at conversion; another node or a lost cache: from the PACS
        try:
            items = pacs_series_metadata(sync_of(c.request).backend, study, series)
            save_layout(files, object_id, layout_from_json(items))
        except PacsError as err:  # the detail names the PACS: logged, not sent
            log.warning("DICOM-WSI metadata of slide %s: %s", object_id, err)
            raise ApiError(502, "pacs_unavailable", "the PACS did not answer") from None
        except ValueError as err:
            raise ApiError(404, "not_in_pacs", f"slide {object_id}: {err}") from None
        raw = layout_bytes(files, object_id) or b"{}"
    # the kept JSON as it is (thousands of tiles: no decoding and re-encoding per request)
    head = {"study_uid": study, "series_uid": series}
    tiles = b""
    if first:
        frame = pacs_tiles(sync_of(c.request).backend, study, series, patient)
        try:
            head["first"], tiles = first_tiles(layout_path(files, object_id), raw, frame)
        except (PacsError, ValueError, KeyError, IndexError, TypeError) as err:  # streamed then
            log.warning("first tiles of slide %s: %s", object_id, err)
    uids = json.dumps(head, separators=(",", ":"))
    body = uids[:-1].encode() + b"," + raw.lstrip()[1:]
    if not first:
        return Response(body, media_type="application/json")
    headers = {"X-Layout-Length": str(len(body)), "X-Huizhen-Source": "pacs"}
    return Response(body + tiles, media_type="application/octet-stream", headers=headers)


MAX_FRAMES = 64  # tiles per request


def _numbers(text: str) -> list[int]:
    try:
        numbers = [int(n) for n in text.split(",")]
    except ValueError:
        raise ApiError(422, "bad_frames", "frames are numbers: 1 or 1,2,3") from None
    if not 1 <= len(numbers) <= MAX_FRAMES or min(numbers) < 1:
        raise ApiError(422, "bad_frames", f"1 to {MAX_FRAMES} frame numbers, from 1")
    return numbers


@router.get(
    "/objects/{object_id}/wsi/{sop_uid}/frames/{numbers}",
    summary="Tiles of a converted slide in their stored syntax (WADO-RS frames; 1 or 1,2,3)",
)
def slide_frames(
    object_id: int,
    c: CtxDep,
    sop_uid: str = Path(max_length=64),
    numbers: str = Path(max_length=600),
):
    """One frame: its bytes.  Several (one request for the tiles of a field): the bytes one
    after the other, their lengths in ``X-Frame-Lengths``."""
    wanted = _numbers(numbers)
    row = _converted(c, object_id)
    info = DicomInfo(row.study_uid, row.series_uid, sop_uid, patient_id=row.patient_id)
    c.s.rollback()  # the slide view was audited with its metadata
    parts, syntax = [], ""
    for number in wanted:
        try:
            data, syntax = pacs_frame(sync_of(c.request).backend, info, number)
        except PacsError as err:  # the detail names the PACS: logged, not sent
            log.warning("tile %s/%s of slide %s: %s", sop_uid, number, object_id, err)
            if "HTTP 404" in str(err) or "HTTP 400" in str(err):
                raise not_found("frame", f"{sop_uid}/{number}") from None
            raise ApiError(502, "pacs_unavailable", "the PACS did not answer") from None
        parts.append(data)
    headers = {
        "X-Transfer-Syntax": syntax,
        "X-Huizhen-Source": "pacs",
        "X-Frame-Lengths": ",".join(str(len(p)) for p in parts),
    }
    return Response(b"".join(parts), media_type="application/octet-stream", headers=headers)
