"""Files of a case: single-shot and resumable chunked uploads, downloads, AI results.

Chunked upload: ``POST /cases/{id}/uploads`` (name, size, sha256) ->
``PUT /uploads/{uid}?offset=N`` with raw bytes, repeated -> ``POST
/uploads/{uid}/complete``, which verifies size and SHA-256 and stores the
object.  After a dropped connection ``GET /uploads/{uid}`` tells the offset
to resume from.  A PUT at any other offset gets 409 with the right one.
"""

from __future__ import annotations

import hashlib
import secrets
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from app.domain import Modality
from server.deps import Ctx, CtxDep, run_in_ctx
from server.dicominfo import DicomInfo, read_dicom_info
from server.errors import ApiError, not_found
from server.files import safe_filename
from server.models import AIResult, Case, PacsObject, StoredObject, Upload
from server.pacs import pacs_out, sync_of
from server.routes.common import load_case, record_for_case
from server.serialize import ai_out, object_out, upload_out

router = APIRouter(prefix="/api/v1", tags=["objects"])
SHA256 = Field(pattern=r"^[0-9a-fA-F]{64}$", description="hex SHA-256 of the whole file")


class UploadIn(BaseModel):
    filename: str = Field(min_length=1, max_length=255)
    size: int = Field(ge=0, le=2**62)
    sha256: str = SHA256
    modality: Modality | None = Field(None, description="defaults to the case's modality")


def _files(c: Ctx):
    return c.state.files


def _load_upload(c: Ctx, upload_id: str) -> Upload:
    up = c.s.get(Upload, upload_id)
    if up is None:
        raise not_found("upload", upload_id)
    load_case(c, up.case_id, write=True, shown=("upload", upload_id))
    return up


def store_object(
    c: Ctx, case, filename: str, size: int, digest: str, modality: str, info: DicomInfo | None
) -> tuple[StoredObject, dict]:
    """Create the object row, record the change and queue the AI pre-read (a job row).

    ``info`` (the DICOM UIDs) was read before the write transaction.  Returns
    the object and its API answer (with the PACS state when it is DICOM, so a
    UID conflict is said at once).
    """
    obj = StoredObject(
        case_id=case.id,
        filename=filename,
        size=size,
        sha256=digest,
        modality=modality,
        uploaded_by=c.user.id,
        preread_state="pending" if c.state.preread.has(modality) else "none",
    )
    c.s.add(obj)
    c.s.flush()
    if obj.preread_state == "pending":
        c.state.preread.enqueue(c.s, obj, case)  # the queue row commits with the object
    row = sync_of(c.request).index(c.s, obj, case, info)  # DICOM UIDs
    record_for_case(c, "object", obj.id, "created", object_out(obj), case)
    c.audit("import", "object", obj.id, case_id=case.id, sha256=digest, size=size)
    out = object_out(obj)
    if row is not None:
        out["pacs"] = pacs_out(row)
        if row.state == "conflict":
            c.audit("uid_conflict", "object", obj.id, case_id=case.id, reason=row.error)
    return obj, out


async def _body(request: Request, limit: int) -> bytes | Response:
    declared = int(request.headers.get("content-length") or 0)
    if declared > limit:
        raise ApiError(413, "chunk_too_large", f"send at most {limit} bytes per request")
    try:
        data = await request.body()
    except ClientDisconnect:
        return Response(status_code=499)
    if len(data) > limit:
        raise ApiError(413, "chunk_too_large", f"send at most {limit} bytes per request")
    return data


def check_quota(c: Ctx, case: Case, size: int) -> None:
    """413 when one file is larger than allowed or the organisation's quota
    (stored files plus uploads in progress, as declared) would be passed."""
    st = c.settings
    if size > st.upload_max_bytes:
        raise ApiError(
            413, "file_too_large", f"a file may have at most {st.upload_max_bytes} bytes"
        )
    org_cases = select(Case.id).where(Case.org_id == case.org_id)
    stored = select(func.coalesce(func.sum(StoredObject.size), 0)).where(
        StoredObject.case_id.in_(org_cases)
    )
    pending = select(func.coalesce(func.sum(Upload.size), 0)).where(
        Upload.case_id.in_(org_cases), Upload.object_id.is_(None)
    )
    used = int(c.s.scalar(stored) or 0) + int(c.s.scalar(pending) or 0)
    if used + size > st.org_quota_bytes:
        raise ApiError(
            413,
            "quota_exceeded",
            f"this organisation's storage quota ({st.org_quota_bytes} bytes) would be exceeded",
            used=used,
            quota=st.org_quota_bytes,
        )


