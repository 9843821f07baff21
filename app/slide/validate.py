"""Slide geometry checks made before OpenSlide touches a file.

OpenSlide trusts a TIFF's tags: a corrupt TileWidth/TileLength makes it ask
GLib for a tile buffer of terabytes, and GLib aborts the whole process
(SIGABRT, nothing Python can catch).  ``check_geometry`` reads only the
directory structure with tifffile (no pixel data) and refuses what no real
slide has: tiles larger than ``MAX_TILE_SIDE``, levels larger than
``MAX_SIDE``, tile tables whose length does not match the level size, tile
data past the end of the file, untiled pages too large to decode in memory.

Results are remembered per (file, size, mtime) so that the viewer re-opening
a slide pays for the check once.
"""

from __future__ import annotations

import math
import os
import threading
from pathlib import Path

TIFF_MAGIC = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")
MAX_TILE_SIDE = 8192  # real scanners write 240..1024; 8192^2 RGBA is 256 MiB
MAX_SIDE = 1_000_000  # 25 mm at 0.025 um/px; real slides are below 250,000
MAX_UNTILED_PIXELS = 1 << 27  # label/macro/thumbnail pages decoded whole (512 MiB RGBA)
MAX_PAGES = 4096
BYTES_SLACK = 1 << 20  # compressed tile may exceed its raw size a little (headers, tables)


class GeometryError(ValueError):
    """The slide's structure is impossible; the message says what and where."""


_memo: dict[tuple[str, int, int], str | None] = {}
_memo_lock = threading.Lock()


def is_tiff(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) in TIFF_MAGIC
    except OSError:
        return False


def _expected_chunks(page) -> int:
    h, w = int(page.imagelength), int(page.imagewidth)
    depth = max(1, int(getattr(page, "imagedepth", 1) or 1))
    planes = int(page.samplesperpixel) if int(page.planarconfig) == 2 else 1
    if page.is_tiled:
        tw, tl = int(page.tilewidth), int(page.tilelength)
        td = max(1, int(getattr(page, "tiledepth", 1) or 1))
        return math.ceil(w / tw) * math.ceil(h / tl) * math.ceil(depth / td) * planes
    rows = int(page.rowsperstrip) or h
    return math.ceil(h / max(1, min(rows, h))) * depth * planes


def _check_page(page, size: int, ndpi: bool = False) -> None:
    where = f"page {page.index}"
    w, h = int(page.imagewidth), int(page.imagelength)
    if w <= 0 or h <= 0:
        raise GeometryError(f"{where}: image size {w}x{h}")
    if w > MAX_SIDE or h > MAX_SIDE:
        raise GeometryError(f"{where}: image size {w}x{h} exceeds {MAX_SIDE} px per side")
    spp = int(page.samplesperpixel)
    bits = page.bitspersample
    bits = max(int(b) for b in bits) if isinstance(bits, tuple) else int(bits)
    if not 1 <= spp <= 8 or not 1 <= bits <= 32:
        raise GeometryError(f"{where}: {spp} samples of {bits} bits per pixel")
    if page.is_tiled or 322 in page.tags:  # a TileWidth tag, even a broken one (0)
        tw, tl = int(page.tilewidth), int(page.tilelength)
        if not (0 < tw <= MAX_TILE_SIDE and 0 < tl <= MAX_TILE_SIDE):
            raise GeometryError(f"{where}: tile size {tw}x{tl} (at most {MAX_TILE_SIDE})")
        raw = tw * tl * spp * bits // 8
    else:
        if w * h > MAX_UNTILED_PIXELS and not ndpi:  # NDPI levels: one JPEG read by MCU rows
            raise GeometryError(f"{where}: untiled image {w}x{h} is too large to decode")
        rows = min(int(page.rowsperstrip) or h, h)
        raw = w * rows * spp * bits // 8
    offsets, counts = page.dataoffsets, page.databytecounts
    expected = _expected_chunks(page)
    if len(offsets) != expected or len(counts) != expected:
        raise GeometryError(
            f"{where}: {len(offsets)} tile/strip offsets for {w}x{h} px (expected {expected})"
        )
    limit = raw + BYTES_SLACK
    for off, n in zip(offsets, counts, strict=True):
        if n == 0:
            continue  # sparse: a tile the scanner did not write
        if n < 0 or off < 0 or off + n > size:
            raise GeometryError(f"{where}: tile data at {off}+{n} lies past the file end ({size})")
        if n > limit:
            raise GeometryError(f"{where}: a {n}-byte tile for a {raw}-byte tile size")


def check_geometry(path: str | os.PathLike) -> None:
    """Raise ``GeometryError`` when ``path`` (a TIFF-based slide) is structurally impossible.

    Files that are not TIFF (MRXS index, DICOM, VMS) pass: their checks live
    with their own readers and the out-of-process probe.
    """
    path = Path(path)
    try:
        st = path.stat()
    except OSError as err:
        raise GeometryError(f"cannot read {path.name}: {err}") from err
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    with _memo_lock:
        if key in _memo:
            problem = _memo[key]
            if problem is not None:
                raise GeometryError(problem)
            return
    problem = None
    if is_tiff(path):
        try:
            _check_tiff(path, st.st_size)
        except GeometryError as err:
            problem = str(err)
    with _memo_lock:
        _memo[key] = problem
    if problem is not None:
        raise GeometryError(problem)


def _check_tiff(path: Path, size: int) -> None:
    import tifffile

    try:
        with tifffile.TiffFile(path) as tf:
            pages = tf.pages
            pages.cache = False
            pages.useframes = False
            for i, page in enumerate(pages):
                if i >= MAX_PAGES:
                    raise GeometryError(f"more than {MAX_PAGES} pages")
                _check_page(page, size, ndpi=bool(tf.is_ndpi))
    except GeometryError:
        raise
    except Exception as err:  # tifffile's own refusal of a broken directory
        raise GeometryError(f"TIFF structure cannot be read ({type(err).__name__}: {err})") from err
