"""``huizhen chest`` on a SYNTHETIC phantom written as DICOM, through the shared registry,
and on real files (pydicom-data chest CR, pydicom CT_small)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from app.cli import main
from inference.chest.phantom import TruthNodule, build_phantom, write_series
from inference.chest.rules import SOLID

SPACING = (2.5, 1.75, 1.75)


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    geo_centre = (-70.0, 0.0, 100.0)  # in the right lung (patient x < 0), mid height
    ph = build_phantom(
        (64, 200, 200), SPACING, nodules=[TruthNodule(geo_centre, 18.0, 17.0, SOLID)], seed=5
    )
    folder = tmp_path_factory.mktemp("phantom")
    write_series(ph, folder)
    return folder, ph


def test_analyze_json_on_the_phantom_series(series, capsys):
    folder, ph = series
    assert main(["chest", "analyze", str(folder), "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["kind"] == "ct" and r["model"]["name"] and "not for clinical use" in r["notice"]
    assert len(r["nodules"]) == 1, r["nodules"]
    n = r["nodules"][0]
    assert n["centre_mm"] == pytest.approx(ph.nodules[0].centre_mm, abs=2.0)
    assert abs(n["mean_diameter_mm"] - ph.nodules[0].mean_mm) <= 1.0
    assert set(n) >= {"centre_voxel", "long_axis_mm", "short_axis_mm", "volume_mm3", "mean_hu",
                      "type", "lung_rads", "confidence"}  # fmt: skip
    assert n["type"] == "solid" and n["lung_rads"] == "4B"
    assert r["lung_rads"] == "4B" and r["urgency"] == "urgent"


def test_ct_analyzer_is_registered_and_runs_on_the_opened_source(series):
    from app.ai import registry
    from app.readers.images import DicomSource

    folder, _ = series
    analyzer = registry.first_analyzer("CT")
    assert analyzer is not None and analyzer.name == "chest-ct"
    result = registry.run(analyzer, DicomSource(sorted(folder.glob("*.dcm"))))
    assert result.model.not_for_clinical_use
    assert result.urgency.value == "urgent"
    assert [f.code for f in result.findings] == ["LUNG_NODULE"]
    assert result.overlays[0]["kind"] == "nodule"
    back = type(result).from_dict(json.loads(json.dumps(result.to_dict())))
    assert back.details["nodules"][0]["lung_rads"] == "4B"


def test_phantom_command_writes_a_labelled_series(tmp_path, capsys):
    assert main(["chest", "phantom", str(tmp_path), "--slices", "12", "--size", "64"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["synthetic"] and out["files"] == 12
    import pydicom

    ds = pydicom.dcmread(sorted(tmp_path.glob("*.dcm"))[0])
    assert "SYNTHETIC" in ds.ImageComments and ds.Modality == "CT"


def test_real_chest_cr_gets_image_checks_and_no_findings(capsys):
    from pydicom.data import get_testdata_file

    path = get_testdata_file("RG1_UNCR.dcm")
    if path is None:
        pytest.skip("pydicom-data is not installed")
    assert main(["chest", "analyze", path, "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["kind"] == "cxr" and r["nodules"] == []
    assert r["notice"].startswith("Image checks only; no finding model installed")
    # RG1_UNCR is stored MONOCHROME1 (low values white): inverted before any check
    assert r["checks"]["photometric"] == "MONOCHROME1" and r["checks"]["inverted_for_display"]
    assert r["checks"]["exposure_ok"] is True
    assert r["checks"]["lung_fields_found"] is True


def test_real_single_ct_slice_is_not_a_chest_study(capsys):
    from pydicom.data import get_testdata_file

    assert main(["chest", "analyze", get_testdata_file("CT_small.dcm"), "--json"]) == 1
    r = json.loads(capsys.readouterr().out)
    assert r["chest"] is False and r["nodules"] == []


def test_unreadable_input_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "x.dcm"
    bad.write_bytes(b"not dicom")
    assert main(["chest", "analyze", str(bad)]) == 2
    assert "huizhen chest:" in capsys.readouterr().err


def test_seg_and_sr_export_read_back_by_pydicom_and_highdicom(series, tmp_path, capsys):
    import highdicom as hd
    import pydicom

    folder, ph = series
    seg_path, sr_path = tmp_path / "nodules_seg.dcm", tmp_path / "nodules_sr.dcm"
    args = ["chest", "analyze", str(folder), "--json", "--seg", str(seg_path), "--sr", str(sr_path)]
    assert main(args) == 0
    r = json.loads(capsys.readouterr().out)
    seg = hd.seg.segread(seg_path)
    assert seg.Modality == "SEG" and seg.number_of_segments == len(r["nodules"]) == 1
    desc = seg.get_segment_description(1)
    assert desc.segmented_property_type.meaning == "Nodule"
    assert desc.algorithm_identification[0].AlgorithmName == "Huizhen chest CT classic"
    assert desc.algorithm_type.value == "AUTOMATIC"
    mask = seg.get_volume(combine_segments=True).array
    volume = int((mask > 0).sum()) * float(np.prod(SPACING))  # the nodule's voxels
    assert volume == pytest.approx(r["nodules"][0]["volume_mm3"], rel=0.05)
    sr = pydicom.dcmread(sr_path)
    assert sr.Modality == "SR"
    doc = hd.sr.srread(sr_path)
    groups = doc.content.get_planar_roi_measurement_groups()
    assert len(groups) == 1
    g = groups[0]
    assert g.finding_type.meaning == "Nodule"
    names = {m.name.meaning: m.value for m in g.get_measurements()}
    assert float(names["Diameter"]) == pytest.approx(r["nodules"][0]["mean_diameter_mm"])
    assert float(names["Volume"]) == pytest.approx(r["nodules"][0]["volume_mm3"])
    evaluations = {e.name.meaning: e.value.meaning for e in g.get_qualitative_evaluations()}
    assert evaluations["Lung-RADS v2022 category"] == "Lung-RADS 4B"


def test_lung_field_check_rejects_a_real_non_chest_image():
    import pydicom
    from pydicom.data import get_testdata_file

    from inference.chest.cxr import lung_fields

    mr = pydicom.dcmread(get_testdata_file("MR_small.dcm")).pixel_array.astype(np.float32)
    assert lung_fields(mr)["found"] is False
