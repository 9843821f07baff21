from pathlib import Path

import numpy as np
import pytest

from app.ecg.readers import read_ecg
from app.ecg.signal import STANDARD_LEADS
from app.readers.base import ReadError

from .conftest import write_aecg, write_muse


def _dataset(real_dcm):
    import pydicom

    return pydicom.dcmread(str(real_dcm))


def test_real_dicom_rhythm_group(real_signal):
    assert real_signal.leads == list(STANDARD_LEADS)
    assert real_signal.fs == 1000
    assert real_signal.data.shape == (12, 10000)
    assert real_signal.sex == "F"
    assert real_signal.age_years == pytest.approx(42, abs=1)
    assert real_signal.acquired.year == 2013
    assert real_signal.filters["highpass"] == pytest.approx(0.05)
    # a resting ECG in mV: QRS a few mV peak to peak, not uV-sized numbers
    ptp = np.ptp(real_signal.data, axis=1)
    assert 0.3 < float(np.median(ptp)) < 5
    assert real_signal.warnings == []


def test_median_group_on_request(real_dcm):
    med = read_ecg(real_dcm, want="median")
    assert med.data.shape == (12, 1200)


def test_rhythm_group_chosen_whatever_the_order(real_dcm, tmp_path):
    ds = _dataset(real_dcm)
    seq = ds.WaveformSequence
    ds.WaveformSequence = [seq[1], seq[0]]
    out = tmp_path / "swapped.dcm"
    ds.save_as(out)
    assert read_ecg(out).data.shape == (12, 10000)


def test_millivolt_units_give_the_same_signal(real_dcm, real_signal, tmp_path):
    ds = _dataset(real_dcm)
    for ch in ds.WaveformSequence[0].ChannelDefinitionSequence:
        ch.ChannelSensitivity = float(ch.ChannelSensitivity) / 1000
        ch.ChannelSensitivityUnitsSequence[0].CodeValue = "mV"
    out = tmp_path / "mv.dcm"
    ds.save_as(out)
    assert np.allclose(read_ecg(out).data, real_signal.data, atol=1e-6)


def test_unknown_units_warn_and_guess(real_dcm, real_signal, tmp_path):
    ds = _dataset(real_dcm)
    for ch in ds.WaveformSequence[0].ChannelDefinitionSequence:
        ch.ChannelSensitivityUnitsSequence[0].CodeValue = "xx"
    out = tmp_path / "units.dcm"
    ds.save_as(out)
    sig = read_ecg(out)
    assert any("unknown amplitude unit" in w for w in sig.warnings)
    assert np.allclose(sig.data, real_signal.data, atol=1e-6)


def test_twelve_bit_samples_are_sign_extended(real_dcm, real_signal, tmp_path):
    ds = _dataset(real_dcm)
    group = ds.WaveformSequence[0]
    raw = np.frombuffer(group.WaveformData, dtype="<i2").copy()
    assert np.abs(raw).max() < 2048  # fits in 12 bits
    dirty = (raw.astype(np.int32) & 0x0FFF) | 0x5000  # garbage in the 4 unused bits
    group.WaveformData = dirty.astype("<u2").astype("<i2").tobytes()
    for ch in group.ChannelDefinitionSequence:
        ch.WaveformBitsStored = 12
    out = tmp_path / "12bit.dcm"
    ds.save_as(out)
    assert np.allclose(read_ecg(out).data, real_signal.data, atol=1e-6)


def test_baseline_and_correction_applied(real_dcm, real_signal, tmp_path):
    ds = _dataset(real_dcm)
    for ch in ds.WaveformSequence[0].ChannelDefinitionSequence:
        ch.ChannelSensitivityCorrectionFactor = 2
        ch.ChannelBaseline = 100  # uV
    out = tmp_path / "corr.dcm"
    ds.save_as(out)
    assert np.allclose(read_ecg(out).data, real_signal.data * 2 + 0.1, atol=1e-5)