@router.post("/cases/{case_id}/uploads", status_code=201, summary="Start a resumable upload")
def start_upload(case_id: int, body: UploadIn, c: CtxDep):
    case = load_case(c, case_id, write=True)
    check_quota(c, case, body.size)
    up = Upload(
        id=secrets.token_hex(16),
        case_id=case.id,
        user_id=c.user.id,
        filename=safe_filename(body.filename),
        size=body.size,
        sha256=body.sha256.lower(),
        modality=(body.modality or Modality(case.modality)).value,
    )
    c.s.add(up)
    _files(c).start(up.id)
    out = upload_out(up, 0) | {"chunk_max_bytes": c.settings.chunk_max_bytes}
    return c.done(out, 201)


@router.get("/uploads/{upload_id}", summary="Upload state: the offset to resume from")
def get_upload(upload_id: str, c: CtxDep):
    up = _load_upload(c, upload_id)
    return c.done(upload_out(up, up.size if up.object_id else _files(c).offset(up.id)))


@router.put(
    "/uploads/{upload_id}",
    summary="Append a chunk at ?offset= (raw bytes); 409 with the right offset otherwise",
)
async def put_chunk(upload_id: str, request: Request, offset: int = Query(ge=0)):
    data = await _body(request, request.app.state.hz.settings.chunk_max_bytes)
    if isinstance(data, Response):
        return data

    def work(c: Ctx):
        up = _load_upload(c, upload_id)
        size, finished = up.size, up.object_id is not None
        c.s.rollback()  # release the database write lock while the bytes go to disk
        files = _files(c)
        with files.lock(upload_id):
            current = size if finished else files.offset(upload_id)
            if finished or offset != current:
                raise ApiError(
                    409, "offset_mismatch", f"the upload is at offset {current}", offset=current
                )
            if offset + len(data) > size:
                raise ApiError(422, "too_long", f"the upload was declared as {size} bytes")
            new = files.write_chunk(upload_id, offset, data)
        c.audit("write", "upload", upload_id, offset=offset, length=len(data))
        return c.done(upload_out(c.s.get(Upload, upload_id), new))

    return await run_in_ctx(request, work)


@router.post("/uploads/{upload_id}/complete", summary="Verify size and SHA-256, store the object")
def complete_upload(upload_id: str, c: CtxDep):
    up = _load_upload(c, upload_id)
    files = _files(c)
    if up.object_id is None:
        size, expected = up.size, up.sha256
        c.s.rollback()  # hash and move the file without holding the database lock
        with files.lock(upload_id):
            got = files.offset(upload_id)
            if got == 0 < size and files.blob_path(expected).exists():
                got = size  # finished before a crash, not yet recorded: the blob is there
            if got != size:
                raise ApiError(409, "incomplete", f"received {got} of {size} bytes", offset=got)
            try:
                if files.offset(upload_id):
                    files.finish(upload_id, expected)
            except ValueError as err:
                raise ApiError(
                    422,
                    "checksum_mismatch",
                    "the received bytes do not match the declared SHA-256; upload again",
                    received_sha256=str(err),
                    offset=0,
                ) from None
            info = read_dicom_info(files.blob_path(expected))  # before the transaction
            up = c.s.get(Upload, upload_id)
            if up.object_id is None:  # re-checked inside the new transaction
                case = load_case(c, up.case_id, write=True)
                obj, out = store_object(c, case, up.filename, size, expected, up.modality, info)
                up.object_id = obj.id
                resp = c.done(out, 201)
                c.state.preread.submit(obj.id)
                sync_of(c.request).submit(obj.id)  # STOW-RS to the PACS, if there is one
                return resp
    return c.done(object_out(c.s.get(StoredObject, up.object_id)), 201)


