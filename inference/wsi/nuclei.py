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
from dataclasses import dataclass, field
from typing import Any

import numpy as np

ANALYZER = "huizhen-nuclei-watershed"
VERSION = "0.2.0"  # 0.2: perimeter, eosin OD, optional cell expansion
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
    cell_expansion_um: float = 0.0  # > 0: cells = nuclei grown this far (QuPath: 5 um)


@dataclass
class Nucleus:
    contour: np.ndarray  # (n, 2) x, y in level-0 pixels, closed ring
    centroid: tuple[float, float]  # level-0 pixels
    area_um2: float
    h_od_mean: float
    circularity: float
    perimeter_um: float = 0.0
    e_od_mean: float = 0.0
    cell_area_um2: float = 0.0  # 0 when cells were not expanded
    nucleus_cell_ratio: float = 0.0

    def measurements(self) -> dict[str, float]:
        """QuPath-style names -> values (cell values only when cells were expanded)."""
        m = {
            "Nucleus: Area µm^2": self.area_um2,
            "Nucleus: Perimeter µm": self.perimeter_um,
            "Nucleus: Circularity": self.circularity,
            "Nucleus: Hematoxylin OD mean": self.h_od_mean,
            "Nucleus: Eosin OD mean": self.e_od_mean,
        }
        if self.cell_area_um2 > 0:
            m["Cell: Area µm^2"] = self.cell_area_um2
            m["Nucleus/Cell area ratio"] = self.nucleus_cell_ratio
        return m


def haematoxylin_od(rgb: np.ndarray) -> np.ndarray:
    return stain_od(rgb)[0]


def stain_od(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Haematoxylin and eosin optical density (colour deconvolution, Ruifrok & Johnston)."""
    from inference.wsi.segment import stain_od as deconvolve

    return deconvolve(rgb, OD_SCALE)


def _foreground(h: np.ndarray, mpp: float, p: NucleiParams) -> np.ndarray:
    from scipy import ndimage as ndi
    from skimage.morphology import disk

    from inference.wsi.segment import fill_holes

    smooth = ndi.gaussian_filter(h, p.sigma_um / mpp)
    f = max(1, int(round(2.0 / mpp)))  # background at ~2 um/px is plenty
    small = smooth[::f, ::f]
    radius = max(1, int(round(p.background_radius_um / mpp / f)))
    bg = ndi.grey_opening(small, footprint=disk(radius))
    if f > 1:
        bg = np.repeat(np.repeat(bg, f, 0), f, 1)[: h.shape[0], : h.shape[1]]
        bg = ndi.uniform_filter(bg, f)
    mask = (smooth - bg) > p.threshold_od
    return fill_holes(mask)


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
    from skimage.measure import label
    from skimage.segmentation import expand_labels

    from inference.wsi.outlines import label_outlines
    from inference.wsi.segment import label_peaks, region_stats, split_blobs

    p = params or NucleiParams()
    h, e = stain_od(rgb)
    mask = _foreground(h, mpp, p)
    min_px = p.min_area_um2 / mpp**2
    if not mask.any():
        return []
    dist = ndi.gaussian_filter(ndi.distance_transform_edt(mask), 1.0)
    blobs = label(mask)
    peaks = label_peaks(dist, blobs, max(1, int(p.split_distance_um / mpp)))
    markers = np.zeros(mask.shape, np.int32)
    markers[tuple(peaks.T)] = np.arange(1, len(peaks) + 1)
    labels = split_blobs(-dist, markers, mask)
    area, cy_all, cx_all, (h_mean, e_mean) = region_stats(labels, h, e)
    cell_area: np.ndarray | None = None
    if p.cell_expansion_um > 0:
        cells = expand_labels(labels, p.cell_expansion_um / mpp)
        cell_area = np.bincount(cells.ravel(), minlength=labels.max() + 1)
    wanted = (area >= min_px) & (area * mpp**2 <= p.max_area_um2)
    wanted[0] = False
    if core is not None:
        wanted &= (cx_all >= core[0]) & (cx_all < core[2])
        wanted &= (cy_all >= core[1]) & (cy_all < core[3])
    ids, _, _, perims, offsets, rings = label_outlines(labels, wanted)
    out = []
    ox, oy = origin
    for i, lab in enumerate(ids.tolist()):
        ring = rings[offsets[i] : offsets[i + 1]]
        if len(ring) < 4:
            continue
        xy = ring[:, ::-1] * scale + (ox, oy)
        xy[-1] = xy[0]
        perim = float(perims[i])
        n_px = int(area[lab])
        area_um2 = n_px * mpp**2
        circ = min(1.0, 4 * math.pi * n_px / perim**2) if perim > 0 else 0.0
        cell_um2 = float(cell_area[lab]) * mpp**2 if cell_area is not None else 0.0
        out.append(
            Nucleus(
                contour=xy,
                centroid=(ox + cx_all[lab] * scale, oy + cy_all[lab] * scale),
                area_um2=float(area_um2),
                h_od_mean=float(h_mean[lab]),
                circularity=float(circ),
                perimeter_um=perim * mpp,
                e_od_mean=float(e_mean[lab]),
                cell_area_um2=cell_um2,
                nucleus_cell_ratio=float(area_um2 / cell_um2) if cell_um2 > 0 else 0.0,
            )
        )
    return out


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
            "measurements": {k: round(float(v), 4) for k, v in n.measurements().items()},
            "metadata": {"analyzer": analyzer, "analyzer_version": version},
        },
    }


@dataclass
class NucleiResult:
    batch: Any  # parallel.NucleiBatch: rings, centroids, a column per measurement
    tiles: int
    tissue_tiles: int
    seconds: float
    mpp: float  # analysis pixel size
    region: tuple[int, int, int, int]  # level-0 x, y, w, h
    analyzer: str = ANALYZER
    version: str = VERSION
    extra: dict[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.batch)

    @property
    def centroids(self) -> np.ndarray:
        return np.asarray(self.batch.centroids, float).reshape(-1, 2)

    def features(self) -> list[dict[str, Any]]:
        return self.batch.features(self.analyzer, self.version)

    def provenance(self) -> dict[str, Any]:
        return {
            "analyzer": self.analyzer,
            "version": self.version,
            "nuclei": len(self.batch),
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
    on_tile=None,
    describe=None,
) -> NucleiResult:
    """Detect nuclei over the tissue of a ``SlideSource`` (or a level-0 ``region``).

    Tiles run in worker processes (``inference.wsi.parallel``); ``on_tile`` gets
    each tile's ``NucleiBatch`` as it finishes, ``state`` progress in tiles
    (``describe(done, total, found)`` words it, in the user's language).
    """
    from inference.wsi.parallel import run_stream

    if state is not None:
        state.check()

    def progress(done: int, total: int, count: int) -> None:
        if state is not None:
            text = describe(done, total, count) if describe else None
            text = text or f"nuclei: tile {done}/{total}, {count} found"
            state.progress(done / max(total, 1), text)

    stats: dict[str, float] = {}
    batch, plan, seconds = run_stream(
        source, region, state, params, workers, tissue, on_tile, progress, stats
    )
    x0, y0, w0, h0 = region or (0, 0, *source.dimensions)
    return NucleiResult(
        batch=batch,
        tiles=len(plan.boxes),
        tissue_tiles=len(plan.todo),
        seconds=seconds,
        mpp=plan.mpp,
        region=(int(x0), int(y0), int(w0), int(h0)),
        extra={"workers": workers or 0, "cpu_seconds": round(stats.get("cpu_seconds", 0.0), 2)},
    )
