"""Display filters for ECG signals (Qt-free): baseline wander, mains notch, low-pass.

All filters are zero-phase (forward-backward), so they do not shift waves in
time.  ``FilterSpec`` is the display filter choice; ``assess`` combines it with
the recording's own filters (``EcgSignal.filters``) and says whether the result
is still diagnostic.  Following the AHA/ACCF/HRS 2007 recommendations, a
low-pass below 100 Hz attenuates QRS peaks and blunts the J point, and a
causal high-pass above 0.05 Hz distorts the ST segment: both are flagged
non-diagnostic.  scipy is imported inside functions (it is slow to import).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

NOTCH_CHOICES = (0.0, 50.0, 60.0)  # 0 = off
LOWPASS_CHOICES = (0.0, 40.0, 100.0, 150.0)  # 0 = off
BASELINE_CUTOFF_HZ = 0.67  # zero-phase high-pass; AHA allows 0.67 Hz when phase-corrected
DIAGNOSTIC_LOWPASS_HZ = 100.0  # below this the ST segment and QRS are distorted
DIAGNOSTIC_HIGHPASS_HZ = 0.05  # recording high-pass above this (causal) distorts ST
NOTCH_Q = 30.0


@dataclass(frozen=True)
class FilterSpec:
    """What the viewer applies on top of the recording."""

    baseline: bool = False
    notch_hz: float = 0.0
    lowpass_hz: float = 0.0

    @property
    def active(self) -> bool:
        return self.baseline or self.notch_hz > 0 or self.lowpass_hz > 0


@dataclass
class FilterAssessment:
    diagnostic: bool
    st_distorted: bool
    reasons: list[str] = field(default_factory=list)  # English, for logs and reports
    codes: list[str] = field(default_factory=list)  # LOWPASS_DISPLAY, LOWPASS_RECORDED, HIGHPASS


def _sos_apply(sos, data: np.ndarray) -> np.ndarray:
    from scipy.signal import sosfiltfilt

    pad = min(data.shape[-1] - 1, 3 * (2 * len(sos) + 1))
    return sosfiltfilt(sos, data, axis=-1, padlen=max(pad, 0))


def remove_baseline(data: np.ndarray, fs: float, cutoff: float = BASELINE_CUTOFF_HZ) -> np.ndarray:
    """Zero-phase 2nd-order Butterworth high-pass: removes respiration/motion drift."""
    from scipy.signal import butter

    if data.shape[-1] < 16:
        return data - np.median(data, axis=-1, keepdims=True)
    sos = butter(2, cutoff, btype="highpass", fs=fs, output="sos")
    return _sos_apply(sos, data)


def notch(data: np.ndarray, fs: float, f0: float, q: float = NOTCH_Q) -> np.ndarray:
    """Zero-phase IIR notch at the mains frequency ``f0`` (50 or 60 Hz)."""
    from scipy.signal import iirnotch, tf2sos

    if f0 <= 0 or f0 >= fs / 2 or data.shape[-1] < 16:
        return data
    b, a = iirnotch(f0, q, fs=fs)
    return _sos_apply(tf2sos(b, a), data)


def lowpass(data: np.ndarray, fs: float, cutoff: float, order: int = 4) -> np.ndarray:
    """Zero-phase Butterworth low-pass (muscle noise)."""
    from scipy.signal import butter

    if cutoff <= 0 or cutoff >= fs / 2 or data.shape[-1] < 16:
        return data
    sos = butter(order, cutoff, btype="lowpass", fs=fs, output="sos")
    return _sos_apply(sos, data)


def apply_filters(data: np.ndarray, fs: float, spec: FilterSpec, state=None) -> np.ndarray:
    """``data`` (leads x samples, mV) filtered per ``spec``; float32, same shape.

    Works lead by lead so long recordings report progress and can be cancelled
    through ``state`` (an app.jobs.TaskState).
    """
    data = np.asarray(data, dtype=np.float32)
    if not spec.active:
        return data
    out = np.empty_like(data)
    rows = data if data.ndim == 2 else data[None, :]
    target = out if data.ndim == 2 else out[None, :]
    for i, row in enumerate(rows):
        if state is not None:
            state.check()
            state.progress(i / len(rows), "filtering")
        x = row.astype(np.float64)
        if spec.baseline:
            x = remove_baseline(x, fs)
        if spec.notch_hz:
            x = notch(x, fs, spec.notch_hz)
        if spec.lowpass_hz:
            x = lowpass(x, fs, spec.lowpass_hz)
        target[i] = x.astype(np.float32)
    return out


def assess(spec: FilterSpec, recorded: dict[str, float] | None = None) -> FilterAssessment:
    """Is the displayed signal diagnostic?  ``recorded``: the file's highpass/lowpass Hz."""
    recorded = recorded or {}
    out = FilterAssessment(diagnostic=True, st_distorted=False)
    if 0 < spec.lowpass_hz < DIAGNOSTIC_LOWPASS_HZ:
        out.codes.append("LOWPASS_DISPLAY")
        out.reasons.append(
            f"display low-pass {spec.lowpass_hz:g} Hz < {DIAGNOSTIC_LOWPASS_HZ:g} Hz: "
            "QRS amplitude and ST segment distorted (non-diagnostic)"
        )
    rec_lp = float(recorded.get("lowpass", 0) or 0)
    if 0 < rec_lp < DIAGNOSTIC_LOWPASS_HZ:
        out.codes.append("LOWPASS_RECORDED")
        out.reasons.append(f"recorded with low-pass {rec_lp:g} Hz (monitoring bandwidth)")
    rec_hp = float(recorded.get("highpass", 0) or 0)
    if rec_hp > DIAGNOSTIC_HIGHPASS_HZ:
        out.codes.append("HIGHPASS")
        out.reasons.append(
            f"recorded with high-pass {rec_hp:g} Hz > {DIAGNOSTIC_HIGHPASS_HZ:g} Hz: "
            "ST segment may be distorted"
        )
    if out.codes:
        out.diagnostic = False
        out.st_distorted = True
    return out


def band_power(x: np.ndarray, fs: float, f0: float, width: float = 1.0) -> float:
    """Power of ``x`` within ``f0 +- width`` Hz (for tests and quality checks)."""
    spec = np.abs(np.fft.rfft(np.asarray(x, dtype=np.float64))) ** 2
    freqs = np.fft.rfftfreq(x.size, 1.0 / fs)
    band = (freqs >= f0 - width) & (freqs <= f0 + width)
    return float(spec[band].sum())
