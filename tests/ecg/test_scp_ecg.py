"""SCP-ECG and HL7 aECG readers on the HL7 sample aECG and its SCP-ECG encoding
(both shipped with C# ECG Toolkit; sources in tests/data/ecg/README.md)."""

from pathlib import Path

import numpy as np
import pytest

from app.ecg.readers import read_ecg
from app.ecg.signal import STANDARD_LEADS
from app.readers.base import ReadError

DATA = Path(__file__).parent.parent / "data" / "ecg"
SCP = DATA / "scp" / "Example.scp"
AECG = DATA / "aecg" / "Example.xml"
DEVICE = {
    "PR Interval": 148,
    "QRS Duration": 120,
    "QT Interval": 420,
    "QTc Interval": 443,
    "P Axis": 44,
    "QRS Axis": -61,
    "T Axis": 86,
}


@pytest.fixture(scope="module")
def scp():
    return read_ecg(SCP)


def test_scp_huffman_second_differences_match_the_aecg_encoding(scp):
    # the same ECG stored twice by others: Huffman-coded second differences in SCP,
    # plain digits in HL7 aECG; decoding must give the same samples
    aecg = read_ecg(AECG)
    assert scp.source == "SCP-ECG"
    assert scp.leads == list(STANDARD_LEADS) == aecg.leads
    assert scp.fs == 500 and scp.data.shape == (12, 5000)
    assert np.array_equal(scp.data, aecg.data)
    assert 0.5 < float(np.median(np.ptp(scp.data, axis=1))) < 3


def test_scp_section_1_and_7(scp):
    assert scp.sex == "M"
    assert scp.acquired.isoformat() == "2002-11-22T09:10:00"
    assert {k: scp.device_measurements[k] for k in DEVICE} == DEVICE


def test_aecg_global_annotations_are_device_measurements():
    sig = read_ecg(AECG)
    assert {k: sig.device_measurements[k] for k in DEVICE} == DEVICE
    assert sig.acquired.isoformat() == "2002-11-22T09:10:00"


def test_scp_registry_reader():
    from app.readers.base import best_reader

    _conf, reader = best_reader(SCP)
    assert reader.name == "scp-ecg"
    meta = reader.read_meta(SCP)
    assert meta.modality == "ECG" and meta.sex == "M"
    assert meta.study_time.year == 2002


def _patched(tmp_path, offset, value: bytes, cut=None):
    raw = bytearray(SCP.read_bytes())
    raw[offset : offset + len(value)] = value
    out = tmp_path / "bad.scp"
    out.write_bytes(bytes(raw[:cut]) if cut else bytes(raw))
    return out


def _section_start(sid):
    raw = SCP.read_bytes()
    for p in range(22, 22 + 12 * 10, 10):
        if int.from_bytes(raw[p : p + 2], "little") == sid:
            return int.from_bytes(raw[p + 6 : p + 10], "little") - 1
    raise AssertionError(sid)


@pytest.mark.parametrize(
    "patch",
    [
        lambda: (2, (10**9).to_bytes(4, "little")),  # record size past the end
        lambda: (22 + 10 + 6, (10**8).to_bytes(4, "little")),  # section 1 outside the file
        lambda: (_section_start(3) + 16, b"\xff"),  # 255 leads declared
        lambda: (_section_start(3) + 18 + 4, (10**9).to_bytes(4, "little")),  # lead end far away
        lambda: (_section_start(6) + 16 + 6, b"\xff\xff"),  # lead 1 data longer than the section
        lambda: (_section_start(2) + 16, b"\x30\x75"),  # 30000 Huffman tables
        lambda: (_section_start(6) + 16 + 4, b"\x07"),  # difference order 7
        lambda: (_section_start(6) + 16 + 2, b"\x00\x00"),  # no sample interval
    ],
)
def test_hostile_lengths_are_read_errors(tmp_path, patch):
    offset, value = patch()
    with pytest.raises(ReadError):
        read_ecg(_patched(tmp_path, offset, value))


def test_truncated_scp_is_a_read_error(tmp_path):
    cut = tmp_path / "cut.scp"
    cut.write_bytes(SCP.read_bytes()[:20000])
    with pytest.raises(ReadError):
        read_ecg(cut)


REFBEAT = DATA / "scp" / "Example_refbeat.scp"  # rebuilt: see rebuild_refbeat.py beside it


def test_reference_beat_subtracted_scp_decodes_to_the_original(scp):
    sig = read_ecg(REFBEAT)
    assert sig.leads == scp.leads and sig.fs == scp.fs
    assert np.array_equal(sig.data, scp.data)
    assert sig.device_measurements == scp.device_measurements


def test_residual_alone_is_not_the_ecg(scp, tmp_path):
    # with the "reference beat subtracted" flag cleared, section 6 is read as it is stored:
    # the residual, which lacks the QRS complexes the reference beat gives back
    raw = bytearray(REFBEAT.read_bytes())
    for p in range(22, 22 + 12 * 10, 10):
        if int.from_bytes(raw[p : p + 2], "little") == 3:
            flags = int.from_bytes(raw[p + 6 : p + 10], "little") - 1 + 16 + 1
    raw[flags] &= 0xFE
    plain = tmp_path / "residual.scp"
    plain.write_bytes(bytes(raw))
    residual = read_ecg(plain)
    assert np.abs(residual.data - scp.data).max() > 1.0  # mV: whole QRS complexes missing


