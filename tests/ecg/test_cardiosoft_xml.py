"""GE CardioSoft / CASE resting ECG XML (``<CardiologyXML>``) on real exports
(tests/data/ecg/cardiosoft, sources and licences in tests/data/ecg/README.md)."""

import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from scipy.signal import find_peaks

from app.ecg.readers import read_ecg, sniff
from app.ecg.signal import STANDARD_LEADS
from app.readers.base import ReadError, best_reader
from app.readers.reasons import code_of

DATA = Path(__file__).parent.parent / "data" / "ecg" / "cardiosoft"
UKBB = DATA / "ml4h_ukbb_scrubbed.xml"
ECGPROCESS = DATA / "ecgprocess_example_xml1.xml"


@pytest.mark.parametrize("path", [UKBB, ECGPROCESS])
def test_real_cardiosoft_exports_read_as_12_lead_ecgs(path):
    sig = read_ecg(path)
    assert sig.source == "GE CardioSoft XML"
    assert sig.leads == list(STANDARD_LEADS) and sig.warnings == []
    assert sig.fs == 500 and sig.n_samples == 5000 and sig.duration_s == pytest.approx(10.0)
    # 5 uV per bit: a resting ECG of a few tenths to a few mV peak-to-peak per lead
    ptp = np.ptp(sig.data, axis=1)
    assert 0.3 < float(np.median(ptp)) < 4 and ptp.max() < 6
    # all 12 leads are stored (none derived here): they obey Einthoven and Goldberger
    # within the integer rounding of the stored samples (2 bits)
    assert np.abs(sig.lead("III") - (sig.lead("II") - sig.lead("I"))).max() <= 0.0101
    assert np.abs(sig.lead("aVF") - (sig.lead("II") - sig.lead("I") / 2)).max() <= 0.0101
    assert sig.filters == {"highpass": 0.01, "lowpass": 100.0, "notch": 50.0}
    from inference.ecg.scope import assess

    assert assess(sig).twelve_lead


def test_device_12sl_measurements_and_statements_are_exposed():
    m = read_ecg(ECGPROCESS).device_measurements
    assert (m["Heart Rate"], m["RR Interval"], m["PR Interval"]) == (50, 1202, 174)
    assert (m["QRS Duration"], m["QT Interval"], m["QTc Interval"]) == (92, 440, 401)
    assert (m["P Axis"], m["QRS Axis"], m["T Axis"]) == (56, 55, 45)
    sig = read_ecg(UKBB)
    # PQInterval is empty in this export: not measured, so no PR at all (not 0)
    assert "PR Interval" not in sig.device_measurements
    assert sig.device_measurements["QRS Duration"] == 76
    # the statements end at CardioSoft's "---" line before its full-disclosure summary
    assert sig.device_statements == [
        "Normal sinus rhythm",
        "Right axis deviation",
        "Nonspecific ST and T wave abnormality",
        "Abnormal ECG",
    ]
    assert read_ecg(ECGPROCESS).device_statements == ["Sinus bradycardia", "Otherwise normal ECG"]


def test_rate_matches_the_device_beat_times():
    # the device's own beat list (StripData/ArrhythmiaResults, ms) against the samples:
    # the spatial velocity (all leads) has a QRS peak within 40 ms of every listed beat,
    # and nowhere else
    for path, count in ((UKBB, 12), (ECGPROCESS, 8)):
        raw = path.read_text("latin-1")
        strip = raw[raw.index("<StripData>") : raw.index("</StripData>")]
        times = [int(t) for t in re.findall(r'<Time units="ms">(\d+)</Time>', strip)]
        sig = read_ecg(path)
        velocity = np.abs(np.diff(sig.data, axis=1)).sum(axis=0)
        found, _ = find_peaks(velocity, height=0.5 * velocity.max(), distance=int(0.3 * sig.fs))
        peaks = found * 1000 / sig.fs
        assert len(times) == len(peaks) == count
        assert np.abs(peaks - np.array(times)).max() <= 40
        rate = 60000 / np.diff(times).mean()
        assert rate == pytest.approx(sig.device_measurements["Heart Rate"], abs=2)


def test_median_beats_are_read_when_asked():
    sig = read_ecg(ECGPROCESS, want="median")
    assert sig.leads == list(STANDARD_LEADS) and sig.data.shape == (12, 600)


