"""What the ECG viewer says when the AI pre-read fails or leaves nothing to show: the
status line keeps the record's own part, and no side panel waits for what is not
coming (real record offscreen; the flat record is SYNTHETIC, leads-off/asystole-like)."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pyqtgraph")

from viewers.registry import ViewerContext  # noqa: E402

WAIT_MS = 60_000


def _viewer(qtbot, jobs, path):
    from app.domain import Modality
    from viewers.ecg.qt_ecg_viewer import EcgViewer

    v = EcgViewer(ViewerContext(None, 1, Modality.ECG, [(None, path)], jobs, extra={}))
    qtbot.addWidget(v)
    v.resize(1200, 800)
    return v


def test_a_failed_pre_read_keeps_the_record_status_and_nothing_waits(
    qtbot, jobs, real_dcm, monkeypatch
):
    import inference.ecg

    def broken(signal, state=None, **kw):
        raise RuntimeError("model file damaged")

    monkeypatch.setattr(inference.ecg, "analyze", broken)
    v = _viewer(qtbot, jobs, real_dcm)
    assert not v.rerun_btn.isEnabled()  # nothing to run the model on yet
    qtbot.waitUntil(lambda: v.ai_error is not None, timeout=WAIT_MS)
    assert v.rerun_btn.isEnabled()  # the doctor may try again
    status = v.status.text()
    # the sentence in the user's language, the exception's English text as the detail
    assert status.startswith("AI pre-read failed: An unexpected error occurred")
    assert "model file damaged" in v.status.toolTip()
    assert "12 leads" in status  # the record's own status line stays
    assert v.measurements.source.text() == "No measurements: the AI pre-read failed."
    assert v.median_panel.caption.text() == "No median beats: the AI pre-read failed."
    assert v.compare_panel.caption.text() == "No comparison: the AI pre-read failed."
    monkeypatch.undo()
    with qtbot.waitSignals([v.analysed, v.medians_ready], timeout=WAIT_MS):
        v.rerun_btn.click()  # the model works again
        assert not v.rerun_btn.isEnabled()  # one run at a time: no second click
    assert v.rerun_btn.isEnabled()
    assert "failed" not in v.status.text() and "12 leads" in v.status.text()
    assert v.status.toolTip() == ""
    assert "Measured by AI" in v.measurements.source.text()
    assert v.median_panel.caption.text() == "Median beats stored by the recording device"


def test_no_beat_to_align_says_so(qtbot, jobs, tmp_path):
    import wfdb

    fs = 500
    t = np.arange(fs * 10) / fs
    names = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"]
    flat = np.repeat((0.01 * np.sin(2 * np.pi * 0.3 * t))[:, None], 12, axis=1)
    wfdb.wrsamp(
        "flat", fs=fs, units=["mV"] * 12, sig_name=names, p_signal=flat, fmt=["16"] * 12,
        adc_gain=[1000.0] * 12, baseline=[0] * 12, write_dir=str(tmp_path),
    )  # fmt: skip
    v = _viewer(qtbot, jobs, tmp_path / "flat.hea")
    with qtbot.waitSignal(v.medians_ready, timeout=WAIT_MS):
        pass
    assert v.medians is None
    text = v.median_panel.caption.text()
    assert text == "No median beats: the AI found no whole beat to align."


def test_median_beats_that_fail_to_build_say_so(qtbot, jobs, real_dcm, monkeypatch):
    import viewers.ecg.beats

    def broken(path, signal, analysis):
        raise ValueError("median group damaged")

    monkeypatch.setattr(viewers.ecg.beats, "median_beats", broken)
    v = _viewer(qtbot, jobs, real_dcm)
    with qtbot.waitSignal(v.medians_ready, timeout=WAIT_MS):
        pass
    assert v.medians is None and v.analysis is not None
    assert v.median_panel.caption.text() == "The median beats could not be built."