def test_truncated_waveform_data_is_a_read_error(real_dcm, tmp_path):
    ds = _dataset(real_dcm)
    group = ds.WaveformSequence[0]
    group.WaveformData = bytes(group.WaveformData)[:5000]
    out = tmp_path / "short.dcm"
    ds.save_as(out)
    with pytest.raises(ReadError, match="truncated"):
        read_ecg(out)


def test_truncated_file_is_a_read_error(real_dcm, tmp_path):
    out = tmp_path / "cut.dcm"
    out.write_bytes(real_dcm.read_bytes()[:3000])
    with pytest.raises(ReadError):
        read_ecg(out)


def test_dicom_without_waveform_is_a_read_error(tmp_path):
    from pydicom.data import get_testdata_file

    ct = get_testdata_file("CT_small.dcm", download=False)
    with pytest.raises(ReadError, match="no waveform"):
        read_ecg(ct)


def test_garbage_and_empty_files(tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\x01 not an ecg" * 10)
    with pytest.raises(ReadError, match="not a supported ECG format"):
        read_ecg(junk)
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    with pytest.raises(ReadError, match="empty"):
        read_ecg(empty)


def test_wfdb_round_trip(real_signal, tmp_path):
    import wfdb

    wfdb.wrsamp(
        "rec",
        fs=real_signal.fs,
        units=["mV"] * 12,
        sig_name=list(real_signal.leads),
        p_signal=real_signal.data.T.astype(np.float64),
        fmt=["16"] * 12,
        adc_gain=[1000.0] * 12,
        baseline=[0] * 12,
        comments=["age: 42 sex: F"],
        write_dir=str(tmp_path),
    )
    back = read_ecg(tmp_path / "rec.hea")
    assert back.leads == real_signal.leads
    assert back.fs == real_signal.fs
    assert np.allclose(back.data, real_signal.data, atol=1e-3)  # 1 uV ADC step
    assert back.sex == "F" and back.age_years == 42


def test_wfdb_microvolt_units_are_scaled(real_signal, tmp_path):
    import wfdb

    wfdb.wrsamp(
        "uv", fs=1000, units=["uV"] * 2, sig_name=["LEAD_I", "avr"],
        p_signal=(real_signal.data[[0, 3]].T * 1000).astype(np.float64),
        fmt=["16"] * 2, adc_gain=[1.0] * 2, baseline=[0] * 2, write_dir=str(tmp_path),
    )  # fmt: skip
    back = read_ecg(tmp_path / "uv.dat")
    assert back.leads == ["I", "aVR"]
    assert np.allclose(back.data, real_signal.data[[0, 3]], atol=2e-3)


def test_wfdb_missing_or_truncated_dat(real_signal, tmp_path):
    import wfdb

    wfdb.wrsamp(
        "cut", fs=1000, units=["mV"] * 12, sig_name=list(real_signal.leads),
        p_signal=real_signal.data.T.astype(np.float64), fmt=["16"] * 12,
        adc_gain=[1000.0] * 12, baseline=[0] * 12, write_dir=str(tmp_path),
    )  # fmt: skip
    dat = tmp_path / "cut.dat"
    dat.write_bytes(dat.read_bytes()[:10001])
    try:
        sig = read_ecg(tmp_path / "cut.hea")
    except ReadError as err:
        assert "truncated" in str(err) or "cannot be read" in str(err)
    else:
        assert any("truncated" in w for w in sig.warnings)
    dat.unlink()
    with pytest.raises(ReadError, match="missing"):
        read_ecg(tmp_path / "cut.hea")


def test_hl7_aecg_eight_leads_derives_limb_leads(real_signal, tmp_path):
    keep = ["I", "II", "V1", "V2", "V3", "V4", "V5", "V6"]
    data = np.vstack([real_signal.lead(n) for n in keep])
    path = write_aecg(tmp_path / "ecg.xml", data, keep, real_signal.fs)
    sig = read_ecg(path)
    assert sig.leads == list(STANDARD_LEADS)
    assert sig.fs == pytest.approx(1000)
    assert sig.sex == "F" and sig.age_years == pytest.approx(42, abs=1)
    assert np.allclose(sig.lead("V3"), real_signal.lead("V3"), atol=2e-3)
    # derived III matches the device's own III within rounding
    assert np.allclose(sig.lead("III"), real_signal.lead("III"), atol=0.01)


def test_hl7_aecg_truncated_and_hostile(real_signal, tmp_path):
    path = write_aecg(tmp_path / "ecg.xml", real_signal.data[:2, :500], ["I", "II"], 1000)
    cut = tmp_path / "cut.xml"
    cut.write_bytes(path.read_bytes()[:-200])
    with pytest.raises(ReadError, match="damaged or truncated"):
        read_ecg(cut)
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><AnnotatedECG>&a;</AnnotatedECG>'
    )
    with pytest.raises(ReadError, match="refused"):
        read_ecg(bomb)


