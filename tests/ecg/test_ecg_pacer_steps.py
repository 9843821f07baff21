"""Pacer stimuli shrunk to one step between two samples at 500 Hz
(inference/ecg/pacer_steps.py), and a paced QRS onset not placed before its stimulus.

Real LUDB records (Schiller AT-101, 500 Hz; tests/data/ecg/README.md):
- 111, bipolar ventricular pacing: each stimulus is a 0.44-0.49 mV step followed by a
  plateau; no spike was found, read WIDE_QRS;
- 45, unipolar atrial + ventricular pacing: one spike found, the QRS measured 26 ms
  (experts' 209 ms) and a false urgent T inversion;
- 34, unipolar ventricular pacing after P waves: spikes found but the QRS onset was put
  on the P wave (QRS 238 ms, experts' 158), so no beat "followed" its spike: read LBBB;
- 116 and 138: no pacemaker, no spike.
SYNTHETIC: steps and glitches added to a real record."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from app.ecg.readers import read_ecg
from inference.ecg import analyze
from inference.ecg.pacer import PacerSpikes
from inference.ecg.pacer_steps import add_pacing, candidates

LUDB = Path(__file__).resolve().parents[1] / "data" / "ecg" / "wfdb" / "ludb"


@pytest.mark.parametrize(
    ("record", "qrs", "experts_qrs"),
    [("111", (170, 190), 176), ("45", (190, 215), 209), ("34", (150, 175), 158)],
)
def test_real_paced_records_read_paced(record, qrs, experts_qrs):
    res = analyze(read_ecg(LUDB / f"{record}.hea"))
    codes = [f.code for f in res.findings]
    assert "PACED" in codes, codes
    assert len(res.pacer_spikes) >= 6
    assert qrs[0] <= res.measurements.qrs_ms <= qrs[1]  # the experts': experts_qrs
    assert res.urgency == "routine"  # 45 was urgent on its secondary T inversion
    paced = next(f for f in res.findings if f.code == "PACED")
    assert paced.territory == "ventricular"


@pytest.mark.parametrize("record", ["116", "138"])
def test_real_records_without_pacemaker_have_no_spike(record):
    sig = read_ecg(LUDB / f"{record}.hea")
    res = analyze(sig)
    assert res.pacer_spikes == []
    assert "PACED" not in [f.code for f in res.findings]


def _steps_before_beats(sig, res, lead_ms: float, glitch: bool = False):
    """SYNTHETIC: a 0.5 mV one-sample step (plateau 10 ms, then back) ``lead_ms`` before
    each beat's QRS onset, on every lead by one vector; or a lone glitch mid-record."""
    data = sig.data.copy()
    gains = np.linspace(0.2, 0.5, data.shape[0])[:, None]
    starts = [int(b.qrs_on / res.fs * sig.fs - lead_ms * sig.fs / 1000) for b in res.beats]
    if glitch:
        starts = [data.shape[1] // 2 + 37]
    w = int(10 * sig.fs / 1000)
    for k in starts:
        if 0 < k < data.shape[1] - w:
            data[:, k : k + w] += gains * np.ones(w)
    return replace(sig, data=data)


def test_steps_are_found_only_where_they_pace_beats():
    sig = read_ecg(LUDB / "116.hea")  # 500 Hz, no pacemaker
    res = analyze(sig)
    paced = analyze(_steps_before_beats(sig, res, lead_ms=20))
    assert len(paced.pacer_spikes) >= len(res.beats) - 1
    lone = _steps_before_beats(sig, res, lead_ms=0, glitch=True)
    assert candidates(lone.data, lone.fs, list(lone.leads))  # the glitch has the shape...
    assert analyze(lone).pacer_spikes == []  # ...but paces nothing


def test_add_pacing_needs_half_the_beats():
    steps = [(0.9, ["V1"], 0.5), (1.9, ["V1"], 0.5)]
    few = add_pacing(PacerSpikes(), steps, [1.0, 2.0, 3.0, 4.0, 5.0])
    assert few.times_s == []
    many = add_pacing(PacerSpikes(), steps + [(2.9, ["V1"], 0.5)], [1.0, 2.0, 3.0, 4.0, 5.0])
    assert many.times_s == [0.9, 1.9, 2.9]
    late = add_pacing(PacerSpikes(), [(1.0, ["V1"], 0.5), (2.0, ["V1"], 0.5)], [1.0, 2.0])
    assert late.times_s == []  # at the QRS peak itself: not a stimulus before it
