"""QuPath GeoJSON (native) and ASAP XML."""

from __future__ import annotations

import copy
import json

import pytest

from app.annotations import (
    AnnotationError,
    load_annotations,
    load_asap,
    load_geojson,
    parse_geojson,
    save_annotations,
    save_geojson,
)

SQUARE = [[[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]]]


def qupath_features() -> list[dict]:
    """Features as QuPath 0.4+ writes them, with every property kind and unknown keys."""
    return [
        {
            "type": "Feature",
            "id": "0f8e3a4c-1b2d-4e5f-8a9b-0c1d2e3f4a5b",
            "geometry": {"type": "Polygon", "coordinates": SQUARE},
            "properties": {
                "objectType": "annotation",
                "name": "Tumour 1 — 肿瘤",
                "color": [255, 0, 0],
                "isLocked": True,
                "classification": {"name": "Tumor", "color": [200, 0, 0]},
                "measurements": {"Area µm^2": 625.0, "Num Detections": 12},
                "metadata": {"reviewer": "DEMO^Pathology"},
                "vendorThing": {"nested": [1, 2, {"x": None}]},
            },
            "extraTopLevel": "kept",
        },
        {
            "type": "Feature",
            "id": "1f8e3a4c-1b2d-4e5f-8a9b-0c1d2e3f4a5b",
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[10, 10], [30, 10], [30, 30], [10, 10]]],
            },
            "properties": {
                "objectType": "cell",
                "classification": {"name": "Lymphocyte", "color": [0, 0, 255]},
                "nucleusGeometry": {
                    "type": "Polygon",
                    "coordinates": [[[15, 15], [20, 15], [20, 20], [15, 15]]],
                },
                "measurements": {"Nucleus: Area µm^2": 6.25},
            },
        },
        {
            "type": "Feature",
            "id": "2f8e3a4c-1b2d-4e5f-8a9b-0c1d2e3f4a5b",
            "geometry": {"type": "Polygon", "coordinates": SQUARE},
            "properties": {"objectType": "annotation", "isEllipse": True, "name": "ellipse"},
        },
        {
            "type": "Feature",
            "id": "3f8e3a4c-1b2d-4e5f-8a9b-0c1d2e3f4a5b",
            "geometry": {"type": "MultiPoint", "coordinates": [[1.5, 2.5], [3, 4]]},
            "properties": {"objectType": "annotation", "classification": {"name": "Mitosis"}},
        },
        {
            "type": "Feature",
            "id": "4f8e3a4c-1b2d-4e5f-8a9b-0c1d2e3f4a5b",
            "geometry": {"type": "LineString", "coordinates": [[0, 0], [50, 60]]},
            "properties": {"objectType": "detection"},
        },
        {
            "type": "Feature",
            "id": "5f8e3a4c-1b2d-4e5f-8a9b-0c1d2e3f4a5b",
            "geometry": {"type": "Polygon", "coordinates": SQUARE},
            "properties": {"objectType": "tile"},
        },
    ]


def test_geojson_round_trip_keeps_every_property(tmp_path):
    original = qupath_features()
    path = tmp_path / "a.geojson"
    save_geojson(path, copy.deepcopy(original))
    back = load_geojson(path)
    assert back.skipped == []
    assert back.features == original
    # and as a bare array
    path.write_text(json.dumps(original, ensure_ascii=False), "utf-8")
    assert load_geojson(path).features == original


def test_older_qupath_object_type_spellings():
    legacy = [
        {
            "type": "Feature",
            "id": "PathCellObject",
            "geometry": {"type": "Point", "coordinates": [1, 2]},
            "properties": {},
        },
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [1, 2]},
            "properties": {"object_type": "detection"},
        },
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [1, 2]},
            "properties": {"type": "tile", "other": 1},
        },
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [1, 2]},
            "properties": {
                "classification": "Stroma",
                "measurements": [{"name": "A", "value": 2.0}],
            },
        },
    ]
    result = parse_geojson({"type": "FeatureCollection", "features": legacy})
    kinds = [f["properties"]["objectType"] for f in result.features]
    assert kinds == ["cell", "detection", "tile", "annotation"]
    assert "object_type" not in result.features[1]["properties"]
    assert result.features[2]["properties"]["other"] == 1
    assert result.features[3]["properties"]["classification"] == {"name": "Stroma"}
    assert result.features[3]["properties"]["measurements"] == {"A": 2.0}
    ids = [f["id"] for f in result.features]
    assert len(set(ids)) == 4 and "PathCellObject" not in ids


