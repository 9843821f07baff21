"""2D imaging screenshots (``ui.screenshots``): a chest CR with measurements, a
colour ultrasound cine frame and the tag browser, in the main window at 1366x768.

The images are pydicom-data's real RG1_UNCR.dcm (CR) and US1_UNCR.dcm
(colour US, multi-frame); they are imported into the screenshot store first.
"""

from __future__ import annotations

from pathlib import Path

from viewers.dicom.measurements import Measurement, compute


def _open(app, win, store, path: Path, wait_until):
    from app.importer import run_import

    report = run_import(store, [path])
    pk = report.entries[0].study_pk
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


def image_shots(app, store, win, save, wait_until, lang: str) -> None:
    from pydicom.data import get_testdata_file

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
    us = get_testdata_file("US1_UNCR.dcm")
    if us:
        viewer = _open(app, win, store, Path(us), wait_until)
        if viewer is not None and getattr(viewer, "image", None) is not None:
            viewer.pane.view.fit()
            save(win, f"case_us_cine_{lang}")
