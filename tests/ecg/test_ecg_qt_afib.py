"""Long QT in atrial fibrillation: no rate correction (AHA/ACCF/HRS 2009 Part IV,
recommendation 3: not when the RR variability is large, as in atrial fibrillation);
the QT itself is judged against the 500 ms cut-off.

Real record: LUDB 1.0.1 record 109 (tests/data/ecg/README.md; AF at 137 bpm, QT
336 ms, Bazett QTc 509 ms: it was graded urgent "long QT")."""

from __future__ import annotations

import sys
from pathlib import Path

from inference.ecg import analyze
from inference.ecg.measure import Measurements
from inference.ecg.qt import qt_findings

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import ecg_ludb  # noqa: E402

LUDB = Path(__file__).resolve().parents[1] / "data" / "ecg" / "wfdb" / "ludb"


def test_fast_af_is_not_graded_on_bazett():
    res = analyze(ecg_ludb.read_common_gain(LUDB / "109.hea"))
    codes = [f.code for f in res.findings]
    assert "AFIB" in codes and "QT_LONG" not in codes
    assert res.measurements.qtc_ms >= 500 and res.measurements.qt_ms < 400  # reported


def _m(qt, rr, qrs=90.0):
    m = Measurements(qt_ms=qt, rr_ms=rr, qrs_ms=qrs)
    m.qtc_ms = round(qt / (rr / 1000) ** 0.5, 1)
    return m


def test_af_judges_the_qt_itself():
    """SYNTHETIC measurements."""
    assert not qt_findings(_m(340, 440), "F", afib=True)  # QTc 513, QT 340: not graded
    (f,) = qt_findings(_m(340, 440), "F")  # sinus at the same rate: Bazett as before
    assert f.severity == "urgent" and "qtc_ms" in f.reasons[0]
    (f,) = qt_findings(_m(520, 700), "F", afib=True)  # QT itself >= 500 ms: urgent
    assert "qt_ms 520" in f.reasons[0] and "Part IV" in f.reasons[0]
    # a wide QRS keeps its QRS-adjusted QT in AF too
    (f,) = qt_findings(_m(600, 1000, qrs=150), "M", afib=True)
    assert "qt_rr_qrs_ms" in f.reasons[0]


def test_af_has_no_pr_and_no_first_degree_block():
    """No P waves in AF: a "PR" would end on an f wave.  Real MIMIC record 041s (AF,
    3 leads) read AF together with "prolonged PR (first-degree AV block)", PR 320 ms;
    LUDB 109 (AF) too gives no PR now.  The table then says "no P wave found"."""
    from app.ecg.readers import read_ecg

    wfdb = LUDB.parent
    for res in (
        analyze(read_ecg(wfdb / "041s" / "041s.hea")),
        analyze(ecg_ludb.read_common_gain(LUDB / "109.hea")),
    ):
        codes = [f.code for f in res.findings]
        assert "AFIB" in codes and "FIRST_DEGREE_AVB" not in codes
        assert res.measurements.pr_ms is None and res.measurements.p_axis_deg is None
