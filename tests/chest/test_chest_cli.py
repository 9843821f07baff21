"""``huizhen chest`` on a SYNTHETIC phantom written as DICOM, through the shared registry,
and on real files (pydicom-data chest CR, pydicom CT_small)."""

from __future__ import annotations

import json

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
    assert r["checks"]["photometric"] in ("MONOCHROME1", "MONOCHROME2")
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
