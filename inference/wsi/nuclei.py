"""Nuclei detection, classic QuPath-style cell detection without weights.

Per tile: colour deconvolution (``skimage.color.rgb2hed``) -> haematoxylin
optical density -> Gaussian smoothing -> background subtraction (grey opening)
-> fixed OD threshold -> hole filling -> distance-transform watershed to split
touching nuclei -> area filter.  All sizes are in microns, so the same
parameters work at any pixel size.  Tiles overlap; a nucleus belongs to the
tile whose core holds its centroid, so none is counted twice.
"""

from __future__ import annotations

import math
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np

ANALYZER = "huizhen-nuclei-watershed"
VERSION = "0.1.0"
OD_SCALE = math.log(1e6) / math.log(10)  # skimage's rgb2hed units -> optical density


@dataclass(frozen=True)
class NucleiParams:
    requested_mpp: float = 0.5  # analysis pixel size (QuPath's default)
    sigma_um: float = 1.0
    background_radius_um: float = 12.0
    threshold_od: float = 0.12
    min_area_um2: float = 10.0
    max_area_um2: float = 400.0
    split_distance_um: float = 3.0
    tile_px: int = 1024
    overlap_um: float = 16.0
    min_tissue_fraction: float = 0.02


@dataclass
class Nucleus:
    contour: np.ndarray  # (n, 2) x, y in level-0 pixels, closed ring
    centroid: tuple[float, float]  # level-0 pixels
    area_um2: float
    h_od_mean: float
    circularity: float


def haematoxylin_od(rgb: np.ndarray) -> np.ndarray:
    from skimage.color import rgb2hed

    return np.clip(rgb2hed(rgb)[..., 0] * OD_SCALE, 0, None).astype(np.float32)


def _foreground(h: np.ndarray, mpp: float, p: NucleiParams) -> np.ndarray:
    from scipy import ndimage as ndi
    from skimage.morphology import disk

    smooth = ndi.gaussian_filter(h, p.sigma_um / mpp)
    f = max(1, int(round(2.0 / mpp)))  # background at ~2 um/px is plenty
    small = smooth[::f, ::f]
    radius = max(1, int(round(p.background_radius_um / mpp / f)))
    bg = ndi.grey_opening(small, footprint=disk(radius))
    if f > 1:
        bg = np.repeat(np.repeat(bg, f, 0), f, 1)[: h.shape[0], : h.shape[1]]
        bg = ndi.uniform_filter(bg, f)
    mask = (smooth - bg) > p.threshold_od
    return ndi.binary_fill_holes(mask)


def detect_nuclei(
    rgb: np.ndarray,
    mpp: float,
    params: NucleiParams | None = None,
    origin: tuple[float, float] = (0.0, 0.0),
    scale: float = 1.0,
    core: tuple[int, int, int, int] | None = None,
) -> list[Nucleus]:
    """Nuclei in one RGB image at ``mpp`` microns per pixel.

    Output coordinates are ``origin + scale * pixel`` (level-0 pixels when
    ``scale`` is the level's downsample).  With ``core = (x0, y0, x1, y1)`` only
    nuclei whose centroid lies in that pixel box are returned.
    """
    from scipy import ndimage as ndi
    from skimage.feature import peak_local_max
    from skimage.measure import find_contours, label, regionprops
    from skimage.segmentation import watershed

    p = params or NucleiParams()
    h = haematoxylin_od(rgb)
    mask = _foreground(h, mpp, p)
    min_px = p.min_area_um2 / mpp**2
    if not mask.any():
        return []
    dist = ndi.gaussian_filter(ndi.distance_transform_edt(mask), 1.0)
    blobs = label(mask)
    peaks = peak_local_max(
        dist,
        min_distance=max(1, int(p.split_distance_um / mpp)),
        labels=blobs,
        exclude_border=False,
    )
    markers = np.zeros(mask.shape, np.int32)
    markers[tuple(peaks.T)] = np.arange(1, len(peaks) + 1)
    labels = watershed(-dist, markers, mask=mask)
    out = []
    ox, oy = origin
    for region in regionprops(labels, intensity_image=h):
        area_um2 = region.area * mpp**2
        if region.area < min_px or area_um2 > p.max_area_um2:
            continue
        cy, cx = region.centroid
        if core is not None and not (core[0] <= cx < core[2] and core[1] <= cy < core[3]):
            continue
        r0, c0, _, _ = region.bbox
        contours = find_contours(np.pad(region.image, 1).astype(np.uint8), 0.5)
        if not contours:
            continue
        contour = max(contours, key=len)
        perim = float(np.hypot(*np.diff(contour, axis=0).T).sum())
        ring = _simplify(contour)
        if len(ring) < 4:
            continue
        xy = np.column_stack((ring[:, 1] + c0 - 1, ring[:, 0] + r0 - 1))
        xy = xy * scale + (ox, oy)
        xy[-1] = xy[0]
        circ = min(1.0, 4 * math.pi * region.area / perim**2) if perim > 0 else 0.0
        out.append(
            Nucleus(
                contour=xy,
                centroid=(ox + cx * scale, oy + cy * scale),
                area_um2=float(area_um2),
                h_od_mean=float(region.intensity_mean),
                circularity=float(circ),
            )
        )
    return out


