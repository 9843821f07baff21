"""With LVH voltage only the J point decides a STEMI (the 4th UDMI's ST criteria hold
in the absence of LVH; in LVH the ST rises from J into a tall T in V1-V3), so the
project's J+60 support is not used there.

Real records (tests/data/ecg/README.md), read at LUDB's one common gain: LUDB 20
(LVH, not STEMI: graded critical on ST elevation reached only at J+60) and LUDB 55
(LVH by Cornell and R aVL, labelled STEMI: ST criterion met at J, stays critical)."""

from __future__ import annotations

import sys
from pathlib import Path

from inference.ecg import analyze
from inference.ecg.measure import LeadST
from inference.ecg.rules import lvh_voltage, st_findings

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import ecg_ludb  # noqa: E402

LUDB = Path(__file__).resolve().parents[1] / "data" / "ecg" / "wfdb" / "ludb"
LEADS = ("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6")


def test_lvh_record_with_elevation_only_at_j60_is_not_stemi():
    res = analyze(ecg_ludb.read_common_gain(LUDB / "20.hea"))
    assert lvh_voltage(res.st, "M")
    assert not [f for f in res.findings if f.code == "STEMI"]
    assert res.urgency == "urgent"  # its T inversion is still graded


def test_lvh_record_with_the_criterion_met_at_j_stays_critical():
    res = analyze(ecg_ludb.read_common_gain(LUDB / "55.hea"))
    assert lvh_voltage(res.st, "F")
    assert res.urgency == "critical"


def _st(j, j60, s_v1=-0.3, r_v5=1.0):
    """SYNTHETIC per-lead ST: anterior elevation, inferior reciprocal depression."""
    st = {n: LeadST(n, 0.0, 0.0, "flat", 0.2, 1.0, -0.3) for n in LEADS}
    for n in ("V1", "V2", "V3"):
        st[n] = LeadST(n, j, j60, "up", 0.6, 0.3, -0.8)
    for n in ("II", "III", "aVF"):
        st[n] = LeadST(n, -0.06, -0.06, "flat", 0.2, 1.0, -0.1)
    st["V1"] = LeadST("V1", j, j60, "up", 0.6, 0.3, s_v1)
    st["V5"] = LeadST("V5", 0.0, 0.0, "flat", 0.2, r_v5, -0.1)
    return st


def _stemi(st, sex="M"):
    return [f.decided_at for f in st_findings(st, sex, 60, rr_ms=900) if f.code == "STEMI"]


def test_j60_support_is_dropped_only_with_lvh_voltage():
    assert _stemi(_st(0.12, 0.3)) == ["J+60"]
    lvh = _st(0.12, 0.3, s_v1=-1.5, r_v5=2.5)  # Sokolow-Lyon 4.0 mV
    assert lvh_voltage(lvh, "M") and _stemi(lvh) == []
    assert _stemi(_st(0.25, 0.3, s_v1=-1.5, r_v5=2.5)) == ["J"]