def test_malformed_features_are_skipped_with_reasons():
    good = qupath_features()[0]
    items = [
        good,
        {"type": "Feature", "properties": {}},  # no geometry
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": ["a", 2]}},
        {"type": "Feature", "geometry": {"type": "Blob", "coordinates": [1, 2]}},
        {
            "type": "Feature",
            "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 2]]]},
        },
        "not a feature",
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [1, 2]},
            "properties": {"classification": 5},
        },
    ]
    result = parse_geojson(items)
    assert [f["id"] for f in result.features] == [good["id"]]
    assert [i for i, _ in result.skipped] == [1, 2, 3, 4, 5, 6, 7]
    reasons = dict(result.skipped)
    assert "geometry missing" in reasons[1]
    assert "at least 4" in reasons[2]
    assert "finite number" in reasons[3]
    assert "Blob" in reasons[4]
    assert "end where it starts" in reasons[5]
    assert result.summary() == "1 objects imported, 7 skipped"


def test_whole_file_errors(tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json", "utf-8")
    with pytest.raises(AnnotationError):
        load_geojson(bad)
    with pytest.raises(AnnotationError):
        parse_geojson({"type": "Topology"})


ASAP_XML = """<?xml version="1.0"?>
<ASAP_Annotations>
  <Annotations>
    <Annotation Name="Annotation 0" Type="Polygon" PartOfGroup="Tumor" Color="#F4FA58">
      <Coordinates>
        <Coordinate Order="2" X="100.5" Y="200" />
        <Coordinate Order="0" X="10" Y="20" />
        <Coordinate Order="1" X="100" Y="20" />
      </Coordinates>
    </Annotation>
    <Annotation Name="dot" Type="Dot" PartOfGroup="None" Color="#00ff00">
      <Coordinates><Coordinate Order="0" X="5" Y="6" /></Coordinates>
    </Annotation>
    <Annotation Name="points" Type="PointSet" PartOfGroup="Mitosis" Color="#ff0000">
      <Coordinates><Coordinate Order="0" X="1" Y="2" /><Coordinate Order="1" X="3" Y="4" /></Coordinates>
    </Annotation>
    <Annotation Name="rect" Type="Rectangle" PartOfGroup="Tumor" Color="#F4FA58">
      <Coordinates>
        <Coordinate Order="0" X="0" Y="0" /><Coordinate Order="1" X="10" Y="0" />
        <Coordinate Order="2" X="10" Y="10" /><Coordinate Order="3" X="0" Y="10" />
      </Coordinates>
    </Annotation>
    <Annotation Name="broken" Type="Polygon" PartOfGroup="Tumor" Color="#F4FA58">
      <Coordinates><Coordinate Order="0" X="abc" Y="1" /></Coordinates>
    </Annotation>
    <Annotation Name="empty" Type="Polygon" PartOfGroup="Tumor" Color="#F4FA58"><Coordinates/></Annotation>
  </Annotations>
  <AnnotationGroups>
    <Group Name="Tumor" PartOfGroup="None" Color="#ff0000"><Attributes /></Group>
    <Group Name="Mitosis" PartOfGroup="None" Color="#0000ff"><Attributes /></Group>
  </AnnotationGroups>
</ASAP_Annotations>
"""


def test_asap_import(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text(ASAP_XML, "utf-8")
    result = load_asap(path)
    by_name = {f["properties"]["name"]: f for f in result.features}
    assert set(by_name) == {"Annotation 0", "dot", "points", "rect"}
    poly = by_name["Annotation 0"]
    assert poly["geometry"] == {
        "type": "Polygon",
        "coordinates": [[[10.0, 20.0], [100.0, 20.0], [100.5, 200.0], [10.0, 20.0]]],
    }
    assert poly["properties"]["classification"] == {"name": "Tumor", "color": [255, 0, 0]}
    assert poly["properties"]["color"] == [0xF4, 0xFA, 0x58]
    assert by_name["dot"]["geometry"] == {"type": "Point", "coordinates": [5.0, 6.0]}
    assert "classification" not in by_name["dot"]["properties"]
    assert by_name["points"]["geometry"]["type"] == "MultiPoint"
    assert len(by_name["rect"]["geometry"]["coordinates"][0]) == 5
    skipped = dict(result.skipped)
    assert set(skipped) == {4, 5}
    assert "broken" in skipped[4] and "empty" in skipped[5]


def test_convert_between_formats_keeps_geometry_and_classes(tmp_path):
    features = parse_geojson(qupath_features()).features
    xml = tmp_path / "out.xml"
    save_annotations(xml, features)
    back = load_annotations(xml).features
    assert len(back) == len(features)
    for a, b in zip(features, back, strict=True):
        ga, gb = a["geometry"], b["geometry"]
        if ga["type"] == "Polygon":
            assert gb["coordinates"][0] == [[float(x), float(y)] for x, y in ga["coordinates"][0]]
        cls = a["properties"].get("classification")
        assert (b["properties"].get("classification") or {}).get("name") == (cls or {}).get("name")
    with pytest.raises(AnnotationError):
        save_annotations(tmp_path / "out.txt", features)