@router.post(
    "/cases/{case_id}/objects",
    status_code=201,
    summary="Upload a small file in one request (raw bytes; ?filename=&sha256=)",
)
async def upload_object(
    case_id: int,
    request: Request,
    filename: str = Query(min_length=1, max_length=255),
    sha256: str = Query(pattern=r"^[0-9a-fA-F]{64}$"),
    modality: Modality | None = None,
):
    data = await _body(request, request.app.state.hz.settings.chunk_max_bytes)
    if isinstance(data, Response):
        return data
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256.lower():  # checked before anything is written
        raise ApiError(
            422, "checksum_mismatch", "the body does not match sha256", received_sha256=digest
        )
    info = await run_in_threadpool(read_dicom_info, data)  # outside the write transaction

    def work(c: Ctx):
        case = load_case(c, case_id, write=True)
        check_quota(c, case, len(data))
        c.state.files.put_bytes(data)
        mod = (modality or Modality(case.modality)).value
        name = safe_filename(filename)
        obj, out = store_object(c, case, name, len(data), digest, mod, info)
        resp = c.done(out, 201)
        c.state.preread.submit(obj.id)
        sync_of(c.request).submit(obj.id)  # STOW-RS to the PACS, if there is one
        return resp

    return await run_in_ctx(request, work)


@router.get("/cases/{case_id}/objects", summary="Files of a case")
def list_objects(case_id: int, c: CtxDep):
    load_case(c, case_id)
    objs = c.s.scalars(select(StoredObject).where(StoredObject.case_id == case_id))
    return c.done({"objects": [object_out(o) for o in objs]})


@router.get(
    "/objects/{object_id}/content",
    summary="Download a file's bytes (DICOM in a PACS: by WADO-RS, else the local copy)",
)
def download(
    object_id: int,
    c: CtxDep,
    anonymise: bool = Query(False, description="DICOM only: PS3.15 basic profile (sharing)"),
):
    obj = c.s.get(StoredObject, object_id)
    if obj is None:
        raise not_found("object", object_id)
    load_case(c, obj.case_id, shown=("object", object_id))
    c.audit("export" if anonymise else "view", "object", obj.id, anonymised=anonymise)
    if anonymise:
        return _anonymised(c, obj)
    row = c.s.get(PacsObject, obj.id)
    c.done({})  # commits: no database lock is held while the PACS answers
    data = sync_of(c.request).fetch(row, obj.sha256) if row is not None else None
    if data is not None:
        ascii_name = obj.filename.isascii() and '"' not in obj.filename
        disposition = (
            f'attachment; filename="{obj.filename}"'
            if ascii_name
            else f"attachment; filename*=utf-8''{quote(obj.filename)}"
        )
        headers = {
            "Content-Disposition": disposition,
            "X-Content-SHA256": hashlib.sha256(data).hexdigest(),  # of the bytes sent
            "X-Huizhen-Source": "pacs",
        }
        return Response(data, media_type="application/dicom", headers=headers)
    return FileResponse(
        c.state.files.blob_path(obj.sha256),
        filename=obj.filename,
        headers={"X-Content-SHA256": obj.sha256, "X-Huizhen-Source": "local"},
    )


def _anonymised(c: Ctx, obj: StoredObject) -> Response:
    """The object's DICOM without identifiers (the local copy, de-identified)."""
    import io

    import pydicom

    from app.anon import anonymise_dataset

    path = c.state.files.blob_path(obj.sha256)
    c.done({})
    if read_dicom_info(path) is None:
        raise ApiError(422, "not_dicom", "only DICOM objects can be exported anonymised")
    try:
        ds = anonymise_dataset(pydicom.dcmread(path))
    except ValueError as err:  # burned-in annotation
        raise ApiError(422, "cannot_anonymise", str(err)) from None
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    headers = {"Content-Disposition": f'attachment; filename="anonymised-{obj.id}.dcm"'}
    return Response(buf.getvalue(), media_type="application/dicom", headers=headers)


@router.get("/cases/{case_id}/ai-results", summary="AI pre-read results of a case")
def list_ai(case_id: int, c: CtxDep):
    load_case(c, case_id)
    rows = c.s.scalars(select(AIResult).where(AIResult.case_id == case_id))
    return c.done({"ai_results": [ai_out(r) for r in rows]})
