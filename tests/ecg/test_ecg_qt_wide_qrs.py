"""Long QT on a wide QRS is judged on the QT adjusted for rate and QRS duration
(AHA/ACCF/HRS 2009 Part IV; QTrr,QRS of Rautaharju 2004, inference/ecg/qt.py).

Hand-made measurements (SYNTHETIC) and two real LUDB records (tests/data/ecg/README.md)
whose Bazett QTc passed 500 ms only through the width of the QRS and were graded
urgent "long QTc": 116 (180 ms broad-R / QS QRS, 90 bpm) and 111 (bipolar
ventricular pacing, QRS 176-188 ms, 60 bpm, the experts' QT 501 ms)."""

from __future__ import annotations

from pathlib import Path

import pytest

from inference.ecg.measure import Measurements
from inference.ecg.qt import qt_findings, qt_rr_qrs
from inference.ecg.rules import THRESHOLDS, rule_for

LUDB = Path(__file__).resolve().parents[1] / "data" / "ecg" / "wfdb" / "ludb"


def _m(qt, qrs, rr):
    m = Measurements(qt_ms=qt, qrs_ms=qrs, rr_ms=rr, hr_bpm=round(60000 / rr, 1))
    m.qtc_ms = round(qt / (rr / 1000) ** 0.5, 1)
    return m


def test_formula_matches_the_published_one():
    # QT - 155 (60/HR - 1) - 0.93 (QRS - 139) + k, k -22 ms men / -34 ms women
    assert qt_rr_qrs(480, 139, 1000, "M") == pytest.approx(458.0)
    assert qt_rr_qrs(480, 139, 1000, "F") == pytest.approx(446.0)
    assert qt_rr_qrs(480, 160, 800, "M") == pytest.approx(480 + 31 - 19.53 - 22)
    assert qt_rr_qrs(480, 160, 800, "") == qt_rr_qrs(480, 160, 800, "M")  # unknown: longer


def test_wide_qrs_widening_alone_is_not_a_long_qt():
    m = _m(qt=504, qrs=188, rr=1000)  # LUDB 111's figures: QTc Bazett 504 ms
    assert m.qtc_ms >= 500
    assert qt_findings(m, "F") == []
    assert m.qt_rr_qrs_ms == pytest.approx(504 - 0.93 * 49 - 34, abs=0.1)


def test_a_long_repolarisation_on_a_wide_qrs_is_still_urgent():
    m = _m(qt=600, qrs=150, rr=1000)  # JT 450 ms at 60 bpm
    found = qt_findings(m, "M")
    assert [f.code for f in found] == ["QT_LONG"] and found[0].severity == "urgent"
    assert "qt_rr_qrs_ms 567.8" in found[0].reasons[0] and "QRS 150" in found[0].reasons[0]


def test_narrow_qrs_keeps_the_bazett_qtc():
    assert [f.code for f in qt_findings(_m(qt=500, qrs=100, rr=980), "M")] == ["QT_LONG"]
    m = _m(qt=440, qrs=118, rr=1000)
    assert qt_findings(m, "M") == [] and m.qt_rr_qrs_ms is None


def test_the_rows_are_in_the_table_with_their_source():
    rows = [t for t in THRESHOLDS if t.code == "QT_LONG"]
    assert [t.measure for t in rows] == ["qtc_ms", "qt_ms", "qt_rr_qrs_ms"]
    assert "Part IV" in rule_for("QT_LONG", "qt_rr_qrs_ms").reason
    assert "Part IV" in rule_for("QT_LONG", "qt_ms").reason  # atrial fibrillation


@pytest.mark.parametrize("record", ["116", "111"])
def test_real_wide_qrs_records_lose_the_false_long_qt(record):
    from app.ecg.readers import read_ecg
    from inference.ecg import analyze

    res = analyze(read_ecg(LUDB / f"{record}.hea"))
    m = res.measurements
    assert m.qrs_ms >= 160 and m.qtc_ms >= 490  # Bazett QTc at or over the cut-off (was 504-505)
    assert m.qt_rr_qrs_ms is not None and m.qt_rr_qrs_ms < 480
    assert "QT_LONG" not in [f.code for f in res.findings]
    assert res.summary()["measurements"]["qt_rr_qrs_ms"] == m.qt_rr_qrs_ms
