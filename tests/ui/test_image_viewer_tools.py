"""The 2D viewer as a radiologist uses it on a real CT (pydicom's enhanced CT split
into classic files): presets by key, length and ROI drawn with the mouse (HU
statistics checked against numpy), undo, measurements kept with the case,
tag search, a 2x2 layout with linked scrolling and PNG export."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from app.domain import Modality
from app.importer import run_import
from tests.samples import ct_series
from viewers.dicom import geometry
from viewers.registry import ViewerContext


@pytest.fixture
def ct_viewer(qtbot, jobs, store, tmp_path):
    from viewers.dicom.qt_image_viewer import ImageViewer

    run_import(store, ct_series(tmp_path / "ct"))
    (row,) = store.worklist_rows()

    def make():
        ctx = ViewerContext(
            store, row.study_pk, Modality.CT, store.object_paths(row.study_pk), jobs
        )
        v = ImageViewer(ctx)
        qtbot.addWidget(v)
        v.resize(1100, 700)
        v.show()
        qtbot.waitUntil(lambda: v.image is not None, timeout=60_000)
        return v

    return make


def _drag(qtbot, view, a, b):
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(vp, b)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=b)


def _screen(view, x, y) -> QPoint:
    """Viewport position of image pixel centre (x, y)."""
    from PySide6.QtCore import QPointF

    return view.mapFromScene(QPointF(x + 0.5, y + 0.5))


def test_presets_by_key_and_markers_from_the_header(qtbot, ct_viewer):
    v = ct_viewer()
    v.view.setFocus()
    qtbot.keyClick(v.view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: (v.pane.width_, v.pane.centre) == (1500, -500), timeout=60_000)
    assert "W 1500  L -500" in v.status.text()
    qtbot.keyClick(v.view, Qt.Key.Key_4)  # bone
    assert (v.pane.width_, v.pane.centre) == (2000, 350)
    names = [p.key for p in v.presets()]
    assert names[:5] == ["lung", "mediastinum", "abdomen", "bone", "brain"] and "header-1" in names
    ov = v.view.overlay
    assert ov.orientation is not None and len(ov.spacing) == 2
    letters = geometry.screen_letters(ov.orientation, *v.view.screen_axes())
    assert letters and all(letters.values())
    before = dict(letters)
    v.a_flip_h.trigger()
    after = geometry.screen_letters(ov.orientation, *v.view.screen_axes())
    assert after["left"] == before["right"] and after["right"] == before["left"]
    assert any("Image 2 of 2" in line or "2" in line for line in ov.corners["bottom-left"])


def test_length_and_roi_drawn_with_the_mouse_are_measured_saved_and_undone(qtbot, ct_viewer):
    v = ct_viewer()
    v.view.fit()
    spacing = v.image.info["spacing"]
    v.set_tool("length")
    _drag(qtbot, v.view, _screen(v.view, 100, 100), _screen(v.view, 200, 100))
    qtbot.waitUntil(lambda: len(v.marks.items) == 1, timeout=60_000)
    m = v.marks.items[0]
    assert m.kind == "length" and m.values["mm"] == 1.0
    assert m.values["length"] == pytest.approx(100 * spacing[1], rel=0.03)
    v.set_tool("ellipse")
    _drag(qtbot, v.view, _screen(v.view, 150, 150), _screen(v.view, 250, 220))
    qtbot.waitUntil(lambda: len(v.marks.items) == 2, timeout=60_000)
    roi = v.marks.items[1]
    mask = geometry.ellipse_mask(v.image.pixels.shape, *roi.points)
    assert roi.values["mean"] == pytest.approx(float(v.image.pixels[mask].mean()), abs=1e-3)
    assert roi.values["area"] == pytest.approx(mask.sum() * spacing[0] * spacing[1])
    assert "HU" in v.view.overlay.label(roi) and len(v.view.overlay.measurements) == 2
    v.undo()
    assert len(v.marks.items) == 1 and len(v.view.overlay.measurements) == 1
    v.close()
    again = ct_viewer()  # the case reopened: the length is still there, on its slice
    assert [m.kind for m in again.marks.items] == ["length"]
    qtbot.waitUntil(lambda: len(again.view.overlay.measurements) == 1, timeout=60_000)


def test_tag_browser_searches_nested_sequences(qtbot, ct_viewer):
    from viewers.dicom.tag_browser import TagBrowser

    v = ct_viewer()
    dlg = TagBrowser.for_pane(v.pane, v)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.tree.topLevelItemCount() > 20, timeout=60_000)
    assert dlg.filter("PatientName") >= 1
    shown = [
        dlg.tree.topLevelItem(i).text(1)
        for i in range(dlg.tree.topLevelItemCount())
        if not dlg.tree.topLevelItem(i).isHidden()
    ]
    assert "PatientName" in shown and "Rows" not in shown
    seqs = [
        dlg.tree.topLevelItem(i)
        for i in range(dlg.tree.topLevelItemCount())
        if dlg.tree.topLevelItem(i).text(2) == "SQ"
    ]
    assert seqs, "the CT header has sequences"
    inner = seqs[0].child(0).child(0).text(1)  # first element of its first item
    assert dlg.filter(inner) >= 1 and not seqs[0].isHidden()
    assert dlg.filter("") == 0 and not dlg.tree.topLevelItem(0).isHidden()


def test_two_by_two_layout_scrolls_linked_and_exports_png(qtbot, ct_viewer, tmp_path):
    v = ct_viewer()
    v.set_layout(2, 2)
    qtbot.waitUntil(lambda: all(p.source is not None for p in v.panes), timeout=60_000)
    assert len(v.visible_panes()) == 4
    v.show_frame(0)
    qtbot.waitUntil(lambda: all(p.index == 0 for p in v.visible_panes()), timeout=60_000)
    v.a_link.setChecked(False)
    v.show_frame(1)
    qtbot.waitUntil(lambda: v.pane.index == 1, timeout=60_000)
    assert [p.index for p in v.visible_panes()[1:]] == [0, 0, 0]
    out = tmp_path / "view.png"
    assert v.export_png(str(out))
    from PySide6.QtGui import QImage

    img = QImage(str(out))
    assert img.width() > 100 and not img.isNull()
    v.set_layout(1, 1)
    assert len(v.visible_panes()) == 1


def test_exports_read_back_sr_kos_and_anonymised_series(qtbot, ct_viewer, tmp_path):
    import highdicom as hd
    import pydicom

    from viewers.dicom import export_actions

    v = ct_viewer()
    v.set_tool("length")
    _drag(qtbot, v.view, _screen(v.view, 100, 100), _screen(v.view, 200, 100))
    v.set_tool("ellipse")
    _drag(qtbot, v.view, _screen(v.view, 150, 150), _screen(v.view, 250, 220))
    qtbot.waitUntil(lambda: len(v.marks.items) == 2, timeout=60_000)
    v.toggle_key_image()
    assert v.key_images == [v.pane.header.sop_uid]
    sr_path, kos_path = tmp_path / "sr.dcm", tmp_path / "kos.dcm"
    export_actions.export_sr(v, str(sr_path))
    qtbot.waitUntil(lambda: sr_path.exists(), timeout=60_000)
    sr = hd.sr.srread(sr_path)
    groups = sr.content.get_planar_roi_measurement_groups()
    assert len(groups) == 2
    (length,) = groups[0].get_measurements()
    assert length.value == pytest.approx(v.marks.items[0].values["length"], rel=1e-6)
    assert length.unit.value == "mm"
    names = {m.name.meaning: m for m in groups[1].get_measurements()}
    assert names["Mean"].value == pytest.approx(v.marks.items[1].values["mean"], rel=1e-6)
    assert names["Mean"].unit.value == "[hnsf'U]" and names["Area"].unit.value == "mm2"
    ref = (
        groups[1].roi.referenced_sop_instance_uid
        if hasattr(groups[1].roi, "referenced_sop_instance_uid")
        else None
    )
    assert ref in (None, v.pane.header.sop_uid)
    export_actions.export_kos(v, str(kos_path))
    qtbot.waitUntil(lambda: kos_path.exists(), timeout=60_000)
    kos = pydicom.dcmread(kos_path)
    assert kos.SOPClassUID == "1.2.840.10008.5.1.4.1.1.88.59"
    refs = [
        r.ReferencedSOPInstanceUID
        for item in kos.ContentSequence
        for r in item.get("ReferencedSOPSequence", [])
    ]
    assert refs == v.key_images
    out = tmp_path / "anon"
    export_actions.export_dicom(v, str(out), anonymise=True)
    qtbot.waitUntil(lambda: len(list(out.glob("*.dcm"))) == 2, timeout=60_000)
    qtbot.waitUntil(lambda: "2" in v.status.text(), timeout=60_000)
    anon = [pydicom.dcmread(p) for p in sorted(out.glob("*.dcm"))]
    originals = [pydicom.dcmread(p, stop_before_pixels=True) for p in v.pane.source.files]
    assert all(a.PatientIdentityRemoved == "YES" for a in anon)
    assert len({a.SeriesInstanceUID for a in anon}) == 1  # remapped consistently
    assert anon[0].SeriesInstanceUID != originals[0].SeriesInstanceUID
    assert anon[0].PatientName != originals[0].PatientName
    assert np.array_equal(anon[0].pixel_array.shape, (512, 512))
    again = ct_viewer()  # the key image was saved with the case
    assert again.key_images == v.key_images


def test_cine_loops_and_thumbnails_open_another_series(qtbot, jobs, store, tmp_path):
    import pydicom
    from pydicom.uid import generate_uid

    from viewers.dicom.qt_image_viewer import ImageViewer

    files = ct_series(tmp_path / "ct")
    second = tmp_path / "ct2"
    second.mkdir()
    series_uid = generate_uid()
    for k, p in enumerate(files):  # the same real slices as a second series of the study
        ds = pydicom.dcmread(p)
        ds.SeriesInstanceUID = series_uid
        ds.SOPInstanceUID = generate_uid()
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.SeriesDescription = "second series (copy)"
        ds.save_as(second / f"S{k}.dcm", enforce_file_format=True)
    run_import(store, [*files, *sorted(second.glob("*.dcm"))])
    (row,) = store.worklist_rows()
    ctx = ViewerContext(store, row.study_pk, Modality.CT, store.object_paths(row.study_pk), jobs)
    v = ImageViewer(ctx)
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.show()
    qtbot.waitUntil(lambda: v.image is not None, timeout=60_000)
    assert v.thumbs.count() == 2 and v.thumbs.isVisible()
    qtbot.waitUntil(lambda: not v.thumbs.item(1).icon().isNull(), timeout=60_000)
    seen = set()
    v.frame_shown.connect(seen.add)
    v.fps.setValue(20)
    v.a_cine.setChecked(True)
    qtbot.waitUntil(lambda: seen == {0, 1}, timeout=60_000)  # loops through both slices
    v.a_cine.setChecked(False)
    first_series = v.pane.source.files
    v.thumbs.chosen.emit(v.thumbs.item(1).data(Qt.ItemDataRole.UserRole))
    qtbot.waitUntil(
        lambda: v.pane.source is not None and v.pane.source.files != first_series, timeout=60_000
    )
    assert all(
        p.parent.name != first_series[0].parent.name or p not in first_series
        for p in v.pane.source.files
    )
    v.set_layout(1, 2)
    qtbot.waitUntil(lambda: all(p.image is not None for p in v.visible_panes()), timeout=60_000)
    assert len(v.visible_panes()) == 2
