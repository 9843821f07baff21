"""The reviewed AI nodules as DICOM SEG + SR, stored with the case and synced (Qt-free).

``store_nodule_objects`` runs on the job runner: it reads the study's CT
series, finds the nodules again with the same built-in pipeline (its masks
are not kept in the AI result), checks they are the stored result's nodules
(same ids, centres within 1.5 mm), keeps only those the doctor accepted or
modified (with the doctor's size and type, Lung-RADS recomputed), writes a
SEG (one segment per nodule) and a TID 1500 SR, and imports both into the
study as objects of its own Study Instance UID.  When the case is on the
regional server (or queued to be), the new objects are queued for upload, so
the specialist opens the same nodules.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from app import chest_review as cr

DESCRIPTION = "AI lung nodules reviewed by the doctor (not for clinical use)"
SEG_NAME, SR_NAME = "nodules-seg.dcm", "nodules-sr.dcm"


class NoduleObjectsError(ValueError):
    pass


def _match(stored: list[dict], found: list[dict], masks: list) -> list[tuple[dict, Any]]:
    """Each stored (kept) nodule with the mask of the same nodule found again."""
    out = []
    for n in stored:
        hit = next((i for i, f in enumerate(found) if f["id"] == n["id"]), None)
        if hit is None:
            raise NoduleObjectsError(f"nodule {n['id']} was not found again in the series")
        d = np.linalg.norm(np.subtract(found[hit]["centre_mm"], n["centre_mm"]))
        if d > 1.5:
            raise NoduleObjectsError(
                f"nodule {n['id']} is {d:.1f} mm from the stored AI result's: "
                "the series is not the one the AI read"
            )
        out.append((n, masks[hit]))
    return out


def store_nodule_objects(store, study_pk: int, payload: dict, review, state=None) -> dict:
    """SEG + SR of the kept nodules into the study; returns {"seg", "sr", "queued"}."""
    from inference.chest.analysis import analyze_volume
    from inference.chest.export import write_nodule_seg, write_nodule_sr

    kept = cr.final_nodules(payload, review)
    if not kept:
        raise NoduleObjectsError("no nodule accepted: nothing to store")
    source = store.open_source(study_pk)
    if not hasattr(source, "volume"):
        raise NoduleObjectsError("the study's series is not a CT volume")
    vol = source.volume(state)
    masks: list = []
    found = analyze_volume(vol.array, vol.spacing, vol.index_to_patient, state, masks=masks)
    pairs = _match(kept, found["nodules"], masks)
    report = {"nodules": [n for n, _m in pairs]}
    with tempfile.TemporaryDirectory(prefix="huizhen-chest-") as tmp:
        seg = write_nodule_seg(
            report, vol, [m for _n, m in pairs], Path(tmp) / SEG_NAME,
            description=DESCRIPTION,
        )  # fmt: skip
        sr = write_nodule_sr(report, vol, Path(tmp) / SR_NAME, description=DESCRIPTION)
        uids = {"seg": _sop_uid(seg), "sr": _sop_uid(sr)}
        paths = _import(store, study_pk, [seg, sr])
    queued = _queue_upload(store, study_pk)
    review.objects = uids
    cr.save_review(store, study_pk, review)
    return {**uids, "queued": queued, "paths": paths}


def _sop_uid(path: Path) -> str:
    from app.readers.dicom_io import read_dicom

    return str(read_dicom(path, stop_before_pixels=True).SOPInstanceUID)


def _import(store, study_pk: int, files: list[Path]) -> list[str]:
    """Import the files into the study; returns their paths in the store."""
    from sqlalchemy import select

    from app.blobstore import sha256_file
    from app.importer import run_import
    from app.models import StoredObject

    digests = [sha256_file(f) for f in files]
    report = run_import(store, files)
    wrong = [e for e in report.entries if e.study_pk != study_pk]
    if wrong:
        raise NoduleObjectsError(f"the objects were not stored with this case: {wrong[0].reason}")
    with store.read_session() as s:
        q = select(StoredObject).where(
            StoredObject.study_pk == study_pk, StoredObject.sha256.in_(digests)
        )
        return [str(store.object_file(o)) for o in s.scalars(q)]


def _queue_upload(store, study_pk: int) -> bool:
    """Queue the study's new objects for the server when the case is there (or queued)."""
    from app.sync.outbox import queue_new_objects

    return queue_new_objects(store, study_pk)


def stored_review(store, study_pk: int) -> dict | None:
    """The newest reviewed-nodule SR stored with the case (here, or by the requesting
    clinic and pulled from the server): ``{"ids", "when", "uid"}``, or None."""
    import highdicom as hd
    from sqlalchemy import select

    from app.models import StoredObject

    with store.read_session() as s:
        objs = list(
            s.scalars(
                select(StoredObject).where(
                    StoredObject.study_pk == study_pk, StoredObject.filename == SR_NAME
                )
            )
        )
        paths = [store.object_file(o) for o in objs]
    found = []
    for path in paths:
        try:
            sr = hd.sr.srread(path)
        except Exception:  # absent (not downloaded yet) or not an SR: not this one
            continue
        if str(getattr(sr, "SeriesDescription", "")) != DESCRIPTION:
            continue
        ids = []
        for g in sr.content.get_planar_roi_measurement_groups():
            tail = str(g.tracking_identifier or "").rsplit(" ", 1)[-1]
            if tail.isdigit():
                ids.append(int(tail))
        when = f"{getattr(sr, 'ContentDate', '')}{getattr(sr, 'ContentTime', '')}"
        found.append({"ids": sorted(ids), "when": when, "uid": str(sr.SOPInstanceUID)})
    return max(found, key=lambda f: f["when"]) if found else None
