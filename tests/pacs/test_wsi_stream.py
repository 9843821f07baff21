"""A slide converted to DICOM-WSI in Orthanc and streamed tile by tile through the server.

The slide is the project's demo pyramid (real H&E pixels from TIAToolbox's
target_image.png, synthetic layout, labelled so), 4096 x 3072 here; the
server converts it with Debian orthanc-wsi's OrthancWSIDicomizer, STOWs the
instances, and the pathologist's workstation reads it as a ``SlideSource``.
"""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from hzserver_helpers import Api, wait_until
from pacs_helpers import pacs_row, upload

from app.slide.cache import TileCache
from app.slide.remote import open_remote_slide
from app.slide.source import SlideError, SlideSource

pytestmark = pytest.mark.skipif(
    shutil.which("OrthancWSIDicomizer") is None, reason="apt package orthanc-wsi is not installed"
)


def test_converted_slide_is_in_orthanc_with_the_case_patient(orthanc, slide_case):
    row = slide_case["pacs"]
    assert row["modality"] == "SM" and row["study_uid"] and row["series_uid"]
    with orthanc.http() as http:
        r = http.get(f"/dicom-web/studies/{row['study_uid']}/series/{row['series_uid']}/instances")
    assert r.status_code == 200, r.text
    items = r.json()
    assert len(items) >= 4  # one or more instances per pyramid level
    assert {i["00100020"]["Value"][0] for i in items} == {"DEMO-WSI-1"}


def test_remote_slide_reads_the_same_pixels_as_the_local_file(client, slide_case, slide_file):
    remote = open_remote_slide(client, slide_case["object"]["id"], TileCache())
    local = SlideSource(slide_file)
    assert remote.dimensions == local.dimensions == (4096, 3072)
    assert remote.mpp == pytest.approx(local.mpp, rel=1e-3)
    for level, (x, y, w, h) in ((0, (1000, 700, 900, 600)), (1, (0, 0, 2048, 1536))):
        lv = local.best_level(remote.level_downsamples[level])
        a = remote.read_region(level, x, y, w, h).astype(int)
        b = local.read_region(lv, x, y, w, h).astype(int)
        assert a.shape == b.shape
        assert np.abs(a - b).mean() < 1.5, level  # the same JPEG tiles, two decoders
    before = remote._slide.fetched
    remote.read_region(0, 1000, 700, 900, 600)  # from the tile cache
    assert remote._slide.fetched == before
    remote.close()
    local.close()


def test_other_users_get_nothing_of_the_slide(hz, slide_case):
    oid = slide_case["object"]["id"]
    for user in ("specialist", "radiologist"):
        api = Api(hz.url, user)
        assert api.get(f"/objects/{oid}/wsi").status_code == 404
        sop = "1.2.3"
        assert api.get(f"/objects/{oid}/wsi/{sop}/frames/1").status_code == 404


def test_a_frame_outside_the_slide_series_is_not_found(client, slide_case):
    oid = slide_case["object"]["id"]
    r = client.raw("GET", f"/objects/{oid}/wsi/1.2.3.4/frames/1")
    assert r.status_code == 404
    body = r.text
    assert "127.0.0.1" not in body and "dicom-web" not in body


def test_a_damaged_slide_fails_conversion_with_a_reason(doctor, client, tmp_path):
    bad = tmp_path / "broken.tiff"
    bad.write_bytes(b"II*\x00" + b"\x00" * 4096)
    case = doctor.new_case("SM", patient_id="DEMO-WSI-2")
    obj = upload(doctor, case["id"], bad)
    row = wait_until(lambda: pacs_row(doctor, obj["id"], "converted", "wsi_failed"), 60)
    assert row["state"] == "wsi_failed" and row["error"]
    assert doctor.get(f"/objects/{obj['id']}/wsi").status_code == 404
    with pytest.raises(SlideError):
        open_remote_slide(client, obj["id"])


def test_the_layout_is_rebuilt_from_the_pacs_when_the_server_lost_it(hz, client, slide_case):
    """The server keeps each slide's tile layout from the conversion; another node (or a
    lost cache) rebuilds it from the PACS's WADO-RS metadata, to the same layout."""
    oid = slide_case["object"]["id"]
    kept = client.get(f"/objects/{oid}/wsi")
    cached = next(hz.data_dir.rglob(f"wsi/{oid}.json"))
    cached.unlink()
    rebuilt = client.get(f"/objects/{oid}/wsi")
    assert cached.exists()

    def tiles(layout):  # instance order may differ: compare where each tile is
        sops = layout["instances"]
        return {
            (lv["width"], c, r, sops[i], f) for lv in layout["levels"] for c, r, i, f in lv["tiles"]
        }

    assert rebuilt["mpp"] == kept["mpp"] and tiles(rebuilt) == tiles(kept)


def test_several_tiles_come_in_one_request(client, slide_case):
    oid = slide_case["object"]["id"]
    layout = client.get(f"/objects/{oid}/wsi")
    level = layout["levels"][0]
    index = level["tiles"][0][2]
    frames = [t[3] for t in level["tiles"] if t[2] == index][:5]
    sop = layout["instances"][index]
    r = client.raw("GET", f"/objects/{oid}/wsi/{sop}/frames/{','.join(map(str, frames))}")
    lengths = [int(n) for n in r.headers["x-frame-lengths"].split(",")]
    assert r.status_code == 200 and len(lengths) == len(frames) == 5
    assert sum(lengths) == len(r.content)
    one = client.raw("GET", f"/objects/{oid}/wsi/{sop}/frames/{frames[2]}")
    start = sum(lengths[:2])
    assert r.content[start : start + lengths[2]] == one.content
    for bad in ("0", "1,x", ",".join(["1"] * 65)):
        assert client.raw("GET", f"/objects/{oid}/wsi/{sop}/frames/{bad}").status_code == 422
