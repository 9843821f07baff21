"""``huizhen dicom`` — headless DICOM series commands.

huizhen dicom info PATH... [--json]
    per series: UID, modality, description, slices, rows, columns, pixel and
    slice spacing (mm), orientation, transfer syntaxes, photometric
    interpretation, problems found; files that could not be read.
huizhen dicom render PATH... --view axial|coronal|sagittal|mip|3d
        [--preset NAME] [--slice N] [--series UID] --out OUT.png
    2D views through numpy/Pillow, 3D through VTK offscreen rendering.

PATH: DICOM files, folders (walked) or a DICOMDIR (what it references).
Exit status: 0 done, 1 nothing could be shown, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.readers.base import ReadError


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="huizhen dicom", description="DICOM series tools")
    sub = p.add_subparsers(dest="command", required=True)
    i = sub.add_parser("info", help="series found under PATH, with their problems")
    i.add_argument("paths", nargs="+", type=Path)
    i.add_argument("--json", action="store_true", help="machine-readable output")
    r = sub.add_parser("render", help="a view of one series as PNG")
    r.add_argument("paths", nargs="+", type=Path)
    r.add_argument("--view", default="axial", choices=["axial", "coronal", "sagittal", "mip", "3d"])
    r.add_argument(
        "--preset", help="W/L preset (lung, mediastinum, ...) or 3D preset (ct-bone, ...)"
    )
    r.add_argument("--slice", type=int, help="slice index (0-based) in the chosen view")
    r.add_argument("--series", help="series instance UID (default: the one with most slices)")
    r.add_argument("--size", type=int, default=512, help="3D picture size in pixels")
    r.add_argument("--out", type=Path, required=True)
    return p


def collect(paths: list[Path]):
    from app.imaging.files import expand
    from app.imaging.series import group_series

    files, problems = expand(paths)
    grouping = group_series(files)
    return grouping.series, problems + grouping.failed


def cmd_info(args) -> int:
    series, failed = collect(args.paths)
    if args.json:
        doc = {
            "series": [s.as_dict() for s in series],
            "unreadable": [{"file": f, "reason": r} for f, r in failed],
        }
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        for s in series:
            d = s.as_dict()
            px = "x".join(f"{v:.3f}" for v in s.pixel_spacing) if s.pixel_spacing else "-"
            dz = f"{s.slice_spacing:.3f}" if s.slice_spacing else "-"
            ts = ", ".join(t["name"] for t in d["transfer_syntaxes"])
            print(
                f"{s.modality or '-':3} {s.slices:5d} x {s.rows}x{s.columns}  px {px} mm  "
                f"slice {dz} mm  {s.photometric}  [{ts}]  {s.description}  {s.uid}"
            )
            for problem in s.problems:
                print(f"    problem: {problem}")
        for name, reason in failed:
            print(f"unreadable: {name}: {reason}")
    return 0 if series else 1


def cmd_render(args) -> int:
    from app.imaging.render import render_png
    from app.imaging.volume import Volume

    series, failed = collect(args.paths)
    if args.series:
        series = [s for s in series if s.uid == args.series]
    if not series:
        reasons = "; ".join(f"{f}: {r}" for f, r in failed[:5])
        print(f"no series to render{': ' + reasons if reasons else ''}", file=sys.stderr)
        return 1
    info = max(series, key=lambda s: s.slices)
    vol = Volume.create(info).load()
    for z, reason in sorted(vol.failed.items()):
        print(f"slice {z + 1} not shown: {reason}", file=sys.stderr)
    for message in [*info.problems, *vol.skipped]:
        print(f"note: {message}", file=sys.stderr)
    if len(vol.failed) == len(vol.frames):
        print("no slice of the series could be decoded", file=sys.stderr)
        return 1
    if args.view != "axial":  # reformatted views of a tilted series: shear corrected
        from app.imaging.tilt import correct_tilt

        vol = correct_tilt(vol, in_place=True)
        for message in vol.corrections:
            print(f"note: {message} degrees corrected (slices shifted onto an orthogonal grid)",
                  file=sys.stderr)  # fmt: skip
    try:
        out = render_png(vol, args.view, args.out, args.slice, args.preset, args.size)
    except (ValueError, KeyError) as err:
        print(f"huizhen dicom render: {err}", file=sys.stderr)
        return 2
    print(out)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return cmd_info(args) if args.command == "info" else cmd_render(args)
    except ReadError as err:
        print(f"huizhen dicom: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
