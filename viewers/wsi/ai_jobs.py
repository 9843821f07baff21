"""AI on slides from the viewer, Qt-free job functions (``fn(..., state)``).

Tissue detection and nuclei detection run ``inference.wsi`` over the whole
tissue or a level-0 region and save their results beside the annotations:
detections as QuPath GeoJSON, the nuclear density heatmap and the tissue mask
as rasters (float32 / uint8 TIFF with the pixel size in the resolution
tags).  ``load_saved`` reads them back when a case is reopened.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from app.fileio import atomic_write_bytes
from viewers.wsi.detections import DetectionSet

NOT_CLINICAL = "AI result - not for clinical use"
TISSUE_ANALYZER = "huizhen-tissue-otsu 0.1.0"  # inference.wsi.tissue: saturation + Otsu


@dataclass
class NucleiOutput:
    detections: DetectionSet
    density: np.ndarray
    density_ds: float
    analyzer: str
    count: int
    provenance: dict[str, Any] = field(default_factory=dict)


def _mpp(source) -> float:
    return (source.mpp or (0.25, 0.25))[0]


def save_mask(path: Path, mask: np.ndarray, downsample: float, mpp: float) -> None:
    import tifffile

    res = 1e4 / (mpp * downsample)
    buf = io.BytesIO()
    tifffile.imwrite(
        buf,
        mask.astype(np.uint8) * 255,
        resolution=(res, res),
        resolutionunit="CENTIMETER",
        description="Huizhen tissue mask (AI result - not for clinical use)",
        metadata=None,
    )
    atomic_write_bytes(path, buf.getvalue())


def read_raster(path: Path, mpp: float) -> tuple[np.ndarray, float]:
    """(array, downsample vs level 0) of a raster written by this module or ``save_heatmap``."""
    import tifffile

    with tifffile.TiffFile(path) as tf:
        page = tf.pages[0]
        arr = page.asarray()
        num, den = page.tags["XResolution"].value
    res = num / den  # pixels per cm
    return arr, float(1e4 / (res * mpp))


def tissue_job(source, out: dict[str, Path] | None, state=None):
    from inference.wsi import detect_tissue

    tissue = detect_tissue(source, state=state)
    if state is not None:
        state.check()
    if out:
        save_mask(out["tissue"], tissue.mask, tissue.downsample, _mpp(source))
    return tissue


class StreamSink:
    """Tiles' nuclei handed from the job's thread to the viewer, which polls ``take``."""

    def __init__(self, labels: dict[str, str] | None = None) -> None:
        import threading

        self._lock = threading.Lock()
        self._batches: list = []
        self.done = self.total = self.count = 0
        self.labels = labels or {}

    def put(self, _index: int, batch) -> None:
        with self._lock:
            self._batches.append(batch)

    def take(self) -> list:
        with self._lock:
            out, self._batches = self._batches, []
        return out

    def describe(self, done: int, total: int, count: int) -> str:
        """Progress text in the user's language (templates translated by the viewer)."""
        self.done, self.total, self.count = done, total, count
        text = self.labels.get("progress", "nuclei: tile %1/%2, %3 found")
        return (
            text.replace("%1", str(self.done))
            .replace("%2", str(self.total))
            .replace("%3", f"{self.count:,}")
        )


def nucleus_set(batch, analyzer: str) -> DetectionSet:
    return DetectionSet(
        batch.coords,
        batch.offsets,
        np.zeros(len(batch), np.int16),
        [("Nucleus", (60, 60, 200))],
        label=analyzer,
        ai=True,
        measurements=dict(batch.measurements),
        centroids=batch.centroids,
    )


def nuclei_job(
    source, region, tissue, out: dict[str, Path] | None, state=None, sink=None, inside=None
) -> NucleiOutput:
    """Nuclei over ``region`` (level-0 x, y, w, h; None = all tissue), results saved.

    ``sink`` (a ``StreamSink``) receives each tile's nuclei as it finishes;
    ``inside`` (GeoJSON geometry) keeps only nuclei whose centre lies in it.
    """
    from app.annotations.geojson import save_geojson
    from inference.wsi import (
        ANALYZER,
        VERSION,
        density_heatmap,
        detect_tissue,
        run_nuclei,
        save_heatmap,
    )

    if tissue is None:
        tissue = detect_tissue(source)

    result = run_nuclei(
        source,
        region=region,
        state=state,
        tissue=tissue,
        on_tile=sink.put if sink is not None else None,
        describe=sink.describe if sink is not None else None,
    )
    if inside is not None:
        from inference.wsi.regions import keep_inside

        result.batch = keep_inside(result.batch, inside)
    if state is not None:
        state.check()
        state.progress(1.0, "saving results")
    analyzer = f"{ANALYZER} {VERSION}"
    prov = {**result.provenance(), "note": NOT_CLINICAL}
    mpp = _mpp(source)
    density, ds = density_heatmap(result.centroids, source.dimensions, mpp)
    if out:
        out["nuclei"].parent.mkdir(parents=True, exist_ok=True)
        save_geojson(out["nuclei"], result.features(), huizhen={"provenance": prov})
        save_heatmap(out["density"], density, ds, mpp)
    dets = nucleus_set(result.batch, analyzer)
    return NucleiOutput(dets, density, ds, analyzer, len(dets), prov)


def load_saved(source, out: dict[str, Path] | None, state=None) -> dict[str, Any]:
    """AI results saved earlier for this study: nuclei, density, tissue (what exists)."""
    from app.annotations.geojson import parse_geojson

    found: dict[str, Any] = {}
    if not out:
        return found
    mpp = _mpp(source)
    if out["nuclei"].exists():
        data = json.loads(out["nuclei"].read_text("utf-8"))
        if state is not None:
            state.check()
        prov = (data.get("huizhen") or {}).get("provenance") or {}
        analyzer = f"{prov.get('analyzer', '?')} {prov.get('version', '?')}"
        feats = parse_geojson(data).features
        found["nuclei"] = DetectionSet.from_features(feats, label=analyzer, ai=True)
        found["nuclei_analyzer"] = analyzer
        apply_rule(found["nuclei"], out.get("nuclei_rule"))
    for key in ("density", "tissue"):
        if out[key].exists():
            try:
                arr, ds = read_raster(out[key], mpp)
            except (OSError, ValueError, KeyError):
                continue
            found[key] = (arr > 127 if key == "tissue" else arr.astype(np.float32), ds)
    return found


def save_rule(path: Path | None, measurement: str, threshold: float) -> None:
    """The positive/negative rule of a nuclei layer (small; re-applied when the case reopens)."""
    from app.fileio import atomic_write_json

    if path is not None:
        atomic_write_json(path, {"measurement": measurement, "threshold": float(threshold)})


def apply_rule(dets: DetectionSet, path: Path | None) -> bool:
    """Classify ``dets`` by a saved rule; False when there is none or it does not fit."""
    from inference.wsi.classify import CLASSES, threshold_classes

    if path is None or not Path(path).exists():
        return False
    try:
        rule = json.loads(Path(path).read_text("utf-8"))
        values = dets.measurements[rule["measurement"]]
        threshold = float(rule["threshold"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    dets.cls = threshold_classes(values, threshold)
    dets.classes = [(name, colour) for name, colour in CLASSES]
    return True
