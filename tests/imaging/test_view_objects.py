"""SEG, SR TID 1500 and GSPS objects (highdicom-written over real CT slices) are read
into what the viewer draws, keyed by the image they reference; pydicom's own SR
samples (not TID 1500) are read without error."""

from __future__ import annotations

import pydicom
import pytest
from pydicom.data import get_testdata_file

from tests.imaging import object_samples
from tests.samples import ct_series
from viewers.dicom.objects import find_objects, read_object


@pytest.fixture(scope="module")
def ct(tmp_path_factory):
    return ct_series(tmp_path_factory.mktemp("ct"))


def test_seg_masks_by_referenced_image(ct, tmp_path):
    obj = read_object(object_samples.write_seg(ct, tmp_path / "seg.dcm"))
    assert obj.kind == "SEG" and [s.label for s in obj.segments] == ["Box (synthetic)"]
    uids = {str(pydicom.dcmread(p, stop_before_pixels=True).SOPInstanceUID) for p in ct}
    assert set(obj.masks) == uids
    ((number, mask),) = obj.masks[next(iter(uids))]
    assert number == 1 and mask.sum() == 100 * 150 and mask[150, 200] and not mask[50, 50]


def test_sr_tid1500_measurement_with_its_region(ct, tmp_path):
    obj = read_object(object_samples.write_sr(ct[0], tmp_path / "sr.dcm"))
    assert obj.kind == "SR"
    (m,) = obj.measurements
    assert m.name == "Nodule 1" and m.values == [("Diameter", 12.5, "mm")]
    sop = str(pydicom.dcmread(ct[0], stop_before_pixels=True).SOPInstanceUID)
    assert m.graphic.sop_uid == sop and m.graphic.points[0] == (100.0, 100.0)


def test_gsps_graphics_text_and_window(ct, tmp_path):
    obj = read_object(object_samples.write_gsps(ct[1], tmp_path / "pr.dcm"))
    assert obj.kind == "GSPS" and obj.window == (300.0, 1500.0)
    kinds = sorted(g.kind for g in obj.graphics)
    assert kinds == ["POLYLINE", "TEXT"]
    text = next(g for g in obj.graphics if g.kind == "TEXT")
    assert text.text == "see here" and text.points == [(59.5, 59.5)]


def test_find_objects_skips_images_and_reads_pydicom_sr_samples(ct, tmp_path):
    seg = object_samples.write_seg(ct, tmp_path / "seg.dcm")
    found = find_objects(
        [*ct, seg, get_testdata_file("reportsi.dcm"), get_testdata_file("test-SR.dcm")]
    )
    assert [o.kind for o in found] == ["SEG", "SR", "SR"]
