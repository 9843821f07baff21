"""A slide in the regional PACS (DICOM-WSI), streamed tile by tile through the server.

``open_remote_slide(client, object_id)`` reads the slide's DICOM-WSI tile
layout in one small request (``GET /objects/{id}/wsi?first=1``: levels, where
each tile is, pixel spacing; ``app.slide.wsi_layout``; followed in the same
answer by the smallest levels' tiles, so the fitted first view needs no
further request) and returns a ``SlideSource`` like a local slide's: the same tile
cache, the same region reads (missing tiles in parallel) and so the same
viewer with its newest-first loading.  Underneath, ``DicomWebSlide`` gives
the small OpenSlide-like interface ``SlideSource`` uses; it fetches each
DICOM frame (one tile, JPEG as stored) by WADO-RS through the server, keeps
the last frames decoded, and fetches the frames a region needs per instance in
one request each (the requests in parallel), decoding them in parallel.
Every failure is a ``SlideError``.
"""

from __future__ import annotations

import io
import json
import os
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from app.slide.cache import TileCache
from app.slide.source import SlideError, SlideSource

FRAMES_KEPT = 64  # decoded DICOM frames kept by the handle (a 1920x1080 field: ~20 at 512 px)
FETCHERS = 8  # frames in flight at once


DECODERS = max(2, min(FETCHERS, os.cpu_count() or 2))  # threads decoding one field's tiles


class _Level:
    def __init__(self, entry: dict, sops: list[str]) -> None:
        self.width, self.height = int(entry["width"]), int(entry["height"])
        self.tile_w, self.tile_h = int(entry["tile_width"]), int(entry["tile_height"])
        self._tiles, self._sops = entry["tiles"], sops
        if not isinstance(self._tiles, list):
            raise TypeError("tiles are not a list")
        self._frames: dict | None = None

    @property
    def frames(self) -> dict:
        """(col, row) -> (SOP Instance UID, frame number); built when the level is first
        read (a 40k slide's level 0 has 6400 tiles; the first view needs a small level)."""
        if self._frames is None:
            try:
                sops = self._sops
                self._frames = {(c, r): (sops[i], f) for c, r, i, f in self._tiles}
            except (IndexError, TypeError, ValueError) as err:
                raise SlideError(
                    f"the server sent no usable slide layout ({err})", "corrupt"
                ) from err
        return self._frames


