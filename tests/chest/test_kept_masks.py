"""The pre-read keeps each nodule's mask with the AI result; the reviewed nodules' SEG
is built from them (SYNTHETIC phantom of conftest.nodule_series), and from finding
the nodules again only when a result keeps none."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from app import chest_review as cr
from inference.chest import masks as km


def _ids(payload):
    by_type = {n["type"]: n["id"] for n in cr.ai_nodules(payload)}
    return by_type["solid"], by_type["ground-glass"]


def _frames(path):
    """The SEG's frames as {(segment label, z position): frame bits}."""
    import highdicom as hd

    seg = hd.seg.segread(path)
    labels = {int(s.SegmentNumber): str(s.SegmentLabel) for s in seg.SegmentSequence}
    pixels = seg.pixel_array.reshape(-1, seg.Rows, seg.Columns)
    shared = seg.SharedFunctionalGroupsSequence[0]
    out = {}
    for i, f in enumerate(seg.PerFrameFunctionalGroupsSequence):
        ident = f.get("SegmentIdentificationSequence") or shared.SegmentIdentificationSequence
        number = int(ident[0].ReferencedSegmentNumber)
        pos = tuple(round(float(v), 3) for v in f.PlanePositionSequence[0].ImagePositionPatient)
        out[(labels[number], pos)] = pixels[i].astype(bool)
    return out


def _seg_path(out):
    return next(p for p in out["paths"] if "seg" in p.lower())


def test_codec_round_trip_and_damage():
    rng = np.random.default_rng(0)
    mask = rng.random((7, 9, 11)) > 0.6
    box = (slice(3, 10), slice(20, 29), slice(40, 51))
    entry = km.encode(box, mask)
    json.dumps(entry)
    back_box, back = km.decode(entry)
    assert back_box == box and np.array_equal(back, mask)
    with pytest.raises(km.MaskError):
        km.decode({"box": entry["box"], "bits": entry["bits"][:-8] + "AAAAAAAA"})
    with pytest.raises(km.MaskError):
        km.decode({"box": [[0, 2], [0, 2], [0, 2]], "bits": entry["bits"]})  # bits of another box
    with pytest.raises(km.MaskError):
        km.decode({"box": [[0, 1000], [0, 1000], [0, 1000]], "bits": entry["bits"]})
    kept = km.encode_all((20, 64, 64), [1], [(box, mask)])
    assert km.kept_masks({"masks": kept}, [1], (20, 64, 64))[0][1].sum() == mask.sum()
    assert km.kept_masks({"masks": kept}, [1], (21, 64, 64)) is None  # another series
    assert km.kept_masks({}, [1], (20, 64, 64)) is None  # an older result
    with pytest.raises(km.MaskError):
        outside = km.encode_all((9, 64, 64), [1], [(box, mask)])
        km.kept_masks({"masks": outside}, [1], (9, 64, 64))  # box outside the volume


def test_the_pre_read_keeps_small_masks_with_the_result(ct_case):
    _pk, payload = ct_case
    kept = payload["details"]["masks"]
    assert set(kept["nodules"]) == {str(n["id"]) for n in cr.ai_nodules(payload)}
    assert len(json.dumps(kept)) < 4000  # two nodules of 12 and 14 mm
    for n in cr.ai_nodules(payload):
        box, mask = km.decode(kept["nodules"][str(n["id"])])
        centre = np.argwhere(mask).mean(axis=0) + [s.start for s in box]
        assert np.allclose(centre[::-1], n["centre_voxel"], atol=0.1)


def test_seg_from_kept_masks_equals_seg_from_finding_again(store, ct_case):
    pk, payload = ct_case
    from app.chest_objects import store_nodule_objects

    review = cr.load_review(store, pk, payload)
    for n in cr.ai_nodules(payload):
        review.decide(n["id"], "accepted", "drwang")
    kept = store_nodule_objects(store, pk, payload, review)
    assert kept["masks"] == "kept" and "why" not in kept
    older = dict(payload, details={k: v for k, v in payload["details"].items() if k != "masks"})
    again = store_nodule_objects(store, pk, older, review)
    assert again["masks"] == "found again" and "older result" in again["why"]
    a, b = _frames(_seg_path(kept)), _frames(_seg_path(again))
    assert a.keys() == b.keys() and len({label for label, _z in a}) == 2
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert sum(int(f.sum()) for f in a.values()) > 100


def test_a_damaged_kept_mask_falls_back_and_says_why(store, ct_case):
    pk, payload = ct_case
    from app.chest_objects import store_nodule_objects

    solid, _ggo = _ids(payload)
    review = cr.load_review(store, pk, payload)
    review.decide(solid, "accepted", "drwang")
    details = json.loads(json.dumps(payload["details"]))
    details["masks"]["nodules"][str(solid)]["bits"] = "not base64!"
    out = store_nodule_objects(store, pk, dict(payload, details=details), review)
    assert out["masks"] == "found again" and "damaged" in out["why"]


def test_an_edited_nodule_keeps_the_ai_contour_and_says_the_doctors_size(store, ct_case):
    import highdicom as hd

    from app.chest_objects import store_nodule_objects

    pk, payload = ct_case
    solid, ggo = _ids(payload)
    review = cr.load_review(store, pk, payload)
    review.edit(solid, mean_mm=20.0, user="drwang")  # the AI measured about 12 mm
    review.decide(ggo, "rejected", "drwang")
    out = store_nodule_objects(store, pk, payload, review)
    assert out["masks"] == "kept"
    seg = hd.seg.segread(_seg_path(out))
    assert len(seg.SegmentSequence) == 1
    assert (
        seg.SegmentSequence[0].SegmentLabel == f"Nodule {solid} (AI contour; doctor: 20.0 mm solid)"
    )
    frames = _frames(_seg_path(out))
    box, mask = km.decode(payload["details"]["masks"]["nodules"][str(solid)])
    assert sum(int(f.sum()) for f in frames.values()) == int(mask.sum())  # the AI's contour
    sr = hd.sr.srread(next(p for p in out["paths"] if "nodules-sr" in p.lower()))
    group = sr.content.get_planar_roi_measurement_groups()[0]
    diameters = [m.value for m in group.get_measurements() if m.name.meaning == "Diameter"]
    assert diameters == [20.0]  # the doctor's size is the SR's measurement


def test_a_seg_in_the_images_series_is_not_taken_for_slices(store, ct_case, nodule_series):
    from app.chest_objects import store_nodule_objects
    from app.imaging.series import series_info

    pk, payload = ct_case
    review = cr.load_review(store, pk, payload)
    for n in cr.ai_nodules(payload):
        review.decide(n["id"], "accepted", "drwang")
    out = store_nodule_objects(store, pk, payload, review)
    folder, _ph = nodule_series
    ct = sorted(folder.glob("*.dcm"))
    info = series_info([*ct, *(Path(p) for p in out["paths"])])
    assert len(info.frames) == len(ct) and all(f.head.path in ct for f in info.frames)
    assert "2 non-image object(s) in the series, not shown as images" in info.problems
