"""The fundus analyzer through the shared pipeline: import -> pre-read (OP descriptor)
-> stored AiResult -> report draft; and the headless command's JSON."""

from __future__ import annotations

import json

import numpy as np
from PIL import Image

from inference.fundus import synthetic


def _save(path, pixels):
    Image.fromarray(pixels).save(path)
    return path


def test_import_preread_stores_result_and_drafts_report(store, tmp_path, normal):
    from app import report_templates as rt
    from app.ai.store import latest_result
    from app.importer import run_import
    from inference.preread import run_preread

    good = _save(tmp_path / "screening_OS.png", normal)
    blurred, _code = synthetic.degraded(normal)["blurred"]  # SYNTHETIC
    bad = _save(tmp_path / "screening_OD.png", blurred)
    pks = run_import(store, [good, bad]).study_pks
    assert len(pks) == 2
    out = run_preread(store, pks)
    by_eye = {}
    for pk in pks:
        row, result = latest_result(store, pk)
        assert result.analyzer == "fundus" and result.modality == "OP"
        assert result.model.name == "Huizhen fundus classic" and result.model.not_for_clinical_use
        eye = result.details["eyes"][0]["eye"]
        by_eye[eye] = (row, result)
        assert out[pk].uid == result.uid
    _row, od = by_eye["OD"]
    assert od.urgency == "not_graded" and od.findings[0].code == "FUNDUS_UNGRADABLE"
    assert od.findings[0].territory == "OD"
    row, os_ = by_eye["OS"]
    assert os_.urgency == "routine" and os_.findings[0].code == "FUNDUS_ICDR0"
    payload = os_.to_dict()
    ai = rt.AiInput(row, os_.model.label, payload["findings"], payload["measurements"], payload)
    values, ai_values = rt.draft_fields(rt.get("fundus"), ai, "zh_CN", {"laterality": "L"})
    assert values["os_grade"] == "icdr0" and ai_values["os_grade"] == "icdr0"
    assert values["od_findings"] == rt.text("not_imaged", "zh_CN")


def test_cli_json_two_eyes(tmp_path, normal, capsys):
    from app.cli import main

    lesions = [synthetic.Painted("hard_exudate", 760, 700, 5)]  # SYNTHETIC, by the fovea
    left = _save(tmp_path / "a.png", synthetic.paint(normal, lesions))
    right = _save(
        tmp_path / "b.png", np.ascontiguousarray(normal[:, ::-1])
    )  # mirrored: a right eye
    assert main(["fundus", "analyze", str(left), str(right), "--eye", "OS", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    a, b = report["images"]
    keys = {
        "eye",
        "gradable",
        "quality",
        "disc",
        "fovea",
        "lesions",
        "icdr_grade",
        "dme_suspected",
        "referable",
        "reasons",
        "categories",
        "model",
        "notice",
    }
    assert keys <= set(a)
    assert a["eye"] == "OS" and a["eye_source"] == "given"
    assert a["dme_suspected"] is True and a["referable"] is True
    assert {"score", "reasons"} <= set(a["quality"])
    assert set(a["disc"]) >= {"centre", "diameter_px"}
    assert b["eye"] == "OD" and b["eye_source"].startswith("anatomy") and not b["referable"]
    assert report["visit"]["referable"] and report["visit"]["worse_eye"] == "OS"
    assert a["model"]["name"] == "Huizhen fundus classic" and "not for clinical use" in a["notice"]


def test_cli_unreadable_file_exits_2(tmp_path, capsys):
    from app.cli import main

    bad = tmp_path / "x_OD.jpg"
    bad.write_bytes(b"\xff\xd8\xff garbage")
    assert main(["fundus", "analyze", str(bad)]) == 2
    assert "cannot" in capsys.readouterr().err


def test_dicom_op_photo_through_the_registry(tmp_path):
    """The real photo wrapped as DICOM Ophthalmic Photography (laterality L)."""
    from app.ai.registry import first_analyzer, open_file, run
    from app.demo.build import build_fundus

    analyzer = first_analyzer("OP")
    assert analyzer is not None and analyzer.name == "fundus"
    result = run(analyzer, open_file(build_fundus(tmp_path)))
    eye = result.details["eyes"][0]
    assert eye["eye"] == "OS" and eye["eye_source"] == "given"
    assert eye["gradable"] and eye["icdr_grade"] == 0 and not eye["referable"]
    assert result.urgency == "routine" and result.details["grades"] == {"os": "icdr0"}
