"""The chest X-ray finding slot: the shipped manifest is an empty slot (image checks only,
no finding); a small real ONNX graph built here (not a trained model) installed as its
weights reads the real pydicom-data chest CR RG1_UNCR, and its heatmaps go out as a
DICOM SEG read back by pydicom and highdicom."""

from __future__ import annotations

import json

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")
pydicom_data = pytest.importorskip("pydicom.data")

from tests.chest.cxr_films import (  # noqa: E402
    CUTS,
    GAIN,
    chest_cr,
    cxr_test_registry,
    open_cr_viewer,
)


def _cr():
    return chest_cr()


@pytest.fixture
def registry(tmp_path):
    return cxr_test_registry(tmp_path)


def _source():
    from app.readers.images import DicomSource

    return DicomSource([_cr()])


def test_shipped_manifest_is_an_empty_slot_and_the_film_gets_no_finding():
    from inference.chest.cxr import analyze_cr, identity
    from inference.chest.cxr_model import installed_model
    from inference.registry import REGISTRY

    m = REGISTRY.get("chest-xray-findings")
    assert m.modality == "CR" and m.not_for_clinical_use and m.version == "slot"
    assert m.outputs[0].threshold == 0.5 and len(m.outputs[0].labels) == 14
    assert m.outputs[1].labels == m.outputs[0].labels and len(m.outputs[1].shape) == 4
    assert "pneumothorax" in m.outputs[0].labels
    assert installed_model() is None  # no weights here
    assert identity()[0] == "huizhen-chest-cxr-checks"  # the checks' identity, not the slot's
    result = analyze_cr(_source())
    assert [f.code for f in result.findings] == ["CXR_CHECKS_ONLY"]
    assert result.urgency.value == "not_graded" and "heatmaps" not in result.details


def test_installed_graph_reads_the_real_film(registry):
    from inference.chest.cxr import analyze_cr, film
    from inference.chest.cxr_model import decode_map, installed_model

    model = installed_model(registry)
    assert model is not None and model.size == (256, 256) and model.threshold == 0.5
    source = _source()
    result = analyze_cr(source, model=model)
    # expected from the pixels: the brightest 8x8 block of the model's input
    x = model.tensor(film(source.volume()))[0, 0]
    brightest = x.reshape(32, 8, 32, 8).mean(axis=(1, 3)).max()
    want = [lab for lab, cut in zip(model.labels, CUTS, strict=True) if brightest > cut]
    assert want == ["cardiomegaly", "pneumothorax"]  # cuts 0.55 and 0.3; the rest 1.5
    codes = [f.code for f in result.findings]
    assert codes == ["CXR_AI_CARDIOMEGALY", "CXR_AI_PNEUMOTHORAX"]  # a good PA film: no notes
    assert result.urgency.value == "urgent"  # pneumothorax: the rules, not the model
    assert result.model.name == "CXR test graph" and result.model.version == "t1"
    assert result.model.not_for_clinical_use and "not for clinical use" in result.summary
    ptx = result.findings[1]
    assert ptx.severity == "urgent" and ptx.evidence["model"] == {
        "name": "CXR test graph",
        "version": "t1",
    }
    p = 1 / (1 + np.exp(-GAIN * (brightest - 0.3)))
    assert ptx.evidence["probability"] == pytest.approx(p, abs=2e-3)
    assert result.details["checks"]["view"] == "frontal"  # the checks still run
    hm = decode_map(result.details["heatmaps"]["pneumothorax"])
    assert hm.shape == (32, 32) and set(result.details["heatmaps"]) == {
        "cardiomegaly",
        "pneumothorax",
    }
    # the map is bright where the film is dense: its peak on a bright part of the film
    img = film(source.volume())
    r, c = (int(v) for v in ptx.evidence["peak_rc"])
    assert img[r, c] > np.percentile(img, 75)
    # round trip through JSON (the stored result)
    from app.ai.result import AiResult

    back = AiResult.from_dict(json.loads(json.dumps(result.to_dict())))
    assert back.details["heatmaps"] == result.details["heatmaps"]


def test_a_film_with_nothing_bright_gives_no_finding_and_is_routine(registry):
    """SYNTHETIC: a flat grey film: nothing is brighter than the rest, nothing crosses a cut."""
    from inference.chest.cxr_model import installed_model

    model = installed_model(registry)
    flat = np.full((400, 300), 1000.0, np.float32)
    reading = model.read(flat)
    assert reading["positives"] == [] and reading["urgency"] == "routine"
    assert max(reading["probabilities"].values()) < 0.5


