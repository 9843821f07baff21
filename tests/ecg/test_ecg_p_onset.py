"""Global P onset on low, slow P waves (inference/ecg/median.py).

A real GE CardioSoft export (0.12 mV P wave in II, rising over ~60 ms, an 8-beat
median that varies +-20 uV sample to sample) read PR 130 ms against the device's
174: the 500 Hz velocity of the median was led by noise as large as the P
upstroke.  A P bump that stands less than P_CLEAR_RATIO above the TP level is now
placed on the velocity of the median low-passed at 25 Hz.
"""

from pathlib import Path

import numpy as np
import pytest

from app.ecg.readers import read_ecg
from inference.ecg import analyze
from inference.ecg.fiducials import MS, Beat
from inference.ecg.median import refine

DATA = Path(__file__).resolve().parents[1] / "data" / "ecg"


def _pr(path: Path) -> tuple[float, float]:
    sig = read_ecg(path)
    ours = analyze(sig).summary()["measurements"]["pr_ms"]
    return ours, sig.device_measurements["PR Interval"]


def test_the_real_cardiosoft_low_p_wave_reads_the_devices_pr():
    ours, device = _pr(DATA / "cardiosoft" / "ecgprocess_example_xml1.xml")
    assert device == 174
    assert abs(ours - device) <= 10, ours  # was 130 (-44 ms)


@pytest.mark.parametrize(
    "name",
    [
        "muse/muse_ecg1.xml",  # clear P waves: the 500 Hz velocity path, unchanged
        "muse/pdf2ecg_ecg.xml",  # first-degree AV block, PR 272
        "muse/egm_muse_sinus.xml",  # 90/min, P close to the previous T wave
        "sierra/pysierraecg_deid_3.xml",
        "sierra/2020-5-18_15-48-11.xml",  # a low P wave too: +4 -> +12 ms on the 25 Hz path
    ],
)
def test_harness_records_keep_their_pr(name):
    ours, device = _pr(DATA / name)
    assert abs(ours - device) <= 12, (ours, device)


# --- SYNTHETIC: a 10 s, 8-lead record with a low, slow P wave in white noise -------
FS = 500
LEADS = ["I", "II", "V1", "V2", "V3", "V4", "V5", "V6"]
# per-lead amplitude (mV) of P, QRS and T (a plausible normal projection)
P_MV = [0.05, 0.10, 0.04, 0.05, 0.06, 0.07, 0.07, 0.06]
QRS_MV = [0.8, 1.2, -0.9, -1.2, 0.6, 1.4, 1.5, 1.2]
T_MV = [0.2, 0.3, 0.05, 0.3, 0.35, 0.35, 0.3, 0.25]
RR_MS, PR_MS, P_MS, QRS_MS = 1200, 176, 110, 90
QRS_WAVES = ((-0.1, 22.0), (1.0, 45.0), (-0.3, 68.0))  # (share, centre ms)


def _bump(n: int) -> np.ndarray:
    return 0.5 - 0.5 * np.cos(np.linspace(0.0, 2.0 * np.pi, n))  # raised cosine, 0 at ends


def _synthetic(noise_uv: float, seed: int) -> tuple[np.ndarray, list[Beat], int]:
    """SYNTHETIC record; returns data, the beats (model-like hints) and the true P onset
    offset before each QRS onset (samples)."""
    ms = FS / 1000.0
    n = 10 * FS
    data = np.zeros((len(LEADS), n))
    p_len, qrs_len, pr = int(P_MS * ms), int(QRS_MS * ms), int(PR_MS * ms)
    t_len = int(160 * ms)
    beats = []
    for q in range(int(400 * ms), n - int(700 * ms), int(RR_MS * ms)):
        p = q - pr
        tq = np.arange(qrs_len) / ms  # q, R and S waves as narrow Gaussians (ms)
        qrs = sum(a * np.exp(-0.5 * ((tq - c) / 7.0) ** 2) for a, c in QRS_WAVES)
        t0 = q + qrs_len + int(120 * ms)
        for i in range(len(LEADS)):
            data[i, p : p + p_len] += P_MV[i] * _bump(p_len)
            data[i, q : q + qrs_len] += QRS_MV[i] * qrs
            data[i, t0 : t0 + t_len] += T_MV[i] * _bump(t_len)
        beats.append(
            Beat(
                qrs_on=q,
                qrs_off=q + qrs_len,
                p_on=p + int(30 * ms),  # the model's P frames start late on a low P wave
                p_off=p + p_len,
                t_on=t0,
                t_end=t0 + t_len,
                kind="sinus",
            )
        )
    rng = np.random.default_rng(seed)
    data += rng.normal(0.0, noise_uv / 1000.0, data.shape)
    return data.astype(np.float32), beats, pr


def _read_pr(noise_uv: float, seed: int) -> float | None:
    data, beats, _ = _synthetic(noise_uv, seed)
    mb = refine(data, LEADS, beats, float(RR_MS))
    assert mb is not None
    return None if mb.p_on is None else (mb.qrs_on - mb.p_on) / MS


def test_synthetic_low_slow_p_wave_in_noise_reads_as_without_noise():
    """SYNTHETIC: a 0.1 mV, 110 ms P wave; white noise of 20 uV per sample leaves
    about 9 uV (SD) in the 8-beat median, as large as the P upstroke over 8 ms.  Every seed's
    PR must match the noiseless reading (the old 500 Hz velocity path scattered from
    -12 to +18 ms over these seeds)."""
    clean = _read_pr(0.0, 0)
    assert clean is not None and abs(clean - PR_MS) <= 10, clean
    reads = [_read_pr(20.0, seed) for seed in range(1, 9)]
    found = [r for r in reads if r is not None]
    assert len(found) >= 5, reads  # a P this close to the noise may be left unmeasured
    assert all(abs(r - clean) <= 6 for r in found), (clean, reads)


def test_synthetic_clear_p_wave_reads_its_onset():
    """SYNTHETIC: the same P wave with little noise (the 500 Hz velocity path)."""
    reads = [_read_pr(5.0, seed) for seed in range(1, 4)]
    assert all(r is not None and abs(r - PR_MS) <= 10 for r in reads), reads
