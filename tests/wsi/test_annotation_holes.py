"""Polygons with holes survive every format: QuPath GeoJSON, ASAP XML, DICOM bulk annotations."""

from __future__ import annotations

import pytest

from app.annotations import load_annotations, make_feature, save_annotations
from app.annotations.asap import parse_asap

OUTER = [[100.0, 100.0], [900.0, 100.0], [900.0, 700.0], [100.0, 700.0], [100.0, 100.0]]
HOLE_A = [[200.0, 200.0], [300.0, 200.0], [300.0, 300.0], [200.0, 300.0], [200.0, 200.0]]
HOLE_B = [[500.0, 400.0], [650.0, 400.0], [650.0, 550.0], [500.0, 550.0], [500.0, 400.0]]
SECOND = [[1000.0, 100.0], [1200.0, 100.0], [1200.0, 300.0], [1000.0, 300.0], [1000.0, 100.0]]
SECOND_HOLE = [[1050.0, 150.0], [1100.0, 150.0], [1100.0, 200.0], [1050.0, 200.0], [1050.0, 150.0]]


def features():
    return [
        make_feature(
            {"type": "Polygon", "coordinates": [OUTER, HOLE_A, HOLE_B]}, "annotation", "Tumor"
        ),
        make_feature(
            {"type": "MultiPolygon", "coordinates": [[SECOND, SECOND_HOLE]]}, "annotation", "Stroma"
        ),
    ]


def rings_of(f):
    g = f["geometry"]
    polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
    return [[_norm(r) for r in poly] for poly in polys]


def _norm(ring):
    """A ring as a set of vertices (start point and direction may change between formats)."""
    return frozenset((round(x, 3), round(y, 3)) for x, y in ring)


def check(found):
    by_cls = {f["properties"]["classification"]["name"]: f for f in found}
    assert set(by_cls) == {"Tumor", "Stroma"}, by_cls.keys()
    (tumor,) = rings_of(by_cls["Tumor"])
    assert tumor[0] == _norm(OUTER) and set(tumor[1:]) == {_norm(HOLE_A), _norm(HOLE_B)}
    (stroma,) = rings_of(by_cls["Stroma"])
    assert stroma == [_norm(SECOND), _norm(SECOND_HOLE)]


@pytest.mark.parametrize("suffix", [".geojson", ".xml"])
def test_holes_round_trip_geojson_and_asap(tmp_path, suffix):
    path = tmp_path / f"holes{suffix}"
    save_annotations(path, features())
    check(load_annotations(path).features)


def test_asap_exclusion_group_from_camelyon_becomes_a_hole():
    xml = b"""<?xml version="1.0"?><ASAP_Annotations><Annotations>
    <Annotation Name="Annotation 0" Type="Polygon" PartOfGroup="_0" Color="#F4FA58"><Coordinates>
    <Coordinate Order="0" X="0" Y="0"/><Coordinate Order="1" X="100" Y="0"/>
    <Coordinate Order="2" X="100" Y="100"/><Coordinate Order="3" X="0" Y="100"/></Coordinates></Annotation>
    <Annotation Name="Annotation 1" Type="Polygon" PartOfGroup="_2" Color="#000000"><Coordinates>
    <Coordinate Order="0" X="10" Y="10"/><Coordinate Order="1" X="20" Y="10"/>
    <Coordinate Order="2" X="20" Y="20"/></Coordinates></Annotation>
    <Annotation Name="Annotation 2" Type="Polygon" PartOfGroup="_2" Color="#000000"><Coordinates>
    <Coordinate Order="0" X="500" Y="500"/><Coordinate Order="1" X="520" Y="500"/>
    <Coordinate Order="2" X="520" Y="520"/></Coordinates></Annotation>
    </Annotations><AnnotationGroups/></ASAP_Annotations>"""
    found = parse_asap(xml).features
    assert len(found) == 2
    assert len(found[0]["geometry"]["coordinates"]) == 2  # outer + the exclusion inside it
    assert found[1]["properties"]["classification"]["name"] == "Exclusion"  # kept, not lost


def test_holes_round_trip_dicom_bulk_annotations(tmp_path):
    from app.annotations.dicom_ann import (
        available,
        load_bulk_annotations,
        read_bulk_annotations,
        save_bulk_annotations,
        source_descriptor,
    )

    if not available():
        pytest.skip("highdicom not installed")
    path = tmp_path / "ann.dcm"
    save_bulk_annotations(path, features(), source_descriptor(size=(4096, 3072)), (0.25, 0.25))
    labels = {label for label, _kind, _n in read_bulk_annotations(path)}
    assert "Tumor polygon hole" in labels and "Tumor polygon" in labels
    check(load_bulk_annotations(path))
    check(load_annotations(path).features)  # the viewer's Import takes .dcm too


def test_a_dicom_image_is_not_an_annotation_file():
    from pathlib import Path

    from app.annotations import AnnotationError

    image = Path(__file__).resolve().parents[1] / "data" / "wsi_dicom" / "sm_image.dcm"
    with pytest.raises(AnnotationError, match="not a readable DICOM annotation file"):
        load_annotations(image)
