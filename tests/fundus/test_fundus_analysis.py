"""Gradability, anatomy, lesions and grading on real and SYNTHETIC fundus photos."""

from __future__ import annotations

import numpy as np
import pytest

from inference.fundus import synthetic
from inference.fundus.analysis import analyze_pixels


def test_real_normal_photo_is_gradable_grade_0_and_not_referable(normal_result):
    r = normal_result
    assert r["gradable"] and r["quality"]["score"] >= 0.5
    assert r["icdr_grade"] == 0 and r["dme_suspected"] is False and r["referable"] is False
    assert r["lesions"] == []
    # retina.jpg: disc at the left edge, fovea in the middle (a left eye)
    cx, cy = r["disc"]["centre"]
    assert 150 < cx < 320 and 600 < cy < 760
    assert 90 < r["disc"]["diameter_px"] < 260
    fx, fy = r["fovea"]
    assert 620 < fx < 800 and 610 < fy < 780
    assert r["eye"] == "OS" and r["eye_source"].startswith("anatomy")
    assert "not for clinical use" in r["notice"]


def test_categories_never_say_normal_for_what_is_not_supported(normal_result):
    cats = normal_result["categories"]
    assert len(cats) == 12
    assert cats["referable_dr"] == "not referable" and cats["dme"] == "not suspected"
    assert cats["glaucoma_suspect"] == "not suspected (CDR 0.48)"
    for name in ("rvo", "retinal_detachment", "macular_hole", "other"):
        assert cats[name] == "not supported"
    assert not any("normal" in str(v) for v in cats.values())


@pytest.mark.parametrize("name", list(synthetic.degraded(np.zeros((8, 8, 3), np.uint8))))
def test_every_degraded_copy_is_ungradable_with_its_reason(normal, name):
    image, reason = synthetic.degraded(normal)[name]  # SYNTHETIC degradation
    r = analyze_pixels(image)
    assert r["gradable"] is False, (name, r["quality"])
    assert reason in r["quality"]["codes"], (name, r["quality"])
    assert r["icdr_grade"] is None and r["referable"] is True
    assert r["lesions"] == []
    assert any("retake" in x for x in r["reasons"])
    assert r["categories"]["referable_dr"] == "ungradable"


def test_real_diabetic_crop_alone_is_insufficient_field():
    r = analyze_pixels(synthetic.microaneurysm_crop())
    assert not r["gradable"] and "insufficient_field" in r["quality"]["codes"]


def test_painted_lesions_found_and_graded(lesion_results):
    hits = []
    for name, painted, expected, r in lesion_results:
        assert r["gradable"], name
        found = synthetic.found_painted(r, painted)
        hits += [h for h, les in zip(found, painted, strict=True) if les.radius * 2 >= 5]
        if "icdr_min" in expected:
            assert r["icdr_grade"] >= expected["icdr_min"], (name, r["icdr_grade"])
        if "icdr_max" in expected:
            assert r["icdr_grade"] <= expected["icdr_max"], (name, r["icdr_grade"])
        if expected.get("referable"):
            assert r["referable"], name
        if "dme" in expected:
            assert r["dme_suspected"] is expected["dme"], name
    assert sum(hits) / len(hits) >= 0.9, f"{sum(hits)}/{len(hits)} painted lesions found"


def test_lesion_types_and_json_fields(lesion_results):
    by_name = {name: r for name, _p, _e, r in lesion_results}
    assert {les["type"] for les in by_name["haemorrhages"]["lesions"]} == {"haemorrhage"}
    assert {les["type"] for les in by_name["exudates_far"]["lesions"]} == {"hard_exudate"}
    assert "cotton_wool_spot" in {les["type"] for les in by_name["cotton_wool"]["lesions"]}
    assert by_name["exudates_far"]["dme_suspected"] is False
    for les in by_name["haemorrhages"]["lesions"]:
        assert set(les) == {"type", "x", "y", "radius_px", "confidence"}
        assert 0 < les["confidence"] <= 1 and les["radius_px"] >= 1
    mild = by_name["microaneurysms_only"]
    assert mild["icdr_grade"] == 1 and mild["referable"] is False
    assert "4-2-1" in mild["rule_421"]


def test_visit_worse_eye_decides(normal_result, lesion_results):
    from inference.fundus.grading import visit_summary

    od = {**normal_result, "eye": "OD"}
    os_ = next(r for name, _p, _e, r in lesion_results if name == "exudates_macula")
    v = visit_summary([od, os_])
    assert v["referable"] and v["worse_eye"] == "OS" and v["dme_suspected"]
    assert v["follow_up"] == "refer"
    assert visit_summary([od])["follow_up"] == "rescreen_12m"


def test_cancel_stops_the_analysis(normal):
    from app.jobs import Cancelled, TaskState

    state = TaskState()
    seen = []
    original = state.progress

    def progress(fraction, message=None):
        seen.append(fraction)
        original(fraction, message)
        state.cancel()

    state.progress = progress
    with pytest.raises(Cancelled):
        analyze_pixels(normal, state=state)
    assert len(seen) == 1


def test_red_free_monochrome_photo_of_the_normal_eye_is_not_referable(normal):
    mono = normal[..., 1].astype(np.uint16) * 200  # a 16-bit red-free (green) frame
    r = analyze_pixels(mono)
    assert r["gradable"] and r["icdr_grade"] == 0 and not r["referable"]


@pytest.mark.parametrize(
    "pixels",
    [
        np.zeros((300, 300, 3), np.uint8),
        np.full((64, 64), np.nan, np.float32),
        np.zeros((8, 8, 3), np.uint8),
        np.zeros(10, np.uint8),
        np.random.default_rng(0).integers(0, 4000, (400, 400)).astype(np.uint16),
    ],
    ids=["black", "nan", "tiny", "1d", "noise"],
)
def test_nonsense_pixels_are_ungradable_not_an_error(pixels):
    r = analyze_pixels(pixels)
    assert r["gradable"] is False and r["quality"]["codes"] and r["icdr_grade"] is None
    assert r["referable"] is True and r["lesions"] == []
