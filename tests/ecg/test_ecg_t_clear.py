"""The T end is placed only on leads whose T wave stands clear of the noise, and a
QT no lead can measure is "not measurable" with no QT grade (inference/ecg/t_wave.py).

Real: LUDB 138 (tests/data/ecg/README.md): T waves <= 0.12 mV, muscle tremor in
II/aVF that survives the median beat; the global T end was placed 190 ms after
the experts' and gave QTc 670 ms, graded urgent "long QT".  The experts' own
per-lead QT (their T end less that lead's QRS onset) is 394-462 ms.
SYNTHETIC: tremor-like noise added to the real pydicom record (waveform_ecg.dcm)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from app.ecg.readers import read_ecg
from inference.ecg import analyze
from inference.ecg.preread import result_of
from inference.ecg.t_wave import NOT_MEASURABLE, lead_snr

LUDB = Path(__file__).resolve().parents[1] / "data" / "ecg" / "wfdb" / "ludb"


def _tremor(n: int, fs: float, rms_mv: float, seed: int) -> np.ndarray:
    """SYNTHETIC muscle-tremor-like noise: white noise band-limited to ~25-150 Hz."""
    rng = np.random.default_rng(seed)
    x = rng.normal(0.0, 1.0, n)
    w_lo, w_hi = max(1, int(fs / 150)), max(2, int(fs / 25))
    band = np.convolve(x, np.ones(w_lo) / w_lo, "same") - np.convolve(
        x, np.ones(w_hi) / w_hi, "same"
    )
    return (band / band.std() * rms_mv).astype(np.float32)


def test_real_low_noisy_t_wave_is_measured_on_its_clear_leads():
    res = analyze(read_ecg(LUDB / "138.hea"))
    m = res.measurements
    assert 380 <= m.qt_ms <= 470  # the experts' per-lead QT: 394-462 ms (was 666)
    assert m.qtc_ms < 500 and "QT_LONG" not in [f.code for f in res.findings]
    note = next(w for w in res.warnings if w.startswith("QT measured on the leads"))
    assert "V1" in note and note.endswith("(T wave not clear of the noise in II)")


def test_tremor_in_one_lead_does_not_move_the_t_end(real_signal):
    clean = analyze(real_signal)
    data = real_signal.data.copy()
    ii = real_signal.leads.index("II")
    data[ii] += _tremor(data.shape[1], real_signal.fs, 0.25, seed=1)
    noisy = analyze(replace(real_signal, data=data))
    assert any("not clear of the noise in II" in w for w in noisy.warnings)
    assert abs(noisy.measurements.qt_ms - clean.measurements.qt_ms) <= 10


def test_no_clear_t_wave_anywhere_gives_no_qt_and_no_qt_grade(real_signal):
    data = real_signal.data.copy()
    for i in range(data.shape[0]):
        data[i] += _tremor(data.shape[1], real_signal.fs, 0.4, seed=10 + i)
    res = analyze(replace(real_signal, data=data))
    assert len(res.beats) >= 5  # the QRS complexes are still found
    assert res.measurements.qt_ms is None and res.measurements.qtc_ms is None
    assert NOT_MEASURABLE in res.warnings
    assert "QT_LONG" not in [f.code for f in res.findings]
    assert result_of(res).missing["qt_ms"] == NOT_MEASURABLE


def test_snr_is_amplitude_over_residual_noise():
    # SYNTHETIC: a 0.2 mV, 160 ms T wave after a "QRS" at samples 100-150 (500 Hz)
    x = np.zeros(600)
    t = np.arange(80)
    x[250:330] = 0.2 * np.sin(np.pi * t / 80)
    assert lead_snr(x, 100, 150, 190, 400) > 100  # no noise: only the smoothing residual
    noisy = x + _tremor(600, 500.0, 0.01, seed=3)
    assert 8 < lead_snr(noisy, 100, 150, 190, 400) < 40
    assert lead_snr(x * 0.1 + _tremor(600, 500.0, 0.01, seed=3), 100, 150, 190, 400) < 8
