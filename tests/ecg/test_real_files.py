"""ECG readers on real third-party files (tests/data/ecg, sources in its README)."""

from pathlib import Path

import numpy as np
import pytest

from app.ecg.readers import read_ecg
from app.ecg.signal import STANDARD_LEADS, normalize_lead_name
from app.readers.base import ReadError

DATA = Path(__file__).parent.parent / "data" / "ecg"
MUSE = DATA / "muse" / "muse_ecg1.xml"
WFDB = DATA / "wfdb"


def test_real_muse_export_with_doctype_reads():
    assert MUSE.read_bytes().startswith(
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE RestingECG SYSTEM "restecg.dtd">'
    )
    sig = read_ecg(MUSE)
    assert sig.leads == list(STANDARD_LEADS)
    assert sig.fs == 500 and sig.duration_s == pytest.approx(10.0)
    assert sig.sex == "M" and sig.age_years == 60
    assert sig.acquired.isoformat() == "2021-05-10T13:15:18"
    # a resting ECG in mV; derived III = II - I
    assert 0.3 < float(np.median(np.ptp(sig.data, axis=1))) < 6
    assert np.allclose(sig.lead("III"), sig.lead("II") - sig.lead("I"), atol=1e-5)
    from inference.ecg.scope import assess

    assert assess(sig).twelve_lead


def test_muse_device_measurements_are_exposed():
    sig = read_ecg(MUSE)
    m = sig.device_measurements
    assert m["Heart Rate"] == 60 and m["RR Interval"] == 1000
    assert (m["PR Interval"], m["QRS Duration"], m["QT Interval"]) == (158, 78, 364)
    assert m["QTc Interval"] == 364
    assert (m["P Axis"], m["QRS Axis"], m["T Axis"]) == (49, 54, 46)
    assert sig.device_statements[0] == "Ventricular-paced rhythm"


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE RestingECG [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
        b'<!DOCTYPE RestingECG [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        b'<!DOCTYPE RestingECG SYSTEM "restecg.dtd" [<!ENTITY % p SYSTEM "http://127.0.0.1/x">%p;]>',
        b"<!DOCTYPE RestingECG [<!ELEMENT RestingECG ANY>]>",
    ],
)
def test_muse_with_entities_or_internal_subset_is_refused(doctype, tmp_path):
    raw = MUSE.read_bytes().replace(b'<!DOCTYPE RestingECG SYSTEM "restecg.dtd">', doctype)
    raw = raw.replace(b"<PatientID>JAX01234</PatientID>", b"<PatientID>&b;&xxe;</PatientID>")
    bad = tmp_path / "bad.xml"
    bad.write_bytes(raw)
    with pytest.raises(ReadError, match="refused for safety"):
        read_ecg(bad)


def test_undeclared_entity_behind_external_dtd_is_refused():
    from app.ecg.readers.xmlutil import parse_bytes

    raw = b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://127.0.0.1/x.dtd"><r>&e;</r>'
    with pytest.raises(ReadError, match="refused for safety"):
        parse_bytes(raw)


@pytest.mark.parametrize(
    "label, expected",
    [
        ("ECG 1", "ECG 1"),
        ("ECG_2", "ECG_2"),
        ("ECG3", "ECG3"),
        ("1", "1"),
        ("Lead 2", "Lead 2"),
        ("DI", "I"),
        ("DIII", "III"),
        ("ECG II", "II"),
        ("MDC_ECG_LEAD_I", "I"),
        ("V", "V"),
    ],
)
def test_channel_numbers_are_not_lead_names(label, expected):
    assert normalize_lead_name(label) == expected


def test_numbered_ecg_channels_stay_unknown():
    # PhysioNet test record: four ECG channels named "ECG 1".."ECG 4", not leads I-III
    sig = read_ecg(WFDB / "test01_00s.hea")
    assert sig.leads == ["ECG 1", "ECG 2", "ECG 3", "ECG 4"]
    assert sig.recognised_leads == []
    from inference.ecg.scope import assess

    scope = assess(sig)
    assert not scope.twelve_lead and "recognised leads: none" in scope.reason
    assert sig.sex == "M" and sig.age_years == 25


