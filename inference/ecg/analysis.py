"""ECG AI pre-read: ``analyze(signal, state=None) -> EcgAnalysis``.

Like 12SL, the model finds the beats on a few leads (it costs ~10-25 ms per
lead per call); global fiducials then come from the median beat of all
leads (inference/ecg/median.py) and ST is measured on every recognised lead.
A record longer than 10 s is analysed on its cleanest 10 s
(inference/ecg/window.py); pacer spikes are found on the raw signal first.
Only a recognised 12-lead ECG gets an urgency (inference/ecg/scope.py).
"""

from __future__ import annotations

import time

import numpy as np

from app.ecg.signal import STANDARD_LEADS, EcgSignal
from app.ecg.warning_codes import EcgWarning
from inference.ecg import (
    conduction,
    limb_check,
    pacer,
    pacer_steps,
    qrs_shape,
    qt,
    st_pattern,
    t_wave,
    wide_qrs,
    window,
)
from inference.ecg.borderline import borderline
from inference.ecg.fiducials import Beat, global_fiducials
from inference.ecg.measure import Measurements, intervals, measure
from inference.ecg.median import INDEPENDENT, refine
from inference.ecg.model import MODEL_FS, MODEL_ID, delineate, resample
from inference.ecg.result import NOT_FOR_CLINICAL_USE, EcgAnalysis
from inference.ecg.rules import (
    RULES_NAME,
    RULES_VERSION,
    no_signal_finding,
    rhythm_findings,
    st_findings,
    urgency,
)
from inference.ecg.scope import NOT_GRADED, not_analysable, ungraded
from inference.ecg.scope import assess as assess_scope
from inference.registry import REGISTRY
from inference.results import ModelRef
from inference.runtime import Runtime

__all__ = ["NOT_FOR_CLINICAL_USE", "EcgAnalysis", "analyze", "beat_times_s"]
FIDUCIAL_LEADS = ("II", "V2", "V5")


FLAT_MV = 0.05  # a lead whose 1-99 % range is below this is flat (lead off)
MIN_QRS_MV = 0.1  # a QRS smaller than this in every model lead is not a beat


def flat_leads(data: np.ndarray, leads: list[str]) -> list[str]:
    if data.shape[1] == 0:
        return list(leads)
    lo, hi = np.percentile(data, [1, 99], axis=1)
    return [n for n, r in zip(leads, hi - lo, strict=True) if r < FLAT_MV]


def _pick_fiducial_leads(leads: list[str], flat: list[str]) -> list[str]:
    usable = [n for n in leads if n not in flat]
    chosen = [n for n in FIDUCIAL_LEADS if n in usable]
    for n in usable:  # fill up from the other leads when some are missing or flat
        if len(chosen) >= min(len(FIDUCIAL_LEADS), len(usable)):
            break
        if n not in chosen:
            chosen.append(n)
    return chosen


def _real_beats(beats: list[Beat], data: np.ndarray, rows: list[int]) -> list[Beat]:
    keep = []
    for b in beats:
        seg = data[rows, b.qrs_on : b.qrs_off + 1]
        if seg.size and float(np.max(np.ptp(seg, axis=1))) >= MIN_QRS_MV:
            keep.append(b)
    return keep


def _window(signal: EcgSignal) -> tuple[np.ndarray, window.Window]:
    rows = [signal.leads.index(n) for n in INDEPENDENT if n in signal.leads]
    win = window.choose(signal.data, signal.fs, rows)
    a, b = int(round(win.start_s * signal.fs)), int(round(win.end_s * signal.fs))
    return signal.data[:, a:b], win


def _shift(beats: list[Beat], by: int) -> None:
    """Beat positions from the window's start to the record's start."""
    for b in beats:
        for name in ("qrs_on", "qrs_off", "p_on", "p_off", "t_on", "t_end"):
            v = getattr(b, name)
            if v is not None:
                setattr(b, name, v + by)


