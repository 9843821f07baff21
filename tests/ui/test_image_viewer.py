"""The 2D image viewer shows what the case's reader opens: a JPEG fundus photo
(never decoded by pydicom) and a DICOM series, scrolled slice by slice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.domain import Modality
from app.importer import run_import
from tests.samples import ct_series
from viewers.registry import ViewerContext


def _viewer(qtbot, jobs, store, pk, modality):
    from viewers.dicom.qt_image_viewer import ImageViewer

    v = ImageViewer(ViewerContext(store, pk, modality, store.object_paths(pk), jobs))
    qtbot.addWidget(v)
    v.resize(800, 600)
    return v


def test_jpeg_fundus_photo_is_displayed(qtbot, jobs, store, tmp_path):
    import skimage

    photo = tmp_path / "visit_OD.jpg"
    photo.write_bytes((Path(skimage.__file__).parent / "data" / "retina.jpg").read_bytes())
    (entry,) = run_import(store, [photo]).entries
    v = _viewer(qtbot, jobs, store, entry.study_pk, Modality.OP)
    qtbot.waitUntil(lambda: v.image is not None, timeout=60_000)
    assert v.image.rgb and v.image.pixels.shape == (1411, 1411, 3)
    assert not v.view.item.pixmap().isNull()
    assert v.tr("Right eye (OD)") in v.status.text()
    assert not v.a_slider.isVisible()


def test_dicom_series_scrolls_through_its_slices(qtbot, jobs, store, tmp_path):
    run_import(store, ct_series(tmp_path / "ct"))
    (row,) = store.worklist_rows()
    v = _viewer(qtbot, jobs, store, row.study_pk, Modality.CT)
    v.show()
    qtbot.waitUntil(lambda: v.image is not None, timeout=60_000)
    assert len(v.source) == 2 and v.index == 1  # the middle slice first
    first = v.view.item.pixmap().toImage()
    v.view.setFocus()
    qtbot.keyClick(v.view, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: v.index == 0, timeout=60_000)
    assert v.view.item.pixmap().toImage() != first
    assert "1" in v.status.text() and "2" in v.status.text()
    v.slider.setValue(1)
    qtbot.waitUntil(lambda: v.index == 1, timeout=60_000)