def _simplify(ring: np.ndarray) -> np.ndarray:
    """Drop collinear points of a closed marching-squares contour (vectorised)."""
    pts = ring[:-1] if len(ring) > 1 and np.array_equal(ring[0], ring[-1]) else ring
    if len(pts) < 4:
        return np.vstack([pts, pts[:1]])
    a = pts - np.roll(pts, 1, axis=0)
    b = np.roll(pts, -1, axis=0) - pts
    keep = np.abs(a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0]) > 1e-9
    pts = pts[keep] if keep.sum() >= 3 else pts
    return np.vstack([pts, pts[:1]])


def nucleus_feature(n: Nucleus, analyzer: str = ANALYZER, version: str = VERSION) -> dict[str, Any]:
    import uuid

    ring = [[round(float(x), 2), round(float(y), 2)] for x, y in n.contour]
    return {
        "type": "Feature",
        "id": str(uuid.uuid4()),
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "properties": {
            "objectType": "detection",
            "classification": {"name": "Nucleus", "color": [60, 60, 200]},
            "measurements": {
                "Nucleus: Area µm^2": round(n.area_um2, 3),
                "Nucleus: Hematoxylin OD mean": round(n.h_od_mean, 4),
                "Nucleus: Circularity": round(n.circularity, 4),
            },
            "metadata": {"analyzer": analyzer, "analyzer_version": version},
        },
    }


@dataclass
class NucleiResult:
    nuclei: list[Nucleus]
    tiles: int
    tissue_tiles: int
    seconds: float
    mpp: float  # analysis pixel size
    region: tuple[int, int, int, int]  # level-0 x, y, w, h
    analyzer: str = ANALYZER
    version: str = VERSION
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def centroids(self) -> np.ndarray:
        return np.array([n.centroid for n in self.nuclei], float).reshape(-1, 2)

    def features(self) -> list[dict[str, Any]]:
        return [nucleus_feature(n, self.analyzer, self.version) for n in self.nuclei]

    def provenance(self) -> dict[str, Any]:
        return {
            "analyzer": self.analyzer,
            "version": self.version,
            "nuclei": len(self.nuclei),
            "tiles": self.tiles,
            "tissue_tiles": self.tissue_tiles,
            "analysis_mpp": self.mpp,
            "region": list(self.region),
            "seconds": round(self.seconds, 2),
            **self.extra,
        }


def run_nuclei(
    source,
    region: tuple[int, int, int, int] | None = None,
    state=None,
    params: NucleiParams | None = None,
    workers: int | None = None,
    tissue=None,
) -> NucleiResult:
    """Detect nuclei over the tissue of a ``SlideSource`` (or a level-0 ``region``)."""
    from inference.wsi.tissue import detect_tissue

    p = params or NucleiParams()
    t0 = time.perf_counter()
    if state is not None:
        state.check()
    mpp0 = (source.mpp or (0.25, 0.25))[0]
    level = source.best_level(max(p.requested_mpp / mpp0, 1.0))
    ds = source.level_downsamples[level]
    mpp = mpp0 * ds
    lw, lh = source.level_dimensions[level]
    x0, y0, w0, h0 = region or (0, 0, *source.dimensions)
    rx0, ry0 = max(0, int(x0 / ds)), max(0, int(y0 / ds))
    rx1, ry1 = min(lw, math.ceil((x0 + w0) / ds)), min(lh, math.ceil((y0 + h0) / ds))
    if rx1 <= rx0 or ry1 <= ry0:
        raise ValueError("region lies outside the slide")
    if tissue is None:
        tissue = detect_tissue(source)
    t, margin = p.tile_px, int(math.ceil(p.overlap_um / mpp))
    boxes = [
        (x, y, min(x + t, rx1), min(y + t, ry1))
        for y in range(ry0, ry1, t)
        for x in range(rx0, rx1, t)
    ]
    todo = [
        b
        for b in boxes
        if tissue.fraction_in(b[0] * ds, b[1] * ds, (b[2] - b[0]) * ds, (b[3] - b[1]) * ds)
        >= p.min_tissue_fraction
    ]

    def one(box):
        if state is not None and state.cancelled:
            return []
        bx0, by0, bx1, by1 = box
        ex0, ey0 = max(0, bx0 - margin), max(0, by0 - margin)
        ex1, ey1 = min(lw, bx1 + margin), min(lh, by1 + margin)
        rgb = source.read_region(level, ex0, ey0, ex1 - ex0, ey1 - ey0, cached=False)
        core = (bx0 - ex0, by0 - ey0, bx1 - ex0, by1 - ey0)
        return detect_nuclei(rgb, mpp, p, origin=(ex0 * ds, ey0 * ds), scale=ds, core=core)

    nuclei: list[Nucleus] = []
    workers = workers or os.cpu_count() or 1
    with ThreadPoolExecutor(workers, thread_name_prefix="nuclei") as pool:
        futures = [pool.submit(one, b) for b in todo]
        try:
            for i, fut in enumerate(futures):
                if state is not None:
                    state.check()
                nuclei.extend(fut.result())
                if state is not None:
                    state.progress(
                        (i + 1) / len(futures),
                        f"nuclei: tile {i + 1}/{len(futures)}, {len(nuclei)} found",
                    )
        finally:
            for fut in futures:
                fut.cancel()
    return NucleiResult(
        nuclei=nuclei,
        tiles=len(boxes),
        tissue_tiles=len(todo),
        seconds=time.perf_counter() - t0,
        mpp=mpp,
        region=(int(x0), int(y0), int(w0), int(h0)),
    )
