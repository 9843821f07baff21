"""The ECG analyzer of the registry: ``analyze_ecg(signal, state) -> AiResult``.

``result_of`` turns a full ``EcgAnalysis`` into the one AI result shape; the
viewer rebuilds its overlays from the result's ``details`` (fiducials and beats),
so opening a case never runs the model again.
"""

from __future__ import annotations

from app.ai.result import AiResult, Finding, ModelInfo, Urgency
from inference.ecg.analysis import analyze
from inference.ecg.result import EcgAnalysis
from inference.ecg.t_wave import NOT_MEASURABLE

UNITS = {
    "hr_bpm": "bpm",
    "rr_ms": "ms",
    "pr_ms": "ms",
    "qrs_ms": "ms",
    "qt_ms": "ms",
    "qtc_ms": "ms",
    "qtc_fridericia_ms": "ms",
    "p_axis_deg": "deg",
    "qrs_axis_deg": "deg",
    "t_axis_deg": "deg",
}


# summary keys that are fields of the one result shape; the rest go to ``details``
SCHEMA_KEYS = ("urgency", "findings", "measurements", "model", "rules")


def analyze_ecg(signal, state=None) -> AiResult:
    return result_of(analyze(signal, state=state))


def _why_missing(name: str, a: EcgAnalysis) -> str:
    if len(a.beats) < 2:
        return "fewer than 2 beats found"
    if name in ("pr_ms", "p_axis_deg"):
        return "no P wave found (e.g. atrial fibrillation, or not visible)"
    if name.startswith("qt") and NOT_MEASURABLE in a.warnings:
        return NOT_MEASURABLE
    if name.startswith("qt") or name == "t_axis_deg":
        return "T wave end not found"
    return "not measurable in this record"


def summary_line(findings: list[Finding], hr: float | None) -> str:
    line = "; ".join(f.text for f in findings) or "no significant finding"
    return line + (f" · HR {hr:.0f}" if hr else "")


def result_of(a: EcgAnalysis) -> AiResult:
    s = a.summary()
    values = {k: s["measurements"].get(k) for k in UNITS if k in s["measurements"]}
    values["rr_ms"] = a.measurements.rr_ms
    findings = [
        Finding(
            f["code"],
            f["text"],
            f["severity"],
            f["territory"],
            list(f["leads"]),
            list(f["reasons"]),
            {"decided_at": f["decided_at"]} if f.get("decided_at") else {},
        )
        for f in s["findings"]
    ]
    return AiResult(
        model=ModelInfo(a.model.id, a.model.name, a.model.version, a.model.not_for_clinical_use),
        analyzer="ecg",
        modality="ECG",
        urgency=Urgency.parse(a.urgency),
        summary=summary_line(findings, values.get("hr_bpm")),
        findings=findings,
        measurements=values,
        units={k: UNITS[k] for k in values},
        missing={k: _why_missing(k, a) for k, v in values.items() if v is None},
        overlays=[{"kind": "ecg-fiducials", "fs": a.fs, "leads": a.fiducial_leads}],
        rules=a.rules,
        details={
            **{k: v for k, v in s.items() if k not in SCHEMA_KEYS},
            "analysis": a.to_dict(),  # beats, fiducials, ST per lead: the viewer's overlays
        },
    )


def analysis_of(result: AiResult) -> EcgAnalysis | None:
    """The full analysis kept in an ECG result (None for results without it)."""
    from inference.ecg.restore import analysis_from_dict

    raw = (result.details or {}).get("analysis")
    return analysis_from_dict(raw) if isinstance(raw, dict) else None
