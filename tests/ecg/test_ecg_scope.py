"""Only a recognised 12-lead ECG of useful length gets an automatic grade.

Records here are cut from the real pydicom record (waveform_ecg.dcm); the
STEMI variant is SYNTHETIC (tests/ecg/synthetic.py).
"""

import numpy as np
import pytest

from app.ecg.signal import EcgSignal
from inference.ecg import analyze
from inference.ecg.scope import NOT_GRADED
from tests.ecg.synthetic import inferior_injury


def _no_alarm(res):
    assert res.urgency == NOT_GRADED and res.drivers == []
    assert not [f for f in res.findings if f.severity in ("urgent", "critical", "routine")]


@pytest.fixture(scope="module")
def stemi(real_signal, device_beats):
    return inferior_injury(real_signal, device_beats, 0.3)


@pytest.mark.parametrize("samples", [26, 0])
def test_far_too_short_or_empty_is_not_analysable(real_signal, samples):
    sig = EcgSignal(real_signal.data[:, :samples], real_signal.fs, list(real_signal.leads))
    res = analyze(sig)
    _no_alarm(res)
    assert [f.code for f in res.findings] == ["NOT_ANALYSABLE"]
    assert res.summary()["urgency"] == "not_graded"


def test_unnamed_channels_are_not_graded(stemi):
    rows = [stemi.leads.index(n) for n in ("I", "II", "III")]
    sig = EcgSignal(stemi.data[rows], stemi.fs, ["CH1", "CH2", "CH3"])
    res = analyze(sig)
    _no_alarm(res)
    assert res.findings[0].code == "NOT_12_LEAD"
    assert not [f for f in res.findings if f.code == "STEMI"]  # no ST from unknown channels
    assert "no automatic grade" in res.findings[0].text


def test_limb_leads_only_are_not_graded(stemi):
    rows = list(range(6))  # I, II, III, aVR, aVL, aVF: the inferior STEMI is there
    res = analyze(EcgSignal(stemi.data[rows], stemi.fs, list(stemi.leads[:6])))
    _no_alarm(res)
    stemi_f = [f for f in res.findings if f.code == "STEMI"]
    assert stemi_f and "would be critical" in stemi_f[0].reasons[-1]  # shown, not graded


def test_test_pattern_is_not_graded():
    """A 1 mV, 200 ms calibration pulse train on two unnamed channels (SYNTHETIC)."""
    fs, t = 500, np.arange(5000)
    square = np.where((t % 500) < 100, 1.0, 0.0)
    res = analyze(EcgSignal(np.vstack([square, square]), fs, ["", "2"]))
    _no_alarm(res)


def test_12_lead_with_extra_channel_is_graded(stemi):
    data = np.vstack([stemi.data, np.full((1, stemi.n_samples), 0.5, np.float32)])
    res = analyze(EcgSignal(data, stemi.fs, list(stemi.leads) + ["RESP"]))
    assert res.urgency == "critical"
    assert "RESP" not in res.st


@pytest.mark.parametrize(
    "name", ["wfdb/test01_00s.hea", "wfdb/mixedsignals.hea", "wfdb/041s/041s.hea"]
)
def test_real_records_that_are_not_12_lead_get_no_grade(name):
    """Real PhysioNet records ("ECG 1..4"; bedside II/III/V + ABP/Pleth/Resp; multi-segment
    MIMIC): analysed for information, never graded (tests/data/ecg/README.md)."""
    from pathlib import Path

    from app.ecg.readers import read_ecg

    res = analyze(read_ecg(Path(__file__).parent.parent / "data" / "ecg" / name))
    _no_alarm(res)
    assert res.findings[0].code == "NOT_12_LEAD" and res.grade_note
