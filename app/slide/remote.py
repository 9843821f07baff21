"""A slide in the regional PACS (DICOM-WSI), streamed tile by tile through the server.

``open_remote_slide(client, object_id)`` reads the slide's DICOM-WSI metadata
in one request (``GET /objects/{id}/wsi``: levels, tile positions, pixel
spacing) and returns a ``SlideSource`` like a local slide's: the same tile
cache, the same region reads (missing tiles in parallel) and so the same
viewer with its newest-first loading.  Underneath, ``DicomWebSlide`` gives
the small OpenSlide-like interface ``SlideSource`` uses; it fetches each
DICOM frame (one tile, JPEG as stored) by WADO-RS through the server, keeps
the last frames decoded, and fetches the frames a region needs in parallel.
Every failure is a ``SlideError``.
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from app.slide.cache import TileCache
from app.slide.source import SlideError, SlideSource

FRAMES_KEPT = 256  # decoded DICOM frames kept by the handle (a field is ~40 at 512 px)
FETCHERS = 8  # frames in flight at once


def _first(item: dict, tag: str, default=None):
    values = (item.get(tag) or {}).get("Value") or [default]
    return values[0]


def _seq(item: dict, tag: str) -> list[dict]:
    return (item.get(tag) or {}).get("Value") or []


class _Level:
    def __init__(self, width: int, height: int, tile_w: int, tile_h: int) -> None:
        self.width, self.height = width, height
        self.tile_w, self.tile_h = tile_w, tile_h
        self.frames: dict[tuple[int, int], tuple[str, int]] = {}  # (col, row) -> (sop, frame)


def parse_levels(instances: list[dict]) -> tuple[list[_Level], tuple[float, float] | None]:
    """Pyramid levels (largest first) with where each tile is, and level 0's mpp (x, y)."""
    levels: dict[tuple[int, int], _Level] = {}
    spacing: dict[tuple[int, int], tuple[float, float]] = {}
    for item in instances:
        image_type = (item.get("00080008") or {}).get("Value") or []
        if len(image_type) > 2 and image_type[2] not in ("VOLUME", "THUMBNAIL"):
            continue  # label, overview
        width, height = int(_first(item, "00480006", 0)), int(_first(item, "00480007", 0))
        tw, th = int(_first(item, "00280011", 0)), int(_first(item, "00280010", 0))
        if min(width, height, tw, th) <= 0:
            continue
        level = levels.setdefault((width, height), _Level(width, height, tw, th))
        sop = str(_first(item, "00080018", ""))
        cols = (width + tw - 1) // tw
        count = int(_first(item, "00280008", 1) or 1)
        offset = int(_first(item, "00209228", 0) or 0)  # concatenation frame offset
        per_frame = _seq(item, "52009230")
        for k in range(count):
            pos = _seq(per_frame[k], "0048021A") if k < len(per_frame) else []
            if pos:
                col = (int(_first(pos[0], "0048021E", 1)) - 1) // tw
                row = (int(_first(pos[0], "0048021F", 1)) - 1) // th
            else:  # TILED_FULL: frames in row-major order
                col, row = (offset + k) % cols, (offset + k) // cols
            level.frames[(col, row)] = (sop, k + 1)
        for shared in _seq(item, "52009229")[:1]:
            for measures in _seq(shared, "00289110")[:1]:
                ps = (measures.get("00280030") or {}).get("Value") or []
                if len(ps) == 2 and min(float(v) for v in ps) > 0:
                    spacing[(width, height)] = (float(ps[1]) * 1000, float(ps[0]) * 1000)
    ordered = sorted(levels.values(), key=lambda lv: -lv.width)
    if not ordered:
        raise SlideError("the PACS holds no pyramid level for this slide", "missing")
    base = (ordered[0].width, ordered[0].height)
    return ordered, spacing.get(base)


def _decode(data: bytes, syntax: str, w: int, h: int) -> np.ndarray:
    """One frame -> RGB uint8 (h, w, 3)."""
    if syntax in ("1.2.840.10008.1.2.1", "1.2.840.10008.1.2"):
        arr = np.frombuffer(data, np.uint8)
        if arr.size < w * h * 3:
            raise SlideError(f"a tile holds {arr.size} bytes, {w * h * 3} expected", "corrupt")
        return arr[: w * h * 3].reshape(h, w, 3)
    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:  # JPEG, JPEG 2000 (Pillow's decoders)
        return np.asarray(img.convert("RGB"))


