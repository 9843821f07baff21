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


@dataclass
class LoadedImage:
    pixels: np.ndarray  # float32 (rows, cols) for grey, uint8 (rows, cols, 3) for colour
    rgb: bool
    window: tuple[float, float]  # centre, width (grey only)
    invert: bool = False  # MONOCHROME1
    laterality: str = ""
    info: dict = field(default_factory=dict)

    @property
    def nbytes(self) -> int:  # what a byte-budget cache weighs it by
        return int(self.pixels.nbytes)


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
        from app.readers.photo import photo_camera, photo_pixels

        rgb = photo_pixels(self.path)  # size-checked; every failure is a ReadError
        h, w = rgb.shape[:2]
        info = {"rows": h, "columns": w, "photometric": "RGB", "spacing": []}
        info["camera"] = photo_camera(self.path)
        return LoadedImage(
            np.ascontiguousarray(rgb), True, (128, 256), laterality=self.laterality, info=info
        )


class DicomSource(ImageSource):
    """The images of a DICOM series: one file per slice, or multi-frame files."""

    def __init__(self, files: list[Path], state=None) -> None:
        from app.imaging.series import series_info

        # headers only: slices sorted along the normal, unreadable files and other stacks
        # skipped and named in ``info.problems`` / ``info.skipped`` (ReadError if none is left)
        self.info = series_info([Path(f) for f in files], state)
        # (file, frame in file) for each displayed frame
        self.frames = [(f.path, f.index) for f in self.info.frames]
        self.files = self.info.files

    @property
    def problems(self) -> list[str]:
        return self.info.problems

    def volume(self, state=None, budget: int | None = None):
        """The series as one ``app.imaging.volume.Volume`` (CT/MR: MPR and 3D), loaded."""
        from app.imaging.volume import Volume

        return Volume.create(self.info, budget).load(state)

    def __len__(self) -> int:
        return len(self.frames)

    def frame(self, index: int, state=None) -> LoadedImage:
        """Frame ``index``, from the shared decoded-pixel cache when it is there."""
        from app.imaging.cache import shared_cache
        from app.readers.dicom_pixels import decode_frame

        index = min(max(int(index), 0), len(self.frames) - 1)
        key = self.frames[index]

        def decode() -> LoadedImage:
            image = decode_frame(*key, state)
            image.pixels.setflags(write=False)  # shared: nobody may change it in place
            return image

        return shared_cache().get_or_load(key, decode)

    def pin(self, index: int) -> None:
        """Keep frame ``index`` decoded whatever the memory budget (it is on screen)."""
        from app.imaging.cache import shared_cache

        shared_cache().pin([self.frames[min(max(int(index), 0), len(self.frames) - 1)]])

    def unpin(self, index: int) -> None:
        from app.imaging.cache import shared_cache

        shared_cache().unpin([self.frames[min(max(int(index), 0), len(self.frames) - 1)]])
