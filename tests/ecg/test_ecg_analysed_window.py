"""The viewer opens a record longer than 10 s at the 10 s the AI analysed (as the printed
report prints it), marks it, lines the AI overlays up with those beats, and lets the
doctor move away and back.  Real records: MIMIC ``wfdb/mixedsignals`` (230.5 s, long
view; the first seconds are the reader's zero-filled gap), multi-segment ``wfdb/041s``
(16 s, one row per lead); the 12-lead page on a GE MUSE record lengthened (see there)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pyqtgraph")

DATA = Path(__file__).resolve().parents[1] / "data" / "ecg"
WFDB = DATA / "wfdb"
MUSE = DATA / "muse" / "braveheart" / "example1.xml"


def _viewer(qtbot, jobs, files):
    from app.domain import Modality
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    ctx = ViewerContext(None, 1, Modality.ECG, files, jobs, extra={"px_per_mm": 4.0})
    v = EcgViewer(ctx)
    qtbot.addWidget(v)
    v.resize(1200, 700)
    v.show()
    return v


def _view_s(v) -> tuple[float, float]:
    """The record seconds at the left and right edges of a one-column view."""
    (x0, x1), _ = v.view.viewRange()
    cell = v.paper_layout.cells[0]
    return ((x0 - cell.x_mm) / v.speed + cell.t0, (x1 - cell.x_mm) / v.speed + cell.t0)


def _band(v):
    from PySide6.QtWidgets import QGraphicsRectItem

    from viewers.ecg.analysed_window import BAND

    return [
        i
        for i in v._overlay_items
        if isinstance(i, QGraphicsRectItem) and i.brush().color().getRgb() == BAND
    ]


def _qrs_x(v) -> list[float]:
    """x (paper mm) of the QRS shading the overlays drew in the first row."""
    from PySide6.QtWidgets import QGraphicsRectItem

    from viewers.ecg.overlays import WAVE_COLOURS

    qrs = WAVE_COLOURS["QRS"]
    cell = v.paper_layout.cells[0]
    return [
        i.rect().x()
        for i in v._overlay_items
        if isinstance(i, QGraphicsRectItem)
        and i.brush().color().getRgb() == qrs
        and abs(i.rect().center().y() - cell.y_mm) < 1e-6
    ]


def test_long_record_opens_at_the_analysed_window(qtbot, jobs):
    v = _viewer(qtbot, jobs, [(None, WFDB / "mixedsignals.hea")])
    qtbot.waitUntil(lambda: v.analysis is not None, timeout=60000)
    assert v.long is not None and v.analysis.window["start_s"] == pytest.approx(18.0)
    qtbot.waitUntil(lambda: 17.0 < _view_s(v)[0] < 18.0, timeout=60_000)
    band = _band(v)
    assert len(band) == 1
    cell = v.paper_layout.cells[0]
    assert band[0].rect().x() == pytest.approx(v.paper_layout.x_of(cell, 18.0, v.speed))
    assert band[0].rect().width() == pytest.approx(10.0 * v.speed)
    captions = [i.toPlainText() for i in v._overlay_items if hasattr(i, "toPlainText")]
    assert "AI analysed 18.0–28.0 s of 230.5 s" in captions
    # the overlays sit on the analysed beats, inside the band, where the view opened
    xs = _qrs_x(v)
    assert xs and all(band[0].rect().left() - 1 <= x <= band[0].rect().right() for x in xs)
    # the doctor moves away and comes back
    assert v.page_bar.window_btn.isVisible() and not v.page_bar.start.isVisible()
    v.view.setXRange(0, 200, padding=0)
    qtbot.waitUntil(lambda: _view_s(v)[0] < 1.0, timeout=60_000)
    v.page_bar.window_btn.click()
    qtbot.waitUntil(lambda: 17.0 < _view_s(v)[0] < 18.0, timeout=60_000)


def test_one_row_per_lead_record_opens_at_its_window(qtbot, jobs):
    v = _viewer(qtbot, jobs, [(None, WFDB / "041s" / "041s.hea")])
    qtbot.waitUntil(lambda: v.analysis is not None, timeout=60000)
    assert v.long is None and v.analysis.window["start_s"] == pytest.approx(6.0)
    # the record's end is at the right edge: the whole window in view, little before it
    qtbot.waitUntil(lambda: 3.0 < _view_s(v)[0] < 6.0 and _view_s(v)[1] >= 15.9, timeout=60_000)
    assert len(_band(v)) == 1 and not v.page_bar.start.isVisible()
    v.ai_box.setChecked(False)  # the band is AI output: it goes with the overlays
    assert _band(v) == []


def test_zh_cn_band_caption_and_page_bar(qtbot, jobs):
    from ui import i18n

    v = _viewer(qtbot, jobs, [(None, WFDB / "041s" / "041s.hea")])
    qtbot.waitUntil(lambda: v.analysis is not None, timeout=60000)
    try:
        i18n.install("zh_CN")
        qtbot.waitUntil(lambda: v.page_bar.window_btn.text() == "AI 分析的 10 秒", timeout=60_000)
        v.redraw()
        captions = [i.toPlainText() for i in v._overlay_items if hasattr(i, "toPlainText")]
        assert "AI 分析：16.0 秒记录中的第 6.0–16.0 秒" in captions
    finally:
        i18n.install("en")


def _lengthened_muse():
    """A real 12-lead (GE MUSE, braveheart example1, 10 s) made 20 s long: its own
    10 s with strong noise added first (SYNTHETIC noise), then the record as recorded,
    so the cleanest 10 s are 10-20 s."""
    from app.ecg.readers import read_ecg

    sig = read_ecg(MUSE)
    rng = np.random.default_rng(7)
    noisy = sig.data + rng.normal(0, 0.3, sig.data.shape)
    return dataclasses.replace(sig, data=np.concatenate([noisy, sig.data], axis=1))


def test_twelve_lead_page_is_the_analysed_10_s(qtbot, jobs):
    from viewers.ecg import paper

    v = _viewer(qtbot, jobs, [])  # the record is handed over below, as the reader would
    sig = _lengthened_muse()
    v._show((sig, None))
    qtbot.waitUntil(lambda: v.analysis is not None, timeout=60000)
    assert v.analysis.window["start_s"] == pytest.approx(10.0)
    qtbot.waitUntil(lambda: v.paper_layout.cells[0].t0 == pytest.approx(10.0), timeout=60_000)
    p = v.paper_layout
    assert p.width_mm == pytest.approx(paper.MARGIN_MM + 250 + 5)  # a 10 s page, as printed
    v4 = next(c for c in p.cells if c.lead == "V4")
    assert (v4.t0, v4.t1) == pytest.approx((17.5, 20.0))
    assert p.cells[-1].lead == "II" and (p.cells[-1].t0, p.cells[-1].t1) == (10.0, 20.0)
    assert v.page_bar.start.isVisible() and v.page_bar.start.value() == pytest.approx(10.0)
    assert _band(v) == []  # the page is the window: nothing to mark
    # the QRS shading of lead I sits on lead I's own R peaks on the page
    i_cell = p.cells[0]
    lead_i = sig.lead("I")
    for x in _qrs_x(v):
        t = i_cell.t0 + (x - i_cell.x_mm) / v.speed
        k0 = int(t * sig.fs)
        seg = np.abs(lead_i[k0 : k0 + int(0.12 * sig.fs)] - np.median(lead_i))
        assert seg.max() > 0.3  # a QRS complex starts there
    # the doctor pages back to the noisy start, then returns
    v.page_bar.start.setValue(0.0)
    qtbot.waitUntil(lambda: v.paper_layout.cells[0].t0 == 0.0, timeout=60_000)
    assert _qrs_x(v) == []  # no measured beats on that page
    v.page_bar.window_btn.click()
    qtbot.waitUntil(lambda: v.paper_layout.cells[0].t0 == pytest.approx(10.0), timeout=60_000)


def test_a_server_pre_read_of_the_last_seconds_lines_up_with_the_record(qtbot, jobs):
    """The regional server pre-reads a long recording's last 30 s (its times count from
    that cut): the specialist's viewer puts them in record time (real mixedsignals)."""
    from app.ecg.readers import read_ecg
    from inference.ecg import analyze
    from server.preread import analysis_window

    whole = read_ecg(WFDB / "mixedsignals.hea")
    served = analyze(analysis_window(whole, 30.0))
    cut = (whole.n_samples - int(round(30.0 * whole.fs))) / whole.fs
    v = _viewer(qtbot, jobs, [(None, WFDB / "mixedsignals.hea")])
    qtbot.waitUntil(lambda: v.analysis is not None, timeout=60000)
    v._show_ai((served, None))  # as a stored server result is shown
    start = cut + served.window["start_s"]
    assert v.analysis.window["start_s"] == pytest.approx(start)
    assert v.analysis.beats[0].qrs_on == served.beats[0].qrs_on + round(cut * served.fs)
    qtbot.waitUntil(lambda: start - 3.0 < _view_s(v)[0] <= start, timeout=60_000)
    band = _band(v)
    assert len(band) == 1
    cell = v.paper_layout.cells[0]
    assert band[0].rect().x() == pytest.approx(v.paper_layout.x_of(cell, start, v.speed))
    # the QRS shading sits on the record's QRS complexes there (lead II's peaks)
    lead = whole.lead(cell.lead)
    for x in _qrs_x(v)[:8]:
        k = int((cell.t0 + (x - cell.x_mm) / v.speed) * whole.fs)
        seg = lead[k : k + int(0.12 * whole.fs)]
        assert np.ptp(seg) > 0.5 * np.ptp(lead[k - int(0.5 * whole.fs) : k + int(0.5 * whole.fs)])
    # and the printed strip is that part of the record, captioned in record time
    from viewers.ecg.pdf_report import _analysed_part

    part, caption = _analysed_part(whole, v.analysis.summary())
    k = int(round(start * whole.fs))
    assert np.array_equal(part.data[:, :100], whole.data[:, k : k + 100])
    assert f"{start:.1f}–{start + 10:.1f} s of 230.5 s" in caption


