"""``huizhen fundus analyze IMAGE [IMAGE2] [--eye OD|OS] [--json]``.

One photo per eye (JPEG/PNG/TIFF or DICOM OP). The eye comes from ``--eye``
(once per image, in order), else the file (DICOM laterality, file name), else
the anatomy (disc nasal to the fovea).  Exit 0 on success, 2 when a file
cannot be read.  Built-in analysis: not for clinical use.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="huizhen fundus", description="Fundus screening pre-read (not for clinical use)"
    )
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", help="gradability, lesions, ICDR grade, DME and referral")
    a.add_argument(
        "images",
        nargs="+",
        metavar="IMAGE",
        help="photos of the visit: each eye, disc- and/or macula-centred (four at most)",
    )
    a.add_argument(
        "--eye",
        action="append",
        choices=["OD", "OS", "od", "os"],
        default=[],
        help="eye of each image in order (OD right, OS left)",
    )
    a.add_argument("--json", action="store_true", help="print JSON")
    return p


def load_photo(path: Path):
    """(pixels, laterality, frame info) of the first frame, through the reader that
    recognises it (the info carries pixel spacing, camera and field angle: mm)."""
    from app.ai.registry import open_file

    source = open_file(path)
    try:
        frame = source.frame(0)
        return frame.pixels, frame.laterality or getattr(source, "laterality", ""), frame.info
    finally:
        source.close()


def analyze_files(paths: list[Path], eyes: list[str], model=None) -> dict:
    from inference.fundus import grading
    from inference.fundus.analysis import NOTICE, analyze_visit
    from inference.fundus.fields import combine_visit

    loaded = [load_photo(path) for path in paths]
    photos = [
        (px, eyes[i] if i < len(eyes) else lat, info) for i, (px, lat, info) in enumerate(loaded)
    ]
    results = analyze_visit(photos, model)
    out = [{"file": str(path), **res} for path, res in zip(paths, results, strict=True)]
    per_eye = combine_visit([dict(r) for r in out])  # both fields of an eye judged together
    judged = list(per_eye.values()) + [r for r in out if not r.get("eye")]
    return {"images": out, "visit": grading.visit_summary(judged), "notice": NOTICE}


def _text(report: dict) -> str:
    lines = []
    for r in report["images"]:
        lines.append(f"{Path(r['file']).name}: eye {r['eye'] or '?'} ({r['eye_source']})")
        if not r["gradable"]:
            lines.append(f"  UNGRADABLE (quality {r['quality']['score']}): retake or refer")
        else:
            lines.append(
                f"  ICDR {r['icdr_grade']}  DME {'suspected' if r['dme_suspected'] else 'no'}"
                f"  referable {'yes' if r['referable'] else 'no'}  lesions {len(r['lesions'])}"
            )
        lines += [f"  - {x}" for x in r["reasons"]]
        if r.get("field_centred_on"):
            lines.append(f"  field: {r['field_centred_on']}-centred")
        cup = r.get("cup") or {}
        if cup:
            lines.append(
                f"  vertical cup-to-disc {cup['vcdr']:.2f}"
                + (" (glaucoma suspect)" if cup["suspect"] else "")
                if cup.get("measured")
                else f"  cup-to-disc not measured: {cup.get('reason')}"
            )
        sc = r.get("scale") or {}
        lines.append(
            f"  scale {sc['mm_per_px']:.4f} mm/px ({sc.get('source')})"
            if sc.get("mm_per_px")
            else f"  no mm: {sc.get('reason', 'unknown')}"
        )
        sup = [k for k, v in r["categories"].items() if v != "not supported"]
        lines.append(
            f"  categories assessed: {', '.join(sup)}; others not supported (need a model)"
        )
    v = report["visit"]
    lines.append(
        f"Visit: {'REFER' if v['referable'] else 'no referral'} (worse eye {v['worse_eye']}); "
        f"follow-up {v['follow_up']}"
    )
    lines.append(report["notice"])
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(list(argv) if argv is not None else None)
    from app.readers.base import ReadError
    from inference.fundus.model import installed_model
    from inference.results import to_json

    if len(args.images) > 4:
        print("give at most four images (each eye, disc- and macula-centred)", file=sys.stderr)
        return 2
    try:
        report = analyze_files(
            [Path(x) for x in args.images], [e.upper() for e in args.eye], installed_model()
        )
    except (ReadError, ValueError, OSError) as err:
        print(f"cannot analyse: {err}", file=sys.stderr)
        return 2
    print(to_json(report, indent=2) if args.json else _text(report))
    return 0