def test_non_ecg_channels_are_left_out():
    # MIMIC-style record: II, III, V (mV) with ABP (mmHg), Pleth (NU), Resp (Ohm)
    sig = read_ecg(WFDB / "mixedsignals.hea")
    assert sig.leads == ["II", "III", "V"]
    assert [item.split(" ", 1)[0] for item in sig.left_out] == ["ABP", "Pleth", "Resp"]
    assert any("left out: ABP (mmHg), Pleth (NU), Resp (Ohm)" in w for w in sig.warnings)
    assert not any("mmHg" in lead for lead in sig.leads)


def test_each_signal_is_read_at_its_own_rate():
    import wfdb

    # ECG at 4 samples per frame of 62.47 Hz: 249.89 Hz, not the frame average
    sig = read_ecg(WFDB / "mixedsignals.hea")
    assert sig.fs == pytest.approx(4 * 62.4725)
    assert sig.n_samples == 4 * 14400
    raw = wfdb.rdrecord(str(WFDB / "mixedsignals"), smooth_frames=False, channels=[0])
    expected = np.nan_to_num(raw.e_p_signal[0])
    assert np.allclose(sig.lead("II"), expected, atol=1e-6)


def test_ecg_leads_at_different_rates_are_resampled_to_the_fastest():
    # ECG_2 at 2 samples per frame (1000 Hz), ECG_1 and ECG_3 at 500 Hz
    sig = read_ecg(WFDB / "test01_00s_frame.hea")
    assert sig.fs == 1000 and sig.n_samples == 8000
    assert any("resampled to 1000 Hz: ECG_1 (500 Hz), ECG_3 (500 Hz)" in w for w in sig.warnings)
    plain = read_ecg(WFDB / "test01_00s.hea")
    # the 500 Hz lead, resampled, still passes through its original samples
    assert np.allclose(sig.lead("ECG_1")[::2], plain.lead("ECG 1"), atol=0.02)


def test_multi_segment_record_is_read():
    seg = WFDB / "041s"
    sig = read_ecg(seg / "041s.hea")
    assert sig.leads == ["I", "III", "V"]
    assert sig.fs == 500 and sig.n_samples == 2 * 4000
    assert [item.split(" ", 1)[0] for item in sig.left_out] == ["ABP", "PAP", "PLETH", "RESP"]
    first, second = read_ecg(seg / "041s01.hea"), read_ecg(seg / "041s02.hea")
    assert np.allclose(sig.data[:, :4000], first.data) and np.allclose(
        sig.data[:, 4000:], second.data
    )


def test_multi_segment_import_lists_segments_as_companions():
    from app.readers.ecg import WfdbReader

    meta = WfdbReader().read_meta(WFDB / "041s" / "041s.hea")
    names = sorted(p.name for p in meta.companions)
    assert names == ["041s01.dat", "041s01.hea", "041s02.dat", "041s02.hea"]


def test_multi_segment_with_a_missing_segment_names_it(tmp_path):
    for f in (WFDB / "041s").iterdir():
        if f.name != "041s02.dat":
            (tmp_path / f.name).write_bytes(f.read_bytes())
    with pytest.raises(ReadError, match="041s02.dat"):
        read_ecg(tmp_path / "041s.hea")


SIERRA = DATA / "sierra"
# sample 2750 of each lead as the upstream sierraecg decoder's own tests give them
SIERRA_MIDPOINTS = {
    "129DYPRG.xml": [-9, -17, -7, 13, -1, -12, 0, -1, -3, -4, -7, -6],
    "2020-5-18_15-48-11.xml": [-12, 78, 90, -33, -51, 84, 14, 3, -24, -20, -13, -21],
}


