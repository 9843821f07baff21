"""Nuclei and tissue detection on real H&E pixels."""

from __future__ import annotations

import numpy as np
import pytest

from inference.wsi import (
    ANALYZER,
    VERSION,
    density_heatmap,
    detect_nuclei,
    detect_tissue,
    run_nuclei,
    save_heatmap,
    tissue_mask_rgb,
)

MPP = 0.25  # target_image.png is a 40x field: nuclei are 30-60 px across


def test_nuclei_count_on_real_he_is_plausible(he_rgb):
    # 1000 x 1000 px at 0.25 um/px = 0.0625 mm^2 of a dense carcinoma.  Cellular
    # tumour tissue holds roughly 2,000-10,000 nuclei per mm^2, so 125-625 nuclei.
    area_mm2 = he_rgb.shape[0] * he_rgb.shape[1] * (MPP / 1000) ** 2
    low, high = 2000 * area_mm2, 10000 * area_mm2
    nuclei = detect_nuclei(he_rgb, MPP)
    assert low <= len(nuclei) <= high
    areas = np.array([n.area_um2 for n in nuclei])
    # typical nuclear areas 20-150 um^2 (diameters ~5-14 um)
    assert 20 <= np.median(areas) <= 150
    assert all(10 <= a <= 400 for a in areas)
    circ = np.array([n.circularity for n in nuclei])
    assert ((circ > 0) & (circ <= 1)).all() and np.median(circ) > 0.6
    od = np.array([n.h_od_mean for n in nuclei])
    assert (od > 0).all()


def test_nuclei_are_darker_in_haematoxylin_than_the_rest(he_rgb):
    from skimage.draw import polygon

    from inference.wsi.nuclei import haematoxylin_od

    h = haematoxylin_od(he_rgb)
    inside = np.zeros(h.shape, bool)
    for n in detect_nuclei(he_rgb, MPP):
        rr, cc = polygon(n.contour[:, 1], n.contour[:, 0], h.shape)
        inside[rr, cc] = True
    assert h[inside].mean() > 2 * h[~inside].mean()


def test_same_answer_at_half_resolution(he_rgb):
    from PIL import Image

    full = detect_nuclei(he_rgb, MPP)
    half = detect_nuclei(np.asarray(Image.fromarray(he_rgb).reduce(2)), 2 * MPP)
    assert abs(len(half) - len(full)) <= 0.2 * len(full)
    a_full = np.median([n.area_um2 for n in full])
    a_half = np.median([n.area_um2 for n in half])
    assert a_half == pytest.approx(a_full, rel=0.25)


def test_blank_glass_has_no_nuclei_and_no_tissue():
    white = np.full((512, 512, 3), 245, np.uint8)
    assert detect_nuclei(white, MPP) == []
    assert not tissue_mask_rgb(white).any()


def test_tissue_mask_matches_the_generated_cores(source):
    tissue = detect_tissue(source)
    assert 0.25 < tissue.fraction < 0.6
    w, h = source.dimensions
    assert tissue.fraction_in(w / 2 - 256, h / 2 - 256, 512, 512) > 0.95  # core centre
    assert tissue.fraction_in(0, 0, 300, 300) == 0  # glass in the corner


def test_run_over_slide_tiles_no_duplicates(source):
    from app.jobs import TaskState

    state = TaskState()
    seen = []
    state.events.progress.connect(lambda f, m: seen.append(f))
    region = (1000, 800, 2100, 1400)  # crosses analysis tile borders at 0.5 um/px
    result = run_nuclei(source, region=region, state=state, params=None)
    assert result.mpp == pytest.approx(0.5)
    assert seen and seen[-1] == pytest.approx(1.0)
    c = result.centroids
    assert len(c) > 50
    x, y, w, h = region
    assert (
        (c[:, 0] >= x - 1) & (c[:, 0] < x + w + 1) & (c[:, 1] >= y - 1) & (c[:, 1] < y + h + 1)
    ).all()
    # no nucleus found twice by overlapping tiles
    from scipy.spatial import cKDTree

    pairs = cKDTree(c).query_pairs(r=2.0 / 0.25)  # 2 um
    assert not pairs
    features = result.features()
    meta = features[0]["properties"]["metadata"]
    assert meta == {"analyzer": ANALYZER, "analyzer_version": VERSION}
    assert set(features[0]["properties"]["measurements"]) == {
        "Nucleus: Area µm^2",
        "Nucleus: Perimeter µm",
        "Nucleus: Hematoxylin OD mean",
        "Nucleus: Eosin OD mean",
        "Nucleus: Circularity",
    }


def test_cancel_stops_a_run(source):
    from app.jobs import Cancelled, TaskState

    state = TaskState()
    state.cancel()
    with pytest.raises(Cancelled):
        run_nuclei(source, state=state)


def test_density_heatmap(tmp_path):
    import tifffile

    pts = np.array([[10, 10], [20, 30], [250, 10], [399, 399]], float)
    raster, ds = density_heatmap(pts, (400, 400), mpp=0.25, cell_um=50)
    assert ds == 200 and raster.shape == (2, 2)
    cell_mm2 = (200 * 0.25 / 1000) ** 2
    assert raster[0, 0] == pytest.approx(2 / cell_mm2)
    assert raster.sum() * cell_mm2 == pytest.approx(4)
    save_heatmap(tmp_path / "h.tif", raster, ds, 0.25)
    assert np.array_equal(tifffile.imread(tmp_path / "h.tif"), raster)
