"""SCP-ECG bimodal compression on ``scp/Example_bimodal.scp`` (REBUILT by
``scp/rebuild_bimodal.py`` from the toolkit's Example.scp the way the C# ECG Toolkit's
encoder writes bimodal data: residual at 125 Hz outside the protected QRS zones,
500 Hz inside) and on small hand-made runs."""

from pathlib import Path

import numpy as np
import pytest

from app.ecg.readers import read_ecg, scp_bimodal
from app.ecg.readers.scp_sections import parse_record
from app.readers.base import ReadError

DATA = Path(__file__).parent.parent / "data" / "ecg" / "scp"
BIMODAL, ORIGINAL = DATA / "Example_bimodal.scp", DATA / "Example.scp"


@pytest.fixture(scope="module")
def pair():
    return read_ecg(BIMODAL), read_ecg(ORIGINAL)


def test_the_file_really_is_bimodal():
    rec = parse_record(BIMODAL.read_bytes())
    s6 = rec.section(6)
    assert s6[5] == 1 and int.from_bytes(s6[2:4], "little") == 8000  # 125 Hz stored
    assert int.from_bytes(rec.section(5)[2:4], "little") == 2000  # beats at 500 Hz
    assert len(scp_bimodal.protected_zones(rec.section(4))) == 12


def test_protected_zones_decode_exactly_and_the_rest_closely(pair):
    sig, original = pair
    assert sig.fs == 500 and sig.leads == original.leads and sig.data.shape == (12, 5000)
    zones = scp_bimodal.protected_zones(parse_record(BIMODAL.read_bytes()).section(4))
    inside = np.zeros(5000, dtype=bool)
    for start, end in zones:
        inside[start - 1 : end] = True
    # QRS complexes: every sample as recorded
    assert np.array_equal(sig.data[:, inside], original.data[:, inside])
    # P, ST, T at 125 Hz, interpolated back: within a few microvolts
    err = sig.data[:, ~inside] - original.data[:, ~inside]
    assert np.sqrt(np.mean(err**2)) < 0.01 and np.abs(err).max() < 0.1  # mV
    assert sig.device_measurements == original.device_measurements


def test_the_analysis_measures_the_bimodal_copy_like_the_original(pair):
    from inference.ecg import analyze

    a, b = (analyze(s).measurements for s in pair)
    # the QRS lies in the protected zones (exact); P and T waves were stored at 125 Hz,
    # which moves their onsets/ends by a few ms (bimodal compression is lossy there)
    assert abs(a.qrs_ms - b.qrs_ms) <= 2 and abs(a.rr_ms - b.rr_ms) <= 5
    assert abs(a.pr_ms - b.pr_ms) <= 10 and abs(a.qt_ms - b.qt_ms) <= 10


def test_runs_counts_and_expansion_on_unaligned_zones():
    runs = scp_bimodal.runs(1, 20, [(6, 8), (15, 30)])
    assert runs == [(False, 1, 5), (True, 6, 8), (False, 9, 14), (True, 15, 20)]
    assert scp_bimodal.stored_count(runs, 4) == 2 + 3 + 2 + 6
    stored = np.array([10, 30, 100, 101, 102, 60, 40, 7, 7, 7, 7, 7, 7], dtype=float)
    full = scp_bimodal.expand(stored, runs, 4)
    assert full.size == 20
    assert list(full[5:8]) == [100, 101, 102] and list(full[14:]) == [7] * 6
    # block centres 1.5 (10) and 4.0 (30): flat before the first centre, linear after
    assert full[0] == full[1] == 10 and full[2] == pytest.approx(10 + (30 - 10) * 0.5 / 2.5)
    # between the last protected sample (102 at 7) and the first block centre (60 at 9.5)
    assert full[8] == pytest.approx(102 + (60 - 102) * 1 / 2.5)
    assert scp_bimodal.expand(stored[:4], runs, 4)[-1] == 101  # truncated: flat end


def test_merged_zones_and_a_lead_without_zones():
    body = bytearray(6)
    body[4:6] = (2).to_bytes(2, "little")
    body += bytes(28)  # two QRS entries
    body += b"".join(v.to_bytes(4, "little") for v in (10, 20, 15, 30))
    assert scp_bimodal.protected_zones(bytes(body)) == [(10, 30)]
    assert scp_bimodal.runs(40, 50, [(10, 30)]) == [(False, 40, 50)]
    with pytest.raises(ReadError):
        scp_bimodal.protected_zones(bytes(body[:-8]))  # the zone table is cut


def _drop_section(raw: bytes, sid: int) -> bytes:
    out = bytearray(raw)
    for p in range(22, 22 + 12 * 10, 10):
        if int.from_bytes(out[p : p + 2], "little") == sid:
            out[p + 2 : p + 10] = bytes(8)  # pointer: length 0 = section absent
    return bytes(out)


def test_bimodal_without_reference_beats_is_a_clear_error(tmp_path):
    bad = tmp_path / "nobeats.scp"
    bad.write_bytes(_drop_section(BIMODAL.read_bytes(), 5))
    with pytest.raises(ReadError, match="section 5"):
        read_ecg(bad)
