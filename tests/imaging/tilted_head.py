"""A gantry-tilted acquisition rebuilt from the real head CT (InVesalius example):
SYNTHETIC LAYOUT, real pixels.  Slice k is the head resampled (trilinear) on the
plane a scanner with its gantry tilted by ``degrees`` would image at table
position k * 1.5 mm: ImageOrientationPatient [1, 0, 0, 0, cos t, sin t],
ImagePositionPatient (0, 0, k * 1.5), GantryDetectorTilt t."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np


def head_volume(files):
    from app.imaging.series import series_info
    from app.imaging.volume import Volume

    return Volume.create(series_info(files)).load()


def sample(head, xyz: np.ndarray) -> np.ndarray:
    """The head's HU at patient points ``xyz`` (..., 3), -1024 outside (trilinear)."""
    from scipy.ndimage import map_coordinates

    zyx = head.patient_to_index(xyz)
    coords = np.moveaxis(zyx, -1, 0)
    return map_coordinates(head.array, coords, order=1, mode="constant", cval=-1024.0)


def write_tilted(files, folder: Path, degrees: float = 15.0, slices: int = 60) -> list[Path]:
    import pydicom
    from pydicom.uid import generate_uid

    head = head_volume(files)
    t = math.radians(degrees)
    table = 1.5
    _sz, sy, sx = head.spacing
    rows, cols = head.array.shape[1:]
    ii, jj = np.mgrid[0:rows, 0:cols].astype(float)
    series = generate_uid(entropy_srcs=["huizhen-tilted-head", str(degrees)])
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(slices):
        xyz = np.stack([jj * sx, ii * sy * math.cos(t), k * table + ii * sy * math.sin(t)], axis=-1)
        pixels = np.rint(sample(head, xyz)).astype(np.int16)
        ds = pydicom.dcmread(files[k])
        ds.SeriesInstanceUID = series
        ds.SeriesDescription = f"Head CT tilted {degrees:g} deg (synthetic layout)"
        ds.SOPInstanceUID = generate_uid(entropy_srcs=["huizhen-tilted-head", str(degrees), str(k)])
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.InstanceNumber = k + 1
        ds.ImageOrientationPatient = [1, 0, 0, 0, round(math.cos(t), 6), round(math.sin(t), 6)]
        ds.ImagePositionPatient = [0.0, 0.0, round(k * table, 4)]
        ds.SliceLocation = round(k * table, 4)
        ds.GantryDetectorTilt = degrees
        ds.PixelData = np.ascontiguousarray(pixels, dtype="<i2").tobytes()
        path = folder / f"TILT{k + 1:04d}.dcm"
        ds.save_as(path, enforce_file_format=True)
        out.append(path)
    return out
