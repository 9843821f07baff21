"""Command line: ``huizhen ecg analyze FILE [--json]`` and ``huizhen ecg rules``.

``main(argv) -> int``: 0 on success, 2 when the file cannot be read, 3 when
the model is not installed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="huizhen ecg", description="ECG AI pre-read (not for clinical use)"
    )
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", help="read an ECG file and print the AI pre-read")
    a.add_argument(
        "file",
        help="DICOM waveform, WFDB .hea, HL7 aECG, GE MUSE XML, GE CardioSoft XML, Philips Sierra"
        " XML or SCP-ECG",
    )
    a.add_argument("--json", action="store_true", help="print JSON")
    a.add_argument("--all-leads", action="store_true", help="run the model on every lead (slower)")
    sub.add_parser("rules", help="print the thresholds table")
    return p


def _text(summary: dict) -> str:
    m = summary["measurements"]
    lines = [
        f"Urgency: {summary['urgency'].upper()}",
        "HR {hr_bpm} bpm  PR {pr_ms} ms  QRS {qrs_ms} ms  QT {qt_ms} ms  QTc {qtc_ms} ms".format(
            **m
        ),
        "Axes P {p_axis_deg}  QRS {qrs_axis_deg}  T {t_axis_deg}".format(**m),
        "Rhythm (model): {label} ({confidence:.0%})".format(**summary["rhythm"]),
    ]
    if summary.get("grade_note"):
        lines.append(f"No automatic grade: {summary['grade_note']}")
    w = summary.get("window") or {}
    if w:
        lines.append(f"Analysed {w['start_s']:.1f}-{w['end_s']:.1f} s of {w['record_s']:.1f} s")
    lines.append(f"Pacer spikes: {len(summary.get('pacer_spikes_s') or [])}")
    for f in summary["findings"]:
        at = f" (decided at {f['decided_at']})" if f.get("decided_at") else ""
        lines.append(f"- [{f['severity']}] {f['text']}{at}")
        lines += [f"    {r}" for r in f["reasons"]]
    st = "  ".join(f"{k} {v * 10:+.1f}" for k, v in summary["st_mv"].items())
    lines.append(f"ST at J (mm): {st}")
    lines += [f"Warning: {w}" for w in summary["warnings"]]
    model = summary["model"]
    lines.append(f"{model['name']} {model['version']}; {summary['rules']}. {summary['notice']}.")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(list(argv) if argv is not None else None)
    if args.command == "rules":
        from inference.ecg.rules import thresholds_table

        print(thresholds_table())
        return 0
    from app.ecg.readers import read_ecg
    from app.readers.base import ReadError
    from inference.ecg.analysis import analyze
    from inference.registry import ModelUnavailable
    from inference.results import to_json

    try:
        signal = read_ecg(args.file)
    except ReadError as err:
        print(f"cannot read {args.file}: {err}", file=sys.stderr)
        return 2
    try:
        result = analyze(signal, all_leads=args.all_leads)
    except ModelUnavailable as err:
        print(f"ECG model unavailable: {err}", file=sys.stderr)
        return 3
    summary = result.summary()
    print(to_json(summary, indent=2) if args.json else _text(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
