"""Baseline wander: the median beat is built after a line through the PR-segment
knots is subtracted (inference.ecg.median.detrend).  Real record: Philips
``sierra/ad4d3d80-d165_1-04_orig.xml`` (device statement "BASELINE WANDER"; lead V3
drifts ~1.5 mV over the record): without it the T end was never found, QT read
750 ms (device 564) and a false "long QT" made the record urgent."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from app.ecg.readers import read_ecg
from inference.ecg import analyze

SIERRA = Path(__file__).resolve().parents[1] / "data" / "ecg" / "sierra"


def test_a_drifting_lead_does_not_stretch_the_qt_into_a_false_alarm():
    sig = read_ecg(SIERRA / "ad4d3d80-d165_1-04_orig.xml")
    assert any("BASELINE WANDER" in s for s in sig.device_statements)
    res = analyze(sig)
    qt = res.measurements.qt_ms
    assert qt is not None and abs(qt - sig.device_measurements["QT Interval"]) <= 25
    assert "QT_LONG" not in [f.code for f in res.findings]
    assert res.urgency == "routine"


def test_an_added_electrode_drift_changes_neither_intervals_nor_st(real_signal):
    # SYNTHETIC drift on the real pydicom record: V3 and V5 ramp by 1.5 and -1 mV over 10 s
    drift = real_signal.data.copy()
    t = np.arange(drift.shape[1]) / real_signal.fs
    drift[real_signal.leads.index("V3")] += 1.5 * t / t[-1]
    drift[real_signal.leads.index("V5")] -= 1.0 * t / t[-1]
    clean, moved = analyze(real_signal), analyze(replace(real_signal, data=drift))
    for key in ("pr_ms", "qrs_ms", "qt_ms"):
        a, b = getattr(clean.measurements, key), getattr(moved.measurements, key)
        assert a is not None and b is not None and abs(a - b) <= 6, key
    for lead in ("V3", "V5"):
        assert abs(clean.st[lead].st_j_mv - moved.st[lead].st_j_mv) <= 0.03
        assert abs(clean.st[lead].st_j60_mv - moved.st[lead].st_j60_mv) <= 0.03


def test_detrend_leaves_a_steady_baseline_alone_and_needs_two_knots():
    from inference.ecg.fiducials import Beat
    from inference.ecg.median import detrend

    x = np.full((2, 2000), 0.3, dtype=np.float32)
    x[1] += np.linspace(0, 1, 2000, dtype=np.float32)  # a pure ramp
    beats = [Beat(qrs_on=k, qrs_off=k + 50) for k in (300, 800, 1300, 1800)]
    out = detrend(x, beats)
    assert np.allclose(out[0], 0.0, atol=1e-6)
    inner = slice(290, 1789)  # between the first and last knot (~290, ~1790) the ramp is gone
    assert np.abs(out[1, inner]).max() < 1e-3
    assert detrend(x, beats[:1]) is x
