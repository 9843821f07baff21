"""Measuring a paced ECG without its stimulus artefacts, and the P wave searched only
after the previous beat's T wave.  Real GE MUSE exports (tests/data/ecg/README.md):
``muse/braveheart/example4.xml`` (BRAVEHEART, GPL-3.0) carries a pacer spike before
every QRS in its samples; ``muse/egm_muse_sinus.xml`` (EGM R package, GPL-3) is sinus
rhythm at 90 bpm whose previous T wave ends 300 ms before the QRS."""

from __future__ import annotations

from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parents[1] / "data" / "ecg" / "muse"


def test_a_paced_qrs_is_measured_from_the_paced_complex_not_from_the_spike():
    """Before the spikes were removed the median beat was aligned on the spike: QRS
    162 ms against the device's 128 and a frontal axis of +40 against its -66 (the spike
    is positive in every lead and outweighed the negative paced QRS in II and aVF)."""
    from app.ecg.readers import read_ecg
    from inference.ecg import analyze

    sig = read_ecg(DATA / "braveheart" / "example4.xml")
    dev = sig.device_measurements
    res = analyze(sig)
    m = res.measurements
    assert len(res.pacer_spikes) == 10
    assert "PACED" in [f.code for f in res.findings]
    assert abs(m.qrs_axis_deg - dev["QRS Axis"]) <= 10, m.qrs_axis_deg
    assert abs(m.qrs_ms - dev["QRS Duration"]) <= 20, m.qrs_ms
    assert abs(m.qt_ms - dev["QT Interval"]) <= 25, m.qt_ms


def test_removal_bridges_only_the_spike_and_leaves_listed_spikes_alone():
    """SYNTHETIC: a 1 mV one-sample spike with 8 ms of ringing on a slow wave."""
    from inference.ecg.pacer import BLANK_MS, PacerSpikes, detect, remove

    fs = 500.0
    t = np.arange(5000) / fs
    base = 0.2 * np.sin(2 * np.pi * 0.7 * t)
    data = np.stack([base, 0.5 * base]).astype(np.float32)
    i = 2500
    data[:, i] += 1.0
    data[:, i + 1 : i + 5] += np.array([-0.1, 0.08, 0.04, 0.02], dtype=np.float32)[None, :]
    spikes = detect(data, fs, ["I", "II"])
    assert spikes.times_s == [(i - 1) / fs]  # the last sample before the step
    clean = remove(data, fs, spikes)
    a, b = i - 1 - int(BLANK_MS[0] * fs / 1000), i + int(BLANK_MS[1] * fs / 1000)
    assert np.allclose(clean[:, :a], data[:, :a]) and np.allclose(clean[:, b:], data[:, b:])
    assert np.max(np.abs(clean[:, a:b] - base[a:b] * np.array([[1.0], [0.5]]))) < 0.01
    listed = PacerSpikes(times_s=[(i - 1) / fs], leads=[["device"]], amplitudes_mv=[0.0])
    assert np.array_equal(remove(data, fs, listed), data)


def test_the_p_wave_is_searched_after_the_previous_t_wave():
    """At 90 bpm the 320 ms P search window began inside the previous T wave, whose
    descending limb was taken for the P wave: PR 320 ms (a false first-degree AV block)
    against the device's 144."""
    from app.ecg.readers import read_ecg
    from inference.ecg import analyze

    sig = read_ecg(DATA / "egm_muse_sinus.xml")
    res = analyze(sig)
    assert abs(res.measurements.pr_ms - sig.device_measurements["PR Interval"]) <= 15
    assert "FIRST_DEGREE_AVB" not in [f.code for f in res.findings]
