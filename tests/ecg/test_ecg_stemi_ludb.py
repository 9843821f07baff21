"""A STEMI on a real tracing stays critical.

LUDB 1.0.1 record 55 (tests/data/ecg/README.md; a 54-year-old woman labelled
"STEMI: anterior wall, lateral wall, septal"), read at LUDB's one common gain: ST
elevation at the J point of +1.3 mm in V1 and +1.7 mm in V2 meets the 4th UDMI
criterion (>= 1 mm in V1, >= 1.5 mm in V2-V3 for a woman, 2 contiguous leads).
Read at the header's per-lead gains (which break Einthoven's law) it was graded
routine."""

from __future__ import annotations

import sys
from pathlib import Path

from app.ecg.readers import read_ecg
from app.ecg.warning_codes import code_of
from inference.ecg import analyze

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import ecg_ludb  # noqa: E402

HEA = Path(__file__).resolve().parents[1] / "data" / "ecg" / "wfdb" / "ludb" / "55.hea"


def test_anterior_stemi_decided_at_j():
    res = analyze(ecg_ludb.read_common_gain(HEA))
    stemi = [f for f in res.findings if f.code == "STEMI"]
    assert res.urgency == "critical" and stemi[0].territory == "anterior"
    assert stemi[0].decided_at == "J"
    assert res.st["V1"].st_j_mv >= 0.10 and res.st["V2"].st_j_mv >= 0.15


def test_as_published_the_gains_are_flagged():
    res = analyze(read_ecg(HEA))
    assert "limb_leads_inconsistent" in [code_of(w) for w in res.warnings]
