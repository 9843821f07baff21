"""The ECG pre-read's result: ``EcgAnalysis`` and its compact ``summary()``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inference.ecg.fiducials import Beat
from inference.ecg.measure import LeadST, Measurements
from inference.ecg.rules import Finding
from inference.results import ModelRef, plain, to_json

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
    window: dict[str, Any] = field(default_factory=dict)  # the analysed span (seconds)
    pacer_spikes: list[float] = field(default_factory=list)  # seconds from record start
    grade_note: str = ""  # why there is no grade (not_graded), else ""

    @property
    def source(self) -> str:
        return f"AI {self.model.label} + {self.rules}"

    def to_dict(self) -> dict[str, Any]:
        """Every field as JSON-native data; the warnings' and grade note's codes beside
        their English text (``app.ecg.analysis_notes``), so they are shown translated."""
        from app.ecg.analysis_notes import coded

        d = plain(self)
        d["warning_codes"] = coded(self.warnings)
        d["grade_note_code"] = coded([self.grade_note])[0]
        return d

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
                "qt_rr_qrs_ms": m.qt_rr_qrs_ms,
                "p_axis_deg": m.p_axis_deg,
                "qrs_axis_deg": m.qrs_axis_deg,
                "t_axis_deg": m.t_axis_deg,
            },
            "st_mv": {k: v.st_j_mv for k, v in self.st.items()},
            "st_j40_mv": {k: v.st_j40_mv for k, v in self.st.items()},
            "st_j60_mv": {k: v.st_j60_mv for k, v in self.st.items()},
            "st_j80_mv": {k: v.st_j80_mv for k, v in self.st.items()},
            "rhythm": self.rhythm,
            "window": self.window,
            "pacer_spikes_s": self.pacer_spikes,
            "grade_note": self.grade_note,
            "model": {"id": self.model.id, "name": self.model.name, "version": self.model.version},
            "rules": self.rules,
            "notice": self.notice,
            "warnings": self.warnings,
        }

    def to_json(self, indent: int | None = None) -> str:
        return to_json(self.summary(), indent)
