"""``huizhen wsi`` commands (app.slide.cli.main)."""

from __future__ import annotations

import json

from app.annotations import load_annotations, load_geojson
from app.slide.cli import main


def test_info(small_slide, capsys):
    assert main(["info", str(small_slide), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["dimensions"] == [4096, 3072]
    assert info["mpp"] == [0.25, 0.25]
    assert [lv["downsample"] for lv in info["levels"]] == [1, 2, 4, 8]
    assert main(["info", str(small_slide)]) == 0
    assert "level 3: 512 x 384" in capsys.readouterr().out


def test_info_on_a_bad_file_is_an_error_not_a_crash(tmp_path, capsys):
    bad = tmp_path / "x.svs"
    bad.write_bytes(b"II*\x00" + b"\x00" * 100)
    assert main(["info", str(bad)]) == 2
    assert "error:" in capsys.readouterr().err


def test_detect_nuclei_writes_qupath_geojson_and_heatmap(small_slide, tmp_path, capsys):
    import tifffile

    out, heat = tmp_path / "n.geojson", tmp_path / "h.tif"
    rc = main(
        [
            "detect-nuclei",
            str(small_slide),
            "--out",
            str(out),
            "--region",
            "1500,1200,1000,700",
            "--heatmap",
            str(heat),
        ]
    )
    assert rc == 0
    doc = json.loads(out.read_text("utf-8"))
    assert doc["type"] == "FeatureCollection"
    assert doc["analysis"]["analyzer"] == "huizhen-nuclei-watershed"
    result = load_geojson(out)
    assert not result.skipped and len(result.features) == doc["analysis"]["nuclei"] > 20
    assert tifffile.imread(heat).sum() > 0
    assert f"{len(result.features)} nuclei" in capsys.readouterr().out


def test_convert_both_ways(tmp_path, capsys):
    src = tmp_path / "a.geojson"
    src.write_text(
        json.dumps(
            [
                {
                    "type": "Feature",
                    "geometry": {
                        "type": "Polygon",
                        "coordinates": [[[0, 0], [5, 0], [5, 5], [0, 0]]],
                    },
                    "properties": {
                        "objectType": "annotation",
                        "classification": {"name": "Tumor", "color": [255, 0, 0]},
                    },
                },
                {"type": "Feature", "geometry": None, "properties": {}},
            ]
        ),
        "utf-8",
    )
    assert main(["convert", str(src), str(tmp_path / "a.xml")]) == 0
    captured = capsys.readouterr()
    assert "1 objects imported, 1 skipped" in captured.out and "geometry missing" in captured.err
    assert main(["convert", str(tmp_path / "a.xml"), str(tmp_path / "b.geojson")]) == 0
    back = load_annotations(tmp_path / "b.geojson").features
    assert back[0]["properties"]["classification"]["name"] == "Tumor"
    assert main(["convert", str(tmp_path / "missing.xml"), str(tmp_path / "c.geojson")]) == 2
