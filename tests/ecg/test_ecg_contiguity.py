"""Contiguous leads as the 4th Universal Definition of MI counts them: the precordial
leads V1-V6 are one group, so V4 and V5 (split between our anterior and lateral
territories) are contiguous too.

The real record is the GE MAC55 DICOM ECG of the accuracy harness
(tests/data/ecg/README.md), whose device statements say "anterolateral ST-T changes,
possible ischaemia": its ST depression in V4-V5 was not reported."""

from __future__ import annotations

from pathlib import Path

from app.ecg.readers import read_ecg
from inference.ecg import analyze
from inference.ecg.measure import LeadST
from inference.ecg.rules import st_findings

DCM = Path(__file__).resolve().parents[1] / "data" / "ecg" / "dicom" / "ecgprocess_mac55_afib.dcm"
LEADS = ("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6")


def _st(**j):
    """SYNTHETIC per-lead ST values (mV at J and J+60)."""
    return {n: LeadST(n, j.get(n, 0.0), j.get(n, 0.0), "flat", 0.2, 1.0, -0.3) for n in LEADS}


def test_v4_v5_elevation_meets_the_criterion():
    found = st_findings(_st(V4=0.12, V5=0.11), "M", 55, rr_ms=900)
    assert [(f.code, f.territory, f.leads, f.decided_at) for f in found] == [
        ("STEMI", "anterolateral", ["V4", "V5"], "J")
    ]


def test_the_v4_v5_pair_is_not_reported_twice():
    found = st_findings(_st(V3=0.25, V4=0.12, V5=0.11, V6=0.11), "M", 55, rr_ms=900)
    assert [(f.territory, f.leads) for f in found] == [
        ("lateral", ["V5", "V6"]),
        ("anterior", ["V3", "V4"]),
    ]
    found = st_findings(_st(V3=0.25, V4=0.12, V5=0.11), "M", 55, rr_ms=900)
    assert [(f.territory, f.leads) for f in found] == [("anterior", ["V3", "V4", "V5"])]
    assert not st_findings(_st(V4=0.12, V6=0.11), "M", 55, rr_ms=900)  # not adjacent


def test_device_statement_anterolateral_st_changes_are_found():
    res = analyze(read_ecg(DCM))
    dep = [f for f in res.findings if f.code == "ST_DEPRESSION"]
    assert ("anterolateral", ["V4", "V5"]) in [(f.territory, f.leads) for f in dep]
    assert res.urgency == "urgent"  # as before: no critical grade
