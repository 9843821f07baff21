"""The global QRS end is the latest QRS end in any lead: a terminal wave after a short
pause (the R' in V1 and broad S in I/V6 of right bundle branch block) is still QRS.

Real record: LUDB 1.0.1 record 10 (tests/data/ecg/README.md; a 79-year-old woman,
labelled "complete right bundle branch block", not STEMI), read at LUDB's one common
gain.  Its QRS ended at the pause before the R' (82 ms), so the J point fell on the
R' in V1 (+5.5 mm) and it was graded critical STEMI."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from inference.ecg import analyze
from inference.ecg.median import _qrs_end

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import ecg_ludb  # noqa: E402

LUDB = Path(__file__).resolve().parents[1] / "data" / "ecg" / "wfdb" / "ludb"


def test_rbbb_terminal_wave_is_inside_the_qrs():
    res = analyze(ecg_ludb.read_common_gain(LUDB / "10.hea"))
    assert res.measurements.qrs_ms >= 120  # the experts' union: 162 ms
    assert "RBBB" in [f.code for f in res.findings]
    assert not [f for f in res.findings if f.code == "STEMI"]
    assert res.urgency != "critical"
    assert abs(res.st["V1"].st_j_mv) < 0.1  # J after the R', not on it


def test_a_ripple_after_the_qrs_does_not_extend_it():
    """SYNTHETIC velocity traces (samples at 500 Hz, threshold 10)."""
    v = np.zeros(100)
    v[:20] = 100.0  # QRS
    v[20:26] = 5.0  # the pause
    ripple = v.copy()
    ripple[26:32] = 12.0  # above the threshold, but a ripple (< 1.5 x threshold)
    assert _qrs_end(ripple, 0, 90, 10.0) == _qrs_end(v, 0, 90, 10.0) == 20
    wave = v.copy()
    wave[26:40] = 30.0  # a terminal wave: 3 x the threshold, 6 x the pause
    assert _qrs_end(wave, 0, 90, 10.0) == 40
