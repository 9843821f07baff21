"""The LUDB expert reference used by bench/ecg_ludb.py, on the real record 116
(tests/data/ecg/README.md): the cardiologists marked each lead on its own, and the
global intervals are the CSE union (earliest onset, latest end over the 12 leads)."""

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import ecg_ludb  # noqa: E402

HEA = Path(__file__).resolve().parents[1] / "data" / "ecg" / "wfdb" / "ludb" / "116.hea"


def test_global_qrs_is_the_union_over_the_leads():
    ref = ecg_ludb.reference(HEA)
    record = HEA.with_suffix("")
    per_lead = []
    for lead in ecg_ludb.LEADS:
        waves = [w for w in ecg_ludb._waves(record, lead) if w[0] == "N"]
        per_lead.append(statistics.median((w[3] - w[1]) * 2.0 for w in waves))
    assert max(per_lead) <= ref["QRS Duration"] <= max(per_lead) + 60
    assert 100 < ref["PR Interval"] < 250 and ref["QT Interval"] > ref["QRS Duration"]
    assert abs(ref["RR Interval"] - 667) < 10  # 90 bpm


def test_record_is_recognised_and_its_diagnoses_read():
    assert ecg_ludb.is_ludb(HEA)
    assert not ecg_ludb.is_ludb(HEA.parent.parent / "test01_00s.hea")
    dx = ecg_ludb.diagnoses(HEA)
    assert dx[0] == "Rhythm: Sinus rhythm." and "Complete right bundle branch block." in dx


def test_sweep_over_the_committed_records_reports_pacing_and_long_qt():
    """The real LUDB records kept here: 34, 45, 111 with a pacemaker, 10, 11, 20, 24, 55,
    109, 116 and 138 without; none has an urgent long QT any more (116, 111, 138, 109 had)."""
    rows = ecg_ludb.sweep(HEA.parent)
    kept = ["10", "11", "20", "24", "34", "45", "55", "109", "111", "116", "138"]
    assert [r["record"] for r in rows] == kept
    text = "\n".join(ecg_ludb._pacing_and_qt(rows))
    assert "pacemaker records: 3 of 3 read PACED/PACED_NARROW; spikes found on 3" in text
    assert "records without a pacemaker with spikes: 0 of 8" in text
    assert "QT_LONG (urgent): 0" in text