class DicomWebSlide:
    """OpenSlide-like view of a DICOM-WSI series behind the server."""

    def __init__(self, client, object_id: int, metadata: dict | None = None) -> None:
        self.client, self.object_id = client, int(object_id)
        body = metadata if metadata is not None else self._metadata()
        self.metadata = body
        self.levels, mpp = parse_levels(body.get("instances", []))
        w0 = self.levels[0].width
        self.level_count = len(self.levels)
        self.level_dimensions = [(lv.width, lv.height) for lv in self.levels]
        self.level_downsamples = [w0 / lv.width for lv in self.levels]
        self.tile_size = self.levels[0].tile_w
        self.properties = {"openslide.vendor": "dicom", "huizhen.backend": "dicomweb"}
        if mpp is not None:
            self.properties["openslide.mpp-x"] = str(mpp[0])
            self.properties["openslide.mpp-y"] = str(mpp[1])
        self.associated_images: dict = {}
        self._frames: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(FETCHERS, thread_name_prefix="wsi-fetch")
        self.fetched = 0  # frames brought over the network

    def _metadata(self) -> dict:
        from app.sync.client import SyncError

        try:
            return self.client.get(f"/objects/{self.object_id}/wsi")
        except SyncError as err:
            raise SlideError(f"slide {self.object_id} on the server: {err}", "missing") from err

    def reopen(self) -> DicomWebSlide:
        return DicomWebSlide(self.client, self.object_id, self.metadata)

    def _frame(self, level: int, col: int, row: int) -> np.ndarray | None:
        lv = self.levels[level]
        where = lv.frames.get((col, row))
        if where is None:
            return None  # no tile there (sparse): white
        key = (level, *where)
        with self._lock:
            if key in self._frames:
                self._frames.move_to_end(key)
                return self._frames[key]
        r = self.client.raw("GET", f"/objects/{self.object_id}/wsi/{where[0]}/frames/{where[1]}")
        if r.status_code != 200:
            self.client._json(r)  # raises the server's error
        syntax = r.headers.get("x-transfer-syntax", "")
        tile = _decode(r.content, syntax, lv.tile_w, lv.tile_h)
        with self._lock:
            self.fetched += 1
            self._frames[key] = tile
            while len(self._frames) > FRAMES_KEPT:
                self._frames.popitem(last=False)
        return tile

    def read_region(self, location, level: int, size):
        """RGBA PIL image of ``size`` at ``location`` (level-0 coordinates), like OpenSlide."""
        from PIL import Image

        lv, ds = self.levels[level], self.level_downsamples[level]
        x, y = round(location[0] / ds), round(location[1] / ds)
        w, h = int(size[0]), int(size[1])
        out = np.full((h, w, 4), 255, np.uint8)
        c0, c1 = max(0, x // lv.tile_w), min((lv.width - 1) // lv.tile_w, (x + w - 1) // lv.tile_w)
        r0, r1 = max(0, y // lv.tile_h), min((lv.height - 1) // lv.tile_h, (y + h - 1) // lv.tile_h)
        cells = [(c, r) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
        tiles = list(self._pool.map(lambda cr: self._frame(level, *cr), cells))
        for (col, row), tile in zip(cells, tiles, strict=True):
            if tile is None:
                continue
            tx, ty = col * lv.tile_w, row * lv.tile_h
            ax, ay = max(x, tx), max(y, ty)
            bx = min(x + w, tx + tile.shape[1], lv.width)
            by = min(y + h, ty + tile.shape[0], lv.height)
            if bx > ax and by > ay:
                out[ay - y : by - y, ax - x : bx - x, :3] = tile[
                    ay - ty : by - ty, ax - tx : bx - tx
                ]
        return Image.fromarray(out, "RGBA")

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class RemoteSlideSource(SlideSource):
    """A ``SlideSource`` over a ``DicomWebSlide`` (no local file)."""

    def __init__(self, handle: DicomWebSlide, name: str, cache: TileCache | None = None) -> None:
        import os

        self.path = Path(name)  # a name for messages; nothing is read from it
        self.files = None
        self.vendor = "dicom"
        self._lock = threading.Lock()
        self._slide, self.backend = handle, "dicomweb"
        self.backend_notes: list[str] = []
        self.level_count = handle.level_count
        self.level_dimensions = tuple(handle.level_dimensions)
        self.level_downsamples = tuple(float(d) for d in handle.level_downsamples)
        self.properties = dict(handle.properties)
        self._associated: list[str] = []
        self._tiff_pages: dict[str, int] = {}
        self.tile_size = handle.tile_size  # cache tiles = DICOM tiles: one fetch each
        self.cache = cache if cache is not None else TileCache()
        self._workers = max(4, min(2 * (os.cpu_count() or 2), 16))
        self._pool = None
        server = getattr(handle.client, "server_label", "")
        self._key = f"dicomweb:{server}:{handle.object_id}"

    def _open(self):
        with self._lock:
            current = self._slide
        if current is None:
            raise SlideError(f"{self.path.name} is closed")
        return current.reopen()

    def _read_raw(self, level: int, x: int, y: int, w: int, h: int) -> np.ndarray:
        return self._read_dicom(level, x, y, w, h)


def open_remote_slide(client, object_id: int, cache: TileCache | None = None, name: str = ""):
    """Worker: the slide's DICOM-WSI metadata from the server -> a ``RemoteSlideSource``."""
    handle = DicomWebSlide(client, object_id)
    return RemoteSlideSource(handle, name or f"slide-{object_id}", cache)
