"""The 2D viewer shows a series' middle file at once (``preview_image``) and the whole
series when its headers are read, with progress and Cancel (real head CT, 108 files)."""

from __future__ import annotations

import threading

import numpy as np
import pydicom

from app.domain import Modality
from app.imaging import series as series_mod
from app.imaging.volume import preview_image
from viewers.registry import ViewerContext


def _gate(monkeypatch):
    """Hold the header pass until the test lets it go (the pass itself is the real one)."""
    go = threading.Event()
    real = series_mod.series_info

    def held(files, state=None):
        go.wait(300)  # set by the test (finally): a bound only
        return real(files, state)

    monkeypatch.setattr(series_mod, "series_info", held)
    return go


def _viewer(qtbot, jobs, files):
    from viewers.dicom.qt_image_viewer import ImageViewer

    v = ImageViewer(ViewerContext(None, 0, Modality.CT, [(None, p) for p in files], jobs))
    qtbot.addWidget(v)
    v.show()
    return v


def test_preview_image_is_the_middle_file(head_ct_files):
    img, path, frame = preview_image(head_ct_files)
    assert path == head_ct_files[len(head_ct_files) // 2] and frame is None
    ds = pydicom.dcmread(path)
    hu = ds.pixel_array * float(ds.RescaleSlope) + float(ds.RescaleIntercept)
    assert np.allclose(img.pixels, hu)
    assert img.info["spacing"] == [float(v) for v in ds.PixelSpacing]
    assert not img.rgb and img.window[1] > 0


def test_first_image_before_the_headers_then_the_series(qtbot, jobs, head_ct_files, monkeypatch):
    go = _gate(monkeypatch)
    v = _viewer(qtbot, jobs, head_ct_files)
    try:
        qtbot.waitUntil(lambda: v.pane.image is not None, timeout=60_000)
        assert v.image is None  # the series is not open yet
        assert v.pane.source is None  # the headers are still being read
        mid = head_ct_files[len(head_ct_files) // 2]
        assert v.pane.header.sop_uid == str(pydicom.dcmread(mid).SOPInstanceUID)
        qtbot.waitUntil(lambda: v.loading.isVisible(), timeout=60_000)
        v.pane.show_frame(5)  # scrolled while the headers are read: shown when they are
        v._drawn(v.pane, "length", [(10.0, 10.0), (60.0, 10.0)])
        assert not v.marks.on_frame(0) and "series is read" in v.status.text()
    finally:
        go.set()
    qtbot.waitUntil(lambda: v.pane.source is not None, timeout=60_000)
    assert len(v.pane) == len(head_ct_files)
    qtbot.waitUntil(lambda: v.pane.index == 5, timeout=60_000)
    qtbot.waitUntil(lambda: not v.loading.isVisible(), timeout=60_000)
    assert v.slider.maximum() == len(head_ct_files) - 1


def test_cancel_keeps_the_first_image(qtbot, jobs, head_ct_files, monkeypatch):
    go = _gate(monkeypatch)
    v = _viewer(qtbot, jobs, head_ct_files)
    try:
        qtbot.waitUntil(lambda: v.pane.image is not None and v.loading.isVisible(), timeout=60_000)
        v.loading.cancel.click()
    finally:
        go.set()
    qtbot.waitUntil(lambda: not v.loading.isVisible(), timeout=60_000)
    qtbot.waitUntil(lambda: "stopped" in v.status.text(), timeout=60_000)
    assert v.pane.source is None and v.pane.image is not None
