"""A large pyramidal demo slide built from real H&E pixels in a synthetic layout.

No real whole-slide image can be downloaded here, so the demo slide is laid
out from tiles of a real H&E field (TIAToolbox's ``target_image.png``,
1000x1000 at about 0.25 um/px): several irregular tissue "cores" on a white
glass background, each tile a crop of the real field, rotated or flipped.

The file is a tiled JPEG TIFF with one page per pyramid level (OpenSlide's
generic-tiff reader needs successive pages, not SubIFDs) and the pixel size in
the resolution tags.  Each distinct tile is JPEG-encoded once and its bytes
reused; only tiles on a core's edge and the reduced levels are encoded one by
one, so a 40960 x 40960 slide takes well under a minute.
"""

from __future__ import annotations

import importlib.util
import math
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from app.fileio import atomic_write_json

MPP = 0.25
TILE = 512
QUALITY = 80
DESCRIPTION = "DEMO: real H&E pixels, synthetic layout — not a real case"
IMAGE_DESCRIPTION = (
    "Huizhen demo slide. DEMO: real H&E pixels (TIAToolbox target_image.png), "
    "synthetic layout - not a real case. MPP = 0.25"
)
SIDECAR = {
    "patient_id": "DEMO-0004",
    "patient_name": "DEMO^Pathology",
    "description": DESCRIPTION,
    "extra": {"demo": True, "pixels": "tiatoolbox data/target_image.png (real H&E)"},
}


def he_image() -> np.ndarray:
    """The real H&E field used as the tile source (RGB uint8)."""
    from PIL import Image

    spec = importlib.util.find_spec("tiatoolbox")
    if spec is not None and spec.submodule_search_locations:
        path = Path(spec.submodule_search_locations[0]) / "data" / "target_image.png"
        if path.exists():
            return np.asarray(Image.open(path).convert("RGB"))
    raise FileNotFoundError("tiatoolbox data/target_image.png not installed (real H&E tile)")


def _encode(tile: np.ndarray) -> bytes:
    import imagecodecs

    return imagecodecs.jpeg_encode(
        tile, level=QUALITY, colorspace="RGB", outcolorspace="YCBCR", subsampling=(2, 2)
    )


class _Layout:
    """Where tissue is: irregular cores on a grid, with tile variants inside."""

    def __init__(self, width: int, height: int, seed: int) -> None:
        rng = np.random.default_rng(seed)
        self.width, self.height = width, height
        cols = max(1, round(width / 12000))
        rows = max(1, round(height / 12000))
        cw, ch = width / cols, height / rows
        self.cores = []
        for r in range(rows):
            for c in range(cols):
                radius = 0.40 * min(cw, ch) * rng.uniform(0.8, 1.0)
                cx = (c + 0.5) * cw + rng.uniform(-0.05, 0.05) * cw
                cy = (r + 0.5) * ch + rng.uniform(-0.05, 0.05) * ch
                harmonics = [
                    (k, rng.uniform(0.02, 0.07), rng.uniform(0, 2 * math.pi)) for k in range(2, 7)
                ]
                theta = np.linspace(-math.pi, math.pi, 1024, endpoint=False)
                shape = 1 + sum(a * np.sin(k * theta + p) for k, a, p in harmonics)
                self.cores.append(
                    (cx, cy, radius * shape, radius * shape.min(), radius * shape.max())
                )
        self.seed = seed

    def classify(self, x: int, y: int, size: int) -> str:
        """'inside', 'outside' or 'edge' for the square [x, x+size)^2."""
        half = size * math.sqrt(2) / 2
        cx0, cy0 = x + size / 2, y + size / 2
        edge = False
        for cx, cy, _, rmin, rmax in self.cores:
            d = math.hypot(cx0 - cx, cy0 - cy)
            if d + half < rmin:
                return "inside"
            if d - half <= rmax:
                edge = True
        return "edge" if edge else "outside"

    def mask(self, x: int, y: int, size: int, step: int = 4) -> np.ndarray:
        """Tissue mask of the square, computed every ``step`` px and repeated."""
        n = size // step
        ys, xs = np.mgrid[0:n, 0:n].astype(np.float32) * step + step / 2
        xs += x
        ys += y
        out = np.zeros((n, n), bool)
        for cx, cy, radii, _, rmax in self.cores:
            dx, dy = xs - cx, ys - cy
            r = np.hypot(dx, dy)
            near = r <= rmax
            if not near.any():
                continue
            idx = ((np.arctan2(dy, dx) + math.pi) / (2 * math.pi) * len(radii)).astype(int)
            out |= r < radii[np.clip(idx, 0, len(radii) - 1)]
        return out.repeat(step, 0).repeat(step, 1)

    def variant(self, col: int, row: int, count: int) -> int:
        h = (col * 73856093) ^ (row * 19349663) ^ (self.seed * 83492791)
        return (h & 0x7FFFFFFF) % count


