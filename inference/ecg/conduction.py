"""Conduction rules: bundle branch block and paced rhythm.  Rules decide, the model advises.

BBB needs a global QRS >= 120 ms and its morphology on the median beat by the
AHA/ACCF/HRS 2009 Part III criteria (inference/ecg/qrs_shape.py; RBBB: an R'
in V1 or V2 and a broad S wave in I and V6; LBBB: QS/rS in V1 without R',
broad R without S in I, R peak time > 60 ms in V5/V6 where their R is
dominant); a wide QRS with neither is a non-specific intraventricular
conduction delay.  A paced rhythm needs detected pacer
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

import numpy as np

from app.ecg.warning_codes import EcgWarning
from inference.ecg.measure import Measurements
from inference.ecg.pacer import PacerSpikes
from inference.ecg.qrs_shape import WAVE_MV, QrsShape
from inference.ecg.rules import Finding, rule

PACED_SHARE = 0.5  # paced when at least half the beats follow a spike
MODEL_SHARE = 0.5  # the model "reads" a class over half the record
S_WAVE_MS = 40  # RBBB: S wave in I and V6 longer than the R wave or > 40 ms
LBBB_R_PEAK_MS = 60  # LBBB: R peak time > 60 ms in V5 and V6


def _broad_s(s: QrsShape) -> bool:
    return s.s_wave_mv <= -WAVE_MV and (s.s_wave_ms > S_WAVE_MS or s.s_wave_ms > s.r_wave_ms)


def _rbbb(shapes: dict[str, QrsShape]) -> list[str]:
    """The RBBB criteria met in V1/V2, I and V6 as reasons ([] when not met)."""
    prime = next(
        (shapes[n] for n in ("V1", "V2") if n in shapes and shapes[n].r_prime_mv >= WAVE_MV),
        None,
    )
    lateral = [shapes[n] for n in ("I", "V6") if n in shapes]
    if prime is None or not lateral or not all(_broad_s(s) for s in lateral):
        return []
    return [
        f"R' in {prime.lead} ({prime.r_prime_mv * 10:.1f} mm, peak {prime.r_prime_ms:g} ms "
        "after the QRS onset)",
        "broad S wave in "
        + ", ".join(f"{s.lead} ({s.s_wave_mv * 10:.1f} mm, {s.s_wave_ms:g} ms)" for s in lateral),
    ]


def _lbbb(shapes: dict[str, QrsShape]) -> list[str]:
    """The LBBB criteria met in V1, I, V5 and V6 as reasons ([] when not met)."""
    v1, lead_i = shapes["V1"], shapes.get("I")
    if any(shapes[n].r_prime_mv >= WAVE_MV for n in ("V1", "V2") if n in shapes):
        return []  # an R' in V1/V2 is right-sided delay
    if abs(v1.s_mv) <= 2 * v1.initial_r_mv:
        return []  # not QS/rS in V1
    if lead_i is not None and (lead_i.r_mv <= 2 * abs(lead_i.s_mv) or _broad_s(lead_i)):
        return []  # no broad R in I
    # V5/V6 with a dominant R: R peak time > 60 ms (an RS there is a displaced transition)
    upright = [shapes[n] for n in ("V5", "V6") if n in shapes and shapes[n].r_mv > -shapes[n].s_mv]
    if not upright or any(s.r_peak_ms <= LBBB_R_PEAK_MS for s in upright):
        return []
    return [
        f"QS/rS in V1 (r {v1.initial_r_mv * 10:.1f} mm, S {v1.s_mv * 10:.1f} mm), no R' in V1/V2",
        *([f"broad R without S in I ({lead_i.r_mv * 10:.1f} mm)"] if lead_i else []),
        "R peak time "
        + ", ".join(f"{s.r_peak_ms:g} ms in {s.lead}" for s in upright)
        + f" (> {LBBB_R_PEAK_MS} ms)",
    ]


def _morphology(shapes: dict[str, QrsShape]) -> tuple[str, list[str]]:
    """("RBBB" | "LBBB" | "", reasons) by the AHA/ACCF/HRS 2009 Part III criteria
    (inference/ecg/qrs_shape.py) in V1/V2, I, V5 and V6."""
    if "V1" not in shapes or not any(n in shapes for n in ("I", "V6")):
        return "", ["V1 and I/V6 needed to tell the block's side"]
    rbbb = _rbbb(shapes)
    if rbbb:
        return "RBBB", rbbb
    lbbb = _lbbb(shapes)
    if lbbb:
        return "LBBB", lbbb
    return "", ["no RBBB or LBBB pattern in V1/V2, I, V5 and V6 (AHA/ACCF/HRS 2009 Part III)"]


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