def test_heatmaps_as_seg_read_back_by_pydicom_and_highdicom(registry, tmp_path):
    import highdicom as hd
    import pydicom

    from inference.chest.cxr import analyze_cr
    from inference.chest.cxr_model import decode_map, installed_model
    from inference.chest.cxr_seg import write_heatmap_seg

    result = analyze_cr(_source(), model=installed_model(registry))
    out = write_heatmap_seg(result.details, {"name": result.model.name,
                                             "version": result.model.version},
                            _cr(), tmp_path / "cxr-seg.dcm")  # fmt: skip
    film = pydicom.dcmread(_cr(), stop_before_pixels=True)
    ds = pydicom.dcmread(out)
    assert ds.Modality == "SEG" and ds.SegmentationType == "FRACTIONAL"
    assert ds.Rows == film.Rows and ds.Columns == film.Columns
    ref = ds.ReferencedSeriesSequence[0].ReferencedInstanceSequence[0]
    assert ref.ReferencedSOPInstanceUID == film.SOPInstanceUID
    assert "not for clinical use" in ds.SeriesDescription
    seg = hd.seg.segread(out)
    assert seg.number_of_segments == 2
    labels = [seg.get_segment_description(i).segment_label for i in (1, 2)]
    assert labels[0].startswith("Cardiomegaly (AI p=") and labels[1].startswith("Pneumothorax (AI")
    alg = seg.get_segment_description(2).algorithm_identification[0]
    assert alg.AlgorithmName == "CXR test graph" and alg.AlgorithmVersion == "t1"
    assert seg.get_segment_description(2).tracking_id == "pneumothorax"
    pixels = seg.get_pixels_by_source_instance([film.SOPInstanceUID], combine_segments=False)
    assert pixels.shape == (1, film.Rows, film.Columns, 2)
    # the SEG's map is the kept heatmap at film size: the same peak, within a block
    hm = decode_map(result.details["heatmaps"]["pneumothorax"])
    r, c = np.unravel_index(np.argmax(hm), hm.shape)
    ry, cx = int((r + 0.5) * film.Rows / 32), int((c + 0.5) * film.Columns / 32)
    assert pixels[0, ry, cx, 1] == pytest.approx(hm[r, c], abs=0.02)
    assert pixels[0, ..., 1].max() <= 1.0 and pixels[0, ..., 1].min() >= 0.0


def test_a_lateral_film_with_a_model_installed_says_the_model_reads_frontal_only(
    registry, monkeypatch
):
    from inference.chest import cxr
    from inference.chest.cxr_model import installed_model

    monkeypatch.setattr(cxr, "_view", lambda _info: "LL")  # the real film, called lateral
    result = cxr.analyze_cr(_source(), model=installed_model(registry))
    assert [f.code for f in result.findings] == ["CXR_MODEL_FRONTAL_ONLY", "CXR_LATERAL"]
    assert result.urgency.value == "not_graded" and "CXR test graph t1" in result.summary
    assert "no finding model installed" not in result.summary


def test_the_model_findings_shown_as_ai_beside_the_film(qtbot, jobs, store, lang, registry,
                                                        monkeypatch):  # fmt: skip
    from inference.chest import cxr
    from inference.chest.cxr_model import installed_model

    model = installed_model(registry)
    monkeypatch.setattr(cxr, "_installed_model", lambda: model)
    monkeypatch.setattr(cxr, "_installed_manifest", lambda: model.manifest)
    lang("zh_CN")
    v, got = open_cr_viewer(qtbot, jobs, store)
    pk = v.ctx.study_pk
    p = v.cxr_panel
    assert p.has_model() and p.ai.isVisibleTo(p)
    assert "CXR test graph t1" in p.notice.text() and "不可用于临床" in p.notice.text()
    assert [(t, u) for t, _p, u in p.ai_lines()] == [
        ("心影增大（AI）", False),
        ("气胸（AI）", True),
    ]
    rows = [p.review.tree.topLevelItem(i) for i in range(p.review.tree.topLevelItemCount())]
    assert [(r.text(0), r.text(2)) for r in rows] == [
        ("心影增大（AI）", "待审核"),
        ("气胸（AI） — 紧急", "待审核"),
    ]
    qtbot.waitUntil(lambda: bool(got), timeout=60_000)
    dock = got[-1]
    assert [f["text"].split("  p=")[0] for f in dock] == ["心影增大（AI）", "气胸（AI）"]
    assert dock[1]["severity"] == "urgent" and dock[1]["model"]["name"] == "CXR test graph"
    assert dock[1]["not_for_clinical_use"]
    # the heatmaps stored with the case as a SEG and shown over the film
    assert p.heatmap_btn.isVisibleTo(p)
    p.heatmap_btn.click()
    qtbot.waitUntil(lambda: p.stored_seg is not None, timeout=60_000)
    assert "DICOM SEG" in p.heatmap_status.text() and not p.heatmap_btn.isEnabled()
    film_uid = str(__import__("pydicom").dcmread(_cr(), stop_before_pixels=True).SOPInstanceUID)
    qtbot.waitUntil(lambda: any(o.kind == "SEG" for o in v.objects.objects), timeout=60_000)
    seg = next(o for o in v.objects.objects if o.kind == "SEG")
    assert [s.label.split(" (")[0] for s in seg.segments] == ["Cardiomegaly", "Pneumothorax"]
    assert film_uid in seg.masks and {n for n, _m in seg.masks[film_uid]} <= {1, 2}
    stored = [path for o, path in store.object_paths(pk) if o.filename == "cxr-heatmaps-seg.dcm"]
    assert len(stored) == 1 and "not for clinical use" in str(
        __import__("highdicom").seg.segread(stored[0]).SeriesDescription
    )
    # opened again: the stored SEG is shown over the film and the button says it is stored
    from app.domain import Modality
    from viewers.dicom.qt_image_viewer import ImageViewer
    from viewers.registry import ViewerContext

    again = ImageViewer(ViewerContext(store, pk, Modality.CR, store.object_paths(pk), jobs))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: getattr(again, "cxr_panel", None) is not None, timeout=60_000)
    qtbot.waitUntil(lambda: any(o.kind == "SEG" for o in again.objects.objects), timeout=60_000)
    assert again.cxr_panel.stored_seg is not None and not again.cxr_panel.heatmap_btn.isEnabled()


