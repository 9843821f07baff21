"""AI pre-read on the real Mortara record, checked against the device's own
measurements, and on the same record with ST changes added."""

import json

import numpy as np
import pytest

from app.demo.ecg_variants import st_shifts
from app.ecg.signal import EcgSignal
from app.jobs import Cancelled, TaskState
from inference.ecg import analyze
from inference.ecg.cli import main


def _device(real_dcm):
    import pydicom

    from app.ecg.readers.dicom_ecg import device_measurements, device_statements

    ds = pydicom.dcmread(str(real_dcm))
    return device_measurements(ds), device_statements(ds)


def _with_st(sig: EcgSignal, device_beats, leads, mv: float, limb: bool = False) -> EcgSignal:
    """Add ``mv`` at the device's J point (QRS offset) to T offset; 20 ms cosine edges,
    the rise ending at J as an injury current's does.  With ``limb`` the other limb leads
    get the shift Einthoven's and Goldberger's equations give (+0.3 mV in II, III, aVF is
    -0.15 mV in aVR and aVL), as a real injury current's projection does (SYNTHETIC)."""
    shifts = st_shifts(tuple(leads), mv) if limb else dict.fromkeys(leads, mv)
    data = sig.data.copy()
    ramp = 20
    for b in device_beats:
        j, t_end = b["QRS Offset"] - ramp, b["T Offset"]
        shape = np.ones(t_end - j)
        edge = 0.5 - 0.5 * np.cos(np.linspace(0, np.pi, ramp))
        shape[:ramp] = edge
        shape[-ramp:] = edge[::-1]
        for lead, shift in shifts.items():
            data[sig.leads.index(lead), j:t_end] += shift * shape
    return EcgSignal(data, sig.fs, list(sig.leads), sig.age_years, sig.sex, sig.acquired)


@pytest.fixture(scope="module")
def real_result(real_signal):
    return analyze(real_signal)


def test_record_is_normal_per_device(real_dcm):
    _, statements = _device(real_dcm)
    assert "ECG NORMALE" in statements and "RITMO SINUSALE" in statements


def test_measurements_match_device(real_dcm, real_result):
    dev, _ = _device(real_dcm)
    m = real_result.measurements
    assert m.hr_bpm == pytest.approx(60000 / dev["RR Interval"], abs=3)
    # global intervals from the median beat, within the IEC 60601-2-25 mean-error limits
    assert m.pr_ms == pytest.approx(dev["PR Interval"], abs=10)
    assert m.qrs_ms == pytest.approx(dev["QRS Duration"], abs=10)
    assert m.qt_ms == pytest.approx(dev["QT Interval"], abs=15)
    assert m.qtc_ms == pytest.approx(dev["QTc Interval"], abs=15)
    assert m.qtc_fridericia_ms == pytest.approx(dev["QTc Interval"], abs=15)
    assert m.p_axis_deg == pytest.approx(dev["P Axis"], abs=25)
    assert m.qrs_axis_deg == pytest.approx(dev["QRS Axis"], abs=25)
    assert m.t_axis_deg == pytest.approx(dev["T Axis"], abs=25)


def test_fiducials_match_device_beats(real_result, device_beats):
    # our beats are at 500 Hz; the device's at 1000 Hz
    onsets = np.array([b["QRS Onset"] for b in device_beats])
    assert len(real_result.beats) >= 6
    for beat in real_result.beats:
        k = int(np.argmin(np.abs(onsets - beat.qrs_on * 2)))
        dev = device_beats[k]
        assert abs(beat.qrs_on * 2 - dev["QRS Onset"]) <= 8
        assert abs(beat.qrs_off * 2 - dev["QRS Offset"]) <= 8
        if beat.p_on is not None:
            assert abs(beat.p_on * 2 - dev["P Onset"]) <= 15
        if beat.t_end is not None:
            assert abs(beat.t_end * 2 - dev["T Offset"]) <= 20


def test_normal_record_is_routine_sinus(real_result):
    assert real_result.urgency == "routine"
    assert real_result.rhythm["label"] == "sinus"
    assert not [f for f in real_result.findings if f.severity != "routine"]
    assert set(real_result.st) == set(real_result.fiducial_leads) | set(real_result.st)
    assert len(real_result.st) == 12
    # J now sits at the device's QRS end; this normal record has up to 1 mm of
    # J elevation in V2/V5 (normal), below every 4th-UDMI cut-off
    assert all(abs(v.st_j_mv) <= 0.1 for v in real_result.st.values())
    assert all(v.st_j80_mv is not None for v in real_result.st.values())  # 61 bpm: slow enough
    assert real_result.model.name and real_result.model.version
    assert "not for clinical use" in real_result.notice


