"""Hostile XML, JSON and WFDB headers: each class that bench/fuzz_readers.py
found uncaught now ends as the reader's clear error.

Built in the test from real files (tests/data/ecg, sources in its README) or
from annotation files our exporters write (synthetic shapes, labelled so).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from app.annotations import AnnotationError, load_annotations, make_feature, save_asap
from app.readers.base import ReadError
from app.readers.limits import ReaderLimits, set_reader_limits

ECG_DATA = Path(__file__).resolve().parents[1] / "data" / "ecg"
MUSE = ECG_DATA / "muse" / "muse_ecg1.xml"


@pytest.fixture(autouse=True)
def default_limits():
    set_reader_limits(ReaderLimits())
    yield
    set_reader_limits(None)


@pytest.fixture
def asap_file(tmp_path) -> Path:
    """ASAP XML written by our exporter (synthetic polygon)."""
    ring = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 0.0]]
    path = tmp_path / "ann.xml"
    save_asap(path, [make_feature({"type": "Polygon", "coordinates": [ring]}, "annotation")])
    assert len(load_annotations(path).features) == 1
    return path


def reencode(raw: bytes, codec: str) -> bytes:
    text = re.sub(
        r"encoding=[\"'][^\"']*[\"']", f'encoding="{codec}"', raw.decode("latin-1"), count=1
    )
    assert codec in text
    return text.encode("utf-7") if codec == "UTF-7" else text.encode("latin-1")


@pytest.mark.parametrize("codec", ["UTF-7", "x-no-such-codec"])
def test_xml_in_utf7_or_an_unknown_encoding_is_a_clear_error(tmp_path, asap_file, codec):
    """Was ValueError (multi-byte encodings) and LookupError (unknown codec) from expat."""
    from app.ecg.readers import read_ecg

    if not MUSE.exists():
        pytest.skip("real MUSE file not in tests/data/ecg")
    muse = tmp_path / "muse.xml"
    muse.write_bytes(reencode(MUSE.read_bytes(), codec))
    with pytest.raises(ReadError):
        read_ecg(muse)
    asap_file.write_bytes(reencode(asap_file.read_bytes(), codec))
    with pytest.raises(AnnotationError):
        load_annotations(asap_file)


def test_asap_entity_bomb_and_deep_nesting_are_refused(asap_file):
    raw = asap_file.read_bytes()
    ents = "".join(f'<!ENTITY e{i + 1} "{f"&e{i};" * 10}">' for i in range(8))
    bomb = f'<!DOCTYPE ASAP_Annotations [<!ENTITY e0 "aaaaaaaaaa">{ents}]>'.encode()
    asap_file.write_bytes(
        raw.replace(b"?>", b"?>" + bomb, 1).replace(b"<Annotations>", b"<Annotations>&e8;")
    )
    with pytest.raises(AnnotationError, match="refused"):
        load_annotations(asap_file)
    deep = b"<Annotations>" + b"<a>" * 50000 + b"</a>" * 50000
    asap_file.write_bytes(raw.replace(b"<Annotations>", deep, 1))
    with pytest.raises(AnnotationError, match="nested deeper"):
        load_annotations(asap_file)


def geojson(tmp_path: Path, geometry: str, properties: str = "{}") -> Path:
    path = tmp_path / "ann.geojson"
    path.write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":'
        f'{geometry},"properties":{properties}}}]}}'
    )
    return path


def test_deeply_nested_geojson_is_a_clear_error(tmp_path):
    """Was RecursionError from the JSON decoder (100,000 nested arrays)."""
    with pytest.raises(AnnotationError, match="nested too deeply"):
        load_annotations(geojson(tmp_path, "[" * 100000 + "]" * 100000))


def test_nesting_the_decoder_accepts_is_refused_before_geometry_checks_and_autosave(tmp_path):
    """GeometryCollections 400 deep decode, then recursed in the checks and the save."""
    collection = '{"type":"GeometryCollection","geometries":[' * 400
    point = '{"type":"Point","coordinates":[1,2]}'
    path = geojson(tmp_path, collection + point + "]}" * 400)
    json.loads(path.read_text())  # the decoder itself copes with this depth
    with pytest.raises(AnnotationError, match="nested deeper than 100"):
        load_annotations(path)
    meta = '{"a":' * 450 + "1" + "}" * 450
    with pytest.raises(AnnotationError, match="nested deeper"):
        load_annotations(geojson(tmp_path, point, '{"metadata":' + meta + "}"))


def test_huge_integer_coordinate_skips_the_feature(tmp_path):
    """Was OverflowError in the coordinate check (int too large for a float)."""
    result = load_annotations(
        geojson(tmp_path, '{"type":"Point","coordinates":[1' + "0" * 400 + ", 5]}")
    )
    assert result.features == []
    assert "finite" in result.skipped[0][1]


# -- WFDB --------------------------------------------------------------------
def wfdb_copy(tmp_path: Path) -> Path:
    src = ECG_DATA / "wfdb" / "041s"
    if not src.exists():
        pytest.skip("real WFDB multi-segment record not in tests/data/ecg")
    dst = tmp_path / "041s"
    shutil.copytree(src, dst)
    return dst / "041s.hea"


def test_wfdb_segment_naming_its_own_header_does_not_recurse(tmp_path):
    from app.ecg.readers import read_ecg
    from app.readers.ecg import WfdbReader

    hea = wfdb_copy(tmp_path)
    text = hea.read_text()
    hea.write_text(text.replace("041s01 1000", "041s 1000"))  # a segment that is the record
    with pytest.raises(ReadError, match="itself a multi-segment"):
        WfdbReader().read_meta(hea)
    with pytest.raises(ReadError):
        read_ecg(hea)


@pytest.mark.parametrize("name", ["../../outside", "x" * 5000, "a\\b"])
def test_wfdb_header_may_only_name_files_beside_it(tmp_path, name):
    """An over-long name was OSError (file name too long) from the existence check."""
    from app.readers.ecg import WfdbReader

    hea = wfdb_copy(tmp_path)
    hea.write_text(hea.read_text().replace("041s01 1000", f"{name} 1000"))
    with pytest.raises(ReadError):
        WfdbReader().read_meta(hea)


def test_non_finite_properties_become_null_so_the_autosave_works(tmp_path):
    """Was ValueError in the autosave (allow_nan=False) for NaN/1e999 measurements."""
    from app.annotations.geojson import dumps_geojson

    path = geojson(
        tmp_path,
        '{"type":"Point","coordinates":[1,2]}',
        '{"measurements":{"Area":NaN,"Perimeter":1e999,"Count":3},"metadata":{"x":[-1e999]}}',
    )
    result = load_annotations(path)
    props = result.features[0]["properties"]
    assert props["measurements"] == {"Area": None, "Perimeter": None, "Count": 3}
    assert props["metadata"] == {"x": [None]}
    assert b'"Area": null' in dumps_geojson(result.features)


DEEP_LIST = '{"patient_id": ' + "[" * 100000 + "]" * 100000 + "}"
DEEP_DICT = '{"a": ' * 500 + "1" + "}" * 500


@pytest.mark.parametrize(
    ("sidecar", "refused"), [(DEEP_LIST, True), (DEEP_DICT, True), ('{"extra": [1, 2]}', False)]
)
def test_hostile_metadata_sidecar_is_a_clear_error_or_ignored(tmp_path, sidecar, refused):
    """A deep sidecar was RecursionError (decoder, or str() of it); a list 'extra' AttributeError."""
    from app.readers.ecg import MuseReader

    if not MUSE.exists():
        pytest.skip("real MUSE file not in tests/data/ecg")
    path = tmp_path / "muse.xml"
    shutil.copyfile(MUSE, path)
    (tmp_path / "muse.xml.json").write_text(sidecar)
    if refused:
        with pytest.raises(ReadError, match="nested too deeply"):
            MuseReader().read_meta(path)
    else:
        assert MuseReader().read_meta(path).extra["format"] == "ge-muse-xml"


@pytest.mark.parametrize("length", ["1" + "0" * 60, "-5"])
def test_wfdb_absurd_record_length_is_a_read_error(tmp_path, length):
    """A 61-digit length was OverflowError (int too large to convert to float)."""
    from app.ecg.readers import read_ecg
    from app.readers.ecg import WfdbReader

    hea = wfdb_copy(tmp_path)
    first, rest = hea.read_text().split("\n", 1)
    parts = first.split()
    parts[3] = length  # record line: name/segments, signals, rate, length, ...
    hea.write_text(" ".join(parts) + "\n" + rest)
    with pytest.raises(ReadError):
        WfdbReader().read_meta(hea)
    with pytest.raises(ReadError):
        read_ecg(hea)
