"""PACS: QIDO-RS study search for the workstation, PACS state of DICOM objects.

``GET /pacs/studies?PatientID=...`` answers from the DICOMweb PACS when one
is configured (else from the embedded index), and only ever with studies of
cases the caller may see: other clinics' studies and studies that reached
the PACS by other routes are never listed.
"""

from __future__ import annotations

import fnmatch

from fastapi import APIRouter, Query
from sqlalchemy import select

from server.access import visible_case_ids
from server.deps import CtxDep
from server.errors import ApiError, not_found
from server.models import PacsObject, StoredObject
from server.pacs import PacsError, pacs_out, sync_of
from server.routes.common import load_case

router = APIRouter(prefix="/api/v1", tags=["pacs"])


def _filter(description: str):
    return Query(None, max_length=200, description=description)


def _value(study: dict, tag: str):
    values = (study.get(tag) or {}).get("Value") or [None]
    return values[0]


def _match(value: str, pattern: str) -> bool:
    """QIDO matching on the embedded index: ``*``/``?`` wildcards, date ranges, UID lists."""
    if not pattern:
        return True
    if "-" in pattern and pattern.replace("-", "").isdigit():
        low, _, high = pattern.partition("-")
        return (not low or value >= low) and (not high or value <= high)
    options = [pattern] if "*" in pattern else pattern.replace("\\", ",").split(",")
    return any(fnmatch.fnmatchcase(value.upper(), p.upper()) for p in options)


def local_studies(rows: list[PacsObject], filters: dict[str, str]) -> list[dict]:
    """Study-level DICOM JSON built from the ``pacs_objects`` index."""
    grouped: dict[str, list[PacsObject]] = {}
    for r in rows:
        grouped.setdefault(r.study_uid, []).append(r)
    out = []
    for uid, group in grouped.items():
        r = group[0]
        mods = sorted({g.modality for g in group if g.modality})
        fields = {
            "PatientID": r.patient_id,
            "PatientName": r.patient_name,
            "StudyInstanceUID": uid,
            "StudyDate": r.study_date,
        }
        if not all(_match(fields[k], filters.get(k, "")) for k in fields):
            continue
        wanted = filters.get("ModalitiesInStudy", "")
        if wanted and not any(_match(m, wanted) for m in mods):
            continue
        out.append(
            {
                "00080020": {"vr": "DA", "Value": [r.study_date]} if r.study_date else {"vr": "DA"},
                "00080061": {"vr": "CS", "Value": mods},
                "00100010": {"vr": "PN", "Value": [{"Alphabetic": r.patient_name}]},
                "00100020": {"vr": "LO", "Value": [r.patient_id]},
                "0020000D": {"vr": "UI", "Value": [uid]},
                "00201206": {"vr": "IS", "Value": [len({g.series_uid for g in group})]},
                "00201208": {"vr": "IS", "Value": [len(group)]},
            }
        )
    return out


def _study_out(study: dict, rows: list[PacsObject]) -> dict:
    name = _value(study, "00100010")
    return {
        "study_uid": _value(study, "0020000D"),
        "patient_id": _value(study, "00100020") or "",
        "patient_name": (name or {}).get("Alphabetic", "") if isinstance(name, dict) else "",
        "study_date": _value(study, "00080020") or "",
        "modalities": (study.get("00080061") or {}).get("Value") or [],
        "case_ids": sorted({r.case_id for r in rows}),
        "object_ids": sorted(r.object_id for r in rows),
        "dicom": study,
    }


