"""Import (QuPath GeoJSON, ASAP XML) and export (GeoJSON, DICOM ANN) from the slide viewer."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from tests.wsi.test_qt_annotation_tools import drag, new_study, open_viewer  # noqa: E402


def square(x, y, s=100):
    return {
        "type": "Polygon",
        "coordinates": [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]],
    }


GOOD = [
    {
        "type": "Feature",
        "geometry": square(1500, 1200),
        "properties": {
            "objectType": "annotation",
            "classification": {"name": "Tumor", "color": [200, 0, 0]},
            "myKey": 7,
        },
    },
    {
        "type": "Feature",
        "geometry": square(1700, 1300, 10),
        "properties": {"object_type": "detection"},
    },
    {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [1600, 1400]},
        "properties": {},
    },
]
BAD = [
    {"type": "Feature", "properties": {"objectType": "annotation"}},  # no geometry
    {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [5, 0], [5, 5]]]}},
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": ["x", 1]}},
]


def test_malformed_geojson_reports_skipped_features(qtbot, viewer, tmp_path):
    path = tmp_path / "mixed.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": GOOD + BAD}))
    with qtbot.waitSignal(viewer.imported, timeout=60_000) as sig:
        viewer.import_annotations(path)
    assert sig.args == [3, 3]
    title, text = viewer.last_message
    assert title == "Some features were skipped"
    assert "3 objects imported, 3 skipped" in text
    assert "Feature 4: geometry missing" in text
    assert "Feature 5: a polygon ring needs at least 4 positions" in text
    assert "Feature 6: coordinate 'x' is not a finite number" in text
    assert viewer.message_box.isVisible()
    anns = viewer.layer.annotations()
    assert len(anns) == 2 and any(f["properties"].get("myKey") == 7 for f in anns)
    imported = viewer.canvas.overlays.layer("imported")
    assert imported is not None and len(imported.data) == 1  # the detection, drawn fast
    viewer.a_undo.trigger()  # one undo step takes the whole import back
    assert viewer.layer.features == {} and viewer.canvas.overlays.layer("imported") is None


def test_not_json_is_reported(qtbot, viewer, tmp_path):
    path = tmp_path / "broken.geojson"
    path.write_text("{not json")
    viewer.import_annotations(path)
    qtbot.waitUntil(lambda: viewer.last_message is not None, timeout=60_000)
    title, text = viewer.last_message
    assert title == "Import failed" and "broken.geojson could not be imported" in text
    assert viewer.layer.features == {}


def test_asap_xml_import(qtbot, viewer, tmp_path):
    from app.annotations import dumps_asap, make_feature

    feats = [
        make_feature(square(1500, 1200), "annotation", "Stroma", (0, 200, 0)),
        make_feature({"type": "LineString", "coordinates": [[1500, 1500], [1700, 1500]]}),
    ]
    path = tmp_path / "asap.xml"
    path.write_bytes(dumps_asap(feats))
    with qtbot.waitSignal(viewer.imported, timeout=60_000) as sig:
        viewer.import_annotations(path)
    assert sig.args == [2, 0] and viewer.last_message[0] == "Annotations imported"
    kinds = sorted(f["geometry"]["type"] for f in viewer.layer.annotations())
    assert kinds == ["LineString", "Polygon"]
    line = next(f for f in viewer.layer.annotations() if f["geometry"]["type"] == "LineString")
    assert viewer.layer.measure(line)["Length µm"] == pytest.approx(50)


def test_geojson_export_round_trip(qtbot, viewer, tmp_path):
    from app.annotations import load_geojson

    viewer.set_tool("rectangle")
    drag(qtbot, viewer.canvas, [(100, 100), (300, 200)])
    viewer.set_tool("points")
    qtbot.mouseClick(viewer.canvas, Qt.MouseButton.LeftButton)
    out = viewer.export_geojson(tmp_path / "out.geojson")
    back = load_geojson(out)
    assert not back.skipped
    assert {f["id"]: f for f in back.features} == viewer.layer.features
    assert "exported" in viewer.status.text()


def test_dicom_bulk_annotations_export(qtbot, jobs, store, small_slide, tmp_path):  # noqa: F811
    pytest.importorskip("highdicom")
    from app.annotations.dicom_ann import read_bulk_annotations

    pk = new_study(store)
    viewer = open_viewer(qtbot, jobs, small_slide, store, pk)
    viewer.set_tool("rectangle")
    drag(qtbot, viewer.canvas, [(100, 100), (300, 200)])
    viewer.set_tool("ellipse")
    drag(qtbot, viewer.canvas, [(400, 100), (500, 200)])
    viewer.set_tool("line")
    drag(qtbot, viewer.canvas, [(100, 300), (300, 300)])
    out = tmp_path / "ann.dcm"
    viewer.export_dicom(out)
    qtbot.waitUntil(lambda: "annotation groups exported" in viewer.status.text(), timeout=60_000)
    groups = read_bulk_annotations(out)
    assert sorted((g[1], g[2]) for g in groups) == [("ELLIPSE", 1), ("POLYGON", 1), ("POLYLINE", 1)]
    import pydicom

    ds = pydicom.dcmread(out)
    assert ds.Modality == "ANN" and ds.StudyInstanceUID == "2.25.4242"
    assert ds.PatientID == "DEMO-4242"
    viewer.close()


def test_dicom_annotations_export_anonymised(qtbot, jobs, store, small_slide, tmp_path):  # noqa: F811
    """Issue 13: the anonymised export keeps the shapes and names nobody."""
    pytest.importorskip("highdicom")
    import pydicom

    from app.annotations.dicom_ann import read_bulk_annotations

    pk = new_study(store)
    viewer = open_viewer(qtbot, jobs, small_slide, store, pk)
    viewer.set_tool("rectangle")
    drag(qtbot, viewer.canvas, [(100, 100), (300, 200)])
    out = tmp_path / "anon.dcm"
    viewer.export_dicom_anonymised(out)
    qtbot.waitUntil(lambda: "annotation groups exported" in viewer.status.text(), timeout=60_000)
    assert [(g[1], g[2]) for g in read_bulk_annotations(out)] == [("POLYGON", 1)]
    ds = pydicom.dcmread(out)
    assert ds.PatientIdentityRemoved == "YES" and "DEMO-4242" not in str(ds.PatientID)
    assert ds.StudyInstanceUID != "2.25.4242" and "DEMO" not in str(ds.PatientName)
    viewer.close()