def test_one_lead_enlarged_opens_where_the_page_is(qtbot, jobs):
    v = _viewer(qtbot, jobs, [])
    v._show((_lengthened_muse(), None))
    qtbot.waitUntil(lambda: v.analysis is not None, timeout=60000)
    qtbot.waitUntil(lambda: v.paper_layout.cells[0].t0 == pytest.approx(10.0), timeout=60_000)
    v.focus("V2")  # the analysed 10 s of V2, marked, in the enlarged lead
    assert [c.lead for c in v.paper_layout.cells] == ["V2"]
    qtbot.waitUntil(lambda: 3.0 < _view_s(v)[0] <= 10.0 and _view_s(v)[1] >= 19.9, timeout=60_000)
    assert len(_band(v)) == 1
    v.focus(None)
    v.page_bar.start.setValue(2.5)
    qtbot.waitUntil(lambda: v.paper_layout.cells[0].t0 == pytest.approx(2.5), timeout=60_000)
    v.focus("V2")
    qtbot.waitUntil(lambda: _view_s(v)[0] <= 2.5 and _view_s(v)[1] >= 12.5, timeout=60_000)


def test_switching_layout_keeps_the_analysed_window_in_view(qtbot, jobs):
    from viewers.ecg import paper

    v = _viewer(qtbot, jobs, [])
    v._show((_lengthened_muse(), None))
    qtbot.waitUntil(lambda: v.analysis is not None, timeout=60000)
    qtbot.waitUntil(lambda: v.paper_layout.cells[0].t0 == pytest.approx(10.0), timeout=60_000)
    v.layout_box.setCurrentIndex(paper.LAYOUTS.index("12x1"))  # one row per lead, 20 s
    assert v.paper_layout.cells[0].t0 == 0.0 and not v.page_bar.start.isVisible()
    qtbot.waitUntil(lambda: 3.0 < _view_s(v)[0] <= 10.0 and _view_s(v)[1] >= 19.9, timeout=60_000)
    assert len(_band(v)) == 1
    v.layout_box.setCurrentIndex(paper.LAYOUTS.index("3x4+II"))
    assert v.paper_layout.cells[0].t0 == pytest.approx(10.0) and v.page_bar.start.isVisible()
    (x0, _x1), _ = v.view.viewRange()
    assert x0 == pytest.approx(0.0)