def _variants(he: np.ndarray, size: int) -> list[np.ndarray]:
    h, w = he.shape[:2]
    if h < size or w < size:
        from PIL import Image

        scale = size / min(h, w)
        he = np.asarray(Image.fromarray(he).resize((math.ceil(w * scale), math.ceil(h * scale))))
        h, w = he.shape[:2]
    offsets = {(0, 0), (w - size, 0), (0, h - size), (w - size, h - size)}
    offsets.add(((w - size) // 2, (h - size) // 2))
    out = []
    for ox, oy in sorted(offsets):
        crop = he[oy : oy + size, ox : ox + size]
        for k in range(4):
            rot = np.rot90(crop, k)
            out.append(np.ascontiguousarray(rot))
            out.append(np.ascontiguousarray(rot[:, ::-1]))
    return out


def _reduce(block: np.ndarray) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.fromarray(block).reduce(2))


def build_demo_slide(
    out_path: str | os.PathLike,
    size: tuple[int, int] = (40960, 40960),
    state=None,
    seed: int = 4,
    label: bool = True,
    sidecar: bool = True,
) -> Path:
    """Write the slide (atomically) and its ``<file>.json`` sidecar; return the path."""
    import tifffile

    out_path = Path(out_path)
    width, height = (int(v) for v in size)
    if width < TILE or height < TILE:
        raise ValueError(f"slide must be at least {TILE}x{TILE}")
    layout = _Layout(width, height, seed)
    variants = _variants(he_image(), TILE)
    encoded = [_encode(v) for v in variants]
    blank = np.full((TILE, TILE, 3), 255, np.uint8)
    blank_bytes = _encode(blank)
    cols, rows = math.ceil(width / TILE), math.ceil(height / TILE)

    def tile0(col: int, row: int) -> tuple[np.ndarray, bytes | None]:
        x, y = col * TILE, row * TILE
        kind = layout.classify(x, y, TILE)
        if kind == "outside":
            return blank, blank_bytes
        v = layout.variant(col, row, len(variants))
        if kind == "inside":
            return variants[v], encoded[v]
        mask = layout.mask(x, y, TILE)
        if not mask.any():
            return blank, blank_bytes
        return np.where(mask[..., None], variants[v], np.uint8(255)), None

    levels = [(width, height)]
    while max(levels[-1]) > TILE:
        w, h = levels[-1]
        levels.append((max(1, w // 2), max(1, h // 2)))
    total = cols * rows * 1.25 + 1
    done = [0]

    def tick(msg: str) -> None:
        done[0] += 1
        if state is not None and done[0] % 64 == 0:
            state.check()
            state.progress(min(done[0] / total, 0.99), msg)

    def level0() -> Iterator[bytes]:
        for row in range(rows):
            for col in range(cols):
                arr, data = tile0(col, row)
                tick("slide level 0")
                yield data if data is not None else _encode(arr)

    # level 1 is built from level-0 tiles; it also fills the level-2 raster
    # from which the smaller levels are reduced in memory.
    w1, h1 = levels[1] if len(levels) > 1 else levels[0]
    raster2 = np.full((math.ceil(h1 / 2), math.ceil(w1 / 2), 3), 255, np.uint8)

    def level1() -> Iterator[bytes]:
        c1, r1 = math.ceil(w1 / TILE), math.ceil(h1 / TILE)
        for row in range(r1):
            for col in range(c1):
                block = np.full((2 * TILE, 2 * TILE, 3), 255, np.uint8)
                empty = True
                for dy in (0, 1):
                    for dx in (0, 1):
                        cc, rr = 2 * col + dx, 2 * row + dy
                        if cc < cols and rr < rows:
                            arr, data = tile0(cc, rr)
                            if data is not blank_bytes:
                                empty = False
                                block[dy * TILE : (dy + 1) * TILE, dx * TILE : (dx + 1) * TILE] = (
                                    arr
                                )
                tick("slide level 1")
                if empty:
                    yield blank_bytes
                    continue
                small = _reduce(block)
                quarter = _reduce(small)
                y2, x2 = row * TILE // 2, col * TILE // 2
                hh, ww = raster2[y2 : y2 + TILE // 2, x2 : x2 + TILE // 2].shape[:2]
                raster2[y2 : y2 + hh, x2 : x2 + ww] = quarter[:hh, :ww]
                yield _encode(small)

    tmp = out_path.with_name(f".{out_path.name}.partial")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    common = {
        "tile": (TILE, TILE),
        "photometric": "rgb",
        "compression": "jpeg",
        "compressionargs": {"level": QUALITY},
        "subsampling": (2, 2),
        "resolutionunit": "CENTIMETER",
        "metadata": None,
        "software": "Huizhen demo",
    }
    try:
        with tifffile.TiffWriter(tmp, bigtiff=True) as tw:
            for i, (w, h) in enumerate(levels):
                res = 1e4 / (MPP * 2**i)
                kw = dict(common, shape=(h, w, 3), dtype=np.uint8, resolution=(res, res))
                if i == 0:
                    tw.write(level0(), description=IMAGE_DESCRIPTION, **kw)
                elif i == 1:
                    tw.write(level1(), subfiletype=1, **kw)
                else:
                    raster = raster2 if i == 2 else _reduce(raster)  # noqa: F821
                    raster = raster[:h, :w]
                    kw.pop("shape"), kw.pop("dtype")
                    tw.write(raster, subfiletype=1, **kw)
            if label:
                tw.write(_label_image(), description="label", photometric="rgb", metadata=None)
        os.replace(tmp, out_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if sidecar:
        atomic_write_json(out_path.with_name(out_path.name + ".json"), SIDECAR)
    if state is not None:
        state.progress(1.0, "slide ready")
    return out_path


def build_small_slide(out_path: str | os.PathLike, size: tuple[int, int] = (4096, 3072)) -> Path:
    """A small pyramid (same recipe) for tests."""
    return build_demo_slide(out_path, size=size, label=True, sidecar=False)


def _label_image() -> np.ndarray:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (480, 360), "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle((8, 8, 471, 351), outline="black", width=3)
    draw.text((30, 40), "HUIZHEN DEMO", fill="black")
    draw.text((30, 80), "DEMO-0004  H&E", fill="black")
    draw.text((30, 120), "real pixels, synthetic layout", fill="black")
    draw.text((30, 160), "NOT A REAL CASE", fill="red")
    for i in range(40):
        x = 30 + i * 10
        draw.rectangle((x, 230, x + (3 if (i * 7) % 3 else 6), 320), fill="black")
    return np.asarray(img)
