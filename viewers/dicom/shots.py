"""2D imaging screenshots (``ui.screenshots``): a chest CR with measurements, a
colour ultrasound cine frame, the tag browser and a CT series with problems, in the
main window at 1366x768.

The images are pydicom-data's real RG1_UNCR.dcm (CR) and US1_UNCR.dcm
(colour US, multi-frame); they are imported into the screenshot store first.
"""

from __future__ import annotations

from pathlib import Path

from viewers.dicom.measurements import Measurement, compute


def _open(app, win, store, path: Path, wait_until):
    from app.importer import run_import

    report = run_import(store, [path])
    if not report.study_pks:
        return None
    pk = report.study_pks[0]
    tab = win.cases.open_case(pk)
    wait_until(app, lambda: tab.viewer is not None or tab.info is not None, 30)
    viewer = tab.viewer
    if viewer is not None and hasattr(viewer, "pane"):
        wait_until(app, lambda: viewer.image is not None, 30)
    return viewer


def _measure(viewer) -> None:
    """A length across the chest and an ROI in the right lung, as a reader would draw them."""
    pane = viewer.pane
    img = pane.image
    h, w = img.pixels.shape[:2]
    spacing = img.info.get("spacing")
    for kind, pts in (
        ("length", [[w * 0.14, h * 0.55], [w * 0.86, h * 0.55]]),
        ("ellipse", [[w * 0.22, h * 0.30], [w * 0.36, h * 0.42]]),
        ("angle", [[w * 0.60, h * 0.25], [w * 0.70, h * 0.40], [w * 0.82, h * 0.30]]),
    ):
        m = Measurement(kind, pane.index, pts, sop_uid=pane.header.sop_uid)
        viewer.marks.add(compute(m, img.pixels, spacing))
    viewer._refresh_overlay(pane)


def ct_mpr_shot(app, store, win, save, wait_until, lang: str) -> None:
    """The real head CT (invesalius-examples) in the 2x2 MPR + 3D layout, bone window."""
    import tempfile

    from app.demo import head_ct

    if not head_ct.available():
        return
    from app.demo.build import HEAD_CT_PATIENT as p

    # the demo's own head CT case (same patient and UIDs): a re-import finds it
    files = head_ct.write_head_ct(
        Path(tempfile.mkdtemp(prefix="head-ct-")),
        patient=(p.name, p.pid, p.sex, p.birth),
        study_date="20261120",
    )
    viewer = _open(app, win, store, files[0].parent, wait_until)
    if viewer is None or not hasattr(viewer, "a_mpr"):
        return
    wait_until(app, viewer.a_mpr.isEnabled, 30)
    viewer.a_mpr.setChecked(True)
    vv = viewer.volume_viewer
    if vv is None:
        return
    wait_until(app, lambda: vv.render3d is not None and vv.render3d.grab_array() is not None, 180)
    vv.mpr.apply_preset_key(4)  # bone
    vv.mpr.views["axial"].drawn.emit("crosshair", [[128.0, 150.0]])
    save(win, f"case_ct_mpr_3d_{lang}")
    import math

    # oblique MPR: the coronal and sagittal planes turned 25 degrees about the axial normal
    vv.tool_box.setCurrentIndex(vv.tool_box.findData("rotate"))
    vv.mpr.rotate("axial", math.radians(25))
    save(win, f"case_ct_mpr_oblique_{lang}")
    vv.mpr.reset_rotation()
    vv.tool_box.setCurrentIndex(0)


def series_problems_shot(app, store, win, save, wait_until, lang: str) -> None:
    """A CT series REBUILT from pydicom's CT_small.dcm (``app.demo.rebuilt_ct``): a
    duplicated slice, a missing one and no pixel spacing, named above the status bar."""
    import tempfile

    from pydicom.data import get_testdata_file

    from app.demo.rebuilt_ct import write_problem_series

    if get_testdata_file("CT_small.dcm", download=False) is None:
        return  # a bundle without pydicom's sample: no series to rebuild
    folder = Path(tempfile.mkdtemp(prefix="problem-ct-")) / "ct"
    viewer = _open(app, win, store, write_problem_series(folder)[0].parent, wait_until)
    if viewer is not None and hasattr(viewer, "notes"):
        wait_until(app, viewer.notes.isVisible, 20)
        save(win, f"case_ct_series_problems_{lang}")


def image_shots(app, store, win, save, wait_until, lang: str) -> None:
    from pydicom.data import get_testdata_file

    ct_mpr_shot(app, store, win, save, wait_until, lang)

    cr = get_testdata_file("RG1_UNCR.dcm")
    if cr:
        viewer = _open(app, win, store, Path(cr), wait_until)
        if viewer is not None and getattr(viewer, "image", None) is not None:
            viewer.pane.view.fit()
            if not viewer.marks.items:
                _measure(viewer)
            save(win, f"case_cr_measurements_{lang}")
            from viewers.dicom.tag_browser import TagBrowser

            dlg = TagBrowser.for_pane(viewer.pane, win)
            dlg.show()
            wait_until(app, lambda: dlg.tree.topLevelItemCount() > 0, 20)
            dlg.search.setText("Patient")
            save(dlg, f"tag_browser_{lang}")
            dlg.close()
    series_problems_shot(app, store, win, save, wait_until, lang)
    us = get_testdata_file("US1_UNCR.dcm")
    if us:
        viewer = _open(app, win, store, Path(us), wait_until)
        if viewer is not None and getattr(viewer, "image", None) is not None:
            viewer.pane.view.fit()
            save(win, f"case_us_cine_{lang}")