def parse_levels(body: dict) -> tuple[list[_Level], tuple[float, float] | None]:
    """The server's layout (``app.slide.wsi_layout``) -> levels and level 0's mpp (x, y)."""
    try:
        sops = [str(s) for s in body["instances"]]
        levels = [_Level(e, sops) for e in body["levels"]]
        mpp = body.get("mpp")
        mpp = (float(mpp[0]), float(mpp[1])) if mpp else None
    except (KeyError, IndexError, TypeError, ValueError) as err:
        raise SlideError(f"the server sent no usable slide layout ({err})", "corrupt") from err
    if not levels or min(min(lv.width, lv.height, lv.tile_w, lv.tile_h) for lv in levels) <= 0:
        raise SlideError("the PACS holds no pyramid level for this slide", "missing")
    return levels, mpp


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

    def __init__(
        self,
        client,
        object_id: int,
        metadata: dict | None = None,
        first: dict | None = None,
        with_first: bool = True,
    ) -> None:
        self.client, self.object_id = client, int(object_id)
        raw: bytes = b""
        if metadata is None:
            metadata, raw = self._metadata(with_first)
        self.metadata = body = metadata
        self.levels, mpp = parse_levels(body)
        # (level, SOP, frame) -> (bytes, syntax): tiles that came with the layout
        self.first = first if first is not None else self._first_tiles(body.get("first"), raw)
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

    def _metadata(self, with_first: bool) -> tuple[dict, bytes]:
        """The layout, and the bytes of the tiles sent after it (``?first=1``)."""
        from app.sync.client import SyncError

        path = f"/objects/{self.object_id}/wsi"
        try:
            if not with_first:
                return self.client.get(path), b""
            r = self.client.raw("GET", path, params={"first": 1})
            if r.status_code != 200:
                self.client._json(r)  # raises the server's error
            cut = int(r.headers.get("x-layout-length") or len(r.content))
            return json.loads(r.content[:cut]), r.content[cut:]
        except SyncError as err:
            raise SlideError(f"slide {self.object_id} on the server: {err}", "missing") from err
        except (ValueError, TypeError) as err:
            raise SlideError(f"the server sent no usable slide layout ({err})", "corrupt") from err

    def _first_tiles(self, index, data: bytes) -> dict:
        """The tiles after the layout, by (level, SOP, frame); what does not fit is left out."""
        out: dict[tuple, tuple[bytes, str]] = {}
        if not isinstance(index, dict) or not data:
            return out
        at, syntax = 0, str(index.get("syntax", ""))
        for level, col, row, length in index.get("tiles", []):
            part = data[at : at + int(length)]
            at += int(length)
            if 0 <= level < len(self.levels) and len(part) == int(length):
                where = self.levels[level].frames.get((int(col), int(row)))
                if where is not None:
                    out[(int(level), *where)] = (part, syntax)
        return out

    def reopen(self) -> DicomWebSlide:
        return DicomWebSlide(self.client, self.object_id, self.metadata, self.first)

    def _fetch(self, sop: str, numbers: list[int]) -> tuple[list[bytes], str]:
        """Frames of one instance in one request: their bytes and transfer syntax."""
        listed = ",".join(str(n) for n in numbers)
        r = self.client.raw("GET", f"/objects/{self.object_id}/wsi/{sop}/frames/{listed}")
        if r.status_code != 200:
            self.client._json(r)  # raises the server's error
        try:
            lengths = [int(n) for n in r.headers.get("x-frame-lengths", "").split(",")]
        except ValueError:
            lengths = [len(r.content)] if len(numbers) == 1 else []
        data, parts, at = r.content, [], 0
        for n in lengths:
            parts.append(data[at : at + n])
            at += n
        if len(parts) != len(numbers) or at != len(data):
            raise SlideError(f"the server sent {len(parts)} of {len(numbers)} tiles", "corrupt")
        return parts, r.headers.get("x-transfer-syntax", "")

    def _tiles(self, level: int, cells: list[tuple[int, int]]) -> dict:
        """(col, row) -> RGB tile (None where the slide has none), fetched per instance."""
        lv = self.levels[level]
        out: dict[tuple[int, int], np.ndarray | None] = {}
        groups: dict[str, list[tuple[tuple[int, int], int]]] = {}
        todo = []
        with self._lock:
            for cell in cells:
                where = lv.frames.get(cell)
                if where is None:
                    out[cell] = None  # no tile there (sparse): white
                elif (level, *where) in self._frames:
                    self._frames.move_to_end((level, *where))
                    out[cell] = self._frames[(level, *where)]
                elif (level, *where) in self.first:  # came with the layout
                    data, syntax = self.first[(level, *where)]
                    todo.append((where[0], cell, where[1], data, syntax))
                else:
                    groups.setdefault(where[0], []).append((cell, where[1]))
        jobs = []
        for sop, items in groups.items():
            for i in range(0, len(items), 64):
                part = items[i : i + 64]
                jobs.append((sop, part, self._pool.submit(self._fetch, sop, [f for _c, f in part])))
        for sop, part, future in jobs:
            data, syntax = future.result()
            todo += [(sop, cell, f, d, syntax) for (cell, f), d in zip(part, data, strict=True)]

        def decode(item):
            sop, cell, number, data, syntax = item
            return cell, (level, sop, number), _decode(data, syntax, lv.tile_w, lv.tile_h)

        def decode_all(items):
            return [decode(item) for item in items]

        # in as many parts as the machine has cores (not a thread per tile to start)
        parts = max(1, min(DECODERS, len(todo)))
        for done in self._pool.map(decode_all, [todo[i::parts] for i in range(parts)]):
            for cell, key, tile in done:
                out[cell] = tile
                with self._lock:
                    self.fetched += 1
                    self._frames[key] = tile
                    while len(self._frames) > FRAMES_KEPT:
                        self._frames.popitem(last=False)
        return out

    def read_region(self, location, level: int, size):
        """RGBA PIL image of ``size`` at ``location`` (level-0 coordinates), like OpenSlide."""
        from PIL import Image

        ds = self.level_downsamples[level]
        x, y = round(location[0] / ds), round(location[1] / ds)
        rgb = self.region_rgb(level, x, y, int(size[0]), int(size[1]))
        alpha = np.full(rgb.shape[:2] + (1,), 255, np.uint8)
        return Image.fromarray(np.concatenate([rgb, alpha], axis=2), "RGBA")

    def region_rgb(self, level: int, x: int, y: int, w: int, h: int) -> np.ndarray:
        """RGB (h, w, 3) of a rectangle in ``level`` pixels; white where there is no tile."""
        lv = self.levels[level]
        out = np.full((h, w, 3), 255, np.uint8)
        c0, c1 = max(0, x // lv.tile_w), min((lv.width - 1) // lv.tile_w, (x + w - 1) // lv.tile_w)
        r0, r1 = max(0, y // lv.tile_h), min((lv.height - 1) // lv.tile_h, (y + h - 1) // lv.tile_h)
        cells = [(c, r) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
        for (col, row), tile in self._tiles(level, cells).items():
            if tile is None:
                continue
            tx, ty = col * lv.tile_w, row * lv.tile_h
            ax, ay = max(x, tx), max(y, ty)
            bx = min(x + w, tx + tile.shape[1], lv.width)
            by = min(y + h, ty + tile.shape[0], lv.height)
            if bx > ax and by > ay:
                out[ay - y : by - y, ax - x : bx - x] = tile[ay - ty : by - ty, ax - tx : bx - tx]
        return out

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class RemoteSlideSource(SlideSource):
    """A ``SlideSource`` over a ``DicomWebSlide`` (no local file)."""

    def __init__(self, handle: DicomWebSlide, name: str, cache: TileCache | None = None) -> None:
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
        """RGB straight from the decoded tiles (no RGBA image and back)."""
        slide = self._handle()
        try:
            return slide.region_rgb(level, int(x), int(y), int(w), int(h))
        except Exception as err:  # noqa: BLE001 - network, server, decoder: a read failure
            raise self._read_failed(err) from err

    def read_region(
        self, level: int, x: int, y: int, w: int, h: int, cached: bool = True
    ) -> np.ndarray:
        """As ``SlideSource.read_region``; the field's missing tiles are first fetched in
        one request per DICOM instance (cache tiles are DICOM tiles), not one per row."""
        if cached and w > 0 and h > 0 and 0 <= level < self.level_count:
            tiles = list(self.tiles_in(level, x, y, w, h))
            missing = [t for t in tiles if (self._key, level, *t) not in self.cache]
            if 1 < len(missing) <= FRAMES_KEPT:
                try:
                    self._keep(level, self._handle()._tiles(level, missing))
                except Exception:  # noqa: BLE001 - the reads below report what fails
                    pass
        return super().read_region(level, x, y, w, h, cached)

    def _keep(self, level: int, tiles: dict) -> None:
        """Decoded DICOM tiles straight into the tile cache, clipped to the slide like
        ``read_tile`` (no worker thread started to copy them there one by one)."""
        lv, t = self._slide.levels[level], self.tile_size
        if (lv.tile_w, lv.tile_h) != (t, t):
            return
        w, h = self.level_dimensions[level]
        for (col, row), tile in tiles.items():
            key = (self._key, level, col, row)
            if tile is not None and key not in self.cache:
                tw, th = min(t, w - col * t), min(t, h - row * t)
                self.cache.put(key, np.ascontiguousarray(tile[:th, :tw]))


def open_remote_slide(
    client, object_id: int, cache: TileCache | None = None, name: str = "", first: bool = True
):
    """Worker: the slide's DICOM-WSI metadata (and, with ``first``, the smallest levels'
    tiles) from the server -> a ``RemoteSlideSource``."""
    handle = DicomWebSlide(client, object_id, with_first=first)
    return RemoteSlideSource(handle, name or f"slide-{object_id}", cache)
