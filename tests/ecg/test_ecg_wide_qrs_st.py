"""ST-T criteria for a wide QRS that is not RBBB (Smith-modified Sgarbossa, as the 4th
UDMI points to for LBBB and ventricular pacing).  Hand-made ST values (SYNTHETIC) and
the real LUDB record 116 (tests/data/ecg/README.md): a broad-R / QS wide QRS of 180 ms
whose discordant ST in V1-V4 met the ordinary STEMI cut-off at J+60 and was graded
critical, with secondary ST depression and T inversion in I, aVL and V6 graded urgent."""

from __future__ import annotations

from pathlib import Path

from inference.ecg.measure import LeadST
from inference.ecg.rules import Finding, st_findings, urgency
from inference.ecg.wide_qrs import secondary_st, sgarbossa

LUDB = Path(__file__).resolve().parents[1] / "data" / "ecg" / "wfdb" / "ludb"


def _lead(name, st, r, s, t=0.2):
    return LeadST(name, st, st, "flat", t, r, s, st_j40_mv=st)


def _lbbb(**st_by_lead):
    """Positive QRS in I, aVL, V5, V6; negative (QS) in V1-V4."""
    shape = {"I": (1.0, -0.05), "aVL": (0.8, -0.05), "V5": (1.2, -0.05), "V6": (1.0, -0.05)}
    shape |= {n: (0.05, -1.2) for n in ("V1", "V2", "V3", "V4")}
    return {n: _lead(n, st_by_lead.get(n, 0.0), *rs) for n, rs in shape.items()}


def _graded(st, sex="M", age=60):
    conduction = Finding("LBBB", "Left bundle branch block", "routine")
    return secondary_st([*st_findings(st, sex, age), conduction], st)


def test_discordant_st_in_proportion_to_the_qrs_is_not_a_stemi():
    st = _lbbb(V1=0.15, V2=0.25, V3=0.25, V4=0.15, I=-0.1, aVL=-0.1, V6=-0.1)
    assert sgarbossa(st) == []  # 2.5 mm is 21 % of a 12 mm S wave
    found = _graded(st)
    assert [f.code for f in found] == ["LBBB"]
    assert urgency(found)[0] == "routine"
    assert any("discordant to the wide QRS" in r for r in found[0].reasons)


def test_each_sgarbossa_criterion_keeps_the_stemi():
    concordant = _lbbb(I=0.15, aVL=0.15)
    excessive = _lbbb(V2=0.35, V3=0.35)  # 3.5 mm = 29 % of the S wave
    for st in (concordant, excessive):
        found = _graded(st)
        stemi = [f for f in found if f.code == "STEMI"]
        assert stemi and urgency(found)[0] == "critical", st
        assert "Smith-modified Sgarbossa criteria (wide QRS)" in stemi[0].reasons
    assert sgarbossa(_lbbb(V2=-0.15)) == ["V2: concordant ST depression -1.5 mm"]


def test_rbbb_keeps_the_ordinary_criteria():
    st = _lbbb(V2=0.25, V3=0.25)
    conduction = Finding("RBBB", "Right bundle branch block", "routine")
    found = secondary_st([*st_findings(st, "M", 60), conduction], st)
    assert "STEMI" in [f.code for f in found]


def test_real_wide_qrs_record_is_not_graded_as_an_infarct():
    from app.ecg.readers import read_ecg
    from inference.ecg import analyze

    res = analyze(read_ecg(LUDB / "116.hea"))
    codes = [f.code for f in res.findings]
    assert "LBBB" in codes and res.measurements.qrs_ms >= 160
    assert not {"STEMI", "ST_DEPRESSION", "T_INVERSION"} & set(codes)
    lbbb = next(f for f in res.findings if f.code == "LBBB")
    assert any("Sgarbossa criteria not met" in r for r in lbbb.reasons)
