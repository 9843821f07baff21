"""Qt-free arithmetic of the 2D viewer: orientation markers, ROI statistics,
measurement history with autosave, and the window preset table."""

from __future__ import annotations

import json
import math

import numpy as np
import pydicom
import pytest
from pydicom.data import get_testdata_file

from app.imaging.presets import CT_PRESETS, header_presets, presets_for
from viewers.dicom import geometry
from viewers.dicom.measurements import Measurement, MeasurementSet, compute

AXIAL = [1, 0, 0, 0, 1, 0]


def test_axial_markers_follow_flip_and_rotation():
    assert geometry.screen_letters(AXIAL, (1, 0), (0, 1)) == {
        "right": "L", "left": "R", "bottom": "P", "top": "A"
    }  # fmt: skip
    flipped = geometry.screen_letters(AXIAL, (-1, 0), (0, 1))  # horizontal flip
    assert flipped["right"] == "R" and flipped["left"] == "L"
    turned = geometry.screen_letters(AXIAL, (0, -1), (1, 0))  # rotated 90° clockwise
    assert turned["right"] == "A" and turned["bottom"] == "L"
    coronal = geometry.screen_letters([1, 0, 0, 0, 0, -1], (1, 0), (0, 1))
    assert coronal["top"] == "H" and coronal["bottom"] == "F"
    assert geometry.direction_letters([0.8, 0.6, 0]) == "LP"
    assert geometry.screen_letters(None, (1, 0), (0, 1)) == {}


def test_roi_statistics_match_numpy_on_the_mask():
    rng = np.random.default_rng(1)
    values = rng.normal(40, 10, (64, 64)).astype(np.float32)
    mask = geometry.ellipse_mask(values.shape, (10, 10), (50, 30))
    stats = geometry.roi_stats(values, mask, [0.5, 0.5])
    assert stats.pixels == mask.sum()
    assert stats.mean == pytest.approx(values[mask].mean(), rel=1e-5)
    assert stats.sd == pytest.approx(values[mask].std(), rel=1e-5)
    assert stats.area == pytest.approx(math.pi * 20 * 10 * 0.25, rel=0.05)  # ellipse a=20 b=10 px
    square = geometry.polygon_mask(
        values.shape, [(9.5, 9.5), (19.5, 9.5), (19.5, 19.5), (9.5, 19.5)]
    )
    assert square.sum() == 100 and square[10:20, 10:20].all()
    triangle = geometry.polygon_mask(values.shape, [(0, 0), (40, 0), (0, 40)])
    assert 700 < triangle.sum() < 900
    assert geometry.roi_stats(values, np.zeros_like(mask), []) is None


def test_lengths_and_angles_in_millimetres():
    assert geometry.length((0, 0), (3, 4), [2.0, 1.0]) == pytest.approx(math.hypot(3, 8))
    assert geometry.length((0, 0), (3, 4), []) == pytest.approx(5.0)
    assert geometry.angle((10, 0), (0, 0), (0, 10), [1, 1]) == pytest.approx(90.0)
    assert geometry.nice_length(73.0) == 50.0 and geometry.nice_length(0.3) == pytest.approx(0.2)


def test_measurements_undo_redo_and_survive_a_restart(tmp_path):
    path = tmp_path / "annotations" / "7.image-measurements.json"
    values = np.full((20, 20), 100.0, np.float32)
    marks = MeasurementSet(path)
    marks.add(compute(Measurement("length", 3, [[0, 0], [0, 10]]), values, [0.7, 0.7]))
    marks.add(compute(Measurement("ellipse", 3, [[2, 2], [12, 12]]), values, [0.7, 0.7]))
    assert marks.items[0].values["length"] == pytest.approx(7.0)
    assert marks.items[1].values["mean"] == 100.0 and marks.items[1].values["sd"] == 0.0
    assert marks.undo() and len(json.loads(path.read_text())["measurements"]) == 1
    assert marks.redo() and len(MeasurementSet(path).items) == 2
    again = MeasurementSet(path)
    assert [m.kind for m in again.on_frame(3)] == ["length", "ellipse"] and not again.on_frame(2)


def test_unreadable_measurement_file_is_reported_and_kept(tmp_path):
    path = tmp_path / "m.json"
    path.write_text("{not json")
    marks = MeasurementSet(path)
    assert marks.load_error.startswith("m.json")
    marks.add(Measurement("probe", 0, [[1, 1]]))
    assert path.read_text() == "{not json"  # not overwritten


def test_preset_table_is_weasis_and_header_windows_follow():
    table = {p.key: (p.width, p.level) for p in CT_PRESETS}
    assert table == {
        "lung": (1500, -500), "mediastinum": (400, 80), "abdomen": (320, 50),
        "bone": (2000, 350), "brain": (110, 35),
    }  # fmt: skip
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"), stop_before_pixels=True)
    ds.WindowCenter, ds.WindowWidth = [40, 300], [400, 1500]
    ds.WindowCenterWidthExplanation = ["SOFT", "LUNG"]
    header = header_presets(ds)
    assert [(p.name, p.width, p.level) for p in header] == [("SOFT", 400, 40), ("LUNG", 1500, 300)]
    assert [p.key for p in presets_for("CT", header)][-2:] == ["header-1", "header-2"]
    assert presets_for("CR", header) == header
