"""DICOM-WSI through ``wsidicom`` where OpenSlide cannot read it.

OpenSlide reads 8-bit JPEG / JPEG 2000 / uncompressed DICOM-WSI in one
file per level.  ``wsidicom`` (imi-bigpicture) also reads JPEG-LS, 16-bit
samples, sparse tiling and a level split over several files, and the label
and overview instances.  ``WsiDicomHandle`` gives it the small part of
OpenSlide's interface that ``SlideSource`` uses, so the viewer, the tile
cache and the analyses do not know which library decodes the pixels.

Samples wider than 8 bits are scaled to 8 bits with one window for the whole
slide (the lowest level's 0.5-99.5 percentiles), so neighbouring tiles match.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any

import numpy as np

DICM_OFFSET = 128


def is_dicom(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            f.seek(DICM_OFFSET)
            return f.read(4) == b"DICM"
    except OSError:
        return False


def _pil(arr: np.ndarray):
    from PIL import Image

    return Image.fromarray(arr)


class WsiDicomHandle:
    """OpenSlide-like view of a ``wsidicom.WsiDicom`` (levels, properties, read_region)."""

    def __init__(self, files: list[str | os.PathLike]) -> None:
        from wsidicom import WsiDicom

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # wsidicom warns about every odd attribute
            self._wsi = WsiDicom.open([str(f) for f in files])
        levels = sorted(self._wsi.levels, key=lambda lv: lv.level)
        if not levels:
            self._wsi.close()
            raise ValueError("no pyramid level in the DICOM files")
        self._levels = levels
        w0 = levels[0].size.width
        self.level_count = len(levels)
        self.level_dimensions = [(lv.size.width, lv.size.height) for lv in levels]
        self.level_downsamples = [w0 / lv.size.width for lv in levels]
        self.properties: dict[str, str] = {
            "openslide.vendor": "dicom",
            "huizhen.backend": "wsidicom",
        }
        try:
            mpp = self._wsi.mpp
            self.properties["openslide.mpp-x"] = str(float(mpp.width))
            self.properties["openslide.mpp-y"] = str(float(mpp.height))
        except Exception:  # noqa: BLE001 - a slide without pixel spacing stays in pixels
            pass
        self._window: tuple[float, float] | None = None
        self.associated_images = _Associated(self._wsi)

    def _to_rgba(self, img) -> np.ndarray:
        arr = np.asarray(img)
        if arr.dtype != np.uint8:
            lo, hi = self.window()
            arr = np.clip((arr.astype(np.float32) - lo) * (255.0 / max(hi - lo, 1e-6)), 0, 255)
            arr = arr.astype(np.uint8)
        if arr.ndim == 2:
            arr = np.stack([arr] * 3, axis=-1)
        if arr.shape[2] == 3:
            arr = np.concatenate([arr, np.full(arr.shape[:2] + (1,), 255, np.uint8)], axis=2)
        return np.ascontiguousarray(arr[..., :4])

    def window(self) -> tuple[float, float]:
        """Grey window for samples wider than 8 bits, from the lowest level."""
        if self._window is None:
            low = self._levels[-1]
            w, h = low.size.width, low.size.height
            scale = max(1, int(max(w, h) // 2048))
            img = self._wsi.read_region(
                (0, 0), low.level, (min(w, 2048 * scale), min(h, 2048 * scale))
            )
            a = np.asarray(img).astype(np.float32)[::scale, ::scale]
            lo, hi = np.percentile(a, [0.5, 99.5]) if a.size else (0.0, 1.0)
            self._window = (float(lo), float(hi if hi > lo else lo + 1))
        return self._window

    def read_region(self, location, level: int, size):
        x0, y0 = location
        ds = self.level_downsamples[level]
        lv = self._levels[level]
        img = self._wsi.read_region((round(x0 / ds), round(y0 / ds)), lv.level, tuple(size))
        return _pil(self._to_rgba(img))

    def close(self) -> None:
        self._wsi.close()


class _Associated(dict):
    """label / macro (DICOM overview) images, read when asked for."""

    def __init__(self, wsi) -> None:
        super().__init__()
        self._wsi = wsi
        self._names = [
            name for name, found in (("label", wsi.labels), ("macro", wsi.overviews)) if found
        ]

    def keys(self):  # type: ignore[override]
        return list(self._names)

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __getitem__(self, name: str) -> Any:
        if name == "label":
            return self._wsi.read_label().convert("RGBA")
        if name == "macro":
            return self._wsi.read_overview().convert("RGBA")
        raise KeyError(name)
