"""Rebuild an ``EcgAnalysis`` from its stored dict (``EcgAnalysis.to_dict()``),
so viewers show the stored AI result instead of running the model again."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from app.ecg.analysis_notes import restored, restored_all
from inference.ecg.fiducials import Beat
from inference.ecg.measure import LeadST, Measurements
from inference.ecg.result import EcgAnalysis
from inference.ecg.rules import Finding
from inference.results import ModelRef


def _make(cls, d: dict[str, Any]):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in dict(d or {}).items() if k in names})


def analysis_from_dict(d: dict[str, Any]) -> EcgAnalysis:
    """Raises KeyError/TypeError on a dict that is not an analysis."""
    nested = {
        "model": lambda v: _make(ModelRef, v),
        "findings": lambda v: [_make(Finding, f) for f in v or []],
        "measurements": lambda v: _make(Measurements, v),
        "st": lambda v: {k: _make(LeadST, x) for k, x in (v or {}).items()},
        "beats": lambda v: [_make(Beat, b) for b in v or []],
        "fs": int,
    }
    kw = {}
    for f in fields(EcgAnalysis):
        if f.name in d:
            kw[f.name] = nested.get(f.name, lambda v: v)(d[f.name])
    # the warnings and the grade note with their codes (shown translated by code)
    kw["warnings"] = restored_all([str(w) for w in d.get("warnings") or []], d.get("warning_codes"))
    kw["grade_note"] = restored(str(d.get("grade_note") or ""), d.get("grade_note_code"))
    return EcgAnalysis(**kw)
