"""Chest X-ray image checks as the CR analyzer of the shared pipeline (real pydicom-data
chest CR RG1_UNCR), and the checks panel beside the film."""

from __future__ import annotations

import numpy as np
import pytest

pydicom_data = pytest.importorskip("pydicom.data")

from tests.chest.cxr_films import chest_cr, open_cr_viewer  # noqa: E402


def _cr():
    return str(chest_cr())


def test_cr_analyzer_gives_checks_only_and_no_finding():
    from pathlib import Path

    from app.ai import registry
    from app.readers.images import DicomSource

    analyzer = registry.first_analyzer("CR")
    assert analyzer is not None and analyzer.name == "chest-cxr"
    result = registry.run(analyzer, DicomSource([Path(_cr())]))
    assert result.urgency.value == "not_graded" and result.model.not_for_clinical_use
    assert result.summary.startswith("Image checks only; no finding model installed")
    assert [f.code for f in result.findings] == ["CXR_CHECKS_ONLY"]  # a good PA film
    checks = result.details["checks"]
    assert checks["view"] == "frontal" and checks["inverted_for_display"]
    assert checks["rotation"]["checked"] and checks["rotation"]["ok"] is True
    assert checks["rotation"]["area_asymmetry"] < 0.33 and abs(checks["rotation"]["tilt_deg"]) < 10


def test_failed_checks_become_quality_notes_not_findings():
    import pydicom

    from inference.chest.cxr import failed_checks, lung_fields, rotation

    fields = {"found": True, "count": 2, "area_asymmetry": 0.5, "tilt_deg": 2.0}
    assert rotation(fields)["ok"] is False
    assert (
        rotation({"found": True, "count": 2, "area_asymmetry": 0.1, "tilt_deg": 14.0})["ok"]
        is False
    )
    checks = {"view": "unknown", "exposure_ok": False, "rotation": {"checked": False},
              "lung_fields_found": False}  # fmt: skip
    assert failed_checks(checks) == [
        "CXR_CHECKS_ONLY", "CXR_VIEW_UNKNOWN", "CXR_EXPOSURE", "CXR_NO_LUNG_FIELDS"
    ]  # fmt: skip
    # a real MR slice: no lung fields, so not called frontal and not checked for rotation
    mr = pydicom.dcmread(pydicom_data.get_testdata_file("MR_small.dcm")).pixel_array
    assert lung_fields(np.asarray(mr, np.float32))["found"] is False


def test_mirrored_film_keeps_its_checks_and_a_cut_film_is_flagged():
    """The same real film flipped left-right is still symmetric; with one lung field
    blanked out (SYNTHETIC damage) the content no longer shows two fields."""
    import pydicom

    from inference.chest.cxr import lung_fields

    ds = pydicom.dcmread(_cr())
    img = ds.pixel_array.astype(np.float32)
    img = img.max() - img  # MONOCHROME1
    assert lung_fields(img[:, ::-1])["found"] is True
    cut = img.copy()
    h, w = cut.shape
    cut[:, w // 2 :] = np.percentile(img, 90)  # the right half of the image made bright
    assert lung_fields(cut)["found"] is False


def test_checks_panel_beside_the_film(qtbot, jobs, store, lang, tmp_path):
    lang("zh_CN")
    v, got = open_cr_viewer(qtbot, jobs, store)
    p = v.cxr_panel
    assert "未安装" in p.notice.text()
    rows = p.lines()
    assert rows[0][0] == "体位" and "PA" in rows[0][1]
    assert any(name == "旋转" and ok for name, _text, ok in rows)
    assert "体位" in p.table.text() and "✓" in p.table.text()
    qtbot.waitUntil(lambda: bool(got), timeout=60_000)
    assert [f["text"] for f in got[-1]] == ["仅做图像检查；未安装病变识别模型"]


def test_chest_xray_draft_quotes_the_checks_in_the_report_language(store):
    from app import reports
    from app.importer import run_import
    from inference.preread import run_preread

    pk = run_import(store, [_cr()]).study_pks[0]
    run_preread(store, [pk])
    view = reports.create_draft(store, pk, language="zh_CN")
    assert view.template == "imaging"
    assert view.values["findings"] == "- 仅做图像检查；未安装病变识别模型"
    assert view.values["impression"] == "待医生填写"  # nothing invented: the doctor reads it


def test_exposure_is_said_in_shares_a_reader_can_judge():
    from pathlib import Path

    from app.readers.images import DicomSource
    from inference.chest.cxr import analyze_cr

    checks = analyze_cr(DicomSource([Path(_cr())])).details["checks"]
    assert 0.2 < checks["contrast_fraction"] < 1.0 and checks["clipped_fraction"] < 0.05


def test_the_platforms_chest_xray_models_are_offered(qtbot, jobs, store, monkeypatch):
    from app.ai import subscriptions
    from app.ai.products import Product

    remote = Product("city-cxr", "City CXR findings", "City AI", "2.1", "CR", runs="remote",
                     endpoint_url="http://127.0.0.1:9")  # fmt: skip
    state = subscriptions.SubscriptionState([remote], known=True)
    monkeypatch.setattr(subscriptions, "_current", state)
    v, _got = open_cr_viewer(qtbot, jobs, store)
    p = v.cxr_panel
    assert p.platform.isVisibleTo(p)
    assert "City CXR findings 2.1 (City AI)" in p.platform.text()
    assert "no finding model installed" in p.notice.text()  # still only checks here