def test_inferior_st_elevation_is_stemi_critical(real_signal, device_beats, real_result):
    sig = _with_st(real_signal, device_beats, ["II", "III", "aVF"], 0.3, limb=True)
    res = analyze(sig)
    assert res.urgency == "critical"
    stemi = [f for f in res.findings if f.code == "STEMI"]
    assert [f.territory for f in stemi] == ["inferior"]
    assert len(stemi[0].leads) >= 2 and set(stemi[0].leads) <= {"II", "III", "aVF"}
    assert "STEMI" in res.drivers
    for lead in ("II", "III", "aVF"):
        assert res.st[lead].st_j_mv - real_result.st[lead].st_j_mv == pytest.approx(0.3, abs=0.1)
    assert "model" in res.summary() and res.summary()["model"]["version"]


def test_small_st_change_is_not_stemi(real_signal, device_beats):
    res = analyze(_with_st(real_signal, device_beats, ["II", "III", "aVF"], 0.03))
    assert not [f for f in res.findings if f.code == "STEMI"]


def test_lateral_st_depression_is_urgent(real_signal, device_beats):
    res = analyze(_with_st(real_signal, device_beats, ["V5", "V6", "I"], -0.15))
    codes = {f.code: f for f in res.findings}
    assert "ST_DEPRESSION" in codes and codes["ST_DEPRESSION"].territory == "lateral"
    assert res.urgency == "urgent"


def test_single_lead_short_record_does_not_crash(real_signal):
    sig = EcgSignal(real_signal.data[1:2, :3000], real_signal.fs, ["II"])
    res = analyze(sig)
    assert res.measurements.hr_bpm is None or 40 < res.measurements.hr_bpm < 90
    assert res.measurements.qrs_axis_deg is None
    assert any("only" in w for w in res.warnings)


def test_progress_and_cancel(real_signal):
    state = TaskState()
    seen = []
    state.events.progress.connect(lambda f, m: seen.append(f))
    analyze(real_signal, state=state)
    assert seen[-1] == 1.0 and seen == sorted(seen)
    state = TaskState()
    state.cancel()
    with pytest.raises(Cancelled):
        analyze(real_signal, state=state)


def test_result_is_json(real_result):
    data = json.loads(json.dumps(real_result.to_dict()))
    assert data["model"]["name"] == real_result.model.name
    assert len(data["beats"]) == len(real_result.beats)


def test_cli_json(real_dcm, capsys):
    assert main(["analyze", str(real_dcm), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["urgency"] == "routine"
    assert set(out["measurements"]) >= {"hr_bpm", "pr_ms", "qrs_ms", "qt_ms", "qtc_ms"}
    assert set(out["st_mv"]) >= {"V2", "II"} and out["model"]["name"]


def test_cli_stemi_and_errors(real_signal, device_beats, tmp_path, capsys):
    import wfdb

    sig = _with_st(real_signal, device_beats, ["II", "III", "aVF"], 0.3, limb=True)
    wfdb.wrsamp(
        "stemi", fs=sig.fs, units=["mV"] * 12, sig_name=list(sig.leads),
        p_signal=sig.data.T.astype(float), fmt=["16"] * 12, adc_gain=[1000.0] * 12,
        baseline=[0] * 12, write_dir=str(tmp_path),
    )  # fmt: skip
    assert main(["analyze", str(tmp_path / "stemi.hea"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["urgency"] == "critical"
    assert {"code": "STEMI", "territory": "inferior"}.items() <= out["findings"][0].items()
    bad = tmp_path / "bad.xml"
    bad.write_text("<RestingECG><Waveform>")
    assert main(["analyze", str(bad)]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["analyze", str(tmp_path / "stemi.hea")]) == 0
    text = capsys.readouterr().out
    assert "(decided at J)" in text and "Analysed 0.0-10.0 s of 10.0 s" in text
    assert "Pacer spikes: 0" in text
    assert main(["rules"]) == 0
    assert "STEMI" in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["flat", "noise"])
def test_flat_or_noise_is_never_routine(kind):
    from app.ecg.signal import STANDARD_LEADS

    rng = np.random.default_rng(0)
    data = np.zeros((12, 5000)) if kind == "flat" else rng.normal(0, 0.05, (12, 5000))
    res = analyze(EcgSignal(data, 500, list(STANDARD_LEADS)))
    assert res.urgency != "routine"
    assert [f.code for f in res.findings] == ["NO_QRS"]
    assert not [f for f in res.findings if f.code == "STEMI"]


def test_mitbih_208_from_scipy_if_present():
    """MIT-BIH record 208 (lead MLII, 360 Hz) as shipped by older scipy wheels."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("scipy")
    path = Path(spec.origin).parent / "misc" / "ecg.dat"
    if not path.exists():
        pytest.skip("this scipy has no misc/ecg.dat")
    with np.load(path) as f:
        mv = (f["ecg"].astype(np.float64) - 1024) / 200.0
    res = analyze(EcgSignal(mv[None, : 360 * 10], 360, ["MLII"]))
    assert res.fiducial_leads == ["MLII"]
    assert len(res.beats) >= 8
    assert 50 < res.measurements.hr_bpm < 150
