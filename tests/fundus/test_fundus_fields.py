"""Disc- and macula-centred fields of one eye: told apart, grouped per eye in the
visit, shown as a pair, and judged together (the worse field decides).  Photos:
scikit-image's real retina.jpg (macula-centred) and SYNTHETIC copies (painted
lesions; a disc-centred field cut around its real disc)."""

from __future__ import annotations

import pytest

from inference.fundus import synthetic


@pytest.fixture(scope="module")
def disc_field(normal, normal_result):
    from inference.fundus.analysis import analyze_pixels

    return analyze_pixels(synthetic.disc_centred(normal, normal_result["disc"]), "OS")


def test_fields_are_told_by_the_anatomy(normal_result, disc_field):
    from inference.fundus.fields import classify

    assert normal_result["field_centred_on"] == "macula"
    assert disc_field["gradable"] and disc_field["field_centred_on"] == "disc"
    assert classify(dict(disc_field, field_given="macula")) == "macula"  # given at import
    assert classify({"disc": None}) == ""


def test_an_eye_is_judged_on_both_fields(lesion_results, disc_field, normal_result):
    from inference.fundus.fields import combine

    name, _painted, _expected, macula = next(r for r in lesion_results if r[3]["icdr_grade"] == 2)
    both = combine([dict(disc_field), dict(macula)])
    assert both["icdr_grade"] == 2 and both["referable"], name  # the worse field decides
    assert [f["field"] for f in both["fields"]] == ["macula", "disc"]
    assert both["dme_suspected"] == macula["dme_suspected"]  # from the macula field
    assert both["cup"] == disc_field["cup"]  # the disc seen face on
    assert both["categories"]["referable_dr"] == "referable"
    # an ungradable macula field: the eye is still read on its disc field, and says so
    blurred = dict(normal_result, gradable=False, icdr_grade=None, dme_suspected=None)
    blurred["quality"] = {"codes": ["poor_focus"], "reasons": ["poor focus"], "score": 0.2}
    one = combine([blurred, dict(disc_field)])
    assert one["gradable"] and one["icdr_grade"] == disc_field["icdr_grade"]
    assert [f["gradable"] for f in one["fields"]] == [False, True]
    assert any("ungradable" in r for r in one["reasons"])
    none = combine([dict(blurred), dict(blurred)])
    assert not none["gradable"] and none["referable"]


def test_visit_groups_field_pairs_and_the_viewer_shows_them(store, tmp_path, qtbot, jobs):
    from app import reports
    from app.domain import Modality
    from app.importer import run_import
    from inference.preread import run_preread
    from viewers.fundus.qt_fundus_viewer import FundusViewer
    from viewers.fundus.visit import find_visit
    from viewers.registry import ViewerContext

    files = synthetic.write_visit(tmp_path / "v", both_fields=True)
    pks = run_import(store, files).study_pks
    run_preread(store, pks)
    v = find_visit(store, pks[1])
    assert {e: [p.field for p in ps] for e, ps in v.fields.items()} == {
        "OD": ["macula", "disc"],
        "OS": ["macula", "disc"],
    }
    assert v.eyes["OD"].field == "macula" and v.photo_of("OS", "disc").field == "disc"
    assert v.combined["OD"]["icdr_grade"] == 2 and len(v.combined["OD"]["fields"]) == 2
    assert v.visit["worse_eye"] == "OD" and v.visit["referable"]
    viewer = FundusViewer(
        ViewerContext(store, pks[1], Modality.OP, store.object_paths(pks[1]), jobs)
    )
    qtbot.addWidget(viewer)
    qtbot.waitUntil(lambda: viewer.images_shown is not None, timeout=60000)
    assert viewer.a_field.isEnabled() and "2 fields" in viewer.titles["OD"].text()
    assert "macula-centred" in viewer.titles["OS"].text()
    big = viewer.views["OS"].photo.pixmap().width()
    viewer.a_field.setChecked(True)
    qtbot.waitUntil(
        lambda: viewer.views["OS"].photo.pixmap().width() not in (0, big), timeout=60_000
    )
    assert "disc-centred" in viewer.titles["OS"].text()
    assert "Fields:" in viewer.results["OD"].text()
    values = reports.create_draft(store, pks[1], language="en").values
    assert "Two fields read" in values["od_findings"] and values["od_grade"] == "icdr2"
    assert "Two fields read" in values["os_findings"] and values["os_grade"] == "icdr0"


def test_cli_judges_both_fields_of_an_eye(tmp_path, normal, normal_result, capsys):
    import json

    from PIL import Image

    from app.cli import main

    macula, disc = tmp_path / "m_OS.png", tmp_path / "d_OS.png"
    Image.fromarray(normal).save(macula)
    Image.fromarray(synthetic.disc_centred(normal, normal_result["disc"])).save(disc)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Canon", "CR-2"
    cam = tmp_path / "cam_OS.jpg"
    Image.fromarray(normal).save(cam, quality=90, exif=exif)
    assert main(["fundus", "analyze", str(macula), str(disc), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    a, b = out["images"]
    assert (a["field_centred_on"], b["field_centred_on"]) == ("macula", "disc")
    assert a["cup"]["measured"] and b["cup"]["measured"]
    assert not out["visit"]["referable"]  # the disc field's missing fovea is covered
    assert main(["fundus", "analyze", str(cam), str(disc)]) == 0
    text = capsys.readouterr().out
    assert "field: macula-centred" in text and "vertical cup-to-disc 0." in text
    assert "mm/px (camera manifest: Canon CR-2" in text and "no mm: camera field" in text
