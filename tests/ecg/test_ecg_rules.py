"""The thresholds table applied to hand-made ST values (4th UDMI cut-offs)."""

import pytest

from inference.ecg.measure import LeadST, Measurements
from inference.ecg.qt import qt_findings
from inference.ecg.rules import THRESHOLDS, rhythm_findings, st_findings, urgency


def _st(**mv):
    return {k: LeadST(k, v, v, "flat", 0.2, 1.0, -0.2) for k, v in mv.items()}


@pytest.mark.parametrize(
    "sex, age, mv, stemi",
    [
        ("F", 50, 0.16, True),  # women >= 1.5 mm
        ("F", 50, 0.14, False),
        ("M", 50, 0.19, False),  # men >= 40 need 2 mm
        ("M", 50, 0.21, True),
        ("M", 30, 0.23, False),  # men < 40 need 2.5 mm
        ("M", 30, 0.26, True),
        ("", None, 0.16, True),  # unknown sex: most sensitive cut-off
    ],
)
def test_v2_v3_thresholds_by_sex_and_age(sex, age, mv, stemi):
    found = st_findings(_st(V2=mv, V3=mv, V1=0.0, V4=0.0), sex, age)
    assert any(f.code == "STEMI" for f in found) is stemi


def test_one_lead_is_not_enough_and_groups_are_contiguous():
    assert not st_findings(_st(II=0.3, I=0.3, V1=0.3), "M", 60)  # three territories, one lead each
    found = st_findings(_st(II=0.12, aVF=0.11, III=0.0, aVL=-0.1), "M", 60)
    assert [f.territory for f in found] == ["inferior"]
    assert any("reciprocal" in r for r in found[0].reasons)


def test_rhythm_rules_and_urgency():
    m = Measurements(hr_bpm=45.0, qrs_ms=130.0, pr_ms=220.0, qtc_ms=510.0)
    found = rhythm_findings(m, {"avb": 0.9, "sinus": 0.1}, vpc_beats=0)
    found += qt_findings(Measurements(qrs_ms=100.0, qtc_ms=510.0))
    codes = {f.code for f in found}
    assert {"AV_BLOCK_SLOW", "FIRST_DEGREE_AVB", "QT_LONG", "BRADY"} <= codes
    assert not codes & {"BBB", "WIDE_QRS", "PACED"}  # conduction rules decide those
    level, drivers = urgency(found)
    assert level == "urgent" and "AV_BLOCK_SLOW" in drivers
    vt = rhythm_findings(Measurements(hr_bpm=160.0), {"ventricular": 0.8}, vpc_beats=4)
    assert urgency(vt)[0] == "critical"
    assert urgency([]) == ("routine", [])


def test_every_threshold_has_a_reason():
    assert all(t.reason and t.severity in ("critical", "urgent", "routine") for t in THRESHOLDS)
