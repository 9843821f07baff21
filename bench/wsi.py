"""Whole-slide bench: first view, adjacent fields, nuclei throughput.

    python bench/wsi.py SLIDE [--fields 40] [--nuclei-region 8192]

Field times via ``SlideSource`` + ``TileCache`` (cold cache) are printed next
to a raw ``openslide.OpenSlide.read_region`` of the same 1920x1080 fields
measured in the same run, as a ratio (targets from Schueffler 2022: open a
case < 4 s, adjacent field < 0.25 s).  Nuclei detection reports tiles/s and
cells/s on a tissue region.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

W, H = 1920, 1080


def pct(values, q):
    return float(np.percentile(np.asarray(values) * 1000, q))


def fields_path(src, tissue, n):
    """Adjacent level-0 fields in a snake walk through the tissue's bounding box."""
    ys, xs = np.nonzero(tissue.mask)
    d = tissue.downsample
    x0, y0 = int(xs.min() * d), int(ys.min() * d)
    x1, y1 = int(xs.max() * d), int(ys.max() * d)
    out, row = [], 0
    while len(out) < n:
        y = y0 + row * H
        if y + H > y1:
            row, y = 0, y0
        cols = list(range(x0, max(x0 + 1, x1 - W), W))
        for x in cols if row % 2 == 0 else cols[::-1]:
            if tissue.fraction_in(x, y, W, H) > 0.3:
                out.append((x, y))
            if len(out) == n:
                break
        row += 1
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("slide", type=Path)
    ap.add_argument("--fields", type=int, default=40)
    ap.add_argument("--nuclei-region", type=int, default=8192, help="side of the level-0 square")
    args = ap.parse_args(argv)

    import openslide

    from app.slide import SlideSource, TileCache
    from inference.wsi import detect_tissue, run_nuclei

    # -- time to first view: open + whole slide fitted into 1920x1080 ---------
    t = time.perf_counter()
    src = SlideSource(args.slide, cache=TileCache(768 * 2**20))
    w0, h0 = src.dimensions
    fit = max(w0 / W, h0 / H)
    level = src.best_level(fit)
    lw, lh = src.level_dimensions[level]
    vw, vh = (
        min(lw, round(W * fit / src.level_downsamples[level])),
        min(lh, round(H * fit / src.level_downsamples[level])),
    )
    src.read_region(level, 0, 0, vw, vh)
    ours_first = time.perf_counter() - t
    t = time.perf_counter()
    raw = openslide.OpenSlide(str(args.slide))
    raw.read_region((0, 0), level, (vw, vh))
    raw_first = time.perf_counter() - t
    print(f"slide {args.slide.name}: {w0}x{h0}, {src.level_count} levels, mpp {src.mpp}")
    print(
        f"first view (open + overview level {level} {vw}x{vh}): ours {ours_first * 1000:.0f} ms, "
        f"raw openslide {raw_first * 1000:.0f} ms, ratio {ours_first / raw_first:.2f}"
    )

    tissue = detect_tissue(src)
    fields = fields_path(src, tissue, args.fields)

    # -- adjacent fields at level 0, cold cache --------------------------------
    # interleaved field by field so both see the same machine load
    src.cache.clear()
    raw = openslide.OpenSlide(str(args.slide))
    ours, base = [], []
    for x, y in fields:
        t = time.perf_counter()
        src.read_region(0, x, y, W, H)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        np.asarray(raw.read_region((x, y), 0, (W, H)))
        base.append(time.perf_counter() - t)
    print(
        f"adjacent 1920x1080 fields at level 0 ({len(fields)}, cold cache, {src.tile_size} px cache tiles):"
    )
    print(
        f"  ours (SlideSource + TileCache): median {pct(ours, 50):.0f} ms, p95 {pct(ours, 95):.0f} ms"
    )
    print(
        f"  raw openslide read_region:      median {pct(base, 50):.0f} ms, p95 {pct(base, 95):.0f} ms"
    )
    print(
        f"  ratio p95 ours/raw {pct(ours, 95) / pct(base, 95):.2f}, median {pct(ours, 50) / pct(base, 50):.2f}"
    )
    t = time.perf_counter()
    for x, y in fields:
        src.read_region(0, x, y, W, H)
    warm = (time.perf_counter() - t) / len(fields)
    print(f"  revisit (warm cache): {warm * 1000:.1f} ms per field")

    # -- nuclei throughput -----------------------------------------------------
    side = args.nuclei_region
    cx, cy = fields[len(fields) // 2]
    region = (max(0, cx - side // 2), max(0, cy - side // 2), side, side)
    result = run_nuclei(src, region=region, tissue=tissue)
    n = len(result)
    print(
        f"nuclei on {side}x{side} region at {result.mpp:g} um/px: {n} nuclei, "
        f"{result.tissue_tiles} tiles of {1024}^2 in {result.seconds:.1f} s -> "
        f"{result.tissue_tiles / result.seconds:.2f} tiles/s, {n / result.seconds:.0f} cells/s"
    )
    src.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
