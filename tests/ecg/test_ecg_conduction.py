"""Bundle branch block and paced rhythm: rules decide, the model advises.

Records are the real pydicom record (waveform_ecg.dcm) and SYNTHETIC variants
of it (tests/ecg/synthetic.py): a right-bundle terminal delay and atrial
pacing spikes.
"""

import numpy as np
import pytest

from app.ecg.signal import EcgSignal
from inference.ecg import analyze
from inference.ecg.conduction import conduction_findings
from inference.ecg.measure import Measurements
from inference.ecg.pacer import PacerSpikes, detect
from inference.ecg.qrs_shape import QrsShape
from tests.ecg.synthetic import pacer_spikes, right_bundle_delay


def _shapes(*shapes: QrsShape) -> dict[str, QrsShape]:
    return {s.lead: s for s in shapes}


# SYNTHETIC QRS shapes (what inference/ecg/qrs_shape.py measures on a median beat)
LBBB = _shapes(
    QrsShape("V1", 0.1, -1.5, r_peak_ms=20, initial_r_mv=0.1),
    QrsShape("I", 1.2, -0.05, r_peak_ms=80, r_wave_ms=110),
    QrsShape("V6", 1.5, 0.0, r_peak_ms=90, r_wave_ms=120),
)
RBBB = _shapes(
    QrsShape("V1", 0.6, -0.3, r_peak_ms=90, initial_r_mv=0.2, r_prime_mv=0.6, r_prime_ms=90),
    QrsShape("I", 0.8, -0.3, r_peak_ms=40, s_wave_mv=-0.3, s_wave_ms=60, r_wave_ms=40),
    QrsShape("V6", 1.0, -0.4, r_peak_ms=40, s_wave_mv=-0.4, s_wave_ms=60, r_wave_ms=40),
)


@pytest.mark.parametrize(
    "qrs, shapes, model_bbb, codes",
    [
        (90.0, RBBB, 0.95, []),  # narrow: no BBB whatever the model says
        (140.0, LBBB, 0.0, ["LBBB"]),  # rules decide even when the model disagrees
        (140.0, RBBB, 0.9, ["RBBB"]),
        (130.0, _shapes(QrsShape("V1", 0.5, -0.5), QrsShape("I", 0.8, -0.1)), 0.9, ["WIDE_QRS"]),
    ],
)
def test_bbb_needs_width_and_morphology(qrs, shapes, model_bbb, codes):
    warnings: list[str] = []
    found = conduction_findings(
        Measurements(qrs_ms=qrs), shapes, {"bbb": model_bbb}, PacerSpikes(), [1.0, 2.0], warnings
    )
    assert [f.code for f in found] == codes
    if qrs < 120 and model_bbb > 0.5:
        assert any("bundle branch block" in w and "not reported" in w for w in warnings)
    for f in found:
        assert any(r.startswith("model (single lead)") for r in f.reasons)


def test_model_paced_without_spikes_is_not_reported():
    warnings: list[str] = []
    found = conduction_findings(
        Measurements(qrs_ms=150.0), LBBB, {"paced": 0.9}, PacerSpikes(), [1.0, 2.0], warnings
    )
    assert "PACED" not in [f.code for f in found]
    assert any("paced" in w and "no pacer spikes" in w for w in warnings)


def test_real_narrow_record_has_no_spikes_and_no_conduction_finding(real_signal):
    assert len(detect(real_signal.data, real_signal.fs, list(real_signal.leads))) == 0
    res = analyze(real_signal)
    assert not {f.code for f in res.findings} & {"RBBB", "LBBB", "WIDE_QRS", "PACED", "BBB"}
    assert res.pacer_spikes == []


def test_right_bundle_delay_reads_rbbb(real_signal, device_beats):
    res = analyze(right_bundle_delay(real_signal, device_beats))
    assert res.measurements.qrs_ms >= 120
    codes = [f.code for f in res.findings]
    assert "RBBB" in codes and "LBBB" not in codes and "PACED" not in codes


@pytest.mark.parametrize("fs", [1000, 500])
def test_atrial_pacing_spikes_are_found_and_shown(real_signal, device_beats, fs):
    paced = pacer_spikes(real_signal, [b["P Onset"] - 5 for b in device_beats])
    if fs != paced.fs:  # the same record as a 500 Hz device stores it
        from scipy.signal import resample_poly

        paced = EcgSignal(resample_poly(paced.data, 1, 2, axis=1), fs, list(paced.leads))
    res = analyze(paced)
    expected = np.array([(b["P Onset"] - 5) / 1000 for b in device_beats])
    got = np.array(res.pacer_spikes)
    assert len(got) == len(expected)
    assert np.all(np.abs(got - expected) <= 0.004)
    paced_f = [f for f in res.findings if f.code == "PACED"]
    assert paced_f and "atrial" in paced_f[0].text
    assert res.summary()["pacer_spikes_s"] == res.pacer_spikes


def test_spike_detection_ignores_steps_and_low_rates(real_signal):
    data = real_signal.data.copy()
    data[:, 5000:] += 1.5  # an electrode pop: a step, not a spike
    assert len(detect(data, real_signal.fs, list(real_signal.leads))) == 0
    assert not detect(data[:, ::5], 200, list(real_signal.leads)).checked