@router.get(
    "/pacs/studies",
    summary="QIDO-RS study search, limited to studies of cases the caller may see",
)
def search_studies(  # the parameters are DICOM keywords, as in QIDO-RS
    c: CtxDep,
    PatientID: str | None = _filter("exact, or with * and ? wildcards"),
    PatientName: str | None = _filter("DICOM PN (Family^Given), wildcards allowed"),
    StudyInstanceUID: str | None = _filter("one UID or a comma-separated list"),
    StudyDate: str | None = _filter("YYYYMMDD or a range YYYYMMDD-YYYYMMDD"),
    AccessionNumber: str | None = _filter("exact"),
    ModalitiesInStudy: str | None = _filter("e.g. ECG, CR"),
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
):
    filters = {
        k: v
        for k, v in {
            "PatientID": PatientID,
            "PatientName": PatientName,
            "StudyDate": StudyDate,
            "AccessionNumber": AccessionNumber,
            "ModalitiesInStudy": ModalitiesInStudy,
        }.items()
        if v
    }
    q = select(PacsObject).where(PacsObject.case_id.in_(visible_case_ids(c.user)))
    q = q.where(PacsObject.study_uid != "")  # a slide not yet converted has no study
    rows = list(c.s.scalars(q.order_by(PacsObject.object_id)))
    if StudyInstanceUID:
        asked = set(StudyInstanceUID.replace("\\", ",").split(","))
        rows = [r for r in rows if r.study_uid in asked]
    by_study: dict[str, list[PacsObject]] = {}
    for r in rows:
        by_study.setdefault(r.study_uid, []).append(r)
    c.s.expunge_all()  # keep the loaded rows as they are (a rollback would expire them)
    c.s.rollback()  # no database lock while the PACS answers
    archive = sync_of(c.request)
    # Only objects this server archived are matched in the PACS; the others
    # (not yet stored, UID conflicts) are matched in the index.
    archived = [r for r in rows if archive.remote and r.state == "stored"]
    in_pacs = {r.object_id for r in archived}
    indexed = [r for r in rows if r.object_id not in in_pacs]
    matched = {_value(st, "0020000D") for st in local_studies(indexed, filters)}
    if archived:
        uids = list(dict.fromkeys(r.study_uid for r in archived))
        try:
            found = archive.backend.search(filters, uids)
        except PacsError:  # the detail is logged by the PACS client, not sent
            raise ApiError(502, "pacs_unavailable", "the PACS did not answer") from None
        matched |= {_value(st, "0020000D") for st in found}
    # The answer is built from the caller's own rows, never from what the
    # PACS holds under a UID: the PACS only says which studies match.
    studies = [st for st in local_studies(rows, {}) if _value(st, "0020000D") in matched]
    out = [_study_out(st, by_study[_value(st, "0020000D")]) for st in studies]
    body = {"source": archive.backend.kind, "total": len(out), "studies": out[offset:][:limit]}
    return c.done(body)


def _load_row(c, object_id: int, write: bool = False) -> PacsObject:
    obj = c.s.get(StoredObject, object_id)
    if obj is None:
        raise not_found("object", object_id)
    load_case(c, obj.case_id, write=write, shown=("object", object_id))
    row = c.s.get(PacsObject, object_id)
    if row is None:
        raise ApiError(404, "not_dicom", f"object {object_id} is not a DICOM object")
    return row


@router.get("/objects/{object_id}/pacs", summary="PACS state and UIDs of a DICOM object")
def object_pacs(object_id: int, c: CtxDep):
    return c.done(pacs_out(_load_row(c, object_id)))


@router.get("/cases/{case_id}/pacs", summary="PACS state of the DICOM objects of a case")
def case_pacs(case_id: int, c: CtxDep):
    load_case(c, case_id)
    q = select(PacsObject).where(PacsObject.case_id == case_id).order_by(PacsObject.object_id)
    return c.done({"objects": [pacs_out(r) for r in c.s.scalars(q)]})


@router.post(
    "/objects/{object_id}/pacs/retry",
    status_code=202,
    summary="Send a DICOM object that is not yet in the PACS again (STOW-RS)",
)
def retry_pacs(object_id: int, c: CtxDep):
    row = _load_row(c, object_id, write=True)
    archive = sync_of(c.request)
    if not archive.remote:
        raise ApiError(409, "no_pacs", "no PACS is configured; the embedded store keeps it")
    out = pacs_out(row)
    queued = row.state in ("pending", "failed")
    resp = c.done(out | {"queued": queued}, 202 if queued else 200)
    if queued:
        archive.submit(object_id)
    return resp
