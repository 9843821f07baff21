"""Real ECG files through import and Store.open_source (multi-file records included)."""

import shutil
from pathlib import Path

import pytest

from app.importer import run_import

DATA = Path(__file__).parent.parent / "data" / "ecg"


@pytest.mark.parametrize(
    "files, leads, left_out",
    [
        (["wfdb/041s/041s.hea", "wfdb/041s/041s01.hea", "wfdb/041s/041s01.dat",
          "wfdb/041s/041s02.hea", "wfdb/041s/041s02.dat"], ["I", "III", "V"], 4),
        (["muse/muse_ecg1.xml"], None, 0),
        (["sierra/129DYPRG.xml"], None, 0),
        (["scp/Example.scp"], None, 0),
    ],
)  # fmt: skip
def test_import_and_open(store, tmp_path, files, leads, left_out):
    src = tmp_path / "in"
    src.mkdir()
    for f in files:
        shutil.copy(DATA / f, src / Path(f).name)
    report = run_import(store, [src])
    assert [e.outcome.value for e in report.entries] == ["imported"], report.entries
    sig = store.open_source(report.entries[0].study_pk)
    assert sig.leads == (
        leads or ["I", "II", "III", "aVR", "aVL", "aVF"] + [f"V{i}" for i in range(1, 7)]
    )
    assert len(sig.left_out) == left_out


def test_too_short_and_empty_records_are_refused_at_import(store, tmp_path):
    import numpy as np
    import wfdb

    src = tmp_path / "in"
    src.mkdir()
    # a 26 ms record cut from a real one (the PhysioNet test record, first 13 samples at 500 Hz)
    rec = wfdb.rdrecord(str(DATA / "wfdb" / "test01_00s"), sampto=13)
    wfdb.wrsamp("short", fs=500, units=rec.units, sig_name=["I", "II", "III", "V1"],
                p_signal=rec.p_signal, fmt=["16"] * 4, adc_gain=[100.0] * 4,
                baseline=[0] * 4, write_dir=str(src))  # fmt: skip
    # a MUSE export whose waveforms were removed
    raw = (DATA / "muse" / "muse_ecg1.xml").read_text("latin-1")
    start, end = raw.index("<Waveform>"), raw.rindex("</Waveform>") + len("</Waveform>")
    (src / "nowave.xml").write_text(raw[:start] + raw[end:], "latin-1")
    report = run_import(store, [src])
    outcomes = {Path(e.path).name: (e.outcome.value, e.reason) for e in report.entries}
    assert outcomes["short.hea"][0] == "failed" and "26 ms" in outcomes["short.hea"][1]
    assert outcomes["nowave.xml"][0] == "failed" and "no Waveform" in outcomes["nowave.xml"][1]
    assert np.isfinite(rec.p_signal).all()


@pytest.mark.parametrize(
    "name, text",
    [
        ("mixedsignals.hea", "ECG 3 leads, 249.89 Hz (3 non-ECG channels left out)"),
        ("test01_00s_frame.hea", "ECG 3 leads, 1000 Hz"),
        # multi-segment: its first segment names the channels and their rate
        ("041s/041s.hea", "ECG 3 leads, 500 Hz (4 non-ECG channels left out)"),
    ],
)
def test_wfdb_description_counts_ecg_leads_at_their_own_rate(name, text):
    # the case header said "ECG 6 leads, 62.4725 Hz" for 3 ECG leads at 250 Hz + ABP/Pleth/Resp
    from app.readers.base import best_reader

    path = Path(__file__).resolve().parents[1] / "data" / "ecg" / "wfdb" / name
    _conf, reader = best_reader(path)
    assert reader.read_meta(path).description == text
