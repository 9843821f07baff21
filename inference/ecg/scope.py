"""What the ECG rules may grade: a recognised 12-lead resting ECG of useful length.

Urgency comes only from leads the analysis recognises.  A record without
waveform or far shorter than 10 s is "not analysable"; a record that is not a
12-lead ECG (one or two unnamed channels, a test pattern, non-ECG channels)
is analysed for information but gets no automatic grade.  Neither ever gets
an urgent or critical grade.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.ecg.signal import MIN_ANALYSIS_S, STANDARD_LEADS, EcgSignal
from inference.ecg.rules import Finding

NOT_GRADED = "not_graded"  # the urgency of a record the rules may not grade
# Leads a 12-lead ECG must have (the other four are sums of I and II).
REQUIRED = ("I", "II", "V1", "V2", "V3", "V4", "V5", "V6")


@dataclass(frozen=True)
class Scope:
    analysable: bool
    twelve_lead: bool
    reason: str = ""


def assess(signal: EcgSignal) -> Scope:
    """Whether the record may be analysed and graded; ``reason`` is an ``EcgWarning``."""
    from app.ecg.warning_codes import EcgWarning

    n = signal.n_samples if signal.data.size else 0
    if not signal.leads or n == 0:
        return Scope(False, False, EcgWarning("no_waveform"))
    if not np.isfinite(signal.data).any():
        return Scope(False, False, EcgWarning("no_valid_samples"))
    if signal.duration_s < MIN_ANALYSIS_S:  # the constant the readers share
        ms = signal.duration_s * 1000
        return Scope(False, False, EcgWarning("too_short", ms=ms, min_s=MIN_ANALYSIS_S))
    missing = [n for n in REQUIRED if n not in signal.leads]
    if missing:
        known = [n for n in signal.leads if n in STANDARD_LEADS]
        channels = list(signal.leads[:6]) + (["..."] if len(signal.leads) > 6 else [])
        kw = {"count": len(signal.leads), "channels": channels, "missing": missing}
        if known:
            return Scope(True, False, EcgWarning("not_12_lead", known=known, **kw))
        return Scope(True, False, EcgWarning("not_12_lead_unknown", **kw))
    return Scope(True, True)


def not_analysable(reason: str) -> Finding:
    return Finding("NOT_ANALYSABLE", "Not analysable: no automatic grade", "info", reasons=[reason])


def not_12_lead(reason: str) -> Finding:
    return Finding("NOT_12_LEAD", "Not a 12-lead ECG: no automatic grade", "info", reasons=[reason])


def ungraded(findings: list[Finding], reason: str) -> list[Finding]:
    """The findings of a non-12-lead record as information only, behind the notice."""
    for f in findings:
        if f.severity != "info":
            f.reasons.append(f"would be {f.severity} on a 12-lead ECG; not graded here")
            f.severity = "info"
    return [not_12_lead(reason)] + findings
