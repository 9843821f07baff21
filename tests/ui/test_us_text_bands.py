"""An ultrasound image carries its own burned-in text (pydicom-data's real US1_UNCR.dcm:
"BAPTIST MED CTR", probe, MI/TIS): fitted, it leaves bands above and below it for our
corner text, which is then not drawn over the image's own."""

from __future__ import annotations

import pytest

from app.domain import Modality
from app.importer import run_import
from viewers.registry import ViewerContext


def _fitted(qtbot, jobs, store, path, modality):
    from viewers.dicom.qt_image_viewer import ImageViewer

    (entry,) = run_import(store, [path]).entries
    v = ImageViewer(ViewerContext(store, entry.study_pk, modality, store.object_paths(entry.study_pk), jobs))  # fmt: skip
    qtbot.addWidget(v)
    v.resize(1000, 700)
    v.show()
    qtbot.waitUntil(lambda: v.image is not None, timeout=60_000)
    v.view.fit()
    return v.view


def _image_box(view):
    return view.mapFromScene(view.item.sceneBoundingRect()).boundingRect()


def test_ultrasound_leaves_room_for_the_corner_text(qtbot, jobs, store, tmp_path):
    pydicom_data = pytest.importorskip("pydicom.data")
    view = _fitted(qtbot, jobs, store, pydicom_data.get_testdata_file("US1_UNCR.dcm"), Modality.US)
    assert view.text_off_image
    corners = view.overlay.corners
    top = max(len(corners.get("top-left", [])), len(corners.get("top-right", [])))
    assert top >= 2  # patient and study lines are shown
    box, lh = _image_box(view), view.fontMetrics().height()
    assert box.top() >= 6 + top * lh  # the top corner text lies above the image
    bottom = max(len(corners.get("bottom-left", [])), len(corners.get("bottom-right", [])))
    assert view.viewport().height() - box.bottom() >= 6 + bottom * lh


def test_a_ct_slice_still_fills_the_pane(qtbot, jobs, store, tmp_path):
    from tests.samples import ct_series

    files = ct_series(tmp_path / "ct")
    view = _fitted(qtbot, jobs, store, files[0], Modality.CT)
    assert not view.text_off_image and view.text_band() == 0
    box = _image_box(view)
    assert min(box.top(), view.viewport().height() - box.bottom()) <= 2  # fitted edge to edge
