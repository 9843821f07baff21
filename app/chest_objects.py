"""The reviewed AI nodules as DICOM SEG + SR, stored with the case and synced (Qt-free).

``store_nodule_objects`` runs on the job runner: it reads the study's CT
series and takes each nodule's mask kept with the AI result by the pre-read
(``inference.chest.masks``).  A result without them (stored before masks were
kept, or damaged) falls back to finding the nodules again with the same
built-in pipeline, checked to be the stored result's nodules (same ids,
centres within 1.5 mm), and says so.  It keeps only those the doctor accepted or
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


def _kept_masks(payload: dict, kept: list[dict], vol) -> tuple[list | None, str]:
    """The pre-read's masks of the kept nodules, or (None, why they cannot be used)."""
    from inference.chest.masks import MaskError, kept_masks

    try:
        masks = kept_masks(payload.get("details") or {}, [n["id"] for n in kept], vol.shape)
    except MaskError as e:
        return None, str(e)
    if masks is None:
        return None, "the AI result keeps no nodule masks for this series (an older result)"
    for n, (box, mask) in zip(kept, masks, strict=True):
        centre = np.argwhere(mask).mean(axis=0) + [s.start for s in box]  # z, y, x
        d = np.linalg.norm((centre - np.asarray(n["centre_voxel"], float)[::-1]) * vol.spacing)
        if d > 1.5:
            return None, f"nodule {n['id']}'s kept mask is {d:.1f} mm from its centre"
    return masks, ""


def _found_again(kept: list[dict], vol, state) -> list:
    from inference.chest.analysis import analyze_volume

    masks: list = []
    found = analyze_volume(vol.array, vol.spacing, vol.index_to_patient, state, masks=masks)
    return [m for _n, m in _match(kept, found["nodules"], masks)]


def store_nodule_objects(store, study_pk: int, payload: dict, review, state=None) -> dict:
    """SEG + SR of the kept nodules into the study; returns {"seg", "sr", "queued",
    "paths", "masks"}: "masks" is "kept" (the pre-read's) or "found again" (with
    "why": the result kept none, e.g. one stored before masks were kept)."""
    from inference.chest.export import write_nodule_seg, write_nodule_sr

    kept = cr.final_nodules(payload, review)
    if not kept:
        raise NoduleObjectsError("no nodule accepted: nothing to store")
    source = store.open_source(study_pk)
    if not hasattr(source, "volume"):
        raise NoduleObjectsError("the study's series is not a CT volume")
    vol = source.volume(state)
    masks, why = _kept_masks(payload, kept, vol)
    if masks is None:
        if state is not None:
            state.progress(0.0, "finding the nodules again (no kept masks)")
        masks = _found_again(kept, vol, state)
    report = {"nodules": kept}
    with tempfile.TemporaryDirectory(prefix="huizhen-chest-") as tmp:
        seg = write_nodule_seg(report, vol, masks, Path(tmp) / SEG_NAME, description=DESCRIPTION)
        sr = write_nodule_sr(report, vol, Path(tmp) / SR_NAME, description=DESCRIPTION)
        uids = {"seg": _sop_uid(seg), "sr": _sop_uid(sr)}
        paths = _import(store, study_pk, [seg, sr])
    queued = _queue_upload(store, study_pk)
    review.objects = uids
    cr.save_review(store, study_pk, review)
    how = {"masks": "found again", "why": why} if why else {"masks": "kept"}
    return {**uids, "queued": queued, "paths": paths, **how}


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