def test_muse_xml(real_signal, tmp_path):
    keep = ["I", "II", "V1", "V2", "V3", "V4", "V5", "V6"]
    data = np.vstack([real_signal.lead(n) for n in keep])
    path = write_muse(tmp_path / "muse.xml", data, keep, 1000)
    sig = read_ecg(path)
    assert sig.leads == list(STANDARD_LEADS)
    assert sig.sex == "M" and sig.age_years == 55
    assert np.allclose(sig.lead("V5"), real_signal.lead("V5"), atol=5e-3)
    assert sig.acquired.year == 2013


def test_registry_readers(real_dcm, real_signal, tmp_path):
    import wfdb

    from app.readers.base import best_reader

    conf, reader = best_reader(Path(real_dcm))
    assert reader.name == "dicom-ecg" and conf >= 0.95
    meta = reader.read_meta(real_dcm)
    assert meta.modality == "ECG"
    assert meta.patient_id == "642341" and meta.sex == "F" and meta.birth_date == "19710123"
    assert meta.study_uid.startswith("1.3.76") and meta.study_time.year == 2013

    wfdb.wrsamp(
        "r1", fs=500, units=["mV"], sig_name=["II"], p_signal=real_signal.data[1:2, :5000:2].T.astype(float),
        fmt=["16"], adc_gain=[1000.0], baseline=[0], write_dir=str(tmp_path),
    )  # fmt: skip
    conf, reader = best_reader(tmp_path / "r1.hea")
    assert reader.name == "wfdb"
    meta = reader.read_meta(tmp_path / "r1.hea")
    assert meta.companions == [tmp_path / "r1.dat"]

    keep = ["I", "II"]
    aecg = write_aecg(tmp_path / "a.xml", real_signal.data[:2, :1000], keep, 1000)
    conf, reader = best_reader(aecg)
    meta = reader.read_meta(aecg)
    assert reader.name == "hl7-aecg" and meta.patient_id == "PAT-7" and meta.sex == "F"
    assert meta.study_uid == "1.2.3.4.5" and meta.birth_date == "19710123"
    muse = write_muse(tmp_path / "m.xml", real_signal.data[:2, :1000], keep, 1000)
    conf, reader = best_reader(muse)
    meta = reader.read_meta(muse)
    assert reader.name == "ge-muse-xml" and meta.patient_id == "M-42"
    assert meta.patient_name == "ZHANG^SAN" and meta.birth_date == "19580304"


@pytest.mark.parametrize(
    "name, hz",
    [
        ("muse/braveheart/example4.xml", 0.05),  # <HighPassFilter>5</HighPassFilter>
        ("muse/ml4h_muse_ecg_deidentified_1.xml", 0.05),
    ],
)
def test_muse_high_pass_is_in_hundredths_of_a_hertz(name, hz):
    """Real GE MUSE exports write the high-pass corner in 1/100 Hz: 5 is 0.05 Hz (read
    as 5 Hz before, the viewer then warned that the ST segment may be distorted)."""
    from app.ecg.filters import FilterSpec, assess

    sig = read_ecg(Path(__file__).parent.parent / "data" / "ecg" / name)
    assert sig.filters["highpass"] == pytest.approx(hz)
    assert "HIGHPASS" not in assess(FilterSpec(), sig.filters).codes
