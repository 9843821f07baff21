"""MPR on the real head CT (InVesalius example written as a DICOM series): three
planes from one volume, the crosshair links them, slabs project, measurements
on a reformatted plane use that plane's spacing, markers say where the head is."""

from __future__ import annotations

import numpy as np
import pytest

from app.domain import Modality
from viewers.dicom import geometry
from viewers.registry import ViewerContext


@pytest.fixture
def mpr_viewer(qtbot, jobs, head_ct_files):
    from viewers.volume.volume_viewer import VolumeViewer

    ctx = ViewerContext(None, 0, Modality.CT, [(None, p) for p in head_ct_files], jobs)
    v = VolumeViewer(ctx, head_ct_files, with_3d=False)
    qtbot.addWidget(v)
    v.resize(1000, 800)
    v.show()
    with qtbot.waitSignal(v.loaded, timeout=120000):
        pass
    return v


def test_three_planes_crosshair_and_slab(mpr_viewer):
    v = mpr_viewer
    grid = v.mpr
    vol = grid.volume
    nz, ny, nx = vol.array.shape
    assert bool(vol.loaded.all())
    sizes = {
        k: (view.item.pixmap().height(), view.item.pixmap().width())
        for k, view in grid.views.items()
    }
    assert sizes == {"axial": (ny, nx), "coronal": (nz, nx), "sagittal": (nz, ny)}
    grid.views["axial"].drawn.emit("crosshair", [[60.0, 100.0]])  # click on the axial plane
    assert grid.point[1:] == (100, 60)
    from viewers.volume import planes

    assert planes.to_plane(vol, "coronal", grid.point)[2] == 100  # the coronal plane moved there
    assert planes.to_plane(vol, "sagittal", grid.point)[2] == 60
    single = grid.views["axial"].item.pixmap().toImage()
    v.slab.setValue(15)  # MIP over 15 slices is brighter than one slice
    thick = grid.views["axial"].item.pixmap().toImage()

    def mean(img):
        ptr = img.convertToFormat(img.Format.Format_Grayscale8)
        arr = np.frombuffer(ptr.constBits(), np.uint8, ptr.sizeInBytes()).reshape(ptr.height(), -1)
        return float(arr[:, : ptr.width()].mean())

    assert mean(thick) > mean(single)
    assert any("15" in line for line in grid.views["axial"].overlay.corners["top-left"])


def test_measurement_on_coronal_plane_uses_slice_spacing(mpr_viewer):
    grid = mpr_viewer.mpr
    vol = grid.volume
    sz, _sy, sx = vol.spacing
    grid.views["coronal"].drawn.emit("length", [[100.0, 20.0], [100.0, 80.0]])
    (m,) = grid.marks.items
    assert m.values["length"] == pytest.approx(60 * sz, rel=1e-6)
    grid.views["coronal"].drawn.emit("ellipse", [[90.0, 40.0], [150.0, 70.0]])
    roi = grid.marks.items[1]
    assert roi.values["area"] > 0 and -1100 < roi.values["mean"] < 3100  # HU
    ov = grid.views["coronal"].overlay
    letters = geometry.screen_letters(ov.orientation, *grid.views["coronal"].screen_axes())
    assert letters["top"] == "H" and letters["bottom"] == "F"
    assert (
        geometry.screen_letters(grid.views["axial"].overlay.orientation, (1, 0), (0, 1))["top"]
        == "A"
    )
    mpr_viewer.mpr.undo()
    assert len(grid.marks.items) == 1 and sx > 0


def test_mpr_with_3d_panel_offscreen(qtbot, jobs, head_ct_files):
    """Offscreen Qt (screenshots, headless): the 3D panel is rendered offscreen and shown."""
    from viewers.volume.volume_viewer import VolumeViewer

    ctx = ViewerContext(None, 0, Modality.CT, [(None, p) for p in head_ct_files], jobs)
    v = VolumeViewer(ctx, head_ct_files)
    qtbot.addWidget(v)
    v.resize(800, 700)
    v.show()
    with qtbot.waitSignal(v.rendered3d, timeout=180000):
        pass
    bone = v.render3d.grab_array()
    assert bone is not None and bone.std() > 5
    assert not v.render3d.label.pixmap().isNull()
    v.shutdown()


def test_case_viewer_switches_a_ct_series_to_mpr(qtbot, jobs, store, head_ct_files, tmp_path):
    from app.importer import run_import
    from viewers.dicom.qt_image_viewer import ImageViewer

    run_import(store, head_ct_files)
    (row,) = store.worklist_rows()
    ctx = ViewerContext(store, row.study_pk, Modality.CT, store.object_paths(row.study_pk), jobs)
    v = ImageViewer(ctx)
    qtbot.addWidget(v)
    v.resize(1200, 760)
    v.show()
    qtbot.waitUntil(lambda: v.image is not None and v.a_mpr.isEnabled(), timeout=30000)
    assert len(v.source) == len(head_ct_files)
    # the series loads into one volume behind the pane: then slices show without decoding
    qtbot.waitUntil(lambda: v.pane.backing is not None and v.pane.backing.complete, timeout=120000)
    v.show_frame(3)
    assert v.index == 3  # at once: taken from the volume, no worker round trip
    path, k = v.pane.source.frames[3]
    expected = v.pane.backing.volume.array[v.pane.backing.zmap[(path, k)]]
    assert np.array_equal(v.image.pixels, expected.astype(np.float32))
    v.a_mpr.trigger()
    vv = v.volume_viewer
    assert vv is not None and v.stack.currentWidget() is vv
    qtbot.waitUntil(lambda: vv.mpr.complete, timeout=120000)
    assert vv.mpr.volume is v.pane.backing.volume  # MPR reuses it
    from PySide6.QtGui import QImage

    assert v.export_png(str(tmp_path / "mpr.png"))  # the whole MPR grid
    assert QImage(str(tmp_path / "mpr.png")).width() >= vv.mpr.width() - 1
    assert vv.mpr.volume.array.shape[0] == len(head_ct_files)
    vv.mpr.views["coronal"].drawn.emit("length", [[100.0, 20.0], [100.0, 80.0]])
    assert [m.kind for m in v.marks.items] == ["length"]  # the case's measurements: saved
    from viewers.dicom.measurements import MeasurementSet

    assert len(MeasurementSet(v.marks.path).items) == 1
    assert not v.view.overlay.measurements  # not drawn on the 2D slices
    v.a_mpr.trigger()
    assert v.stack.currentWidget() is v.grid_host
    v.close()