def _table_bytes(codes) -> bytes:
    """Section 2 data holding one explicit table (codes stored bit-reversed, as SCP does)."""
    out = bytearray((1).to_bytes(2, "little") + len(codes).to_bytes(2, "little"))
    for bits, c in codes.items():
        out += bytes((c.prefix, c.total, c.mode)) + c.value.to_bytes(2, "little", signed=True)
        out += int(bits[::-1], 2).to_bytes(4, "little")
    return bytes(out)


def test_explicit_huffman_table_decodes_like_the_default(scp):
    # the default table written out as an explicit section 2 table (synthetic table,
    # real data): the lead streams of Example.scp must decode to the same values
    from app.ecg.readers.scp_huffman import default_table, huffman_decode, parse_tables
    from app.ecg.readers.scp_sections import parse_record

    explicit = parse_tables(_table_bytes(default_table()))
    default = parse_tables((19999).to_bytes(2, "little"))
    rec = parse_record(SCP.read_bytes())
    body = rec.section(6)
    first = body[6 + 2 * 12 : 6 + 2 * 12 + int.from_bytes(body[6:8], "little")]
    a, b = huffman_decode(first, 5000, explicit), huffman_decode(first, 5000, default)
    assert a.size == 5000 and np.array_equal(a, b)


def test_huffman_table_switch():
    from app.ecg.readers.scp_huffman import Code, huffman_decode

    # table 1: '0' -> 5, '1' -> switch to table 2; table 2: '0' -> -7, '1' + 4 bits value
    one = {"0": Code(1, 1, 1, 5), "1": Code(1, 1, 0, 2)}
    two = {"0": Code(1, 1, 1, -7), "1": Code(1, 5, 1, 0)}
    data = bytes([0b01011010, 0b00000000])  # 5, switch, -7, value 0b1010 (-6), then 0s
    out = huffman_decode(data, 4, [one, two])
    assert out.tolist() == [5, -7, -6, -7]


def test_aecg_without_waveform_is_refused_at_import(store, tmp_path):
    from app.importer import run_import

    raw = AECG.read_text("utf-8")
    src = tmp_path / "in"
    src.mkdir()
    cut = raw.index("<series")
    end = raw.rindex("</series>") + len("</series>")
    (src / "empty.xml").write_text(raw[:cut] + raw[end:], "utf-8")
    report = run_import(store, [src])
    assert [e.outcome.value for e in report.entries] == ["failed"]
    assert "no waveform" in report.entries[0].reason


def test_median_beats_from_every_format_that_stores_them():
    # SCP section 5 and the aECG representative-beat series hold the same device median
    scp_med, aecg_med = read_ecg(SCP, want="median"), read_ecg(AECG, want="median")
    assert scp_med.data.shape == aecg_med.data.shape == (12, 599)
    assert np.array_equal(scp_med.data, aecg_med.data)
    muse = read_ecg(DATA / "muse" / "muse_ecg1.xml", want="median")
    assert muse.fs == 500 and muse.data.shape == (12, 600)
    sierra = read_ecg(DATA / "sierra" / "2020-5-18_15-48-11.xml", want="median")
    assert sierra.fs == 1000 and sierra.data.shape == (12, 1200)
    assert np.abs(sierra.lead("III") - (sierra.lead("II") - sierra.lead("I"))).max() < 0.02
    # no representative beats stored: the rhythm comes back
    assert read_ecg(DATA / "sierra" / "129DYPRG.xml", want="median").n_samples > 5000


def test_leads_recorded_at_different_times_are_placed_at_their_start(scp, tmp_path):
    # section 3 edited (in place) so that V1 starts at sample 2501: a 3-channel cart's
    # sequential lead groups; V1's first 2500 stored values belong at 5.0-10.0 s
    raw = bytearray(SCP.read_bytes())
    s3 = _section_start(3) + 16
    v1 = s3 + 2 + 9 * 2  # lead 3 in the file's order (I, II, V1, ...)
    assert raw[v1 + 8] == 3  # SCP lead code 3: V1
    raw[v1 : v1 + 4] = (2501).to_bytes(4, "little")
    out = tmp_path / "staggered.scp"
    out.write_bytes(bytes(raw))
    sig = read_ecg(out)
    assert sig.n_samples == 5000
    assert np.array_equal(sig.lead("V1")[2500:], scp.lead("V1")[:2500])
    assert not sig.lead("V1")[:2500].any()
    assert np.array_equal(sig.lead("V2"), scp.lead("V2"))
    assert any("not all recorded at the same time" in w for w in sig.warnings)


def test_record_checksum_mismatch_is_a_warning(tmp_path):
    from app.ecg.readers.scp_sections import crc_ccitt

    raw = bytearray(SCP.read_bytes())
    assert crc_ccitt(bytes(raw[2:])) == int.from_bytes(raw[:2], "little")  # the file's own CRC
    assert read_ecg(SCP).warnings == []
    raw[_section_start(6) + 1000] ^= 0x10  # one bit of lead data flipped
    bad = tmp_path / "flipped.scp"
    bad.write_bytes(bytes(raw))
    assert any("checksum does not match" in w for w in read_ecg(bad).warnings)
