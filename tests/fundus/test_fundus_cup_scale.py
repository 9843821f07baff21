"""Cup-to-disc ratio (glaucoma suspect), mm from the camera's field angle, and the
analyzer's identity (a re-run is skipped).  Photos: scikit-image's real retina.jpg
and SYNTHETIC copies of it (an enlarged pale cup painted over the real disc)."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from PIL import Image

from inference.fundus import synthetic


@pytest.fixture(scope="module")
def cupped(normal, normal_result):
    from inference.fundus.analysis import analyze_pixels

    img = synthetic.enlarged_cup(normal, normal_result["disc"])  # SYNTHETIC
    return analyze_pixels(img, "OS")


def test_normal_disc_has_a_measured_cup_below_the_suspect_level(normal_result):
    cup = normal_result["cup"]
    assert cup["measured"] and 0.2 <= cup["vcdr"] < 0.6 and not cup["suspect"]
    # the cup lies inside the disc
    (dx, dy), r = normal_result["disc"]["centre"], normal_result["disc"]["diameter_px"] / 2
    assert np.hypot(cup["cup_centre"][0] - dx, cup["cup_centre"][1] - dy) < r
    assert normal_result["categories"]["glaucoma_suspect"].startswith("not suspected (CDR 0.")


def test_enlarged_cup_is_a_glaucoma_suspect_and_the_visit_says_so(cupped, normal_result):
    from app import fundus_report as fr
    from inference.fundus.grading import visit_summary

    assert cupped["cup"]["measured"] and cupped["cup"]["vcdr"] >= 0.6
    assert cupped["categories"]["glaucoma_suspect"].startswith("suspected (CDR 0.")
    assert cupped["icdr_grade"] == 0 and not cupped["referable"]  # DR grade unchanged
    right = dict(normal_result, eye="OD")
    visit = visit_summary([right, cupped])
    assert visit["glaucoma_suspect"] == ["OS"] and visit["follow_up"] == "refer_glaucoma"
    assert visit["cdr_asymmetry"] >= 0.1
    assert any("glaucoma suspect" in r for r in visit["reasons"])
    text = fr.eye_findings(cupped, "zh_CN")
    assert "垂直杯盘比" in text and "疑似青光眼" in text
    assert "青光眼" in fr.follow_up_text(visit["follow_up"], "zh_CN")


def test_cup_not_measured_says_why(normal):
    from inference.fundus.anatomy import anatomy
    from inference.fundus.cup import cup_to_disc
    from inference.fundus.grading import builtin_categories
    from inference.fundus.image import prepare

    p = prepare(normal)
    a = anatomy(p)
    assert cup_to_disc(p, dataclasses.replace(a, disc=None))["code"] == "no_disc"
    est = cup_to_disc(p, dataclasses.replace(a, disc_measured=False))
    assert est["code"] == "disc_estimated" and est["vcdr"] is None
    assert "estimated" in est["reason"]
    edge = cup_to_disc(p, dataclasses.replace(a, disc=(3.0, a.disc[1])))
    assert edge["code"] == "disc_at_edge"
    small = cup_to_disc(p, dataclasses.replace(a, disc_diameter=10.0))
    assert small["code"] == "disc_small"
    flat = dataclasses.replace(p, green=np.full_like(p.green, 0.5))
    assert cup_to_disc(flat, a)["code"] == "no_pallor"
    cats = builtin_categories({"gradable": True, "icdr_grade": 0, "cup": est})
    assert cats["glaucoma_suspect"] == "cannot be measured"


def _op_dicom(path, pixels, fov_deg=None, camera=("", "")):
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian, generate_uid

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.77.1.5.1"
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID, ds.SOPInstanceUID = (
        meta.MediaStorageSOPClassUID,
        meta.MediaStorageSOPInstanceUID,
    )
    ds.StudyInstanceUID, ds.SeriesInstanceUID = generate_uid(), generate_uid()
    ds.Modality, ds.ImageLaterality, ds.PatientID = "OP", "L", "SCALE-1"
    ds.Manufacturer, ds.ManufacturerModelName = camera
    if fov_deg:
        ds.add_new((0x0022, 0x000C), "FL", fov_deg)
    ds.Rows, ds.Columns = pixels.shape[:2]
    ds.SamplesPerPixel, ds.PhotometricInterpretation, ds.PlanarConfiguration = 3, "RGB", 0
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    ds.PixelData = np.ascontiguousarray(pixels).tobytes()
    ds.save_as(path, enforce_file_format=True)
    return path


def test_mm_from_the_dicom_field_angle_or_the_camera_manifest(tmp_path, normal):
    from app.ai.registry import first_analyzer, open_file, run
    from inference.fundus.scale import MM_PER_DEGREE, UNKNOWN

    small = np.ascontiguousarray(normal[::2, ::2])  # the real photo at half size
    analyzer = first_analyzer("OP")
    # the OP tag Horizontal Field of View
    eye = run(analyzer, open_file(_op_dicom(tmp_path / "a.dcm", small, 45.0))).details["eyes"][0]
    sc = eye["scale"]
    assert sc["field_deg"] == 45.0 and "DICOM" in sc["source"]
    assert sc["mm_per_px"] == pytest.approx(45 * MM_PER_DEGREE / sc["field_diameter_px"], 1e-3)
    assert 0.5 < eye["disc"]["diameter_mm"] < 3.0  # a human optic disc is about 1.5-2 mm
    # the camera manifest, on the make and model of the DICOM file
    cam = _op_dicom(tmp_path / "b.dcm", small, None, ("Canon", "CR-2 AF"))
    sc = run(analyzer, open_file(cam)).details["eyes"][0]["scale"]
    assert sc["field_deg"] == 45.0 and "Canon CR-2" in sc["source"]
    # a JPEG with EXIF make and model
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Optomed", "Aurora"
    jpg = tmp_path / "c_OS.jpg"
    Image.fromarray(small).save(jpg, quality=92, exif=exif)
    result = run(analyzer, open_file(jpg))
    sc = result.details["eyes"][0]["scale"]
    assert sc["field_deg"] == 50.0 and sc["camera"] == "Optomed Aurora"
    assert result.units["os_disc_diameter_mm"] == "mm"
    # a bare photo: no mm, and it says so
    png = tmp_path / "d_OS.png"
    Image.fromarray(small).save(png)
    eye = run(analyzer, open_file(png)).details["eyes"][0]
    assert eye["scale"]["mm_per_px"] is None and eye["scale"]["reason"] == UNKNOWN
    assert "diameter_mm" not in eye["disc"]


def test_clinic_camera_manifest(tmp_path):
    from inference.fundus.scale import field_angle, scale

    own = tmp_path / "cams.json"
    own.write_text(json.dumps({"cameras": [{"match": "Acme Retina", "field_deg": 30}]}), "utf-8")
    assert field_angle("ACME retina 3000", own) == 30.0
    assert field_angle("Acme Retina") is None  # not in the built-in list
    assert scale({"camera": "Acme Retina"}, 1000.0, own)["mm_per_px"] == pytest.approx(
        30 * 0.288 / 1000.0
    )
    own.write_text("{not json", "utf-8")  # a broken clinic file leaves the built-in list
    assert field_angle("Canon CR-2", own) == 45.0


def test_preread_recognises_the_analyzers_result_and_skips_a_rerun(
    store, tmp_path, normal, monkeypatch
):
    from app.ai.registry import first_analyzer
    from app.ai.store import has_model_result
    from app.importer import run_import
    from inference.fundus import analysis
    from inference.preread import run_preread

    assert first_analyzer("OP").model_version() == ("huizhen-fundus-classic", "0.1")
    path = tmp_path / "again_OS.png"
    Image.fromarray(np.ascontiguousarray(normal[::2, ::2])).save(path)
    pks = run_import(store, [path]).study_pks
    assert pks[0] in run_preread(store, pks)
    assert has_model_result(store, pks[0], "huizhen-fundus-classic", "0.1")
    calls = []
    real = analysis.analyze_fundus
    monkeypatch.setattr(
        analysis, "analyze_fundus", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    assert run_preread(store, pks) == {}  # recognised: not run again
    assert calls == []


def test_viewer_ruler_in_mm_from_the_camera(qtbot, store, jobs, tmp_path, normal):
    from PySide6.QtCore import QPointF

    from app.domain import Modality
    from app.importer import run_import
    from inference.preread import run_preread
    from viewers.fundus.qt_fundus_viewer import FundusViewer
    from viewers.registry import ViewerContext

    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Canon", "CR-2"  # a 45-degree camera in the manifest
    jpg = tmp_path / "cam_OS.jpg"
    Image.fromarray(np.ascontiguousarray(normal[::2, ::2])).save(jpg, quality=92, exif=exif)
    [pk] = run_import(store, [jpg]).study_pks
    run_preread(store, [pk])
    v = FundusViewer(ViewerContext(store, pk, Modality.OP, store.object_paths(pk), jobs))
    qtbot.addWidget(v)
    qtbot.waitUntil(lambda: v.images_shown is not None, timeout=60000)
    view = v.views["OS"]
    scale = v.visit.eyes["OS"].ai["scale"]
    assert view.mm_per_px == pytest.approx(scale["mm_per_px"]) and scale["field_deg"] == 45.0
    view.measure(QPointF(0, 0), QPointF(300, 400))
    assert view._ruler_text.text().endswith(f"· {500 * scale['mm_per_px']:.2f} mm")
    assert "45° field" in v.results["OS"].text()
    cell = v.table.item(2, 2)  # glaucoma suspect, left eye
    assert "pallor" in cell.toolTip() and cell.text().startswith("not suspected (cup-to-disc")
