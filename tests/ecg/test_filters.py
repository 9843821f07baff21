"""Display filters (app.ecg.filters): notch, baseline removal, low-pass assessment."""

from __future__ import annotations

import numpy as np
import pytest

from app.ecg.filters import (
    FilterSpec,
    apply_filters,
    assess,
    band_power,
    lowpass,
    notch,
    remove_baseline,
)

pytest.importorskip("scipy")


def test_notch_removes_injected_mains(real_signal):
    fs = real_signal.fs
    clean = real_signal.lead("II").astype(np.float64)
    t = np.arange(clean.size) / fs
    noisy = clean + 0.2 * np.sin(2 * np.pi * 50.0 * t)
    before = band_power(noisy, fs, 50.0)
    after = band_power(notch(noisy, fs, 50.0), fs, 50.0)
    assert after < before / 100  # > 20 dB down at 50 Hz
    # the ECG itself is kept: the QRS peaks barely move
    out = notch(noisy, fs, 50.0)
    assert np.max(np.abs(out - clean)[1000:-1000]) < 0.1
    # a 60 Hz notch leaves 50 Hz interference alone
    assert band_power(notch(noisy, fs, 60.0), fs, 50.0) > before / 2


def test_baseline_removal_removes_slow_drift(real_signal):
    fs = real_signal.fs
    clean = real_signal.lead("V2").astype(np.float64)
    t = np.arange(clean.size) / fs
    drift = 0.8 * np.sin(2 * np.pi * 0.15 * t) + 0.1 * t  # breathing + electrode drift
    out = remove_baseline(clean + drift, fs)
    assert band_power(clean + drift, fs, 0.15, 0.1) > 50 * band_power(out, fs, 0.15, 0.1)
    core = slice(int(fs), -int(fs))
    # compared with the clean lead after the same filter, the drift is gone
    ref = remove_baseline(clean, fs)
    assert np.median(np.abs(out[core] - ref[core])) < 0.02
    assert np.ptp(out[core] - clean[core]) < np.ptp(drift[core]) / 3


def test_lowpass_40_is_flagged_non_diagnostic():
    st = assess(FilterSpec(lowpass_hz=40.0), {"highpass": 0.05, "lowpass": 150.0})
    assert not st.diagnostic and st.st_distorted and st.codes == ["LOWPASS_DISPLAY"]
    ok = assess(FilterSpec(baseline=True, notch_hz=50.0, lowpass_hz=150.0), {"highpass": 0.05})
    assert ok.diagnostic and not ok.codes
    assert assess(FilterSpec(lowpass_hz=100.0)).diagnostic
    monitor = assess(FilterSpec(), {"highpass": 0.5, "lowpass": 40.0})
    assert set(monitor.codes) == {"HIGHPASS", "LOWPASS_RECORDED"}


def test_lowpass_attenuates_high_frequency_only():
    fs = 500.0
    t = np.arange(int(10 * fs)) / fs
    x = np.sin(2 * np.pi * 5 * t) + np.sin(2 * np.pi * 80 * t)
    y = lowpass(x, fs, 40.0)
    assert band_power(y, fs, 80.0) < band_power(x, fs, 80.0) / 1000
    assert band_power(y, fs, 5.0) == pytest.approx(band_power(x, fs, 5.0), rel=0.05)


def test_apply_filters_shape_dtype_and_noop(real_signal):
    data = real_signal.data[:3]
    assert apply_filters(data, real_signal.fs, FilterSpec()) is not None
    np.testing.assert_array_equal(apply_filters(data, real_signal.fs, FilterSpec()), data)
    out = apply_filters(data, real_signal.fs, FilterSpec(True, 50.0, 150.0))
    assert out.shape == data.shape and out.dtype == np.float32
    assert not np.allclose(out, data)
