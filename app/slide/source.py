"""``SlideSource``: one read-region interface over whole-slide formats.

Like QuPath's ImageServer: a source knows its pyramid (level dimensions and
downsamples), microns per pixel, objective power and associated images, and
serves RGB pixels through ``read_region(level, x, y, w, h)`` where ``x, y, w,
h`` are pixels *of that level* (origin top-left).  The backend is OpenSlide
(SVS, NDPI, MRXS, SCN, BIF, generic tiled TIFF, DICOM-WSI).  Tiles go through a
shared byte-budget ``TileCache``.  Every failure surfaces as ``SlideError``
with a message a user can act on.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from app.readers.reasons import ReadReason
from app.slide.cache import TileCache

DEFAULT_TILE = 256  # cache tile: less over-read around a field than 512 (see bench/wsi.py)
WHITE = 255


class SlideError(Exception):
    """A slide that cannot be opened or read; the message is shown to the user.

    ``kind`` follows ``app.readers.base.ReadError.KINDS`` ("corrupt" for a file
    whose structure is impossible).
    """

    def __init__(self, message: str, kind: str = "unreadable", reason=None) -> None:
        super().__init__(message)
        self.kind = kind
        self.reason = reason  # an app.readers.reasons.ReadReason the UI translates, or None


def _to_rgb(rgba: np.ndarray) -> np.ndarray:
    """RGBA from OpenSlide -> RGB composited on white (transparent = no tissue scanned)."""
    alpha = rgba[..., 3]
    rgb = rgba[..., :3]
    if alpha.min() == 255:
        return np.ascontiguousarray(rgb)
    a = alpha[..., None].astype(np.uint16)
    out = (rgb.astype(np.uint16) * a + WHITE * (255 - a) + 127) // 255
    return out.astype(np.uint8)


def _read_argb(slide, x: int, y: int, level: int, w: int, h: int) -> np.ndarray | None:
    """RGB on white straight from OpenSlide's premultiplied ARGB buffer.

    Skips openslide-python's PIL conversion (the costly part of small reads);
    returns None when its low-level API is not there, so callers fall back.
    """
    import ctypes
    import sys

    try:
        from openslide import lowlevel

        read, handle = lowlevel._read_region, slide._osr
    except (ImportError, AttributeError):
        return None
    if sys.byteorder != "little":
        return None
    buf = np.empty((h, w), np.uint32)
    read(handle, buf.ctypes.data_as(ctypes.POINTER(ctypes.c_uint32)), x, y, level, w, h)
    bgra = buf.view(np.uint8).reshape(h, w, 4)
    rgb = bgra[..., 2::-1]
    alpha = bgra[..., 3]
    if alpha.min() == 255:
        return np.ascontiguousarray(rgb)
    # premultiplied colour over white: c + (255 - a)
    return (rgb.astype(np.uint16) + (255 - alpha)[..., None]).clip(0, 255).astype(np.uint8)


def _tiff_associated(path: Path) -> dict[str, int]:
    """Untiled pages named label/macro in a generic TIFF (OpenSlide ignores them)."""
    import tifffile

    found: dict[str, int] = {}
    try:
        with tifffile.TiffFile(path) as tf:
            for i, page in enumerate(tf.pages):
                desc = (getattr(page, "description", "") or "").strip().lower()
                if not page.is_tiled and desc in ("label", "macro") and desc not in found:
                    found[desc] = i
    except Exception:
        return {}
    return found


def _read_tiff_page(path: Path, index: int) -> np.ndarray:
    import tifffile

    try:
        img = tifffile.imread(path, key=index)
    except Exception as err:
        raise SlideError(f"{path.name}: associated image cannot be read ({err})") from err
    if img.ndim == 2:
        img = np.stack([img] * 3, axis=-1)
    return np.ascontiguousarray(img[..., :3]).astype(np.uint8)


def detect_vendor(path: str | os.PathLike) -> str | None:
    """OpenSlide's format name for ``path`` ("aperio", "generic-tiff"...) or None."""
    import openslide

    try:
        return openslide.OpenSlide.detect_format(str(path))
    except Exception:
        return None


