"""EcgViewer on the real record, offscreen (pytest-qt)."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pyqtgraph")

from viewers.ecg import paper  # noqa: E402
from viewers.registry import ViewerContext  # noqa: E402


def _viewer(qtbot, jobs, files, px_per_mm=4.0):
    from app.domain import Modality
    from viewers.ecg.qt_ecg_viewer import EcgViewer

    ctx = ViewerContext(None, 1, Modality.ECG, files, jobs, extra={"px_per_mm": px_per_mm})
    v = EcgViewer(ctx)
    qtbot.addWidget(v)
    v.resize(1000, 700)
    return v


def test_paper_layouts():
    leads = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"]
    p = paper.layout("3x4+II", "standard", leads, 10.0, 25.0, 10.0)
    assert len(p.cells) == 13 and p.rows == 4
    assert p.cells[-1].lead == "II" and p.cells[-1].t1 == 10.0
    assert p.width_mm == pytest.approx(paper.MARGIN_MM + 250 + 5)  # 10 s at 25 mm/s
    v4 = next(c for c in p.cells if c.lead == "V4")
    assert v4.t0 == pytest.approx(7.5) and v4.x_mm == pytest.approx(paper.MARGIN_MM + 187.5)
    cab = paper.layout("6x2", "cabrera", leads, 10.0, 50.0, 20.0)
    assert [c.lead for c in cab.cells if c.col == 0] == ["aVL", "I", "-aVR", "II", "aVF", "III"]
    assert cab.row_mm == 60.0
    assert len(paper.layout("12x1", "standard", leads, 10.0, 25.0, 10.0).cells) == 12
    single = paper.layout("3x4+II", "standard", ["MLII"], 10.0, 25.0, 10.0)
    assert [c.lead for c in single.cells] == ["MLII"]
    xs, ys = paper.calibration_pulse(-15.0, 25.0, 10.0)
    assert max(ys) - min(ys) == 10.0 and xs[3] - xs[2] == pytest.approx(5.0)


def test_viewer_loads_and_emits_ai_findings(qtbot, jobs, real_dcm):
    v = _viewer(qtbot, jobs, [(None, real_dcm)])
    with qtbot.waitSignal(v.findings_changed, timeout=60_000) as sig:
        pass
    findings = sig.args[0]
    assert findings and all({"text", "source", "severity"} <= set(f) for f in findings)
    assert all(f["severity"] in ("critical", "urgent", "info") for f in findings)
    assert all("OpenECG" in f["source"] and "not for clinical use" in f["source"] for f in findings)
    assert len(v.trace_items) == 13
    assert "0.05" in v.filter_label.text() and "300" in v.filter_label.text()
    assert "v6" in v.model_label.text()
    assert v._overlay_items  # overlays drawn
    v.ai_box.setChecked(False)
    assert v._overlay_items == []
    v.layout_box.setCurrentIndex(paper.LAYOUTS.index("12x1"))
    assert len(v.trace_items) == 12


def _shown_at_true_size(qtbot, jobs, path, px_per_mm: float):
    v = _viewer(qtbot, jobs, [(None, path)], px_per_mm=px_per_mm)
    with qtbot.waitSignal(v.analysed, timeout=60_000):
        pass
    with qtbot.waitExposed(v, timeout=60_000):  # a bare call waits for nothing
        v.show()
    v.fit_true_size()
    return v


def test_gain_and_true_millimetres(qtbot, jobs, real_dcm):
    v = _shown_at_true_size(qtbot, jobs, real_dcm, 5.0)
    (x0, x1), _ = v.view.viewRange()
    assert (x1 - x0) == pytest.approx(v.view.width() / 5.0, rel=0.02)
    y10 = np.ptp(v.trace_items[0].yData)
    v.gain_box.setCurrentIndex(paper.GAINS.index(20.0))
    assert np.ptp(v.trace_items[0].yData) == pytest.approx(2 * y10, rel=1e-3)


def test_a_resize_keeps_true_size_and_the_top_left(qtbot, jobs, real_dcm):
    v = _shown_at_true_size(qtbot, jobs, real_dcm, 4.0)
    (left, _), (_, top) = v.view.viewRange()
    for size in ((1300, 650), (900, 800), (1500, 900)):  # narrower, taller, both larger
        before = (v.view.width(), v.view.height())
        v.resize(*size)
        qtbot.waitUntil(lambda b=before: (v.view.width(), v.view.height()) != b, timeout=60_000)
        (x0, x1), (y0, y1) = v.view.viewRange()
        assert v.view.width() / (x1 - x0) == pytest.approx(4.0, rel=0.01)  # px per mm
        assert v.view.height() / (y1 - y0) == pytest.approx(4.0, rel=0.01)
        assert (x0, y1) == pytest.approx((left, top), abs=0.5)  # the same top left


def test_stemi_leads_are_flagged(qtbot, jobs, real_signal, device_beats, tmp_path):
    import wfdb

    from tests.ecg.synthetic import inferior_injury

    data = inferior_injury(real_signal, device_beats, 0.3).data  # SYNTHETIC inferior STEMI
    wfdb.wrsamp(
        "stemi", fs=1000, units=["mV"] * 12, sig_name=list(real_signal.leads),
        p_signal=data.T.astype(float), fmt=["16"] * 12, adc_gain=[1000.0] * 12,
        baseline=[0] * 12, write_dir=str(tmp_path),
    )  # fmt: skip
    v = _viewer(qtbot, jobs, [(None, tmp_path / "stemi.hea")])
    with qtbot.waitSignal(v.findings_changed, timeout=60_000) as sig:
        pass
    assert any(f["severity"] == "critical" for f in sig.args[0])
    stemi = next(f for f in sig.args[0] if f["code"] == "STEMI")
    assert stemi["text"].endswith(("(decided at J)", "(decided at J+60)"))
    assert v.flagged_leads() & {"II", "III", "aVF"}


def test_unreadable_file_shows_message(qtbot, jobs, tmp_path):
    bad = tmp_path / "bad.dcm"
    bad.write_bytes(b"nope")
    v = _viewer(qtbot, jobs, [(None, bad)])
    qtbot.waitUntil(lambda: "could not be shown" in v.status.text(), timeout=60_000)
    empty = _viewer(qtbot, jobs, [])
    assert "no ECG file" in empty.status.text()


def test_pacer_spikes_are_drawn(qtbot, jobs, real_signal, device_beats, tmp_path):
    import wfdb

    from tests.ecg.synthetic import pacer_spikes
    from viewers.ecg.overlays import SPIKE_COLOUR

    paced = pacer_spikes(real_signal, [b["P Onset"] - 5 for b in device_beats])  # SYNTHETIC
    wfdb.wrsamp(
        "paced", fs=1000, units=["mV"] * 12, sig_name=list(paced.leads),
        p_signal=paced.data.T.astype(float), fmt=["16"] * 12, adc_gain=[1000.0] * 12,
        baseline=[0] * 12, write_dir=str(tmp_path),
    )  # fmt: skip
    v = _viewer(qtbot, jobs, [(None, tmp_path / "paced.hea")])
    qtbot.waitUntil(lambda: v.analysis is not None, timeout=60_000)
    assert len(v.analysis.pacer_spikes) == len(device_beats)
    assert v.measurements.value("Pacer spikes") == str(len(device_beats))
    assert v.measurements.value("Analysed") == "0.0–10.0 s of 10.0 s"

    def spikes_drawn():
        return [
            it
            for it in v._overlay_items
            if hasattr(it, "opts") and it.opts["pen"].color().name() == SPIKE_COLOUR
        ]

    # 3x4 + II strip: each spike shows in its column's three leads and in the rhythm strip
    qtbot.waitUntil(lambda: len(spikes_drawn()) == 4 * len(device_beats), timeout=60_000)


def test_page_cache_keeps_unchanged_items_and_invalidates_changed_ones(qtbot, jobs, real_dcm):
    from app.ecg.filters import FilterSpec

    v = _viewer(qtbot, jobs, [(None, real_dcm)])
    qtbot.waitUntil(lambda: v.analysis is not None, timeout=60_000)
    count = len(v.plot.getPlotItem().items)
    cache = v.page_cache
    traces, grid, layer = list(v.trace_items), cache.grid, cache.layer
    for item in (grid, layer):
        assert item.scene() is v.plot.scene()
    v.plot.grab()
    kept = dict(layer._paths[0][0].cache)  # the traces' paths at this zoom (decimated)
    v.plot.grab()  # a repaint of the unchanged page strokes the same paths, not new ones
    now = layer._paths[0][0].cache
    assert len(kept) == 13 and all(now[k] is kept[k] for k in kept) and len(now) == 13
    v.redraw()  # nothing changed: the same items stay, nothing is added twice
    assert v.trace_items == traces and cache.grid is grid and cache.layer is layer
    assert len(v.plot.getPlotItem().items) == count
    before = np.array(v.trace_items[0].yData)
    with qtbot.waitSignal(v.filtered, timeout=60_000):
        v.set_filters(FilterSpec(True, 50.0, 40.0))  # new signal: traces redrawn, grid kept
    assert cache.layer is not layer and layer.scene() is None and cache.grid is grid
    assert not np.allclose(v.trace_items[0].yData, before)
    v.speed_box.setCurrentIndex(paper.SPEEDS.index(50.0))  # wider paper: grid redrawn too
    assert cache.grid is not grid and grid.scene() is None
    assert len(v.trace_items) == 13 and len(v.plot.getPlotItem().items) == count


def test_page_paints_traces_and_labels(qtbot, jobs, real_dcm):
    """The trace layer really paints: dark trace pixels in every lead's cell."""
    v = _viewer(qtbot, jobs, [(None, real_dcm)])
    qtbot.waitUntil(lambda: v.analysis is not None, timeout=60_000)
    v.ai_box.setChecked(False)  # traces and grid only
    img = v.plot.grab().toImage()
    vb = v.view
    dark = 0
    for cell in v.paper_layout.cells[:12]:
        x_mm = cell.x_mm + 0.4 * (cell.t1 - cell.t0) * v.speed
        pt = vb.mapViewToScene(pg_point(x_mm, cell.y_mm))
        pos = v.plot.mapFromScene(pt)
        column = [img.pixelColor(pos.x(), y).lightness() for y in range(0, img.height())]
        dark += min(column) < 80
    assert dark >= 6  # cells inside the visible part of the page show a dark trace


def pg_point(x, y):
    from PySide6.QtCore import QPointF

    return QPointF(x, y)