@pytest.mark.parametrize("name", sorted(SIERRA_MIDPOINTS))
def test_philips_sierra_xml_decodes_like_the_reference(name):
    sig = read_ecg(SIERRA / name)
    assert sig.leads == list(STANDARD_LEADS)
    # 11 s per lead: the ECG, then a zero line and a 1 mV calibration pulse in every lead
    assert sig.fs == 500 and 5000 <= sig.n_samples < 5350
    assert any("calibration pulse at the end left out" in w for w in sig.warnings)
    # 5 uV per unit
    assert [round(float(v) * 200) for v in sig.data[:, 2750]] == SIERRA_MIDPOINTS[name]
    # the rebuilt limb leads obey Einthoven within the integer rounding of the format
    assert np.abs(sig.lead("III") - (sig.lead("II") - sig.lead("I"))).max() < 0.011
    assert np.abs(sig.lead("aVF") - (sig.lead("II") - sig.lead("I") / 2)).max() < 0.011


def test_philips_sierra_device_measurements():
    sig = read_ecg(SIERRA / "129DYPRG.xml")  # SierraECG 1.03, UTF-8
    assert sig.sex == "M" and sig.age_years == 50
    m = sig.device_measurements
    assert (m["Heart Rate"], m["PR Interval"], m["QRS Duration"]) == (41, 151, 135)
    assert (m["QT Interval"], m["QTc Interval"]) == (476, 393)
    assert (m["P Axis"], m["QRS Axis"], m["T Axis"]) == (66, -21, 59)
    assert "Inferior infarct, acute (LCx)" in sig.device_statements
    new = read_ecg(SIERRA / "2020-5-18_15-48-11.xml")  # PhilipsECG 1.04.01, UTF-16
    assert new.device_measurements["QRS Duration"] == 102
    assert new.device_measurements["RR Interval"] == 938
    assert new.acquired.isoformat() == "2020-05-18T15:48:11"


def test_philips_sierra_registry_reader():
    from app.readers.base import best_reader

    for name in SIERRA_MIDPOINTS:
        _conf, reader = best_reader(SIERRA / name)
        assert reader.name == "philips-sierra-xml"
        meta = reader.read_meta(SIERRA / name)
        assert meta.modality == "ECG"
    assert reader.read_meta(SIERRA / "2020-5-18_15-48-11.xml").birth_date == "19510101"


def _damaged(tmp_path, cut):
    raw = (SIERRA / "129DYPRG.xml").read_text("utf-8")
    start = raw.index('dataencoding="Base64"')
    start = raw.index(">", start) + 1
    end = raw.index("</parsedwaveforms>")
    out = tmp_path / "bad.xml"
    out.write_text(raw[:start] + cut(raw[start:end]) + raw[end:], "utf-8")
    return out


@pytest.mark.parametrize(
    "cut",
    [
        lambda b: b[: len(b) // 3],  # truncated: the last chunks are missing
        lambda b: "////" + b[4:],  # first chunk size becomes huge
        lambda b: b[:40] + "A" * 40 + b[80:],  # LZW stream damaged
        lambda b: "",
    ],
)
def test_damaged_xli_data_is_a_read_error(tmp_path, cut):
    with pytest.raises(ReadError):
        read_ecg(_damaged(tmp_path, cut))


def test_dicom_non_ecg_channel_is_left_out(real_dcm, tmp_path):
    # the real Mortara record with its last channel relabelled as a respiration channel in Ohm
    # (modified here): it must not reach the analysis as V6
    import pydicom
    from pydicom.dataset import Dataset

    ds = pydicom.dcmread(str(real_dcm))
    ch = ds.WaveformSequence[0].ChannelDefinitionSequence[11]
    source = Dataset()
    source.CodeValue, source.CodingSchemeDesignator, source.CodeMeaning = "RESP", "99X", "Resp"
    ch.ChannelSourceSequence = [source]
    ch.ChannelSensitivityUnitsSequence[0].CodeValue = "Ohm"
    out = tmp_path / "resp.dcm"
    ds.save_as(out)
    sig = read_ecg(out)
    assert "V6" not in sig.leads and "Resp" not in sig.leads
    assert sig.left_out == ["Resp (Ohm): not an ECG signal by its name"]
    assert len(sig.recognised_leads) == 11
