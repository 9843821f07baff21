"""T end on real records whose next beat starts with a sharp deflection.

``scp/scp_tools/ECG_20081029_105642_ANON000010.scp`` (SCP-Tools, MIT; device QT 357 ms,
statements "sinus rhythm, normal ECG", section 7 lists 14 pacemaker-like spikes 750 ms
apart): each P wave starts with a narrow spike.  The T apex was taken on the next
beat's spike and the T end after it: QT 608 ms and a false urgent "long QT".

``muse/ml4h_muse_ecg_deidentified_1.xml`` (GE MUSE 8, 240 Hz, sinus tachycardia 102/min,
device PR 167, QT 367 ms): at that rate the next P wave starts 420 ms after the QRS
onset, inside the 0.9 RR T-end window; its upstroke was taken for the T wave's
descending limb: QT 440 ms, and the P search, which starts after the previous T end,
then found PR 126 ms."""

from __future__ import annotations

from pathlib import Path

from app.ecg.readers import read_ecg
from inference.ecg import analyze

SCP = Path(__file__).resolve().parents[1] / "data" / "ecg" / "scp" / "scp_tools"
MUSE = Path(__file__).resolve().parents[1] / "data" / "ecg" / "muse"


def test_the_next_beats_spike_is_not_taken_for_the_t_wave():
    sig = read_ecg(SCP / "ECG_20081029_105642_ANON000010.scp")
    res = analyze(sig)
    assert abs(res.measurements.qt_ms - sig.device_measurements["QT Interval"]) <= 25
    assert "QT_LONG" not in [f.code for f in res.findings] and res.urgency == "routine"


def test_at_a_fast_rate_the_t_end_is_not_placed_in_the_next_p_wave():
    sig = read_ecg(MUSE / "ml4h_muse_ecg_deidentified_1.xml")
    assert sig.fs == 240 and sig.device_measurements["Heart Rate"] == 102
    res = analyze(sig)
    m, dev = res.measurements, sig.device_measurements
    assert abs(m.qt_ms - dev["QT Interval"]) <= 25  # was +73
    assert abs(m.pr_ms - dev["PR Interval"]) <= 20  # was -41


def test_a_long_qt_is_still_found(real_signal, device_beats):
    # SYNTHETIC: the real pydicom record with every T wave stretched ~1.5x in time
    # (its device QT 368 ms), so the QT is ~500 ms at 68 bpm: QTc well over 500 ms
    from dataclasses import replace

    import numpy as np

    data = real_signal.data.copy()
    fs = real_signal.fs
    for b in device_beats:
        j, t_end = b.get("QRS Offset"), b.get("T Offset")
        if j is None or t_end is None or t_end + (t_end - j) // 2 >= data.shape[1]:
            continue
        n = t_end - j
        src = np.linspace(0, n, int(n * 1.6))
        for lead in range(data.shape[0]):
            seg = np.interp(src, np.arange(n + 1), data[lead, j : t_end + 1])
            end = min(j + seg.size, data.shape[1])
            data[lead, j:end] = seg[: end - j]
    res = analyze(replace(real_signal, data=data))
    assert res.measurements.qt_ms is not None and res.measurements.qt_ms >= 480
    assert res.measurements.qtc_ms >= 500
    assert "QT_LONG" in [f.code for f in res.findings]
    assert fs == 1000


def test_a_paediatric_lead_set_names_its_extra_leads_and_is_not_graded():
    # SCP-Tools 20060620: I, II, V1, V2, V4, V6 and SCP leads 11 and 9 (V3R, V7), the
    # paediatric set its statements name ("pedriatrisk avledningssats")
    sig = read_ecg(SCP / "ECG_20060620_112352_ANON000002.scp")
    assert sig.leads[-2:] == ["V3R", "V7"]
    res = analyze(sig)
    assert res.urgency == "not_graded" and "missing V3, V5" in res.grade_note
