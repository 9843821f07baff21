"""Slide screenshots with overlays at whole-slide, 10x and 40x (``ui.screenshots``).

On the open demo slide: tissue detection, a rectangle annotation in the
middle of the largest tissue core, nuclei detected inside it and classified
positive/negative on haematoxylin OD (median threshold), then the view at
whole slide (tissue mask and density heatmap on), at 10x (outlines, heatmap
off) and at 40x (outlines in class colour), and the measurement table.
"""

from __future__ import annotations

import numpy as np


def _tissue_point(tissue) -> tuple[float, float]:
    """A level-0 point deep inside the tissue (the mask pixel farthest from glass)."""
    from scipy import ndimage as ndi

    dist = ndi.distance_transform_edt(tissue.mask)
    r, c = np.unravel_index(int(np.argmax(dist)), dist.shape)
    return (c + 0.5) * tissue.downsample, (r + 0.5) * tissue.downsample


def _view(canvas, downsample: float, centre: tuple[float, float] | None) -> None:
    if centre is None:
        canvas.fit()
        return
    canvas.vp.downsample = downsample
    canvas.vp.center_on(*centre)
    canvas._changed()


def slide_shots(app, viewer, save, wait_until, lang: str) -> None:
    canvas = viewer.canvas
    done: list[str] = []
    viewer.ai_finished.connect(done.append)
    viewer.detect_tissue()
    wait_until(app, lambda: "tissue" in done, 120)
    if viewer.tissue is None:
        return
    mpp = (viewer.source.mpp or (0.25, 0.25))[0]
    cx, cy = _tissue_point(viewer.tissue)
    half = 300.0 / mpp  # a 0.6 x 0.45 mm region: a few analysis tiles
    ring = [
        [cx - half, cy - 0.75 * half],
        [cx + half, cy - 0.75 * half],
        [cx + half, cy + 0.75 * half],
        [cx - half, cy + 0.75 * half],
        [cx - half, cy - 0.75 * half],
    ]
    areas = [
        f
        for f in viewer.layer.annotations()
        if f["geometry"]["type"] in ("Polygon", "MultiPolygon")
    ]
    if areas:  # the case was annotated in an earlier run (the other language): reuse it
        ann = areas[0]
    else:
        ann = viewer.layer.new_feature({"type": "Polygon", "coordinates": [ring]})
        viewer.layer.add([ann])
    viewer.layer.select([ann["id"]])
    viewer.detect_nuclei("annotation")
    wait_until(app, lambda: "nuclei" in done, 300)
    dlg = viewer.show_measurements()
    if dlg is not None:
        dlg.classify()
        dlg.resize(900, 620)
        save(dlg, f"slide_measurements_{lang}")
        dlg.close()
    viewer.layer.select([])
    heat = canvas.overlays.layer("density")
    if heat is not None:
        heat.visible = True
        viewer.panel.refresh_layers()
    ten_x = 10.0 / (mpp * 10.0)  # 10x objective ~ 1 um/px
    forty_x = 10.0 / (mpp * 40.0)
    for name, ds, centre in (
        ("whole", None, None),
        ("10x", ten_x, (cx, cy)),
        ("40x", forty_x, (cx - 0.5 * half, cy)),
    ):
        if heat is not None and name == "10x":
            heat.visible = False  # the heatmap reads at low power; outlines at high power
            viewer.panel.refresh_layers()
        _view(canvas, ds or 1.0, centre)
        canvas.repaint()
        wait_until(app, lambda: canvas.overlays.pending == 0 and not canvas.loader.pending, 30)
        save(viewer.window(), f"case_sm_{name}_{lang}")


def slide_case_shots(app, store, win, save, wait_until, lang: str) -> None:
    """Open the demo slide case in ``win`` and take the overlay screenshots."""
    rows = [r for r in store.worklist_rows() if r.modality == "SM"]
    if not rows:
        return
    tab = win.cases.open_case(rows[0].study_pk)
    wait_until(app, lambda: tab.viewer is not None or tab.info is not None, 30)
    viewer = tab.viewer
    if viewer is None or not hasattr(viewer, "detect_nuclei"):
        return
    wait_until(app, lambda: viewer.canvas is not None or bool(viewer.error), 60)
    if viewer.canvas is not None:
        slide_shots(app, viewer, save, wait_until, lang)
