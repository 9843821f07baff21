"""SCP-ECG section 7 pacemaker spikes (the device's own detections) are read like GE
MUSE's spike list: on the real SCP-Tools record 20081029 (14 spikes, 750 ms apart, one
before each P wave; its waveform shows a sharp deflection at each P onset)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.ecg.readers import read_ecg
from app.ecg.readers.scp_sections import pacer_spikes_s, parse_record

SCP = Path(__file__).resolve().parents[1] / "data" / "ecg" / "scp"
PACED = SCP / "scp_tools" / "ECG_20081029_105642_ANON000010.scp"


def test_section_7_spikes_are_the_devices_spike_list():
    sig = read_ecg(PACED)
    assert len(sig.device_pacer_spikes_s) == 14
    assert sig.device_pacer_spikes_s[:3] == [0.098, 0.848, 1.598]
    assert read_ecg(SCP / "Example.scp").device_pacer_spikes_s == []


def test_spikes_outside_the_record_or_a_cut_section_give_none():
    rec = parse_record(PACED.read_bytes())
    assert pacer_spikes_s(rec, 1.0) == [0.098, 0.848]
    body = rec.section(7)
    rec.sections[7] = body[:30]  # the spike table cut off
    assert pacer_spikes_s(rec, 10.0) == []


def test_the_spikes_before_each_p_wave_read_as_atrial_pacing():
    from inference.ecg import analyze

    res = analyze(read_ecg(PACED))
    paced = next(f for f in res.findings if f.code == "PACED")
    assert paced.severity == "routine" and "13 atrial-paced" in " ".join(paced.reasons)
    assert res.urgency == "routine"


@pytest.mark.parametrize("name", ["Example.scp", "Example_refbeat.scp", "Example_bimodal.scp"])
def test_records_without_spikes_are_not_paced(name):
    from inference.ecg import analyze

    assert "PACED" not in [f.code for f in analyze(read_ecg(SCP / name)).findings]
