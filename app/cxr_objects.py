"""The chest X-ray model's heatmaps as a DICOM SEG stored with the case (Qt-free).

``store_heatmap_seg`` runs on the job runner: it takes the stored AI result
of a finding model (its heatmaps are kept in the result's details), writes a
FRACTIONAL SEG over the study's film (``inference.chest.cxr_seg``) and imports
it into the study; the 2D viewer's objects panel shows it over the film as a
toggleable overlay (segments where the heatmap is above one half).  When the
case is on the regional server (or queued to be), the SEG is queued for upload.
A result without heatmaps (checks only, or no positive label) has nothing to
store and says so.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

SEG_NAME = "cxr-heatmaps-seg.dcm"


class HeatmapObjectsError(ValueError):
    pass


def _film(store, study_pk: int) -> Path:
    source = store.open_source(study_pk)
    frames = getattr(source, "frames", None)
    if not frames:
        raise HeatmapObjectsError("the study has no film to reference")
    return Path(frames[0][0])  # (path, frame index)


def store_heatmap_seg(store, study_pk: int, payload: dict, state=None) -> dict:
    """SEG of the result's heatmaps into the study: {"seg": SOP UID, "paths", "queued"}."""
    from app.chest_objects import _import, _queue_upload, _sop_uid
    from inference.chest.cxr_seg import write_heatmap_seg

    details = payload.get("details") or {}
    if not details.get("heatmaps"):
        raise HeatmapObjectsError("no finding above the model's threshold: no heatmap to store")
    model = payload.get("model") or {}
    film = _film(store, study_pk)
    if state is not None:
        state.progress(0.2, "writing the heatmaps as DICOM SEG")
    with tempfile.TemporaryDirectory(prefix="huizhen-cxr-") as tmp:
        seg = write_heatmap_seg(details, model, film, Path(tmp) / SEG_NAME)
        uid = _sop_uid(seg)
        paths = _import(store, study_pk, [seg])
    return {"seg": uid, "paths": paths, "queued": _queue_upload(store, study_pk)}
