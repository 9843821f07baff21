"""2D image sources: what the image readers' ``open()`` return.

An ``ImageSource`` is a stack of frames (the slices of a DICOM series, the
frames of a multi-frame file, or one photo) decoded on demand: ``frame(i)``
returns a ``LoadedImage`` ready for windowing.  Viewers and analyzers use it
without knowing the file format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from app.readers.base import ReadError


@dataclass
class LoadedImage:
    pixels: np.ndarray  # float32 (rows, cols) for grey, uint8 (rows, cols, 3) for colour
    rgb: bool
    window: tuple[float, float]  # centre, width (grey only)
    invert: bool = False  # MONOCHROME1
    laterality: str = ""
    info: dict = field(default_factory=dict)


class ImageSource:
    """Frames of one series; ``frame(i)`` decodes frame ``i`` (0-based)."""

    kind = "image"

    def __len__(self) -> int:
        raise NotImplementedError

    def frame(self, index: int, state=None) -> LoadedImage:
        raise NotImplementedError

    @property
    def default_index(self) -> int:
        """The frame a viewer shows first: the middle one (IHE Basic Image Review)."""
        return len(self) // 2

    def close(self) -> None:
        pass


class PhotoSource(ImageSource):
    """A JPEG/PNG photo (fundus camera output) decoded with Pillow."""

    def __init__(self, path: Path, laterality: str = "") -> None:
        self.path = Path(path)
        self.laterality = laterality

    def __len__(self) -> int:
        return 1

    def frame(self, index: int = 0, state=None) -> LoadedImage:
        from app.readers.photo import photo_pixels

        rgb = photo_pixels(self.path)  # size-checked; every failure is a ReadError
        h, w = rgb.shape[:2]
        info = {"rows": h, "columns": w, "photometric": "RGB", "spacing": []}
        return LoadedImage(
            np.ascontiguousarray(rgb), True, (128, 256), laterality=self.laterality, info=info
        )


def _sort_key(ds, path: Path) -> tuple:
    """Slices in anatomical order: along the slice normal, then instance number."""
    pos, orient = ds.get("ImagePositionPatient"), ds.get("ImageOrientationPatient")
    along = 0.0
    try:
        if pos is not None and orient is not None and len(orient) == 6:
            normal = np.cross(np.array(orient[:3], float), np.array(orient[3:], float))
            along = float(np.dot(normal, np.array(pos, float)))
    except (TypeError, ValueError):
        along = 0.0
    try:
        number = int(ds.get("InstanceNumber", 0) or 0)
    except (TypeError, ValueError):
        number = 0
    return along, number, path.name


class DicomSource(ImageSource):
    """The images of a DICOM series: one file per slice, or multi-frame files."""

    def __init__(self, files: list[Path]) -> None:
        from app.readers.dicom_io import frame_geometry, read_dicom

        heads = []
        for f in files:
            try:
                ds = read_dicom(f, stop_before_pixels=True)
            except ReadError as err:
                raise ReadError(f"{Path(f).name}: {err}", err.kind) from err
            if "Rows" not in ds:
                continue  # a non-image object of the series (SR, presentation state)
            frames, _size = frame_geometry(ds, Path(f).stat().st_size)
            heads.append((_sort_key(ds, Path(f)), Path(f), frames))
        if not heads:
            raise ReadError("this series holds no image", "corrupt")
        heads.sort(key=lambda h: h[0])
        # (file, frame in file) for each displayed frame
        self.frames = [(p, k if n > 1 else None) for _key, p, n in heads for k in range(n)]
        self.files = [p for _key, p, _n in heads]

    def __len__(self) -> int:
        return len(self.frames)

    def frame(self, index: int, state=None) -> LoadedImage:
        from app.readers.dicom_pixels import decode_frame

        index = min(max(int(index), 0), len(self.frames) - 1)
        path, k = self.frames[index]
        return decode_frame(path, k, state)
