"""ST elevation meeting the STEMI cut-offs with no reciprocal ST depression
(inference/ecg/st_pattern.py, row STE_NO_RECIPROCAL in rules.py): urgent, not critical,
and only in inferior (+/- lateral) leads with a narrow QRS; any reciprocal depression,
anterior elevation, lateral elevation alone or a wide QRS keeps the STEMI critical.

Real records (tests/data/ecg/README.md): the Guangxi teaching ECG (GE MUSE, 11-year-old,
device: "ST elevation, suggests early repolarisation", normal ECG) was a false critical
STEMI; Philips 129DYPRG (device: acute inferior MI, aVL depression) and LUDB 55
(labelled STEMI, anterior) stay critical.  The ST tables below are SYNTHETIC."""

from __future__ import annotations

import sys
from pathlib import Path

from app.ecg.readers import read_ecg
from inference.ecg import analyze
from inference.ecg.measure import LeadST
from inference.ecg.rules import rule, st_findings, urgency
from inference.ecg.st_pattern import CODE, without_reciprocal

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import ecg_ludb  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data" / "ecg"
LEADS = ("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6")


def test_the_guangxi_early_repolarisation_ecg_is_urgent_not_a_critical_stemi():
    res = analyze(read_ecg(DATA / "muse" / "ecg2dcm_guangxi_teaching_sinus_rhythm.xml"))
    assert res.urgency == "urgent"
    assert not [f for f in res.findings if f.code == "STEMI"]
    (f,) = [f for f in res.findings if f.code == CODE]
    assert f.severity == "urgent" and {"II", "aVF", "V5", "V6"} <= set(f.leads)
    assert "early repolarisation or pericarditis pattern" in f.text
    assert any("aVL" in r and "at J+60" in r for r in f.reasons)
    assert any("Bischof 2016" in r for r in f.reasons)


def test_a_real_acute_inferior_mi_with_avl_depression_stays_critical():
    res = analyze(read_ecg(DATA / "sierra" / "129DYPRG.xml"))  # device: acute inferior MI
    assert res.urgency == "critical"
    assert [f.territory for f in res.findings if f.code == "STEMI"] == ["inferior"]
    assert not [f for f in res.findings if f.code == CODE]


def test_a_real_ludb_stemi_stays_critical():
    res = analyze(ecg_ludb.read_common_gain(DATA / "wfdb" / "ludb" / "55.hea"))
    assert res.urgency == "critical"
    assert not [f for f in res.findings if f.code == CODE]


def _lead(n, j, j60=None):
    return LeadST(
        n, j, j if j60 is None else j60, "flat", 0.4, 1.2, -0.2, j if j60 is None else j60
    )


def _diffuse(**over):
    """SYNTHETIC: inferior + lateral elevation, aVR depressed, nothing else below 0."""
    st = {n: _lead(n, 0.0) for n in LEADS}
    for n in ("II", "III", "aVF", "I", "V5", "V6"):
        st[n] = _lead(n, 0.12)
    st["aVR"] = _lead("aVR", -0.1)
    for n, v in over.items():
        st[n] = v if isinstance(v, LeadST) else _lead(n, v)
    return st


def _graded(st, qrs_ms=90.0, rr_ms=900.0):
    found = without_reciprocal(st_findings(st, "M", 50, rr_ms), st, qrs_ms, rr_ms)
    return urgency(found)[0], sorted({f.code for f in found if f.severity != "info"})


def test_diffuse_inferior_lateral_elevation_without_reciprocal_depression_is_urgent():
    assert _graded(_diffuse()) == ("urgent", [CODE])
    # below the 0.25 mm cut-off (Lindow 2020: >= 0.025 mV) is not a reciprocal depression
    assert _graded(_diffuse(aVL=-0.02)) == ("urgent", [CODE])
    inferior_only = _diffuse(I=0.0, V5=0.0, V6=0.0)
    assert _graded(inferior_only) == ("urgent", [CODE])


def test_any_reciprocal_depression_keeps_the_stemi_critical():
    assert _graded(_diffuse(aVL=-0.03))[0] == "critical"  # aVL (Bischof 2016)
    assert _graded(_diffuse(aVL=_lead("aVL", 0.0, -0.03)))[0] == "critical"  # at J+60
    assert _graded(_diffuse(I=-0.03, V5=0.0, V6=0.0))[0] == "critical"  # lead I (Lindow)
    assert _graded(_diffuse(V2=-0.06))[0] == "critical"  # posterior mirror in V2
    assert _graded(_diffuse(V1=-0.03))[0] == "critical"  # only aVR is exempt
    assert rule(CODE).value == -0.025


def test_anterior_or_lateral_only_elevation_or_a_wide_qrs_stays_critical():
    wraparound = _diffuse(I=0.0, V5=0.0, V6=0.0, V2=0.3, V3=0.3, V4=0.2)  # inferior + anterior
    assert _graded(wraparound) == ("critical", ["STEMI"])
    lateral = _diffuse(II=0.0, III=0.0, aVF=0.0)
    assert _graded(lateral) == ("critical", ["STEMI"])
    assert _graded(_diffuse(), qrs_ms=124.0)[0] == "critical"
    assert _graded(_diffuse(), qrs_ms=None)[0] == "critical"
    no_avl = {n: v for n, v in _diffuse().items() if n != "aVL"}
    assert _graded(no_avl)[0] == "critical"
