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
    qtbot.waitUntil(lambda: v.image is not None and v.a_mpr.isEnabled(), timeout=60_000)
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
    assert v.status.isHidden()  # the 2D pane's slice and window line: not under the planes
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
    assert v.stack.currentWidget() is v.grid_host and not v.status.isHidden()
    v.close()


def test_oblique_mpr_by_rotating_the_crosshair(mpr_viewer, qtbot):
    """Rotate tool: a drag around the crosshair in the axial plane turns the coronal and
    sagittal planes about the axial normal; a click on the turned plane moves the linked
    point onto it; 'Straighten planes' gives the usual planes back."""
    import math

    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest

    v = mpr_viewer
    grid = v.mpr
    before = {k: view.item.pixmap().toImage() for k, view in grid.views.items()}
    v.tool_box.setCurrentIndex(v.tool_box.findData("rotate"))
    axial = grid.views["axial"]
    assert axial.tool == "rotate"
    c, r = grid.frame.geometry("axial").to_pixel(grid.frame.point)

    def screen(col, row):
        return axial.mapFromScene(axial.item.mapToScene(QPointF(col + 0.5, row + 0.5)))

    port = axial.viewport()
    QTest.mousePress(port, Qt.MouseButton.LeftButton, pos=screen(c + 40, r))
    a = math.radians(30)
    QTest.mouseMove(port, screen(c + 40 * math.cos(a), r + 40 * math.sin(a)))
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, pos=screen(c + 40, r + 23))
    qtbot.waitUntil(lambda: grid.frame.oblique("coronal"), timeout=60_000)
    n = grid.frame.normals["coronal"]
    assert math.degrees(math.acos(abs(n[1]))) == pytest.approx(30, abs=2)
    assert grid.frame.oblique("sagittal") and not grid.frame.oblique("axial")
    assert axial.item.pixmap().toImage() == before["axial"]  # the plane dragged in stays
    coronal = grid.views["coronal"]
    assert coronal.item.pixmap().toImage() != before["coronal"]
    assert "Oblique" in coronal.overlay.corners["top-left"]
    # while dragging, turned planes are sampled at the nearest voxel; then they settle
    qtbot.waitUntil(lambda: not grid.moving, timeout=60_000)
    from app.imaging import oblique

    g, shown_values = grid.shown["coronal"][:2]
    np.testing.assert_array_equal(shown_values, oblique.reslice(grid.volume, g, fill=grid._fill))
    # a click on the turned coronal plane moves the point there (it stays on that plane)
    g = grid.shown["coronal"][0]
    col, row = g.to_pixel(grid.frame.point)
    coronal.drawn.emit("crosshair", [[col + 10.0, row - 20.0]])
    np.testing.assert_allclose(grid.frame.point, g.to_mm(col + 10.0, row - 20.0), atol=1e-6)
    # a measurement on the turned plane is kept with that plane only
    coronal.drawn.emit("length", [[col, row], [col + 30.0, row]])
    pixel = float(np.linalg.norm(g.col))
    assert grid.marks.items[-1].values["length"] == pytest.approx(30 * pixel, rel=1e-6)
    assert (
        ":mpr:" not in grid.marks.items[-1].sop_uid and "coronal:" in grid.marks.items[-1].sop_uid
    )
    v.a_reset_rotation.trigger()
    assert not grid.frame.rotated
    assert grid.views["coronal"].overlay.measurements == []
    sizes = {
        k: (view.item.pixmap().height(), view.item.pixmap().width())
        for k, view in grid.views.items()
    }
    nz, ny, nx = grid.volume.array.shape
    assert sizes == {"axial": (ny, nx), "coronal": (nz, nx), "sagittal": (nz, ny)}
