"""ECG AI pre-read: ``analyze(signal, state=None) -> EcgAnalysis``.

Like 12SL, global fiducials come from a few leads (the model costs ~10-25 ms
per lead per call) and ST is then measured on all leads from those fiducials.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from app.ecg.signal import STANDARD_LEADS, EcgSignal
from inference.ecg.fiducials import Beat, global_fiducials
from inference.ecg.measure import LeadST, Measurements, intervals, measure
from inference.ecg.median import refine
from inference.ecg.model import MODEL_FS, MODEL_ID, WINDOW, delineate, resample
from inference.ecg.rules import (
    RULES_NAME,
    RULES_VERSION,
    Finding,
    no_signal_finding,
    rhythm_findings,
    st_findings,
    urgency,
)
from inference.ecg.scope import NOT_GRADED, not_analysable, ungraded
from inference.ecg.scope import assess as assess_scope
from inference.registry import REGISTRY
from inference.results import ModelRef, plain, to_json
from inference.runtime import Runtime

FIDUCIAL_LEADS = ("II", "V2", "V5")
NOT_FOR_CLINICAL_USE = "AI pre-read and built-in rules: not for clinical use"


@dataclass
class EcgAnalysis:
    model: ModelRef
    rules: str
    urgency: str  # routine / urgent / critical, or not_graded
    drivers: list[str]
    findings: list[Finding]
    measurements: Measurements
    st: dict[str, LeadST]
    beats: list[Beat]
    fs: int  # sample rate of the beat positions
    rhythm: dict[str, Any]
    fiducial_leads: list[str]
    warnings: list[str] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    notice: str = NOT_FOR_CLINICAL_USE

    @property
    def source(self) -> str:
        return f"AI {self.model.label} + {self.rules}"

    def to_dict(self) -> dict[str, Any]:
        return plain(self)

    def summary(self) -> dict[str, Any]:
        """The compact form the CLI prints and the worklist stores."""
        m = self.measurements
        return {
            "urgency": self.urgency,
            "drivers": self.drivers,
            "findings": [
                {
                    "code": f.code,
                    "text": f.text,
                    "severity": f.severity,
                    "territory": f.territory,
                    "leads": f.leads,
                    "reasons": f.reasons,
                    "decided_at": f.decided_at,
                }
                for f in self.findings
            ],
            "measurements": {
                "hr_bpm": m.hr_bpm,
                "pr_ms": m.pr_ms,
                "qrs_ms": m.qrs_ms,
                "qt_ms": m.qt_ms,
                "qtc_ms": m.qtc_ms,
                "qtc_fridericia_ms": m.qtc_fridericia_ms,
                "p_axis_deg": m.p_axis_deg,
                "qrs_axis_deg": m.qrs_axis_deg,
                "t_axis_deg": m.t_axis_deg,
            },
            "st_mv": {k: v.st_j_mv for k, v in self.st.items()},
            "st_j40_mv": {k: v.st_j40_mv for k, v in self.st.items()},
            "st_j60_mv": {k: v.st_j60_mv for k, v in self.st.items()},
            "st_j80_mv": {k: v.st_j80_mv for k, v in self.st.items()},
            "rhythm": self.rhythm,
            "model": {"id": self.model.id, "name": self.model.name, "version": self.model.version},
            "rules": self.rules,
            "notice": self.notice,
            "warnings": self.warnings,
        }

    def to_json(self, indent: int | None = None) -> str:
        return to_json(self.summary(), indent)


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


def analyze(
    signal: EcgSignal, state=None, runtime: Runtime | None = None, all_leads: bool = False
) -> EcgAnalysis:
    """AI pre-read of one ECG (first 10 s).  ``state`` is an app.jobs.TaskState or None."""

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
    data = resample(signal.data, signal.fs, MODEL_FS)
    if data.shape[1] > WINDOW:
        warnings.append(f"analysed the first 10 s of {signal.duration_s:.0f} s")
        data = data[:, :WINDOW]
    if data.shape[1] < 4 * MODEL_FS:
        warnings.append(f"record is only {signal.duration_s:.1f} s; measurements are less reliable")
    leads = list(signal.leads)
    missing = signal.missing_standard_leads()
    if missing:
        warnings.append("leads not available (not analysed): " + ", ".join(missing))
    flat = flat_leads(data, leads)
    if flat:
        warnings.append("flat or disconnected leads (not analysed): " + ", ".join(flat))
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
    fid.beats = _real_beats(fid.beats, data, [leads.index(n) for n in run])
    # ST and morphology only on recognised leads (unknown channels never graded)
    live = [i for i, n in enumerate(leads) if n not in flat and n in STANDARD_LEADS]
    live_leads = [leads[i] for i in live]
    rr = intervals(fid.beats).rr_ms
    median = refine(data[live], live_leads, fid.beats, rr) if live else None
    m, st = measure(data[live], live_leads, fid.beats, median)
    if len(fid.beats) < 3:
        warnings.append(f"only {len(fid.beats)} beats found; measurements unreliable")
    vpcs = sum(1 for b in fid.beats if b.kind == "vpc")
    if len(fid.beats) < 2:
        findings = [no_signal_finding(len(run))]
    else:
        findings = st_findings(st, signal.sex, signal.age_years, m.rr_ms)
        findings += rhythm_findings(m, fid.rhythm_distribution, vpcs)
    if (findings and any(f.code == "STEMI" for f in findings)) and m.qrs_ms and m.qrs_ms >= 120:
        for f in findings:
            if f.code == "STEMI":
                f.reasons.append("QRS >= 120 ms: ST criteria apply poorly (BBB/paced/LVH)")
    manifest = REGISTRY.get(MODEL_ID)
    ref = ModelRef.of(manifest)
    rules = f"{RULES_NAME} {RULES_VERSION}"
    if not scope.twelve_lead:
        findings = ungraded(findings, scope.reason)
    for f in findings:
        f.source = f"AI {ref.label} + {rules} (not for clinical use)"
    level, drivers = urgency(findings) if scope.twelve_lead else (NOT_GRADED, [])
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
    )


def beat_times_s(analysis: EcgAnalysis) -> np.ndarray:
    """QRS onsets in seconds (for viewers)."""
    return np.array([b.qrs_on / analysis.fs for b in analysis.beats], dtype=float)