def analyze(
    signal: EcgSignal, state=None, runtime: Runtime | None = None, all_leads: bool = False
) -> EcgAnalysis:
    """AI pre-read of one ECG (its cleanest 10 s).  ``state`` is an app.jobs.TaskState or None."""

    def step(fraction: float, msg: str) -> None:
        if state is not None:
            state.check()
            state.progress(fraction, msg)

    t0 = time.perf_counter()
    warnings = list(signal.warnings)
    scope = assess_scope(signal)
    if not scope.analysable:
        step(1.0, "done")
        return _not_analysable(scope.reason, warnings)
    step(0.05, "resampling")
    raw, win = _window(signal)
    if win.chosen:
        warnings.append(win.describe())
    spikes = pacer.detect(raw, signal.fs, list(signal.leads))
    listed = [t - win.start_s for t in signal.device_pacer_spikes_s if win.start_s <= t < win.end_s]
    pacer.add_device_spikes(spikes, listed)
    data = resample(raw, signal.fs, MODEL_FS)
    if data.shape[1] < 4 * MODEL_FS:
        warnings.append(EcgWarning("record_short", seconds=signal.duration_s))
    leads = list(signal.leads)
    missing = signal.missing_standard_leads()
    if missing:
        warnings.append(EcgWarning("leads_unavailable", leads=list(missing)))
    flat = flat_leads(data, leads)
    if flat:
        warnings.append(EcgWarning("leads_flat", leads=list(flat)))
    off = limb_check.inconsistent(limb_check.limb_slopes(raw, leads, signal.fs))
    if off:  # gains or labels wrong: every amplitude below is suspect
        shown = [f"{n} {s:.2f}" for n, s in off.items()]
        warnings.append(EcgWarning("limb_leads_inconsistent", leads=shown))
    run = [n for n in leads if n not in flat] if all_leads else _pick_fiducial_leads(leads, flat)
    t1 = time.perf_counter()
    step(0.15, "AI delineation")
    labels = delineate(
        {n: data[leads.index(n)] for n in run},
        runtime,
        check=state.check if state is not None else None,
    )
    t2 = time.perf_counter()
    step(0.8, "measurements")
    fid = global_fiducials(labels, rhythm_lead="II")
    if spikes.checked:  # stimuli reduced to one step between samples, where they pace beats
        steps = pacer_steps.candidates(raw, signal.fs, list(signal.leads))
        peaks = pacer_steps.qrs_peaks_s(raw, signal.fs, list(signal.leads), fid.beats, steps)
        pacer_steps.add_pacing(spikes, steps, peaks)
    # measured without the stimulus artefacts (the model still sees them)
    clean = resample(pacer.remove(raw, signal.fs, spikes), signal.fs, MODEL_FS) if spikes else data
    fid.beats = _real_beats(fid.beats, clean, [leads.index(n) for n in run])
    # ST and morphology only on recognised leads (unknown channels never graded)
    live = [i for i, n in enumerate(leads) if n not in flat and n in STANDARD_LEADS]
    live_leads = [leads[i] for i in live]
    rr = intervals(fid.beats).rr_ms
    stimuli = [int(round(t * MODEL_FS)) for t in spikes.times_s]
    median = refine(clean[live], live_leads, fid.beats, rr, stimuli) if live else None
    m, st = measure(clean[live], live_leads, fid.beats, median)
    warnings += t_wave.qt_notes(median, live_leads)
    if len(fid.beats) < 3:
        warnings.append(EcgWarning("few_beats", count=len(fid.beats)))
    vpcs = sum(1 for b in fid.beats if b.kind == "vpc")
    if len(fid.beats) < 2:
        findings = [no_signal_finding(len(run))]
    else:
        findings = st_findings(st, signal.sex, signal.age_years, m.rr_ms)
        findings += conduction.conduction_findings(
            m,
            qrs_shape.qrs_shapes(median) if median is not None else {},
            fid.rhythm_distribution,
            spikes,
            [b.qrs_on / MODEL_FS for b in fid.beats],
            warnings,
        )
        findings += rhythm_findings(m, fid.rhythm_distribution, vpcs)
        afib = any(f.code == "AFIB" for f in findings)
        if afib:  # no P waves in AF: a "PR" ends on an f wave (devices report none)
            m.pr_ms = m.p_axis_deg = None
            findings = [f for f in findings if f.code != "FIRST_DEGREE_AVB"]
        findings += qt.qt_findings(m, signal.sex, afib=afib)
    if wide_qrs.applies(findings):  # LBBB, ventricular pacing, other wide QRS: Sgarbossa
        findings = wide_qrs.secondary_st(findings, st)
    elif "RBBB" in {f.code for f in findings}:
        for f in findings:
            if f.code == "STEMI":
                f.reasons.append("wide or paced QRS: ST criteria apply poorly (BBB/paced/LVH)")
    findings = st_pattern.without_reciprocal(findings, st, m.qrs_ms, m.rr_ms)
    # ST values within their own uncertainty of a cut-off (not when the limb leads'
    # gains or labels are wrong: the amplitudes' scale itself is then unknown)
    if len(fid.beats) >= 2 and scope.twelve_lead and not off:
        findings = borderline(findings, st, signal.sex, signal.age_years)
    ref = ModelRef.of(REGISTRY.get(MODEL_ID))
    rules = f"{RULES_NAME} {RULES_VERSION}"
    if not scope.twelve_lead:
        findings = ungraded(findings, scope.reason)
    for f in findings:
        f.source = f"AI {ref.label} + {rules} (not for clinical use)"
    level, drivers = urgency(findings) if scope.twelve_lead else (NOT_GRADED, [])
    offset = int(round(win.start_s * MODEL_FS))
    _shift(fid.beats, offset)
    t3 = time.perf_counter()
    step(1.0, "done")
    return EcgAnalysis(
        model=ref,
        rules=rules,
        urgency=level,
        drivers=drivers,
        findings=findings,
        measurements=m,
        st=st,
        beats=fid.beats,
        fs=MODEL_FS,
        rhythm={
            "label": fid.rhythm,
            "confidence": fid.rhythm_confidence,
            "distribution": fid.rhythm_distribution,
            "vpc_beats": vpcs,
        },
        fiducial_leads=run,
        warnings=warnings,
        timings_ms={
            "prepare": round((t1 - t0) * 1000, 2),
            "model": round((t2 - t1) * 1000, 2),
            "measure": round((t3 - t2) * 1000, 2),
            "total": round((t3 - t0) * 1000, 2),
        },
        window=win.as_dict(),
        pacer_spikes=[round(t + win.start_s, 4) for t in spikes.times_s],
        grade_note="" if scope.twelve_lead else scope.reason,
    )


def _not_analysable(reason: str, warnings: list[str]) -> EcgAnalysis:
    ref = ModelRef.of(REGISTRY.get(MODEL_ID))
    rules = f"{RULES_NAME} {RULES_VERSION}"
    finding = not_analysable(reason)
    finding.source = f"AI {ref.label} + {rules} (not for clinical use)"
    return EcgAnalysis(
        model=ref,
        rules=rules,
        urgency=NOT_GRADED,
        drivers=[],
        findings=[finding],
        measurements=Measurements(),
        st={},
        beats=[],
        fs=MODEL_FS,
        rhythm={"label": "unknown", "confidence": 0.0, "distribution": {}, "vpc_beats": 0},
        fiducial_leads=[],
        warnings=warnings + [reason],
        grade_note=reason,
    )


def beat_times_s(analysis: EcgAnalysis) -> np.ndarray:
    """QRS onsets in seconds (for viewers)."""
    return np.array([b.qrs_on / analysis.fs for b in analysis.beats], dtype=float)
