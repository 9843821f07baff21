"""Limb leads checked against Einthoven's law and Goldberger's equations.

Real files: every device record of the accuracy harness passes (slopes 1.00);
LUDB 1.0.1 as published fails (its headers give each lead its own gain, while
its samples share one scale: tests/data/ecg/README.md, bench/ecg_ludb.py).
One case is SYNTHETIC: the real pydicom record with lead III's gain changed.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import numpy as np
import pytest

from app.ecg.readers import read_ecg
from app.ecg.warning_codes import code_of
from inference.ecg import analyze
from inference.ecg.limb_check import inconsistent, limb_slopes

DATA = Path(__file__).resolve().parents[1] / "data" / "ecg"
LUDB = DATA / "wfdb" / "ludb"
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import ecg_ludb  # noqa: E402

DEVICE_FILES = [
    "muse/braveheart/example1.xml",
    "sierra/129DYPRG.xml",
    "scp/scp_tools/ECG_20081029_105642_ANON000010.scp",
    "aecg/Example.xml",
]


def _flagged(res) -> list[str]:
    return [w for w in res.warnings if code_of(w) == "limb_leads_inconsistent"]


@pytest.mark.parametrize("name", DEVICE_FILES)
def test_device_records_agree_with_einthoven(name):
    path = next(DATA.rglob(Path(name).name))
    sig = read_ecg(path)
    slopes = limb_slopes(sig.data, list(sig.leads), sig.fs)
    assert set(slopes) == {"III", "aVR", "aVL", "aVF"}
    assert all(abs(s - 1.0) < 0.02 for s in slopes.values()), slopes
    assert not inconsistent(slopes)


def test_real_record_agrees_and_a_changed_gain_is_caught(real_signal):
    """SYNTHETIC: lead III of the real Mortara record scaled by 1.3 (a wrong gain)."""
    assert not _flagged(analyze(real_signal))
    sig = copy.deepcopy(real_signal)
    sig.data[list(sig.leads).index("III")] *= 1.3
    off = inconsistent(limb_slopes(sig.data, list(sig.leads), sig.fs))
    assert list(off) == ["III"] and abs(off["III"] - 1.3) < 0.02
    warned = _flagged(analyze(sig))
    assert len(warned) == 1 and "III 1.30" in warned[0]


@pytest.mark.parametrize("record", ["111", "116", "34"])
def test_ludb_header_gains_break_einthoven_and_one_gain_restores_it(record):
    import wfdb

    hea = LUDB / f"{record}.hea"
    published = read_ecg(hea)
    off = inconsistent(limb_slopes(published.data, list(published.leads), published.fs))
    assert off, "LUDB's per-lead header gains should break Einthoven's law"
    assert _flagged(analyze(published))
    # the stored samples themselves satisfy the equations exactly (one scale)
    rec = wfdb.rdrecord(str(hea.with_suffix("")), physical=False)
    d = rec.d_signal.T.astype(np.float64) - np.asarray(rec.baseline, dtype=np.float64)[:, None]
    lead_i, lead_ii, lead_iii, avr, avl, avf = d[:6]
    assert np.abs(lead_iii - (lead_ii - lead_i)).max() <= 3
    assert np.abs(avr + (lead_i + lead_ii) / 2).max() <= 3
    assert np.abs(avl - (lead_i - lead_ii / 2)).max() <= 3
    assert np.abs(avf - (lead_ii - lead_i / 2)).max() <= 3
    common = ecg_ludb.read_common_gain(hea)
    slopes = limb_slopes(common.data, list(common.leads), common.fs)
    assert all(abs(s - 1.0) < 0.02 for s in slopes.values()), slopes
    assert not _flagged(analyze(common))
