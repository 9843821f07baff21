"""Rebuild an ``EcgAnalysis`` from its stored dict (``EcgAnalysis.to_dict()``),
so viewers show the stored AI result instead of running the model again."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from inference.ecg.analysis import EcgAnalysis
from inference.ecg.fiducials import Beat
from inference.ecg.measure import LeadST, Measurements
from inference.ecg.rules import Finding
from inference.results import ModelRef


def _make(cls, d: dict[str, Any]):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in dict(d or {}).items() if k in names})


def analysis_from_dict(d: dict[str, Any]) -> EcgAnalysis:
    """Raises KeyError/TypeError on a dict that is not an analysis."""
    return EcgAnalysis(
        model=_make(ModelRef, d["model"]),
        rules=str(d.get("rules", "")),
        urgency=str(d["urgency"]),
        drivers=list(d.get("drivers") or []),
        findings=[_make(Finding, f) for f in d.get("findings") or []],
        measurements=_make(Measurements, d.get("measurements") or {}),
        st={k: _make(LeadST, v) for k, v in (d.get("st") or {}).items()},
        beats=[_make(Beat, b) for b in d.get("beats") or []],
        fs=int(d["fs"]),
        rhythm=dict(d.get("rhythm") or {}),
        fiducial_leads=list(d.get("fiducial_leads") or []),
        warnings=list(d.get("warnings") or []),
        timings_ms=dict(d.get("timings_ms") or {}),
        notice=str(d.get("notice", "")),
    )
