"""Tissue and nuclei detection from the viewer: background jobs, overlays, saved results."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("pytestqt")

from tests.wsi.test_qt_annotation_persist import annotation_sets  # noqa: E402
from tests.wsi.test_qt_annotation_tools import new_study, open_viewer  # noqa: E402

NUCLEI = "huizhen-nuclei-watershed 0.2.0"


def test_tissue_then_nuclei_in_view_then_reopen(qtbot, jobs, store, small_slide):  # noqa: F811
    pk = new_study(store)
    viewer = open_viewer(qtbot, jobs, small_slide, store, pk)
    overlays = viewer.canvas.overlays
    with qtbot.waitSignal(viewer.ai_finished, timeout=60000) as sig:
        job = viewer.detect_tissue()
    assert sig.args == ["tissue"] and job.done
    tissue = overlays.layer("tissue")
    assert tissue is not None and 0.1 < tissue.values.mean() < 0.9
    assert tissue.analyzer == "huizhen-tissue-otsu 0.1.0"
    region = viewer.view_region()
    emitted = []
    viewer.findings_changed.connect(emitted.append)
    with qtbot.waitSignal(viewer.ai_finished, timeout=60000):
        viewer.detect_nuclei("view")
    (findings,) = emitted
    assert findings[0]["source"] == f"AI {NUCLEI}" and "nuclei detected" in findings[0]["text"]
    nuclei = overlays.layer("nuclei")
    n = len(nuclei.data)
    assert n > 50 and nuclei.analyzer == NUCLEI
    c = nuclei.data.centroids
    x, y, w, h = region
    m = 40  # vertex means stray a little from the area centroids the detector keeps to
    assert (c[:, 0] >= x - m).all() and (c[:, 0] < x + w + m).all()
    assert (c[:, 1] >= y - m).all() and (c[:, 1] < y + h + m).all()
    density = overlays.layer("density")
    assert density.values.max() > 0 and density.analyzer == NUCLEI
    assert density.visible is False  # heatmap off by default after a detection run
    lines = overlays.legend_lines()
    assert len(lines) == 2 and all("not for clinical use" in t for t in lines)
    viewer.canvas.repaint()
    assert overlays.last_path in ("vector", "raster")
    # saved beside the annotations, with a row each
    folder = store.data_dir / "annotations"
    data = json.loads((folder / f"{pk}.nuclei.geojson").read_text("utf-8"))
    assert len(data["features"]) == n
    meta = data["features"][0]["properties"]["metadata"]
    assert meta == {"analyzer": "huizhen-nuclei-watershed", "analyzer_version": "0.2.0"}
    assert data["huizhen"]["provenance"]["note"].endswith("not for clinical use")
    assert (folder / f"{pk}.density.tif").exists() and (folder / f"{pk}.tissue.tif").exists()
    sets = annotation_sets(store, pk)
    assert sets["AI nuclei"][1] == n and "AI nuclear density" in sets
    viewer.close()

    again = open_viewer(qtbot, jobs, small_slide, store, pk)
    ov = again.canvas.overlays
    assert len(ov.layer("nuclei").data) == n and ov.layer("nuclei").analyzer == NUCLEI
    assert ov.layer("density").values.shape == density.values.shape
    assert ov.layer("density").downsample == pytest.approx(density.downsample, rel=1e-6)
    assert (ov.layer("tissue").values == tissue.values).all()
    again.close()


def test_nuclei_over_all_tissue_without_store(qtbot, jobs, small_slide):  # noqa: F811
    viewer = open_viewer(qtbot, jobs, small_slide)
    assert viewer.out is None  # nothing to save to: results only shown
    with qtbot.waitSignal(viewer.ai_finished, timeout=90000):
        viewer.detect_nuclei("tissue")
    assert len(viewer.canvas.overlays.layer("nuclei").data) > 500
    viewer.close()


def test_cancelled_nuclei_job_leaves_no_layer(qtbot, jobs, small_slide):  # noqa: F811
    viewer = open_viewer(qtbot, jobs, small_slide)
    job = viewer.detect_nuclei("tissue")
    assert job is not None, "detection refused (not offered: AI subscriptions?)"
    job.cancel()
    # the cancel callback (queued after the job is done) ends the stream and drops any
    # layer drawn from it: wait for that, not for a fixed 50 ms
    qtbot.waitUntil(lambda: job.done and viewer._stream is None, timeout=60_000)
    assert viewer.canvas.overlays.layer("nuclei") is None
    assert viewer.last_message is None  # a cancel is not an error
    viewer.close()
