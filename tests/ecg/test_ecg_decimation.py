"""The 12-lead page strokes each trace through its per-pixel-column min/max samples
(viewers/ecg/decimate.py, page_layer.TracePath): every QRS peak and pacer spike is
still drawn, the picture matches the full trace's, zooming in brings every sample
back, and a gain change reuses the signal's picks (the page cache keeps working)."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pyqtgraph")

from viewers.ecg.decimate import block_for, extreme_indices  # noqa: E402


@pytest.fixture(scope="module")
def real_signal(real_dcm_path):
    from app.ecg.readers import read_ecg

    return read_ecg(real_dcm_path)


@pytest.fixture(scope="module")
def real_dcm_path():
    from app.demo.build import sample_path

    return sample_path("waveform_ecg.dcm")  # pydicom's real 12-lead record, 1000 Hz


def test_block_follows_the_zoom():
    assert block_for(0.5) == block_for(1.9) == 1  # zoomed in: every sample
    assert block_for(10.0) == 10 and block_for(9.9999999) == 10
    assert block_for(float("nan")) == 1


def test_every_block_keeps_its_extremes_on_the_real_record(real_signal):
    for lead in real_signal.leads:
        y = real_signal.lead(lead)
        for block in (3, 10, 37):
            keep = extreme_indices(y, block)
            assert np.all(np.diff(keep) > 0) and keep[0] == 0 and keep[-1] == y.size - 1
            assert keep.size <= 2 * (y.size // block) + 4
            m = y.size // block
            blocks = y[: m * block].reshape(m, block)
            kept = np.zeros(y.size, bool)
            kept[keep] = True
            kb = kept[: m * block].reshape(m, block)
            # the kept samples of each block hold the block's max and min exactly
            assert np.array_equal(np.where(kb, blocks, -np.inf).max(axis=1), blocks.max(axis=1))
            assert np.array_equal(np.where(kb, blocks, np.inf).min(axis=1), blocks.min(axis=1))


def test_no_qrs_peak_or_pacer_spike_is_lost(real_signal):
    """Every R peak of the real record survives; so does a one-sample pacer spike
    (SYNTHETIC: 2 mV added at one sample before each of three beats of lead II)."""
    from inference.ecg import analyze

    beats = analyze(real_signal).beats
    assert len(beats) >= 8
    for lead in real_signal.leads:
        y = real_signal.lead(lead).astype(float).copy()
        spikes = np.array([b.qrs_on for b in beats[:3]]) - 70  # 70 ms before the QRS
        if lead == "II":
            y[spikes] += 2.0
        for block in (10, 40):  # 4 px/mm and a zoomed-out page at 1 px/mm
            keep = extreme_indices(y, block)
            assert lead != "II" or set(spikes.tolist()) <= set(keep.tolist())
            for b in beats:  # each QRS's full height and depth is drawn in its pixel columns
                w = y[b.qrs_on : b.qrs_off + 1]
                near = keep[(keep >= b.qrs_on - block) & (keep <= b.qrs_off + block)]
                assert y[near].max() >= w.max() and y[near].min() <= w.min()


def _render(draw, px_per_mm, rect, size):
    from PySide6.QtGui import QImage, QPainter, QPen, QTransform

    img = QImage(size[0], size[1], QImage.Format.Format_Grayscale8)
    img.fill(255)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)  # as the viewer draws traces
    p.setTransform(QTransform.fromScale(px_per_mm, -px_per_mm) * QTransform.fromTranslate(
        -rect.left() * px_per_mm, rect.bottom() * px_per_mm))  # fmt: skip
    pen = QPen()
    pen.setCosmetic(True)
    pen.setWidthF(1.0)
    p.setPen(pen)
    draw(p)
    p.end()
    buf = np.frombuffer(img.constBits(), np.uint8).reshape(size[1], img.bytesPerLine())
    return buf[:, : size[0]].copy()  # grey levels, 255 = paper


def test_decimated_page_draws_the_same_ink_as_the_full_trace(qapp, real_signal):
    """Rendered at 4 px/mm (10 samples per pixel column), the decimated traces put
    their ink within a pixel of the ink of every sample drawn as one page-mm path."""
    from PySide6.QtCore import QRectF

    from viewers.ecg import paper
    from viewers.ecg.page_layer import TracePath, path_of

    p = paper.layout("3x4+II", "standard", list(real_signal.leads), 10.0, 25.0, 10.0)
    fs = real_signal.fs
    runs, xs, ys = [], [], []
    for c in p.cells:
        i0, i1 = int(c.t0 * fs), int(c.t1 * fs)
        y = real_signal.lead(c.lead)[i0:i1]
        runs.append((c.x_mm, c.y_mm, y, (c.lead, i0, i1)))
        xs.append(c.x_mm + np.arange(y.size) / fs * 25.0)
        ys.append(c.y_mm + y * 10.0)
    connect = np.concatenate([np.r_[np.ones(x.size - 1, bool), False] for x in xs])
    every = path_of(np.concatenate(xs), np.concatenate(ys), connect)
    tp = TracePath(runs, fs, 25.0, 10.0)
    px = 4.0
    rect = QRectF(0, -p.height_mm - 1, p.width_mm + 1, p.height_mm + 2)
    size = (int(rect.width() * px) + 2, int(rect.height() * px) + 2)
    full = _render(lambda q: q.drawPath(every), px, rect, size)
    dec = _render(lambda q: tp.draw(q, px), px, rect, size)
    assert tp.blocks == [10]
    assert tp.points(tp.block(1000.0))[0].size == connect.size  # zoomed in: every sample
    assert tp.points(10)[0].size < 0.3 * connect.size
    for a, b in ((full, dec), (dec, full)):  # each picture's ink is within 1 px of the other's
        missed = (a < 128) & ~_near(b < 224)
        assert missed.sum() <= 0.001 * (a < 128).sum(), np.argwhere(missed)[:10]


def _near(mask: np.ndarray) -> np.ndarray:
    """``mask`` grown by one pixel in every direction."""
    out = mask.copy()
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            out |= np.roll(np.roll(mask, dy, axis=0), dx, axis=1)
    return out


def test_viewer_page_is_decimated_and_gain_change_reuses_the_picks(qtbot, jobs, real_dcm_path):
    from app.domain import Modality
    from viewers.ecg import paper
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    ctx = ViewerContext(None, 1, Modality.ECG, [(None, real_dcm_path)], jobs,
                        extra={"px_per_mm": 4.0})  # fmt: skip
    v = EcgViewer(ctx)
    qtbot.addWidget(v)
    v.resize(1000, 700)
    v.show()
    qtbot.waitUntil(lambda: v.signal is not None and v.page_cache.layer is not None, timeout=60_000)
    qtbot.waitUntil(lambda: bool(v.page_cache.layer._paths[0][0].blocks), timeout=60_000)
    tp = v.page_cache.layer._paths[0][0]
    (block,) = tp.blocks  # painted once at the viewer's zoom
    assert block > 1 and v.page_cache.picks
    assert sum(t.xData.size for t in v.trace_items) == 40000  # the tools keep every sample
    picks = dict(v.page_cache.picks)
    v.gain_box.setCurrentIndex(paper.GAINS.index(20.0))
    qtbot.waitUntil(lambda: v.page_cache.layer._paths[0][0] is not tp, timeout=60_000)
    v.plot.grab()
    assert v.page_cache.layer._paths[0][0].gain == 20.0
    assert all(v.page_cache.picks[k] is picks[k] for k in picks)  # reused, not recomputed
