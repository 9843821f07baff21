"""Records longer than 10 s: the cleanest 10 s is analysed, and the result says which.

The long records are SYNTHETIC: the real pydicom record (waveform_ecg.dcm)
repeated, with noise, baseline wander or clipping added to some of it.
"""

import numpy as np

from app.ecg.signal import EcgSignal
from inference.ecg import analyze
from inference.ecg.window import choose


def _long(sig: EcgSignal, spoil, copies: int = 3) -> EcgSignal:
    parts = [sig.data.copy() for _ in range(copies)]
    spoil(parts)
    return EcgSignal(np.hstack(parts), sig.fs, list(sig.leads), sig.age_years, sig.sex)


def _noisy(x: np.ndarray, fs: float) -> None:
    rng = np.random.default_rng(1)
    t = np.arange(x.shape[1]) / fs
    x += 0.8 * np.sin(2 * np.pi * 0.3 * t) + rng.normal(0, 0.08, x.shape)


def test_cleanest_window_is_analysed_and_named(real_signal):
    fs = real_signal.fs

    def spoil(parts):
        _noisy(parts[0], fs)  # 0-10 s: wander and noise
        _noisy(parts[2], fs)  # 20-30 s: the same

    sig = _long(real_signal, spoil)
    res = analyze(sig)
    assert res.window["chosen"] and res.window["start_s"] == 10.0 and res.window["end_s"] == 20.0
    assert any("analysed 10.0-20.0 s of 30.0 s" in w for w in res.warnings)
    assert all(10.0 <= b.qrs_on / res.fs < 20.0 for b in res.beats)  # record time
    assert res.urgency == "routine"
    assert res.measurements.qrs_ms == analyze(real_signal).measurements.qrs_ms


def test_saturated_seconds_are_avoided(real_signal):
    def spoil(parts):
        for p in parts[:2]:
            p[:, 3000:6000] = 5.0  # 3-6 s and 13-16 s: pinned at the amplifier's rail

    sig = _long(real_signal, spoil)
    win = choose(sig.data, sig.fs)
    assert (win.start_s, win.end_s) == (16.0, 26.0)  # the earliest window clear of both


def test_ten_second_record_is_analysed_whole(real_signal):
    res = analyze(real_signal)
    assert res.window == {"start_s": 0.0, "end_s": 10.0, "record_s": 10.0, "chosen": False}
