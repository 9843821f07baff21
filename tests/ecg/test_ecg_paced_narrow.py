"""Ventricular pacer spikes before a narrow QRS are not called "ventricular pacing".

A beat the pacer captures spreads from the lead tip through working myocardium and
gives a QRS >= 120 ms; a narrow QRS after the spike means the His-Purkinje system
activated the ventricles: fusion, pseudofusion or no capture.  The rule is checked
on the rule function with SYNTHETIC spike times and measurements, and on the REBUILT
GE MUSE record (tests/data/ecg/muse/muse_ecg1_pacespikes.xml: the real export, QRS 78
ms by the device, with one listed ventricular spike before each QRS)."""

from __future__ import annotations

from pathlib import Path

import pytest

from inference.ecg.conduction import conduction_findings
from inference.ecg.measure import Measurements
from inference.ecg.pacer import PacerSpikes

REBUILT = Path(__file__).resolve().parents[1] / "data" / "ecg" / "muse" / "muse_ecg1_pacespikes.xml"
ONSETS = [0.5, 1.5, 2.5, 3.5, 4.5]


def _found(qrs_ms, lead_s, onsets=ONSETS):
    spikes = PacerSpikes(
        [on - lead_s for on in onsets], [["II"]] * len(onsets), [1.0] * len(onsets)
    )
    return conduction_findings(Measurements(qrs_ms=qrs_ms), {}, {}, spikes, onsets, [])


@pytest.mark.parametrize(
    "qrs_ms, lead_s, code, kind",
    [
        (150.0, 0.03, "PACED", "ventricular"),  # captured: wide paced QRS
        (120.0, 0.03, "PACED", "ventricular"),  # the width limit itself is capture
        (76.0, 0.03, "PACED_NARROW", "ventricular"),  # narrow after the spike
        (119.0, 0.01, "PACED_NARROW", "ventricular"),
        (86.0, 0.15, "PACED", "atrial"),  # atrial pacing, conducted: narrow is normal
    ],
)
def test_ventricular_spikes_need_a_wide_qrs_to_read_as_pacing(qrs_ms, lead_s, code, kind):
    found = _found(qrs_ms, lead_s)
    assert [f.code for f in found] == [code]
    f = found[0]
    assert f.territory == kind and f.severity == "routine"
    if code == "PACED_NARROW":
        assert f"narrow QRS ({qrs_ms:g} ms)" in f.text and "pacing)" not in f.text
        assert "fusion" in f.text and any("check capture" in r for r in f.reasons)
        assert any("5 of 5 beats follow a spike" in r for r in f.reasons)


def test_spikes_inside_the_qrs_are_named_pseudofusion():
    found = _found(80.0, -0.01)  # the spike lands 10 ms after the QRS onset
    assert found[0].code == "PACED_NARROW"
    assert any(
        "5 spikes fall in the first 20 ms of a QRS (pseudofusion)" in r for r in found[0].reasons
    )


def test_unknown_qrs_width_keeps_the_paced_reading():
    assert [f.code for f in _found(None, 0.03)] == ["PACED"]


def test_rebuilt_muse_record_reads_fusion_not_ventricular_pacing():
    from app.ecg.readers import read_ecg
    from inference.ecg import analyze

    res = analyze(read_ecg(REBUILT))
    codes = [f.code for f in res.findings]
    assert "PACED_NARROW" in codes and "PACED" not in codes
    assert res.measurements.qrs_ms < 120 and res.urgency == "routine"


def test_finding_text_is_translated(qapp):
    from ui import i18n
    from ui.finding_text import finding_text

    english = (
        "Ventricular pacer spikes with a narrow QRS (76 ms): fusion, pseudofusion or no capture"
    )
    try:
        assert i18n.install("zh_CN")
        zh = finding_text("PACED_NARROW", english, (), "ventricular")
        assert "76 ms" in zh and "融合" in zh and zh != english
    finally:
        i18n.install("en")
    from app.report_drafts import finding_text as draft_text

    assert "假性融合" in draft_text({"code": "PACED_NARROW"}, "zh_CN")