class SlideSource:
    def __init__(
        self,
        path: str | os.PathLike,
        cache: TileCache | None = None,
        tile_size: int | None = None,
        workers: int | None = None,
        files: list[str | os.PathLike] | None = None,
    ) -> None:
        """``files``: every file of a slide split over several (DICOM-WSI levels)."""
        self.path = Path(path)
        self.files = [Path(f) for f in files] if files else None
        if not self.path.exists():
            raise SlideError(
                f"slide file not found: {self.path}",
                reason=ReadReason("file_missing", name=self.path.name),
            )
        if self.path.is_file() and self.path.stat().st_size == 0:
            raise SlideError(
                f"slide file is empty: {self.path.name}",
                reason=ReadReason("file_empty", name=self.path.name),
            )
        self.vendor = detect_vendor(self.path)
        from app.slide.validate import GeometryError, check_geometry

        try:
            check_geometry(self.path)  # before OpenSlide: a corrupt tile size aborts it
        except GeometryError as err:
            raise SlideError(f"{self.path.name} is damaged: {err}", kind="corrupt") from err
        from app.slide.backends import open_backend

        self._lock = threading.Lock()
        self._slide, self.backend, self.backend_notes = open_backend(
            self.path, self.vendor, self.files
        )
        self.vendor = self.vendor or "dicom"
        s = self._slide
        self.level_count: int = s.level_count
        self.level_dimensions: tuple[tuple[int, int], ...] = tuple(s.level_dimensions)
        self.level_downsamples: tuple[float, ...] = tuple(float(d) for d in s.level_downsamples)
        self.properties: dict[str, str] = dict(s.properties)
        self._associated = list(s.associated_images.keys())
        self._tiff_pages: dict[str, int] = {}
        if self.vendor == "generic-tiff":
            self._tiff_pages = _tiff_associated(self.path)
        self.tile_size = int(tile_size or DEFAULT_TILE)
        self.cache = cache if cache is not None else TileCache()
        self._workers = workers or max(4, min(2 * (os.cpu_count() or 2), 16))
        self._pool: ThreadPoolExecutor | None = None
        self._key = str(self.path.resolve())

    # -- opening ------------------------------------------------------------
    def _open(self):
        """A fresh handle from the backend that opened the slide."""
        from app.slide.backends import open_openslide, open_wsidicom

        if self.backend == "wsidicom":
            return open_wsidicom(self.files or [self.path])
        return open_openslide(self.path)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        with self._lock:
            if self._slide is not None:
                self._slide.close()
                self._slide = None

    def __enter__(self) -> SlideSource:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- metadata -----------------------------------------------------------
    @property
    def dimensions(self) -> tuple[int, int]:
        return self.level_dimensions[0]

    @property
    def mpp(self) -> tuple[float, float] | None:
        """Microns per pixel (x, y) at level 0, or None when the file does not say."""
        try:
            x = float(self.properties["openslide.mpp-x"])
            y = float(self.properties["openslide.mpp-y"])
        except (KeyError, ValueError):
            return None
        if not (x > 0 and y > 0 and math.isfinite(x) and math.isfinite(y)):
            return None
        return x, y

    @property
    def objective_power(self) -> float | None:
        try:
            value = float(self.properties["openslide.objective-power"])
        except (KeyError, ValueError):
            return None
        return value if value > 0 else None

    @property
    def associated_names(self) -> list[str]:
        names = list(self._associated) + [n for n in self._tiff_pages if n not in self._associated]
        if "thumbnail" not in names:
            names.append("thumbnail")
        return names

    def associated_image(self, name: str) -> np.ndarray:
        """RGB pixels of an associated image (label, macro, thumbnail)."""
        if name not in self._associated:
            if name in self._tiff_pages:
                return _read_tiff_page(self.path, self._tiff_pages[name])
            if name == "thumbnail":
                return self.thumbnail(1024)
            raise SlideError(f"{self.path.name} has no {name} image")
        slide = self._handle()
        try:
            img = slide.associated_images[name]
        except Exception as err:
            raise self._read_failed(err) from err
        return _to_rgb(np.asarray(img.convert("RGBA")))

    def thumbnail(self, max_size: int = 1024) -> np.ndarray:
        """The whole slide scaled to fit ``max_size`` (from the best low level)."""
        w0, h0 = self.dimensions
        scale = max(w0, h0) / max_size
        level = self.best_level(max(scale, 1.0))
        w, h = self.level_dimensions[level]
        region = self.read_region(level, 0, 0, w, h, cached=False)
        tw, th = max(1, round(w0 / scale)), max(1, round(h0 / scale))
        if (tw, th) == (w, h):
            return region
        from PIL import Image

        img = Image.fromarray(region).resize((tw, th), Image.Resampling.BILINEAR)
        return np.asarray(img)

    def overview(self, max_size: int = 2048) -> np.ndarray:
        """The most detailed whole level no larger than ``max_size`` (no resampling).

        What the viewer shows first and paints missing tiles from: one read of
        one level, as fast as OpenSlide reads it; the screen scales it.
        """
        fitting = [i for i, d in enumerate(self.level_dimensions) if max(d) <= max_size]
        if not fitting:
            return self.thumbnail(max_size)  # no small level: read and reduce the best one
        level = fitting[0]
        w, h = self.level_dimensions[level]
        return self.read_region(level, 0, 0, w, h, cached=False)

    def best_level(self, downsample: float) -> int:
        """The most detailed level whose downsample does not exceed ``downsample``."""
        best = 0
        for i, d in enumerate(self.level_downsamples):
            if d <= downsample * 1.0001:
                best = i
        return best

    def tile_grid(self, level: int) -> tuple[int, int]:
        w, h = self.level_dimensions[level]
        t = self.tile_size
        return (w + t - 1) // t, (h + t - 1) // t

    # -- pixels -------------------------------------------------------------
    def _handle(self):
        with self._lock:
            if self._slide is None:
                raise SlideError(f"{self.path.name} is closed")
            return self._slide

    def _read_failed(self, err: Exception) -> SlideError:
        # OpenSlide handles stay in an error state after a failed read; reopen so
        # that one damaged tile does not make the whole slide unreadable.
        with self._lock:
            old, self._slide = self._slide, None
        if old is not None:
            # the old handle is left to the garbage collector: other threads may
            # still be inside a read on it
            try:
                fresh = self._open()
            except SlideError:
                fresh = None
            with self._lock:
                self._slide = fresh
        return SlideError(f"{self.path.name}: part of the slide cannot be read ({err})")

    def _check_level(self, level: int) -> None:
        if not 0 <= level < self.level_count:
            raise SlideError(f"level {level} out of range (slide has {self.level_count})")

    def _read_raw(self, level: int, x: int, y: int, w: int, h: int) -> np.ndarray:
        import openslide

        if self.backend == "wsidicom":
            return self._read_dicom(level, x, y, w, h)
        ds = self.level_downsamples[level]
        slide = self._handle()
        x0, y0 = round(x * ds), round(y * ds)
        try:
            fast = _read_argb(slide, x0, y0, level, w, h)
            if fast is not None:
                return fast
            img = slide.read_region((x0, y0), level, (w, h))
        except openslide.OpenSlideError as err:
            raise self._read_failed(err) from err
        return _to_rgb(np.asarray(img))

    def _read_dicom(self, level: int, x: int, y: int, w: int, h: int) -> np.ndarray:
        ds = self.level_downsamples[level]
        slide = self._handle()
        try:
            img = slide.read_region((round(x * ds), round(y * ds)), level, (w, h))
        except Exception as err:  # noqa: BLE001 - any decoder failure is a read failure
            raise self._read_failed(err) from err
        return _to_rgb(np.asarray(img))

    def _load_run(self, level: int, row: int, c0: int, c1: int) -> None:
        """Read tiles c0..c1 of one row with a single call and cache them."""
        t = self.tile_size
        lw, lh = self.level_dimensions[level]
        x, y = c0 * t, row * t
        strip = self._read_raw(level, x, y, min((c1 + 1) * t, lw) - x, min(t, lh - y))
        for col in range(c0, c1 + 1):
            key = (self._key, level, col, row)
            if key not in self.cache:
                part = strip[:, (col - c0) * t : (col - c0 + 1) * t]
                self.cache.put(key, np.ascontiguousarray(part))

    def read_region(
        self, level: int, x: int, y: int, w: int, h: int, cached: bool = True
    ) -> np.ndarray:
        """RGB uint8 (h, w, 3) of the given rectangle in ``level`` pixel coordinates.

        Outside the slide is white.  With ``cached`` the region is put together
        from cached tiles, missing ones read in parallel.
        """
        self._check_level(level)
        if w <= 0 or h <= 0:
            raise SlideError(f"empty region {w}x{h}")
        if not cached:
            return self._read_raw(level, int(x), int(y), int(w), int(h))
        out = np.full((h, w, 3), WHITE, np.uint8)
        tiles = list(self.tiles_in(level, x, y, w, h))
        missing = [t for t in tiles if (self._key, level, *t) not in self.cache]
        if len(missing) > 1:
            # one read per run of missing tiles in a row, rows in parallel: fewer
            # calls than tile by tile, same decoding work as one big read
            runs: list[tuple[int, int, int]] = []
            for col, row in missing:
                if runs and runs[-1][0] == row and runs[-1][2] == col - 1:
                    runs[-1] = (row, runs[-1][1], col)
                else:
                    runs.append((row, col, col))
            list(self._executor().map(lambda r: self._load_run(level, *r), runs))
        t = self.tile_size
        for col, row in tiles:
            tile = self.read_tile(level, col, row)
            tx, ty = col * t, row * t
            x0, y0 = max(x, tx), max(y, ty)
            x1, y1 = min(x + w, tx + tile.shape[1]), min(y + h, ty + tile.shape[0])
            if x1 > x0 and y1 > y0:
                out[y0 - y : y1 - y, x0 - x : x1 - x] = tile[y0 - ty : y1 - ty, x0 - tx : x1 - tx]
        return out

    def tiles_in(self, level: int, x: int, y: int, w: int, h: int) -> Iterator[tuple[int, int]]:
        """(col, row) of the tiles of ``level`` that overlap the rectangle."""
        cols, rows = self.tile_grid(level)
        t = self.tile_size
        c0, c1 = max(0, x // t), min(cols - 1, (x + w - 1) // t)
        r0, r1 = max(0, y // t), min(rows - 1, (y + h - 1) // t)
        for row in range(r0, r1 + 1):
            for col in range(c0, c1 + 1):
                yield col, row

    def tile_key(self, level: int, col: int, row: int) -> tuple:
        return (self._key, level, col, row)

    def read_tile(self, level: int, col: int, row: int) -> np.ndarray:
        """One cached tile; tiles on the right/bottom edge are clipped to the slide."""
        self._check_level(level)
        w, h = self.level_dimensions[level]
        t = self.tile_size
        x, y = col * t, row * t
        if not (0 <= x < w and 0 <= y < h):
            raise SlideError(f"tile {col},{row} is outside level {level}")
        tw, th = min(t, w - x), min(t, h - y)
        key = (self._key, level, col, row)
        return self.cache.get_or_load(key, lambda: self._read_raw(level, x, y, tw, th))

    def _executor(self) -> ThreadPoolExecutor:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="slide-read")
        return self._pool


def open_slide(path: str | os.PathLike, cache: TileCache | None = None) -> SlideSource:
    return SlideSource(path, cache=cache)
