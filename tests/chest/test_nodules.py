"""The classical nodule pipeline on the SYNTHETIC chest phantom, and on real non-chest CT."""

from __future__ import annotations

import numpy as np
import pytest

from app.jobs import Cancelled, TaskState
from inference.chest.analysis import analyze_volume
from inference.chest.phantom import build_phantom


@pytest.fixture(scope="module")
def phantom():
    return build_phantom(seed=0)  # 120 x 256², 10 nodules of 3-30 mm, all three types


@pytest.fixture(scope="module")
def report(phantom):
    return analyze_volume(phantom.array, phantom.spacing)


def _match(phantom, report, truth):
    idx = phantom.index_of(truth.centre_mm)
    for n in report["nodules"]:
        zyx = np.asarray(n["centre_voxel"][::-1])
        if np.linalg.norm((zyx - idx) * phantom.spacing) < max(5.0, truth.long_mm / 2):
            return n
    return None


def test_finds_and_measures_every_nodule_of_6_mm_or_more(phantom, report):
    assert report["chest"] and report["checks"]["lungs_found"] == 2
    big = [t for t in phantom.nodules if t.mean_mm >= 6]
    assert len(big) >= 6 and any(t.juxta_pleural for t in big)
    for t in big:
        n = _match(phantom, report, t)
        assert n is not None, f"missed {t}"
        assert abs(n["mean_diameter_mm"] - t.mean_mm) <= 1.0, (n, t)
        assert n["type"] == t.kind
        assert n["lung_rads"] == t.lung_rads
        assert n["volume_mm3"] > 0 and 0 < n["confidence"] <= 1


def test_few_false_positives_and_exam_category(phantom, report):
    matched = [n for n in report["nodules"]
               if any(_match(phantom, {"nodules": [n]}, t) for t in phantom.nodules)]  # fmt: skip
    assert len(report["nodules"]) - len(matched) <= 2
    truth_exam = max((t.lung_rads for t in phantom.nodules if t.mean_mm >= 4),
                     key=["1", "2", "3", "4A", "4B"].index)  # fmt: skip
    assert report["lung_rads"] == truth_exam
    assert report["urgency"] == ("urgent" if truth_exam in ("4B", "4X") else "routine")
    assert "not for clinical use" in report["notice"]


def test_centre_in_patient_coordinates(phantom, report):
    n = report["nodules"][0]
    x, y, z = n["centre_mm"]
    i, j, k = n["centre_voxel"]
    sz, sy, sx = phantom.spacing
    assert (x, y, z) == pytest.approx((i * sx, j * sy, k * sz), abs=0.1)


def test_progress_and_cancel():
    ph = build_phantom((40, 128, 128), (3.0, 2.8, 2.8), nodules=[], seed=3)
    state = TaskState()
    seen = []
    state.progress = lambda f, m=None: (seen.append(f), TaskState.progress(state, f, m))
    analyze_volume(ph.array, ph.spacing, state=state)
    assert seen and max(seen) > 0.5
    state = TaskState()
    state.cancel()
    with pytest.raises(Cancelled):
        analyze_volume(ph.array, ph.spacing, state=state)


def test_real_head_ct_is_not_a_chest_study(head_ct_volume):
    r = analyze_volume(head_ct_volume.array, head_ct_volume.spacing)
    assert not r["chest"] and r["nodules"] == [] and r["lung_rads"] is None
    assert r["urgency"] == "not_graded"
    assert r["checks"]["reason"].startswith("not a chest study")


def test_single_real_ct_slice_is_not_a_chest_study():
    import pydicom
    from pydicom.data import get_testdata_file

    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    hu = ds.pixel_array[None].astype(np.float32) * float(ds.RescaleSlope) + float(
        ds.RescaleIntercept
    )
    r = analyze_volume(hu, (5.0, *map(float, ds.PixelSpacing)))
    assert not r["chest"] and r["nodules"] == []
