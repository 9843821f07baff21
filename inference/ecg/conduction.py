"""Conduction rules: bundle branch block and paced rhythm.  Rules decide, the model advises.

BBB needs a global QRS >= 120 ms and its morphology on the median beat
(RBBB: terminal R/R' in V1, terminal S in I or V6; LBBB: QS/rS in V1, broad
R without S in I and V6); a wide QRS with neither is a non-specific
intraventricular conduction delay.  A paced rhythm needs detected pacer
spikes before the QRS (or P) of most beats.  Ventricular spikes before a
narrow QRS (< 120 ms) are not called ventricular pacing: a beat the pacer
captures spreads from the lead tip through working myocardium, cell to cell,
and gives a QRS of 120 ms or more (140-180 ms from the right ventricle);
a narrow QRS means the His-Purkinje system activated the ventricles, so the
spike fused with a conducted beat, fell on it (pseudofusion) or did not
capture.  Conduction-system (His / left bundle area) pacing is the exception
the finding names.  The model's single-lead
"bundle branch block"/"paced" reads only add a line to the reasons, or a
warning when the rules do not agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.ecg.warning_codes import EcgWarning
from inference.ecg.fiducials import MS
from inference.ecg.measure import Measurements
from inference.ecg.pacer import PacerSpikes
from inference.ecg.rules import Finding, rule

TERMINAL_MS = 40  # the terminal QRS vector: mean of the last 40 ms
TERMINAL_MV = 0.05  # a terminal deflection counts from 0.5 mm
PACED_SHARE = 0.5  # paced when at least half the beats follow a spike
MODEL_SHARE = 0.5  # the model "reads" a class over half the record


@dataclass
class QrsShape:
    lead: str
    r_mv: float  # tallest positive deflection
    s_mv: float  # deepest negative deflection (<= 0)
    terminal_mv: float  # mean of the last 40 ms of the QRS


def qrs_shapes(mb) -> dict[str, QrsShape]:
    """QRS shape per lead of a delineated median beat (inference.ecg.median.MedianBeat)."""
    out = {}
    on, off = mb.qrs_on, mb.qrs_off
    term = max(off - int(TERMINAL_MS * MS), on + 1)
    for i, name in enumerate(mb.leads):
        x = mb.data[i].astype(np.float64)
        base = float(np.mean(x[max(on - int(20 * MS), 0) : on + 1]))
        q = x[on : off + 1] - base
        if q.size < 2:
            continue
        out[name] = QrsShape(
            name,
            round(float(max(q.max(), 0.0)), 3),
            round(float(min(q.min(), 0.0)), 3),
            round(float(np.mean(x[term : off + 1] - base)), 3),
        )
    return out


def _morphology(shapes: dict[str, QrsShape]) -> tuple[str, list[str]]:
    """("RBBB" | "LBBB" | "", reasons) from V1, I and V6."""
    v1 = shapes.get("V1")
    lateral = [shapes[n] for n in ("I", "V6") if n in shapes]
    if v1 is None or not lateral:
        return "", ["V1 and I/V6 needed to tell the block's side"]
    if v1.terminal_mv >= TERMINAL_MV and any(s.terminal_mv <= -TERMINAL_MV for s in lateral):
        wide_s = [s.lead for s in lateral if s.terminal_mv <= -TERMINAL_MV]
        return "RBBB", [
            f"terminal R' in V1 ({v1.terminal_mv * 10:+.1f} mm over the last {TERMINAL_MS} ms)",
            f"terminal S in {', '.join(wide_s)}",
        ]
    if (
        v1.terminal_mv < TERMINAL_MV  # no terminal R' (discordant ST may lift the last ms)
        and abs(v1.s_mv) > 2 * v1.r_mv
        and all(s.r_mv > 2 * abs(s.s_mv) and s.terminal_mv >= 0.0 for s in lateral)
    ):
        return "LBBB", [
            f"QS/rS in V1 (R {v1.r_mv * 10:.1f} mm, S {v1.s_mv * 10:.1f} mm)",
            "broad R without S in " + ", ".join(s.lead for s in lateral),
        ]
    return "", ["no RBBB or LBBB pattern in V1, I and V6"]


def _advice(rhythm: dict[str, float], cls: str, label: str) -> str:
    share = rhythm.get(cls, 0.0)
    if share >= MODEL_SHARE:
        return f"model (single lead) also reads {label} ({share:.0%})"
    return f"model (single lead) does not read {label} ({share:.0%})"


def _narrow_paced(qrs_ms, v_paced: int, n: int, advice, spikes: PacerSpikes, onsets_s) -> Finding:
    """Ventricular spikes before most beats, QRS < 120 ms: fusion, pseudofusion or
    no capture, not "ventricular pacing"."""
    r = rule("PACED_NARROW")
    times = np.asarray(spikes.times_s)
    inside = sum(bool(np.any((on - times >= -0.02) & (on - times < 0))) for on in onsets_s)
    reasons = [
        f"{r.reason}: QRS {qrs_ms:g} ms; {len(spikes)} spikes; {v_paced} of {n} beats "
        "follow a spike by 0-60 ms",
        "check capture (a paced beat with a wide QRS, or a magnet/threshold test); "
        "His-bundle or left bundle area pacing also gives a narrow paced QRS",
        advice,
    ]
    if inside:
        reasons.insert(1, f"{inside} spikes fall in the first 20 ms of a QRS (pseudofusion)")
    text = (
        f"Ventricular pacer spikes with a narrow QRS ({qrs_ms:g} ms): "
        "fusion, pseudofusion or no capture"
    )
    return Finding("PACED_NARROW", text, r.severity, territory="ventricular", reasons=reasons)


def conduction_findings(
    m: Measurements,
    shapes: dict[str, QrsShape],
    rhythm: dict[str, float],
    spikes: PacerSpikes,
    qrs_onsets_s: list[float],
    warnings: list[str],
) -> list[Finding]:
    from inference.ecg.pacer import paced_beats

    out: list[Finding] = []
    v_paced, a_paced = paced_beats(spikes, qrs_onsets_s)
    n = max(len(qrs_onsets_s), 1)
    paced = len(spikes) > 0 and (v_paced + a_paced) / n >= PACED_SHARE
    if paced:
        kind = "ventricular" if v_paced >= a_paced else "atrial"
        advice = _advice(rhythm, "paced", "a paced rhythm")
        narrow = m.qrs_ms is not None and m.qrs_ms < rule("PACED_NARROW").value
        if kind == "ventricular" and narrow:
            out.append(_narrow_paced(m.qrs_ms, v_paced, n, advice, spikes, qrs_onsets_s))
        else:
            r = rule("PACED")
            text = f"Paced rhythm ({kind} pacing)"
            reasons = [
                f"{r.reason}: {len(spikes)} spikes; {v_paced} of {n} beats ventricular-paced, "
                f"{a_paced} atrial-paced",
                advice,
            ]
            out.append(Finding("PACED", text, r.severity, territory=kind, reasons=reasons))
    elif rhythm.get("paced", 0.0) >= MODEL_SHARE:
        code = "model_paced_no_spikes" if spikes.checked else "model_paced_slow"
        warnings.append(EcgWarning(code))
    wide = m.qrs_ms is not None and m.qrs_ms >= rule("WIDE_QRS").value
    if wide and not paced:
        kind, why = _morphology(shapes)
        advice = _advice(rhythm, "bbb", "bundle branch block")
        if kind:
            r = rule(kind)
            side = "Right" if kind == "RBBB" else "Left"
            reasons = [f"{r.reason}: QRS {m.qrs_ms:g} ms", *why, advice]
            out.append(Finding(kind, f"{side} bundle branch block", r.severity, reasons=reasons))
        else:
            r = rule("WIDE_QRS")
            reasons = [f"{r.reason}: QRS {m.qrs_ms:g} ms", *why, advice]
            text = "Wide QRS (non-specific intraventricular conduction delay)"
            out.append(Finding("WIDE_QRS", text, r.severity, reasons=reasons))
    elif not wide and rhythm.get("bbb", 0.0) >= MODEL_SHARE:
        if m.qrs_ms is None:
            warnings.append(EcgWarning("model_bbb_unknown_qrs"))
        else:
            warnings.append(EcgWarning("model_bbb_narrow", qrs_ms=m.qrs_ms))
    return out
