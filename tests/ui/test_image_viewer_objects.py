"""SEG masks, an SR TID 1500 measurement and a GSPS (highdicom-written over the real
CT slices) shown over the images they reference; the SR entry jumps to its image;
the GSPS window applies unless the reader keeps their own."""

from __future__ import annotations

import pydicom
from PySide6.QtCore import Qt

from app.domain import Modality
from app.importer import run_import
from tests.imaging import object_samples
from tests.samples import ct_series
from viewers.registry import ViewerContext


def test_seg_sr_gsps_over_the_ct(qtbot, jobs, store, tmp_path):
    from viewers.dicom.qt_image_viewer import ImageViewer

    ct = ct_series(tmp_path / "ct")
    run_import(store, ct)
    (row,) = store.worklist_rows()
    ctx = ViewerContext(store, row.study_pk, Modality.CT, store.object_paths(row.study_pk), jobs)
    v = ImageViewer(ctx)
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.show()
    qtbot.waitUntil(lambda: v.image is not None, timeout=60_000)
    files = object_samples.write_objects(ct, tmp_path / "objects")[:3]  # SEG, SR, GSPS
    v.open_objects([str(p) for p in files])
    qtbot.waitUntil(lambda: len(v.objects.objects) == 3, timeout=60_000)
    assert v.objects.isVisible()
    uids = [str(pydicom.dcmread(p, stop_before_pixels=True).SOPInstanceUID) for p in ct]
    # on ct[1]: SEG mask + GSPS graphics and window
    v.show_sop(uids[1])
    qtbot.waitUntil(lambda: v.pane.header.sop_uid == uids[1], timeout=60_000)
    assert not v.view.mask_item.pixmap().isNull()
    assert (v.pane.centre, v.pane.width_) == (300.0, 1500.0)
    assert any(t == "see here" for _x, _y, t in v.view.overlay.extra_labels)
    qtbot.waitUntil(lambda: v.pane.centre == 300.0, timeout=60_000)
    v.pane.set_window(40, 400)  # the reader's own window survives redraws
    v.objects.changed.emit()
    assert (v.pane.centre, v.pane.width_) == (40.0, 400.0)
    # the SR entry jumps to the slice it was measured on and draws its region
    sr_top = v.objects.tree.topLevelItem(1)
    assert sr_top.text(0).startswith("SR")
    entry = sr_top.child(0)
    assert "Nodule 1" in entry.text(0) and "12.5" in entry.text(0)
    v.objects._clicked(entry, 0)
    qtbot.waitUntil(lambda: v.pane.header.sop_uid == uids[0], timeout=60_000)
    assert any("Nodule 1" in t for _x, _y, t in v.view.overlay.extra_labels)
    assert len(v.view.overlay.extra) >= 1
    # hiding the SEG object removes its mask
    seg_top = v.objects.tree.topLevelItem(0)
    seg_top.setCheckState(0, Qt.CheckState.Unchecked)
    assert v.view.mask_item.pixmap().isNull()
    v.close()


def test_imported_objects_show_with_the_case(qtbot, jobs, store, tmp_path):
    """SEG/SR/GSPS/KOS imported with the study appear in the viewer without a file chooser."""
    from viewers.dicom.qt_image_viewer import ImageViewer

    ct = ct_series(tmp_path / "ct")
    files = object_samples.write_objects(ct, tmp_path / "objects")
    run_import(store, [*ct, *files])
    (row,) = store.worklist_rows()
    ctx = ViewerContext(store, row.study_pk, Modality.CT, store.object_paths(row.study_pk), jobs)
    v = ImageViewer(ctx)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.image is not None and len(v.objects.objects) == 4, timeout=60_000)
    assert sorted(o.kind for o in v.objects.objects) == ["GSPS", "KOS", "SEG", "SR"]
    assert len(v.source) == len(ct)  # the images, not the objects, are in the pane
    assert v.thumbs.count() <= 1  # objects are no image series