def test_registry_reader_and_meta():
    assert sniff(UKBB, UKBB.read_bytes()[:4096]) == "cardiosoft"
    _conf, reader = best_reader(ECGPROCESS)
    assert reader.name == "ge-cardiosoft-xml"
    meta = reader.read_meta(ECGPROCESS)
    assert meta.modality == "ECG" and meta.description == "ECG (GE CardioSoft XML)"
    assert meta.patient_id == "" and meta.sex == "M" and meta.birth_date == "19650101"
    # the scrubbed export's study UID "1" is a placeholder, not a study to merge records into
    assert best_reader(UKBB)[1].read_meta(UKBB).study_uid == ""


def _edit(tmp_path, fn, name="bad.xml"):
    out = tmp_path / name
    out.write_text(fn(ECGPROCESS.read_text("latin-1")), "latin-1")
    return out


def _strip_lead(raw: str, new: str) -> str:
    start = raw.index('<WaveformData lead="I">', raw.index("<StripData>"))
    end = raw.index("</WaveformData>", start)
    return raw[:start] + '<WaveformData lead="I">' + new + raw[end:]


@pytest.mark.parametrize(
    "edit, code",
    [
        (lambda r: r[: len(r) // 2], "xml_damaged"),  # cut off half-way
        (lambda r: r.replace("CardiologyXML>", "CardiologyXMLX>"), "wrong_format"),
        (lambda r: re.sub(r"<StripData>.*</StripData>", "", r, flags=re.S)
         .replace("<MedianSamples>", "<X>").replace("</MedianSamples>", "</X>"), "no_waveform"),
        (lambda r: re.sub(r'<WaveformData lead="[^"]*">[^<]*</WaveformData>', "", r),
         "no_waveform"),
        (lambda r: _strip_lead(r, "1,2,x,4"), "waveform_damaged"),
        (lambda r: _strip_lead(r, "1,2,nan,4"), "waveform_damaged"),
        (lambda r: _strip_lead(r, "1,99999999999,3"), "waveform_damaged"),
        (lambda r: r.replace('<SampleRate units="Hz">500</SampleRate>',
                             '<SampleRate units="Hz">0</SampleRate>'), "no_sampling_rate"),
        (lambda r: r.replace('<Resolution units="uVperLsb">5</Resolution>',
                             '<Resolution units="uVperLsb">-5</Resolution>'), "waveform_damaged"),
    ],
)  # fmt: skip
def test_damaged_exports_are_coded_read_errors(tmp_path, edit, code):
    with pytest.raises(ReadError) as err:
        read_ecg(_edit(tmp_path, edit))
    assert code_of(err.value.reason) == code


def test_a_truncated_lead_is_read_with_a_warning(tmp_path):
    def cut(raw):
        start = raw.index('<WaveformData lead="V6">', raw.index("<StripData>"))
        end = raw.index("</WaveformData>", start)
        values = raw[start + len('<WaveformData lead="V6">') : end].split(",")
        return raw[:start] + '<WaveformData lead="V6">' + ",".join(values[:3000]) + raw[end:]

    sig = read_ecg(_edit(tmp_path, cut))
    assert sig.n_samples == 3000 and len(sig.leads) == 12
    assert any(code_of(w) == "lead_truncated" for w in sig.warnings)


def test_import_and_open_in_the_store(store, tmp_path):
    from app.importer import run_import

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(UKBB, src / UKBB.name)
    shutil.copy(ECGPROCESS, src / ECGPROCESS.name)
    report = run_import(store, [src])
    assert [e.outcome.value for e in report.entries] == ["imported", "imported"], report.entries
    for entry in report.entries:
        sig = store.open_source(entry.study_pk)
        assert sig.leads == list(STANDARD_LEADS) and sig.source == "GE CardioSoft XML"
        assert sig.device_measurements["QRS Duration"] in (76, 92)


def test_the_ecg_viewer_opens_a_cardiosoft_export(qtbot, jobs):
    from app.domain import Modality
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    v = EcgViewer(ViewerContext(None, 1, Modality.ECG, [(None, ECGPROCESS)], jobs, extra={}))
    qtbot.addWidget(v)
    qtbot.waitUntil(lambda: v.raw_signal is not None, timeout=60_000)
    assert v.raw_signal.leads == list(STANDARD_LEADS) and v.raw_signal.n_samples == 5000
