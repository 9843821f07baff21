"""ECG viewer tools offscreen: calipers, filters, single lead, tables, medians,
finding texts in the UI language, long recordings."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

pytest.importorskip("pyqtgraph")

from app.ecg.filters import FilterSpec  # noqa: E402
from viewers.ecg import paper  # noqa: E402
from viewers.registry import ViewerContext  # noqa: E402


def _viewer(qtbot, jobs, files, store=None):
    from app.domain import Modality
    from viewers.ecg.qt_ecg_viewer import EcgViewer

    ctx = ViewerContext(store, 1, Modality.ECG, files, jobs, extra={"px_per_mm": 4.0})
    v = EcgViewer(ctx)
    qtbot.addWidget(v)
    v.resize(1200, 800)
    return v


@pytest.fixture
def viewer(qtbot, jobs, real_dcm):
    v = _viewer(qtbot, jobs, [(None, real_dcm)])
    with qtbot.waitSignal(v.medians_ready, timeout=60_000):
        pass
    return v


def test_layouts_and_single_lead_view(viewer, qtbot):
    v = viewer
    for name, n in (("3x4+II", 13), ("6x2", 12), ("12x1", 12)):
        v.layout_box.setCurrentIndex(paper.LAYOUTS.index(name))
        assert len(v.trace_items) == n
    v.order_box.setCurrentIndex(1)  # Cabrera: aVR drawn inverted
    cell = next(c for c in v.paper_layout.cells if c.lead == "-aVR")
    v._click((cell.x_mm + 5, cell.y_mm))  # click a lead: it is enlarged
    assert v.focus_lead == "-aVR" and len(v.trace_items) == 1
    y = v.trace_items[0].yData - v.paper_layout.cells[0].y_mm
    np.testing.assert_allclose(y, -v.signal.lead("aVR") * v.gain, atol=1e-4)
    with qtbot.waitExposed(v, timeout=60_000):  # a bare call waits for nothing
        v.show()
    v.activateWindow()
    v.plot.setFocus()
    qtbot.keyClick(v.plot, "a")  # other keys: no-op
    assert v.focus_lead == "-aVR"
    qtbot.keyClick(v.plot, Qt.Key.Key_Escape)
    assert v.focus_lead is None and len(v.trace_items) == 12


def test_calipers_read_ms_bpm_and_mv(viewer):
    v = viewer
    v.caliper_box.setCurrentIndex(1)  # time
    r = v.calipers.set_points("time", (20.0, -10.0), (45.0, -10.0))  # 25 mm at 25 mm/s
    assert r.ms == pytest.approx(1000.0) and r.bpm == pytest.approx(60.0)
    assert "1000 ms" in v.caliper_label.text() and "60 bpm" in v.caliper_label.text()
    v._drag((20.0, -10.0), (32.5, -12.0))  # a drag on the paper moves the caliper
    assert v.calipers.reading().ms == pytest.approx(500.0)
    assert v.calipers.reading().bpm == pytest.approx(120.0)
    v.caliper_box.setCurrentIndex(2)  # amplitude
    v._drag((30.0, -20.0), (30.0, -5.0))  # 15 mm at 10 mm/mV
    assert v.calipers.reading().mv == pytest.approx(1.5)
    assert "1.50 mV" in v.caliper_label.text()
    v.gain_box.setCurrentIndex(paper.GAINS.index(20.0))  # redraw clears the caliper
    assert v.calipers.reading() is None
    r = v.calipers.set_points("amplitude", (0, 0), (0, 15.0))
    assert r.mv == pytest.approx(0.75)
    v.caliper_box.setCurrentIndex(0)
    assert v.calipers.reading() is None and not v._drag((0, 0), (5, 5))


def test_overlays_toggle_and_findings_in_ui_language(viewer):
    v = viewer
    assert v._overlay_items
    v.ai_box.setChecked(False)
    assert v._overlay_items == []
    v.ai_box.setChecked(True)
    assert v._overlay_items
    # the model is named once: in the line under the paper, not again on the paper
    assert "v6" in v.model_label.text()
    assert not [it for it in v._overlay_items if hasattr(it, "textItem")]
    from viewers.ecg.finding_text import finding_text

    assert finding_text("STEMI", "x", ["II", "III"], "inferior") == (
        "ST elevation inferior (II, III): meets STEMI criteria"
    )
    assert (
        finding_text("VPC_FREQUENT", "Frequent VPCs (4 in record)") == "Frequent VPCs (4 in record)"
    )
    assert finding_text("SOMETHING_NEW", "Plain English") == "Plain English"


def test_finding_templates_are_translated(qapp, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtCore import QTranslator

    from viewers.ecg.finding_text import finding_text

    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed")
    ts = tmp_path / "t.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
        "<context><name>EcgFindings</name>"
        "<message><source>ST elevation %1 (%2): meets STEMI criteria</source>"
        "<translation>%1导联（%2）ST 段抬高：符合 STEMI 标准</translation></message>"
        "<message><source>inferior</source><translation>下壁</translation></message>"
        "</context></TS>",
        "utf-8",
    )
    subprocess.run([str(lrelease), str(ts), "-qm", str(tmp_path / "t.qm")], check=True)
    tr = QTranslator()
    assert tr.load(str(tmp_path / "t.qm"))
    qapp.installTranslator(tr)
    try:
        text = finding_text("STEMI", "English", ["II", "III", "aVF"], "inferior")
        assert text == "下壁导联（II, III, aVF）ST 段抬高：符合 STEMI 标准"
        assert finding_text("AFIB", "Atrial fibrillation") == "Atrial fibrillation"  # untranslated
    finally:
        qapp.removeTranslator(tr)


def test_filters_in_the_viewer(viewer, qtbot):
    v = viewer
    assert "display: unfiltered" in v.filter_label.text()
    with qtbot.waitSignal(v.filtered, timeout=60_000):
        v.lowpass_box.setCurrentIndex(1)  # 40 Hz
    assert v.filter_spec == FilterSpec(lowpass_hz=40.0)
    assert "non-diagnostic" in v.filter_label.text() and "40" in v.filter_label.text()
    assert not v.filter_state().diagnostic
    raw = v.raw_signal.lead("II")
    assert not np.allclose(v.signal.lead("II"), raw)  # the display shows filtered samples
    with qtbot.waitSignal(v.filtered, timeout=60_000):
        v.set_filters(FilterSpec(baseline=True, notch_hz=50.0, lowpass_hz=150.0))
    text = v.filter_label.text()
    assert "baseline removal" in text and "notch 50 Hz" in text and "low-pass 150 Hz" in text
    assert "non-diagnostic" not in text and v.filter_state().diagnostic
    assert v.analysis is not None  # the AI read the unfiltered recording


def test_measurement_table_and_median_beats(viewer):
    v = viewer
    t = v.measurements
    names = [t.table.item(i, 0).text() for i in range(t.table.rowCount())]
    for name in ("Heart rate", "PR interval", "QRS duration", "QT interval", "QTc (Bazett)",
                 "QTc (Fridericia)", "P axis", "QRS axis", "T axis"):  # fmt: skip
        assert name in names
    m = v.analysis.measurements
    assert t.value("QTc (Fridericia)") == f"{m.qtc_fridericia_ms:.0f} ms"
    assert t.value("QRS axis") == f"{m.qrs_axis_deg:.0f} °"
    assert "OpenECG" in t.source.text()
    med = v.medians  # the real record stores a MEDIAN BEAT group
    assert med.source == "file" and med.data.shape[0] == 12
    assert med.data.shape[1] / med.fs == pytest.approx(1.2)
    assert len(v.median_panel.trace_items) == 12


def test_computed_median_when_file_has_none(real_signal):
    from inference.ecg import analyze
    from viewers.ecg.beats import compute

    a = analyze(real_signal)
    med = compute(real_signal, a)
    assert med.source == "computed" and med.n_beats >= 8
    ii = med.lead("II")
    on = int(med.qrs_on_s * med.fs)
    # the R wave sits just after the QRS onset, well above the PR baseline
    assert ii[on : on + 100].max() - np.median(ii[on - 60 : on - 10]) > 0.5


def test_minmax_pyramid_keeps_the_envelope():
    from viewers.ecg.decimate import MinMaxPyramid

    rng = np.random.default_rng(3)
    x = rng.normal(size=1_000_003).astype(np.float32)
    x[123_456] = 25.0  # one spike must survive any zoom
    pyr = MinMaxPyramid(x)
    xs, ys = pyr.window(0, x.size, 1000)
    assert ys.size <= 2 * 1000 and ys.max() == 25.0 and ys.min() == x.min()
    xs, ys = pyr.window(100_000, 200_000, 500)
    assert ys.max() == 25.0 and xs.min() >= 100_000 - 1024 and xs.max() <= 200_000 + 1024
    xs, ys = pyr.window(10, 500, 1000)  # zoomed in: raw samples
    np.testing.assert_array_equal(ys, x[10:500])


def test_long_recording_pans_with_decimation(qtbot, jobs, tmp_path):
    import wfdb

    fs, minutes = 250, 5
    t = np.arange(fs * 60 * minutes) / fs
    sig = (np.sin(2 * np.pi * 1.2 * t) ** 63).astype(float)  # spiky 72 bpm "QRS" train
    wfdb.wrsamp(
        "holter", fs=fs, units=["mV"], sig_name=["II"], p_signal=sig[:, None], fmt=["16"],
        adc_gain=[1000.0], baseline=[0], write_dir=str(tmp_path),
    )  # fmt: skip
    v = _viewer(qtbot, jobs, [(None, tmp_path / "holter.hea")])
    with qtbot.waitSignal(v.loaded, timeout=60_000):
        pass
    assert v.long is not None and v.pyramids is not None
    v.view.setXRange(0, minutes * 60 * v.speed, padding=0)  # whole record
    n_all = v.long.items[0].xData.size
    assert n_all <= 4 * max(int(v.view.width()), 1) + 8  # decimated, not 75 000 points
    assert v.long.items[0].yData.max() == pytest.approx(
        v.paper_layout.cells[0].y_mm + v.gain, abs=0.05
    )
    v.view.setXRange(1000, 1100, padding=0)  # 4 s window: full resolution
    xs = v.long.items[0].xData
    assert xs.min() <= 1000.5 and xs.max() >= 1099.5
    with qtbot.waitSignal(v.analysed, timeout=60_000):
        pass
