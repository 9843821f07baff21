"""``huizhen wsi ...``: slide info, nuclei detection, annotation conversion.

info SLIDE
detect-nuclei SLIDE --out X.geojson [--region x,y,w,h] [--heatmap H.tif]
convert IN OUT          (QuPath GeoJSON <-> ASAP XML, by extension)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _region(text: str) -> tuple[int, int, int, int]:
    try:
        x, y, w, h = (int(float(v)) for v in text.split(","))
    except ValueError as err:
        raise argparse.ArgumentTypeError("region must be x,y,w,h in level-0 pixels") from err
    if w <= 0 or h <= 0:
        raise argparse.ArgumentTypeError("region width and height must be positive")
    return x, y, w, h


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="huizhen wsi", description="Whole-slide image tools")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("info", help="show a slide's pyramid, pixel size and associated images")
    p.add_argument("slide", type=Path)
    p.add_argument("--json", action="store_true", help="print JSON")
    p = sub.add_parser("detect-nuclei", help="detect nuclei, write QuPath GeoJSON")
    p.add_argument("slide", type=Path)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--region", type=_region, help="x,y,w,h in level-0 pixels")
    p.add_argument("--heatmap", type=Path, help="also write a density heatmap TIFF")
    p = sub.add_parser("convert", help="convert annotations (GeoJSON <-> ASAP XML)")
    p.add_argument("src", type=Path)
    p.add_argument("dst", type=Path)
    return ap


def _info(args) -> int:
    from app.slide import SlideSource

    with SlideSource(args.slide) as src:
        info = {
            "file": str(args.slide),
            "vendor": src.vendor,
            "backend": src.backend,
            "not_opened_by": src.backend_notes,
            "dimensions": list(src.dimensions),
            "levels": [
                {"size": list(d), "downsample": round(ds, 4)}
                for d, ds in zip(src.level_dimensions, src.level_downsamples, strict=True)
            ],
            "mpp": list(src.mpp) if src.mpp else None,
            "objective_power": src.objective_power,
            "tile_size": src.tile_size,
            "associated": src.associated_names,
        }
    if args.json:
        print(json.dumps(info, indent=2))
        return 0
    print(f"{info['file']}: {info['vendor']}, {src.dimensions[0]} x {src.dimensions[1]} px")
    print(f"  read by: {info['backend']}")
    for note in info["not_opened_by"]:
        print(f"  not by {note}")
    mpp = f"{info['mpp'][0]:.4g} x {info['mpp'][1]:.4g} um/px" if info["mpp"] else "unknown"
    print(f"  pixel size: {mpp}; objective: {info['objective_power'] or 'unknown'}")
    for i, lv in enumerate(info["levels"]):
        print(f"  level {i}: {lv['size'][0]} x {lv['size'][1]} (downsample {lv['downsample']:g})")
    print(f"  associated images: {', '.join(info['associated'])}")
    return 0


def _detect(args) -> int:
    from app.annotations import save_geojson
    from app.jobs import TaskState
    from app.slide import SlideSource
    from inference.wsi import density_heatmap, run_nuclei, save_heatmap

    state = TaskState()
    last = [-1]

    def show(fraction: float, message: str) -> None:
        pct = int(fraction * 100)
        if pct != last[0]:
            last[0] = pct
            print(f"\r{pct:3d}% {message}", end="", file=sys.stderr, flush=True)

    state.events.progress.connect(show)
    with SlideSource(args.slide) as src:
        result = run_nuclei(src, region=args.region, state=state)
        dims, mpp = src.dimensions, (src.mpp or (0.25, 0.25))[0]
    print(file=sys.stderr)
    save_geojson(args.out, result.features(), analysis=result.provenance())
    rate = result.tissue_tiles / result.seconds if result.seconds else 0.0
    print(
        f"{len(result)} nuclei in {result.tissue_tiles} tissue tiles "
        f"({result.seconds:.1f} s, {rate:.2f} tiles/s) -> {args.out}"
    )
    if args.heatmap:
        raster, ds = density_heatmap(result.centroids, dims, mpp)
        save_heatmap(args.heatmap, raster, ds, mpp)
        print(
            f"heatmap {raster.shape[1]} x {raster.shape[0]} (1 px = {ds:g} slide px) -> {args.heatmap}"
        )
    return 0


def _convert(args) -> int:
    from app.annotations import load_annotations, save_annotations

    result = load_annotations(args.src)
    save_annotations(args.dst, result.features)
    print(f"{args.src} -> {args.dst}: {result.summary()}")
    for index, reason in result.skipped:
        print(f"  skipped #{index}: {reason}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    from app.annotations import AnnotationError
    from app.slide import SlideError

    args = _parser().parse_args(argv)
    try:
        return {"info": _info, "detect-nuclei": _detect, "convert": _convert}[args.cmd](args)
    except (SlideError, AnnotationError, ValueError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