def test_the_report_draft_quotes_no_model_finding_before_the_doctor_decides(
    store, registry, monkeypatch
):
    from app import reports
    from app.importer import run_import
    from inference.chest import cxr
    from inference.chest.cxr_model import installed_model
    from inference.preread import run_preread

    model = installed_model(registry)
    monkeypatch.setattr(cxr, "_installed_model", lambda: model)
    monkeypatch.setattr(cxr, "_installed_manifest", lambda: model.manifest)
    pk = run_import(store, [_cr()]).study_pks[0]
    run_preread(store, [pk])
    view = reports.create_draft(store, pk, language="zh_CN")
    assert view.values["findings"] == (  # nothing quoted until the doctor accepts it
        "AI 预读（CXR test graph t1，非临床用途）；经医生认可的所见：\n"
        "医生未认可任何 AI 所见。\n"
        "尚有 2 个 AI 所见未审核：请在胸片旁的列表中认可或否定。"
    )
    assert view.values["impression"] == "待医生填写"  # the doctor reads the film


def test_headless_command_reads_the_film_with_the_installed_model(registry, monkeypatch,
                                                                   tmp_path, capsys):  # fmt: skip
    import highdicom as hd

    from app.cli import main
    from inference.chest import cxr
    from inference.chest.cxr_model import installed_model

    model = installed_model(registry)
    monkeypatch.setattr(cxr, "_installed_model", lambda: model)
    out = tmp_path / "heat.dcm"
    assert main(["chest", "analyze", str(_cr()), "--json", "--seg", str(out)]) == 0
    r = json.loads(capsys.readouterr().out)
    assert [f["label"] for f in r["findings"]] == ["cardiomegaly", "pneumothorax"]
    assert r["urgency"] == "urgent" and r["model"] == {"name": "CXR test graph", "version": "t1"}
    assert "not for clinical use" in r["notice"] and r["checks"]["view"] == "frontal"
    assert "heatmap" not in json.dumps(r)  # the maps go to the SEG, not the JSON
    seg = hd.seg.segread(out)
    assert seg.number_of_segments == 2 and seg.SegmentationType == "FRACTIONAL"
    # without the model: checks only, and no SEG to write
    monkeypatch.setattr(cxr, "_installed_model", lambda: None)
    assert main(["chest", "analyze", str(_cr()), "--json", "--seg", str(tmp_path / "no.dcm")]) == 0
    captured = capsys.readouterr()
    assert "findings" not in json.loads(captured.out) and "no heatmap" in captured.err
    assert not (tmp_path / "no.dcm").exists()


def test_a_large_heatmap_is_kept_small_and_keeps_its_peak():
    """SYNTHETIC: a 512 x 384 map with one bright blob; kept at 128 x 96, peak in place."""
    from inference.chest.cxr_model import decode_map, encode_map

    yy, xx = np.mgrid[0:512, 0:384]
    hm = np.exp(-((yy - 100) ** 2 + (xx - 300) ** 2) / (2 * 20.0**2)).astype(np.float32)
    back = decode_map(encode_map(hm))
    assert back.shape == (128, 96)
    r, c = np.unravel_index(np.argmax(back), back.shape)
    assert abs(r * 4 + 1.5 - 100) <= 4 and abs(c * 4 + 1.5 - 300) <= 4 and back.max() > 0.95
    with pytest.raises(ValueError):
        decode_map({"shape": [2, 2], "data": "not base64 zlib"})
